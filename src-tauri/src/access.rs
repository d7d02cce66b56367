//! Commands of sign-in, users (设置 → 使用人), the app lock and the audit trail (操作记录). The
//! shell keeps the signed-in user's name in its state; every write's Actor is built from it.

use huzhu::access::users::PinChange;
use huzhu::access::{recovery, settings, users, AccessSettings, AccessSettingsInput, User, UserInput};
use huzhu::audit::{self, AuditFilter, Role};
use huzhu::audit_words::AuditLine;
use serde::Serialize;
use ts_rs::TS;

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

/// What the sign-in and lock screens need, readable before anyone signs in.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct AccessStatus {
    /// From the first user on, the app asks who is using it.
    sign_in_on: bool,
    /// The enabled users, to pick a name from.
    users: Vec<User>,
    signed_in: Option<User>,
    association: String,
    /// Idle seconds before the app locks: the association's minutes (HUZHU_LOCK_SECONDS
    /// overrides it, for the e2e suite that cannot wait a minute).
    lock_seconds: u32,
}

pub fn access_status(state: &Shell) -> CmdResult<AccessStatus> {
    let name = state.user.lock().unwrap_or_else(|p| p.into_inner()).clone();
    state.read_open(|conn| {
        let all = users::list(conn)?;
        let signed_in = name.and_then(|n| all.iter().find(|u| u.name == n && !u.disabled).cloned());
        Ok(AccessStatus {
            sign_in_on: !all.is_empty(),
            users: all.into_iter().filter(|u| !u.disabled).collect(),
            signed_in,
            association: huzhu::association::get(conn)?.map(|a| a.name).unwrap_or_default(),
            lock_seconds: match std::env::var("HUZHU_LOCK_SECONDS").ok().and_then(|s| s.parse().ok()) {
                Some(s) => s,
                None => settings::lock_minutes(conn)? * 60,
            },
        })
    })
}

pub fn access_sign_in(state: &Shell, name: String, pin: String) -> CmdResult<User> {
    let mut guard = state.conn()?;
    let conn = guard.as_mut().map_err(|e| state.report(e))?;
    let actor = users::sign_in(conn, &name, &pin, chrono::Utc::now(), true).map_err(|e| state.report(&e))?;
    let user = users::get(conn, &actor.name).map_err(|e| state.report(&e))?;
    *state.user.lock().unwrap_or_else(|p| p.into_inner()) = Some(user.name.clone());
    Ok(user)
}

/// Signs out, or locks (the same for the shell: nobody is signed in until a PIN is given; the
/// lock screen remembers who was).
pub fn access_sign_out(state: &Shell, locked: bool) -> CmdResult<bool> {
    let was = state.user.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Some(name) = was {
        let action = if locked { "lock" } else { "sign_out" };
        let mut guard = state.conn()?;
        let conn = guard.as_mut().map_err(|e| state.report(e))?;
        let user = users::get(conn, &name).map_err(|e| state.report(&e))?;
        let actor = audit::Actor::user(user.name.clone(), user.role);
        huzhu::db::write(conn, |tx| audit::record(tx, &actor, action, "session", &user.name, None::<&()>, None::<&()>))
            .map_err(|e| state.report(&e))?;
    }
    Ok(true)
}

pub fn access_recover(state: &Shell, name: String, code: String, pin: String) -> CmdResult<bool> {
    let mut guard = state.conn()?;
    let conn = guard.as_mut().map_err(|e| state.report(e))?;
    recovery::reset_pin(conn, &name, &code, &pin, chrono::Utc::now()).map_err(|e| state.report(&e))?;
    Ok(true)
}

/// The first user (the chair) turns sign-in on: added with the recovery sheet made and opened
/// to print at once, and signed in (they have just chosen their PIN).
pub fn access_turn_on(state: &Shell, input: UserInput) -> CmdResult<SavedFile> {
    let mut chair = None;
    let file = state.print_recorded(|tx, actor, l10n| {
        let assoc = huzhu::association::get(tx)?.map(|a| a.name).unwrap_or_default();
        let (user, sheet) = recovery::turn_on(tx, actor, &input, &assoc, huzhu::today(), l10n)?;
        chair = Some(user.name);
        Ok(sheet)
    })?;
    *state.user.lock().unwrap_or_else(|p| p.into_inner()) = chair;
    Ok(file)
}

/// How many codes of the recovery sheet are still unused (0: print one).
pub fn user_recovery_left(state: &Shell) -> CmdResult<i64> {
    state.read(recovery::unused)
}

pub fn user_list(state: &Shell) -> CmdResult<Vec<User>> {
    state.read(users::list)
}

pub fn user_add(state: &Shell, input: UserInput) -> CmdResult<User> {
    state.write(|tx, actor| users::add(tx, actor, &input))
}

pub fn user_set_role(state: &Shell, name: String, role: Role) -> CmdResult<User> {
    state.write(|tx, actor| users::set_role(tx, actor, &name, role))
}

pub fn user_disable(state: &Shell, name: String) -> CmdResult<User> {
    state.write(|tx, actor| users::disable(tx, actor, &name))
}

pub fn user_set_pin(state: &Shell, name: String, pin: String) -> CmdResult<bool> {
    state.write(|tx, actor| users::set_pin(tx, actor, &name, &pin)).map(|_| true)
}

/// The signed-in user changes their own PIN (the current one first).
pub fn user_change_pin(state: &Shell, input: PinChange) -> CmdResult<bool> {
    state.write(|tx, actor| users::change_own(tx, actor, &input, chrono::Utc::now())).map(|_| true)
}

pub fn user_recovery_sheet(state: &Shell) -> CmdResult<SavedFile> {
    state.print_recorded(|tx, actor, l10n| {
        let assoc = huzhu::association::get(tx)?.map(|a| a.name).unwrap_or_default();
        let codes = recovery::make_codes(tx, actor)?;
        recovery::sheet_pdf(&codes, &assoc, huzhu::today(), l10n)
    })
}

pub fn access_settings(state: &Shell) -> CmdResult<AccessSettings> {
    state.read(settings::get)
}

pub fn access_save_settings(state: &Shell, input: AccessSettingsInput) -> CmdResult<AccessSettings> {
    state.write(|tx, actor| settings::save(tx, actor, &input))
}

/// The trail in the UI's language: the core puts every entry into words (`audit_words`).
pub fn audit_list(state: &Shell, filter: AuditFilter) -> CmdResult<Vec<AuditLine>> {
    let l10n = state.l10n();
    state.read_as(|conn, actor| huzhu::audit_words::lines(conn, actor, &filter, 500, &l10n))
}

pub fn audit_xlsx(state: &Shell, filter: AuditFilter) -> CmdResult<SavedFile> {
    state.print_recorded(|tx, actor, l10n| huzhu::exports::audit_trail(tx, actor, &filter, l10n, huzhu::today()))
}
