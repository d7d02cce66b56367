//! Commands for spreadsheets: every list's export (XLSX or CSV, written to the output folder and
//! opened), and the roster import of the register area (the files offered, the preview, the
//! import).

use huzhu::exports::{self, ExportRequest};
use huzhu::roster::{self, RosterImported, RosterPreview};

use crate::files::{self, FoundFile, SavedFile};
use crate::money::save;
use crate::state::{CmdResult, Shell};

pub fn export_list(state: &Shell, request: ExportRequest) -> CmdResult<SavedFile> {
    let l = state.l10n();
    let file = state.read(|conn| exports::export(conn, &request, &l, huzhu::today()))?;
    save(state, &file.name, &file.bytes)
}

/// The spreadsheets in the output folder (Documents/Huzhu), newest first, offered for import.
pub fn roster_files(state: &Shell) -> CmdResult<Vec<FoundFile>> {
    Ok(files::found(&state.path, &["xls", "xlsx", "csv", "ods"]))
}

pub fn roster_preview(state: &Shell, path: String, sheet: Option<String>) -> CmdResult<RosterPreview> {
    let bytes = files::read_chosen(&path).map_err(|e| state.report(&e))?;
    let l = state.l10n();
    state.read(|conn| roster::plan(conn, &bytes, sheet.as_deref(), huzhu::today()).map(|p| p.preview(&l)))
}

/// Imports the rows the preview showed (`digest` is the preview's: a file changed since is
/// refused), after the backup made before every import.
pub fn roster_import(state: &Shell, path: String, sheet: Option<String>, digest: String) -> CmdResult<RosterImported> {
    let bytes = files::read_chosen(&path).map_err(|e| state.report(&e))?;
    state.read(roster::backup_before_import)?;
    state.write(|tx, actor| roster::import(tx, actor, &bytes, sheet.as_deref(), Some(&digest), huzhu::today()))
}
