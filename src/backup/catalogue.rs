//! What a folder of backups holds: each copy's date (from its name), size, people and whether
//! it is good, read without changing any of them.

use std::path::Path;

use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

use super::inspect::{self, Check, BackupContents, BackupProblem};
use super::name::{BackupName, BackupReason};

/// One copy in a folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CatalogueEntry {
    pub path: String,
    pub file_name: String,
    /// When it was made, from its name (local time).
    pub made: NaiveDateTime,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size: u64,
    /// Opens as a Huzhu database, passes SQLite's quick check and is not from a newer version.
    pub ok: bool,
    /// What is wrong when not ok.
    pub problem: Option<BackupProblem>,
    /// What it holds, when ok.
    pub contents: Option<BackupContents>,
}

/// The backups in `dir` (files with a backup's name), newest first; none when the folder does
/// not exist. Each is opened read-only and checked with quick_check: a full integrity check of
/// every copy would make the list slow, and a restore checks its file fully anyway.
pub fn list(dir: &Path) -> Result<Vec<CatalogueEntry>> {
    Ok(names(dir)?.into_iter().map(|(name, size)| entry(dir, name, size)).collect())
}

/// The newest good copy in `dir`, checked as `list` checks; None when there is none. For the
/// screen a damaged data file opens on.
pub fn newest_good(dir: &Path) -> Result<Option<CatalogueEntry>> {
    Ok(names(dir)?.into_iter().map(|(name, size)| entry(dir, name, size)).find(|e| e.ok))
}

/// The backups' names in `dir` with their sizes, newest first.
fn names(dir: &Path) -> Result<Vec<(BackupName, u64)>> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out = Vec::new();
    for entry in read {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().and_then(BackupName::parse) else { continue };
        let meta = entry.metadata()?;
        if meta.is_file() {
            out.push((name, meta.len()));
        }
    }
    out.sort_by_key(|(n, _)| std::cmp::Reverse((n.made, n.n, n.file_name())));
    Ok(out)
}

fn entry(dir: &Path, name: BackupName, size: u64) -> CatalogueEntry {
    let path = dir.join(name.file_name());
    let (contents, problem) = match inspect::look(&path, Check::Quick) {
        Ok(c) => (Some(c), None),
        Err(r) => (None, Some(r.problem)),
    };
    CatalogueEntry {
        path: path.display().to_string(),
        file_name: name.file_name(),
        made: name.made,
        reason: name.reason,
        size,
        ok: problem.is_none(),
        problem,
        contents,
    }
}
