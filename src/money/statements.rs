//! Statements (收支明细表), monthly or yearly, for the village committee: opening balance, every
//! entry, totals per category, closing balance, and the signature and seal lines; as PDF and as
//! XLSX. Every total is computed here in fen and written as a value, so a spreadsheet reader
//! that does not recalculate formulas still shows the right figures.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cash_book::{self, CashEntry, CashKind, EntryFilter};
use crate::chain::{self, Ledger};
use crate::kernel::{fields, Fen, Month, Printout, Quarter};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::choice::choice;
use crate::pdf::{self, Align, Doc};

/// The period a statement covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
#[ts(export)]
pub enum Period {
    Month(Month),
    Quarter(Quarter),
    Year(i32),
}

choice! {
    /// What a period is typed as, on a form or the command line.
    PeriodKind {
        Month = "month" / "period-kind-month" ["月", "月度"],
        Quarter = "quarter" / "period-kind-quarter" ["季", "季度"],
        Year = "year" / "period-kind-year" ["年", "年度"],
    }
}

/// A period as a form gives it: the kind picked and the text typed (2026-03, 2026-Q3, 2026).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodInput {
    pub kind: PeriodKind,
    pub text: String,
}

impl Period {
    /// Reads a typed period; errors name the field `period`.
    pub fn parse(input: &PeriodInput) -> Result<Period> {
        Ok(match input.kind {
            PeriodKind::Month => Period::Month(Month::parse("period", &input.text)?),
            PeriodKind::Quarter => Period::Quarter(Quarter::parse("period", &input.text)?),
            PeriodKind::Year => {
                let t = input.text.trim();
                let bad = || Error::invalid_with("period", "error-year-invalid", vec![("value", t.to_string())]);
                let y: i32 = t.parse().map_err(|_| bad())?;
                if t.len() != 4 || !(2000..=2100).contains(&y) {
                    return Err(bad());
                }
                Period::Year(y)
            }
        })
    }

    /// The period from the command line's `--month`, `--quarter` or `--year`: exactly one.
    pub fn from_flags(month: Option<&str>, quarter: Option<&str>, year: Option<i32>) -> Result<Period> {
        match (month, quarter, year) {
            (Some(m), None, None) => Ok(Period::Month(Month::parse("month", m)?)),
            (None, Some(q), None) => Ok(Period::Quarter(Quarter::parse("quarter", q)?)),
            (None, None, Some(y)) => Period::parse(&PeriodInput { kind: PeriodKind::Year, text: y.to_string() }),
            _ => Err(Error::invalid("period", "error-report-period-required")),
        }
    }

    /// The period as file names and the CLI write it: 2026-03, 2026-Q3, 2026.
    pub fn code(self) -> String {
        match self {
            Period::Month(m) => m.to_string(),
            Period::Quarter(q) => q.to_string(),
            Period::Year(y) => y.to_string(),
        }
    }

    pub fn bounds(self) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Month(m) => (m.first_day(), m.last_day()),
            Period::Quarter(q) => (q.first_day(), q.last_day()),
            Period::Year(y) => (
                NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
                NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default(),
            ),
        }
    }

    pub fn label(self, l10n: &Localizer) -> String {
        match self {
            Period::Month(m) => l10n.format("statement-period-month", &[("year", m.year.to_string()), ("month", m.month.to_string())]),
            Period::Quarter(q) => {
                l10n.format("statement-period-quarter", &[("year", q.year.to_string()), ("quarter", q.quarter.to_string())])
            }
            Period::Year(y) => l10n.format("statement-period-year", &[("year", y.to_string())]),
        }
    }
}

/// The statement form: by month or by year, the month (YYYY-MM) and the year as typed, and the
/// format asked for (the button pressed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementInput {
    pub by_year: bool,
    pub month: String,
    pub year: String,
    pub format: StatementFormat,
}

impl StatementInput {
    /// The period typed: the year (field `year`) or the month (field `month`).
    pub fn period(&self) -> Result<Period> {
        if self.by_year {
            Ok(Period::Year(fields::whole("year", &self.year, 2000..=2100, "error-year-invalid")? as i32))
        } else {
            Ok(Period::Month(Month::parse("month", &self.month)?))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryTotal {
    pub kind: CashKind,
    pub category: String,
    pub category_code: Option<String>,
    /// Net of reversals.
    pub total: Fen,
    pub entries: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Statement {
    pub period: Period,
    pub opening: Fen,
    pub entries: Vec<CashEntry>,
    pub categories: Vec<CategoryTotal>,
    pub income: Fen,
    pub expense: Fen,
    pub closing: Fen,
    /// Dues settled with saved hours in the period (`dues_hours`): no cash moved, so they are
    /// not in the totals above; shown beside the dues paid in cash. Count, value, hours.
    pub dues_hours_count: i64,
    pub dues_hours_amount: Fen,
    pub dues_hours: crate::time_bank::Hours,
}

/// Builds a statement from the cash book. closing = opening + income − expense always holds
/// (income and expense are net of reversals).
pub fn build(conn: &Connection, period: Period) -> Result<Statement> {
    let (from, to) = period.bounds();
    let opening = match from.pred_opt() {
        Some(d) => cash_book::balance(conn, Some(d))?,
        None => Fen::ZERO,
    };
    let entries = cash_book::list(conn, &EntryFilter { from: Some(from), to: Some(to) })?;
    let mut by_cat: BTreeMap<(u8, i64), CategoryTotal> = BTreeMap::new();
    let mut income = Fen::ZERO;
    let mut expense = Fen::ZERO;
    for e in &entries {
        let net = if e.reverses.is_some() { Fen(-e.amount.0) } else { e.amount };
        match e.kind {
            CashKind::Income => income += net,
            CashKind::Expense => expense += net,
        }
        let key = (if e.kind == CashKind::Income { 0 } else { 1 }, e.category_id.0);
        let t = by_cat.entry(key).or_insert_with(|| CategoryTotal {
            kind: e.kind,
            category: e.category.clone(),
            category_code: e.category_code.clone(),
            total: Fen::ZERO,
            entries: 0,
        });
        t.total += net;
        t.entries += 1;
    }
    let closing = opening + income - expense;
    let (dues_hours_count, dues_hours_amount, dues_hours) = super::dues_hours::settled_between(conn, from, to)?;
    Ok(Statement {
        period,
        opening,
        entries,
        categories: by_cat.into_values().collect(),
        income,
        expense,
        closing,
        dues_hours_count,
        dues_hours_amount,
        dues_hours,
    })
}

fn summary_of(e: &CashEntry, l10n: &Localizer) -> String {
    let mut parts = vec![e.category_label(l10n)];
    if !e.party.is_empty() {
        parts.push(e.party.clone());
    }
    if !e.memo.is_empty() {
        parts.push(e.memo.clone());
    }
    if let Some(of) = &e.reverses {
        parts.insert(0, l10n.format("statement-reversal-of", &[("voucher", of.clone())]));
    }
    parts.join(" · ")
}

choice! {
    /// The two forms a statement is handed over in.
    StatementFormat {
        Pdf = "pdf" / "money-statement-pdf" [],
        Xlsx = "xlsx" / "money-statement-xlsx" [],
    }
}

/// The statement the form asks for, as a file.
pub fn file(conn: &Connection, input: &StatementInput, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    render(conn, input.period()?, input.format, l10n, today)
}

/// Builds the statement for `period` and renders it as a PDF or a workbook, named after the
/// period (收支明细表-2026-03.pdf).
pub fn render(conn: &Connection, period: Period, format: StatementFormat, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let s = build(conn, period)?;
    let which = period.code();
    let (bytes, ext) = match format {
        StatementFormat::Pdf => (pdf(conn, &s, l10n, today)?, "pdf"),
        StatementFormat::Xlsx => (xlsx(conn, &s, l10n)?, "xlsx"),
    };
    let name = l10n.format("file-name-statement", &[("period", which), ("ext", ext.to_string())]);
    Ok(Printout::new(&name, bytes, 0))
}

/// The statement as an A4 landscape PDF with page numbers.
pub fn pdf(conn: &Connection, s: &Statement, l10n: &Localizer, today: NaiveDate) -> Result<Vec<u8>> {
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let title = l10n.t("statement-title");
    let period = s.period.label(l10n);
    let mut doc = Doc::new(&format!("{title} {period}"))?;
    let paper = pdf::A4_LANDSCAPE;
    let (left, right) = (14.0, paper.width - 14.0);
    // Column positions: left edge for text, right edge for figures.
    let cols: [(f32, Align, &str); 7] = [
        (left, Align::Left, "money-col-date"),
        (left + 24.0, Align::Left, "money-col-voucher"),
        (left + 46.0, Align::Left, "money-col-summary"),
        (left + 190.0, Align::Right, "money-col-income"),
        (left + 218.0, Align::Right, "money-col-expense"),
        (left + 246.0, Align::Right, "money-col-balance"),
        (left + 249.0, Align::Left, "money-col-handler"),
    ];
    let summary_w = 190.0 - 46.0 - 26.0;
    let size = 8.5;
    let row_h = 5.6;
    let bottom = paper.height - 18.0;
    let header = |doc: &mut Doc, first: bool| -> f32 {
        let page = doc.page(paper);
        let mut y = 16.0;
        if first {
            page.text(paper.width / 2.0, y + 2.0, 17.0, Align::Center, &title);
            y += 9.0;
            page.text(paper.width / 2.0, y, 10.0, Align::Center, &format!("{assoc}  {period}"));
            y += 8.0;
        } else {
            page.text(left, y, 9.0, Align::Left, &format!("{title}  {assoc}  {period}"));
            y += 7.0;
        }
        for (x, a, id) in &cols {
            page.text(*x, y, 9.0, *a, &l10n.t(id));
        }
        page.line(left, y + 1.8, right, y + 1.8, 0.6);
        y + 1.8 + row_h
    };
    let mut y = header(&mut doc, true);
    let opening_label = l10n.t("statement-opening");
    if let Some(p) = doc.pages_mut().last_mut() {
        p.text(cols[2].0, y, size, Align::Left, &opening_label);
        p.text(cols[5].0, y, size, Align::Right, &s.opening.grouped());
    }
    y += row_h;
    for e in &s.entries {
        if y > bottom {
            y = header(&mut doc, false);
        }
        let Some(p) = doc.pages_mut().last_mut() else { break };
        let signed_amount = if e.reverses.is_some() { Fen(-e.amount.0) } else { e.amount };
        let color = if e.reverses.is_some() { pdf::RED } else { pdf::BLACK };
        p.text(cols[0].0, y, size, Align::Left, &e.date.to_string());
        p.text(cols[1].0, y, size, Align::Left, &e.voucher_no);
        p.text_colored(cols[2].0, y, size, Align::Left, &pdf::fit(&summary_of(e, l10n), size, summary_w), color);
        let (col, _) = if e.kind == CashKind::Income { (3, ()) } else { (4, ()) };
        p.text_colored(cols[col].0, y, size, Align::Right, &signed_amount.grouped(), color);
        if let Some(b) = e.balance {
            p.text(cols[5].0, y, size, Align::Right, &b.grouped());
        }
        p.text(cols[6].0, y, size, Align::Left, &pdf::fit(&e.handler, size, right - cols[6].0));
        y += row_h;
    }
    // Totals, then the per-category summary, then the signatures; on a new page if needed.
    let cat_lines = s.categories.len() as f32;
    let needed = row_h * (4.0 + cat_lines) + 40.0;
    if y + needed > paper.height - 12.0 {
        y = header(&mut doc, false);
    }
    if let Some(p) = doc.pages_mut().last_mut() {
        p.line(left, y - row_h + 1.8, right, y - row_h + 1.8, 0.6);
        p.text(cols[2].0, y, 9.5, Align::Left, &l10n.t("statement-total"));
        p.text(cols[3].0, y, 9.5, Align::Right, &s.income.grouped());
        p.text(cols[4].0, y, 9.5, Align::Right, &s.expense.grouped());
        y += row_h;
        p.text(cols[2].0, y, 9.5, Align::Left, &l10n.t("statement-closing"));
        p.text(cols[5].0, y, 9.5, Align::Right, &s.closing.grouped());
        y += row_h * 1.8;
        p.text(left, y, 10.5, Align::Left, &l10n.t("statement-by-category"));
        y += row_h;
        for c in &s.categories {
            let label = cash_book::category_label(l10n, c.category_code.as_deref(), &c.category);
            p.text(left + 4.0, y, size, Align::Left, &format!("{} · {}", l10n.t(c.kind.label_id()), label));
            p.text(left + 100.0, y, size, Align::Right, &c.total.grouped());
            p.text(left + 104.0, y, size, Align::Left, &l10n.format("statement-entries", &[("count", c.entries.to_string())]));
            y += row_h;
        }
        if let Some(line) = dues_hours_line(s, l10n) {
            p.text(left + 4.0, y, size, Align::Left, &line);
            y += row_h;
        }
        y += 12.0;
        let y = y.min(paper.height - 14.0);
        p.signature(left, y, 10.0, &l10n.t("pdf-sign-prepared-by"), 32.0);
        p.signature(left + 80.0, y, 10.0, &l10n.t("pdf-sign-reviewed-by"), 32.0);
        p.text(left + 160.0, y, 10.0, Align::Left, &l10n.t("pdf-sign-seal"));
        p.text(right, y, 9.0, Align::Right, &l10n.format("money-printed-on", &[("date", today.to_string())]));
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let code = chain::head(conn, Ledger::Cash)?;
    doc.footer_right(8.0, 14.0, &l10n.format("store-chain-code", &[("code", code)]));
    Ok(doc.finish())
}

pub(crate) fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Io(std::io::Error::other(e))
}

pub(crate) fn yuan_f64(f: Fen) -> f64 {
    // Only for the spreadsheet cell, which stores doubles; the figure shown is formatted to two
    // decimals and the exact value is kept beside it as text.
    f.0 as f64 / 100.0
}

/// The statement as an XLSX workbook: sheet 1 the detail with totals, sheet 2 the category
/// totals. Totals are values computed here (and, for the detail, a =SUM with that value cached).
pub fn xlsx(conn: &Connection, s: &Statement, l10n: &Localizer) -> Result<Vec<u8>> {
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let mut wb = Workbook::new();
    let money = Format::new().set_num_format("#,##0.00");
    let bold = Format::new().set_bold();
    let bold_money = Format::new().set_bold().set_num_format("#,##0.00").set_border_top(FormatBorder::Thin);
    let title_fmt = Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center);
    let head = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);

    let sheet = wb.add_worksheet();
    sheet.set_name(l10n.t("statement-sheet-detail")).map_err(xlsx_err)?;
    let title = format!("{} {} {}", assoc, s.period.label(l10n), l10n.t("statement-title"));
    sheet.merge_range(0, 0, 0, 6, &title, &title_fmt).map_err(xlsx_err)?;
    let heads = ["money-col-date", "money-col-voucher", "money-col-summary", "money-col-income", "money-col-expense", "money-col-balance", "money-col-handler"];
    for (i, h) in heads.iter().enumerate() {
        sheet.write_with_format(2, i as u16, l10n.t(h), &head).map_err(xlsx_err)?;
    }
    for (i, w) in [11.0, 11.0, 44.0, 13.0, 13.0, 14.0, 10.0].iter().enumerate() {
        sheet.set_column_width(i as u16, *w).map_err(xlsx_err)?;
    }
    let mut row: u32 = 3;
    sheet.write(row, 2, l10n.t("statement-opening")).map_err(xlsx_err)?;
    sheet.write_with_format(row, 5, yuan_f64(s.opening), &money).map_err(xlsx_err)?;
    row += 1;
    let first_data = row;
    for e in &s.entries {
        let signed_amount = if e.reverses.is_some() { Fen(-e.amount.0) } else { e.amount };
        sheet.write(row, 0, e.date.to_string()).map_err(xlsx_err)?;
        sheet.write(row, 1, &e.voucher_no).map_err(xlsx_err)?;
        sheet.write(row, 2, summary_of(e, l10n)).map_err(xlsx_err)?;
        let col = if e.kind == CashKind::Income { 3 } else { 4 };
        sheet.write_with_format(row, col, yuan_f64(signed_amount), &money).map_err(xlsx_err)?;
        if let Some(b) = e.balance {
            sheet.write_with_format(row, 5, yuan_f64(b), &money).map_err(xlsx_err)?;
        }
        sheet.write(row, 6, &e.handler).map_err(xlsx_err)?;
        row += 1;
    }
    let last_data = row.saturating_sub(1).max(first_data);
    // Totals: the value computed in Rust, and a formula row that checks it with the same value
    // cached, for anyone who wants to see where it comes from.
    sheet.write_with_format(row, 2, l10n.t("statement-total"), &bold).map_err(xlsx_err)?;
    sheet.write_with_format(row, 3, yuan_f64(s.income), &bold_money).map_err(xlsx_err)?;
    sheet.write_with_format(row, 4, yuan_f64(s.expense), &bold_money).map_err(xlsx_err)?;
    row += 1;
    sheet.write_with_format(row, 2, l10n.t("statement-closing"), &bold).map_err(xlsx_err)?;
    sheet.write_with_format(row, 5, yuan_f64(s.closing), &bold_money).map_err(xlsx_err)?;
    row += 1;
    sheet.write(row, 2, l10n.t("statement-check-sum")).map_err(xlsx_err)?;
    for (col, value) in [(3u16, s.income), (4u16, s.expense)] {
        let letter = if col == 3 { "D" } else { "E" };
        let f = Formula::new(format!("=SUM({letter}{}:{letter}{})", first_data + 1, last_data + 1)).set_result(value.plain());
        sheet.write_formula_with_format(row, col, f, &money).map_err(xlsx_err)?;
    }
    row += 2;
    sheet.write(row, 0, l10n.t("pdf-sign-prepared-by")).map_err(xlsx_err)?;
    sheet.write(row, 2, l10n.t("pdf-sign-reviewed-by")).map_err(xlsx_err)?;
    sheet.write(row, 4, l10n.t("pdf-sign-seal")).map_err(xlsx_err)?;

    let sheet = wb.add_worksheet();
    sheet.set_name(l10n.t("statement-sheet-categories")).map_err(xlsx_err)?;
    for (i, h) in ["money-col-kind", "money-col-category", "money-col-amount", "money-col-count"].iter().enumerate() {
        sheet.write_with_format(0, i as u16, l10n.t(h), &head).map_err(xlsx_err)?;
    }
    sheet.set_column_width(1, 20.0).map_err(xlsx_err)?;
    sheet.set_column_width(2, 14.0).map_err(xlsx_err)?;
    let mut row = 1u32;
    for c in &s.categories {
        sheet.write(row, 0, l10n.t(c.kind.label_id())).map_err(xlsx_err)?;
        sheet.write(row, 1, cash_book::category_label(l10n, c.category_code.as_deref(), &c.category)).map_err(xlsx_err)?;
        sheet.write_with_format(row, 2, yuan_f64(c.total), &money).map_err(xlsx_err)?;
        sheet.write(row, 3, c.entries as f64).map_err(xlsx_err)?;
        row += 1;
    }
    for (label, v) in [
        ("statement-opening", s.opening),
        ("statement-income-total", s.income),
        ("statement-expense-total", s.expense),
        ("statement-closing", s.closing),
    ] {
        sheet.write_with_format(row, 1, l10n.t(label), &bold).map_err(xlsx_err)?;
        sheet.write_with_format(row, 2, yuan_f64(v), &bold_money).map_err(xlsx_err)?;
        // The exact figure as text too: a double cannot hold every amount of fen exactly.
        sheet.write(row, 3, v.plain()).map_err(xlsx_err)?;
        row += 1;
    }
    if let Some(line) = dues_hours_line(s, l10n) {
        sheet.write(row + 1, 1, line).map_err(xlsx_err)?;
    }
    wb.save_to_buffer().map_err(xlsx_err)
}

/// The line saying what dues were settled with saved hours, beside the cash (none: no line).
fn dues_hours_line(s: &Statement, l10n: &Localizer) -> Option<String> {
    (s.dues_hours_count > 0).then(|| {
        l10n.format(
            "statement-dues-hours",
            &[("count", s.dues_hours_count.to_string()), ("hours", s.dues_hours.to_string()), ("amount", s.dues_hours_amount.yuan())],
        )
    })
}
