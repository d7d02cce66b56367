//! The store: one SQLite file, opened the same way everywhere.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use include_dir::{include_dir, Dir};
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::Migrations;

use crate::error::{Error, Result};

static MIGRATIONS_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/db/migrations");

pub static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    // The directory is embedded at compile time and validated by a test, so this cannot fail
    // for a user.
    Migrations::from_directory(&MIGRATIONS_DIR).expect("embedded migrations are well-formed")
});

/// The schema version this binary writes (the number of migrations).
pub fn schema_version() -> i64 {
    MIGRATIONS_DIR.dirs().count() as i64
}

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

/// Opens (creating if needed) the database, sets the pragmas every connection must have, and
/// brings the schema up to date. A database written by a newer version is refused untouched.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let existed = path.exists();
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if !existed {
        restrict_to_owner(path)?;
    }
    configure(&conn)?;
    refuse_newer(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// An in-memory database with the real migrations, for tests and benchmarks.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    // WAL keeps readers and the writer apart and survives a killed process; FULL makes every
    // commit durable before it returns, which matters more here than write speed.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
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

/// What `huzhu check` reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckReport {
    pub integrity: Vec<String>,
    pub foreign_key_violations: usize,
    pub schema_version: i64,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.integrity == ["ok"] && self.foreign_key_violations == 0
    }
}

/// SQLite's own integrity check plus a foreign-key check.
pub fn check(conn: &Connection) -> Result<CheckReport> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let integrity = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_key_violations = stmt.query_map([], |_| Ok(()))?.count();
    let schema_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(CheckReport { integrity, foreign_key_violations, schema_version })
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
        let conn = open(&dir.path().join("t.db")).unwrap();
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        let busy: i64 = conn.pragma_query_value(None, "busy_timeout", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal", "journal must be WAL");
        assert_eq!(sync, 2, "synchronous must be FULL");
        assert_eq!(fk, 1, "foreign keys must be enforced");
        assert!(busy > 0, "a busy timeout must be set");
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(open(&path).unwrap());
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
        drop(open(&path).unwrap());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_fresh_database_checks_sound() {
        let conn = open_in_memory().unwrap();
        let r = check(&conn).unwrap();
        assert!(r.is_sound(), "{r:?}");
        assert_eq!(r.schema_version, schema_version());
    }
}
