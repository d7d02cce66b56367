//! The `huzhu` command line as scripts and the acceptance checks use it: what each command family
//! prints on success, how it refuses bad input (a localised message on stderr in either language,
//! exit code 1, nothing printed on stdout, the database unchanged), and what a killed write
//! leaves behind. The rules behind the commands are tested through the core in the other test
//! files; these tests only check that the command line reaches them and reports them.
//!
//! The command line reads the computer's clock for "today", so every date given here is one
//! that is already past whenever the tests run (2026 and before), or none at all.

mod common;

#[path = "cli/access.rs"]
mod access;
#[path = "cli/backup.rs"]
mod backup;
#[path = "cli/database.rs"]
mod database;
#[path = "cli/kills.rs"]
mod kills;
#[path = "cli/members.rs"]
mod members;
#[path = "cli/money.rs"]
mod money;
#[path = "cli/reports.rs"]
mod reports;
#[path = "cli/requests.rs"]
mod requests;
#[path = "cli/rota.rs"]
mod rota;
#[path = "cli/sheets.rs"]
mod sheets;
#[path = "cli/store.rs"]
mod store;
#[path = "cli/time_bank.rs"]
mod time_bank;
#[path = "cli/welfare.rs"]
mod welfare;
#[path = "cli/activities.rs"]
mod activities;
#[path = "cli/dues_hours.rs"]
mod dues_hours;
#[path = "cli/mediation.rs"]
mod mediation;
#[path = "cli/commendation.rs"]
mod commendation;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::Snapshot;

/// The `huzhu` binary, with the environment of the person running the tests left out.
pub fn command(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_huzhu"));
    c.arg("--db").arg(db).env_remove("HUZHU_LANG").env_remove("HUZHU_DB");
    c
}

pub fn huzhu(db: &Path, args: &[&str]) -> Output {
    command(db).args(args).output().expect("run huzhu")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

/// Runs a command that must succeed; returns what it printed on stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = huzhu(db, args);
    assert!(o.status.success(), "huzhu {args:?} must succeed: {}", stderr(&o));
    stdout(&o)
}

/// Runs a command that must be refused; returns its message. A refusal exits with 1 (not 2,
/// a usage error, nor 101, a panic), prints nothing on stdout and a message on stderr, and
/// leaves every row of the database as it was.
pub fn refused(db: &Path, args: &[&str]) -> String {
    let before = db_snapshot(db);
    let o = huzhu(db, args);
    let msg = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "huzhu {args:?} must be refused with exit code 1: {msg}");
    assert!(stdout(&o).is_empty(), "a refused command prints no result: {}", stdout(&o));
    assert!(!msg.is_empty() && !msg.contains("panicked"), "a refused command says why: {msg:?}");
    assert_eq!(db_snapshot(db), before, "a refused command changes nothing: {args:?}");
    msg
}

/// Every row of the database file. (Read through a read-write connection, though it only reads:
/// closing it removes the -wal file as the program itself does, so no stray file is left.)
pub fn db_snapshot(db: &Path) -> Snapshot {
    common::snapshot(&rusqlite::Connection::open(db).expect("open the database"))
}

/// A database file in a fresh folder, made by `huzhu init`.
pub fn initialised() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("huzhu.sqlite3");
    let out = ok(&db, &["init", "--name", common::ASSOCIATION]);
    assert!(out.contains(common::ASSOCIATION), "init names the association it set up: {out}");
    (dir, db)
}
