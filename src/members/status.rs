//! Changes of status (active, suspended, left, deceased), kept as history.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};

use super::person::{MemberNo, Person, PersonId, Status, get, get_by_no};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;

/// Records a change of status (active, suspended, left, deceased) with the date it took effect.
/// History is kept; a deceased person leaves the current lists but is never deleted.
pub fn set_status(
    tx: &Transaction,
    actor: &Actor,
    no: MemberNo,
    status: Status,
    effective: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<Person> {
    let before = get_by_no(tx, no, today)?;
    fields::check_not_future("effective", effective, today)?;
    if before.birth_date.is_some_and(|b| effective < b) {
        return Err(Error::invalid("effective", "error-death-before-birth"));
    }
    if before.status == status {
        return Err(Error::conflict("error-status-unchanged", vec![("no", no.to_string())]));
    }
    write_status(tx, actor, before.id, status, effective, note)?;
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
        params![person.0, status, effective, note.trim(), audit::now_utc(), actor.0],
    )?;
    Ok(())
}
