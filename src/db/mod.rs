//! The store: one SQLite file, opened the same way everywhere.
//!
//! ## Opening (what the app and the CLI call)
//!
//! * [`open`]`(path) -> Result<Opened>` opens an **existing** file. A missing file is
//!   `Error::DbMissing` (naming the path): a mistyped path never starts a new, empty register.
//! * [`create`]`(path) -> Result<Opened>` is the one way a file comes to exist: it makes the file
//!   (and its folder) when missing, readable by its owner only, then opens it like `open`. Used
//!   by `huzhu init`, `huzhu demo` and (part B) `restore`, and by the app's first-start screen.
//! * Before anything can change the file, its header is read as bytes: a file that is not an
//!   SQLite database is `Error::NotADatabase`, one from a newer version `Error::DbTooNew`, and
//!   both are refused with not one byte changed (no journal-mode switch, no -wal or -shm left).
//! * [`Opened`]` { conn, health }`: `health` is [`Health::Sound`] or [`Health::Damaged`]`(Damage)`.
//!   Every open runs `PRAGMA quick_check`, compares every table, index and trigger with what the
//!   embedded migrations make (`schema`), and verifies the ledgers' hash chains (`chain`). If
//!   anything is wrong the schema is not migrated, the connection is made read-only
//!   (`PRAGMA query_only`) and `Damage::lines` says what is wrong in the reader's language, so the
//!   app can show its damaged-database screen (offering the newest good backup) and the CLI can
//!   refuse to write while reads still work.
//! * [`write`]`(conn, |tx| …)` (and [`begin`]`(conn)` for the exchange export, which writes its
//!   file between its work and its commit) runs one write transaction that begins IMMEDIATE, so a second
//!   writer (another window, the CLI, a backup) waits up to the busy timeout (5 s) instead of
//!   failing at once with "database is locked". The CLI's `Ctx::write` and the shell's
//!   `AppState::write` go through it.
//! * [`check`]`(conn) -> CheckReport`: what `huzhu check` reports — the full `integrity_check`,
//!   foreign keys, the schema and the chains, each problem named.

mod health;
mod schema;

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use health::{CheckReport, Damage, Health, Problem, SchemaObject};
pub use schema::{schema_version, MIGRATIONS};

/// The default database file: `huzhu.sqlite3` in the platform's data folder
/// (%APPDATA%\Huzhu\data on Windows, ~/.local/share/huzhu on Linux).
pub fn default_path() -> PathBuf {
    directories::ProjectDirs::from("org", "Huzhu", "Huzhu")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
        .join("huzhu.sqlite3")
}

/// The database path a program should use: an explicit one, else `HUZHU_DB`, else the default.
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    match std::env::var_os("HUZHU_DB") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => default_path(),
    }
}

/// An open database and what the start-up checks found.
#[derive(Debug)]
pub struct Opened {
    pub conn: Connection,
    pub health: Health,
}

/// Whether there is no register at `path`: no file, or an empty one. SQLite would open an
/// empty file as an empty database, and the app would then start a new register in it without
/// a word; but a data file cut to nothing (a full disk, a copy that failed) is a loss to
/// repair from a backup, so it is treated as missing and the first start offers the backups.
pub fn is_missing(path: &Path) -> bool {
    std::fs::metadata(path).map_or(!path.exists(), |m| m.is_file() && m.len() == 0)
}

/// Opens an existing database file (see the module doc). A missing or empty file is
/// `Error::DbMissing` (see `is_missing`).
pub fn open(path: &Path) -> Result<Opened> {
    if is_missing(path) {
        return Err(Error::DbMissing { path: path.display().to_string() });
    }
    open_file(path, false)
}

/// Opens the database, first creating the file (and its folder) if it does not exist.
pub fn create(path: &Path) -> Result<Opened> {
    if !is_missing(path) {
        return open_file(path, false);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    open_file(path, true)
}

fn open_file(path: &Path, create: bool) -> Result<Opened> {
    if !create {
        refuse_by_header(path)?;
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let not_a_db = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase { path: path.display().to_string() },
        _ => Error::from(e),
    };
    let mut conn = Connection::open_with_flags(path, flags).map_err(not_a_db)?;
    if create {
        restrict_to_owner(path)?;
    }
    // The version as SQLite sees it (the -wal file may hold a newer header than the file's own
    // bytes), still before anything is written.
    refuse_newer(&conn).map_err(|e| match e {
        Error::Storage(s) => not_a_db(s),
        other => other,
    })?;
    configure(&conn).map_err(|e| match e {
        Error::Storage(s) => not_a_db(s),
        other => other,
    })?;
    let mut problems = health::pages(&conn, "quick_check");
    if problems.is_empty() {
        problems = schema::compare(&conn);
    }
    if problems.is_empty() {
        // Part B: `backup::before_migration(path)` belongs here, when user_version < schema_version().
        schema::MIGRATIONS.to_latest(&mut conn)?;
        problems = schema::compare(&conn);
    }
    if problems.iter().all(|p| !matches!(p, Problem::Page { .. })) {
        // Even beside a missing trigger: the edit it let through is what the reader must see.
        problems.extend(health::chains(&conn));
    }
    let health = if problems.is_empty() {
        Health::Sound
    } else {
        // Reads still work; nothing can be written into a file that is known to be damaged.
        conn.pragma_update(None, "query_only", true)?;
        Health::Damaged(Damage { problems })
    };
    Ok(Opened { conn, health })
}

/// Reads the file's first 100 bytes (SQLite's header) without SQLite: a file that is not a
/// database, or one written by a newer version, is refused before anything could switch its
/// journal mode (bytes 18–19) or leave a -wal file beside it.
fn refuse_by_header(path: &Path) -> Result<()> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)?.take(100).read_to_end(&mut header)?;
    if header.is_empty() {
        // SQLite treats an empty file as an empty database; `create` would have made the same.
        return Ok(());
    }
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(Error::NotADatabase { path: path.display().to_string() });
    }
    let found = i64::from(i32::from_be_bytes([header[60], header[61], header[62], header[63]]));
    let known = schema_version();
    if found > known {
        return Err(Error::DbTooNew { found, known });
    }
    Ok(())
}

/// The full check (`huzhu check`): every page (`integrity_check`, slower than the start's
/// `quick_check`), foreign keys, the schema, and every ledger's chain.
pub fn check(conn: &Connection) -> Result<CheckReport> {
    let mut problems = health::pages(conn, "integrity_check");
    problems.extend(health::foreign_keys(conn));
    problems.extend(schema::compare(conn));
    problems.extend(health::chains(conn));
    let schema_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(CheckReport { problems, schema_version })
}

/// An in-memory database with the real migrations, for tests and benchmarks.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// How long a write waits for another writer to finish before giving up.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

fn configure(conn: &Connection) -> Result<()> {
    // WAL keeps readers and the writer apart and survives a killed process; FULL makes every
    // commit durable before it returns, which matters more here than write speed.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(())
}

fn refuse_newer(conn: &Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = schema_version();
    if found > known {
        return Err(Error::DbTooNew { found, known });
    }
    Ok(())
}

/// Runs `f` in one write transaction, committed only when it succeeds.
///
/// The transaction begins IMMEDIATE: it takes the write lock first, waiting up to the busy
/// timeout for another writer, and only then reads. A deferred transaction would read first and
/// fail at once ("database is locked") when it then found another writer had moved on. A
/// connection opened read-only because the file is damaged is refused here, before any work.
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    let tx = begin(conn)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Begins a write transaction IMMEDIATE (see [`write`]), for the one caller that must do
/// something between its work and its commit (an exchange export writes its file there).
/// Refused on a connection opened read-only because the file is damaged.
pub fn begin(conn: &mut Connection) -> Result<Transaction<'_>> {
    if is_read_only(conn)? {
        return Err(Error::DbDamaged { problems: Vec::new() });
    }
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Whether the connection refuses writes (the start-up checks found damage).
pub fn is_read_only(conn: &Connection) -> Result<bool> {
    Ok(conn.pragma_query_value(None, "query_only", |r| r.get(0))?)
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> Result<()> {
    // On Windows the file lives under the user's own profile (%APPDATA%), which other users
    // cannot read by default.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().expect("migrations must apply cleanly to an empty database");
    }

    #[test]
    fn open_sets_the_pragmas_every_connection_needs() {
        let dir = tempfile::tempdir().unwrap();
        let conn = create(&dir.path().join("t.db")).unwrap().conn;
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        let busy: i64 = conn.pragma_query_value(None, "busy_timeout", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal", "journal must be WAL");
        assert_eq!(sync, 2, "synchronous must be FULL");
        assert_eq!(fk, 1, "foreign keys must be enforced");
        assert!(busy >= 5000, "a busy timeout of at least 5 s must be set, so writers wait their turn");
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(create(&path).unwrap());
        let newer = schema_version() + 5;
        Connection::open(&path).unwrap().pragma_update(None, "user_version", newer).unwrap();
        match open(&path) {
            Err(Error::DbTooNew { found, known }) => {
                assert_eq!((found, known), (newer, schema_version()));
            }
            other => panic!("expected DbTooNew, got {other:?}"),
        }
        let v: i64 = Connection::open(&path).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, newer, "a refused database must not be touched");
    }

    #[cfg(unix)]
    #[test]
    fn the_database_file_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(create(&path).unwrap());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn an_empty_file_is_missing_and_a_new_register_is_only_made_on_purpose() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        assert!(is_missing(&path), "no file");
        std::fs::write(&path, b"").unwrap();
        assert!(is_missing(&path), "an empty file holds no register");
        assert!(matches!(open(&path), Err(Error::DbMissing { .. })), "opening it does not start an empty register");
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "and leaves the file as it was");
        let opened = create(&path).unwrap();
        assert_eq!(opened.health, Health::Sound, "creating on purpose makes a register in it");
        drop(opened);
        assert!(!is_missing(&path));
        assert!(open(&path).is_ok());
        assert!(!is_missing(dir.path()), "a folder is not a missing file (opening it fails with its own message)");
    }

    #[test]
    fn a_fresh_database_checks_sound() {
        let conn = open_in_memory().unwrap();
        let r = check(&conn).unwrap();
        assert!(r.is_sound(), "{r:?}");
        assert_eq!(r.schema_version, schema_version());
    }
}
