//! Two people on every large payment, as village finance rules ask: an expense or a welfare
//! payment above the approval amount (the welfare standard's, else the association's setting)
//! needs a second user, with approve rights, to give their PIN on the same screen. Only while
//! sign-in is on: before any user exists there is nobody to ask.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};

use super::settings;
use super::users;
use crate::audit::{permissions, Actor};
use crate::error::{Error, Result};
use crate::kernel::Fen;

/// The actor with `approver`'s approval when a PIN is given (checked: another user, enabled,
/// with approve rights); the actor unchanged when the PIN is empty. A wrong PIN is refused with
/// "error-access-wrong-pin" (the caller's write is undone; `users::note_failure` counts it).
pub fn approve(tx: &Transaction, actor: &Actor, approver: &str, pin: &str, now: DateTime<Utc>) -> Result<Actor> {
    if pin.trim().is_empty() {
        return Ok(actor.clone());
    }
    let name = approver.trim();
    if name.is_empty() {
        return Err(Error::invalid("approver", "error-access-approver-required"));
    }
    if name == actor.name {
        return Err(Error::invalid("approver", "error-access-approver-same"));
    }
    let user = users::attempt(tx, name, pin, now)??;
    if !permissions::may_approve(tx, user.role)? {
        return Err(Error::refused("error-access-may-not-approve", vec![("name", user.name), ("role", user.role.code().to_string())]));
    }
    Ok(actor.approved_by(user.name))
}

/// Refuses `amount` above `limit` (None: the association's setting) without a second person.
pub fn require(conn: &Connection, actor: &Actor, amount: Fen, limit: Option<Fen>) -> Result<()> {
    if actor.approver.is_some() || !users::sign_in_on(conn)? {
        return Ok(());
    }
    let limit = match limit {
        Some(l) => l,
        None => settings::get(conn)?.approve_above,
    };
    if amount > limit {
        return Err(Error::invalid_with("approver_pin", "error-access-approval-needed", vec![("amount", amount.yuan()), ("limit", limit.yuan())]));
    }
    Ok(())
}
