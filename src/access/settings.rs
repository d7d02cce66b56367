//! The association's access settings: the amount above which a payment needs a second person,
//! how many idle minutes lock the app, and who of the accountant and the cashier posts money and
//! who approves. Kept as rows of `setting`; only the chair changes them.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, permissions, Actor, MoneyDuty, Role};
use crate::error::{Error, Result, Unreadable};
use crate::kernel::{fields, Fen};

/// 1000 yuan: above it an expense needs a second person unless the association says otherwise.
pub const APPROVE_ABOVE_DEFAULT: Fen = Fen(100_000);
pub const LOCK_MINUTES_DEFAULT: u32 = 10;
pub const LOCK_MINUTES_MAX: i64 = 240;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AccessSettings {
    pub approve_above: Fen,
    /// Idle minutes before the app locks (wall-clock time, so sleep counts).
    pub lock_minutes: u32,
    pub accountant_duty: MoneyDuty,
    pub cashier_duty: MoneyDuty,
}

/// The settings form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AccessSettingsInput {
    /// Yuan.
    pub approve_above: String,
    pub lock_minutes: String,
    pub accountant_duty: MoneyDuty,
    pub cashier_duty: MoneyDuty,
}

fn value(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub fn get(conn: &Connection) -> Result<AccessSettings> {
    let approve_above = match value(conn, "approve_above_fen")? {
        None => APPROVE_ABOVE_DEFAULT,
        Some(v) => Fen(v.parse().map_err(|_| Unreadable::new("setting approve_above_fen", v.as_str()))?),
    };
    let lock_minutes = match value(conn, "lock_minutes")? {
        None => LOCK_MINUTES_DEFAULT,
        Some(v) => v.parse().map_err(|_| Unreadable::new("setting lock_minutes", v.as_str()))?,
    };
    Ok(AccessSettings {
        approve_above,
        lock_minutes,
        accountant_duty: permissions::money_duty(conn, Role::Accountant)?,
        cashier_duty: permissions::money_duty(conn, Role::Cashier)?,
    })
}

pub fn save(tx: &Transaction, actor: &Actor, input: &AccessSettingsInput) -> Result<AccessSettings> {
    let approve_above = fields::amount("approve_above", &input.approve_above)?;
    let lock_minutes = fields::whole("lock_minutes", &input.lock_minutes, 1..=LOCK_MINUTES_MAX, "error-access-lock-minutes")?;
    let before = get(tx)?;
    let rows: [(&str, String); 4] = [
        ("approve_above_fen", approve_above.0.to_string()),
        ("lock_minutes", lock_minutes.to_string()),
        ("accountant_duty", input.accountant_duty.code().to_string()),
        ("cashier_duty", input.cashier_duty.code().to_string()),
    ];
    for (k, v) in rows {
        tx.execute("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2", params![k, v])?;
    }
    let after = get(tx)?;
    audit::record(tx, actor, "update", "access_settings", 1, Some(&before), Some(&after))?;
    Ok(after)
}

/// The lock's minutes for the UI before anyone signs in (not sensitive).
pub fn lock_minutes(conn: &Connection) -> Result<u32> {
    get(conn).map(|s| s.lock_minutes).or_else(|e| match e {
        Error::Corrupt { .. } => Ok(LOCK_MINUTES_DEFAULT),
        other => Err(other),
    })
}
