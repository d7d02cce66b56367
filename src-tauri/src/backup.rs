//! Commands of 设置 / 备份与恢复 and the first screen's backup line: the backup status, a copy
//! now, a copy to a USB stick, the list of copies, and restore (preview, then apply).
//!
//! The core's `backup` module works on the database's path and opens its own connections, so
//! these commands call it with `state.path` rather than through `state.read`/`state.write`.
//! The system's folder and file dialogs are opened here, from Rust: the UI never sends a path
//! (a copy in backups/ is named by its file name, a file picked with the dialog is remembered
//! here as "the picked file").

use std::path::{Path, PathBuf};

use huzhu::backup::{self, BackupName, BackupStatus, CatalogueEntry, BackupReason, RestorePreview, Restored, Written};
use huzhu::Error;
use serde::{Deserialize, Serialize};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::state::{CmdResult, Shell};

/// Which file a restore is about.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RestoreSource {
    /// A copy in the data folder's backups/, by the file name the list shows.
    Backup { file_name: String },
    /// The file last picked with `restore_pick`.
    Picked,
}

/// Runs a core backup function on the database's path, with the time now (local: backup names
/// and the status line are read by people).
fn on_path<T>(state: &Shell, f: impl FnOnce(&Path, chrono::NaiveDateTime) -> huzhu::Result<T>) -> CmdResult<T> {
    f(&state.path, huzhu::now()).map_err(|e| state.report(&e))
}

pub fn backup_status(state: &Shell) -> CmdResult<BackupStatus> {
    on_path(state, backup::status)
}

pub fn backup_now(state: &Shell) -> CmdResult<Written> {
    on_path(state, |path, now| backup::before(path, BackupReason::Copy, now))
}

pub fn backup_list(state: &Shell) -> CmdResult<Vec<CatalogueEntry>> {
    on_path(state, |path, _| backup::catalogue(&backup::folder(path)))
}

/// The newest good copy in backups/, for the damaged-database screen; None when there is none.
pub fn backup_newest_good(state: &Shell) -> CmdResult<Option<CatalogueEntry>> {
    on_path(state, |path, _| backup::newest_good(&backup::folder(path)))
}

/// 备份到U盘: the system's folder dialog, then a checked copy into the chosen folder. None when
/// the secretary closed the dialog without choosing.
pub fn backup_to_usb(state: &Shell) -> CmdResult<Option<Written>> {
    let l10n = state.l10n();
    let mut dialog = state.app.dialog().file().set_title(l10n.t("app-dialog-backup-folder"));
    // The folder used last time is offered again (the stick usually has the same letter).
    if let Ok(BackupStatus { usb_folder: Some(last), .. }) = backup::status(&state.path, huzhu::now()) {
        if Path::new(&last).is_dir() {
            dialog = dialog.set_directory(last);
        }
    }
    let Some(dir) = dialog.blocking_pick_folder().and_then(|p| p.into_path().ok()) else { return Ok(None) };
    on_path(state, |path, now| backup::to_folder(path, &dir, now)).map(Some)
}

/// 从文件恢复: the system's file dialog; the picked file is remembered for `restore_apply` and
/// its preview returned. None when the dialog was closed without choosing.
pub fn restore_pick(state: &Shell) -> CmdResult<Option<RestorePreview>> {
    let l10n = state.l10n();
    let Some(file) = state
        .app
        .dialog()
        .file()
        .set_title(l10n.t("app-dialog-restore-file"))
        .add_filter(l10n.t("app-dialog-restore-filter"), &["sqlite3", "sqlite", "db"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let preview = backup::restore::preview(&file).map_err(|e| state.report(&e))?;
    *state.picked.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
    Ok(Some(preview))
}

/// What the file holds; changes nothing.
pub fn restore_preview(state: &Shell, source: RestoreSource) -> CmdResult<RestorePreview> {
    let file = source_path(state, &source)?;
    backup::restore::preview(&file).map_err(|e| state.report(&e))
}

/// Puts the file in place of the database. The window's connection is closed first (the core
/// refuses a database that is open), and opened again afterwards whatever happened: after a
/// refusal the old file is still in place; after a restore the new one is opened (and brought
/// up to date by the migrations). The UI then reloads every screen.
pub fn restore_apply(state: &Shell, source: RestoreSource) -> CmdResult<Restored> {
    // Replacing every record is the chair's (once users exist). Without a sound open file (lost
    // or damaged) nobody can be asked, and the restore is the way back.
    let open_and_sound = state.db.lock().unwrap_or_else(|p| p.into_inner()).is_ok() && state.damage.lock().unwrap_or_else(|p| p.into_inner()).is_none();
    if open_and_sound {
        state.read_as(|conn, actor| huzhu::audit::permissions::check(conn, actor, "restore", "backup"))?;
    }
    let file = source_path(state, &source)?;
    let mut db = state.db.lock().unwrap_or_else(|p| p.into_inner());
    // The lock is held until the new connection is in place, so no command sees this.
    drop(std::mem::replace(&mut *db, Err(Error::conflict("error-restore-in-use", vec![("file", state.path.display().to_string())]))));
    let restored = backup::restore::apply(&state.path, &file, huzhu::now());
    let (opened, damage) = crate::state::open_db(&state.path);
    *db = opened;
    *state.damage.lock().unwrap_or_else(|p| p.into_inner()) = damage;
    // The search index belongs to the old connection's data.
    *state.index.lock().unwrap_or_else(|p| p.into_inner()) = huzhu::members::RegisterIndex::new();
    drop(db);
    restored.map_err(|e| state.report(&e))
}

/// The path a restore source names: a file name from the list, resolved inside backups/ (a name
/// with a folder in it is not one from the list), or the picked file.
fn source_path(state: &Shell, source: &RestoreSource) -> CmdResult<PathBuf> {
    let missing = |what: String| state.report(&Error::NotFound { id: "error-backup-file-missing", args: vec![("file", what)] });
    match source {
        RestoreSource::Backup { file_name } => {
            let is_backup_name = BackupName::parse(file_name).is_some_and(|n| n.file_name() == *file_name);
            if !is_backup_name {
                return Err(missing(file_name.clone()));
            }
            Ok(backup::folder(&state.path).join(file_name))
        }
        RestoreSource::Picked => {
            state.picked.lock().unwrap_or_else(|p| p.into_inner()).clone().ok_or_else(|| missing(String::new()))
        }
    }
}
