//! After the day: done, missed or covered, and the hours credited to the time bank.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::slots::{RotaAssignee, RotaSlotId, ShiftOutcomeKind, get_slot};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::{self, MemberNo};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftOutcomeRecord {
    pub slot: RotaSlotId,
    /// Who was on the rota.
    pub person: MemberNo,
    pub kind: ShiftOutcomeKind,
    /// Who served and is owed the hours (None when missed).
    pub worker: Option<MemberNo>,
    pub minutes: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The time-bank entry that credited the hours, when the time bank took them.
    pub time_entry: Option<i64>,
}

/// What happened on a shift, as the secretary records it. Hours only where someone served, and
/// who covered only where someone did: no flag and option that could contradict each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Outcome {
    /// The person on the rota served; `minutes` None for the shift's length.
    Done { minutes: Option<i64> },
    /// Someone else served in their place and is owed the hours. Naming someone who is on the
    /// slot, with no `for_no`, records that person's own shift as done.
    Covered { by: MemberNo, minutes: Option<i64> },
    /// No one served.
    Missed,
}

/// The outcome form (the buttons beside a person on a past shift, or `huzhu rota done|missed`):
/// the slot, whose shift (`person`; see `record_outcome` for when it may be left out), what
/// happened, who covered (for a covered shift) and the hours served as typed (empty: the
/// shift's length; not asked when missed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutcomeInput {
    pub slot: RotaSlotId,
    pub person: Option<MemberNo>,
    pub kind: ShiftOutcomeKind,
    pub by: Option<MemberNo>,
    pub hours: String,
}

impl OutcomeInput {
    /// What happened, read from the form.
    pub fn outcome(&self) -> Result<Outcome> {
        let minutes = || match self.hours.trim() {
            "" => Ok(None),
            h => fields::hours_as_minutes("hours", h).map(Some),
        };
        Ok(match self.kind {
            ShiftOutcomeKind::Done => Outcome::Done { minutes: minutes()? },
            ShiftOutcomeKind::Covered => {
                let by = self.by.ok_or_else(|| Error::invalid("by", "error-rota-cover-required"))?;
                Outcome::Covered { by, minutes: minutes()? }
            }
            ShiftOutcomeKind::Missed => Outcome::Missed,
        })
    }
}

/// Records what happened on a shift for one rota'd person (`person`; may be left out when the
/// slot has one person without a record, or, when done, to record everyone still open). Done
/// and covered shifts are credited to the server's time-bank account in the same transaction,
/// once per shift and person.
pub fn record_outcome(tx: &Transaction, actor: &Actor, input: &OutcomeInput, today: NaiveDate) -> Result<Vec<ShiftOutcomeRecord>> {
    let (slot, for_no) = (input.slot, input.person);
    let outcome = input.outcome()?;
    let s = get_slot(tx, slot)?;
    if s.date > today {
        return Err(Error::conflict("error-rota-not-yet", vec![("date", s.date.to_string())]));
    }
    let open: Vec<&RotaAssignee> = s.assigned.iter().filter(|a| a.outcome.is_none()).collect();
    // Whose shift: the named person; or, with --by someone on the slot, that person; or everyone
    // still open (when done) / the only one open (when covered or missed).
    let targets: Vec<MemberNo> = match (for_no, outcome) {
        (Some(f), _) => vec![f],
        (None, Outcome::Covered { by, .. }) if s.assigned.iter().any(|a| a.member_no == by) => vec![by],
        (None, Outcome::Done { .. }) => open.iter().map(|a| a.member_no).collect(),
        _ if open.len() == 1 => vec![open[0].member_no],
        _ if open.is_empty() => return Err(Error::conflict("error-rota-already-recorded", vec![("slot", slot.to_string())])),
        _ => return Err(Error::invalid_with("for", "error-rota-say-whom", vec![("slot", slot.to_string())])),
    };
    if targets.is_empty() {
        return Err(Error::conflict(
            if s.assigned.is_empty() { "error-rota-slot-empty" } else { "error-rota-already-recorded" },
            vec![("slot", slot.to_string())],
        ));
    }
    // Minutes served: as given or the shift's length; none when missed.
    let minutes = match outcome {
        Outcome::Done { minutes } | Outcome::Covered { minutes, .. } => {
            let m = match minutes {
                Some(m) => m,
                None => s.minutes()?,
            };
            if !(1..=24 * 60).contains(&m) {
                return Err(Error::invalid_with("hours", "error-rota-hours-invalid", vec![("value", format!("{:.2}", m as f64 / 60.0))]));
            }
            m
        }
        Outcome::Missed => 0,
    };
    let mut out = Vec::new();
    for person in targets {
        let Some(a) = s.assigned.iter().find(|a| a.member_no == person) else {
            return Err(Error::conflict("error-rota-not-on-slot", vec![("no", person.to_string()), ("slot", slot.to_string())]));
        };
        if a.outcome.is_some() {
            return Err(Error::conflict("error-rota-already-recorded", vec![("slot", slot.to_string())]));
        }
        let pid = members::id_of(tx, person)?;
        let (kind, worker) = match outcome {
            Outcome::Missed => (ShiftOutcomeKind::Missed, None),
            Outcome::Covered { by, .. } if by != person => {
                members::id_of(tx, by)?;
                (ShiftOutcomeKind::Covered, Some(by))
            }
            _ => (ShiftOutcomeKind::Done, Some(person)),
        };
        let worker_id = worker.map(|w| members::id_of(tx, w)).transpose()?;
        tx.execute(
            "INSERT INTO shift_outcome (slot_id, person_id, outcome, worker_id, minutes, date, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![slot.0, pid.0, kind.code(), worker_id.map(|w| w.0), minutes, s.date, audit::now_utc(), actor.name],
        )?;
        let oid = tx.last_insert_rowid();
        let time_entry = match worker {
            Some(w) => credit_time_bank(tx, actor, w, minutes, s.date, &format!("shift:{}:{}", slot.0, person.0), today)?,
            None => None,
        };
        if let Some(e) = time_entry {
            tx.execute("UPDATE shift_outcome SET time_entry_id = ?2 WHERE id = ?1", params![oid, e])?;
        }
        let rec = ShiftOutcomeRecord { slot, person, kind, worker, minutes, date: s.date, time_entry };
        audit::record(tx, actor, kind.code(), "shift_outcome", oid, None::<&ShiftOutcomeRecord>, Some(&rec))?;
        out.push(rec);
    }
    Ok(out)
}

/// Credits the hours to the server's time-bank account in the same transaction, once per
/// (slot, rota'd person): the source "shift:SLOT:NO" makes a second credit a no-op. The time bank
/// counts half hours, so the minutes are rounded to the nearest half hour (a 10-minute errand
/// credits nothing rather than a full half hour).
fn credit_time_bank(
    tx: &Transaction,
    actor: &Actor,
    worker: MemberNo,
    minutes: i64,
    date: NaiveDate,
    source: &str,
    today: NaiveDate,
) -> Result<Option<i64>> {
    let half_hours = (minutes + 15) / 30;
    if half_hours <= 0 {
        return Ok(None);
    }
    let hours = crate::time_bank::Hours::from_half_hours(half_hours);
    Ok(crate::time_bank::credit_service(tx, actor, worker, hours, date, source, today)?.map(|e| e.0))
}
