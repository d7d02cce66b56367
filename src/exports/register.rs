//! The register (会员花名册) as its screen lists it: the same search, filters and order.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::mask::Mask;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::members::{self, EconomicStatus, PersonFilter, PersonId};
use crate::sheets::{Cell, Column, Table};

/// What the list rows lack and the sheet shows: every phone, the address, the support status,
/// the join date and the whole ID number (masked below unless asked for).
struct More {
    phones: String,
    address: String,
    economic: Option<EconomicStatus>,
    joined: Option<NaiveDate>,
    id_card: Option<String>,
}

pub(super) fn table(conn: &Connection, filter: &PersonFilter, mask: Mask, l10n: &Localizer, today: NaiveDate) -> Result<(Table, String)> {
    let page = members::list(conn, &PersonFilter { limit: 0, ..filter.clone() }, today)?;
    let mut stmt = conn.prepare("SELECT id, phones, address, economic_status, join_date, id_card FROM person")?;
    let more: HashMap<PersonId, More> = stmt
        .query_map([], |r| {
            Ok((
                PersonId(r.get(0)?),
                More { phones: r.get(1)?, address: r.get(2)?, economic: r.get(3)?, joined: r.get(4)?, id_card: r.get(5)? },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let label = |id: Option<&'static str>| id.map(|i| Cell::text(l10n.t(i))).unwrap_or(Cell::Empty);
    let columns = [
        ("field-member-no", 7.0),
        ("field-name", 10.0),
        ("field-gender", 6.0),
        ("field-birth-date", 12.0),
        ("field-age", 6.0),
        ("field-id-card", 21.0),
        ("field-phones", 16.0),
        ("field-village-group", 10.0),
        ("field-address", 24.0),
        ("field-living", 12.0),
        ("field-care-level", 10.0),
        ("field-economic-status", 10.0),
        ("field-join-date", 12.0),
        ("field-status", 8.0),
        ("export-col-kind", 12.0),
    ]
    .into_iter()
    .map(|(id, w)| Column::new(l10n.t(id), w))
    .collect();
    let rows = page
        .rows
        .iter()
        .map(|p| {
            let m = more.get(&p.id);
            let phones: Vec<String> = m.map(|m| m.phones.split('\n').filter(|s| !s.is_empty()).map(|s| mask.phone(s)).collect()).unwrap_or_default();
            let kind = if !p.is_member {
                "export-kind-non-member"
            } else if p.volunteer {
                "export-kind-member-volunteer"
            } else {
                "export-kind-member"
            };
            vec![
                Cell::Whole(p.member_no.0),
                Cell::text(&p.name),
                label(p.gender.map(|g| g.label_id())),
                Cell::date(p.birth_date),
                p.age.map(|a| Cell::Whole(a.into())).unwrap_or(Cell::Empty),
                m.and_then(|m| m.id_card.as_deref()).map(|n| Cell::text(mask.id_card(n))).unwrap_or(Cell::Empty),
                Cell::text(phones.join(" / ")),
                Cell::text(&p.village_group),
                Cell::text(m.map(|m| m.address.as_str()).unwrap_or_default()),
                label(p.living.map(|l| l.label_id())),
                label(p.care_level.map(|c| c.label_id())),
                label(m.and_then(|m| m.economic).map(|e| e.label_id())),
                Cell::date(m.and_then(|m| m.joined)),
                label(Some(p.status.label_id())),
                label(Some(kind)),
            ]
        })
        .collect();
    let title = l10n.t("export-title-members");
    Ok((Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: None }, title))
}
