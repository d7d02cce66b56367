//! The work report as an A4 PDF: a cover (association, period, 制表人 / 审核人 / 盖章, date), then
//! the six sections in the order the committee reads them, with bar charts of the members.

use super::layout::{bar_chart, chart_height, Bar, Flow};
use super::work::{Tally, WorkReport};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::money::cash_book;
use crate::money::CashKind;
use crate::pdf::{self, Align, Doc};
use crate::time_bank::Hours;

const MARGIN: f32 = 20.0;

pub fn pdf(r: &WorkReport, l10n: &Localizer) -> Result<Vec<u8>> {
    let title = r.title(l10n);
    let doc = Doc::new(&format!("{} {}", r.association.name, title))?;
    let mut f = Flow::new(doc, pdf::A4, MARGIN, format!("{}  {}", r.association.name, title));
    cover(&mut f, r, l10n, &title);
    f.new_page();
    members(&mut f, r, l10n);
    services(&mut f, r, l10n);
    welfare(&mut f, r, l10n);
    money(&mut f, r, l10n);
    time_bank(&mut f, r, l10n);
    notes(&mut f, r, l10n);
    let mut doc = f.doc;
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    Ok(doc.finish())
}

fn day(d: chrono::NaiveDate, l10n: &Localizer) -> String {
    WorkReport::long_date(d, l10n)
}

fn cover(f: &mut Flow, r: &WorkReport, l10n: &Localizer, title: &str) {
    f.new_page();
    let mid = f.paper.width / 2.0;
    let (left, right) = (f.left, f.right);
    let p = f.page();
    p.text(mid, 62.0, 20.0, Align::Center, &r.association.name);
    p.text(mid, 84.0, 28.0, Align::Center, title);
    let span = l10n.format("report-cover-span", &[("from", day(r.from, l10n)), ("to", day(r.to, l10n))]);
    p.text(mid, 98.0, 12.0, Align::Center, &span);
    if !r.association.village.is_empty() {
        let to = l10n.format("report-cover-to", &[("village", r.association.village.clone())]);
        p.text(mid, 108.0, 12.0, Align::Center, &to);
    }
    p.line(left + 30.0, 116.0, right - 30.0, 116.0, 0.6);
    let mut y = 134.0;
    p.text(left + 40.0, y, 12.0, Align::Left, &l10n.t("report-contents"));
    y += 9.0;
    for id in SECTIONS {
        p.text(left + 46.0, y, 12.0, Align::Left, &l10n.t(id));
        y += 8.0;
    }
    let y = 236.0;
    p.signature(left + 6.0, y, 12.0, &l10n.t("pdf-sign-prepared-by"), 34.0);
    p.signature(left + 72.0, y, 12.0, &l10n.t("pdf-sign-reviewed-by"), 34.0);
    p.text(right - 6.0, y, 12.0, Align::Right, &l10n.t("pdf-sign-seal"));
    p.circle(right - 22.0, y - 18.0, 15.0, pdf::GREY, true);
    let made = l10n.format("report-cover-date", &[("date", day(r.made_on, l10n))]);
    p.text(right - 6.0, y + 14.0, 12.0, Align::Right, &made);
}

const SECTIONS: [&str; 6] = [
    "report-section-members",
    "report-section-services",
    "report-section-welfare",
    "report-section-money",
    "report-section-time",
    "report-section-notes",
];

fn bars(t: &[Tally]) -> Vec<Bar<'_>> {
    t.iter().map(|t| Bar { label: &t.label, count: t.count }).collect()
}

fn members(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    let m = &r.members;
    f.heading(&l10n.t("report-section-members"));
    // The five key figures as a strip of boxes: start, joined, left, died, end.
    let figures = [
        ("report-members-at-start", m.at_start),
        ("report-members-joined", m.joined),
        ("report-members-left", m.left),
        ("report-members-died", m.died),
        ("report-members-at-end", m.at_end),
    ];
    f.need(22.0);
    let w = (f.right - f.left) / figures.len() as f32;
    let (left, y) = (f.left, f.y);
    let p = f.page();
    for (i, (id, n)) in figures.iter().enumerate() {
        let x = left + w * i as f32;
        p.rect(x, y - 4.0, w, 17.0, Some((pdf::GREY, 0.5)), None);
        p.text(x + w / 2.0, y + 1.5, 9.0, Align::Center, &l10n.t(id));
        p.text(x + w / 2.0, y + 10.0, 14.0, Align::Center, &n.to_string());
    }
    f.y += 20.0;
    let note = l10n.format("report-members-as-of", &[("date", day(r.to, l10n))]);
    let y = f.y;
    f.page().text_colored(left, y, 9.0, Align::Left, &note, pdf::GREY);
    f.y += 8.0;
    // Charts two by two where they are short, the groups across the page.
    let half = (f.right - f.left - 8.0) / 2.0;
    for pair in [
        [("report-by-age", &m.by_age), ("report-by-gender", &m.by_gender)],
        [("report-by-care", &m.by_care), ("report-by-living", &m.by_living)],
    ] {
        let h = pair.iter().map(|(_, t)| chart_height(t.len())).fold(0.0, f32::max);
        f.need(h);
        let (x, y) = (f.left, f.y);
        for (i, (id, t)) in pair.iter().enumerate() {
            bar_chart(f.page(), x + i as f32 * (half + 8.0), y, half, &l10n.t(id), &bars(t));
        }
        f.y += h + 3.0;
    }
    if !m.by_group.is_empty() {
        // A register with many groups runs on in pieces that each fit a page.
        let mut rest: &[Tally] = &m.by_group;
        let mut first = true;
        while !rest.is_empty() {
            f.need(chart_height(1.min(rest.len())) + 6.0);
            let room = ((f.paper.height - 16.0 - f.y - 9.0) / 6.0).floor().max(1.0) as usize;
            let (now, later) = rest.split_at(room.min(rest.len()));
            let title = if first { l10n.t("report-by-group") } else { String::new() };
            let (x, y, w) = (f.left, f.y, f.right - f.left);
            let h = bar_chart(f.page(), x, y, w, &title, &bars(now));
            f.y += h + 3.0;
            rest = later;
            first = false;
        }
    }
}

fn services(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    let s = &r.services;
    f.heading(&l10n.t("report-section-services"));
    let cols: [(&str, f32); 6] = [
        ("report-col-duty", 0.0),
        ("report-col-planned", 62.0),
        ("report-col-done", 86.0),
        ("report-col-covered", 110.0),
        ("report-col-missed", 134.0),
        ("report-col-hours", 166.0),
    ];
    f.need(6.5 * (s.duties.len() as f32 + 2.0) + 4.0);
    let (left, right) = (f.left, f.right);
    let mut y = f.y;
    let p = f.page();
    for (i, (id, x)) in cols.iter().enumerate() {
        let align = if i == 0 { Align::Left } else { Align::Right };
        p.text(left + if i == 0 { 2.0 } else { *x }, y, 9.5, align, &l10n.t(id));
    }
    p.line(left, y + 2.0, right, y + 2.0, 0.5);
    y += 7.0;
    let mut total = [0i64; 5];
    for d in &s.duties {
        let figures = [d.planned, d.done, d.covered, d.missed, d.minutes];
        for (t, v) in total.iter_mut().zip(figures) {
            *t += v;
        }
        row_of(p, left, y, &l10n.t(d.kind.label_id()), &figures, &cols);
        y += 6.5;
    }
    p.line(left, y - 4.5, right, y - 4.5, 0.3);
    row_of(p, left, y, &l10n.t("report-total"), &total, &cols);
    f.y = y + 9.0;
    f.row(0.0, &l10n.t("report-visits"), &l10n.format("report-times", &[("count", s.visits.to_string())]), 10.5);
    f.row(0.0, &l10n.t("report-calls"), &l10n.format("report-times", &[("count", s.calls.to_string())]), 10.5);
    f.row(0.0, &l10n.t("report-pairings"), &l10n.format("report-pairs", &[("count", s.pairings.to_string())]), 10.5);
    let overdue = l10n.format(
        "report-overdue",
        &[("date", day(s.overdue_on, l10n)), ("days", crate::rota::DEFAULT_OVERDUE_DAYS.to_string())],
    );
    f.row(0.0, &overdue, &l10n.format("report-people", &[("count", s.overdue.len().to_string())]), 10.5);
    if !s.overdue.is_empty() {
        f.paragraph(&format!("    {}", s.overdue.join(l10n.t("report-list-separator").as_str())), 9.5);
    }
    f.y += 4.0;
}

/// A row of the services table: the kind, then the counts, the last one minutes shown as hours.
fn row_of(p: &mut crate::pdf::Page, left: f32, y: f32, label: &str, figures: &[i64; 5], cols: &[(&str, f32); 6]) {
    p.text(left + 2.0, y, 10.0, Align::Left, label);
    for (i, v) in figures.iter().enumerate() {
        let text = if i == 4 { hours_of_minutes(*v) } else { v.to_string() };
        p.text(left + cols[i + 1].1, y, 10.0, Align::Right, &text);
    }
}

/// Minutes as hours with one decimal, rounded half up (90 → 1.5, 100 → 1.7).
pub(super) fn hours_of_minutes(m: i64) -> String {
    let tenths = (m * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn welfare(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    f.heading(&l10n.t("report-section-welfare"));
    match &r.welfare {
        Some(w) if !w.kinds.is_empty() => {
            for line in &w.kinds {
                let figure = format!("{}  {}", l10n.format("report-times", &[("count", line.count.to_string())]), line.amount.yuan());
                f.row(0.0, &line.label, &figure, 10.5);
            }
        }
        _ => {
            f.paragraph(&l10n.t("report-welfare-none"), 10.5);
        }
    }
    f.y += 4.0;
    activities(f, r, l10n);
}

/// The activities of the period, under the welfare (what the association did for its members
/// besides care): one line each with the attendance and the cost.
fn activities(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    let spent: crate::kernel::Fen = r.activities.iter().map(|a| a.spent).sum();
    let head = l10n.format("report-activities", &[("count", r.activities.len().to_string())]);
    f.row(0.0, &head, &spent.yuan(), 10.5);
    for a in &r.activities {
        let label = format!("{}  {}  {}", a.date.format("%m-%d"), a.name, a.kind);
        let figure = format!("{}  {}", l10n.format("report-people", &[("count", a.attendance.to_string())]), a.spent.yuan());
        f.row(8.0, &label, &figure, 9.5);
    }
    f.y += 4.0;
}

fn money(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    let m = &r.money;
    f.heading(&l10n.t("report-section-money"));
    f.need(6.5 * (m.categories.len() as f32 + 6.0));
    f.row(0.0, &l10n.t("statement-opening"), &m.opening.yuan(), 10.5);
    for (kind, total_id, total) in [
        (CashKind::Income, "statement-income-total", m.income),
        (CashKind::Expense, "statement-expense-total", m.expense),
    ] {
        f.row(0.0, &l10n.t(total_id), &total.yuan(), 10.5);
        for c in m.categories.iter().filter(|c| c.kind == kind) {
            let label = cash_book::category_label(l10n, c.category_code.as_deref(), &c.category);
            f.row(8.0, &label, &c.total.yuan(), 9.5);
        }
    }
    f.row(0.0, &l10n.t("statement-closing"), &m.closing.yuan(), 10.5);
    let check = l10n.format("report-money-check", &[("entries", m.entries.to_string())]);
    let (left, y) = (f.left, f.y);
    f.page().text_colored(left, y + 1.0, 9.0, Align::Left, &check, pdf::GREY);
    f.y += 8.0;
}

fn time_bank(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    let t = &r.time;
    f.heading(&l10n.t("report-section-time"));
    let hours = |h: Hours| l10n.format("report-hours", &[("hours", h.to_string())]);
    let mut lines = vec![
        ("report-time-deposited", hours(t.deposited)),
        ("report-time-withdrawn", hours(t.withdrawn)),
        ("report-time-transferred", hours(t.transferred)),
        ("report-time-inherited", hours(t.inherited)),
        ("report-time-donated", hours(t.donated)),
        ("report-time-granted", hours(t.granted)),
    ];
    if t.exchanged_in != Hours::ZERO || t.exchanged_out != Hours::ZERO {
        lines.push(("report-time-exchanged-in", hours(t.exchanged_in)));
        lines.push(("report-time-exchanged-out", hours(t.exchanged_out)));
    }
    lines.push(("report-time-pool", hours(t.pool)));
    lines.push(("report-time-held", hours(t.held)));
    lines.push((
        "report-time-accounts",
        l10n.format("report-accounts", &[("count", t.accounts.to_string()), ("with", t.accounts_with_hours.to_string())]),
    ));
    for (id, figure) in lines {
        f.row(0.0, &l10n.t(id), &figure, 10.5);
    }
    f.y += 4.0;
}

fn notes(f: &mut Flow, r: &WorkReport, l10n: &Localizer) {
    f.heading(&l10n.t("report-section-notes"));
    if r.notes.trim().is_empty() {
        f.paragraph(&l10n.t("report-notes-none"), 10.5);
    } else {
        f.paragraph(&r.notes, 11.0);
    }
    f.y += 10.0;
    f.need(14.0);
    let (left, y) = (f.left, f.y);
    let p = f.page();
    p.signature(left, y, 10.5, &l10n.t("pdf-sign-prepared-by"), 30.0);
    p.signature(left + 64.0, y, 10.5, &l10n.t("pdf-sign-reviewed-by"), 30.0);
    p.text(left + 128.0, y, 10.5, Align::Left, &l10n.t("pdf-sign-seal"));
}
