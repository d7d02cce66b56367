//! Dues paid with saved hours (会费以时抵缴, issue 13 ★). Where the association allows it — a
//! rate in yuan per hour, a setting that is off until set — a member may settle a year's dues
//! from their time-bank account: the hours go to the common pool (a donation marked with what it
//! paid) and the dues bill shows the year paid, in one transaction. No cash moves, so the cash
//! book is untouched and no cash receipt is numbered; the member gets a slip of its own series
//! (S2026-0001) drawn as a receipt that says how it was paid. A refused payment (balance short,
//! nothing owed, the rate off) changes nothing.
//!
//! The hours are the amount owed at the rate, rounded up to the time bank's half hour (¥25 at
//! ¥10 an hour is 2.5 hours; ¥27 is 3 hours): the bank has no smaller unit, and rounding down
//! would leave the year part-unpaid. The dues settled are the amount owed, not the rounded value.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::dues::bill;
use super::receipts::{self, Receipt, ReceiptLayout};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::{fields, Fen, Printout};
use crate::members::{self, MemberNo};
use crate::time_bank::{self, EntryId, Hours};

/// The entities this file writes, as the audit log names them (one place, for the access
/// checks that will guard every audited write); the hours themselves are `time_entry` rows.
pub const AUDITED: &[&str] = &["dues_hours_payment", "dues_hours_rate"];

/// The `setting` row holding the rate, in fen per hour.
const RATE_KEY: &str = "dues_hours_rate_fen";

/// The rate (yuan per hour) at which saved hours pay dues; None: paying with hours is off.
pub fn hours_rate(conn: &Connection) -> Result<Option<Fen>> {
    let v: Option<String> = conn.query_row("SELECT value FROM setting WHERE key = ?1", [RATE_KEY], |r| r.get(0)).optional()?;
    match v {
        None => Ok(None),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .map(|n| Some(Fen(n)))
            .ok_or_else(|| Error::from(crate::error::Unreadable::new("setting dues_hours_rate_fen", s.as_str()).at(0))),
    }
}

/// Sets the rate as typed (yuan per hour), or turns paying with hours off (empty, "off", "关").
pub fn set_hours_rate(tx: &Transaction, actor: &Actor, typed: &str) -> Result<Option<Fen>> {
    let before = hours_rate(tx)?;
    let t = typed.trim();
    let after = if t.is_empty() || t.eq_ignore_ascii_case("off") || t == "关" || t == "关闭" {
        tx.execute("DELETE FROM setting WHERE key = ?1", [RATE_KEY])?;
        None
    } else {
        let rate = fields::amount("rate", t)?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![RATE_KEY, rate.0.to_string()],
        )?;
        Some(rate)
    };
    audit::record(tx, actor, "update", "dues_hours_rate", 1, Some(&before), Some(&after))?;
    Ok(after)
}

/// What paying a year's dues with hours would take, for the form to show before it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HoursQuote {
    pub member_no: MemberNo,
    pub name: String,
    pub year: i32,
    pub owed: Fen,
    pub rate: Fen,
    pub hours: Hours,
    pub balance: Hours,
    /// Whether the balance covers it.
    pub enough: bool,
}

/// The form: who (picked), which year, the day (empty for today).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct HoursDuesInput {
    pub member: Option<MemberNo>,
    pub year: i32,
    pub date: String,
}

/// A year's dues settled with hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HoursDuesPayment {
    pub slip_no: String,
    pub member_no: MemberNo,
    pub name: String,
    pub year: i32,
    pub amount: Fen,
    pub hours: Hours,
    pub rate: Fen,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The time-bank entry (the member's donation to the pool) that paid it.
    pub time_entry: EntryId,
    /// Whether the time bank reversed that entry (then the year counts as unpaid again).
    pub reversed: bool,
    pub created_by: String,
}

/// Half-hours that pay `owed` at `rate` per hour, rounded up to the half hour.
fn half_hours_for(owed: Fen, rate: Fen) -> i64 {
    // owed / (rate / 2), rounded up; both positive.
    let per_half = rate.0;
    (owed.0 * 2 + per_half - 1) / per_half
}

/// What paying `year` with hours would take for member `no`: refused when the rate is off, the
/// member is exempt or owes nothing.
pub fn quote(conn: &Connection, no: MemberNo, year: i32, today: NaiveDate) -> Result<HoursQuote> {
    let rate = hours_rate(conn)?.ok_or_else(|| Error::conflict("error-dues-hours-off", vec![]))?;
    let person = members::get_by_no(conn, no, today).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid_with("member", "error-person-not-found", vec![("key", no.to_string())]),
        other => other,
    })?;
    let line = bill(conn, year)?
        .into_iter()
        .find(|l| l.member_no == no)
        .ok_or_else(|| Error::conflict("error-dues-not-member", vec![("no", no.to_string()), ("year", year.to_string())]))?;
    if line.exemption.is_some() {
        return Err(Error::conflict("error-dues-exempt", vec![("no", no.to_string()), ("year", year.to_string())]));
    }
    if line.owed == Fen::ZERO {
        return Err(Error::conflict("error-dues-nothing-owed", vec![("no", no.to_string())]));
    }
    let hours = Hours::from_half_hours(half_hours_for(line.owed, rate));
    let balance = time_bank::balance(conn, no)?;
    Ok(HoursQuote { member_no: no, name: person.name, year, owed: line.owed, rate, hours, balance, enough: balance >= hours })
}

/// Pays what member `no` owes for `year` with their saved hours, in the caller's transaction:
/// the hours to the pool, the dues paid, the slip numbered. Refused when the balance is short.
pub fn pay_with_hours(tx: &Transaction, actor: &Actor, input: &HoursDuesInput, today: NaiveDate) -> Result<HoursDuesPayment> {
    let no = input.member.ok_or_else(|| Error::invalid("member", "error-person-required"))?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let q = quote(tx, no, input.year, today)?;
    if !q.enough {
        return Err(Error::conflict(
            "error-dues-hours-short",
            vec![("name", q.name.clone()), ("balance", q.balance.to_string()), ("hours", q.hours.to_string()), ("owed", q.owed.yuan())],
        ));
    }
    let id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM dues_hours_payment", [], |r| r.get(0))?;
    let slip_year = date.year();
    let seq: i64 = tx.query_row("SELECT coalesce(max(slip_seq), 0) + 1 FROM dues_hours_payment WHERE slip_year = ?1", [slip_year], |r| r.get(0))?;
    let slip_no = format!("S{slip_year:04}-{seq:04}");
    let reason = format!("dues {} {}", input.year, slip_no);
    let entry = time_bank::pay_into_pool(tx, actor, no, q.hours, date, &format!("dues-hours:{id}"), &reason, today)?;
    let person = members::id_of(tx, no)?;
    tx.execute(
        "INSERT INTO dues_hours_payment (id, person_id, year, amount_fen, half_hours, rate_fen, date, time_entry_id,
             slip_year, slip_seq, slip_no, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![id, person.0, input.year, q.owed, q.hours.half_hours(), q.rate, date, entry.0, slip_year, seq, slip_no, audit::now_utc(), actor.name],
    )?;
    let out = get(tx, &slip_no)?;
    audit::record(tx, actor, "pay_hours", "dues_hours_payment", id, None::<&HoursDuesPayment>, Some(&out))?;
    Ok(out)
}

const SELECT: &str = "SELECT h.slip_no, p.member_no, p.name, h.year, h.amount_fen, h.half_hours, h.rate_fen, h.date,
        h.time_entry_id, EXISTS (SELECT 1 FROM time_entry r WHERE r.reverses_entry_id = h.time_entry_id), h.created_by
    FROM dues_hours_payment h JOIN person p ON p.id = h.person_id";

fn from_row(r: &Row) -> rusqlite::Result<HoursDuesPayment> {
    Ok(HoursDuesPayment {
        slip_no: r.get(0)?,
        member_no: MemberNo(r.get(1)?),
        name: r.get(2)?,
        year: r.get(3)?,
        amount: r.get(4)?,
        hours: Hours::from_half_hours(r.get(5)?),
        rate: r.get(6)?,
        date: r.get(7)?,
        time_entry: EntryId(r.get(8)?),
        reversed: r.get(9)?,
        created_by: r.get(10)?,
    })
}

pub fn get(conn: &Connection, slip_no: &str) -> Result<HoursDuesPayment> {
    conn.query_row(&format!("{SELECT} WHERE h.slip_no = ?1"), [slip_no.trim()], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-dues-hours-slip-not-found", slip_no.trim()))
}

/// Dues paid with hours, for one dues year or all, newest first.
pub fn list(conn: &Connection, year: Option<i32>) -> Result<Vec<HoursDuesPayment>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE ?1 IS NULL OR h.year = ?1 ORDER BY h.date DESC, h.id DESC"))?;
    let rows = stmt.query_map([year], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Dues settled with hours on days `from..=to` (live ones): how many, their value and the hours,
/// for the statement's line beside the cash.
pub fn settled_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<(i64, Fen, Hours)> {
    let (n, fen, half): (i64, i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(h.amount_fen), 0), coalesce(sum(h.half_hours), 0) FROM dues_hours_payment h
         WHERE h.date BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM time_entry r WHERE r.reverses_entry_id = h.time_entry_id)",
        params![from, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok((n, Fen(fen), Hours::from_half_hours(half)))
}

/// The member's slip (收据) for dues paid with hours: the association's receipt, numbered in its
/// own series, whose purpose line says it was paid with saved hours and that no cash was taken.
pub fn slip_pdf(conn: &Connection, slip_no: &str, l10n: &Localizer) -> Result<Printout> {
    let h = get(conn, slip_no)?;
    let assoc = crate::association::get(conn)?.ok_or_else(|| Error::conflict("error-no-association", vec![]))?.name;
    let r = Receipt {
        id: 0,
        receipt_no: h.slip_no.clone(),
        date: h.date,
        payer: h.name.clone(),
        purpose: format!("dues-hours:{}:{}:{}", h.year, h.hours, h.rate.0),
        amount: h.amount,
        handler: h.created_by.clone(),
        voucher_no: l10n.format("dues-hours-entry", &[("id", h.time_entry.to_string())]),
        voided: h.reversed,
        void_reason: String::new(),
        prints: 0,
    };
    let bytes = receipts::render(&assoc, &[(r, false)], ReceiptLayout::A5, l10n)?;
    Ok(Printout::new(&l10n.format("file-name-receipt", &[("no", h.slip_no.clone())]), bytes, 1))
}
