//! Where printouts and exports go, and handing them to the system's viewer.
//!
//! PDFs and spreadsheets are written to a folder of their own (Documents\Huzhu on Windows,
//! ~/Documents/Huzhu elsewhere; the data folder's `exports` when there is no Documents folder)
//! and opened with the system's default program, from which the secretary prints. The core
//! makes each file and names it (`Printout`); only the folder is the shell's choice. The UI
//! never gets file-system access: it asks a command to make a file and may ask to open only
//! files in this folder.

use std::path::{Path, PathBuf};

use huzhu::kernel::Printout;
use serde::Serialize;

/// The folder printouts are written to (created on first use).
pub fn output_dir(db_path: &Path) -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("Huzhu")))
        .unwrap_or_else(|| db_path.parent().map(|p| p.join("exports")).unwrap_or_else(|| PathBuf::from("exports")))
}

/// What a command that made a file returns to the UI.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SavedFile {
    pub path: String,
    /// false when no viewer could be started (the UI then shows the path to open by hand)
    pub opened: bool,
}

/// Opens a file the app wrote, with the system's default program. Anything outside the
/// output folder is refused.
pub fn open_in_viewer(db_path: &Path, path: &Path) -> bool {
    let dir = output_dir(db_path);
    let inside = match (dir.canonicalize(), path.canonicalize()) {
        (Ok(d), Ok(p)) => p.starts_with(d),
        _ => false,
    };
    inside && opener::open(path).is_ok()
}

/// Writes a printout under its own name in the output folder and opens it.
pub fn save_and_open(db_path: &Path, printout: &Printout) -> std::io::Result<SavedFile> {
    let dir = output_dir(db_path);
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(&printout.name);
    std::fs::write(&path, &printout.bytes)?;
    let opened = std::env::var_os("HUZHU_NO_OPEN").is_none() && open_in_viewer(db_path, &path);
    Ok(SavedFile { path: path.display().to_string(), opened })
}
