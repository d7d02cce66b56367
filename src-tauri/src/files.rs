//! Where printouts and exports go, and handing them to the system's viewer.
//!
//! PDFs and spreadsheets are written to a folder of their own (Documents\Huzhu on Windows,
//! ~/Documents/Huzhu elsewhere; the data folder's `exports` when there is no Documents folder)
//! and opened with the system's default program, from which the secretary prints. The UI never
//! gets file-system access: it asks a command to make a file and may ask to open only files in
//! this folder.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// The folder printouts are written to (created on first use).
pub fn output_dir(db_path: &Path) -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("Huzhu")))
        .unwrap_or_else(|| db_path.parent().map(|p| p.join("exports")).unwrap_or_else(|| PathBuf::from("exports")))
}

/// A file name Windows accepts: no `:` `/` `\` `*` `?` `"` `<` `>` `|`.
pub fn safe_name(name: &str) -> String {
    name.chars().map(|c| if matches!(c, ':' | '/' | '\\' | '*' | '?' | '"' | '<' | '>' | '|') { '-' } else { c }).collect()
}

/// The full path for a new printout named `name` (e.g. "收据-R2026-0003.pdf").
pub fn output_path(db_path: &Path, name: &str) -> std::io::Result<PathBuf> {
    let dir = output_dir(db_path);
    std::fs::create_dir_all(&dir)?;
    Ok(dir.join(safe_name(name)))
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

/// Writes `bytes` as `name` in the output folder and opens it.
#[allow(dead_code)] // used by the printing commands of each area
pub fn save_and_open(db_path: &Path, name: &str, bytes: &[u8]) -> std::io::Result<SavedFile> {
    let path = output_path(db_path, name)?;
    std::fs::write(&path, bytes)?;
    let opened = std::env::var_os("HUZHU_NO_OPEN").is_none() && open_in_viewer(db_path, &path).unwrap_or(false);
    Ok(SavedFile { path: path.display().to_string(), opened })
}
