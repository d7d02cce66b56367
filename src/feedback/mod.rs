//! Feedback (服务评价): after a done rota shift or request for help, the recipient's word —
//! satisfied, acceptable or not satisfied, and a note — usually taken by the secretary on a call.
//! A complaint (not satisfied) opens a follow-up that stays open until it is closed saying what
//! was done. The quarter's summary goes into the work report.
//!
//! Feedback on a request is written by `requests` when it marks the request done (it knows the
//! volunteer); feedback on a shift is written here, after the rota's record of the shift.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::kernel::{fields, Quarter};
use crate::members::{self, MemberNo, PersonId};
use crate::rota::{self, RotaSlotId, ShiftOutcomeKind};

/// The entity names of this module's writes in the audit log.
pub const ENTITIES: &[&str] = &["feedback", "feedback_followup"];

/// Longest note or follow-up.
pub const NOTE_MAX: usize = 200;

choice! {
    /// How the recipient found the service.
    Rating {
        Good = "good" / "feedback-rating-good" ["满意", "好"],
        Ok = "ok" / "feedback-rating-ok" ["一般", "基本满意"],
        Bad = "bad" / "feedback-rating-bad" ["不满意", "差"],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct FeedbackId(pub i64);

impl std::fmt::Display for FeedbackId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One piece of feedback, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Feedback {
    pub id: FeedbackId,
    /// The rota slot (a shift) or the request it is about; one of the two.
    pub slot: Option<RotaSlotId>,
    pub request: Option<i64>,
    pub volunteer: MemberNo,
    pub volunteer_name: String,
    pub rating: Rating,
    pub note: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// For a complaint: open until closed with what was done.
    pub followup_open: bool,
    pub followup: String,
    #[ts(type = "string | null")]
    pub followup_on: Option<NaiveDate>,
}

/// The feedback form after a done shift: which shift (and whose, when several served), the
/// rating picked and the note as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftFeedbackInput {
    pub slot: RotaSlotId,
    pub person: Option<MemberNo>,
    pub rating: Rating,
    pub note: String,
}

/// Closing a complaint's follow-up: what was done, and the day (empty: today).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct FollowUpInput {
    pub action: String,
    pub date: String,
}

const SELECT: &str = "SELECT f.id, f.slot_id, f.request_id, p.member_no, p.name, f.rating, f.note, f.date, f.followup, f.followup_on
     FROM feedback f JOIN person p ON p.id = f.volunteer_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Feedback> {
    let rating: Rating = r.get(5)?;
    let followup_on: Option<NaiveDate> = r.get(9)?;
    Ok(Feedback {
        id: FeedbackId(r.get(0)?),
        slot: r.get::<_, Option<i64>>(1)?.map(RotaSlotId),
        request: r.get(2)?,
        volunteer: MemberNo(r.get(3)?),
        volunteer_name: r.get(4)?,
        rating,
        note: r.get(6)?,
        date: r.get(7)?,
        followup_open: rating == Rating::Bad && followup_on.is_none(),
        followup: r.get(8)?,
        followup_on,
    })
}

pub fn get(conn: &Connection, id: FeedbackId) -> Result<Feedback> {
    conn.query_row(&format!("{SELECT} WHERE f.id = ?1"), [id.0], from_row).optional()?.ok_or_else(|| Error::not_found("error-feedback-not-found", id))
}

/// Writes one piece of feedback (the caller has checked that the service was done), with its
/// audit row.
pub(crate) fn record(
    tx: &Transaction,
    actor: &Actor,
    about: (Option<RotaSlotId>, Option<i64>),
    volunteer: PersonId,
    rating: Rating,
    note: &str,
    date: NaiveDate,
) -> Result<Feedback> {
    let note = fields::text("note", note, NOTE_MAX)?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM feedback WHERE request_id = ?1 OR (slot_id = ?2 AND volunteer_id = ?3))",
        params![about.1, about.0.map(|s| s.0), volunteer.0],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::conflict("error-feedback-already", vec![]));
    }
    tx.execute(
        "INSERT INTO feedback (slot_id, request_id, volunteer_id, rating, note, date, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![about.0.map(|s| s.0), about.1, volunteer.0, rating, note, date, audit::now_utc()],
    )?;
    let f = get(tx, FeedbackId(tx.last_insert_rowid()))?;
    audit::record(tx, actor, "add", "feedback", f.id, None::<&Feedback>, Some(&f))?;
    Ok(f)
}

/// Feedback on a done shift: about whoever served it (the person on the rota, or who covered).
pub fn add_for_shift(tx: &Transaction, actor: &Actor, input: &ShiftFeedbackInput, today: NaiveDate) -> Result<Feedback> {
    let slot = rota::get_slot(tx, input.slot)?;
    let served: Vec<MemberNo> = slot
        .assigned
        .iter()
        .filter(|a| input.person.is_none_or(|p| p == a.member_no || a.outcome.as_ref().is_some_and(|o| o.worker == Some(p))))
        .filter_map(|a| a.outcome.as_ref())
        .filter(|o| o.kind != ShiftOutcomeKind::Missed)
        .filter_map(|o| o.worker)
        .collect();
    let worker = match served.as_slice() {
        [one] => *one,
        [] => return Err(Error::conflict("error-feedback-shift-not-done", vec![("slot", input.slot.to_string())])),
        _ => return Err(Error::invalid_with("person", "error-feedback-say-whom", vec![("slot", input.slot.to_string())])),
    };
    let pid = members::id_of(tx, worker)?;
    record(tx, actor, (Some(input.slot), None), pid, input.rating, &input.note, today.max(slot.date))
}

/// Closes a complaint's follow-up with what was done.
pub fn close_followup(tx: &Transaction, actor: &Actor, id: FeedbackId, input: &FollowUpInput, today: NaiveDate) -> Result<Feedback> {
    let before = get(tx, id)?;
    if !before.followup_open {
        return Err(Error::conflict("error-feedback-no-followup", vec![("id", id.to_string())]));
    }
    let action = fields::required("action", &input.action, NOTE_MAX, "error-feedback-action-required")?;
    let date = fields::date_or("date", &input.date, today)?;
    let date = fields::check_not_future("date", date, today)?;
    if date < before.date {
        return Err(Error::invalid_with("date", "error-date-invalid", vec![("value", date.to_string())]));
    }
    tx.execute("UPDATE feedback SET followup = ?2, followup_on = ?3 WHERE id = ?1", params![id.0, action, date])?;
    let after = get(tx, id)?;
    audit::record(tx, actor, "close", "feedback_followup", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Feedback given on `from..=until`, newest first; `open_only` keeps the open follow-ups.
pub fn list(conn: &Connection, from: NaiveDate, until: NaiveDate, open_only: bool) -> Result<Vec<Feedback>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE f.date BETWEEN ?1 AND ?2 ORDER BY f.date DESC, f.id DESC"))?;
    let rows = stmt.query_map(params![from, until], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows.into_iter().filter(|f| !open_only || f.followup_open).collect())
}

/// Every complaint still waiting for its follow-up, oldest first.
pub fn open_followups(conn: &Connection) -> Result<Vec<Feedback>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE f.rating = 'bad' AND f.followup_on IS NULL ORDER BY f.date, f.id"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The feedback about one volunteer, newest first.
pub fn for_volunteer(conn: &Connection, no: MemberNo) -> Result<Vec<Feedback>> {
    let pid = members::id_of(conn, no)?;
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE f.volunteer_id = ?1 ORDER BY f.date DESC, f.id DESC"))?;
    let rows = stmt.query_map([pid.0], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Feedback counted over a period (a quarter for the work report).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FeedbackSummary {
    pub good: i64,
    pub ok: i64,
    pub bad: i64,
    /// Complaints of the period whose follow-up was closed, and those still open.
    pub followups_closed: i64,
    pub followups_open: i64,
}

impl FeedbackSummary {
    pub fn total(&self) -> i64 {
        self.good + self.ok + self.bad
    }
}

/// The feedback of `from..=until` counted by rating, with its complaints' follow-ups.
pub fn summary(conn: &Connection, from: NaiveDate, until: NaiveDate) -> Result<FeedbackSummary> {
    let mut s = FeedbackSummary::default();
    let mut stmt = conn.prepare_cached("SELECT rating, followup_on IS NOT NULL, count(*) FROM feedback WHERE date BETWEEN ?1 AND ?2 GROUP BY 1, 2")?;
    for row in stmt.query_map(params![from, until], |r| Ok((r.get::<_, Rating>(0)?, r.get::<_, bool>(1)?, r.get::<_, i64>(2)?)))? {
        let (rating, closed, n) = row?;
        match rating {
            Rating::Good => s.good += n,
            Rating::Ok => s.ok += n,
            Rating::Bad => {
                s.bad += n;
                if closed {
                    s.followups_closed += n;
                } else {
                    s.followups_open += n;
                }
            }
        }
    }
    Ok(s)
}

/// The quarter's feedback, as the work report of a quarter shows it.
pub fn quarter_summary(conn: &Connection, q: Quarter) -> Result<FeedbackSummary> {
    summary(conn, q.first_day(), q.last_day())
}
