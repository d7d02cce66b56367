//! The copies made in the data folder's `backups/` without anyone asking: on the first start of
//! each day, before a migration, before a restore or an import (and on request). Each is one
//! checked copy (`copy`), followed by the rotation (`rotation`).
//!
//! Every function here opens its own connection to the database and may run on a thread of its
//! own while the window's connection keeps working: the database is in WAL mode, where the copy
//! (a reader) holds up no writer.

use std::path::Path;

use chrono::NaiveDateTime;

use crate::db;
use crate::error::Result;

use super::copy::{self, Written};
use super::files::{ensure_folder, FolderLock};
use super::name::{BackupName, BackupReason};
use super::rotation;

/// Makes a copy of the database at `db_path` in its `backups/` folder, named for `now` and
/// `reason` (`BackupReason::Copy` for a copy made on request), then removes the copies the rotation
/// no longer keeps. For "before an import" and the like: call it, and go on only if it
/// succeeded.
pub fn before(db_path: &Path, reason: BackupReason, now: NaiveDateTime) -> Result<Written> {
    // The source first: a wrong path is refused before a backups/ folder is made beside it.
    let src = copy::open_source(db_path)?;
    let dir = ensure_folder(db_path)?;
    let _lock = FolderLock::take(&dir)?;
    let written = copy::into_folder(&src, &dir, now, reason)?;
    rotation::rotate(&dir, now)?;
    Ok(written)
}

/// The daily copy: made when `backups/` holds no copy dated today (by `now`), so the first
/// start of each day makes one and later starts none. None when not due, or when there is no
/// database yet (a first start).
pub fn daily_if_due(db_path: &Path, now: NaiveDateTime) -> Result<Option<Written>> {
    if !db_path.is_file() {
        return Ok(None);
    }
    let dir = ensure_folder(db_path)?;
    // Looked at while holding the lock: two programs starting together make one copy.
    let _lock = FolderLock::take(&dir)?;
    for entry in std::fs::read_dir(&dir)? {
        let name = entry?.file_name();
        let made_today = name.to_str().and_then(BackupName::parse).is_some_and(|n| n.reason != BackupReason::Damaged && n.made.date() == now.date());
        if made_today {
            return Ok(None);
        }
    }
    let written = copy::into_folder(&copy::open_source(db_path)?, &dir, now, BackupReason::Daily)?;
    rotation::rotate(&dir, now)?;
    Ok(Some(written))
}

/// The copy before a migration: call it before `db::open`, which brings the schema up to date.
/// Makes a copy when the file's data version is older than this program's (and not 0, which is
/// a new, empty file); None otherwise (no file, already current, or from a newer version, which
/// `db::open` refuses untouched). When it fails, do not open the database: a migration without
/// a copy to go back to is the risk this exists to avoid.
///
/// (It is not called from inside `db::open` because `backup` uses `db` — its schema version —
/// and the modules do not depend on each other both ways; the CLI and the app call it first.)
pub fn before_migration(db_path: &Path, now: NaiveDateTime) -> Result<Option<Written>> {
    if !db_path.is_file() {
        return Ok(None);
    }
    let version: i64 = copy::open_source(db_path)?.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < 1 || version >= db::schema_version() {
        return Ok(None);
    }
    before(db_path, BackupReason::BeforeMigration, now).map(Some)
}
