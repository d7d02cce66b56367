//! Exchange files on disk (通存通兑): writing an export where the secretary will find it, the
//! files offered for import, and reading the one she names. The rules of the file itself (its
//! format, signature, what importing it does) are in `exchange`; here is only what both front
//! ends would otherwise each do with the file system.
//!
//! An export is the one write of the app that must land in two places at once: the ledger entry
//! that empties the account and the file that carries the hours. So it is written here, between
//! the entry and the commit: if the file cannot be written, nothing is recorded; if the commit
//! fails after the file was written, the file is removed again. Either way the hours are never
//! in two places.
//!
//! The file goes through `output::write` (never over the database, its -wal/-shm or a backup;
//! an existing file only when the user said so), and a file to import is read once with
//! `input::read_file` (a regular file, size checked first, read with a cap): the preview gives
//! its SHA-256 and the import is refused if the bytes it reads then differ.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::exchange::{self, ImportPreview, Imported, MAX_FILE_BYTES};
use super::hours::Hours;
use crate::audit::Actor;
use crate::db;
use crate::error::{Error, Result};
use crate::input;
pub use crate::input::FoundFile;
use crate::kernel::printout::safe_name;
use crate::members::MemberNo;
use crate::output::{self, Guard, Overwrite};

/// Where an export goes: the file the user named (CLI `--out`, replaced only with
/// `Overwrite::Force`), or a folder in which the core names it (the app's output folder; a name
/// already taken gets "-2"…, nothing is replaced).
#[derive(Debug, Clone, Copy)]
pub enum ExportTarget<'a> {
    File(&'a Path, Overwrite),
    Folder(&'a Path),
}

/// What an export wrote: the file to hand over and the hours that left this association.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportDone {
    pub path: String,
    pub name: String,
    pub hours: Hours,
    pub file_id: String,
}

/// Exports a person's whole balance (see `exchange::export`), addressed to the receiving
/// association's fingerprint `receiver` (as typed), to a signed file and commits, in one
/// transaction of its own on `conn` (begun IMMEDIATE, `db::begin`). The file is named
/// `<name>-<date>-<first six of the file id>.huzhu-time.json` when the target is a folder.
/// `guard` is the database's (`Guard::new(db path)`): the file never lands on it.
pub fn export_file(
    conn: &mut Connection,
    actor: &Actor,
    no: MemberNo,
    receiver: &str,
    target: ExportTarget,
    guard: &Guard,
    today: NaiveDate,
) -> Result<ExportDone> {
    let tx = db::begin(conn)?;
    let e = exchange::export(&tx, actor, no, receiver, today)?;
    // Dropping `tx` on an error rolls the entry back: no file, no entry.
    let mut replaced = None;
    let path = match target {
        ExportTarget::File(p, overwrite) => {
            // A file being replaced (--force) is set aside, not overwritten, until the export is
            // committed: if the commit fails it comes back, so a failed export loses nothing.
            guard.check(p)?;
            if overwrite == Overwrite::Force && std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file()) {
                replaced = Some(set_aside(p)?);
            }
            if let Err(err) = output::write(p, &e.bytes, overwrite, guard) {
                put_back(replaced.as_deref(), p);
                return Err(err);
            }
            p.to_path_buf()
        }
        ExportTarget::Folder(dir) => {
            std::fs::create_dir_all(dir)?;
            let short = e.file_id.get(..6).unwrap_or(&e.file_id);
            let path = output::unique_name(dir, &safe_name(&format!("{}-{today}-{short}.huzhu-time.json", e.name)));
            output::write(&path, &e.bytes, Overwrite::No, guard)?;
            path
        }
    };
    commit_or_remove(tx, &path, replaced.as_deref())?;
    Ok(ExportDone { path: path.display().to_string(), name: e.name, hours: e.hours, file_id: e.file_id })
}

/// Commits; if that fails, removes the file just written, so the hours stay only in the ledger,
/// and puts back the file it replaced. Once committed, the replaced file is removed.
fn commit_or_remove(tx: Transaction, path: &Path, replaced: Option<&Path>) -> Result<()> {
    match tx.commit() {
        Ok(()) => {
            if let Some(old) = replaced {
                let _ = std::fs::remove_file(old);
            }
            Ok(())
        }
        Err(e) => {
            // The commit's error is what the secretary needs to read; a file that will not go
            // away either is found by the next import, which refuses it as unknown to this ledger.
            let _ = std::fs::remove_file(path);
            put_back(replaced, path);
            Err(Error::from(e))
        }
    }
}

/// Renames `path` to a hidden name beside it (same folder, so the rename is atomic).
fn set_aside(path: &Path) -> Result<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let aside = output::unique_name(&dir, &format!(".huzhu-replaced-{name}"));
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

fn put_back(replaced: Option<&Path>, path: &Path) {
    if let Some(old) = replaced {
        let _ = std::fs::rename(old, path);
    }
}

/// The .json / .hzt files in `dir`, newest first (none when the folder does not exist yet).
pub fn files_in(dir: &Path) -> Vec<FoundFile> {
    input::files_in(dir, &["json", "hzt"])
}

/// Reads the exchange file a person named (field `file`; `input::read_named`), capped at the
/// largest exchange file.
pub fn read_file(path: &str) -> Result<Vec<u8>> {
    input::read_named(path, MAX_FILE_BYTES as u64)
}

/// What importing the named file would meet here (`exchange::preview`); writes nothing.
pub fn preview_file(conn: &Connection, path: &str, today: NaiveDate) -> Result<ImportPreview> {
    exchange::preview(conn, &read_file(path)?, today)
}

/// Imports the named file (`exchange::import`) if its bytes still have the SHA-256 the
/// preview showed (`ImportPreview.file.sha256`).
pub fn import_file(
    tx: &Transaction,
    actor: &Actor,
    path: &str,
    expected_sha256: &str,
    accept_key: bool,
    today: NaiveDate,
) -> Result<Imported> {
    exchange::import(tx, actor, &read_file(path)?, expected_sha256, accept_key, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A transaction whose commit SQLite refuses: a deferred foreign key left broken.
    fn doomed(conn: &mut Connection) -> Transaction<'_> {
        conn.execute_batch("PRAGMA foreign_keys = ON; CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id));").unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch("PRAGMA defer_foreign_keys = ON; INSERT INTO c VALUES (7);").unwrap();
        tx
    }

    #[test]
    fn a_file_whose_commit_fails_is_removed_and_one_committed_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.huzhu-time.json");
        let mut conn = Connection::open_in_memory().unwrap();
        std::fs::write(&path, b"{}").unwrap();
        assert!(commit_or_remove(doomed(&mut conn), &path, None).is_err(), "the broken transaction does not commit");
        assert!(!path.exists(), "the file of an export that was not recorded is removed, so the hours are not in two places");

        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        std::fs::write(&path, b"{}").unwrap();
        commit_or_remove(tx, &path, None).unwrap();
        assert!(path.exists(), "the file of a committed export stays");
    }

    #[test]
    fn a_file_replaced_by_an_export_comes_back_when_the_commit_fails_and_goes_when_it_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.huzhu-time.json");
        let names = || std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect::<Vec<_>>();

        std::fs::write(&path, b"the earlier export").unwrap();
        let aside = set_aside(&path).unwrap();
        std::fs::write(&path, b"the new export").unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        assert!(commit_or_remove(doomed(&mut conn), &path, Some(&aside)).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"the earlier export", "a failed export puts back the file it was to replace");
        assert_eq!(names(), ["export.huzhu-time.json"], "and leaves nothing else behind");

        let aside = set_aside(&path).unwrap();
        std::fs::write(&path, b"the new export").unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        commit_or_remove(conn.transaction().unwrap(), &path, Some(&aside)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"the new export", "a committed export replaces the file");
        assert_eq!(names(), ["export.huzhu-time.json"], "the replaced file is removed once the export is committed");
    }
}
