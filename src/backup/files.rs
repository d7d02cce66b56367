//! The file-system steps of a backup or a restore, written once: a lock per folder, removing
//! what a killed backup left, files readable by their owner only, syncing a file and its folder,
//! and the checks on a file someone picked.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use super::name::PARTIAL_PREFIX;

/// The folder of automatic backups: `backups/` beside the database file (so with `--db` they
/// are made beside that file).
pub fn folder(db_path: &Path) -> PathBuf {
    let parent = db_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join("backups")
}

/// `folder`, made if missing (readable by its owner only, as the database is).
pub fn ensure_folder(db_path: &Path) -> Result<PathBuf> {
    let dir = folder(db_path);
    if !dir.is_dir() {
        std::fs::create_dir_all(&dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(dir)
}

/// The lock file in every folder backups are written to. It stays (empty): removing a lock file
/// other programs may be waiting on would let two of them hold "the" lock at once.
pub const LOCK_NAME: &str = ".huzhu-backup.lock";

/// Held while a backup or a restore writes into a folder: a second program (the app and the
/// command line, two windows) waits its turn instead of writing beside it. Released when
/// dropped, and by the system when the program dies, even by `kill -9`; so a partial file found
/// while holding the lock belongs to nobody and is removed.
pub struct FolderLock {
    _file: File,
}

impl FolderLock {
    pub fn take(dir: &Path) -> Result<FolderLock> {
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(LOCK_NAME))?;
        match file.lock() {
            Ok(()) => {}
            // Some network or removable file systems do not lock; a backup there is still made.
            Err(e) if e.kind() == ErrorKind::Unsupported => {}
            Err(e) => return Err(e.into()),
        }
        remove_partials(dir)?;
        Ok(FolderLock { _file: file })
    }
}

/// Removes what killed backups and restores left in `dir` (their partial files and the SQLite
/// journals beside them). Call only while holding the folder's lock.
fn remove_partials(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let stale = entry.file_name().to_str().is_some_and(|n| n.starts_with(PARTIAL_PREFIX));
        if stale && entry.file_type()?.is_file() {
            remove_if_there(&entry.path())?;
        }
    }
    Ok(())
}

pub fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// The files SQLite may keep beside a database: its write-ahead log, the log's index and a
/// rollback journal.
pub fn companions(db: &Path) -> [PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|s| {
        let mut p = db.as_os_str().to_owned();
        p.push(s);
        PathBuf::from(p)
    })
}

/// Creates a new, empty file that only its owner can read (0600 on unix; on Windows the data
/// folder under the user's profile is private already, and a USB stick's FAT has no owners).
pub fn create_private(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    Ok(options.open(path)?)
}

/// Makes a file's contents durable (written to the disk, not only to the system's cache).
pub fn sync_file(path: &Path) -> Result<()> {
    // Windows flushes only through a handle opened for writing.
    OpenOptions::new().write(true).open(path)?.sync_all()?;
    Ok(())
}

/// Makes a rename or a removal in `dir` durable. Windows has no handle to sync a folder with:
/// NTFS journals its folders itself.
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The size of a file someone picked, after checking that it is a plain file: a folder, a
/// device or a named pipe is refused at once (opening a pipe would wait for ever for a writer).
pub fn picked_file(path: &Path) -> Result<u64> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(Error::NotFound { id: "error-backup-file-missing", args: vec![("file", shown)] }),
        Err(e) => return Err(e.into()),
    };
    if !meta.is_file() {
        return Err(Error::invalid_with("file", "error-backup-not-a-file", vec![("file", shown)]));
    }
    Ok(meta.len())
}

/// The folder a backup is made in: it must exist (a USB stick that is not plugged in is not
/// made into a new folder on the laptop).
pub fn existing_folder(dir: &Path) -> Result<()> {
    if std::fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
        Ok(())
    } else {
        Err(Error::NotFound { id: "error-backup-folder-missing", args: vec![("folder", dir.display().to_string())] })
    }
}

/// An SQLite URI that opens `path` read-only and "immutable": SQLite then takes no locks and
/// creates nothing beside the file. (A plain read-only open of a file in WAL mode creates and
/// leaves a -wal and a -shm file beside it, which changes the folder it was picked from.)
/// Immutable also means a -wal file beside it is not read; `inspect::open` refuses such a file.
pub fn read_only_uri(path: &Path) -> Result<String> {
    let abs = std::path::absolute(path)?;
    let Some(text) = abs.to_str() else {
        return Err(Error::invalid_with("file", "error-backup-path-unusable", vec![("file", abs.display().to_string())]));
    };
    // Windows paths (C:\Users\…) become /C:/Users/…, as SQLite's URIs write them.
    let mut slashed = text.replace('\\', "/");
    if !slashed.starts_with('/') {
        slashed.insert(0, '/');
    }
    let mut uri = String::from("file://");
    for b in slashed.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_escapes_what_would_end_the_path() {
        let uri = read_only_uri(Path::new("/tmp/a b/村?#%.sqlite3")).unwrap();
        assert_eq!(uri, "file:///tmp/a%20b/%E6%9D%91%3F%23%25.sqlite3?mode=ro&immutable=1");
    }

    #[test]
    fn partial_files_are_removed_when_the_lock_is_taken_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        for n in [".huzhu-partial-huzhu-2026-11-29-083000.sqlite3", ".huzhu-partial-huzhu-2026-11-29-083000.sqlite3-journal", "huzhu-2026-11-29-083000.sqlite3", "notes.txt"] {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        let _lock = FolderLock::take(dir.path()).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, [LOCK_NAME, "huzhu-2026-11-29-083000.sqlite3", "notes.txt"], "only partial files are removed");
    }
}
