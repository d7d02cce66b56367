//! Commands for spreadsheets: every list's export (XLSX or CSV, written to the output folder and
//! opened), and the roster import of the register area (the files offered, the preview, the
//! import).

use huzhu::backup::{self, BackupReason};
use huzhu::exports::{self, ExportRequest, Exported};
use huzhu::roster::{self, RosterImported, RosterPreview};
use huzhu::time_bank::exchange_files::FoundFile;
use tauri_plugin_dialog::DialogExt;

use crate::files::{self, SavedFile};
use crate::state::{CmdResult, Shell};

pub fn export_list(state: &Shell, request: ExportRequest) -> CmdResult<SavedFile> {
    let l10n = state.l10n();
    let file = state.read(|conn| exports::export(conn, &request, &l10n, huzhu::today()).map(Exported::printout))?;
    state.write(|tx, actor| exports::record(tx, actor, &request))?;
    state.save(&file)
}

/// The spreadsheets in the output folder (Documents/Huzhu), newest first, offered for import.
pub fn roster_files(state: &Shell) -> CmdResult<Vec<FoundFile>> {
    Ok(roster::files_in(&files::output_dir(&state.path)))
}

/// 选择文件: the system's file dialog, opened in the output folder and showing spreadsheets; the
/// path picked goes to the preview like a typed one. None when the dialog was closed.
pub fn roster_pick(state: &Shell) -> CmdResult<Option<String>> {
    let l10n = state.l10n();
    let picked = state
        .app
        .dialog()
        .file()
        .set_title(l10n.t("app-dialog-roster-file"))
        .set_directory(files::output_dir(&state.path))
        .add_filter(l10n.t("app-dialog-roster-filter"), &["xlsx", "xls", "csv"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok());
    Ok(picked.map(|p| p.to_string_lossy().into_owned()))
}

pub fn roster_preview(state: &Shell, path: String, sheet: Option<String>) -> CmdResult<RosterPreview> {
    state.read(|conn| roster::preview_file(conn, &path, sheet.as_deref(), &state.l10n(), huzhu::today()))
}

/// Imports the rows the preview showed (`digest` is the preview's: a file changed since is
/// refused), after a checked backup of the database: no backup, no import.
pub fn roster_import(state: &Shell, path: String, sheet: Option<String>, digest: String) -> CmdResult<RosterImported> {
    backup::before(&state.path, BackupReason::BeforeImport, huzhu::now()).map_err(|e| state.report(&e))?;
    state.write(|tx, actor| roster::import_file(tx, actor, &path, sheet.as_deref(), &digest, huzhu::today()))
}
