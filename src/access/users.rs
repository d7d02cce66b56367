//! The people who sign in: a name, a role, a PIN (at least 6 digits, what elderly users prefer)
//! or a password, kept only as an Argon2id PHC string. Wrong PINs make the next attempt wait
//! longer (1, 2, 4 … seconds, at most 5 minutes) — a slowdown, never a lockout that strands the
//! association. Users are disabled, never deleted (the audit log names them).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor, Role};
use crate::error::{Error, Result, Unreadable};
use crate::kernel::fields;

/// OWASP's Argon2id parameters: 19 MiB of memory, 2 passes, 1 lane.
pub const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
pub const ARGON2_PASSES: u32 = 2;
pub const ARGON2_LANES: u32 = 1;

pub const PIN_MIN: usize = 6;
/// A secret that is not all digits is a password and must be this long.
pub const PASSWORD_MIN: usize = 8;
pub const SECRET_MAX: usize = 64;
pub const NAME_MAX: usize = 30;
/// The longest wait after wrong PINs, in seconds.
pub const WAIT_MAX_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct User {
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: String,
}

/// The form that adds a user (设置 → 使用人 → 添加).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct UserInput {
    pub name: String,
    pub role: Option<Role>,
    pub pin: String,
}

fn argon() -> Argon2<'static> {
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, None).expect("OWASP's Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of a secret, with a fresh random salt.
pub fn hash_secret(secret: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let hash = argon().hash_password(secret.as_bytes(), &salt).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(hash.to_string())
}

/// Whether `secret` matches the stored PHC string (with the parameters it records).
pub fn verify_secret(phc: &str, secret: &str) -> Result<bool> {
    let parsed = PasswordHash::new(phc).map_err(|_| Unreadable::new("app_user.secret", phc))?;
    Ok(argon().verify_password(secret.as_bytes(), &parsed).is_ok())
}

/// A PIN (digits only: at least 6, not one digit repeated nor a straight run like 123456) or a
/// password (at least 8 characters).
pub fn check_secret(field: &'static str, s: &str) -> Result<String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Error::invalid(field, "error-access-pin-required"));
    }
    if s.chars().count() > SECRET_MAX {
        return Err(Error::invalid_with(field, "error-access-pin-too-long", vec![("max", SECRET_MAX.to_string())]));
    }
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() == s.chars().count() {
        if digits.len() < PIN_MIN {
            return Err(Error::invalid_with(field, "error-access-pin-short", vec![("min", PIN_MIN.to_string())]));
        }
        let same = digits.iter().all(|d| *d == digits[0]);
        let up = digits.windows(2).all(|w| w[1] == (w[0] + 1) % 10);
        let down = digits.windows(2).all(|w| (w[1] + 1) % 10 == w[0]);
        if same || up || down {
            return Err(Error::invalid(field, "error-access-pin-simple"));
        }
    } else if s.chars().count() < PASSWORD_MIN {
        return Err(Error::invalid_with(field, "error-access-password-short", vec![("min", PASSWORD_MIN.to_string())]));
    }
    Ok(s.to_string())
}

/// Whether sign-in is on: from the first user on, the app asks who is using it.
pub fn sign_in_on(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM app_user)", [], |r| r.get(0))?)
}

struct Stored {
    user: User,
    secret: String,
    failures: i64,
    wait_until: Option<String>,
}

fn read(conn: &Connection, name: &str) -> Result<Option<Stored>> {
    Ok(conn
        .query_row(
            "SELECT name, role, disabled_at IS NOT NULL, created_at, secret, failures, wait_until FROM app_user WHERE name = ?1",
            [name],
            |r| {
                let role: String = r.get(1)?;
                Ok(Stored {
                    user: User {
                        name: r.get(0)?,
                        role: Role::from_code(&role).ok_or_else(|| Unreadable::new("app_user.role", role).at(1))?,
                        disabled: r.get(2)?,
                        created_at: r.get(3)?,
                    },
                    secret: r.get(4)?,
                    failures: r.get(5)?,
                    wait_until: r.get(6)?,
                })
            },
        )
        .optional()?)
}

pub fn get(conn: &Connection, name: &str) -> Result<User> {
    read(conn, name.trim())?.map(|s| s.user).ok_or_else(|| Error::not_found("error-access-user-not-found", name.trim()))
}

/// Every user, the enabled ones first, by name.
pub fn list(conn: &Connection) -> Result<Vec<User>> {
    let mut stmt = conn.prepare("SELECT name FROM app_user ORDER BY disabled_at IS NOT NULL, name")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    names.iter().map(|n| get(conn, n)).collect()
}

fn enabled_chairs(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM app_user WHERE role = 'chair' AND disabled_at IS NULL", [], |r| r.get(0))?)
}

/// Adds a user. The first one must be a chair (会长), who can then add the others: otherwise
/// nobody could manage users once sign-in is on.
pub fn add(tx: &Transaction, actor: &Actor, input: &UserInput) -> Result<User> {
    let name = fields::required("name", &input.name, NAME_MAX, "error-access-name-required")?;
    let role = input.role.ok_or_else(|| Error::invalid("role", "error-access-role-required"))?;
    let secret = check_secret("pin", &input.pin)?;
    if read(tx, &name)?.is_some() {
        return Err(Error::invalid_with("name", "error-access-user-exists", vec![("name", name)]));
    }
    if !sign_in_on(tx)? && role != Role::Chair {
        return Err(Error::invalid("role", "error-access-first-user-chair"));
    }
    tx.execute(
        "INSERT INTO app_user (name, role, secret, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, role.code(), hash_secret(&secret)?, audit::now_utc(), actor.name],
    )?;
    let user = get(tx, &name)?;
    audit::record(tx, actor, "add", "user", &name, None::<&User>, Some(&user))?;
    Ok(user)
}

/// Changes a user's role; the last chair stays a chair.
pub fn set_role(tx: &Transaction, actor: &Actor, name: &str, role: Role) -> Result<User> {
    let before = get(tx, name)?;
    if before.role == Role::Chair && role != Role::Chair && !before.disabled && enabled_chairs(tx)? <= 1 {
        return Err(Error::conflict("error-access-last-chair", vec![("name", before.name.clone())]));
    }
    tx.execute("UPDATE app_user SET role = ?2 WHERE name = ?1", params![before.name, role.code()])?;
    let after = get(tx, name)?;
    audit::record(tx, actor, "set_role", "user", &after.name, Some(&before), Some(&after))?;
    Ok(after)
}

/// Disables a user (they can no longer sign in); the last chair cannot be disabled.
pub fn disable(tx: &Transaction, actor: &Actor, name: &str) -> Result<User> {
    let before = get(tx, name)?;
    if before.disabled {
        return Ok(before);
    }
    if before.role == Role::Chair && enabled_chairs(tx)? <= 1 {
        return Err(Error::conflict("error-access-last-chair", vec![("name", before.name.clone())]));
    }
    tx.execute("UPDATE app_user SET disabled_at = ?2 WHERE name = ?1", params![before.name, audit::now_utc()])?;
    let after = get(tx, name)?;
    audit::record(tx, actor, "disable", "user", &after.name, Some(&before), Some(&after))?;
    Ok(after)
}

/// Sets a user's PIN: their own, or anyone's for a chair (the audit check decides).
pub fn set_pin(tx: &Transaction, actor: &Actor, name: &str, pin: &str) -> Result<()> {
    let user = get(tx, name)?;
    let secret = check_secret("pin", pin)?;
    tx.execute(
        "UPDATE app_user SET secret = ?2, failures = 0, wait_until = NULL WHERE name = ?1",
        params![user.name, hash_secret(&secret)?],
    )?;
    let action = if user.name == actor.name { "change_pin" } else { "reset_pin" };
    if action == "change_pin" {
        audit::record(tx, actor, "change_pin", "session", &user.name, None::<&()>, None::<&()>)
    } else {
        audit::record(tx, actor, action, "user", &user.name, None::<&()>, None::<&()>)
    }
}

/// The form where a signed-in user changes their own PIN (设置 → 我的密码).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PinChange {
    pub current: String,
    pub new: String,
    pub again: String,
}

/// A signed-in user changes their own PIN: the current one first, so someone at a laptop left
/// unlocked cannot; the new one twice. A wrong current PIN counts toward the wait (refused
/// inside the write: the caller's `note_failure` counts it once the write is undone).
pub fn change_own(tx: &Transaction, actor: &Actor, input: &PinChange, now: DateTime<Utc>) -> Result<()> {
    if read(tx, &actor.name)?.is_none() {
        return Err(Error::refused("error-access-sign-in-needed", Vec::new()));
    }
    if input.current.trim().is_empty() {
        return Err(Error::invalid("current", "error-access-pin-required"));
    }
    let new = check_secret("new", &input.new)?;
    if new != input.again.trim() {
        return Err(Error::invalid("again", "error-access-pin-mismatch"));
    }
    let user = attempt(tx, &actor.name, &input.current, now)??;
    set_pin(tx, actor, &user.name, &new)
}

/// How long to wait after `failures` wrong PINs in a row.
pub fn wait_after(failures: i64) -> i64 {
    if failures <= 0 {
        0
    } else {
        1i64.checked_shl((failures - 1).min(20) as u32).unwrap_or(WAIT_MAX_SECS).min(WAIT_MAX_SECS)
    }
}

/// The refusal to give while a wait (`until`, RFC 3339, read from `column`) is not over.
pub(super) fn still_waiting(column: &'static str, until: Option<&str>, now: DateTime<Utc>) -> Result<Option<Error>> {
    let Some(until) = until else { return Ok(None) };
    let until = DateTime::parse_from_rfc3339(until).map_err(|_| Unreadable::new(column, until))?.with_timezone(&Utc);
    if until <= now {
        return Ok(None);
    }
    let secs = (until - now).num_milliseconds().div_euclid(1000) + 1;
    Ok(Some(Error::refused("error-access-wait", vec![("seconds", secs.to_string())])))
}

/// Checks `secret` for `name` at `now`, counting a wrong one (the caller commits `tx` even when
/// this returns the refusal, so the wait holds). The outer Result is a storage error; the inner
/// one the refusal to show.
pub fn attempt(tx: &Transaction, name: &str, secret: &str, now: DateTime<Utc>) -> Result<Result<User>> {
    let Some(stored) = read(tx, name.trim())? else {
        return Ok(Err(Error::not_found("error-access-user-not-found", name.trim())));
    };
    if stored.user.disabled {
        return Ok(Err(Error::refused("error-access-user-disabled", vec![("name", stored.user.name)])));
    }
    if let Some(refusal) = still_waiting("app_user.wait_until", stored.wait_until.as_deref(), now)? {
        return Ok(Err(refusal));
    }
    if verify_secret(&stored.secret, secret.trim())? {
        // Only when there is something to clear: a sign-in on a read-only file still works.
        if stored.failures > 0 || stored.wait_until.is_some() {
            tx.execute("UPDATE app_user SET failures = 0, wait_until = NULL WHERE name = ?1", [&stored.user.name])?;
        }
        return Ok(Ok(stored.user));
    }
    let failures = count_failure(tx, &stored, now)?;
    Ok(Err(Error::refused("error-access-wrong-pin", vec![("name", stored.user.name), ("seconds", wait_after(failures).to_string())])))
}

fn count_failure(tx: &Transaction, stored: &Stored, now: DateTime<Utc>) -> Result<i64> {
    let failures = stored.failures + 1;
    let until = now + chrono::Duration::seconds(wait_after(failures));
    tx.execute(
        "UPDATE app_user SET failures = ?2, wait_until = ?3 WHERE name = ?1",
        params![stored.user.name, failures, until.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)],
    )?;
    let who = Actor::user(stored.user.name.clone(), stored.user.role);
    audit::record(tx, &who, "sign_in_failed", "session", &stored.user.name, None::<&()>, Some(&failures))?;
    Ok(failures)
}

/// After a write refused for a wrong PIN given inside it (a second person's approval: the
/// write, and the count with it, was undone), counts the failure in a transaction of its own so
/// the growing wait holds. Any other error is left alone.
pub fn note_failure(conn: &mut Connection, err: &Error, now: DateTime<Utc>) -> Result<()> {
    let Error::Refused { id: "error-access-wrong-pin", args } = err else {
        return Ok(());
    };
    let Some((_, name)) = args.iter().find(|(k, _)| *k == "name") else {
        return Ok(());
    };
    crate::db::write(conn, |tx| {
        if let Some(stored) = read(tx, name)? {
            count_failure(tx, &stored, now)?;
        }
        Ok(())
    })
}

/// Signs `name` in: the actor for their writes, or the refusal (a wrong PIN is counted and
/// committed, so the growing wait holds across attempts and programs). `record` says whether
/// to write the sign-in into the audit log (the app does; the CLI, signing in for every
/// command, records only failures).
pub fn sign_in(conn: &mut Connection, name: &str, secret: &str, now: DateTime<Utc>, record: bool) -> Result<Actor> {
    let outcome = crate::db::write(conn, |tx| {
        let outcome = attempt(tx, name, secret, now)?;
        if let (Ok(user), true) = (&outcome, record) {
            audit::record(tx, &Actor::user(user.name.clone(), user.role), "sign_in", "session", &user.name, None::<&()>, None::<&()>)?;
        }
        Ok(outcome)
    })?;
    outcome.map(|u| Actor::user(u.name, u.role))
}

/// The actor for a user already signed in (the shell keeps the name), re-read so a role changed
/// or a user disabled since takes effect at once.
pub fn current(conn: &Connection, name: &str) -> Result<Actor> {
    let user = get(conn, name)?;
    if user.disabled {
        return Err(Error::refused("error-access-user-disabled", vec![("name", user.name)]));
    }
    Ok(Actor::user(user.name, user.role))
}
