//! Donations (捐款明细): every gift in the period asked for, with the total.

use rusqlite::Connection;

use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::{fields, Fen};
use crate::money::donations::{self, HonourFilter};
use crate::sheets::{Cell, Column, Table};

pub(super) fn table(conn: &Connection, f: &HonourFilter, l10n: &Localizer) -> Result<(Table, String)> {
    let (from, to) = (fields::optional_date("from", &f.from)?, fields::optional_date("to", &f.to)?);
    let purpose = f.purpose.trim();
    let gifts: Vec<_> = donations::list(conn)?
        .into_iter()
        .filter(|d| from.is_none_or(|from| d.date >= from) && to.is_none_or(|to| d.date <= to))
        .filter(|d| purpose.is_empty() || d.purpose == purpose)
        .collect();
    let columns = [
        ("money-col-date", 11.0),
        ("export-col-donor", 16.0),
        ("money-col-amount", 11.0),
        ("export-col-purpose", 20.0),
        ("money-col-voucher", 11.0),
        ("money-col-receipt", 11.0),
    ]
    .into_iter()
    .map(|(id, w)| Column::new(l10n.t(id), w))
    .collect();
    let rows = gifts
        .iter()
        .map(|d| {
            vec![
                Cell::Date(d.date),
                Cell::text(&d.donor),
                Cell::Money(d.amount),
                Cell::text(&d.purpose),
                Cell::text(&d.voucher_no),
                Cell::text(d.receipt_no.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let total = gifts.iter().map(|d| d.amount).fold(Fen::ZERO, |a, b| a + b);
    let totals = vec![
        Cell::text(l10n.t("export-total")),
        Cell::text(l10n.format("export-gifts", &[("count", gifts.len().to_string())])),
        Cell::Money(total),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ];
    let title = l10n.t("export-title-donations");
    Ok((Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: Some(totals) }, title))
}
