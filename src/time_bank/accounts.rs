//! Accounts: balances summed from the ledger, frozen accounts, the account screen, and the
//! living holder every move checks first.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::cap::yearly_cap;
use super::hours::Hours;
use super::keys;
use super::ledger::{POOL_ACCOUNT, entries};
use super::lines::{PassbookLine, passbook_lines};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::members::{self, MemberNo, PersonId, Status};

pub(super) fn account_balance(conn: &Connection, account: i64) -> Result<Hours> {
    let n: i64 = conn.query_row(
        "SELECT coalesce(sum(signed_half_hours), 0) FROM time_entry WHERE account_id = ?1",
        [account],
        |r| r.get(0),
    )?;
    Ok(Hours(n))
}

fn account_of(conn: &Connection, person: PersonId) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM time_account WHERE person_id = ?1", [person.0], |r| r.get(0)).optional()?)
}

/// The person's account, opened on first use.
pub(super) fn open_account(tx: &Transaction, person: PersonId) -> Result<i64> {
    if let Some(id) = account_of(tx, person)? {
        return Ok(id);
    }
    tx.execute("INSERT INTO time_account (person_id, created_at) VALUES (?1, ?2)", params![person.0, audit::now_utc()])?;
    Ok(tx.last_insert_rowid())
}

/// A person's balance (0 for someone who never had an entry).
pub fn balance(conn: &Connection, no: MemberNo) -> Result<Hours> {
    let pid = members::id_of(conn, no)?;
    match account_of(conn, pid)? {
        Some(a) => account_balance(conn, a),
        None => Ok(Hours::ZERO),
    }
}

/// The common pool's balance.
pub fn pool_balance(conn: &Connection) -> Result<Hours> {
    account_balance(conn, POOL_ACCOUNT)
}

/// The sum of all person accounts and the pool: what conservation tests watch.
pub fn total_hours(conn: &Connection) -> Result<Hours> {
    let n: i64 = conn.query_row("SELECT coalesce(sum(signed_half_hours), 0) FROM time_entry", [], |r| r.get(0))?;
    Ok(Hours(n))
}

pub fn is_frozen(conn: &Connection, no: MemberNo) -> Result<bool> {
    let pid = members::id_of(conn, no)?;
    let Some(a) = account_of(conn, pid)? else { return Ok(false) };
    account_frozen(conn, a)
}

/// Whether a freeze is in force on the account (one lifted after a mistaken death is not).
pub(super) fn account_frozen(conn: &Connection, account: i64) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM time_freeze WHERE account_id = ?1 AND lifted_at IS NULL)", [account], |r| r.get(0))?)
}

/// Freezes a holder's account on their death, as part of recording it (`welfare::deaths`, which
/// writes the one audit row of the whole action). Returns the balance frozen; None when the
/// person never had an account (there is nothing to freeze, and the register's status already
/// keeps hours from moving to or from the deceased).
pub(crate) fn freeze_on_death(tx: &Transaction, actor: &Actor, person: PersonId, date: NaiveDate) -> Result<Option<Hours>> {
    let Some(account) = account_of(tx, person)? else { return Ok(None) };
    if !account_frozen(tx, account)? {
        tx.execute(
            "INSERT INTO time_freeze (account_id, date, reason, frozen_at, frozen_by) VALUES (?1, ?2, 'death', ?3, ?4)",
            params![account, date, audit::now_utc(), actor.name],
        )?;
    }
    Ok(Some(account_balance(tx, account)?))
}

/// The balance a holder's account would freeze with on their death (None: no account).
pub(crate) fn balance_of(conn: &Connection, person: PersonId) -> Result<Option<Hours>> {
    account_of(conn, person)?.map(|a| account_balance(conn, a)).transpose()
}

/// Lifts the freeze in force on a person's account, with the reason (a death recorded by
/// mistake); the caller audits. false when nothing was frozen.
pub(crate) fn lift_freeze(tx: &Transaction, actor: &Actor, person: PersonId, reason: &str) -> Result<bool> {
    let Some(account) = account_of(tx, person)? else { return Ok(false) };
    let n = tx.execute(
        "UPDATE time_freeze SET lifted_at = ?2, lifted_by = ?3, lift_reason = ?4 WHERE account_id = ?1 AND lifted_at IS NULL",
        params![account, audit::now_utc(), actor.name, reason],
    )?;
    Ok(n > 0)
}

/// Whether hours have been inherited from the person (an inheritance is not undone by
/// correcting a death; its entries are reversed first).
pub(crate) fn inherited_from(conn: &Connection, person: PersonId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM time_inheritance i WHERE i.deceased_id = ?1
             AND NOT EXISTS (SELECT 1 FROM time_entry r JOIN time_entry o ON o.id = r.reverses_entry_id WHERE o.batch = i.batch))",
        [person.0],
        |r| r.get(0),
    )?)
}

/// One account on the list of balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AccountBalance {
    pub person: MemberNo,
    pub name: String,
    pub village_group: String,
    pub balance: Hours,
    pub frozen: bool,
}

/// Every person's account with its balance, in pinyin order (the pool is `pool_balance`).
pub fn balances(conn: &Connection) -> Result<Vec<AccountBalance>> {
    let mut stmt = conn.prepare(
        "SELECT p.member_no, p.name, p.village_group,
                (SELECT coalesce(sum(e.signed_half_hours), 0) FROM time_entry e WHERE e.account_id = a.id),
                EXISTS (SELECT 1 FROM time_freeze f WHERE f.account_id = a.id)
         FROM time_account a JOIN person p ON p.id = a.person_id
         ORDER BY p.name_sort, p.name, p.member_no",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(AccountBalance {
                person: MemberNo(r.get(0)?),
                name: r.get(1)?,
                village_group: r.get(2)?,
                balance: Hours(r.get(3)?),
                frozen: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One person's account as the time bank screen shows it: the passbook lines (with their notes
/// and running balance, as the printed passbook has them) and the balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TimeAccount {
    pub person: MemberNo,
    pub name: String,
    pub balance: Hours,
    /// Frozen (a deceased holder awaiting inheritance, or dead): nothing moves in or out.
    pub frozen: bool,
    pub lines: Vec<PassbookLine>,
}

/// A person's account (empty for someone who never had an entry; opening it writes nothing).
pub fn account(conn: &Connection, no: MemberNo, l10n: &Localizer, today: NaiveDate) -> Result<TimeAccount> {
    let person = members::get_by_no(conn, no, today)?;
    Ok(TimeAccount {
        person: no,
        balance: balance(conn, no)?,
        frozen: is_frozen(conn, no)? || person.status == Status::Deceased,
        lines: passbook_lines(entries(conn, no)?, no, l10n),
        name: person.name,
    })
}

/// What the time bank screen shows about the bank as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BankOverview {
    pub pool: Hours,
    pub yearly_cap: Option<Hours>,
    /// This association's key fingerprint, read out by phone to associations that import our files.
    pub fingerprint: String,
}

/// The pool, the cap and the association's key fingerprint. The key is made here on first
/// need (as on first start), so the fingerprint can be shown before anything was exported.
pub fn overview(tx: &Transaction, actor: &Actor) -> Result<BankOverview> {
    Ok(BankOverview { pool: pool_balance(tx)?, yearly_cap: yearly_cap(tx)?, fingerprint: keys::own_fingerprint(tx, actor)? })
}

/// A living person whose account may move hours: refuses the deceased and frozen accounts.
pub(super) struct Live {
    pub(super) id: PersonId,
    pub(super) no: MemberNo,
    pub(super) name: String,
    pub(super) account: i64,
}

pub(super) fn live(tx: &Transaction, field: &'static str, no: MemberNo, today: NaiveDate) -> Result<Live> {
    let p = members::get_by_no(tx, no, today).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid_with(field, "error-person-not-found", vec![("key", no.to_string())]),
        other => other,
    })?;
    if p.status == Status::Deceased {
        return Err(Error::conflict("error-time-holder-deceased", vec![("no", no.to_string()), ("name", p.name)]));
    }
    let account = open_account(tx, p.id)?;
    if account_frozen(tx, account)? {
        return Err(Error::conflict("error-time-account-frozen", vec![("no", no.to_string()), ("name", p.name)]));
    }
    Ok(Live { id: p.id, no, name: p.name, account })
}

pub(super) fn ensure_funds(tx: &Transaction, account: i64, who: &str, needed: Hours) -> Result<()> {
    let have = account_balance(tx, account)?;
    if have < needed {
        return Err(Error::conflict(
            "error-time-insufficient",
            vec![("name", who.to_string()), ("balance", have.to_string()), ("hours", needed.to_string())],
        ));
    }
    Ok(())
}
