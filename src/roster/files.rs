//! The roster import as the app's screen uses it: the spreadsheets offered from a folder, and a
//! file named by its path read, previewed and imported (the shell's commands are one line each).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::apply::{backup_before_import, import, RosterImported};
use super::plan::{plan, RosterPreview};
use crate::audit::Actor;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
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

/// Reads the file a person named (field `file`): quotes pasted around a path are dropped; a blank
/// path, a file that cannot be read or one far larger than any roster is a localised error.
pub fn read_file(path: &str) -> Result<Vec<u8>> {
    let typed = path.trim().trim_matches('"').trim();
    if typed.is_empty() {
        return Err(Error::invalid("file", "error-exchange-file-required"));
    }
    let p = PathBuf::from(typed);
    let unreadable = || Error::invalid_with("file", "error-exchange-file-unreadable", vec![("path", p.display().to_string())]);
    let len = std::fs::metadata(&p).map_err(|_| unreadable())?.len();
    if len > MAX_FILE_BYTES as u64 {
        return Err(Error::invalid("file", "error-sheet-too-large"));
    }
    std::fs::read(&p).map_err(|_| unreadable())
}

/// The preview of the named file in the reader's language; writes nothing.
pub fn preview_file(conn: &Connection, path: &str, sheet: Option<&str>, l10n: &Localizer, today: NaiveDate) -> Result<RosterPreview> {
    Ok(plan(conn, &read_file(path)?, sheet, today)?.preview(l10n))
}

/// Imports the named file (`import`) after the backup made before every import, refused if
/// the file changed since the preview that showed `digest`.
pub fn import_file(tx: &Transaction, actor: &Actor, path: &str, sheet: Option<&str>, digest: &str, today: NaiveDate) -> Result<RosterImported> {
    let bytes = read_file(path)?;
    backup_before_import(tx)?;
    import(tx, actor, &bytes, sheet, Some(digest), today)
}
