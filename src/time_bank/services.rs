//! Services: hours given (deposits, and the rota's done shifts) and care received
//! (withdrawals).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::accounts::{ensure_funds, live};
use super::cap::yearly_cap;
use super::hours::{Hours, MAX_SERVICE_HALF_HOURS};
use super::ledger::{EntryId, EntryKind, NewEntry, POOL_ACCOUNT, post};
use crate::audit::Actor;
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::{self, MemberNo};

/// A service given, as the secretary enters it: the provider (whose account), the hours and the
/// day as typed (empty for today), who received it (picked), what kind of service and who
/// confirmed it (free text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DepositInput {
    pub provider: MemberNo,
    pub hours: String,
    pub date: String,
    pub recipient: Option<MemberNo>,
    /// What kind of service (陪护, 探望, 理发…), free text.
    pub service_kind: String,
    /// Who confirmed it was given (the recipient, a family member, the group leader…).
    pub confirmed_by: String,
}

/// A service read from the form (or a done shift, via `credit_service`).
struct Service<'a> {
    provider: MemberNo,
    hours: Hours,
    date: NaiveDate,
    recipient: Option<MemberNo>,
    service_kind: &'a str,
    confirmed_by: &'a str,
}

/// Banks hours of service for the provider. With a yearly cap set, hours beyond it in the
/// calendar year of the service go to the common pool instead. Returns the entry carrying the
/// provider's hours (or, when the provider is already at the cap, the pool's entry).
pub fn deposit(tx: &Transaction, actor: &Actor, input: &DepositInput, today: NaiveDate) -> Result<EntryId> {
    let service = Service {
        provider: input.provider,
        hours: Hours::parse(&input.hours)?,
        date: fields::ledger_date("date", &input.date, today)?,
        recipient: input.recipient,
        service_kind: &input.service_kind,
        confirmed_by: &input.confirmed_by,
    };
    deposit_from(tx, actor, &service, None, today)
}

fn deposit_from(tx: &Transaction, actor: &Actor, input: &Service, source: Option<&str>, today: NaiveDate) -> Result<EntryId> {
    input.hours.check_within(MAX_SERVICE_HALF_HOURS)?;
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
    let service_kind = fields::text("kind", input.service_kind, 40)?;
    let confirmed_by = fields::text("confirmed_by", input.confirmed_by, 40)?;

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
    let service = Service { provider, hours, date, recipient: None, service_kind: "", confirmed_by: "" };
    deposit_from(tx, actor, &service, Some(source), today).map(Some)
}

/// Care received, paid from the holder's account, as the form sends it (hours and day as typed,
/// empty day for today). When the recipient is someone else (a parent drawing on a child's
/// hours), the holder's consent must be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WithdrawalInput {
    pub holder: MemberNo,
    pub hours: String,
    pub date: String,
    /// Who received the care; `None` for the holder.
    pub recipient: Option<MemberNo>,
    pub service_kind: String,
    /// How the holder consented (in person, by phone to whom…), required when the recipient is
    /// someone else.
    pub consent: String,
}

pub fn withdraw(tx: &Transaction, actor: &Actor, input: &WithdrawalInput, today: NaiveDate) -> Result<EntryId> {
    let hours = Hours::parse(&input.hours)?;
    let date = fields::ledger_date("date", &input.date, today)?;
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
    ensure_funds(tx, holder.account, &holder.name, hours)?;
    let mut e = NewEntry::new(holder.account, EntryKind::Withdrawal, -1, hours, date);
    e.recipient = Some(recipient.unwrap_or(holder.id));
    e.service_kind = &service_kind;
    if recipient.is_some() {
        e.consent = &consent;
    }
    post(tx, actor, &e)
}
