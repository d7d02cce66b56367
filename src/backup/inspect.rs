//! Looking into a data file without changing it: whether it is a Huzhu database, sound, and not
//! from a newer version, and what it holds. Used on every copy before it gets its name, on each
//! file of a folder's catalogue, and on a file picked for a restore.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::db;
use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::time_bank::{self, Hours};

use super::files::{companions, picked_file, read_only_uri};

/// What a data file holds, as the restore preview and the catalogue show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupContents {
    /// The association's name; None when it was never set up.
    pub association: Option<String>,
    pub people: u32,
    pub cash_entries: u32,
    /// The highest voucher number ("2026-0042"); None with no cash entries.
    pub last_voucher: Option<String>,
    /// The highest receipt number ("R2026-0007"); None with no receipts.
    pub last_receipt: Option<String>,
    /// Hours in all time-bank accounts and the common pool together.
    pub time_bank_hours: Hours,
    /// The data version (the number of migrations the file has had).
    pub schema_version: i64,
    /// When the last change was recorded (the newest audit row), UTC as stored (RFC 3339).
    pub last_change: Option<String>,
}

choice! {
    /// Why a file is no good for a restore (the catalogue shows it beside the file).
    BackupProblem {
        Missing = "missing" / "backup-problem-missing" [],
        NotAFile = "not_a_file" / "backup-problem-not-a-file" [],
        NotHuzhu = "not_huzhu" / "backup-problem-not-huzhu" [],
        Damaged = "damaged" / "backup-problem-damaged" [],
        Newer = "newer" / "backup-problem-newer" [],
        /// A -wal file beside it: changes SQLite would read from there are not in the file.
        InUse = "in_use" / "backup-problem-in-use" [],
        Unreadable = "unreadable" / "backup-problem-unreadable" [],
    }
}

/// A file refused, and the detail for the message (SQLite's words for damage, the version
/// found for a newer file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub problem: BackupProblem,
    pub detail: String,
}

impl Refusal {
    fn new(problem: BackupProblem, detail: impl Into<String>) -> Refusal {
        Refusal { problem, detail: detail.into() }
    }

    /// The localised error for `file`, which says that nothing has been changed.
    pub fn into_error(self, file: &Path) -> Error {
        let file = ("file", file.display().to_string());
        let id = match self.problem {
            BackupProblem::Missing => return Error::NotFound { id: "error-backup-file-missing", args: vec![file] },
            BackupProblem::NotAFile => "error-backup-not-a-file",
            BackupProblem::NotHuzhu => "error-backup-not-huzhu",
            BackupProblem::Damaged => "error-backup-damaged",
            BackupProblem::Newer => {
                let known = db::schema_version().to_string();
                return Error::invalid_with("file", "error-backup-newer", vec![file, ("found", self.detail), ("known", known)]);
            }
            BackupProblem::InUse => "error-backup-in-use",
            BackupProblem::Unreadable => "error-backup-unreadable",
        };
        Error::invalid_with("file", id, vec![file, ("detail", self.detail)])
    }
}

impl From<rusqlite::Error> for Refusal {
    fn from(e: rusqlite::Error) -> Refusal {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Refusal::new(BackupProblem::NotHuzhu, e.to_string()),
            _ => Refusal::new(BackupProblem::Damaged, e.to_string()),
        }
    }
}

/// How thoroughly to check: `Full` is SQLite's integrity_check (every page, every index entry),
/// for a copy about to be named and a file about to be restored; `Quick` (quick_check: pages
/// and records, not index contents) for listing a folder of many copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Quick,
    Full,
}

/// Checks the file at `path` and reads what it holds, without changing it or creating
/// anything beside it.
pub fn look(path: &Path, check: Check) -> Result<BackupContents, Refusal> {
    let conn = open(path)?;
    examine(&conn, check)
}

/// Opens a data file to read, without changing it or creating anything beside it (to read the
/// language setting of a database that may be damaged, for instance). Refused as `open`
/// refuses; its contents are not checked.
pub fn read_only(path: &Path) -> Result<Connection> {
    open(path).map_err(|r| r.into_error(path))
}

/// Opens a data file read-only and immutable (see `files::read_only_uri`), after checking it is
/// a plain file that starts like an SQLite database.
pub fn open(path: &Path) -> Result<Connection, Refusal> {
    match picked_file(path) {
        Ok(_) => {}
        Err(Error::NotFound { .. }) => return Err(Refusal::new(BackupProblem::Missing, "")),
        Err(Error::Invalid { .. }) => return Err(Refusal::new(BackupProblem::NotAFile, "")),
        Err(e) => return Err(Refusal::new(BackupProblem::Unreadable, format!("{e}"))),
    }
    let mut head = Vec::with_capacity(100);
    let read = std::fs::File::open(path).and_then(|f| f.take(100).read_to_end(&mut head));
    if let Err(e) = read {
        return Err(Refusal::new(BackupProblem::Unreadable, e.to_string()));
    }
    if !head.starts_with(b"SQLite format 3\0") || head.len() < 100 {
        return Err(Refusal::new(BackupProblem::NotHuzhu, ""));
    }
    let [wal, _, _] = companions(path);
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(Refusal::new(BackupProblem::InUse, wal.display().to_string()));
    }
    let uri = read_only_uri(path).map_err(|e| Refusal::new(BackupProblem::Unreadable, format!("{e}")))?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| Refusal::new(BackupProblem::Unreadable, e.to_string()))?;
    // A file from elsewhere may carry views or triggers that call functions; reading it must
    // not run them.
    conn.pragma_update(None, "trusted_schema", false)?;
    Ok(conn)
}

/// The tables the first migration makes: a file without them is not a Huzhu database.
const FIRST_TABLES: [&str; 4] = ["association", "setting", "person", "audit_log"];

/// Checks an open data file and reads what it holds.
pub fn examine(conn: &Connection, check: Check) -> Result<BackupContents, Refusal> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let has = |t: &str| tables.iter().any(|n| n == t);
    if version < 1 || !FIRST_TABLES.iter().all(|t| has(t)) {
        return Err(Refusal::new(BackupProblem::NotHuzhu, ""));
    }
    if version > db::schema_version() {
        return Err(Refusal::new(BackupProblem::Newer, version.to_string()));
    }
    let pragma = match check {
        Check::Quick => "quick_check",
        Check::Full => "integrity_check",
    };
    // At most five findings: enough to tell what is wrong, short enough for a message.
    let findings: Vec<String> = conn.prepare(&format!("PRAGMA {pragma}(5)"))?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if findings != ["ok"] {
        return Err(Refusal::new(BackupProblem::Damaged, findings.join("; ")));
    }
    let count = |sql: &str| -> rusqlite::Result<u32> { conn.query_row(sql, [], |r| r.get(0)) };
    let text = |sql: &str| -> rusqlite::Result<Option<String>> { conn.query_row(sql, [], |r| r.get(0)).optional().map(Option::flatten) };
    // Older data versions lack the later areas' tables: they hold none of those records.
    let (cash_entries, last_voucher, last_receipt) = if has("cash_entry") && has("receipt") {
        (
            count("SELECT count(*) FROM cash_entry")?,
            text("SELECT voucher_no FROM cash_entry ORDER BY year DESC, seq DESC LIMIT 1")?,
            text("SELECT receipt_no FROM receipt ORDER BY year DESC, seq DESC LIMIT 1")?,
        )
    } else {
        (0, None, None)
    };
    let time_bank_hours = if has("time_entry") { time_bank::total_hours(conn).map_err(|e| Refusal::new(BackupProblem::Damaged, e.to_string()))? } else { Hours::ZERO };
    Ok(BackupContents {
        association: text("SELECT name FROM association WHERE id = 1")?,
        people: count("SELECT count(*) FROM person")?,
        cash_entries,
        last_voucher,
        last_receipt,
        time_bank_hours,
        schema_version: version,
        last_change: text("SELECT max(at) FROM audit_log")?,
    })
}
