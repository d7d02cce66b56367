//! Who came to an activity: ticked from the register, or only a head count (a village gathering
//! where nobody takes names). The count, when given, is the attendance; the ticks say who.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activity::{get, Activity, ActivityId};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::{self, MemberNo};

/// Someone ticked as present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attendee {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
}

/// The attendance form: people ticked from the register, and/or the head count as typed
/// (empty: keep the count as it is).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AttendanceInput {
    pub people: Vec<MemberNo>,
    pub count: String,
}

/// Ticks people as present (someone already ticked stays ticked once) and sets the head count
/// when one is typed.
pub fn attend(tx: &Transaction, actor: &Actor, id: ActivityId, input: &AttendanceInput, today: NaiveDate) -> Result<Activity> {
    let before = get(tx, id)?;
    let count = match input.count.trim() {
        "" => None,
        c => Some(fields::whole("count", c, 0..=100_000, "error-activity-count-invalid")?),
    };
    if input.people.is_empty() && count.is_none() {
        return Err(Error::invalid("people", "error-activity-attend-nobody"));
    }
    for &no in &input.people {
        let person = members::get_by_no(tx, no, today).map_err(|e| match e {
            Error::NotFound { .. } => Error::invalid_with("people", "error-person-not-found", vec![("key", no.to_string())]),
            other => other,
        })?;
        tx.execute(
            "INSERT INTO activity_attendance (activity_id, person_id, created_at, created_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![id.0, person.id.0, audit::now_utc(), actor.name],
        )?;
    }
    if let Some(c) = count {
        tx.execute("UPDATE activity SET head_count = ?2 WHERE id = ?1", params![id.0, c])?;
    }
    let after = get(tx, id)?;
    audit::record(tx, actor, "attend", "activity_attendance", id.0, Some(&before), Some(&after))?;
    Ok(after)
}

/// Unticks someone ticked by mistake.
pub fn untick(tx: &Transaction, actor: &Actor, id: ActivityId, no: MemberNo) -> Result<Activity> {
    let before = get(tx, id)?;
    let person = members::id_of(tx, no)?;
    let n = tx.execute("DELETE FROM activity_attendance WHERE activity_id = ?1 AND person_id = ?2", params![id.0, person.0])?;
    if n == 0 {
        return Err(Error::conflict("error-activity-not-ticked", vec![("no", no.to_string())]));
    }
    let after = get(tx, id)?;
    audit::record(tx, actor, "untick", "activity_attendance", id.0, Some(&before), Some(&after))?;
    Ok(after)
}

/// Who was ticked, by village group then register number.
pub fn attendees(conn: &Connection, id: ActivityId) -> Result<Vec<Attendee>> {
    get(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT p.member_no, p.name, p.village_group FROM activity_attendance t JOIN person p ON p.id = t.person_id
         WHERE t.activity_id = ?1 ORDER BY p.village_group, p.member_no",
    )?;
    let rows = stmt
        .query_map([id.0], |r| Ok(Attendee { member_no: MemberNo(r.get(0)?), name: r.get(1)?, village_group: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
