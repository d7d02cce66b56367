//! Reads for the screens: what is still unfilled and why, who could take a slot, why each
//! person is on one.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::changes::error_for;
use super::generate::{DEFAULT_REST_HOURS, RotaUnfilledSlot, load_input, reason_text, required_trainings, to_need};
use super::generator::{self, Kept, RotaWhy};
use super::slots::{RotaSlot, RotaSlotId, get_slot, list_month};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Month;
use crate::members::{self, MemberNo};

/// Why each person on a slot is there, in words.
pub fn why_text(w: &RotaWhy, l10n: &Localizer) -> String {
    match w {
        RotaWhy::Paired => l10n.t("rota-why-paired"),
        RotaWhy::ByHand => l10n.t("rota-why-by-hand"),
        RotaWhy::LeastLoaded { candidates, shifts, same_group } => l10n.format(
            if *same_group { "rota-why-least-loaded-group" } else { "rota-why-least-loaded" },
            &[("candidates", candidates.to_string()), ("shifts", shifts.to_string())],
        ),
        RotaWhy::Evened { shifts } => l10n.format("rota-why-evened", &[("shifts", shifts.to_string())]),
    }
}

/// The month as the calendar shows it: every slot with the people on it and why each is there
/// (in words), and the slots still short with their reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RotaMonth {
    pub slots: Vec<RotaSlot>,
    pub unfilled: Vec<RotaUnfilledSlot>,
}

/// The month for the calendar (`RotaMonth`), in the reader's language.
pub fn month(conn: &Connection, month: Month, l10n: &Localizer) -> Result<RotaMonth> {
    let mut slots = list_month(conn, month, members::Phones::Masked)?;
    for a in slots.iter_mut().flat_map(|s| s.assigned.iter_mut()) {
        a.why_text = why_text(&a.why, l10n);
    }
    Ok(RotaMonth { unfilled: unfilled(conn, month, l10n)?, slots })
}

/// The month's slots still short of people, each with the reason in words, as they stand now
/// (after hand changes, not only at the last generation). The generator is run on a copy of
/// the month, nothing is written: a slot it could fill now says so ("generate the rest"), a
/// locked one says it waits for a hand assignment.
pub fn unfilled(conn: &Connection, month: Month, l10n: &Localizer) -> Result<Vec<RotaUnfilledSlot>> {
    let (mut input, slots) = load_input(conn, month)?;
    // In time order, as the month's slots come.
    let short: Vec<&RotaSlot> = slots.iter().filter(|s| s.short() > 0).collect();
    input.slots.retain(|n| short.iter().any(|s| s.id.0 == n.id));
    let out = generator::generate(&input);
    let reasons: BTreeMap<i64, String> = out.unfilled.iter().map(|u| (u.slot, reason_text(&u.reason, l10n))).collect();
    Ok(short
        .into_iter()
        .map(|s| {
            let reason = match reasons.get(&s.id.0) {
                Some(r) => r.clone(),
                None if s.locked => l10n.t("rota-unfilled-locked"),
                None => l10n.t("rota-unfilled-can-fill"),
            };
            RotaUnfilledSlot::of(s, s.short(), reason)
        })
        .collect())
}

/// A volunteer as a choice for one slot: free to take it, or the rule that keeps them off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaCandidate {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    /// Shifts this month so far.
    pub shifts: u32,
    /// None: may take the slot; otherwise why not, in words (the same sentence `assign` gives).
    pub blocked: Option<String>,
}

/// Every active volunteer for `slot`, those free first (fewest shifts first), then the others
/// with the reason they cannot; the people already on it are left out.
pub fn candidates(conn: &Connection, slot: RotaSlotId, l10n: &Localizer) -> Result<Vec<RotaCandidate>> {
    let s = get_slot(conn, slot)?;
    let (input, _) = load_input(conn, Month::of(s.date))?;
    let on: Vec<i64> = input.kept.iter().filter(|k| k.slot == slot.0).map(|k| k.person).collect();
    let paired = s.paired.map(|p| members::id_of(conn, p)).transpose()?.map(|p| p.0);
    let need = to_need(&s, "", paired, &required_trainings(conn)?)?;
    let mut out = Vec::new();
    for v in input.volunteers.iter().filter(|v| !on.contains(&v.id)) {
        let mine: Vec<&Kept> = input.kept.iter().filter(|k| k.person == v.id).collect();
        let busy: Vec<_> = mine.iter().map(|k| (k.start, k.end)).collect();
        let shifts = mine.iter().filter(|k| k.in_month).count() as u32;
        let no: i64 = conn.query_row("SELECT member_no FROM person WHERE id = ?1", [v.id], |r| r.get(0))?;
        let blocked = generator::block(v, &need, &busy, shifts, DEFAULT_REST_HOURS * 60).map(|b| error_for(b, &s, &v.name).localize(l10n));
        out.push(RotaCandidate { member_no: MemberNo(no), name: v.name.clone(), village_group: v.group.clone(), shifts, blocked });
    }
    out.sort_by_key(|c| (c.blocked.is_some(), c.shifts, c.member_no));
    Ok(out)
}
