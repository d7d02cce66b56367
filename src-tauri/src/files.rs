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

/// Opens a file the app wrote, with the system's default program: only what the core's
/// `viewer::may_open` allows (a PDF, XLSX or CSV inside the output folder). Ok(false) when no
/// viewer could be started.
pub fn open_in_viewer(db_path: &Path, path: &Path) -> huzhu::Result<bool> {
    let file = huzhu::viewer::may_open(&output_dir(db_path), path)?;
    Ok(opener::open(file).is_ok())
}

/// Writes a printout under its own name in the output folder — as "name-2.pdf"… when that name
/// is taken: a printout never replaces another — and opens it.
pub fn save_and_open(db_path: &Path, printout: &Printout) -> std::io::Result<SavedFile> {
    let dir = output_dir(db_path);
    std::fs::create_dir_all(&dir)?;
    let guard = huzhu::output::Guard::new(db_path);
    // A name taken between choosing it and writing (a second window printing the same thing)
    // is refused by `write`, never replaced: choose again.
    let mut attempt = 0;
    let path = loop {
        let path = huzhu::output::unique_name(&dir, &printout.name);
        match huzhu::output::write(&path, &printout.bytes, huzhu::output::Overwrite::No, &guard) {
            Ok(()) => break path,
            Err(e) if e.message_id() == "error-output-exists" && attempt < 5 => attempt += 1,
            Err(huzhu::Error::Io(io)) => return Err(io),
            // Only a file system error can happen in the output folder; keep any other as text.
            Err(other) => return Err(std::io::Error::other(other.to_string())),
        }
    };
    let opened = std::env::var_os("HUZHU_NO_OPEN").is_none() && open_in_viewer(db_path, &path).unwrap_or(false);
    Ok(SavedFile { path: path.display().to_string(), opened })
}
