//! Dues owed for a year (会费欠缴名单), by village group, with the total owed.

use rusqlite::Connection;

use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Fen;
use crate::money::dues;
use crate::sheets::{Cell, Column, Table};

pub(super) fn table(conn: &Connection, year: i32, l10n: &Localizer) -> Result<(Table, String)> {
    let lines = dues::arrears(conn, year)?;
    let columns = [
        ("money-col-member-no", 7.0),
        ("money-col-name", 10.0),
        ("field-village-group", 10.0),
        ("export-col-year", 7.0),
        ("money-col-due", 10.0),
        ("money-col-paid", 10.0),
        ("money-col-owed", 10.0),
    ]
    .into_iter()
    .map(|(id, w)| Column::new(l10n.t(id), w))
    .collect();
    let rows = lines
        .iter()
        .map(|l| {
            vec![
                Cell::Whole(l.member_no.0),
                Cell::text(&l.name),
                Cell::text(&l.village_group),
                Cell::Whole(l.year.into()),
                Cell::Money(l.due),
                Cell::Money(l.paid),
                Cell::Money(l.owed),
            ]
        })
        .collect();
    let sum = |f: fn(&dues::DuesLine) -> Fen| lines.iter().map(f).fold(Fen::ZERO, |a, b| a + b);
    let totals = vec![
        Cell::text(l10n.t("export-total")),
        Cell::text(l10n.format("export-people", &[("count", lines.len().to_string())])),
        Cell::Empty,
        Cell::Empty,
        Cell::Money(sum(|l| l.due)),
        Cell::Money(sum(|l| l.paid)),
        Cell::Money(sum(|l| l.owed)),
    ];
    let title = l10n.format("export-title-arrears", &[("year", year.to_string())]);
    Ok((Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: Some(totals) }, title))
}
