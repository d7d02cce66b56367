//! The roster import as the app's screen uses it: the spreadsheets offered from a folder, and a
//! file named by its path read, previewed and imported (the shell's commands are one line each).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::apply::{import, RosterImported};
use super::plan::{plan, RosterPreview};
use crate::audit::Actor;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::input;
use crate::sheets::grid::MAX_FILE_BYTES;
use crate::time_bank::exchange_files::FoundFile;

/// What a roster may be saved as.
const EXTENSIONS: &[&str] = &["xls", "xlsx", "csv", "ods"];

/// The spreadsheets in `dir`, newest first (none when the folder does not exist yet).
pub fn files_in(dir: &Path) -> Vec<FoundFile> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<(std::time::SystemTime, FoundFile)> = rd
        .flatten()
        .filter(|e| {
            let p = e.path();
            p.is_file() && p.extension().and_then(|x| x.to_str()).is_some_and(|x| EXTENSIONS.iter().any(|w| x.eq_ignore_ascii_case(w)))
        })
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
            (modified, FoundFile { path: e.path().display().to_string(), name: e.file_name().to_string_lossy().to_string() })
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found.into_iter().map(|(_, f)| f).collect()
}

/// Reads the file a person named (field `file`): quotes pasted around a path are dropped and a
/// blank path is a localised error; the rest is `input::read_file`'s: only a regular file (a FIFO
/// or device is refused at once), its size checked before reading and the read capped at the
/// largest spreadsheet the reader takes.
pub fn read_file(path: &str) -> Result<Vec<u8>> {
    let typed = path.trim().trim_matches('"').trim();
    if typed.is_empty() {
        return Err(Error::invalid("file", "error-exchange-file-required"));
    }
    input::read_file(&PathBuf::from(typed), MAX_FILE_BYTES as u64)
}

/// The preview of the named file in the reader's language; writes nothing.
pub fn preview_file(conn: &Connection, path: &str, sheet: Option<&str>, l10n: &Localizer, today: NaiveDate) -> Result<RosterPreview> {
    Ok(plan(conn, &read_file(path)?, sheet, today)?.preview(l10n))
}

/// Imports the named file (`import`), refused if the file changed since the preview that showed
/// `digest`. The caller makes the backup first (`backup::before(path, BackupReason::BeforeImport,
/// now)`, outside the write transaction: it needs the database's path and the clock, which a
/// transaction does not carry).
pub fn import_file(tx: &Transaction, actor: &Actor, path: &str, sheet: Option<&str>, digest: &str, today: NaiveDate) -> Result<RosterImported> {
    let bytes = read_file(path)?;
    import(tx, actor, &bytes, sheet, Some(digest), today)
}
