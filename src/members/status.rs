//! Changes of status (active, suspended, left, deceased), kept as history.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::person::{MemberNo, Person, PersonId, Status, get, get_by_no};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;

/// The change-of-status form: the new status, the day it took effect as typed (YYYY-MM-DD;
/// empty for today; for a death, the date of death) and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusInput {
    pub status: Status,
    pub effective: String,
    pub note: String,
}

impl StatusInput {
    pub fn new(status: Status, effective: &str, note: &str) -> StatusInput {
        StatusInput { status, effective: effective.to_string(), note: note.to_string() }
    }
}

/// Records a change of status (active, suspended, left, deceased) with the date it took effect.
/// History is kept; a deceased person leaves the current lists but is never deleted.
pub fn set_status(tx: &Transaction, actor: &Actor, no: MemberNo, input: &StatusInput, today: NaiveDate) -> Result<Person> {
    let before = get_by_no(tx, no, today)?;
    let status = input.status;
    let effective = fields::check_not_future("effective", fields::date_or("effective", &input.effective, today)?, today)?;
    let note = fields::text("note", &input.note, 200)?;
    if before.birth_date.is_some_and(|b| effective < b) {
        return Err(Error::invalid("effective", "error-death-before-birth"));
    }
    if before.status == status {
        return Err(Error::conflict("error-status-unchanged", vec![("no", no.to_string())]));
    }
    write_status(tx, actor, before.id, status, effective, &note)?;
    let after = get(tx, before.id, today)?;
    audit::record(tx, actor, "set_status", "person", no, Some(&before), Some(&after))?;
    Ok(after)
}

/// Writes a change of status and its history row, unchecked and unaudited: for actions that
/// change a status as one part of something larger (a member's death, its correction), which
/// check the dates themselves and write the one audit row of the whole action.
pub(crate) fn write_status(tx: &Transaction, actor: &Actor, person: PersonId, status: Status, effective: NaiveDate, note: &str) -> Result<()> {
    let death_date = (status == Status::Deceased).then_some(effective);
    tx.execute(
        "UPDATE person SET status = ?2, death_date = ?3, updated_at = ?4 WHERE id = ?1",
        params![person.0, status, death_date, audit::now_utc()],
    )?;
    tx.execute(
        "INSERT INTO person_status (person_id, status, effective, note, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![person.0, status, effective, note.trim(), audit::now_utc(), actor.name],
    )?;
    Ok(())
}
