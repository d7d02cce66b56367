//! Files a person points the app at (an exchange file, a roster): the ones offered from a folder,
//! and reading one safely:
//! only a regular file is read — a FIFO, a device or a folder is refused at once instead of
//! hanging or reading for ever — its size is checked before reading, and the read itself is
//! capped, so a file that grows while it is read is refused too.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// A file found in a folder, offered for import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FoundFile {
    pub path: String,
    pub name: String,
}

/// The files in `dir` whose extension is one of `extensions` (any case), newest first; none when
/// the folder does not exist yet. Hidden names are left out: they are this app's own
/// half-written or set-aside files.
pub fn files_in(dir: &Path, extensions: &[&str]) -> Vec<FoundFile> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<(std::time::SystemTime, FoundFile)> = rd
        .flatten()
        .filter(|e| {
            let p = e.path();
            !e.file_name().to_string_lossy().starts_with('.')
                && p.is_file()
                && p.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.iter().any(|w| x.eq_ignore_ascii_case(w)))
        })
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
            (modified, FoundFile { path: e.path().display().to_string(), name: e.file_name().to_string_lossy().to_string() })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, f)| f).collect()
}

/// Reads the file a person named (field `file`), as typed or pasted: quotes around the path are
/// dropped and a blank path is a localised error; the rest is `read_file`'s.
pub fn read_named(path: &str, max_bytes: u64) -> Result<Vec<u8>> {
    let typed = path.trim().trim_matches('"').trim();
    if typed.is_empty() {
        return Err(Error::invalid("file", "error-exchange-file-required"));
    }
    read_file(&PathBuf::from(typed), max_bytes)
}

/// The bytes of the regular file at `path`, at most `max_bytes` of them.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let shown = || path.display().to_string();
    let unreadable = || Error::invalid_with("file", "error-input-unreadable", vec![("path", shown())]);
    let not_a_file = || Error::invalid_with("file", "error-input-not-a-file", vec![("path", shown())]);
    let too_large = || {
        Error::invalid_with("file", "error-input-too-large", vec![("path", shown()), ("max", (max_bytes / 1024).max(1).to_string())])
    };
    // Looked at before opening: opening a FIFO for reading waits for a writer.
    let meta = std::fs::metadata(path).map_err(|_| unreadable())?;
    if !meta.is_file() {
        return Err(not_a_file());
    }
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // If the path was swapped for a FIFO since the look above, opening it still returns at
        // once; the look at the open file below then refuses it. (No effect on a regular file.)
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|_| unreadable())?;
    let meta = file.metadata().map_err(|_| unreadable())?;
    if !meta.is_file() {
        return Err(not_a_file());
    }
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(|_| unreadable())?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}
