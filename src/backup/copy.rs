//! One checked copy of a database: SQLite's online backup API copies it page by page into a
//! partial file in the target folder; the copy is opened and checked (integrity_check, a Huzhu
//! database, not from a newer version); it is synced to the disk and only then renamed to its
//! final name and the folder synced. A copy that fails a step is removed: a file with a backup's
//! name is always complete and sound, whenever the program was stopped.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

use super::files::{companions, create_private, remove_if_there, sync_dir, sync_file};
use super::inspect::{self, Check, BackupContents};
use super::name::{BackupName, BackupReason};

/// A backup written: where it is and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Written {
    pub path: String,
    pub file_name: String,
    pub made: chrono::NaiveDateTime,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size: u64,
    pub contents: BackupContents,
}

/// Opens the database to copy from, for this copy alone (so a backup can run on a thread of its
/// own beside the window's connection). It is opened read-write, but with `query_only` it can
/// change nothing: a read-only connection would leave a -wal and a -shm file beside a database
/// no program has open, where this one, closing last, removes them as the app does.
pub fn open_source(db_path: &Path) -> Result<Connection> {
    if !db_path.is_file() {
        return Err(Error::NotFound { id: "error-backup-no-database", args: vec![("file", db_path.display().to_string())] });
    }
    let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

/// Copies `src` into a new backup in `dir` named for `made` and `reason`. The caller holds the
/// folder's lock (`files::FolderLock`).
pub fn into_folder(src: &Connection, dir: &Path, made: chrono::NaiveDateTime, reason: BackupReason) -> Result<Written> {
    let mut name = BackupName::new(made, reason);
    while dir.join(name.file_name()).exists() || dir.join(name.partial_name()).exists() {
        name.n += 1;
    }
    let partial = dir.join(name.partial_name());
    let contents = to_partial(src, &partial).map_err(|e| match e {
        Refused(r) => Error::conflict("error-backup-copy-failed", vec![("detail", r.detail)]),
        Failed(e) => e,
    })?;
    let path = dir.join(name.file_name());
    finish(&partial, &path)?;
    let size = std::fs::metadata(&path)?.len();
    Ok(Written { path: path.display().to_string(), file_name: name.file_name(), made: name.made, reason, size, contents })
}

/// Why a copy was not made: the copy was made but failed its check (the source is damaged, or
/// the disk is), or a step failed.
pub enum CopyError {
    Refused(inspect::Refusal),
    Failed(Error),
}
use CopyError::{Failed, Refused};

impl From<Error> for CopyError {
    fn from(e: Error) -> CopyError {
        Failed(e)
    }
}

/// Copies `src` into the new file `partial` and checks the copy; returns what it holds. On any
/// failure the partial file is removed.
pub fn to_partial(src: &Connection, partial: &Path) -> Result<BackupContents, CopyError> {
    let made = copy_pages(src, partial).map_err(Failed).and_then(|()| inspect::look(partial, Check::Full).map_err(Refused));
    match made {
        Ok(contents) => {
            sync_file(partial)?;
            Ok(contents)
        }
        Err(e) => {
            remove_partial(partial);
            Err(e)
        }
    }
}

/// Removes a partial file and whatever SQLite left beside it. Best effort: it runs after
/// another failure, which is the one to report; what stays is removed by the next backup.
pub fn remove_partial(partial: &Path) {
    let _ = remove_if_there(partial);
    for c in companions(partial) {
        let _ = remove_if_there(&c);
    }
}

/// How long to retry a copy that finds the source busy (SQLite waits its own busy timeout
/// within each try as well).
const BUSY_FOR: Duration = Duration::from_secs(10);

fn copy_pages(src: &Connection, partial: &Path) -> Result<()> {
    drop(create_private(partial)?);
    let mut dest = Connection::open_with_flags(partial, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    // The partial file is worth nothing until it is checked, so no journal and no syncing while
    // it is written (it is synced once, at the end). Exclusive locking keeps the write-ahead
    // log's index in memory in the step below, so no -shm file is made.
    dest.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    dest.pragma_update(None, "journal_mode", "OFF")?;
    dest.pragma_update(None, "synchronous", "OFF")?;
    {
        let backup = Backup::new(src, &mut dest)?;
        let started = Instant::now();
        // All pages in one step: the source is in WAL mode, where a reader blocks no writer, so
        // copying in one read transaction holds up nobody; copying in several steps would start
        // over each time the app wrote between two of them.
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ if started.elapsed() < BUSY_FOR => std::thread::sleep(Duration::from_millis(50)),
                _ => return Err(Error::conflict("error-backup-busy", vec![])),
            }
        }
    }
    // The copy's header still says WAL, as the source's does. A file in WAL mode cannot be
    // opened read-only without SQLite creating files beside it, so backups are kept in the
    // rollback mode; `db::open` switches a restored file back to WAL.
    let mode: String = dest.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(Error::conflict("error-backup-copy-failed", vec![("detail", format!("journal_mode {mode}"))]));
    }
    drop(dest);
    Ok(())
}

/// Gives a checked, synced partial file its final name, durably.
pub fn finish(partial: &Path, path: &Path) -> Result<()> {
    std::fs::rename(partial, path)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}
