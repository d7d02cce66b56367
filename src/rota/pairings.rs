//! Pairings (老伙伴结对): a volunteer visiting one elder, always the same one.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cases::{CaseId, NewCase, add_new_case};
use super::kinds::{DutyKind, Weekdays, default_shifts};
use super::volunteers::availability;
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::fields;
use crate::members::{self, MemberNo};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pairing {
    pub id: i64,
    pub volunteer: MemberNo,
    pub elder: MemberNo,
    pub every_days: u32,
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The care case that carries the pairing's visits.
    pub case_id: CaseId,
}

/// The pairing form: the volunteer and the elder (picked), every how many days a visit comes,
/// and the first visit's day as typed (empty for today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairingInput {
    pub volunteer: Option<MemberNo>,
    pub elder: Option<MemberNo>,
    pub every_days: String,
    pub from: String,
}

/// Pairs a volunteer with an elder (老伙伴结对): a visit every `every_days` days from `from`,
/// always by that volunteer.
pub fn add_pairing(tx: &Transaction, actor: &Actor, input: &PairingInput, l10n: &Localizer, today: NaiveDate) -> Result<Pairing> {
    let volunteer = input.volunteer.ok_or_else(|| Error::invalid("volunteer", "error-rota-volunteer-required"))?;
    let elder = input.elder.ok_or_else(|| Error::invalid("elder", "error-rota-recipient-required"))?;
    let every_days = fields::whole("every_days", &input.every_days, 1..=366, "error-rota-every-days")? as u32;
    let from = fields::date_or("from", &input.from, today)?;
    let v = members::get_by_no(tx, volunteer, today)?;
    let e = members::get_by_no(tx, elder, today)?;
    if v.id == e.id {
        return Err(Error::invalid("elder", "error-rota-pair-self"));
    }
    if availability(tx, volunteer)?.is_none() {
        return Err(Error::conflict("error-rota-not-volunteer", vec![("no", volunteer.to_string()), ("name", v.name.clone())]));
    }
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pairing WHERE volunteer_id = ?1 AND elder_id = ?2 AND active = 1)",
        [v.id.0, e.id.0],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::conflict("error-rota-pair-exists", vec![("volunteer", v.name.clone()), ("elder", e.name.clone())]));
    }
    tx.execute(
        "INSERT INTO pairing (volunteer_id, elder_id, every_days, from_date, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![v.id.0, e.id.0, every_days, from, audit::now_utc()],
    )?;
    let pid = tx.last_insert_rowid();
    let input = NewCase {
        recipient: elder,
        kind: DutyKind::Visit,
        from,
        until: None,
        shifts: default_shifts(DutyKind::Visit, l10n),
        weekdays: Weekdays::ALL,
        every_days,
        address: String::new(),
        medicines: String::new(),
        family_to_call: String::new(),
        notes: l10n.format("rota-pair-note", &[("name", v.name.clone())]),
    };
    let case = add_new_case(tx, actor, &input, Some(pid), l10n, today)?;
    let p = Pairing { id: pid, volunteer, elder, every_days, from, case_id: case.id };
    audit::record(tx, actor, "add", "pairing", pid, None::<&Pairing>, Some(&p))?;
    Ok(p)
}
