//! Writing the files the app makes (printouts, exports, exchange files) without losing anything.
//!
//! Every `--out` of the CLI and every printout of the app goes through [`write`]:
//!
//! * it never writes over the database, its `-wal`/`-shm`/`-journal`, or anything in the data
//!   folder's `backups/` — not even with [`Overwrite::Force`]. Paths are compared after
//!   resolving them (`canonicalize`; for a file that does not exist yet, its folder's canonical
//!   path and its name), so `./x/../huzhu.sqlite3`, a symbolic link to the database or a
//!   differently written path to `backups/` are all seen for what they are;
//! * it refuses an existing file unless [`Overwrite::Force`];
//! * it writes under a temporary name in the same folder, syncs it to disk, and only then gives
//!   it its name (a hard link that cannot replace anything when not forcing; a rename when
//!   forcing), so a crash leaves the old file or the new one, never half of one;
//! * the file is readable by its owner only (0600 on unix).
//!
//! The app names its printouts itself and never replaces one: [`unique_name`] adds "-2", "-3"…

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// Whether an existing file may be replaced (the CLI's `--force`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    No,
    Force,
}

impl Overwrite {
    pub fn from_force(force: bool) -> Overwrite {
        if force {
            Overwrite::Force
        } else {
            Overwrite::No
        }
    }
}

/// What must never be written over: the database file and its companions, and the backups
/// folder beside it.
#[derive(Debug, Clone)]
pub struct Guard {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

impl Guard {
    /// The guard for the database at `db_path` (which need not exist).
    pub fn new(db_path: &Path) -> Guard {
        let mut files = Vec::new();
        let mut folders = Vec::new();
        // Beside the path as given and beside the file it resolves to (a link to the database
        // has its -wal beside the real file).
        let mut places = vec![resolve(db_path)];
        if let Ok(real) = db_path.canonicalize() {
            places.push(real);
        }
        for db in places {
            let Some(name) = db.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
            let dir = db.parent().map(Path::to_path_buf).unwrap_or_default();
            files.push(db.clone());
            for suffix in ["-wal", "-shm", "-journal"] {
                files.push(dir.join(format!("{name}{suffix}")));
            }
            folders.push(dir.join("backups"));
        }
        Guard { files, folders }
    }

    /// Refuses a path that is (or, resolved, lands on) something the guard protects.
    pub fn check(&self, target: &Path) -> Result<()> {
        let target = resolve(target);
        let protected = self.files.iter().any(|f| same(f, &target)) || self.folders.iter().any(|d| within(&target, d));
        if protected {
            return Err(Error::invalid_with("out", "error-output-protected", vec![("path", target.display().to_string())]));
        }
        Ok(())
    }
}

/// The path with `.`/`..` and links resolved as far as it exists: the canonical path of the
/// longest existing ancestor, with the rest of the path (as written, `..` applied) after it.
fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    };
    if let Ok(p) = absolute.canonicalize() {
        return p;
    }
    // Walk up to an existing ancestor; keep the names below it.
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    let mut at = absolute.as_path();
    loop {
        match at.parent() {
            Some(parent) => {
                if let Some(name) = at.file_name() {
                    rest.push(name.to_os_string());
                } else if at.components().next_back() == Some(Component::ParentDir) {
                    rest.push("..".into());
                }
                if let Ok(base) = parent.canonicalize() {
                    let mut out = base;
                    for name in rest.iter().rev() {
                        if name == ".." {
                            out.pop();
                        } else {
                            out.push(name);
                        }
                    }
                    return out;
                }
                at = parent;
            }
            None => return absolute,
        }
    }
}

/// Windows and macOS file systems usually ignore case: compare as they do.
fn key(p: &Path) -> String {
    let s = p.to_string_lossy().into_owned();
    if cfg!(any(windows, target_os = "macos")) {
        s.to_lowercase()
    } else {
        s
    }
}

fn same(a: &Path, b: &Path) -> bool {
    key(a) == key(b)
}

fn within(path: &Path, folder: &Path) -> bool {
    let (p, f) = (key(path), key(folder));
    p == f || Path::new(&p).starts_with(Path::new(&f))
}

/// Writes `bytes` to `path` safely (see the module doc).
pub fn write(path: &Path, bytes: &[u8], overwrite: Overwrite, guard: &Guard) -> Result<()> {
    guard.check(path)?;
    let shown = || vec![("path", path.display().to_string())];
    if let Ok(m) = std::fs::symlink_metadata(path) {
        if m.is_dir() {
            return Err(Error::invalid_with("out", "error-output-folder", shown()));
        }
        if overwrite == Overwrite::No {
            return Err(Error::invalid_with("out", "error-output-exists", shown()));
        }
    }
    let name = path.file_name().ok_or_else(|| Error::invalid_with("out", "error-output-folder", shown()))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = temp_file(&dir, &name.to_string_lossy(), bytes)?;
    let placed = match overwrite {
        Overwrite::Force => std::fs::rename(&temp, path).map_err(Error::from),
        Overwrite::No => place_new(&temp, path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::invalid_with("out", "error-output-exists", shown())
            } else {
                Error::from(e)
            }
        }),
    };
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    sync_folder(&dir);
    Ok(())
}

/// Gives the finished temporary file the name `path` unless something has that name: a hard
/// link fails rather than replace a file that appeared meanwhile. A file system without hard
/// links (FAT on a USB stick) gets a look and a rename.
fn place_new(temp: &Path, path: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(temp, path) {
        Ok(()) => {
            std::fs::remove_file(temp)?;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
            }
            std::fs::rename(temp, path)
        }
    }
}

/// A new file beside the target holding `bytes`, synced, readable by the owner only.
fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    for attempt in 0..100u32 {
        let temp = dir.join(format!(".{name}.{}-{nanos}-{attempt}.tmp", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = match options.open(&temp) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        if let Err(e) = written {
            drop(file);
            let _ = std::fs::remove_file(&temp);
            return Err(e.into());
        }
        return Ok(temp);
    }
    Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists).into())
}

/// Makes the new name durable too (unix; Windows has no folder handles to sync).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // The file itself is synced; a folder that cannot be synced loses at most the name
        // on a power cut, which the next save repeats.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A name in `dir` that nothing has yet: `name` itself, else "stem-2.ext", "stem-3.ext"…
pub fn unique_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if std::fs::symlink_metadata(&first).is_err() {
        return first;
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    let mut n = 2u64;
    loop {
        let candidate = dir.join(format!("{stem}-{n}{ext}"));
        if std::fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_does_not_exist_resolves_through_its_existing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        assert_eq!(resolve(&dir.path().join("a/../b/c.pdf")), real.join("b/c.pdf"));
        assert_eq!(resolve(&dir.path().join("a/./x.pdf")), real.join("a/x.pdf"));
    }

    #[test]
    fn unique_names_count_up_from_two() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(unique_name(dir.path(), "收据.pdf"), dir.path().join("收据.pdf"));
        std::fs::write(dir.path().join("收据.pdf"), b"1").unwrap();
        assert_eq!(unique_name(dir.path(), "收据.pdf"), dir.path().join("收据-2.pdf"));
        std::fs::write(dir.path().join("收据-2.pdf"), b"2").unwrap();
        assert_eq!(unique_name(dir.path(), "收据.pdf"), dir.path().join("收据-3.pdf"));
        std::fs::write(dir.path().join(".hidden"), b"2").unwrap();
        assert_eq!(unique_name(dir.path(), ".hidden"), dir.path().join(".hidden-2"));
    }
}
