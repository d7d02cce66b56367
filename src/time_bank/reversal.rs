//! Reversal: undoing an entry (and the entries written with it) by new entries, never by
//! editing.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::accounts::account_balance;
use super::hours::Hours;
use super::ledger::{ENTRY_SELECT, EntryId, EntryKind, Holder, NewEntry, TimeEntry, entry, entry_from_row, post};
use crate::audit::Actor;
use crate::error::{Error, Result};
use crate::kernel::fields::ReversalInput;

/// Reverses an entry (and the other entries written with it, so a transfer is undone on both
/// sides), with the reason. The originals stay; reversing twice, reversing a reversal, or a
/// reversal that would leave an account below zero is refused. Exchange entries cannot be
/// reversed: their hours live in a file another association may already have honoured.
pub fn reverse(tx: &Transaction, actor: &Actor, id: EntryId, input: &ReversalInput, today: NaiveDate) -> Result<Vec<EntryId>> {
    let (reason, date) = input.parse("error-time-reason-required", today)?;
    let original = entry(tx, id)?;
    if original.kind == EntryKind::Reversal {
        return Err(Error::conflict("error-time-reverse-reversal", vec![("id", id.to_string())]));
    }
    let batch: Vec<TimeEntry> = {
        let mut stmt = tx.prepare(&format!("{ENTRY_SELECT} WHERE e.batch = ?1 AND e.kind <> 'reversal' ORDER BY e.id"))?;
        let rows = stmt.query_map([original.batch.0], entry_from_row)?.collect::<Result<Vec<_>, _>>()?;
        rows
    };
    for e in &batch {
        if let Some(r) = e.reversed_by {
            return Err(Error::conflict("error-time-already-reversed", vec![("id", e.id.to_string()), ("by", r.to_string())]));
        }
        if matches!(e.kind, EntryKind::ExchangeOut | EntryKind::ExchangeIn) {
            return Err(Error::conflict("error-time-reverse-exchange", vec![("id", e.id.to_string())]));
        }
    }
    // Check every account the batch would take hours from, as a whole, before writing.
    let mut need: std::collections::BTreeMap<i64, i64> = std::collections::BTreeMap::new();
    let account_ids: Vec<(EntryId, i64, i64)> = batch
        .iter()
        .map(|e| {
            let a: i64 = tx.query_row("SELECT account_id FROM time_entry WHERE id = ?1", [e.id.0], |r| r.get(0))?;
            Ok((e.id, a, e.signed.0))
        })
        .collect::<Result<_>>()?;
    for (_, a, signed) in &account_ids {
        *need.entry(*a).or_default() += signed;
    }
    for (a, n) in need {
        if n > 0 && account_balance(tx, a)?.0 < n {
            let who = batch
                .iter()
                .zip(&account_ids)
                .find(|(_, (_, acc, _))| *acc == a)
                .map(|(e, _)| match &e.holder {
                    Holder::Person { name, .. } => name.clone(),
                    Holder::Pool => String::new(),
                })
                .unwrap_or_default();
            return Err(Error::conflict(
                "error-time-reverse-insufficient",
                vec![("id", id.to_string()), ("name", who), ("hours", Hours(n).to_string())],
            ));
        }
    }
    // Hours come back before they go out, so no account dips below zero on the way.
    let mut order: Vec<&(EntryId, i64, i64)> = account_ids.iter().collect();
    order.sort_by_key(|(_, _, s)| *s);
    let mut out = Vec::new();
    let mut first: Option<EntryId> = None;
    for (eid, account, signed) in order {
        let orig = batch.iter().find(|e| e.id == *eid).ok_or_else(|| Error::not_found("error-time-entry-not-found", eid))?;
        let counterparty: Option<i64> = tx.query_row("SELECT counterparty_id FROM time_entry WHERE id = ?1", [eid.0], |r| r.get(0))?;
        let mut e = NewEntry::new(*account, EntryKind::Reversal, -signed.signum(), orig.hours, date);
        e.counterparty = counterparty;
        e.reason = &reason;
        e.reverses = Some(*eid);
        e.batch = first;
        let rid = post(tx, actor, &e)?;
        first.get_or_insert(rid);
        out.push(rid);
    }
    Ok(out)
}
