//! Changes by hand (assign, unassign, swap, lock), checked against the generator's hard
//! rules.

use rusqlite::{params, Connection, Transaction};

use super::generate::{DEFAULT_REST_HOURS, load_input, required_trainings, to_need};
use super::generator::{self, Block, Kept, RotaWhy};
use super::slots::{RotaSlot, RotaSlotId, get_slot};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::Month;
use crate::members::{self, MemberNo};

pub(super) fn error_for(block: Block, slot: &RotaSlot, name: &str) -> Error {
    let weekday = generator::weekday_code(slot.date).to_string();
    let shift = if slot.night { "night" } else { "day" }.to_string();
    let kind = slot.kind.code().to_string();
    let n = ("name", name.to_string());
    match block {
        Block::Kind => Error::conflict("error-rota-cannot-kind", vec![n, ("kind", kind)]),
        Block::Untrained => Error::conflict("error-rota-cannot-training", vec![n, ("kind", kind)]),
        Block::Weekday => Error::conflict("error-rota-cannot-weekday", vec![n, ("weekday", weekday)]),
        Block::DayNight => Error::conflict("error-rota-cannot-shift", vec![n, ("shift", shift)]),
        Block::Away => Error::conflict("error-rota-cannot-away", vec![n, ("date", slot.date.to_string())]),
        Block::Full => Error::conflict("error-rota-cannot-full", vec![n]),
        Block::Busy => Error::conflict("error-rota-cannot-busy", vec![n]),
        Block::NotPaired => Error::conflict("error-rota-cannot-paired", vec![n]),
    }
}

/// Checks that `no` may take `slot` under the hard rules, ignoring the assignments in `ignore`
/// (slot id, person id) — the ones a swap is about to move.
fn check_assignable(conn: &Connection, slot: &RotaSlot, no: MemberNo, ignore: &[(i64, i64)]) -> Result<i64> {
    let person_id = members::id_of(conn, no)?;
    let month = Month::of(slot.date);
    let (input, _) = load_input(conn, month)?;
    let name: String = conn.query_row("SELECT name FROM person WHERE id = ?1", [person_id.0], |r| r.get(0))?;
    let Some(v) = input.volunteers.iter().find(|v| v.id == person_id.0) else {
        return Err(Error::conflict("error-rota-not-volunteer", vec![("no", no.to_string()), ("name", name)]));
    };
    let mine: Vec<&Kept> = input.kept.iter().filter(|k| k.person == person_id.0 && !ignore.contains(&(k.slot, k.person))).collect();
    if mine.iter().any(|k| k.slot == slot.id.0) {
        return Err(Error::conflict("error-rota-already-on", vec![("name", name), ("slot", slot.id.to_string())]));
    }
    let busy: Vec<_> = mine.iter().map(|k| (k.start, k.end)).collect();
    let month_shifts = mine.iter().filter(|k| k.in_month).count() as u32;
    let paired = slot.paired.map(|p| members::id_of(conn, p)).transpose()?.map(|p| p.0);
    let need = to_need(slot, "", paired, &required_trainings(conn)?)?;
    if let Some(b) = generator::block(v, &need, &busy, month_shifts, DEFAULT_REST_HOURS * 60) {
        return Err(error_for(b, slot, &name));
    }
    Ok(person_id.0)
}

fn ensure_no_outcome(conn: &Connection, slot: RotaSlotId, person: i64) -> Result<()> {
    let done: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM shift_outcome WHERE slot_id = ?1 AND person_id = ?2)",
        [slot.0, person],
        |r| r.get(0),
    )?;
    if done {
        return Err(Error::conflict("error-rota-already-recorded", vec![("slot", slot.to_string())]));
    }
    Ok(())
}

fn hand_why() -> String {
    serde_json::to_string(&RotaWhy::ByHand).unwrap_or_else(|_| "{\"rule\":\"by_hand\"}".into())
}

/// Puts someone on a slot by hand, after checking every hard rule.
pub fn assign(tx: &Transaction, actor: &Actor, slot: RotaSlotId, no: MemberNo) -> Result<RotaSlot> {
    let before = get_slot(tx, slot)?;
    if before.short() == 0 {
        return Err(Error::conflict("error-rota-slot-full", vec![("slot", slot.to_string())]));
    }
    let pid = check_assignable(tx, &before, no, &[])?;
    tx.execute(
        "INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 1, ?3, ?4)",
        params![slot.0, pid, hand_why(), audit::now_utc()],
    )?;
    let after = get_slot(tx, slot)?;
    audit::record(tx, actor, "assign", "rota_slot", slot, Some(&before), Some(&after))?;
    Ok(after)
}

pub fn unassign(tx: &Transaction, actor: &Actor, slot: RotaSlotId, no: MemberNo) -> Result<RotaSlot> {
    let before = get_slot(tx, slot)?;
    let pid = members::id_of(tx, no)?;
    ensure_no_outcome(tx, slot, pid.0)?;
    let n = tx.execute("DELETE FROM rota_assignment WHERE slot_id = ?1 AND person_id = ?2", params![slot.0, pid.0])?;
    if n == 0 {
        return Err(Error::conflict("error-rota-not-on-slot", vec![("no", no.to_string()), ("slot", slot.to_string())]));
    }
    let after = get_slot(tx, slot)?;
    audit::record(tx, actor, "unassign", "rota_slot", slot, Some(&before), Some(&after))?;
    Ok(after)
}

/// Swaps two people between two slots: `no_a` leaves `a` for `b`, `no_b` leaves `b` for `a`.
/// Both moves are checked against the hard rules as if the other had already happened.
pub fn swap(tx: &Transaction, actor: &Actor, a: RotaSlotId, no_a: MemberNo, b: RotaSlotId, no_b: MemberNo) -> Result<(RotaSlot, RotaSlot)> {
    let sa = get_slot(tx, a)?;
    let sb = get_slot(tx, b)?;
    for (s, no) in [(&sa, no_a), (&sb, no_b)] {
        if !s.assigned.iter().any(|x| x.member_no == no) {
            return Err(Error::conflict("error-rota-not-on-slot", vec![("no", no.to_string()), ("slot", s.id.to_string())]));
        }
    }
    let pa = members::id_of(tx, no_a)?.0;
    let pb = members::id_of(tx, no_b)?.0;
    ensure_no_outcome(tx, a, pa)?;
    ensure_no_outcome(tx, b, pb)?;
    let ignore = [(a.0, pa), (b.0, pb)];
    check_assignable(tx, &sb, no_a, &ignore)?;
    check_assignable(tx, &sa, no_b, &ignore)?;
    tx.execute("DELETE FROM rota_assignment WHERE (slot_id = ?1 AND person_id = ?2) OR (slot_id = ?3 AND person_id = ?4)", params![a.0, pa, b.0, pb])?;
    let why = hand_why();
    let now = audit::now_utc();
    tx.execute("INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 1, ?3, ?4)", params![b.0, pa, why, now])?;
    tx.execute("INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 1, ?3, ?4)", params![a.0, pb, why, now])?;
    let (na, nb) = (get_slot(tx, a)?, get_slot(tx, b)?);
    audit::record(tx, actor, "swap", "rota_slot", format!("{a}+{b}"), Some(&(&sa, &sb)), Some(&(&na, &nb)))?;
    Ok((na, nb))
}

/// Locks (or unlocks) a slot: regeneration leaves a locked slot's people as they are.
pub fn set_locked(tx: &Transaction, actor: &Actor, slot: RotaSlotId, locked: bool) -> Result<RotaSlot> {
    let before = get_slot(tx, slot)?;
    tx.execute("UPDATE rota_slot SET locked = ?2 WHERE id = ?1", params![slot.0, locked])?;
    let after = get_slot(tx, slot)?;
    audit::record(tx, actor, if locked { "lock" } else { "unlock" }, "rota_slot", slot, Some(&before), Some(&after))?;
    Ok(after)
}
