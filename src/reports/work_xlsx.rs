//! The work report as a workbook: one sheet per section, every figure a value computed in Rust
//! (counts as numbers, money in yuan with the exact figure beside it as text, hours as numbers),
//! so a reader that does not recalculate formulas still sees them all.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};

use super::work::{Tally, WorkReport};
use super::work_pdf::hours_of_minutes;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Fen;
use crate::money::cash_book;
use crate::money::statements::{xlsx_err, yuan_f64};
use crate::money::CashKind;
use crate::time_bank::Hours;

struct Formats {
    title: Format,
    head: Format,
    bold: Format,
    money: Format,
    hours: Format,
}

fn formats() -> Formats {
    Formats {
        title: Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Left),
        head: Format::new().set_bold().set_border_bottom(FormatBorder::Thin),
        bold: Format::new().set_bold(),
        money: Format::new().set_num_format("#,##0.00"),
        hours: Format::new().set_num_format("0.0"),
    }
}

/// A sheet named after its section, with the report's title in its first row.
fn sheet<'a>(wb: &'a mut Workbook, name: &str, title: &str, f: &Formats) -> Result<&'a mut Worksheet> {
    let s = wb.add_worksheet();
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    s.set_name(clean).map_err(xlsx_err)?;
    s.write_with_format(0, 0, title, &f.title).map_err(xlsx_err)?;
    s.set_column_width(0, 30.0).map_err(xlsx_err)?;
    s.set_column_width(1, 14.0).map_err(xlsx_err)?;
    s.set_column_width(2, 14.0).map_err(xlsx_err)?;
    Ok(s)
}

fn hours_f64(h: Hours) -> f64 {
    h.half_hours() as f64 / 2.0
}

pub fn xlsx(r: &WorkReport, l10n: &Localizer) -> Result<Vec<u8>> {
    let f = formats();
    let title = format!("{} {}", r.association.name, r.title(l10n));
    let mut wb = Workbook::new();
    let t = |id: &str| l10n.t(id);
    let e = xlsx_err;

    // The cover: who, what period, when, and the signature lines.
    let s = sheet(&mut wb, &t("report-sheet-cover"), &title, &f)?;
    // The label is in the first column: the value is the span alone (2026-01-01至2026-12-31).
    let span = l10n.format("report-span", &[("from", r.from.to_string()), ("to", r.to.to_string())]);
    let cover = [
        (t("report-cover-association"), r.association.name.clone()),
        (t("report-cover-period"), span),
        (t("report-cover-made"), r.made_on.to_string()),
        (t("pdf-sign-prepared-by"), String::new()),
        (t("pdf-sign-reviewed-by"), String::new()),
        (t("pdf-sign-seal"), String::new()),
    ];
    for (i, (k, v)) in cover.iter().enumerate() {
        s.write_with_format(2 + i as u32, 0, k, &f.bold).map_err(e)?;
        s.write(2 + i as u32, 1, v).map_err(e)?;
    }

    // Members: the key figures, then each breakdown as a block of label and count.
    let m = &r.members;
    let s = sheet(&mut wb, &t("report-sheet-members"), &t("report-section-members"), &f)?;
    let mut row = 2u32;
    for (id, n) in [
        ("report-members-at-start", m.at_start),
        ("report-members-joined", m.joined),
        ("report-members-left", m.left),
        ("report-members-died", m.died),
        ("report-members-at-end", m.at_end),
    ] {
        s.write(row, 0, t(id)).map_err(e)?;
        s.write(row, 1, n as f64).map_err(e)?;
        row += 1;
    }
    for (id, list) in [
        ("report-by-age", &m.by_age),
        ("report-by-gender", &m.by_gender),
        ("report-by-care", &m.by_care),
        ("report-by-living", &m.by_living),
        ("report-by-group", &m.by_group),
    ] {
        row += 1;
        s.write_with_format(row, 0, t(id), &f.head).map_err(e)?;
        s.write_with_format(row, 1, t("report-col-count"), &f.head).map_err(e)?;
        row += 1;
        row = tallies(s, row, list, &t("report-total"))?;
    }

    // Services: the duty table, then visits, calls, pairings and the overdue elders.
    let sv = &r.services;
    let s = sheet(&mut wb, &t("report-sheet-services"), &t("report-section-services"), &f)?;
    let heads = ["report-col-duty", "report-col-planned", "report-col-done", "report-col-covered", "report-col-missed", "report-col-hours"];
    for (c, h) in heads.iter().enumerate() {
        s.write_with_format(2, c as u16, t(h), &f.head).map_err(e)?;
    }
    let mut row = 3u32;
    let mut total = [0i64; 5];
    for d in &sv.duties {
        let figures = [d.planned, d.done, d.covered, d.missed, d.minutes];
        for (acc, v) in total.iter_mut().zip(figures) {
            *acc += v;
        }
        duty_row(s, row, &t(d.kind.label_id()), &figures, &f)?;
        row += 1;
    }
    duty_row(s, row, &t("report-total"), &total, &f)?;
    row += 2;
    for (id, n) in [("report-visits", sv.visits), ("report-calls", sv.calls), ("report-pairings", sv.pairings)] {
        s.write(row, 0, t(id)).map_err(e)?;
        s.write(row, 1, n as f64).map_err(e)?;
        row += 1;
    }
    let overdue = l10n.format(
        "report-overdue",
        &[("date", sv.overdue_on.to_string()), ("days", crate::rota::DEFAULT_OVERDUE_DAYS.to_string())],
    );
    s.write(row, 0, overdue).map_err(e)?;
    s.write(row, 1, sv.overdue.len() as f64).map_err(e)?;
    for name in &sv.overdue {
        row += 1;
        s.write(row, 1, name).map_err(e)?;
    }

    // Welfare.
    let s = sheet(&mut wb, &t("report-sheet-welfare"), &t("report-section-welfare"), &f)?;
    match &r.welfare {
        Some(w) if !w.kinds.is_empty() => {
            for (c, h) in ["report-col-kind", "report-col-count", "report-col-amount"].iter().enumerate() {
                s.write_with_format(2, c as u16, t(h), &f.head).map_err(e)?;
            }
            for (row, line) in (3u32..).zip(&w.kinds) {
                s.write(row, 0, &line.label).map_err(e)?;
                s.write(row, 1, line.count as f64).map_err(e)?;
                money_cells(s, row, 2, line.amount, &f)?;
            }
        }
        _ => {
            s.write(2, 0, t("report-welfare-none")).map_err(e)?;
        }
    }
    // The activities of the period, below the welfare (as in the PDF).
    let mut row = 5 + r.welfare.as_ref().map_or(0, |w| w.kinds.len() as u32);
    s.write_with_format(row, 0, l10n.format("report-activities", &[("count", r.activities.len().to_string())]), &f.bold).map_err(e)?;
    row += 1;
    for (c, h) in ["report-col-date", "report-col-item", "report-col-kind", "report-col-count", "report-col-amount"].iter().enumerate() {
        s.write_with_format(row, c as u16, t(h), &f.head).map_err(e)?;
    }
    for a in &r.activities {
        row += 1;
        s.write(row, 0, a.date.to_string()).map_err(e)?;
        s.write(row, 1, &a.name).map_err(e)?;
        s.write(row, 2, &a.kind).map_err(e)?;
        s.write(row, 3, a.attendance as f64).map_err(e)?;
        money_cells(s, row, 4, a.spent, &f)?;
    }

    // Money: the statement's figures, category by category.
    let mo = &r.money;
    let s = sheet(&mut wb, &t("report-sheet-money"), &t("report-section-money"), &f)?;
    for (c, h) in ["report-col-item", "report-col-amount", "report-col-exact", "report-col-entries"].iter().enumerate() {
        s.write_with_format(2, c as u16, t(h), &f.head).map_err(e)?;
    }
    let mut row = 3u32;
    s.write_with_format(row, 0, t("statement-opening"), &f.bold).map_err(e)?;
    money_cells(s, row, 1, mo.opening, &f)?;
    row += 1;
    for (kind, total_id, total) in [
        (CashKind::Income, "statement-income-total", mo.income),
        (CashKind::Expense, "statement-expense-total", mo.expense),
    ] {
        s.write_with_format(row, 0, t(total_id), &f.bold).map_err(e)?;
        money_cells(s, row, 1, total, &f)?;
        row += 1;
        for c in mo.categories.iter().filter(|c| c.kind == kind) {
            let label = cash_book::category_label(l10n, c.category_code.as_deref(), &c.category);
            s.write(row, 0, format!("    {label}")).map_err(e)?;
            money_cells(s, row, 1, c.total, &f)?;
            s.write(row, 3, c.entries as f64).map_err(e)?;
            row += 1;
        }
    }
    s.write_with_format(row, 0, t("statement-closing"), &f.bold).map_err(e)?;
    money_cells(s, row, 1, mo.closing, &f)?;

    // Time bank.
    let tb = &r.time;
    let s = sheet(&mut wb, &t("report-sheet-time"), &t("report-section-time"), &f)?;
    s.write_with_format(2, 0, t("report-col-item"), &f.head).map_err(e)?;
    s.write_with_format(2, 1, t("report-col-hours"), &f.head).map_err(e)?;
    let mut row = 3u32;
    for (id, h) in [
        ("report-time-deposited", tb.deposited),
        ("report-time-withdrawn", tb.withdrawn),
        ("report-time-transferred", tb.transferred),
        ("report-time-inherited", tb.inherited),
        ("report-time-donated", tb.donated),
        ("report-time-granted", tb.granted),
        ("report-time-exchanged-in", tb.exchanged_in),
        ("report-time-exchanged-out", tb.exchanged_out),
        ("report-time-pool", tb.pool),
        ("report-time-held", tb.held),
    ] {
        s.write(row, 0, t(id)).map_err(e)?;
        s.write_with_format(row, 1, hours_f64(h), &f.hours).map_err(e)?;
        row += 1;
    }
    for (id, n) in [("report-time-accounts", tb.accounts), ("report-time-accounts-with-hours", tb.accounts_with_hours)] {
        s.write(row, 0, t(id)).map_err(e)?;
        s.write(row, 1, n as f64).map_err(e)?;
        row += 1;
    }

    // Notes, one line a row as typed.
    let s = sheet(&mut wb, &t("report-sheet-notes"), &t("report-section-notes"), &f)?;
    s.set_column_width(0, 100.0).map_err(e)?;
    let text = if r.notes.trim().is_empty() { t("report-notes-none") } else { r.notes.clone() };
    for (i, line) in text.lines().enumerate() {
        s.write(2 + i as u32, 0, line).map_err(e)?;
    }

    wb.save_to_buffer().map_err(xlsx_err)
}

fn tallies(s: &mut Worksheet, mut row: u32, list: &[Tally], total_label: &str) -> Result<u32> {
    let mut total = 0;
    for t in list {
        s.write(row, 0, &t.label).map_err(xlsx_err)?;
        s.write(row, 1, t.count as f64).map_err(xlsx_err)?;
        total += t.count;
        row += 1;
    }
    // The block's total as a value too (a =SUM would show nothing in a reader that does not
    // calculate).
    s.write(row, 0, total_label).map_err(xlsx_err)?;
    s.write(row, 1, total as f64).map_err(xlsx_err)?;
    Ok(row + 1)
}

fn duty_row(s: &mut Worksheet, row: u32, label: &str, figures: &[i64; 5], f: &Formats) -> Result<()> {
    s.write(row, 0, label).map_err(xlsx_err)?;
    for (i, v) in figures[..4].iter().enumerate() {
        s.write(row, 1 + i as u16, *v as f64).map_err(xlsx_err)?;
    }
    // Hours from exact minutes; the cell is rounded to tenths as the PDF prints it.
    let hours: f64 = hours_of_minutes(figures[4]).parse().unwrap_or(0.0);
    s.write_with_format(row, 5, hours, &f.hours).map_err(xlsx_err)?;
    Ok(())
}

/// An amount as a number in yuan, and the exact figure as text beside it.
fn money_cells(s: &mut Worksheet, row: u32, col: u16, v: Fen, f: &Formats) -> Result<()> {
    s.write_with_format(row, col, yuan_f64(v), &f.money).map_err(xlsx_err)?;
    s.write(row, col + 1, v.plain()).map_err(xlsx_err)?;
    Ok(())
}
