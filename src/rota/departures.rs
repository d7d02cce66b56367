//! A person leaving the rotas because they died: the care cases where they are cared for end on
//! the date of death, their pairings end, and they come off every shift after that date — which
//! leaves those slots short, listed like any unfilled slot. `plan` says what would change,
//! `depart` changes it; neither audits, because the death is one action with one audit row
//! (`welfare::deaths`). A death entered by mistake is undone with `restore`: the cases and
//! pairings come back; the shifts are listed for the secretary to fill again, since others may
//! have taken them meanwhile.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cases::CaseId;
use super::kinds::DutyKind;
use super::slots::{RotaSlotId, get_slot};
use crate::error::Result;
use crate::members::{MemberNo, PersonId};

/// A care case that ends (or ended) because its recipient died.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaEndedCase {
    pub case_id: CaseId,
    pub kind: DutyKind,
    pub recipient: MemberNo,
    pub recipient_name: String,
    /// Its dates before the death ended it, restored by a correction.
    #[ts(type = "string")]
    pub from_before: NaiveDate,
    #[ts(type = "string | null")]
    pub until_before: Option<NaiveDate>,
    /// Slots after the date of death that were removed with it.
    pub slots_removed: u32,
}

/// A pairing (老伙伴结对) that ends because one of the pair died.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaEndedPairing {
    pub id: i64,
    pub volunteer: MemberNo,
    pub volunteer_name: String,
    pub elder: MemberNo,
    pub elder_name: String,
}

/// A shift the person was on after the date of death, and how short it is without them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaLeftShift {
    pub slot: RotaSlotId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub shift: String,
    pub kind: DutyKind,
    pub recipient: MemberNo,
    pub recipient_name: String,
    /// People still missing once they are off it.
    pub short: u32,
}

/// What a death changes on the rotas.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaDeparture {
    pub cases_ended: Vec<RotaEndedCase>,
    pub pairings_ended: Vec<RotaEndedPairing>,
    pub shifts_left: Vec<RotaLeftShift>,
}

/// The cases still running after `date` where the person is cared for, and the visits of their
/// pairings as a volunteer (that case's recipient lives on, but its only volunteer is gone).
fn cases_to_end(conn: &Connection, person: PersonId, date: NaiveDate) -> Result<Vec<RotaEndedCase>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.kind, p.member_no, p.name, c.from_date, c.until_date,
                (SELECT count(*) FROM rota_slot s WHERE s.case_id = c.id AND s.date > ?2
                    AND NOT EXISTS (SELECT 1 FROM shift_outcome o WHERE o.slot_id = s.id))
         FROM care_case c JOIN person p ON p.id = c.recipient_id
         WHERE (c.until_date IS NULL OR c.until_date > ?2)
           AND (c.recipient_id = ?1
                OR c.pairing_id IN (SELECT id FROM pairing WHERE volunteer_id = ?1 AND active = 1))
         ORDER BY c.id",
    )?;
    let rows = stmt
        .query_map(params![person.0, date], |r| {
            Ok(RotaEndedCase {
                case_id: CaseId(r.get(0)?),
                kind: r.get(1)?,
                recipient: MemberNo(r.get(2)?),
                recipient_name: r.get(3)?,
                from_before: r.get(4)?,
                until_before: r.get(5)?,
                slots_removed: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn pairings_to_end(conn: &Connection, person: PersonId) -> Result<Vec<RotaEndedPairing>> {
    let mut stmt = conn.prepare(
        "SELECT pr.id, v.member_no, v.name, e.member_no, e.name
         FROM pairing pr JOIN person v ON v.id = pr.volunteer_id JOIN person e ON e.id = pr.elder_id
         WHERE pr.active = 1 AND (pr.volunteer_id = ?1 OR pr.elder_id = ?1) ORDER BY pr.id",
    )?;
    let rows = stmt
        .query_map([person.0], |r| {
            Ok(RotaEndedPairing {
                id: r.get(0)?,
                volunteer: MemberNo(r.get(1)?),
                volunteer_name: r.get(2)?,
                elder: MemberNo(r.get(3)?),
                elder_name: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The slots after `date` the person is on with nothing recorded yet, except those of the
/// cases that end (which go altogether).
fn shifts_to_leave(conn: &Connection, person: PersonId, date: NaiveDate, ending: &[CaseId]) -> Result<Vec<RotaLeftShift>> {
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT a.slot_id FROM rota_assignment a JOIN rota_slot s ON s.id = a.slot_id
             WHERE a.person_id = ?1 AND s.date > ?2
               AND NOT EXISTS (SELECT 1 FROM shift_outcome o WHERE o.slot_id = a.slot_id AND o.person_id = a.person_id)
             ORDER BY s.date, s.start, s.id",
        )?
        .query_map(params![person.0, date], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for id in ids {
        let s = get_slot(conn, RotaSlotId(id))?;
        if ending.contains(&s.case_id) {
            continue;
        }
        out.push(RotaLeftShift {
            slot: s.id,
            date: s.date,
            start: s.start.clone(),
            end: s.end.clone(),
            shift: s.shift.clone(),
            kind: s.kind,
            recipient: s.recipient,
            recipient_name: s.recipient_name.clone(),
            short: s.short() + 1,
        });
    }
    Ok(out)
}

/// What a death on `date` would change on the rotas; nothing is written.
pub fn plan(conn: &Connection, person: PersonId, date: NaiveDate) -> Result<RotaDeparture> {
    let cases_ended = cases_to_end(conn, person, date)?;
    let ending: Vec<CaseId> = cases_ended.iter().map(|c| c.case_id).collect();
    Ok(RotaDeparture {
        shifts_left: shifts_to_leave(conn, person, date, &ending)?,
        pairings_ended: pairings_to_end(conn, person)?,
        cases_ended,
    })
}

/// Makes the changes `plan` describes, in the caller's transaction, and returns them.
pub fn depart(tx: &Transaction, person: PersonId, date: NaiveDate) -> Result<RotaDeparture> {
    let d = plan(tx, person, date)?;
    for c in &d.cases_ended {
        // A case that had not begun by the date of death ends on it too (a case cannot end
        // before it begins); its slots after the date go with the others below.
        let from = c.from_before.min(date);
        tx.execute("UPDATE care_case SET from_date = ?2, until_date = ?3 WHERE id = ?1", params![c.case_id.0, from, date])?;
        // Slots after the date with nothing recorded go, with whoever was on them.
        tx.execute(
            "DELETE FROM rota_assignment WHERE slot_id IN (
                 SELECT s.id FROM rota_slot s WHERE s.case_id = ?1 AND s.date > ?2
                   AND NOT EXISTS (SELECT 1 FROM shift_outcome o WHERE o.slot_id = s.id))",
            params![c.case_id.0, date],
        )?;
        tx.execute(
            "DELETE FROM rota_slot WHERE case_id = ?1 AND date > ?2
               AND NOT EXISTS (SELECT 1 FROM shift_outcome o WHERE o.slot_id = rota_slot.id)",
            params![c.case_id.0, date],
        )?;
    }
    for p in &d.pairings_ended {
        tx.execute("UPDATE pairing SET active = 0 WHERE id = ?1", [p.id])?;
    }
    for s in &d.shifts_left {
        tx.execute("DELETE FROM rota_assignment WHERE slot_id = ?1 AND person_id = ?2", params![s.slot.0, person.0])?;
    }
    Ok(d)
}

/// What restoring a departure did: the cases and pairings brought back, and the pairings that
/// could not be (the pair was paired again meanwhile).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaRestored {
    pub cases: Vec<CaseId>,
    pub pairings: Vec<i64>,
    pub pairings_kept_ended: Vec<i64>,
}

/// Undoes a departure recorded by mistake: the ended cases get their dates back (their slots
/// come back when the month is generated again) and the ended pairings are active again. The
/// shifts are not put back — the caller lists them (`RotaDeparture::shifts_left`).
pub fn restore(tx: &Transaction, d: &RotaDeparture) -> Result<RotaRestored> {
    let mut out = RotaRestored::default();
    for c in &d.cases_ended {
        tx.execute(
            "UPDATE care_case SET from_date = ?2, until_date = ?3 WHERE id = ?1",
            params![c.case_id.0, c.from_before, c.until_before],
        )?;
        out.cases.push(c.case_id);
    }
    for p in &d.pairings_ended {
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM pairing n JOIN pairing o ON o.id = ?1
                 WHERE n.active = 1 AND n.volunteer_id = o.volunteer_id AND n.elder_id = o.elder_id)",
            [p.id],
            |r| r.get(0),
        )?;
        if taken {
            out.pairings_kept_ended.push(p.id);
        } else {
            tx.execute("UPDATE pairing SET active = 1 WHERE id = ?1", [p.id])?;
            out.pairings.push(p.id);
        }
    }
    Ok(out)
}
