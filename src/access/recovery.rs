//! Recovery codes: when sign-in is turned on, the chair prints a sheet of 10 one-time codes and
//! keeps it. A code resets one user's PIN and is used up. Only their Argon2id hashes are stored;
//! making a new sheet voids the codes of the old one.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::users;
use crate::audit::{self, Actor};
use crate::error::{Error, Result};

pub const CODES: usize = 10;

/// A code as printed: 12 digits in three groups ("4821-0937-5512").
fn new_code() -> Result<String> {
    let mut digits = String::with_capacity(12);
    while digits.len() < 12 {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        // Bytes of 250 and above are dropped, so every digit is equally likely.
        digits.extend(bytes.iter().filter(|b| **b < 250).map(|b| char::from(b'0' + b % 10)).take(12 - digits.len()));
    }
    Ok(format!("{}-{}-{}", &digits[0..4], &digits[4..8], &digits[8..12]))
}

fn normal(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

/// Makes a new sheet's codes (the old sheet's unused codes stop working) and returns them, to
/// be printed once; they are never shown again.
pub fn make_codes(tx: &Transaction, actor: &Actor) -> Result<Vec<String>> {
    let now = audit::now_utc();
    tx.execute("UPDATE recovery_code SET used_at = ?1, used_for = '(replaced)' WHERE used_at IS NULL", [&now])?;
    let mut codes = Vec::with_capacity(CODES);
    for _ in 0..CODES {
        let code = new_code()?;
        tx.execute("INSERT INTO recovery_code (secret, made_at) VALUES (?1, ?2)", params![users::hash_secret(&normal(&code))?, now])?;
        codes.push(code);
    }
    audit::record(tx, actor, "make", "recovery_code", CODES, None::<&()>, None::<&()>)?;
    Ok(codes)
}

/// Turns sign-in on: adds the first user (the chair) and makes the recovery sheet in the same
/// transaction, so sign-in is never on without a sheet to print. Refused once sign-in is on
/// (the chair then adds users one by one, and prints a new sheet when one is lost).
pub fn turn_on(
    tx: &Transaction,
    actor: &Actor,
    input: &users::UserInput,
    association: &str,
    today: chrono::NaiveDate,
    l10n: &crate::i18n::Localizer,
) -> Result<(users::User, crate::kernel::Printout)> {
    if users::sign_in_on(tx)? {
        return Err(Error::conflict("error-access-already-on", Vec::new()));
    }
    let user = users::add(tx, actor, input)?;
    let codes = make_codes(tx, &Actor::user(user.name.clone(), user.role))?;
    let sheet = sheet_pdf(&codes, association, today, l10n)?;
    Ok((user, sheet))
}

/// How many codes of the current sheet are still unused.
pub fn unused(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM recovery_code WHERE used_at IS NULL", [], |r| r.get(0))?)
}

/// Resets `name`'s PIN with a recovery code, which is used up. Anyone holding the sheet may.
/// Wrong codes slow down as wrong PINs do (1, 2, 4 … seconds, at most 5 minutes), counted for
/// the sheet, not the user: a code fits any user, so guessing is slowed whoever is named. The
/// count is committed even when the code is refused, so the wait holds across attempts.
pub fn reset_pin(conn: &mut rusqlite::Connection, name: &str, code: &str, new_pin: &str, now: DateTime<Utc>) -> Result<()> {
    crate::db::write(conn, |tx| attempt(tx, name, code, new_pin, now))?
}

const FAILURES: &str = "recovery_failures";
const WAIT_UNTIL: &str = "recovery_wait_until";

fn setting(tx: &Transaction, key: &str) -> Result<Option<String>> {
    Ok(tx.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2", params![key, value])?;
    Ok(())
}

/// The outer Result is a storage error (undoes everything); the inner one the refusal to show,
/// with the wrong code's count kept.
fn attempt(tx: &Transaction, name: &str, code: &str, new_pin: &str, now: DateTime<Utc>) -> Result<Result<()>> {
    let user = match users::get(tx, name) {
        Ok(u) => u,
        Err(e) => return Ok(Err(e)),
    };
    if let Some(refusal) = users::still_waiting("setting.recovery_wait_until", setting(tx, WAIT_UNTIL)?.as_deref(), now)? {
        return Ok(Err(refusal));
    }
    let pin = match users::check_secret("pin", new_pin) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let code = normal(code);
    let mut stmt = tx.prepare("SELECT id, secret FROM recovery_code WHERE used_at IS NULL ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    let mut found = None;
    for (id, secret) in rows {
        if users::verify_secret(&secret, &code)? {
            found = Some(id);
            break;
        }
    }
    let who = Actor::user(user.name.clone(), user.role);
    let Some(id) = found else {
        let failures = setting(tx, FAILURES)?.and_then(|f| f.parse::<i64>().ok()).unwrap_or(0) + 1;
        let wait = users::wait_after(failures);
        set(tx, FAILURES, &failures.to_string())?;
        set(tx, WAIT_UNTIL, &(now + chrono::Duration::seconds(wait)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true))?;
        audit::record(tx, &who, "recover_failed", "user", &user.name, None::<&()>, Some(&failures))?;
        return Ok(Err(Error::invalid_with("code", "error-access-code-wrong", vec![("seconds", wait.to_string())])));
    };
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    tx.execute("DELETE FROM setting WHERE key IN (?1, ?2)", params![FAILURES, WAIT_UNTIL])?;
    tx.execute("UPDATE recovery_code SET used_at = ?2, used_for = ?3 WHERE id = ?1", params![id, at, user.name])?;
    tx.execute(
        "UPDATE app_user SET secret = ?2, failures = 0, wait_until = NULL WHERE name = ?1",
        params![user.name, users::hash_secret(&pin)?],
    )?;
    audit::record(tx, &who, "recover", "user", &user.name, None::<&()>, Some(&id))?;
    Ok(Ok(()))
}

/// The recovery sheet the chair keeps: the association, the date, the codes, how to use them.
pub fn sheet_pdf(codes: &[String], association: &str, today: chrono::NaiveDate, l10n: &crate::i18n::Localizer) -> Result<crate::kernel::Printout> {
    use crate::pdf::{self, Align, Doc};
    let mut doc = Doc::new(&l10n.t("access-sheet-title"))?;
    let page = doc.page(pdf::A4);
    page.text(105.0, 25.0, 16.0, Align::Center, &l10n.t("access-sheet-title"));
    page.text(105.0, 35.0, 12.0, Align::Center, &pdf::fit(association, 12.0, 170.0));
    page.text(105.0, 43.0, 10.5, Align::Center, &l10n.format("access-sheet-made", &[("date", today.to_string())]));
    let mut y = 60.0;
    for (i, code) in codes.iter().enumerate() {
        page.text(45.0, y, 14.0, Align::Left, &format!("{:>2}.", i + 1));
        page.text(60.0, y, 16.0, Align::Left, code);
        page.rect(150.0, y - 5.0, 6.0, 6.0, Some((pdf::GREY, 0.5)), None);
        y += 12.0;
    }
    y += 6.0;
    for line in pdf::wrap(&l10n.t("access-sheet-howto"), 10.5, 150.0) {
        page.text(30.0, y, 10.5, Align::Left, &line);
        y += 6.0;
    }
    let name = l10n.format("file-name-recovery-sheet", &[("date", today.to_string())]);
    let pages = doc.page_count();
    Ok(crate::kernel::Printout::new(&name, doc.finish(), pages))
}
