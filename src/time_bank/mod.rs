//! The time bank (时间储蓄): hours of care given are banked and drawn later by the giver or their
//! family, moved to others (transfer), given to the common pool (公益时间池) or inherited, and
//! carried to another association in a signed file (see `exchange` and docs/time-exchange.md).
//!
//! Hours are counted in exact half-hours (`Hours`). The ledger (`time_entry`) is append-only:
//! balances are sums of entries, corrections are reversals, and the database itself refuses an
//! edit, a delete or an entry that would leave any account below zero. Every write here adds an
//! audit row in the caller's transaction.

pub mod exchange;
pub mod keys;
pub mod passbook;

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::kernel::fields;
use crate::members::{self, MemberNo, PersonId, Status};

/// The pool's account row (公益时间池); every other account belongs to one person.
pub const POOL_ACCOUNT: i64 = 1;

/// Most hours one service (a deposit or a withdrawal) may record: a whole day.
pub const MAX_SERVICE_HALF_HOURS: i64 = 48;
/// Most hours any single move may carry (a transfer, grant, inheritance…): a sanity bound that
/// keeps sums far from overflow, not a rule of any association.
pub const MAX_MOVE_HALF_HOURS: i64 = 2 * 100_000;

/// An exact count of hours in steps of half an hour, stored as half-hours; JSON carries it as
/// a string ("12.5") so the UI never does arithmetic on hours in floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, TS)]
#[ts(export, type = "string")]
pub struct Hours(i64);

impl Hours {
    pub const ZERO: Hours = Hours(0);

    pub fn from_half_hours(n: i64) -> Hours {
        Hours(n)
    }

    pub fn half_hours(self) -> i64 {
        self.0
    }

    /// Hours of one service, as a person types them: "2.5", "2", "0.5". Refused with a
    /// localised reason: garbage, negative, zero, not a multiple of half an hour, more than 24.
    pub fn parse(s: &str) -> Result<Hours> {
        Hours::parse_within("hours", s, MAX_SERVICE_HALF_HOURS)
    }

    /// Hours of a move between accounts (transfer, donation, grant), which may exceed a day.
    pub fn parse_move(s: &str) -> Result<Hours> {
        Hours::parse_within("hours", s, MAX_MOVE_HALF_HOURS)
    }

    pub fn parse_within(field: &'static str, s: &str, max_half_hours: i64) -> Result<Hours> {
        let t = s.trim();
        let bad = || Error::invalid_with(field, "error-time-hours-invalid", vec![("value", t.to_string())]);
        // Only digits and one point: no exponents, signs other than a leading minus, or commas.
        let body = t.strip_prefix('-').unwrap_or(t);
        if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') || body.len() > 20 {
            return Err(bad());
        }
        let d: Decimal = t.parse().map_err(|_| bad())?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Error::invalid_with(field, "error-time-hours-negative", vec![("value", t.to_string())]));
        }
        if d.is_zero() {
            return Err(Error::invalid(field, "error-time-hours-zero"));
        }
        let doubled = d.checked_mul(Decimal::TWO).ok_or_else(bad)?;
        if !doubled.fract().is_zero() {
            return Err(Error::invalid_with(field, "error-time-hours-step", vec![("value", t.to_string())]));
        }
        use rust_decimal::prelude::ToPrimitive;
        let n = doubled.to_i64().ok_or_else(bad)?;
        if n > max_half_hours {
            return Err(Error::invalid_with(
                field,
                "error-time-hours-too-many",
                vec![("value", t.to_string()), ("max", Hours(max_half_hours).to_string())],
            ));
        }
        Ok(Hours(n))
    }
}

impl Hours {
    /// With one decimal always ("5.0", "2.5"), so figures line up in printed columns.
    pub fn fixed(self) -> String {
        let s = self.to_string();
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        if a % 2 == 0 {
            write!(f, "{sign}{}", a / 2)
        } else {
            write!(f, "{sign}{}.5", a / 2)
        }
    }
}

impl Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Hours, D::Error> {
        let s = String::deserialize(d)?;
        Hours::parse_move(&s).map_err(|e| serde::de::Error::custom(e.message_id()))
    }
}

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

const ENTRY_SELECT: &str = "SELECT e.id, p.member_no, p.name, e.kind, e.direction, e.half_hours, e.date,
    e.counterparty_id, cp.member_no, cp.name, rp.member_no, rp.name, e.service_kind, e.confirmed_by,
    e.reason, e.consent, e.source, e.reverses_entry_id,
    (SELECT r.id FROM time_entry r WHERE r.reverses_entry_id = e.id), e.batch, e.created_at, e.created_by
    FROM time_entry e
    JOIN time_account a ON a.id = e.account_id
    LEFT JOIN person p ON p.id = a.person_id
    LEFT JOIN time_account ca ON ca.id = e.counterparty_id
    LEFT JOIN person cp ON cp.id = ca.person_id
    LEFT JOIN person rp ON rp.id = e.recipient_id";

fn holder(no: Option<i64>, name: Option<String>) -> Holder {
    match (no, name) {
        (Some(no), Some(name)) => Holder::Person { no: MemberNo(no), name },
        _ => Holder::Pool,
    }
}

fn entry_from_row(r: &Row) -> rusqlite::Result<TimeEntry> {
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
        counterparty: counterparty_id.map(|_| holder(r.get(8).ok().flatten(), r.get(9).ok().flatten())),
        recipient: rec_no.map(|no| Holder::Person { no: MemberNo(no), name: r.get(11).unwrap_or_default() }),
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

fn account_balance(conn: &Connection, account: i64) -> Result<Hours> {
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
fn open_account(tx: &Transaction, person: PersonId) -> Result<i64> {
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
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM time_freeze WHERE account_id = ?1)", [a], |r| r.get(0))?)
}

/// One person's account as the time bank screen shows it: the passbook lines and the balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TimeAccount {
    pub person: MemberNo,
    pub name: String,
    pub balance: Hours,
    /// Frozen (a deceased holder awaiting inheritance, or dead): nothing moves in or out.
    pub frozen: bool,
    pub entries: Vec<TimeEntry>,
}

/// A person's account (empty for someone who never had an entry; opening it writes nothing).
pub fn account(conn: &Connection, no: MemberNo, today: NaiveDate) -> Result<TimeAccount> {
    let person = members::get_by_no(conn, no, today)?;
    Ok(TimeAccount {
        person: no,
        balance: balance(conn, no)?,
        frozen: is_frozen(conn, no)? || person.status == Status::Deceased,
        entries: entries(conn, no)?,
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
    let key = keys::ensure(tx, actor)?;
    Ok(BankOverview {
        pool: pool_balance(tx)?,
        yearly_cap: yearly_cap(tx)?,
        fingerprint: keys::fingerprint(&key.verifying_key().to_bytes()),
    })
}

/// A living person whose account may move hours: refuses the deceased and frozen accounts.
struct Live {
    id: PersonId,
    no: MemberNo,
    name: String,
    account: i64,
}

fn live(tx: &Transaction, field: &'static str, no: MemberNo, today: NaiveDate) -> Result<Live> {
    let p = members::get_by_no(tx, no, today).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid_with(field, "error-person-not-found", vec![("key", no.to_string())]),
        other => other,
    })?;
    if p.status == Status::Deceased {
        return Err(Error::conflict("error-time-holder-deceased", vec![("no", no.to_string()), ("name", p.name)]));
    }
    let account = open_account(tx, p.id)?;
    let frozen: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM time_freeze WHERE account_id = ?1)", [account], |r| r.get(0))?;
    if frozen {
        return Err(Error::conflict("error-time-account-frozen", vec![("no", no.to_string()), ("name", p.name)]));
    }
    Ok(Live { id: p.id, no, name: p.name, account })
}

fn ensure_funds(tx: &Transaction, account: i64, who: &str, needed: Hours) -> Result<()> {
    let have = account_balance(tx, account)?;
    if have < needed {
        return Err(Error::conflict(
            "error-time-insufficient",
            vec![("name", who.to_string()), ("balance", have.to_string()), ("hours", needed.to_string())],
        ));
    }
    Ok(())
}

struct NewEntry<'a> {
    account: i64,
    kind: EntryKind,
    direction: i64,
    hours: Hours,
    date: NaiveDate,
    counterparty: Option<i64>,
    recipient: Option<PersonId>,
    service_kind: &'a str,
    confirmed_by: &'a str,
    reason: &'a str,
    consent: &'a str,
    source: Option<&'a str>,
    reverses: Option<EntryId>,
    batch: Option<EntryId>,
}

impl<'a> NewEntry<'a> {
    fn new(account: i64, kind: EntryKind, direction: i64, hours: Hours, date: NaiveDate) -> NewEntry<'a> {
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
fn post(tx: &Transaction, actor: &Actor, e: &NewEntry) -> Result<EntryId> {
    let id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM time_entry", [], |r| r.get(0))?;
    let batch = e.batch.map(|b| b.0).unwrap_or(id);
    tx.execute(
        "INSERT INTO time_entry (id, account_id, kind, direction, half_hours, date, counterparty_id, recipient_id,
            service_kind, confirmed_by, reason, consent, source, reverses_entry_id, batch, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            id,
            e.account,
            e.kind,
            e.direction,
            e.hours.0,
            e.date,
            e.counterparty,
            e.recipient.map(|p| p.0),
            e.service_kind,
            e.confirmed_by,
            e.reason,
            e.consent,
            e.source,
            e.reverses.map(|r| r.0),
            batch,
            audit::now_utc(),
            actor.0,
        ],
    )?;
    let after = entry(tx, EntryId(id))?;
    audit::record(tx, actor, e.kind.code(), "time_entry", id, None::<&()>, Some(&after))?;
    Ok(EntryId(id))
}

/// A service given, as the secretary enters it by hand (or a done shift, via `credit_service`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DepositInput {
    pub provider: MemberNo,
    pub hours: Hours,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub recipient: Option<MemberNo>,
    /// What kind of service (陪护, 探望, 理发…), free text.
    pub service_kind: String,
    /// Who confirmed it was given (the recipient, a family member, the group leader…).
    pub confirmed_by: String,
}

/// Banks hours of service for the provider. With a yearly cap set, hours beyond it in the
/// calendar year of the service go to the common pool instead. Returns the entry carrying the
/// provider's hours (or, when the provider is already at the cap, the pool's entry).
pub fn deposit(tx: &Transaction, actor: &Actor, input: &DepositInput, today: NaiveDate) -> Result<EntryId> {
    deposit_from(tx, actor, input, None, today)
}

fn deposit_from(tx: &Transaction, actor: &Actor, input: &DepositInput, source: Option<&str>, today: NaiveDate) -> Result<EntryId> {
    check_service(input.hours)?;
    fields::check_ledger_date("date", input.date, today)?;
    let provider = live(tx, "person", input.provider, today)?;
    let recipient = match input.recipient {
        Some(no) => Some(members::id_of(tx, no).map_err(|_| {
            Error::invalid_with("recipient", "error-person-not-found", vec![("key", no.to_string())])
        })?),
        None => None,
    };
    if recipient == Some(provider.id) {
        return Err(Error::invalid("recipient", "error-time-self-service"));
    }
    let service_kind = fields::text("kind", &input.service_kind, 40)?;
    let confirmed_by = fields::text("confirmed_by", &input.confirmed_by, 40)?;

    let (to_person, to_pool) = match yearly_cap(tx)? {
        Some(cap) => {
            let so_far = deposited_in_year(tx, provider.account, input.date.year())?;
            let room = (cap.0 - so_far).max(0);
            let mine = input.hours.0.min(room);
            (mine, input.hours.0 - mine)
        }
        None => (input.hours.0, 0),
    };
    let mut first: Option<EntryId> = None;
    if to_person > 0 {
        let mut e = NewEntry::new(provider.account, EntryKind::Deposit, 1, Hours(to_person), input.date);
        e.recipient = recipient;
        e.service_kind = &service_kind;
        e.confirmed_by = &confirmed_by;
        e.source = source;
        first = Some(post(tx, actor, &e)?);
    }
    if to_pool > 0 {
        let mut e = NewEntry::new(POOL_ACCOUNT, EntryKind::Deposit, 1, Hours(to_pool), input.date);
        e.counterparty = Some(provider.account);
        e.recipient = recipient;
        e.service_kind = &service_kind;
        e.confirmed_by = &confirmed_by;
        e.reason = "yearly_cap";
        e.batch = first;
        e.source = if first.is_none() { source } else { None };
        let id = post(tx, actor, &e)?;
        first.get_or_insert(id);
    }
    first.ok_or_else(|| Error::invalid("hours", "error-time-hours-zero"))
}

/// One service's hours: more than zero, at most a day.
fn check_service(hours: Hours) -> Result<()> {
    if hours.0 <= 0 {
        return Err(Error::invalid("hours", "error-time-hours-zero"));
    }
    if hours.0 > MAX_SERVICE_HALF_HOURS {
        return Err(Error::invalid_with(
            "hours",
            "error-time-hours-too-many",
            vec![("value", hours.to_string()), ("max", Hours(MAX_SERVICE_HALF_HOURS).to_string())],
        ));
    }
    Ok(())
}

/// Hours deposited into an account for services in a calendar year, net of reversed deposits.
fn deposited_in_year(conn: &Connection, account: i64, year: i32) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(e.signed_half_hours), 0) FROM time_entry e
         LEFT JOIN time_entry o ON o.id = e.reverses_entry_id
         WHERE e.account_id = ?1 AND (e.kind = 'deposit' OR o.kind = 'deposit')
           AND substr(coalesce(o.date, e.date), 1, 4) = ?2",
        params![account, format!("{year:04}")],
        |r| r.get(0),
    )?)
}

/// Deposits the hours of a done rota shift (or any other recorded service) for its provider,
/// once per `source` ("shift:123"): the second call with the same source changes nothing and
/// returns `None`. The rota calls this when a shift is marked done.
pub fn credit_service(
    tx: &Transaction,
    actor: &Actor,
    provider: MemberNo,
    hours: Hours,
    date: NaiveDate,
    source: &str,
    today: NaiveDate,
) -> Result<Option<EntryId>> {
    let source = source.trim();
    if source.is_empty() {
        return Err(Error::invalid("source", "error-time-source-required"));
    }
    let seen: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM time_entry WHERE source = ?1)", [source], |r| r.get(0))?;
    if seen {
        return Ok(None);
    }
    let input = DepositInput {
        provider,
        hours,
        date,
        recipient: None,
        service_kind: String::new(),
        confirmed_by: String::new(),
    };
    deposit_from(tx, actor, &input, Some(source), today).map(Some)
}

/// Care received, paid from the holder's account. When the recipient is someone else (a
/// parent drawing on a child's hours), the holder's consent must be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WithdrawalInput {
    pub holder: MemberNo,
    pub hours: Hours,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Who received the care; `None` for the holder.
    pub recipient: Option<MemberNo>,
    pub service_kind: String,
    /// How the holder consented (in person, by phone to whom…), required when the recipient is
    /// someone else.
    pub consent: String,
}

pub fn withdraw(tx: &Transaction, actor: &Actor, input: &WithdrawalInput, today: NaiveDate) -> Result<EntryId> {
    check_service(input.hours)?;
    fields::check_ledger_date("date", input.date, today)?;
    let holder = live(tx, "person", input.holder, today)?;
    let recipient = match input.recipient {
        Some(no) if no != holder.no => Some(members::id_of(tx, no).map_err(|_| {
            Error::invalid_with("recipient", "error-person-not-found", vec![("key", no.to_string())])
        })?),
        _ => None,
    };
    let consent = fields::text("consent", &input.consent, 200)?;
    if recipient.is_some() && consent.is_empty() {
        return Err(Error::invalid_with("consent", "error-time-consent-required", vec![("name", holder.name.clone())]));
    }
    let service_kind = fields::text("kind", &input.service_kind, 40)?;
    ensure_funds(tx, holder.account, &holder.name, input.hours)?;
    let mut e = NewEntry::new(holder.account, EntryKind::Withdrawal, -1, input.hours, input.date);
    e.recipient = Some(recipient.unwrap_or(holder.id));
    e.service_kind = &service_kind;
    if recipient.is_some() {
        e.consent = &consent;
    }
    post(tx, actor, &e)
}

fn check_move(hours: Hours) -> Result<()> {
    if hours.0 <= 0 {
        return Err(Error::invalid("hours", "error-time-hours-zero"));
    }
    if hours.0 > MAX_MOVE_HALF_HOURS {
        return Err(Error::invalid_with(
            "hours",
            "error-time-hours-too-many",
            vec![("value", hours.to_string()), ("max", Hours(MAX_MOVE_HALF_HOURS).to_string())],
        ));
    }
    Ok(())
}

/// Moves hours from one person to another (a parent, a spouse), with the reason. Both entries
/// are written together, so the total never changes.
#[allow(clippy::too_many_arguments)]
pub fn transfer(
    tx: &Transaction,
    actor: &Actor,
    from: MemberNo,
    to: MemberNo,
    hours: Hours,
    reason: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(EntryId, EntryId)> {
    check_move(hours)?;
    fields::check_ledger_date("date", date, today)?;
    let reason = fields::reason(reason, "error-time-reason-required")?;
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

/// Gives hours to the common pool (公益时间池).
pub fn donate(tx: &Transaction, actor: &Actor, person: MemberNo, hours: Hours, date: NaiveDate, today: NaiveDate) -> Result<EntryId> {
    check_move(hours)?;
    fields::check_ledger_date("date", date, today)?;
    let p = live(tx, "person", person, today)?;
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
    check_move(hours)?;
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

/// Reverses an entry (and the other entries written with it, so a transfer is undone on both
/// sides), with the reason. The originals stay; reversing twice, reversing a reversal, or a
/// reversal that would leave an account below zero is refused. Exchange entries cannot be
/// reversed: their hours live in a file another association may already have honoured.
pub fn reverse(
    tx: &Transaction,
    actor: &Actor,
    id: EntryId,
    reason: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<EntryId>> {
    fields::check_ledger_date("date", date, today)?;
    let reason = fields::reason(reason, "error-time-reason-required")?;
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

/// The yearly cap on deposited hours per person (hours beyond it go to the pool), if set.
pub fn yearly_cap(conn: &Connection) -> Result<Option<Hours>> {
    let v: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = 'time_yearly_cap_half_hours'", [], |r| r.get(0))
        .optional()?;
    Ok(v.and_then(|s| s.parse::<i64>().ok()).filter(|n| *n > 0).map(Hours))
}

/// Sets or clears (`None`) the yearly cap.
pub fn set_yearly_cap(tx: &Transaction, actor: &Actor, cap: Option<Hours>) -> Result<Option<Hours>> {
    if let Some(c) = cap {
        if c.0 <= 0 || c.0 > 2 * 24 * 366 {
            return Err(Error::invalid_with("cap", "error-time-cap-invalid", vec![("value", c.to_string())]));
        }
    }
    let before = yearly_cap(tx)?;
    match cap {
        Some(c) => tx.execute(
            "INSERT INTO setting (key, value) VALUES ('time_yearly_cap_half_hours', ?1)
             ON CONFLICT (key) DO UPDATE SET value = ?1",
            [c.0.to_string()],
        )?,
        None => tx.execute("DELETE FROM setting WHERE key = 'time_yearly_cap_half_hours'", [])?,
    };
    audit::record(tx, actor, "update", "time_yearly_cap", 1, Some(&before), Some(&cap))?;
    Ok(cap)
}

/// An heir's share, as typed: `NO` (an equal part of what the others leave), `NO:1/3`,
/// `NO:50%` or `NO:0.5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HeirShare {
    pub heir: MemberNo,
    /// `None` for "an equal part of the rest"; else numerator and denominator.
    pub share: Option<(i64, i64)>,
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

impl HeirShare {
    pub fn parse(s: &str) -> Result<HeirShare> {
        let t = s.trim();
        let bad = || Error::invalid_with("heir", "error-time-heir-invalid", vec![("value", t.to_string())]);
        let (no, share) = match t.split_once([':', '：']) {
            Some((n, sh)) => (n.trim(), Some(sh.trim())),
            None => (t, None),
        };
        let no: i64 = no.parse().map_err(|_| bad())?;
        if no <= 0 {
            return Err(bad());
        }
        let share = match share {
            None => None,
            Some(sh) => Some(parse_share(sh).ok_or_else(bad)?),
        };
        Ok(HeirShare { heir: MemberNo(no), share })
    }
}

/// "1/3", "50%", "33.5%", "0.5" or "1" as an exact fraction in (0, 1].
fn parse_share(s: &str) -> Option<(i64, i64)> {
    let ok_chars = |x: &str| !x.is_empty() && x.len() <= 12 && x.chars().all(|c| c.is_ascii_digit() || c == '.');
    let (num, den): (Decimal, Decimal) = if let Some((a, b)) = s.split_once('/') {
        if !ok_chars(a) || !ok_chars(b) || a.contains('.') || b.contains('.') {
            return None;
        }
        (a.parse().ok()?, b.parse().ok()?)
    } else if let Some(p) = s.strip_suffix('%') {
        if !ok_chars(p) {
            return None;
        }
        (p.parse().ok()?, Decimal::ONE_HUNDRED)
    } else {
        if !ok_chars(s) {
            return None;
        }
        (s.parse().ok()?, Decimal::ONE)
    };
    if num <= Decimal::ZERO || den <= Decimal::ZERO || num > den {
        return None;
    }
    // Clear decimals: scale both up until the numerator is whole.
    let scale = num.scale().max(den.scale());
    let factor = Decimal::from_i128_with_scale(10i128.pow(scale), 0);
    use rust_decimal::prelude::ToPrimitive;
    let n = (num * factor).trunc().to_i128()?;
    let d = (den * factor).trunc().to_i128()?;
    let g = gcd(n, d).max(1);
    Some((i64::try_from(n / g).ok()?, i64::try_from(d / g).ok()?))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InheritedShare {
    pub heir: MemberNo,
    pub name: String,
    pub share_num: i64,
    pub share_den: i64,
    pub hours: Hours,
    pub entry: Option<EntryId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Inheritance {
    pub id: i64,
    pub deceased: MemberNo,
    pub hours: Hours,
    pub witness: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub shares: Vec<InheritedShare>,
}

/// Moves a deceased holder's balance to the heirs. The holder must be recorded as deceased; the
/// account is frozen (if not yet) and stays frozen. The shares must add up to exactly the
/// whole; what does not divide into half-hours goes to the first heir. A witness is required.
pub fn inherit(
    tx: &Transaction,
    actor: &Actor,
    deceased: MemberNo,
    heirs: &[HeirShare],
    witness: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Inheritance> {
    fields::check_ledger_date("date", date, today)?;
    let witness = fields::required("witness", witness, 40, "error-time-witness-required")?;
    let holder = members::get_by_no(tx, deceased, today)?;
    if holder.status != Status::Deceased {
        return Err(Error::conflict("error-time-not-deceased", vec![("no", deceased.to_string()), ("name", holder.name)]));
    }
    if heirs.is_empty() {
        return Err(Error::invalid("heir", "error-time-heirs-required"));
    }
    // Exact shares: the given ones, then the rest split equally among heirs named without one.
    let mut seen = std::collections::BTreeSet::new();
    let mut given_num: i128 = 0;
    let mut given_den: i128 = 1;
    let mut bare = 0i128;
    for h in heirs {
        if h.heir == deceased || !seen.insert(h.heir) {
            return Err(Error::invalid_with("heir", "error-time-heir-twice", vec![("no", h.heir.to_string())]));
        }
        match h.share {
            Some((n, d)) if n > 0 && d > 0 && n <= d => {
                given_num = given_num * d as i128 + n as i128 * given_den;
                given_den *= d as i128;
                let g = gcd(given_num, given_den).max(1);
                given_num /= g;
                given_den /= g;
            }
            Some(_) => return Err(Error::invalid_with("heir", "error-time-heir-invalid", vec![("value", h.heir.to_string())])),
            None => bare += 1,
        }
    }
    let rest_num = given_den - given_num;
    let sum_text = format!("{given_num}/{given_den}");
    if rest_num < 0 || (bare == 0 && rest_num != 0) || (bare > 0 && rest_num == 0) {
        return Err(Error::invalid_with("heir", "error-time-shares-sum", vec![("sum", sum_text)]));
    }
    let fractions: Vec<(i128, i128)> = heirs
        .iter()
        .map(|h| match h.share {
            Some((n, d)) => (n as i128, d as i128),
            None => {
                let (n, d) = (rest_num, given_den * bare);
                let g = gcd(n, d).max(1);
                (n / g, d / g)
            }
        })
        .collect();

    let account = open_account(tx, holder.id)?;
    let frozen: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM time_freeze WHERE account_id = ?1)", [account], |r| r.get(0))?;
    if !frozen {
        tx.execute(
            "INSERT INTO time_freeze (account_id, date, reason, frozen_at, frozen_by) VALUES (?1, ?2, 'death', ?3, ?4)",
            params![account, holder.death_date.unwrap_or(date), audit::now_utc(), actor.0],
        )?;
        audit::record(tx, actor, "freeze", "time_account", account, None::<&()>, Some(&deceased))?;
    }
    let total = account_balance(tx, account)?;
    if total.0 <= 0 {
        return Err(Error::conflict("error-time-nothing-to-inherit", vec![("name", holder.name)]));
    }
    let mut parts: Vec<i64> = fractions
        .iter()
        .map(|(n, d)| i64::try_from(total.0 as i128 * n / d).unwrap_or(0))
        .collect();
    let remainder = total.0 - parts.iter().sum::<i64>();
    if let Some(p) = parts.first_mut() {
        *p += remainder;
    }
    let mut live_heirs = Vec::new();
    for h in heirs {
        live_heirs.push(live(tx, "heir", h.heir, today)?);
    }

    let mut out = NewEntry::new(account, EntryKind::InheritanceOut, -1, total, date);
    out.reason = &witness;
    let batch = post(tx, actor, &out)?;
    tx.execute(
        "INSERT INTO time_inheritance (deceased_id, witness, date, half_hours, batch, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![holder.id.0, witness, date, total.0, batch.0, audit::now_utc(), actor.0],
    )?;
    let inh_id = tx.last_insert_rowid();
    let mut shares = Vec::new();
    for ((heir, part), (n, d)) in live_heirs.iter().zip(&parts).zip(&fractions) {
        let entry_id = if *part > 0 {
            let mut e = NewEntry::new(heir.account, EntryKind::InheritanceIn, 1, Hours(*part), date);
            e.counterparty = Some(account);
            e.reason = &witness;
            e.batch = Some(batch);
            Some(post(tx, actor, &e)?)
        } else {
            None
        };
        tx.execute(
            "INSERT INTO time_inheritance_share (inheritance_id, heir_id, share_num, share_den, half_hours, entry_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![inh_id, heir.id.0, *n as i64, *d as i64, part, entry_id.map(|e| e.0)],
        )?;
        shares.push(InheritedShare {
            heir: heir.no,
            name: heir.name.clone(),
            share_num: *n as i64,
            share_den: *d as i64,
            hours: Hours(*part),
            entry: entry_id,
        });
    }
    let result = Inheritance { id: inh_id, deceased, hours: total, witness: witness.clone(), date, shares };
    audit::record(tx, actor, "inherit", "time_inheritance", inh_id, None::<&()>, Some(&result))?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_parse_exactly_in_half_hour_steps() {
        assert_eq!(Hours::parse("2.5").unwrap(), Hours(5));
        assert_eq!(Hours::parse("2").unwrap(), Hours(4));
        assert_eq!(Hours::parse(" 0.5 ").unwrap(), Hours(1));
        assert_eq!(Hours::parse("24").unwrap(), Hours(48));
        assert_eq!(Hours::parse("1.50").unwrap(), Hours(3), "a trailing zero is still a half-hour step");
        assert_eq!(Hours(5).to_string(), "2.5");
        assert_eq!(Hours(4).to_string(), "2");
        assert_eq!(Hours(-3).to_string(), "-1.5");
        assert_eq!((Hours(4).fixed(), Hours(5).fixed()), ("2.0".to_string(), "2.5".to_string()));
    }

    #[test]
    fn bad_hours_are_refused_with_their_reason() {
        let id = |s: &str| Hours::parse(s).unwrap_err().message_id();
        assert_eq!(id("-1"), "error-time-hours-negative", "negative hours are refused");
        assert_eq!(id("0"), "error-time-hours-zero");
        assert_eq!(id("0.0"), "error-time-hours-zero");
        assert_eq!(id("1.25"), "error-time-hours-step", "only half-hour steps");
        assert_eq!(id("0.3"), "error-time-hours-step");
        assert_eq!(id("24.5"), "error-time-hours-too-many", "one service is at most a day");
        for g in ["abc", "", "1e2", "1,5", "+1", "--1", "1.2.3", "二", "NaN", "inf"] {
            assert_eq!(id(g), "error-time-hours-invalid", "{g:?} is not hours");
        }
        assert_eq!(Hours::parse("x").unwrap_err().field(), Some("hours"));
        assert_eq!(Hours::parse_move("100").unwrap(), Hours(200), "a transfer may carry more than a day");
    }

    #[test]
    fn shares_parse_as_exact_fractions() {
        assert_eq!(HeirShare::parse("3:1/3").unwrap(), HeirShare { heir: MemberNo(3), share: Some((1, 3)) });
        assert_eq!(HeirShare::parse("4:50%").unwrap().share, Some((1, 2)));
        assert_eq!(HeirShare::parse("4:33.5%").unwrap().share, Some((67, 200)));
        assert_eq!(HeirShare::parse("4:0.25").unwrap().share, Some((1, 4)));
        assert_eq!(HeirShare::parse("4:1").unwrap().share, Some((1, 1)));
        assert_eq!(HeirShare::parse("7").unwrap().share, None);
        for bad in ["x", "3:", "3:0", "3:3/2", "3:150%", "3:-1/2", ":1/2", "3:1/0", "0:1/2", "3:1e2%"] {
            assert!(HeirShare::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn entry_kinds_round_trip_their_codes() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(k.code()), Some(*k));
        }
    }
}
