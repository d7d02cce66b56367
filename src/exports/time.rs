//! Time-bank balances (时间储蓄余额表): every account, the common pool, and the total, which is
//! every hour the bank holds.

use rust_decimal::Decimal;
use rusqlite::Connection;

use crate::error::Result;
use crate::i18n::Localizer;
use crate::sheets::{Cell, Column, Table};
use crate::time_bank::{self, Hours};

fn hours(h: Hours) -> Cell {
    Cell::Decimal(Decimal::new(h.half_hours() * 5, 1))
}

pub(super) fn table(conn: &Connection, l10n: &Localizer) -> Result<(Table, String)> {
    let accounts = time_bank::balances(conn)?;
    let pool = time_bank::pool_balance(conn)?;
    let columns = [
        ("field-member-no", 7.0),
        ("field-name", 10.0),
        ("field-village-group", 10.0),
        ("export-col-hours", 12.0),
        ("export-col-frozen", 8.0),
    ]
    .into_iter()
    .map(|(id, w)| Column::new(l10n.t(id), w))
    .collect();
    let mut rows: Vec<Vec<Cell>> = accounts
        .iter()
        .map(|a| {
            vec![
                Cell::Whole(a.person.0),
                Cell::text(&a.name),
                Cell::text(&a.village_group),
                hours(a.balance),
                if a.frozen { Cell::text(l10n.t("export-yes")) } else { Cell::Empty },
            ]
        })
        .collect();
    rows.push(vec![Cell::Empty, Cell::text(l10n.t("export-pool")), Cell::Empty, hours(pool), Cell::Empty]);
    let total = time_bank::total_hours(conn)?;
    let totals = vec![
        Cell::text(l10n.t("export-total")),
        Cell::text(l10n.format("export-accounts", &[("count", accounts.len().to_string())])),
        Cell::Empty,
        hours(total),
        Cell::Empty,
    ];
    let title = l10n.t("export-title-time");
    Ok((Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: Some(totals) }, title))
}
