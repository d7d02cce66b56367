//! A month's rota (值班表): one line per shift with who is on it and how it went.

use rusqlite::Connection;

use super::mask::Mask;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Month;
use crate::rota;
use crate::sheets::{Cell, Column, Table};

pub(super) fn table(conn: &Connection, month: Month, mask: Mask, l10n: &Localizer) -> Result<(Table, String)> {
    let slots = rota::list_month(conn, month, crate::members::Phones::Whole)?;
    let columns = [
        ("money-col-date", 11.0),
        ("export-col-time", 12.0),
        ("export-col-shift", 10.0),
        ("export-col-duty", 12.0),
        ("export-col-recipient", 10.0),
        ("field-address", 20.0),
        ("export-col-on-duty", 18.0),
        ("field-phones", 16.0),
        ("export-col-outcome", 14.0),
    ]
    .into_iter()
    .map(|(id, w)| Column::new(l10n.t(id), w))
    .collect();
    let sep = if l10n.lang() == crate::i18n::Lang::ZhCn { "、" } else { ", " };
    let rows = slots
        .iter()
        .map(|s| {
            let people: Vec<&str> = s.assigned.iter().map(|a| a.name.as_str()).collect();
            let phones: Vec<String> = s.assigned.iter().filter(|a| !a.phone.is_empty()).map(|a| mask.phone(&a.phone)).collect();
            let outcomes: Vec<String> = s
                .assigned
                .iter()
                .filter_map(|a| a.outcome.as_ref().map(|o| format!("{} {}", a.name, l10n.t(o.kind.label_id()))))
                .collect();
            vec![
                Cell::Date(s.date),
                Cell::text(format!("{}–{}", s.start, s.end)),
                Cell::text(&s.shift),
                Cell::text(l10n.t(s.kind.label_id())),
                Cell::text(&s.recipient_name),
                Cell::text(&s.address),
                Cell::text(people.join(sep)),
                Cell::text(phones.join(" / ")),
                Cell::text(outcomes.join(sep)),
            ]
        })
        .collect();
    let title = l10n.format("export-title-rota", &[("year", month.year.to_string()), ("month", month.month.to_string())]);
    Ok((Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: None }, title))
}
