//! Which files the app may hand to the system's viewer.
//!
//! The app opens its printouts with whatever program the system associates with the file. On
//! Windows that is also how a program or a shortcut runs: an `.exe`, `.lnk`, `.bat` or `.url`
//! placed in the printout folder (by a virus, or by mistake) would be run if the app opened
//! "any file in Documents\Huzhu". So the rule is narrow: only the kinds of file the app writes
//! (PDF printouts, XLSX and CSV exports), only inside the printout folder once both paths are
//! resolved (so `..` and symbolic links cannot lead out of it), and only regular files.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The kinds of file the app writes and may open again (lower case, without the dot).
pub const OPENABLE: [&str; 3] = ["pdf", "xlsx", "csv"];

/// The resolved path of `path` when the app may open it: a `.pdf`, `.xlsx` or `.csv` regular
/// file inside `output_dir`. Anything else is refused with a message that says why.
pub fn may_open(output_dir: &Path, path: &Path) -> Result<PathBuf> {
    let shown = || vec![("path", path.display().to_string())];
    // Checked on the name first, so a refused kind is refused whether or not it exists.
    let kind_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| OPENABLE.iter().any(|k| e.eq_ignore_ascii_case(k)));
    if !kind_ok {
        return Err(Error::invalid_with("path", "error-open-not-printout", shown()));
    }
    let inside = match (output_dir.canonicalize(), path.canonicalize()) {
        (Ok(dir), Ok(file)) => file.starts_with(&dir).then_some(file),
        _ => None,
    };
    let Some(file) = inside else {
        return Err(Error::invalid_with("path", "error-open-outside", shown()));
    };
    // The resolved file's kind is checked again: a link named "x.pdf" may point at "x.exe".
    let resolved_ok = file
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| OPENABLE.iter().any(|k| e.eq_ignore_ascii_case(k)));
    if !resolved_ok || !file.is_file() {
        return Err(Error::invalid_with("path", "error-open-not-printout", shown()));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("Huzhu");
        std::fs::create_dir(&out).unwrap();
        (tmp, out)
    }

    fn id(r: Result<PathBuf>) -> &'static str {
        r.err().map(|e| e.message_id()).unwrap_or("opened")
    }

    #[test]
    fn printouts_and_exports_in_the_folder_may_be_opened() {
        let (_tmp, out) = folder();
        for name in ["收据.pdf", "statement.XLSX", "list.csv"] {
            std::fs::write(out.join(name), b"x").unwrap();
            assert_eq!(id(may_open(&out, &out.join(name))), "opened", "{name} is a kind the app writes, in its folder");
        }
    }

    #[test]
    fn other_kinds_in_the_folder_are_refused_because_windows_would_run_them() {
        let (_tmp, out) = folder();
        for name in ["setup.exe", "printer.lnk", "run.bat", "site.url", "no-extension", "x.pdf.exe"] {
            std::fs::write(out.join(name), b"x").unwrap();
            assert_eq!(id(may_open(&out, &out.join(name))), "error-open-not-printout", "{name} must not be handed to the system");
        }
    }

    #[test]
    fn files_outside_the_folder_are_refused_even_through_dot_dot() {
        let (tmp, out) = folder();
        std::fs::write(tmp.path().join("elsewhere.pdf"), b"x").unwrap();
        assert_eq!(id(may_open(&out, &tmp.path().join("elsewhere.pdf"))), "error-open-outside");
        assert_eq!(id(may_open(&out, &out.join("../elsewhere.pdf"))), "error-open-outside", "`..` must not lead out of the folder");
        assert_eq!(id(may_open(&out, &out.join("missing.pdf"))), "error-open-outside", "a file that does not exist is not one the app wrote");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_folder_is_judged_by_what_it_points_at() {
        let (tmp, out) = folder();
        std::fs::write(tmp.path().join("outside.pdf"), b"x").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("outside.pdf"), out.join("inside.pdf")).unwrap();
        assert_eq!(id(may_open(&out, &out.join("inside.pdf"))), "error-open-outside", "a link may not lead out of the folder");
        std::fs::write(out.join("tool.exe"), b"x").unwrap();
        std::os::unix::fs::symlink(out.join("tool.exe"), out.join("looks.pdf")).unwrap();
        assert_eq!(id(may_open(&out, &out.join("looks.pdf"))), "error-open-not-printout", "a .pdf link to an .exe is an .exe");
        std::fs::create_dir(out.join("folder.pdf")).unwrap();
        assert_eq!(id(may_open(&out, &out.join("folder.pdf"))), "error-open-not-printout", "a folder is not a printout");
    }
}
