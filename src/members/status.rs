//! Changes of status (active, suspended, left, deceased), kept as history.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};

use super::person::{MemberNo, Person, Status, get, get_by_no};
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
    let death_date = (status == Status::Deceased).then_some(effective);
    tx.execute(
        "UPDATE person SET status = ?2, death_date = ?3, updated_at = ?4 WHERE id = ?1",
        params![before.id.0, status, death_date, audit::now_utc()],
    )?;
    tx.execute(
        "INSERT INTO person_status (person_id, status, effective, note, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![before.id.0, status, effective, note.trim(), audit::now_utc(), actor.0],
    )?;
    let after = get(tx, before.id, today)?;
    audit::record(tx, actor, "set_status", "person", no, Some(&before), Some(&after))?;
    Ok(after)
}
