//! `huzhu user …`, `huzhu audit …`, and signing in for `--as NAME`.

use clap::{Args, Subcommand};
use huzhu::access::{recovery, users, UserInput};
use huzhu::audit::{self, Actor, Area, AuditFilter, Role};
use huzhu::audit_words;
use huzhu::{Error, Result};

use super::{bad_choice, print_json, Ctx};

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user; the PIN is read from the terminal, or HUZHU_NEW_PIN. The first user must be the chair
    Add {
        name: String,
        /// chair | secretary | accountant | cashier | viewer
        #[arg(long)]
        role: String,
    },
    /// The users, their roles, and who is disabled
    List {
        #[arg(long)]
        json: bool,
    },
    /// Change a user's role
    SetRole { name: String, role: String },
    /// Disable a user (they can no longer sign in; the audit log keeps their name)
    Disable { name: String },
    /// Set a user's PIN: your own (signed in with --as), or anyone's for the chair. The new PIN
    /// is read from the terminal (twice), or HUZHU_NEW_PIN
    SetPin { name: String },
    /// Print a new recovery sheet (10 one-time codes) as a PDF; the old sheet's codes stop working
    RecoverySheet(super::Out),
    /// Reset a user's PIN with a code from the recovery sheet (no --as needed); new PIN from the
    /// terminal or HUZHU_NEW_PIN
    Recover {
        name: String,
        #[arg(long)]
        code: String,
    },
}

#[derive(Args)]
pub struct AuditArgs {
    /// Only this user's entries
    #[arg(long)]
    user: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    from: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    to: Option<String>,
    /// register | rota | welfare | time_bank | money | settings | users | reports | sensitive | session
    #[arg(long)]
    area: Option<String>,
    /// At most this many entries, newest first
    #[arg(long, default_value_t = 200)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn role(s: &str) -> Result<Role> {
    Role::parse(s).ok_or_else(|| bad_choice("role", s, &Role::ALL.iter().map(|r| r.code()).collect::<Vec<_>>()))
}

/// A secret from the environment variable `var`, or asked on the terminal with echo off.
pub fn secret(var: &str, prompt: &str) -> Result<String> {
    if let Ok(v) = std::env::var(var) {
        return Ok(v);
    }
    rpassword::prompt_password(prompt).map_err(Error::Io)
}

fn new_pin(ctx: &Ctx, name: &str) -> Result<String> {
    if let Ok(v) = std::env::var("HUZHU_NEW_PIN") {
        return Ok(v);
    }
    let first = secret("HUZHU_NEW_PIN", &ctx.tr("cli-new-pin-prompt", &[("name", name.to_string())]))?;
    users::check_secret("pin", &first)?;
    let again = secret("HUZHU_NEW_PIN", &ctx.t("cli-new-pin-again"))?;
    if first != again {
        return Err(Error::invalid("pin", "error-access-pin-mismatch"));
    }
    Ok(first)
}

/// The PIN of the second person named by `--approver`, when sign-in is on and it is needed:
/// HUZHU_APPROVER_PIN, or asked on the terminal. Empty when nobody is named.
pub fn approver_pin(ctx: &Ctx, approver: &str) -> Result<String> {
    if approver.trim().is_empty() || !users::sign_in_on(&ctx.conn)? {
        return Ok(String::new());
    }
    secret("HUZHU_APPROVER_PIN", &ctx.tr("cli-approver-pin-prompt", &[("name", approver.trim().to_string())]))
}

pub fn user(ctx: &mut Ctx, command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Add { name, role: r } => {
            let input = UserInput { name: name.clone(), role: Some(role(&r)?), pin: new_pin(ctx, &name)? };
            let first = !users::sign_in_on(&ctx.conn)?;
            let u = ctx.write(|tx, actor, _| users::add(tx, actor, &input))?;
            say!("{}", ctx.tr("cli-user-added", &[("name", u.name.clone()), ("role", ctx.t(u.role.label_id()))]));
            if first {
                say!("{}", ctx.tr("cli-user-first-sheet", &[("name", u.name)]));
            }
            Ok(())
        }
        UserCommand::List { json } => {
            let list = users::list(&ctx.conn)?;
            if json {
                return print_json(&list);
            }
            for u in list {
                let state = if u.disabled { ctx.t("cli-user-disabled") } else { String::new() };
                say!("{}\t{}\t{}", u.name, ctx.t(u.role.label_id()), state);
            }
            Ok(())
        }
        UserCommand::SetRole { name, role: r } => {
            let r = role(&r)?;
            let u = ctx.write(|tx, actor, _| users::set_role(tx, actor, &name, r))?;
            say!("{}", ctx.tr("cli-user-role-set", &[("name", u.name), ("role", ctx.t(u.role.label_id()))]));
            Ok(())
        }
        UserCommand::Disable { name } => {
            let u = ctx.write(|tx, actor, _| users::disable(tx, actor, &name))?;
            say!("{}", ctx.tr("cli-user-disabled-done", &[("name", u.name)]));
            Ok(())
        }
        UserCommand::SetPin { name } => {
            if !users::sign_in_on(&ctx.conn)? {
                return Err(Error::not_found("error-access-user-not-found", name.trim()));
            }
            let pin = new_pin(ctx, &name)?;
            ctx.write(|tx, actor, _| users::set_pin(tx, actor, &name, &pin))?;
            say!("{}", ctx.tr("cli-user-pin-set", &[("name", name.trim().to_string())]));
            Ok(())
        }
        UserCommand::RecoverySheet(out) => {
            let assoc = huzhu::association::get(&ctx.conn)?.map(|a| a.name).unwrap_or_default();
            let l10n = huzhu::i18n::Localizer::new(ctx.l10n.lang());
            let sheet = ctx.write(|tx, actor, today| {
                let codes = recovery::make_codes(tx, actor)?;
                recovery::sheet_pdf(&codes, &assoc, today, &l10n)
            })?;
            out.write(ctx, &sheet.bytes)?;
            say!("{}", out.shown());
            Ok(())
        }
        UserCommand::Recover { name, code } => {
            let pin = new_pin(ctx, &name)?;
            ctx.writable()?;
            recovery::reset_pin(&mut ctx.conn, &name, &code, &pin, chrono::Utc::now())?;
            say!("{}", ctx.tr("cli-user-recovered", &[("name", name)]));
            Ok(())
        }
    }
}

pub fn audit_cmd(ctx: &mut Ctx, args: AuditArgs) -> Result<()> {
    let area = match args.area.as_deref() {
        None => None,
        Some(a) => Some(Area::parse(a).ok_or_else(|| bad_choice("area", a, &Area::ALL.iter().map(|x| x.code()).collect::<Vec<_>>()))?),
    };
    let filter = AuditFilter {
        user: args.user.unwrap_or_default(),
        from: args.from.unwrap_or_default(),
        to: args.to.unwrap_or_default(),
        area,
    };
    let entries = audit::list(&ctx.conn, &ctx.actor, &filter, args.limit)?;
    if args.json {
        return print_json(&entries);
    }
    // For people: everything in words, the time in local time (JSON above keeps the codes).
    for e in entries.iter().map(|e| audit_words::line(e, &ctx.l10n)) {
        say!("{}\t{}\t{}\t{}\t{} {}\t{}", e.when, e.actor, e.area_words, e.action, e.entity, e.entity_id, audit_words::changes_text(&e, "; "));
    }
    Ok(())
}

/// Who acts for this run: before any user exists, the configured secretary with the chair's
/// rights (as before sign-in existed); once one exists, the user named by `--as`, whose PIN is
/// checked (HUZHU_PIN or the terminal). `check` and `user recover` need nobody.
pub fn sign_in(ctx: &mut Ctx, as_user: Option<&str>, needs_nobody: bool) -> Result<Actor> {
    let default = huzhu::association::default_actor(&ctx.conn)?;
    if !users::sign_in_on(&ctx.conn)? || (needs_nobody && as_user.is_none()) {
        return Ok(default);
    }
    let Some(name) = as_user else {
        return Err(Error::refused("error-access-sign-in-needed", Vec::new()));
    };
    let pin = secret("HUZHU_PIN", &ctx.tr("cli-pin-prompt", &[("name", name.to_string())]))?;
    let now = chrono::Utc::now();
    if ctx.writable().is_err() {
        // A damaged file is open read-only: check the PIN without counting a failure.
        let tx = ctx.conn.unchecked_transaction()?;
        let outcome = users::attempt(&tx, name, &pin, now);
        drop(tx);
        return outcome?.map(|u| Actor::user(u.name, u.role));
    }
    users::sign_in(&mut ctx.conn, name, &pin, now, false)
}

/// Before `restore --yes` replaces the data file: once users exist, only the chair, signed in
/// with `--as` (checked on the file read-only: it is about to be replaced).
pub fn may_restore(path: &std::path::Path, as_user: Option<&str>) -> Result<()> {
    let Ok(conn) = huzhu::backup::read_only(path) else {
        // No readable file (lost or damaged): nothing to protect, the restore is the way back.
        return Ok(());
    };
    if !users::sign_in_on(&conn).unwrap_or(false) {
        return Ok(());
    }
    let Some(name) = as_user else {
        return Err(Error::refused("error-access-sign-in-needed", Vec::new()));
    };
    let pin = secret("HUZHU_PIN", &format!("{name}: "))?;
    let tx = conn.unchecked_transaction()?;
    let user = users::attempt(&tx, name, &pin, chrono::Utc::now())??;
    drop(tx);
    audit::permissions::check(&conn, &Actor::user(user.name, user.role), "restore", "backup")
}
