//! Argument parsing and dispatch. Each area has its own file; they share `Ctx`.

/// `say!("…", args)`: `println!` that survives a closed pipe (see `say`).
macro_rules! say {
    ($($t:tt)*) => { $crate::cli::say(format_args!($($t)*)) };
}

mod access;
mod backup;
mod members;
mod money;
mod donations;
mod time_bank;
mod rota;
mod sheets;
mod welfare;
mod agenda;
mod reports;
mod requests;
mod activities;
mod mediation;
mod commendation;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use huzhu::association::{self, Association};
use huzhu::audit::Actor;
use huzhu::i18n::{Lang, Localizer};
use huzhu::{db, Error, Result};
use rusqlite::Connection;

#[derive(Parser)]
#[command(name = "huzhu", version, about = "Huzhu (互助): village elder association records")]
struct Cli {
    /// The database file (default: the app's data folder; HUZHU_DB too)
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Language of messages: zh-CN or en-US (default: the app's setting; HUZHU_LANG too)
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Act as this user (once users exist, every command but `check` needs it); the PIN is read
    /// from the terminal, or HUZHU_PIN
    #[arg(long = "as", global = true, value_name = "NAME")]
    as_user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Set up the association's details
    Init {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        village: String,
        #[arg(long, default_value = "")]
        township: String,
        #[arg(long, default_value = "")]
        county: String,
        #[arg(long, default_value = "")]
        secretary: String,
    },
    /// The member register
    Member {
        #[command(subcommand)]
        command: members::MemberCommand,
    },
    /// Build a sample village (creates the database and a sample association if none)
    Demo {
        #[arg(long, default_value_t = 60)]
        people: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the database's integrity; exit 0 when sound
    Check,
    /// The cash book (收支流水账)
    Cash {
        #[command(subcommand)]
        command: money::CashCommand,
    },
    /// Dues (会费): policy, bill, payments, arrears
    Dues {
        #[command(subcommand)]
        command: money::DuesCommand,
    },
    /// Receipts (收据): print, void, issue
    Receipt {
        #[command(subcommand)]
        command: money::ReceiptCommand,
    },
    /// Record a donation (捐款); prints the voucher number
    Donate(donations::DonateArgs),
    /// The donor honour list (捐款芳名榜)
    Donors {
        #[command(subcommand)]
        command: donations::DonorsCommand,
    },
    /// Statement of income and expenses (收支明细表) as PDF or XLSX
    Statement(money::StatementArgs),
    /// The time bank (时间储蓄): deposits, withdrawals, transfers, passbook, exchange
    Time {
        #[command(subcommand)]
        command: time_bank::TimeCommand,
    },
    /// The association's own signing key
    Assoc {
        #[command(subcommand)]
        command: time_bank::AssocCommand,
    },
    /// Rota volunteers: availability and absences
    Volunteer {
        #[command(subcommand)]
        command: rota::VolunteerCommand,
    },
    /// Care cases (护理对象)
    Care {
        #[command(subcommand)]
        command: rota::CareCommand,
    },
    /// Pairings (老伙伴结对)
    Pair {
        #[command(subcommand)]
        command: rota::PairCommand,
    },
    /// The care rota (值班表): generate, list, print, record
    Rota {
        #[command(subcommand)]
        command: rota::RotaCommand,
    },
    /// Visits and calls to elders
    Visit {
        #[command(subcommand)]
        command: rota::VisitCommand,
    },
    /// Export a list as XLSX or CSV: members | arrears | rota | time | donations
    Export {
        #[command(subcommand)]
        command: sheets::ExportCommand,
    },
    /// Import the committee's roster (导入花名册): import members FILE [--yes]
    Import {
        #[command(subcommand)]
        command: sheets::ImportCommand,
    },
    /// Welfare (慰问): standards, payments, 领款单
    Welfare {
        #[command(subcommand)]
        command: welfare::WelfareCommand,
    },
    /// Hospital stays (住院)
    Hospital {
        #[command(subcommand)]
        command: welfare::HospitalCommand,
    },
    /// A month's birthdays (solar or lunar as registered), decade birthdays marked
    Birthdays(welfare::BirthdaysArgs),
    /// 重阳 or 春节: the day, who gets gifts, paying them
    Festival(welfare::FestivalArgs),
    /// The month at a glance (本月要事)
    Agenda(agenda::AgendaArgs),
    /// The work report to the village committee (工作报告) as PDF or XLSX
    Report(reports::ReportArgs),
    /// The finance notice for the wall (收支公示) as a PDF
    Notice(reports::NoticeArgs),
    /// The list of the very old (高龄名单) as PDF or XLSX
    Elders(reports::EldersArgs),
    /// Write a checked copy of the data file into backups/ beside it (or --to a folder); prints its path
    Backup(backup::BackupArgs),
    /// The backups in backups/ beside the data file: date, size, people, ok
    Backups(backup::BackupsArgs),
    /// Show what a backup holds; with --yes put it in place of the data file
    Restore(backup::RestoreArgs),
    /// Requests for help (求助): add, candidates, assign, done, cancel, list
    Request {
        #[command(subcommand)]
        command: requests::RequestCommand,
    },
    /// Feedback on services (服务评价) and complaints' follow-ups
    Feedback {
        #[command(subcommand)]
        command: requests::FeedbackCommand,
    },
    /// Training (培训): sessions, attendance, what a kind of service requires
    Training {
        #[command(subcommand)]
        command: requests::TrainingCommand,
    },
    /// Service standards (服务标准) of each duty kind and request kind
    Standard {
        #[command(subcommand)]
        command: requests::StandardCommand,
    },
    /// The people who sign in (使用人): add, list, set-role, disable, recovery sheet, recover
    User {
        #[command(subcommand)]
        command: access::UserCommand,
    },
    /// The audit trail (操作记录): who did what and when
    Audit(access::AuditArgs),
    /// Activities (活动): gatherings and trips, attendance, costs, the sign-in sheet
    Activity {
        #[command(subcommand)]
        command: activities::ActivityCommand,
    },
    /// Mediation (调解): the case book and the agreement
    Mediation {
        #[command(subcommand)]
        command: mediation::MediationCommand,
    },
    /// Commendation (表彰): the year's volunteers ranked, certificates and the list
    Commend(commendation::CommendArgs),
}

/// What every command gets: the open database (and what its start-up checks found), the
/// language, today, who is acting.
pub struct Ctx {
    pub conn: Connection,
    pub health: db::Health,
    pub path: PathBuf,
    pub l10n: Localizer,
    pub today: NaiveDate,
    /// Who acts: the user signed in with `--as`, or before any user exists the configured
    /// secretary with the chair's rights.
    pub actor: Actor,
}

impl Ctx {
    pub fn actor(&self) -> Result<Actor> {
        Ok(self.actor.clone())
    }

    pub fn t(&self, id: &str) -> String {
        self.l10n.t(id)
    }

    pub fn tr(&self, id: &str, args: &[(&str, String)]) -> String {
        self.l10n.format(id, args)
    }

    /// Runs `f` in one transaction with the acting user (`db::write`: it begins IMMEDIATE, so
    /// it waits its turn behind another writer); nothing is kept if it fails. A damaged
    /// database is refused, saying what is wrong.
    /// How a list shows phone numbers: masked, or with `--full` whole, recorded as a reveal of
    /// the phones of `what` (refused, and nothing printed, to a role that may not see them).
    pub fn phones(&mut self, full: bool, what: &str) -> Result<huzhu::members::Phones> {
        if !full {
            return Ok(huzhu::members::Phones::Masked);
        }
        self.write(|tx, actor, _| huzhu::members::reveal_phones(tx, actor, what))
    }

    pub fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction, &Actor, NaiveDate) -> Result<T>) -> Result<T> {
        self.writable()?;
        let actor = self.actor()?;
        let today = self.today;
        let out = db::write(&mut self.conn, |tx| f(tx, &actor, today));
        if let Err(e) = &out {
            // A second person's wrong PIN was undone with the write: count it on its own.
            huzhu::access::users::note_failure(&mut self.conn, e, chrono::Utc::now())?;
        }
        out
    }

    /// Refuses a write to a database the start-up checks found damaged, saying what is wrong.
    pub fn writable(&self) -> Result<()> {
        match &self.health {
            db::Health::Damaged(damage) => Err(Error::DbDamaged { problems: damage.lines(&self.l10n) }),
            db::Health::Sound => Ok(()),
        }
    }

    /// Where the files the commands write may not go (the database, its -wal/-shm, backups/).
    pub fn guard(&self) -> huzhu::output::Guard {
        huzhu::output::Guard::new(&self.path)
    }
}

/// `--out FILE [--force]`: the file a command writes. It goes through `huzhu::output::write`:
/// never over the database, its -wal/-shm or a backup, an existing file only with --force,
/// written under a temporary name and renamed.
#[derive(clap::Args)]
pub struct Out {
    /// The file to write (never the database, its -wal/-shm, or anything in backups/)
    #[arg(long = "out")]
    pub path: PathBuf,
    /// Replace the file if it already exists
    #[arg(long)]
    pub force: bool,
}

impl Out {
    pub fn write(&self, ctx: &Ctx, bytes: &[u8]) -> Result<()> {
        write_out(ctx, &self.path, self.force, bytes)
    }

    /// Writes the file in the same transaction as `record` writes its audit row: a printout
    /// with whole ID or phone numbers is a sensitive read, and when the role may not make it
    /// `record` refuses and no file is written.
    pub fn write_recorded(
        &self,
        ctx: &mut Ctx,
        bytes: &[u8],
        record: impl FnOnce(&rusqlite::Transaction, &Actor) -> Result<()>,
    ) -> Result<()> {
        let guard = ctx.guard();
        let overwrite = huzhu::output::Overwrite::from_force(self.force);
        ctx.write(|tx, actor, _| {
            record(tx, actor)?;
            huzhu::output::write(&self.path, bytes, overwrite, &guard)
        })
    }

    pub fn shown(&self) -> String {
        self.path.display().to_string()
    }
}

pub fn write_out(ctx: &Ctx, path: &std::path::Path, force: bool, bytes: &[u8]) -> Result<()> {
    huzhu::output::write(path, bytes, huzhu::output::Overwrite::from_force(force), &ctx.guard())
}

/// A localised "not one of the choices" error for a command-line value.
pub fn bad_choice(field: &'static str, value: &str, choices: &[&str]) -> Error {
    Error::invalid_with(field, "error-choice-invalid", vec![("value", value.to_string()), ("choices", choices.join(", "))])
}

pub fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let s = serde_json::to_string_pretty(v)?;
    say(format_args!("{s}"));
    Ok(())
}

/// Prints a line on stdout. A closed pipe (`huzhu member list | head`) ends the program quietly
/// instead of panicking as `println!` does.
pub fn say(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{args}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

fn choose_lang(flag: Option<&str>, conn: Option<&Connection>) -> Lang {
    if let Some(l) = flag.and_then(Lang::parse) {
        return l;
    }
    if let Some(l) = std::env::var("HUZHU_LANG").ok().as_deref().and_then(Lang::parse) {
        return l;
    }
    conn.and_then(|c| association::settings(c).ok()).map(|s| s.lang).unwrap_or_default()
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let path = db::resolve_path(cli.db.as_deref());
    let now = huzhu::now();
    let command = match without_opening(&path, cli.lang.as_deref(), cli.as_user.as_deref(), now, cli.command) {
        Ok(code) => return code,
        Err(command) => command,
    };
    // Only the commands that start a register make the file; every other refuses a missing
    // one (a mistyped --db must not silently start a new, empty register). An older file is
    // copied into backups/ before it is migrated.
    let starts = matches!(command, Command::Init { .. } | Command::Demo { .. });
    let opened = huzhu::backup::before_migration(&path, now).and_then(|_| if starts { db::create(&path) } else { db::open(&path) });
    let db::Opened { conn, health } = match opened {
        Ok(o) => o,
        Err(e) => {
            let l10n = Localizer::new(choose_lang(cli.lang.as_deref(), None));
            eprintln!("{}", e.localize(&l10n));
            return ExitCode::FAILURE;
        }
    };
    let lang = choose_lang(cli.lang.as_deref(), Some(&conn));
    let mut ctx = Ctx { conn, health, path, l10n: Localizer::new(lang), today: huzhu::today(), actor: Actor::new("") };
    let needs_nobody = matches!(command, Command::Check | Command::User { command: access::UserCommand::Recover { .. } });
    let signed_in = access::sign_in(&mut ctx, cli.as_user.as_deref(), needs_nobody);
    match signed_in.and_then(|actor| {
        ctx.actor = actor;
        dispatch(&mut ctx, command)
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.localize(&ctx.l10n));
            ExitCode::FAILURE
        }
    }
}

/// Runs the commands that must not open the database as the others do (see cli/backup.rs);
/// gives any other command back. Their language comes from the data file read without
/// changing it, when it can be read.
fn without_opening(path: &std::path::Path, lang: Option<&str>, as_user: Option<&str>, now: chrono::NaiveDateTime, command: Command) -> Result<ExitCode, Command> {
    if !matches!(command, Command::Backup(_) | Command::Backups(_) | Command::Restore(_)) {
        return Err(command);
    }
    let l10n = Localizer::new(choose_lang(lang, huzhu::backup::read_only(path).ok().as_ref()));
    if let Command::Restore(args) = &command {
        if args.replaces() {
            if let Err(e) = access::may_restore(path, as_user) {
                eprintln!("{}", e.localize(&l10n));
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let done = match command {
        Command::Backup(args) => backup::backup(path, now, args),
        Command::Backups(args) => backup::backups(path, &l10n, args),
        Command::Restore(args) => backup::restore(path, &l10n, now, args),
        other => return Err(other),
    };
    Ok(match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.localize(&l10n));
            ExitCode::FAILURE
        }
    })
}

fn dispatch(ctx: &mut Ctx, command: Command) -> Result<()> {
    match command {
        Command::Init { name, village, township, county, secretary } => {
            let a = Association { name, village, township, county, secretary };
            let saved = ctx.write(|tx, actor, _| association::save(tx, actor, &a))?;
            say!("{}", ctx.tr("cli-init-done", &[("name", saved.name)]));
            Ok(())
        }
        Command::Member { command } => members::run(ctx, command),
        Command::Cash { command } => money::cash(ctx, command),
        Command::Dues { command } => money::dues(ctx, command),
        Command::Receipt { command } => money::receipt(ctx, command),
        Command::Donate(args) => donations::donate(ctx, args),
        Command::Donors { command } => donations::donors(ctx, command),
        Command::Statement(args) => money::statement(ctx, args),
        Command::Time { command } => time_bank::run(ctx, command),
        Command::Assoc { command } => time_bank::assoc(ctx, command),
        Command::Volunteer { command } => rota::volunteer(ctx, command),
        Command::Care { command } => rota::care(ctx, command),
        Command::Pair { command } => rota::pair(ctx, command),
        Command::Rota { command } => rota::rota_cmd(ctx, command),
        Command::Visit { command } => rota::visit(ctx, command),
        Command::Export { command } => sheets::export(ctx, command),
        Command::Import { command } => sheets::import(ctx, command),
        Command::Welfare { command } => welfare::welfare(ctx, command),
        Command::Hospital { command } => welfare::hospital(ctx, command),
        Command::Birthdays(args) => welfare::birthdays(ctx, args),
        Command::Festival(args) => welfare::festival(ctx, args),
        Command::Agenda(args) => agenda::agenda_cmd(ctx, args),
        Command::Report(args) => reports::report(ctx, args),
        Command::Notice(args) => reports::notice(ctx, args),
        Command::Elders(args) => reports::elders(ctx, args),
        Command::Request { command } => requests::request(ctx, command),
        Command::Feedback { command } => requests::feedback_cmd(ctx, command),
        Command::Training { command } => requests::training_cmd(ctx, command),
        Command::Standard { command } => requests::standard_cmd(ctx, command),
        Command::User { command } => access::user(ctx, command),
        Command::Audit(args) => access::audit_cmd(ctx, args),
        Command::Activity { command } => activities::activity(ctx, command),
        Command::Mediation { command } => mediation::mediation(ctx, command),
        Command::Commend(args) => commendation::commend(ctx, args),
        Command::Demo { people, seed } => {
            let summary = ctx.write(|tx, actor, today| huzhu::demo::build(tx, actor, people, seed, today))?;
            say!("{}", ctx.tr("cli-demo-done", &[("people", summary.people.to_string())]));
            Ok(())
        }
        Command::Backup(_) | Command::Backups(_) | Command::Restore(_) => unreachable!("run without opening the database"),
        Command::Check => {
            let r = db::check(&ctx.conn)?;
            if r.is_sound() {
                say!("{}", ctx.tr("cli-check-ok", &[("version", r.schema_version.to_string())]));
                Ok(())
            } else {
                let detail = r.problems.iter().map(|p| format!("\n  - {}", p.localize(&ctx.l10n))).collect::<String>();
                Err(Error::conflict("cli-check-failed", vec![("detail", detail)]))
            }
        }
    }
}
