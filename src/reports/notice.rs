//! The finance notice for the hall wall (财务公开 / 收支公示): one page for a month, a quarter or
//! a year with 上期结余, 本期收入, 本期支出, 本期结余, the lines by category, the totals in capital
//! numerals, the signature lines (会长, 会计, 出纳, 监督) and the date. It is what villagers read
//! to trust the association, so it is set large and plain, on A4 or (with `a3`) on A3 at the same
//! layout scaled up. The figures are the statement's (`statements::build`), never recomputed.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::association;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Fen;
use crate::money::statements::{self, Period, PeriodInput, Statement};
use crate::money::{cash_book, words, CashKind};
use crate::pdf::{self, Align, Doc};

/// The notice's form: the period, and whether it is printed on A3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoticeInput {
    pub period: PeriodInput,
    pub a3: bool,
}

/// The notice for the period the form names.
pub fn notice_input(conn: &Connection, input: &NoticeInput, l10n: &Localizer, today: NaiveDate) -> Result<Vec<u8>> {
    notice(conn, Period::parse(&input.period)?, input.a3, l10n, today)
}

/// "壹仟贰佰元整", with 负 in front of a negative amount (a balance can be below zero when the
/// book is wrong, and the wall must say so rather than print it as positive).
pub fn capital_signed(f: Fen, l10n: &Localizer) -> String {
    let words = words::capital(f.0);
    if f.0 < 0 {
        l10n.format("notice-negative", &[("amount", words)])
    } else {
        words
    }
}

pub fn notice(conn: &Connection, period: Period, a3: bool, l10n: &Localizer, today: NaiveDate) -> Result<Vec<u8>> {
    let s = statements::build(conn, period)?;
    let assoc = association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let title = l10n.t("notice-title");
    let mut doc = Doc::new(&format!("{assoc} {title} {}", period.label(l10n)))?;
    let paper = if a3 { pdf::A3 } else { pdf::A4 };
    // Laid out in A4 millimetres; A3 is the same page scaled by √2.
    let k = paper.width / pdf::A4.width;
    let p = doc.page(paper);
    let mm = |v: f32| v * k;
    let (left, right, mid) = (mm(22.0), mm(188.0), mm(105.0));
    // The heading is set large, smaller only when a long name would run off the page.
    let heading = l10n.format("notice-heading", &[("association", assoc.clone())]);
    let size = (24.0 * k).min(24.0 * k * (right - left) / pdf::text_width(&heading, 24.0 * k).max(1.0));
    p.text(mid, mm(30.0), size, Align::Center, &heading);
    p.text(mid, mm(42.0), 14.0 * k, Align::Center, &notice_span(&s, l10n));
    let mut y = mm(56.0);
    let row_h = mm(9.0);
    let lines = lines(&s, l10n);
    // Shrink the lines when a book has many categories, so the page stays one page.
    let room = mm(180.0);
    let row_h = if row_h * lines.len() as f32 > room { room / lines.len() as f32 } else { row_h };
    let size = (row_h / k / 9.0 * 13.0).min(13.0) * k;
    p.text(left + mm(2.0), y, 12.0 * k, Align::Left, &l10n.t("notice-col-item"));
    p.text(right - mm(2.0), y, 12.0 * k, Align::Right, &l10n.t("notice-col-amount"));
    p.line(left, y + mm(2.5), right, y + mm(2.5), 1.0 * k);
    y += row_h;
    for line in &lines {
        let x = left + if line.indent { mm(12.0) } else { mm(2.0) };
        let sz = if line.indent { size * 0.92 } else { size };
        p.text(x, y, sz, Align::Left, &line.label);
        p.text(right - mm(2.0), y, sz, Align::Right, &line.amount.yuan());
        let rule = if line.indent { 0.25 } else { 0.6 };
        p.line_styled(left, y + row_h * 0.35, right, y + row_h * 0.35, rule * k, pdf::GREY, false);
        y += row_h;
    }
    y += mm(4.0);
    for (id, v) in [("notice-income-words", s.income), ("notice-expense-words", s.expense), ("notice-closing-words", s.closing)] {
        p.text(left, y, 12.0 * k, Align::Left, &l10n.format(id, &[("amount", capital_signed(v, l10n))]));
        y += mm(8.0);
    }
    y += mm(4.0);
    for line in pdf::wrap(&l10n.t("notice-invite"), 11.0 * k, right - left) {
        p.text(left, y, 11.0 * k, Align::Left, &line);
        y += mm(6.5);
    }
    // The signature lines at the foot, whatever the number of lines above.
    let y = y.max(mm(250.0)).min(mm(262.0));
    let w = (right - left) / 4.0;
    for (i, id) in ["notice-sign-head", "notice-sign-accountant", "notice-sign-cashier", "notice-sign-supervisor"].iter().enumerate() {
        // Each line fills its quarter of the width after its label, so longer labels (English)
        // get shorter lines instead of running into the next one.
        let label = l10n.t(id);
        let line = (w - pdf::text_width(&label, 12.0 * k) - mm(6.0)).max(mm(12.0));
        p.signature(left + w * i as f32, y, 12.0 * k, &label, line);
    }
    let date = l10n.format(
        "notice-date",
        &[("year", today.year().to_string()), ("month", today.month().to_string()), ("day", today.day().to_string())],
    );
    p.text(right, y + mm(16.0), 12.0 * k, Align::Right, &date);
    p.text(right, y + mm(24.0), 12.0 * k, Align::Right, &l10n.format("notice-seal", &[("association", assoc.clone())]));
    Ok(doc.finish())
}

fn notice_span(s: &Statement, l10n: &Localizer) -> String {
    let (from, to) = s.period.bounds();
    l10n.format("notice-period", &[("period", s.period.label(l10n)), ("from", from.to_string()), ("to", to.to_string())])
}

/// One line of the notice's table.
struct Line {
    label: String,
    amount: Fen,
    indent: bool,
}

fn lines(s: &Statement, l10n: &Localizer) -> Vec<Line> {
    let mut out = vec![Line { label: l10n.t("notice-opening"), amount: s.opening, indent: false }];
    for (kind, id, total) in [(CashKind::Income, "notice-income", s.income), (CashKind::Expense, "notice-expense", s.expense)] {
        out.push(Line { label: l10n.t(id), amount: total, indent: false });
        for c in s.categories.iter().filter(|c| c.kind == kind) {
            let label = cash_book::category_label(l10n, c.category_code.as_deref(), &c.category);
            out.push(Line { label, amount: c.total, indent: true });
        }
    }
    out.push(Line { label: l10n.t("notice-closing"), amount: s.closing, indent: false });
    out
}
