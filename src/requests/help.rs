//! Requests for help (求助): recorded (often by the secretary on a phone call), assigned to a
//! volunteer, then done with the time spent — which credits the volunteer's time bank once, in
//! the same transaction, and, where the association has recipients pay with their own hours,
//! draws the same hours from the recipient's account — or cancelled with a reason.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::{self, label};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::feedback::{self, Rating};
use crate::i18n::Localizer;
use crate::kernel::choice::choice;
use crate::kernel::fields;
use crate::members::{self, MemberNo, Status};
use crate::rota::{interval, is_night, parse_time};
use crate::time_bank::{self, Hours, WithdrawalInput};

/// A request with no date ("as soon as possible") is overdue once this many days have passed
/// since it was taken.
pub const ASAP_DAYS: i64 = 1;

/// A request with a day but no hours is taken to fill the working day, for the clash check
/// against rota shifts.
pub const DAY_FROM: (u32, u32) = (8, 0);
pub const DAY_UNTIL: (u32, u32) = (18, 0);

/// The setting that makes a done request draw its hours from the recipient's own account.
const RECIPIENT_PAYS: &str = "requests_recipient_pays";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct RequestId(pub i64);

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

choice! {
    /// Where a request stands.
    RequestState {
        Open = "open" / "request-state-open" ["待派"],
        Assigned = "assigned" / "request-state-assigned" ["已派"],
        Done = "done" / "request-state-done" ["已完成"],
        Cancelled = "cancelled" / "request-state-cancelled" ["已取消"],
    }
}

/// The request form, as the secretary types it on a call: who (picked), what kind (a code from
/// the kinds list), the day (empty: as soon as possible), the hours from and to (HH:MM; both or
/// neither), where, notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RequestInput {
    pub recipient: Option<MemberNo>,
    pub kind: String,
    pub date: String,
    pub from: String,
    pub to: String,
    pub place: String,
    pub notes: String,
}

/// Marking a request done: the hours spent as typed (half-hour steps), the day (empty: the
/// request's day, or today), and the recipient's feedback if given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RequestDoneInput {
    pub hours: String,
    pub date: String,
    pub rating: Option<Rating>,
    pub note: String,
}

/// A request as lists and the request screen show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HelpRequest {
    pub id: RequestId,
    pub recipient: MemberNo,
    pub recipient_name: String,
    pub village_group: String,
    pub kind: String,
    pub kind_label: String,
    /// None: as soon as possible.
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    pub from: String,
    pub to: String,
    pub place: String,
    pub notes: String,
    pub state: RequestState,
    pub volunteer: Option<MemberNo>,
    pub volunteer_name: String,
    /// The time spent, once done.
    pub hours: Option<Hours>,
    #[ts(type = "string | null")]
    pub done_on: Option<NaiveDate>,
    pub cancel_reason: String,
    #[ts(type = "string")]
    pub taken_on: NaiveDate,
    /// Still open or assigned after its day (or, as soon as possible, a day after it was taken).
    pub overdue: bool,
    pub rating: Option<Rating>,
}

impl HelpRequest {
    /// When the request's time is, for the clash check: its day and hours; a day without hours
    /// is the working day; no day ("as soon as possible") is `today`'s working day.
    pub fn window(&self, today: NaiveDate) -> Result<(NaiveDateTime, NaiveDateTime, bool)> {
        let date = self.date.unwrap_or(today);
        if self.from.is_empty() {
            let t = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
            let (a, b) = interval(date, t(DAY_FROM), t(DAY_UNTIL));
            return Ok((a, b, false));
        }
        let (s, e) = (parse_time("from", &self.from)?, parse_time("to", &self.to)?);
        let (a, b) = interval(date, s, e);
        Ok((a, b, is_night(s, e)))
    }
}

const SELECT: &str = "SELECT r.id, rp.member_no, rp.name, rp.village_group, r.kind, k.name, r.date, r.from_time, r.to_time,
        r.place, r.notes, r.state, v.member_no, v.name, r.minutes, r.done_on, r.cancel_reason, r.taken_on,
        (SELECT f.rating FROM feedback f WHERE f.request_id = r.id)
     FROM help_request r JOIN person rp ON rp.id = r.recipient_id JOIN request_kind k ON k.code = r.kind
     LEFT JOIN person v ON v.id = r.volunteer_id";

fn from_row(r: &rusqlite::Row, l10n: &Localizer, today: NaiveDate) -> rusqlite::Result<HelpRequest> {
    let code: String = r.get(4)?;
    let name: String = r.get(5)?;
    let date: Option<NaiveDate> = r.get(6)?;
    let state: RequestState = r.get(11)?;
    let taken_on: NaiveDate = r.get(17)?;
    let pending = matches!(state, RequestState::Open | RequestState::Assigned);
    let overdue = pending && date.map_or(taken_on + Duration::days(ASAP_DAYS) < today, |d| d < today);
    Ok(HelpRequest {
        id: RequestId(r.get(0)?),
        recipient: MemberNo(r.get(1)?),
        recipient_name: r.get(2)?,
        village_group: r.get(3)?,
        kind_label: label(&code, &name, l10n),
        kind: code,
        date,
        from: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
        to: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
        place: r.get(9)?,
        notes: r.get(10)?,
        state,
        volunteer: r.get::<_, Option<i64>>(12)?.map(MemberNo),
        volunteer_name: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
        hours: r.get::<_, Option<i64>>(14)?.map(|m| Hours::from_half_hours(m / 30)),
        done_on: r.get(15)?,
        cancel_reason: r.get(16)?,
        taken_on,
        overdue,
        rating: r.get(18)?,
    })
}

pub fn get(conn: &Connection, id: RequestId, l10n: &Localizer, today: NaiveDate) -> Result<HelpRequest> {
    conn.query_row(&format!("{SELECT} WHERE r.id = ?1"), [id.0], |r| from_row(r, l10n, today))
        .optional()?
        .ok_or_else(|| Error::not_found("error-request-not-found", id))
}

/// Requests, those pending first (overdue and soonest first), then the rest newest first;
/// `open_only` keeps the open and assigned ones.
pub fn list(conn: &Connection, open_only: bool, l10n: &Localizer, today: NaiveDate) -> Result<Vec<HelpRequest>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} ORDER BY r.state NOT IN ('open', 'assigned'), CASE WHEN r.state IN ('open', 'assigned') THEN coalesce(r.date, r.taken_on) END,
                 coalesce(r.date, r.taken_on) DESC, r.id DESC"
    ))?;
    let rows = stmt.query_map([], |r| from_row(r, l10n, today))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows.into_iter().filter(|r| !open_only || matches!(r.state, RequestState::Open | RequestState::Assigned)).collect())
}

/// The checked form: (recipient row id, kind, date, from, to, place, notes).
type Checked = (i64, String, Option<NaiveDate>, Option<String>, Option<String>, String, String);

impl RequestInput {
    fn check(&self, conn: &Connection, today: NaiveDate) -> Result<Checked> {
        let no = self.recipient.ok_or_else(|| Error::invalid("recipient", "error-request-recipient-required"))?;
        let person = members::get_by_no(conn, no, today).map_err(|e| match e {
            Error::NotFound { .. } => Error::invalid_with("recipient", "error-person-not-found", vec![("key", no.to_string())]),
            other => other,
        })?;
        if matches!(person.status, Status::Deceased | Status::Left) {
            return Err(Error::invalid_with("recipient", "error-request-recipient-inactive", vec![("name", person.name)]));
        }
        if self.kind.trim().is_empty() {
            return Err(Error::invalid("kind", "error-request-kind-required"));
        }
        let kind = kinds::resolve(conn, "kind", &self.kind)?;
        if kinds::retired(conn, &kind)? == Some(true) {
            return Err(Error::invalid_with("kind", "error-request-kind-retired", vec![("kind", self.kind.trim().to_string())]));
        }
        let date = fields::optional_date("date", &self.date)?;
        if let Some(d) = date {
            // A request may be written down after the day it was for, but not from another year.
            if d > today + Duration::days(366) || d < today - Duration::days(366) {
                return Err(Error::invalid_with("date", "error-date-invalid", vec![("value", d.to_string())]));
            }
        }
        let (from, to) = match (self.from.trim(), self.to.trim()) {
            ("", "") => (None, None),
            (a, b) => {
                if date.is_none() {
                    return Err(Error::invalid("date", "error-request-hours-need-date"));
                }
                let (s, e) = (parse_time("from", a)?, parse_time("to", b)?);
                if s == e {
                    return Err(Error::invalid_with("to", "error-rota-shift-empty", vec![("value", b.to_string())]));
                }
                (Some(s.format("%H:%M").to_string()), Some(e.format("%H:%M").to_string()))
            }
        };
        let place = fields::text("place", &self.place, 60)?;
        let notes = fields::text("notes", &self.notes, 200)?;
        Ok((person.id.0, kind, date, from, to, place, notes))
    }
}

/// Records a request for help; returns it (open).
pub fn add(tx: &Transaction, actor: &Actor, input: &RequestInput, l10n: &Localizer, today: NaiveDate) -> Result<HelpRequest> {
    let (recipient, kind, date, from, to, place, notes) = input.check(tx, today)?;
    tx.execute(
        "INSERT INTO help_request (recipient_id, kind, date, from_time, to_time, place, notes, state, taken_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?9)",
        params![recipient, kind, date, from, to, place, notes, today, audit::now_utc()],
    )?;
    let r = get(tx, RequestId(tx.last_insert_rowid()), l10n, today)?;
    audit::record(tx, actor, "add", "help_request", r.id, None::<&HelpRequest>, Some(&r))?;
    Ok(r)
}

pub(super) fn pending(r: &HelpRequest) -> Result<()> {
    match r.state {
        RequestState::Open | RequestState::Assigned => Ok(()),
        RequestState::Done => Err(Error::conflict("error-request-already-done", vec![("id", r.id.to_string())])),
        RequestState::Cancelled => Err(Error::conflict("error-request-already-cancelled", vec![("id", r.id.to_string())])),
    }
}

/// Marks an assigned request done: the hours go to the volunteer's time bank (once: the entry's
/// source is "request:ID"), drawn from the recipient's account when the association has
/// recipients pay (refused, with nothing changed, when that account is short); the feedback,
/// when given, is recorded with it.
pub fn done(tx: &Transaction, actor: &Actor, id: RequestId, input: &RequestDoneInput, l10n: &Localizer, today: NaiveDate) -> Result<HelpRequest> {
    let before = get(tx, id, l10n, today)?;
    pending(&before)?;
    let Some(volunteer) = before.volunteer else {
        return Err(Error::conflict("error-request-not-assigned", vec![("id", id.to_string())]));
    };
    let hours = Hours::parse(&input.hours)?;
    let default_day = before.date.filter(|d| *d <= today).unwrap_or(today);
    let date = fields::check_ledger_date("date", fields::date_or("date", &input.date, default_day)?, today)?;
    if recipient_pays(tx)? {
        let pay = WithdrawalInput {
            holder: before.recipient,
            hours: hours.to_string(),
            date: date.to_string(),
            recipient: None,
            service_kind: before.kind_label.chars().take(40).collect(),
            consent: String::new(),
        };
        let paid = time_bank::withdraw(tx, actor, &pay, today)?;
        tx.execute("UPDATE help_request SET paid_entry_id = ?2 WHERE id = ?1", params![id.0, paid.0])?;
    }
    let credit = time_bank::credit_service(tx, actor, volunteer, hours, date, &format!("request:{}", id.0), today)?
        .ok_or_else(|| Error::conflict("error-request-already-done", vec![("id", id.to_string())]))?;
    tx.execute(
        "UPDATE help_request SET state = 'done', minutes = ?2, done_on = ?3, credit_entry_id = ?4 WHERE id = ?1",
        params![id.0, hours.half_hours() * 30, date, credit.0],
    )?;
    if let Some(rating) = input.rating {
        let pid = members::id_of(tx, volunteer)?;
        feedback::record(tx, actor, (None, Some(id.0)), pid, rating, &input.note, date)?;
    } else if !input.note.trim().is_empty() {
        return Err(Error::invalid("rating", "error-feedback-rating-required"));
    }
    let after = get(tx, id, l10n, today)?;
    audit::record(tx, actor, "done", "help_request", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Cancels a request that is not done, with the reason.
pub fn cancel(tx: &Transaction, actor: &Actor, id: RequestId, reason: &str, l10n: &Localizer, today: NaiveDate) -> Result<HelpRequest> {
    let before = get(tx, id, l10n, today)?;
    pending(&before)?;
    let reason = fields::reason(reason, "error-request-cancel-reason")?;
    tx.execute("UPDATE help_request SET state = 'cancelled', cancel_reason = ?2 WHERE id = ?1", params![id.0, reason])?;
    let after = get(tx, id, l10n, today)?;
    audit::record(tx, actor, "cancel", "help_request", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Whether a done request draws its hours from the recipient's own account (off unless set).
pub fn recipient_pays(conn: &Connection) -> Result<bool> {
    let v: Option<String> = conn.query_row("SELECT value FROM setting WHERE key = ?1", [RECIPIENT_PAYS], |r| r.get(0)).optional()?;
    Ok(v.as_deref() == Some("1"))
}

pub fn set_recipient_pays(tx: &Transaction, actor: &Actor, on: bool) -> Result<bool> {
    let before = recipient_pays(tx)?;
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
        params![RECIPIENT_PAYS, if on { "1" } else { "0" }],
    )?;
    audit::record(tx, actor, "update", "settings", RECIPIENT_PAYS, Some(&before), Some(&on))?;
    Ok(on)
}

/// The requests of a period, for the work report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestFigures {
    /// Taken in the period.
    pub taken: i64,
    /// Done in the period, and the hours they took.
    pub done: i64,
    pub hours: Hours,
    /// Taken in the period and cancelled.
    pub cancelled: i64,
    /// Open or assigned at the end of the period (taken by then).
    pub pending: i64,
}

pub fn figures(conn: &Connection, from: NaiveDate, until: NaiveDate) -> Result<RequestFigures> {
    let (taken, cancelled): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(state = 'cancelled'), 0) FROM help_request WHERE taken_on BETWEEN ?1 AND ?2",
        params![from, until],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (done, minutes): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(minutes), 0) FROM help_request WHERE state = 'done' AND done_on BETWEEN ?1 AND ?2",
        params![from, until],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // Pending at the end: not yet done or cancelled then (done or cancelled later, or never).
    let pending: i64 = conn.query_row(
        "SELECT count(*) FROM help_request WHERE taken_on <= ?1
           AND (state IN ('open', 'assigned') OR (state = 'done' AND done_on > ?1))",
        params![until],
        |r| r.get(0),
    )?;
    Ok(RequestFigures { taken, done, hours: Hours::from_half_hours(minutes / 30), cancelled, pending })
}
