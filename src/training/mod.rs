//! Training (培训): sessions (topic, date, trainer, length) and who attended. A volunteer "has"
//! a training once they attended a session of its topic; the service standards say which kinds
//! of service need which topic, and the rota and the request matching propose only volunteers
//! who have it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::{self, MemberNo};

/// The entity name of this module's writes in the audit log.
pub const ENTITIES: &[&str] = &["training_session", "training_attendance"];

/// A training session's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct TrainingId(pub i64);

impl std::fmt::Display for TrainingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The session form as typed: topic, date (YYYY-MM-DD), trainer, hours (empty: not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct TrainingInput {
    pub topic: String,
    pub date: String,
    pub trainer: String,
    pub hours: String,
}

/// Someone who attended, as lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrainingAttendee {
    pub member_no: MemberNo,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrainingSession {
    pub id: TrainingId,
    pub topic: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub trainer: String,
    /// As "2.5"; empty when not given.
    pub hours: String,
    pub attendees: Vec<TrainingAttendee>,
}

fn hours_text(half_hours: i64) -> String {
    match half_hours {
        0 => String::new(),
        h if h % 2 == 0 => (h / 2).to_string(),
        h => format!("{}.5", h / 2),
    }
}

/// Records a session; returns it.
pub fn add(tx: &Transaction, actor: &Actor, input: &TrainingInput, today: NaiveDate) -> Result<TrainingSession> {
    let topic = fields::required("topic", &input.topic, crate::standards::TOPIC_MAX, "error-training-topic-required")?;
    let date = fields::date("date", &input.date)?;
    // A session may be planned ahead, but not years ahead (a typo).
    if date > today + chrono::Duration::days(366) || date < fields::LEDGER_START {
        return Err(Error::invalid_with("date", "error-date-invalid", vec![("value", date.to_string())]));
    }
    let trainer = fields::text("trainer", &input.trainer, 40)?;
    let half_hours = match input.hours.trim() {
        "" => 0,
        h => crate::time_bank::Hours::parse(h).map_err(|_| Error::invalid_with("hours", "error-time-hours-invalid", vec![("value", h.to_string())]))?.half_hours(),
    };
    tx.execute(
        "INSERT INTO training_session (topic, date, trainer, half_hours, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![topic, date, trainer, half_hours, audit::now_utc()],
    )?;
    let id = TrainingId(tx.last_insert_rowid());
    let s = get(tx, id)?;
    audit::record(tx, actor, "add", "training_session", id, None::<&TrainingSession>, Some(&s))?;
    Ok(s)
}

pub fn get(conn: &Connection, id: TrainingId) -> Result<TrainingSession> {
    let row = conn
        .query_row("SELECT topic, date, trainer, half_hours FROM training_session WHERE id = ?1", [id.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, NaiveDate>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
        })
        .optional()?
        .ok_or_else(|| Error::not_found("error-training-not-found", id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.member_no, p.name FROM training_attendance a JOIN person p ON p.id = a.person_id
         WHERE a.session_id = ?1 ORDER BY p.name_sort, p.member_no",
    )?;
    let attendees = stmt.query_map([id.0], |r| Ok(TrainingAttendee { member_no: MemberNo(r.get(0)?), name: r.get(1)? }))?.collect::<Result<_, _>>()?;
    Ok(TrainingSession { id, topic: row.0, date: row.1, trainer: row.2, hours: hours_text(row.3), attendees })
}

/// Every session, newest first.
pub fn list(conn: &Connection) -> Result<Vec<TrainingSession>> {
    let ids: Vec<i64> = conn.prepare("SELECT id FROM training_session ORDER BY date DESC, id DESC")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| get(conn, TrainingId(id))).collect()
}

/// Marks people as having attended a session (someone already marked is left as they are).
pub fn attend(tx: &Transaction, actor: &Actor, id: TrainingId, people: &[MemberNo]) -> Result<TrainingSession> {
    let before = get(tx, id)?;
    if people.is_empty() {
        return Err(Error::invalid("people", "error-training-nobody"));
    }
    for &no in people {
        let pid = members::id_of(tx, no)?;
        tx.execute(
            "INSERT OR IGNORE INTO training_attendance (session_id, person_id, created_at) VALUES (?1, ?2, ?3)",
            params![id.0, pid.0, audit::now_utc()],
        )?;
    }
    let after = get(tx, id)?;
    audit::record(tx, actor, "attend", "training_attendance", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// The topics each person has attended a session of, by person row id.
pub fn topics_by_person(conn: &Connection) -> Result<BTreeMap<i64, BTreeSet<String>>> {
    let mut stmt = conn.prepare_cached("SELECT a.person_id, s.topic FROM training_attendance a JOIN training_session s ON s.id = a.session_id")?;
    let mut out: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (p, t) = row?;
        out.entry(p).or_default().insert(t);
    }
    Ok(out)
}

/// The topics one person has attended, in order.
pub fn topics_of(conn: &Connection, no: MemberNo) -> Result<Vec<String>> {
    let pid = members::id_of(conn, no)?;
    Ok(topics_by_person(conn)?.remove(&pid.0).map(|s| s.into_iter().collect()).unwrap_or_default())
}
