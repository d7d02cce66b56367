//! Reading a file a person points the app at (an exchange file, later a spreadsheet) safely:
//! only a regular file is read — a FIFO, a device or a folder is refused at once instead of
//! hanging or reading for ever — its size is checked before reading, and the read itself is
//! capped, so a file that grows while it is read is refused too.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

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
