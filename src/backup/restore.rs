//! Restore (恢复): see what a backup holds, then put it in place of the database.
//!
//! `preview` changes nothing anywhere. `apply` refuses what `preview` refuses, before anything
//! changes; then it copies the chosen file into a partial file beside the database (SQLite's
//! backup API, so a file in WAL mode is copied as one consistent database) and checks the copy;
//! takes the current database for itself (which fails while another program has it open) and
//! keeps a copy of it in `backups/` ("before-restore"; a current file too damaged to copy that
//! way is kept byte for byte as "damaged"); removes the old file's -wal/-shm, which must never
//! meet the new file; renames the copy into place and checks it again.
//!
//! The caller must have closed its own connection to the database first (`apply` refuses a
//! database that is open) and opens it again afterwards with `db::open`, which brings an older
//! backup's schema up to date.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::db;
use crate::error::{Error, Result};

use super::copy::{self, CopyError};
use super::files::{companions, create_private, ensure_folder, remove_if_there, sync_file, FolderLock};
use super::inspect::{self, Check, BackupContents};
use super::name::{BackupName, BackupReason, PARTIAL_PREFIX};
use super::rotation;

/// What a file holds, shown before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestorePreview {
    pub file: String,
    /// When it was made, from its name (local time); None for a file named otherwise (then
    /// `contents.last_change` says when it was last written to).
    pub made: Option<NaiveDateTime>,
    pub reason: Option<BackupReason>,
    #[ts(type = "number")]
    pub size: u64,
    pub contents: BackupContents,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Restored {
    /// What is now in the database (read back from it after the restore).
    pub preview: RestorePreview,
    /// The copy of the database as it was before, if there was one.
    pub kept: Option<String>,
    /// The database before was damaged, and `kept` is a byte-for-byte copy of it.
    pub kept_damaged: bool,
}

/// What `file` holds, after the checks a restore makes: a plain file, a Huzhu database, sound
/// (integrity_check), not from a newer version. Changes nothing and creates nothing.
pub fn preview(file: &Path) -> Result<RestorePreview> {
    let contents = inspect::look(file, Check::Full).map_err(|r| r.into_error(file))?;
    Ok(preview_of(file, contents)?)
}

fn preview_of(file: &Path, contents: BackupContents) -> Result<RestorePreview> {
    let name = file.file_name().and_then(|n| n.to_str()).and_then(BackupName::parse);
    Ok(RestorePreview {
        file: file.display().to_string(),
        made: name.map(|n| n.made),
        reason: name.map(|n| n.reason),
        size: std::fs::metadata(file)?.len(),
        contents,
    })
}

/// Puts the backup `file` in place of the database at `db_path` (which may be missing or
/// damaged), as the module describes; `now` names the copy of the current database.
pub fn apply(db_path: &Path, file: &Path, now: NaiveDateTime) -> Result<Restored> {
    let same = std::fs::canonicalize(file).ok().is_some_and(|f| std::fs::canonicalize(db_path).is_ok_and(|d| d == f));
    if same {
        return Err(Error::invalid_with("file", "error-restore-same-file", vec![("file", file.display().to_string())]));
    }
    let src = inspect::open(file).map_err(|r| r.into_error(file))?;
    let contents = inspect::examine(&src, Check::Full).map_err(|r| r.into_error(file))?;
    let restoring = preview_of(file, contents)?;

    if let Some(parent) = db_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let dir = ensure_folder(db_path)?;
    // One restore or backup at a time for this database.
    let _lock = FolderLock::take(&dir)?;
    let partial = partial_beside(db_path);
    copy::remove_partial(&partial);
    copy::to_partial(&src, &partial).map_err(|e| match e {
        CopyError::Refused(r) => r.into_error(file),
        CopyError::Failed(e) => e,
    })?;
    drop(src);

    // An empty file (see `db::is_missing`) holds nothing to keep.
    let kept = if !db::is_missing(db_path) {
        match keep_current(db_path, &dir, now) {
            Ok(k) => Some(k),
            Err(e) => {
                copy::remove_partial(&partial);
                return Err(e);
            }
        }
    } else {
        None
    };
    for c in companions(db_path) {
        remove_if_there(&c)?;
    }
    copy::finish(&partial, db_path)?;
    rotation::rotate(&dir, now)?;

    let contents = inspect::look(db_path, Check::Quick).map_err(|r| r.into_error(db_path))?;
    Ok(Restored {
        preview: RestorePreview { contents, ..restoring },
        kept_damaged: kept.as_ref().is_some_and(|k| k.damaged),
        kept: kept.map(|k| k.path),
    })
}

/// The partial file a restore builds beside the database (in its folder, so the rename is
/// atomic), named after it so two databases in one folder do not share it.
fn partial_beside(db_path: &Path) -> std::path::PathBuf {
    let name = db_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    db_path.with_file_name(format!("{PARTIAL_PREFIX}restore-{name}"))
}

struct Kept {
    path: String,
    damaged: bool,
}

/// Takes the current database and keeps a copy of it in `dir`.
///
/// Switching it from WAL to the rollback journal needs every other connection closed, so it
/// is how "another program has it open" is found (the switch then fails); it also writes the
/// -wal's changes into the file, so nothing is left in a -wal to lose. Exclusive locking keeps
/// other programs out until the copy is made and the connection closed.
fn keep_current(db_path: &Path, dir: &Path, now: NaiveDateTime) -> Result<Kept> {
    let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(Duration::from_secs(2))?;
    let taken = conn
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .and_then(|()| conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0)));
    let in_use = || Error::conflict("error-restore-in-use", vec![("file", db_path.display().to_string())]);
    match taken {
        Ok(mode) if mode.eq_ignore_ascii_case("delete") => {
            if let Ok(w) = copy::into_folder(&conn, dir, now, BackupReason::BeforeRestore) {
                return Ok(Kept { path: w.path, damaged: false });
            }
        }
        Ok(_) => return Err(in_use()),
        Err(e) if matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)) => return Err(in_use()),
        // Not a database any more, or too damaged to switch: keep its bytes.
        Err(_) => {}
    }
    drop(conn);
    keep_bytes(db_path, dir, now)
}

/// Keeps a byte-for-byte copy of a damaged database (and of its -wal, which may hold the last
/// changes) as a "damaged" backup, for whoever may still get something out of it.
fn keep_bytes(db_path: &Path, dir: &Path, now: NaiveDateTime) -> Result<Kept> {
    let mut name = BackupName::new(now, BackupReason::Damaged);
    while dir.join(name.file_name()).exists() {
        name.n += 1;
    }
    let path = dir.join(name.file_name());
    let [wal, _, _] = companions(db_path);
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        let [kept_wal, _, _] = companions(&path);
        copy_bytes(&wal, &kept_wal)?;
    }
    copy_bytes(db_path, &path)?;
    Ok(Kept { path: path.display().to_string(), damaged: true })
}

/// Copies a file's bytes through a partial file, synced, then renamed.
fn copy_bytes(from: &Path, to: &Path) -> Result<()> {
    let partial = to.with_file_name(format!("{PARTIAL_PREFIX}{}", to.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
    let copied = (|| -> Result<()> {
        let mut out = create_private(&partial)?;
        std::io::copy(&mut std::fs::File::open(from)?, &mut out)?;
        drop(out);
        sync_file(&partial)
    })();
    if let Err(e) = copied {
        let _ = remove_if_there(&partial);
        return Err(e);
    }
    copy::finish(&partial, to)
}
