//! The month's slots: each dated shift of a case, the people on it and, after the day, what
//! happened.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cases::{CaseId, case_dates, list_cases};
use super::generator::RotaWhy;
use super::kinds::{hhmm, interval, is_night, stored_time, DutyKind};
use crate::error::{Error, Result, Unreadable};
use crate::kernel::Month;
use crate::kernel::choice::choice;
use crate::members::{MemberNo, Phones};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaSlotId(pub i64);

impl std::fmt::Display for RotaSlotId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Makes sure every shift of every case in the month has its slot row.
pub(super) fn materialise(tx: &Transaction, month: Month) -> Result<()> {
    let cases = list_cases(tx, Phones::Masked)?;
    let mut shift_ids = tx.prepare_cached("SELECT id FROM case_shift WHERE case_id = ?1 ORDER BY position")?;
    let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO rota_slot (case_id, shift_id, date, start, end) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for c in &cases {
        let ids: Vec<i64> = shift_ids.query_map([c.id.0], |r| r.get(0))?.collect::<Result<_, _>>()?;
        for d in case_dates(c, month.first_day(), month.last_day()) {
            for (s, sid) in c.shifts.iter().zip(&ids) {
                insert.execute(params![c.id.0, sid, d, hhmm(s.start), hhmm(s.end)])?;
            }
        }
    }
    Ok(())
}

/// One person on a slot, as lists and the roster show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaAssignee {
    pub member_no: MemberNo,
    pub name: String,
    /// The first phone, masked unless the read was asked for whole phones.
    pub phone: String,
    pub by_hand: bool,
    pub why: RotaWhy,
    /// `why` in the reader's language, as the screen shows it: filled by the screen's read of
    /// the month (`rota::month`); empty where a slot is read without a language (after a change
    /// by hand, which the screen follows by reading the month again).
    pub why_text: String,
    pub outcome: Option<ShiftOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftOutcome {
    pub kind: ShiftOutcomeKind,
    /// Who actually served (None when missed).
    pub worker: Option<MemberNo>,
    pub minutes: i64,
}

choice! {
    ShiftOutcomeKind {
        Done = "done" / "rota-outcome-done" [],
        Missed = "missed" / "rota-outcome-missed" [],
        Covered = "covered" / "rota-outcome-covered" [],
    }
}

/// A dated shift of a care case and the people on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaSlot {
    pub id: RotaSlotId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    /// true when the shift ends the next day
    pub overnight: bool,
    pub night: bool,
    pub case_id: CaseId,
    pub kind: DutyKind,
    pub shift: String,
    pub people: u32,
    pub recipient: MemberNo,
    pub recipient_name: String,
    pub address: String,
    pub locked: bool,
    pub paired: Option<MemberNo>,
    pub assigned: Vec<RotaAssignee>,
}

impl RotaSlot {
    /// When the slot starts and ends (the next day for a night shift). An error only for a slot
    /// whose times were not read from the database, which checks them.
    pub fn interval(&self) -> Result<(NaiveDateTime, NaiveDateTime)> {
        let s = stored_time("rota_slot.start", &self.start)?;
        let e = stored_time("rota_slot.end", &self.end)?;
        Ok(interval(self.date, s, e))
    }

    pub fn minutes(&self) -> Result<i64> {
        let (a, b) = self.interval()?;
        Ok((b - a).num_minutes())
    }

    pub fn short(&self) -> u32 {
        self.people.saturating_sub(self.assigned.len() as u32)
    }
}

const SLOT_SELECT: &str = "SELECT s.id, s.date, s.start, s.end, s.case_id, c.kind, sh.name, sh.people, rp.member_no, rp.name,
        CASE WHEN c.address <> '' THEN c.address ELSE rp.address END, s.locked,
        (SELECT v.member_no FROM pairing pr JOIN person v ON v.id = pr.volunteer_id WHERE pr.id = c.pairing_id)
     FROM rota_slot s JOIN care_case c ON c.id = s.case_id JOIN case_shift sh ON sh.id = s.shift_id
     JOIN person rp ON rp.id = c.recipient_id";

fn slot_from_row(r: &rusqlite::Row) -> rusqlite::Result<RotaSlot> {
    let start: String = r.get(2)?;
    let end: String = r.get(3)?;
    let st = stored_time("rota_slot.start", &start).map_err(|u| u.at(2))?;
    let en = stored_time("rota_slot.end", &end).map_err(|u| u.at(3))?;
    Ok(RotaSlot {
        id: RotaSlotId(r.get(0)?),
        date: r.get(1)?,
        overnight: en <= st,
        night: is_night(st, en),
        start,
        end,
        case_id: CaseId(r.get(4)?),
        kind: r.get(5)?,
        shift: r.get(6)?,
        people: r.get(7)?,
        recipient: MemberNo(r.get(8)?),
        recipient_name: r.get(9)?,
        address: r.get(10)?,
        locked: r.get(11)?,
        paired: r.get::<_, Option<i64>>(12)?.map(MemberNo),
        assigned: Vec::new(),
    })
}

/// The slots dated in `[from, until]` with their people, in time order; their phones as `phones`
/// says (whole for the printouts, which mask by their own option, and a recorded reveal).
pub fn slots_between(conn: &Connection, from: NaiveDate, until: NaiveDate, phones: Phones) -> Result<Vec<RotaSlot>> {
    let mut stmt = conn.prepare_cached(&format!("{SLOT_SELECT} WHERE s.date BETWEEN ?1 AND ?2 ORDER BY s.date, s.start, s.case_id, sh.position"))?;
    let mut slots = stmt.query_map(params![from, until], slot_from_row)?.collect::<Result<Vec<_>, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.slot_id, p.member_no, p.name, p.phones, a.by_hand, a.why, o.outcome, w.member_no, o.minutes
         FROM rota_assignment a JOIN rota_slot s ON s.id = a.slot_id JOIN person p ON p.id = a.person_id
         LEFT JOIN shift_outcome o ON o.slot_id = a.slot_id AND o.person_id = a.person_id
         LEFT JOIN person w ON w.id = o.worker_id
         WHERE s.date BETWEEN ?1 AND ?2 ORDER BY a.slot_id, p.name_sort, p.member_no",
    )?;
    let shown = phones;
    let mut by_slot: BTreeMap<i64, Vec<RotaAssignee>> = BTreeMap::new();
    let rows = stmt.query_map(params![from, until], |r| {
        let phones: String = r.get(3)?;
        let why: String = r.get(5)?;
        let outcome: Option<ShiftOutcomeKind> = r.get(6)?;
        Ok((
            r.get::<_, i64>(0)?,
            RotaAssignee {
                member_no: MemberNo(r.get(1)?),
                name: r.get(2)?,
                phone: shown.show(phones.split('\n').next().unwrap_or_default()),
                by_hand: r.get(4)?,
                why: serde_json::from_str::<RotaWhy>(&why).map_err(|_| Unreadable::new("rota_assignment.why", why.as_str()).at(5))?,
                why_text: String::new(),
                outcome: match outcome {
                    Some(kind) => Some(ShiftOutcome { kind, worker: r.get::<_, Option<i64>>(7)?.map(MemberNo), minutes: r.get(8)? }),
                    None => None,
                },
            },
        ))
    })?;
    for row in rows {
        let (slot, a) = row?;
        by_slot.entry(slot).or_default().push(a);
    }
    for s in &mut slots {
        if let Some(a) = by_slot.remove(&s.id.0) {
            s.assigned = a;
        }
    }
    Ok(slots)
}

pub fn list_month(conn: &Connection, month: Month, phones: Phones) -> Result<Vec<RotaSlot>> {
    slots_between(conn, month.first_day(), month.last_day(), phones)
}

/// One slot, its people's phones masked.
pub fn get_slot(conn: &Connection, id: RotaSlotId) -> Result<RotaSlot> {
    let date: NaiveDate = conn
        .query_row("SELECT date FROM rota_slot WHERE id = ?1", [id.0], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found("error-rota-slot-not-found", id.0))?;
    slots_between(conn, date, date, Phones::Masked)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::not_found("error-rota-slot-not-found", id.0))
}
