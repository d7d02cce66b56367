//! Moves between accounts: a transfer to another person, a donation to the common pool, a
//! grant from it.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::accounts::{account_balance, ensure_funds, live};
use super::hours::{Hours, MAX_MOVE_HALF_HOURS};
use super::ledger::{EntryId, EntryKind, NewEntry, POOL_ACCOUNT, post};
use crate::audit::Actor;
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::MemberNo;

/// The transfer form: from whose account (the one shown), to whom (picked), the hours and the
/// day as typed (empty for today), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TransferInput {
    pub from: MemberNo,
    pub to: Option<MemberNo>,
    pub hours: String,
    pub reason: String,
    pub date: String,
}

/// Moves hours from one person to another (a parent, a spouse), with the reason. Both entries
/// are written together, so the total never changes.
pub fn transfer(tx: &Transaction, actor: &Actor, input: &TransferInput, today: NaiveDate) -> Result<(EntryId, EntryId)> {
    let from = input.from;
    let to = input.to.ok_or_else(|| Error::invalid("to", "error-person-required"))?;
    let hours = Hours::parse_move(&input.hours)?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let reason = fields::reason(&input.reason, "error-time-reason-required")?;
    if from == to {
        return Err(Error::invalid("to", "error-time-same-person"));
    }
    let a = live(tx, "from", from, today)?;
    let b = live(tx, "to", to, today)?;
    ensure_funds(tx, a.account, &a.name, hours)?;
    let mut out = NewEntry::new(a.account, EntryKind::TransferOut, -1, hours, date);
    out.counterparty = Some(b.account);
    out.reason = &reason;
    let out_id = post(tx, actor, &out)?;
    let mut inn = NewEntry::new(b.account, EntryKind::TransferIn, 1, hours, date);
    inn.counterparty = Some(a.account);
    inn.reason = &reason;
    inn.batch = Some(out_id);
    let in_id = post(tx, actor, &inn)?;
    Ok((out_id, in_id))
}

/// The form giving hours to the pool: whose, and the hours and day as typed (empty for today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PoolDonationInput {
    pub person: MemberNo,
    pub hours: String,
    pub date: String,
}

/// Gives hours to the common pool (公益时间池).
pub fn donate(tx: &Transaction, actor: &Actor, input: &PoolDonationInput, today: NaiveDate) -> Result<EntryId> {
    let hours = Hours::parse_move(&input.hours)?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let p = live(tx, "person", input.person, today)?;
    ensure_funds(tx, p.account, &p.name, hours)?;
    let mut out = NewEntry::new(p.account, EntryKind::Donation, -1, hours, date);
    out.counterparty = Some(POOL_ACCOUNT);
    let out_id = post(tx, actor, &out)?;
    let mut inn = NewEntry::new(POOL_ACCOUNT, EntryKind::Donation, 1, hours, date);
    inn.counterparty = Some(p.account);
    inn.batch = Some(out_id);
    post(tx, actor, &inn)?;
    Ok(out_id)
}

/// Grants hours from the pool to a person who could never save any, with the reason.
pub fn grant(
    tx: &Transaction,
    actor: &Actor,
    person: MemberNo,
    hours: Hours,
    reason: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<EntryId> {
    hours.check_within(MAX_MOVE_HALF_HOURS)?;
    fields::check_ledger_date("date", date, today)?;
    let reason = fields::reason(reason, "error-time-reason-required")?;
    let p = live(tx, "person", person, today)?;
    let pool = account_balance(tx, POOL_ACCOUNT)?;
    if pool < hours {
        return Err(Error::conflict(
            "error-time-pool-insufficient",
            vec![("balance", pool.to_string()), ("hours", hours.to_string())],
        ));
    }
    let mut out = NewEntry::new(POOL_ACCOUNT, EntryKind::PoolGrant, -1, hours, date);
    out.counterparty = Some(p.account);
    out.reason = &reason;
    let out_id = post(tx, actor, &out)?;
    let mut inn = NewEntry::new(p.account, EntryKind::PoolGrant, 1, hours, date);
    inn.counterparty = Some(POOL_ACCOUNT);
    inn.reason = &reason;
    inn.batch = Some(out_id);
    post(tx, actor, &inn)
}

/// Gives hours to the pool to settle what the holder owes the association (dues paid with saved
/// hours): a donation as `donate` writes it, marked with what it paid (`source`, which the
/// ledger takes once only) and why. Refused, changing nothing, when the balance is short.
#[allow(clippy::too_many_arguments)]
pub fn pay_into_pool(
    tx: &Transaction,
    actor: &Actor,
    person: MemberNo,
    hours: Hours,
    date: NaiveDate,
    source: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<EntryId> {
    hours.check_within(MAX_MOVE_HALF_HOURS)?;
    fields::check_ledger_date("date", date, today)?;
    let p = live(tx, "member", person, today)?;
    ensure_funds(tx, p.account, &p.name, hours)?;
    let mut out = NewEntry::new(p.account, EntryKind::Donation, -1, hours, date);
    out.counterparty = Some(POOL_ACCOUNT);
    out.source = Some(source);
    out.reason = reason;
    let out_id = post(tx, actor, &out)?;
    let mut inn = NewEntry::new(POOL_ACCOUNT, EntryKind::Donation, 1, hours, date);
    inn.counterparty = Some(p.account);
    inn.reason = reason;
    inn.batch = Some(out_id);
    post(tx, actor, &inn)?;
    Ok(out_id)
}
