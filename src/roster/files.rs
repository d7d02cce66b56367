//! The roster import as the app's screen uses it: the spreadsheets offered from a folder, and a
//! file named by its path read, previewed and imported (the shell's commands are one line each).

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::apply::{import, RosterImported};
use super::plan::{plan, RosterPreview};
use crate::audit::Actor;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::input;
use crate::sheets::grid::MAX_FILE_BYTES;
use crate::input::FoundFile;

/// What a roster may be saved as.
const EXTENSIONS: &[&str] = &["xls", "xlsx", "csv", "ods"];

/// The spreadsheets in `dir`, newest first (none when the folder does not exist yet).
pub fn files_in(dir: &Path) -> Vec<FoundFile> {
    input::files_in(dir, EXTENSIONS)
}

/// Reads the roster a person named (field `file`; `input::read_named`), capped at the largest
/// spreadsheet the reader takes.
pub fn read_file(path: &str) -> Result<Vec<u8>> {
    input::read_named(path, MAX_FILE_BYTES as u64)
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
