//! The time ledger (`time_entry`): its lines, how they are read, and how one is posted
//! with its audit row. Nothing here checks a rule; the files that post entries do.

use std::fmt;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::hours::Hours;
use crate::audit::{self, Actor};
use crate::chain::{self, Ledger};
use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::members::{self, MemberNo, PersonId};

/// The pool's account row (公益时间池); every other account belongs to one person.
pub const POOL_ACCOUNT: i64 = 1;

/// A row id in the time ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct EntryId(pub i64);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

choice! {
    /// What a line of the time ledger records.
    EntryKind {
        Deposit = "deposit" / "time-kind-deposit" [],
        Withdrawal = "withdrawal" / "time-kind-withdrawal" [],
        TransferOut = "transfer_out" / "time-kind-transfer-out" [],
        TransferIn = "transfer_in" / "time-kind-transfer-in" [],
        Donation = "donation" / "time-kind-donation" [],
        PoolGrant = "pool_grant" / "time-kind-pool-grant" [],
        InheritanceOut = "inheritance_out" / "time-kind-inheritance-out" [],
        InheritanceIn = "inheritance_in" / "time-kind-inheritance-in" [],
        ExchangeOut = "exchange_out" / "time-kind-exchange-out" [],
        ExchangeIn = "exchange_in" / "time-kind-exchange-in" [],
        Reversal = "reversal" / "time-kind-reversal" [],
    }
}

/// Whose account: a person's or the common pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Holder {
    Person { no: MemberNo, name: String },
    Pool,
}

/// One line of the time ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimeEntry {
    pub id: EntryId,
    pub holder: Holder,
    pub kind: EntryKind,
    /// Hours moved, always positive; `signed` says in (+) or out (−) of the holder's account.
    pub hours: Hours,
    pub signed: Hours,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub counterparty: Option<Holder>,
    /// Who received the service (deposit) or the care (withdrawal).
    pub recipient: Option<Holder>,
    pub service_kind: String,
    pub confirmed_by: String,
    pub reason: String,
    pub consent: String,
    pub source: Option<String>,
    pub reverses: Option<EntryId>,
    pub reversed_by: Option<EntryId>,
    /// Entries written together share the id of the first.
    pub batch: EntryId,
    pub created_at: String,
    pub created_by: String,
}

pub(super) const ENTRY_SELECT: &str = "SELECT e.id, p.member_no, p.name, e.kind, e.direction, e.half_hours, e.date,
    e.counterparty_id, cp.member_no, cp.name, rp.member_no, rp.name, e.service_kind, e.confirmed_by,
    e.reason, e.consent, e.source, e.reverses_entry_id,
    (SELECT r.id FROM time_entry r WHERE r.reverses_entry_id = e.id), e.batch, e.created_at, e.created_by
    FROM time_entry e
    JOIN time_account a ON a.id = e.account_id
    LEFT JOIN person p ON p.id = a.person_id
    LEFT JOIN time_account ca ON ca.id = e.counterparty_id
    LEFT JOIN person cp ON cp.id = ca.person_id
    LEFT JOIN person rp ON rp.id = e.recipient_id";

pub(super) fn holder(no: Option<i64>, name: Option<String>) -> Holder {
    match (no, name) {
        (Some(no), Some(name)) => Holder::Person { no: MemberNo(no), name },
        _ => Holder::Pool,
    }
}

pub(super) fn entry_from_row(r: &Row) -> rusqlite::Result<TimeEntry> {
    let direction: i64 = r.get(4)?;
    let half: i64 = r.get(5)?;
    let counterparty_id: Option<i64> = r.get(7)?;
    let rec_no: Option<i64> = r.get(10)?;
    Ok(TimeEntry {
        id: EntryId(r.get(0)?),
        holder: holder(r.get(1)?, r.get(2)?),
        kind: r.get(3)?,
        hours: Hours(half),
        signed: Hours(direction * half),
        date: r.get(6)?,
        counterparty: match counterparty_id {
            Some(_) => Some(holder(r.get(8)?, r.get(9)?)),
            None => None,
        },
        recipient: match rec_no {
            Some(no) => Some(Holder::Person { no: MemberNo(no), name: r.get(11)? }),
            None => None,
        },
        service_kind: r.get(12)?,
        confirmed_by: r.get(13)?,
        reason: r.get(14)?,
        consent: r.get(15)?,
        source: r.get(16)?,
        reverses: r.get::<_, Option<i64>>(17)?.map(EntryId),
        reversed_by: r.get::<_, Option<i64>>(18)?.map(EntryId),
        batch: EntryId(r.get(19)?),
        created_at: r.get(20)?,
        created_by: r.get(21)?,
    })
}

pub fn entry(conn: &Connection, id: EntryId) -> Result<TimeEntry> {
    conn.query_row(&format!("{ENTRY_SELECT} WHERE e.id = ?1"), [id.0], entry_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-time-entry-not-found", id))
}

/// Every entry of a person's account, in the order posted (a passbook's order).
pub fn entries(conn: &Connection, no: MemberNo) -> Result<Vec<TimeEntry>> {
    let pid = members::id_of(conn, no)?;
    let mut stmt = conn.prepare(&format!("{ENTRY_SELECT} WHERE a.person_id = ?1 ORDER BY e.id"))?;
    let rows = stmt.query_map([pid.0], entry_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every entry of the common pool, in the order posted.
pub fn pool_entries(conn: &Connection) -> Result<Vec<TimeEntry>> {
    let mut stmt = conn.prepare(&format!("{ENTRY_SELECT} WHERE e.account_id = ?1 ORDER BY e.id"))?;
    let rows = stmt.query_map([POOL_ACCOUNT], entry_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub(super) struct NewEntry<'a> {
    pub(super) account: i64,
    pub(super) kind: EntryKind,
    pub(super) direction: i64,
    pub(super) hours: Hours,
    pub(super) date: NaiveDate,
    pub(super) counterparty: Option<i64>,
    pub(super) recipient: Option<PersonId>,
    pub(super) service_kind: &'a str,
    pub(super) confirmed_by: &'a str,
    pub(super) reason: &'a str,
    pub(super) consent: &'a str,
    pub(super) source: Option<&'a str>,
    pub(super) reverses: Option<EntryId>,
    pub(super) batch: Option<EntryId>,
}

impl<'a> NewEntry<'a> {
    pub(super) fn new(account: i64, kind: EntryKind, direction: i64, hours: Hours, date: NaiveDate) -> NewEntry<'a> {
        NewEntry {
            account,
            kind,
            direction,
            hours,
            date,
            counterparty: None,
            recipient: None,
            service_kind: "",
            confirmed_by: "",
            reason: "",
            consent: "",
            source: None,
            reverses: None,
            batch: None,
        }
    }
}

/// Writes one entry and its audit row. The id is chosen here (max + 1) so a batch can name its
/// first entry's id in the same INSERT: the ledger never updates a row, not even its own.
pub(super) fn post(tx: &Transaction, actor: &Actor, e: &NewEntry) -> Result<EntryId> {
    let id = chain::next_id(tx, Ledger::Time)?;
    let batch = e.batch.map(|b| b.0).unwrap_or(id);
    // The time bank's one insert path: `append` seals the entry into the ledger's hash chain
    // (and gives it the id read above: same transaction, nothing written in between).
    let id = chain::append(
        tx,
        Ledger::Time,
        &[
            &e.account,
            &e.kind,
            &e.direction,
            &e.hours.0,
            &e.date,
            &e.counterparty,
            &e.recipient.map(|p| p.0),
            &e.service_kind,
            &e.confirmed_by,
            &e.reason,
            &e.consent,
            &e.source,
            &e.reverses.map(|r| r.0),
            &batch,
            &audit::now_utc(),
            &actor.name,
        ],
    )?;
    let after = entry(tx, EntryId(id))?;
    audit::record(tx, actor, e.kind.code(), "time_entry", id, None::<&()>, Some(&after))?;
    Ok(EntryId(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_kinds_round_trip_their_codes() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(k.code()), Some(*k));
        }
    }
}
