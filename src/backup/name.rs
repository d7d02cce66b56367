//! The names backup files carry: `huzhu-YYYY-MM-DD-HHMMSS[-reason][-N].sqlite3`, in local time
//! (the secretary reads them in a folder window), without `:` (Windows refuses it in names).
//! `-N` (2, 3…) only appears when two copies with the same reason are made in the same second.
//! A name is the only place a copy's date is kept: rotation and the status line read names,
//! never file times, which copying to and from a USB stick changes.

use chrono::{NaiveDateTime, Timelike};

use crate::kernel::choice::choice;

choice! {
    /// Why a copy was made. The file name carries it (`-before-restore`); a copy made on request
    /// (`huzhu backup`, the USB backup) carries none.
    BackupReason {
        Copy = "copy" / "backup-reason-copy" [],
        Daily = "daily" / "backup-reason-daily" [],
        BeforeRestore = "before_restore" / "backup-reason-before-restore" [],
        BeforeImport = "before_import" / "backup-reason-before-import" [],
        BeforeMigration = "before_migration" / "backup-reason-before-migration" [],
        /// A data file that failed its check, kept byte for byte before a restore replaced it.
        /// Never removed by rotation (see `rotation`).
        Damaged = "damaged" / "backup-reason-damaged" [],
    }
}

impl BackupReason {
    /// The part of the file name after the time: `""`, `"-daily"`, `"-before-restore"`…
    fn suffix(self) -> String {
        match self {
            BackupReason::Copy => String::new(),
            r => format!("-{}", r.code().replace('_', "-")),
        }
    }
}

const PREFIX: &str = "huzhu-";
const EXTENSION: &str = ".sqlite3";
const TIME: &str = "%Y-%m-%d-%H%M%S";

/// Files being written start with this; a file with this name that no backup is writing is the
/// remains of a killed one, and the next backup into that folder removes it (see `files`).
pub const PARTIAL_PREFIX: &str = ".huzhu-partial-";

/// A backup file's name, taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupName {
    pub made: NaiveDateTime,
    pub reason: BackupReason,
    /// 1 for the first copy of that second and reason, 2, 3… for the next.
    pub n: u32,
}

impl BackupName {
    pub fn new(made: NaiveDateTime, reason: BackupReason) -> BackupName {
        // Whole seconds: the name shows no more, and two names of the same second must compare
        // equal so that `-2` is added.
        let made = made.with_nanosecond(0).unwrap_or(made);
        BackupName { made, reason, n: 1 }
    }

    pub fn file_name(&self) -> String {
        let n = if self.n > 1 { format!("-{}", self.n) } else { String::new() };
        format!("{PREFIX}{}{}{n}{EXTENSION}", self.made.format(TIME), self.reason.suffix())
    }

    /// The name of a backup file; None for any other file (a user's own copy named otherwise,
    /// a half-written copy, the folder's lock file).
    pub fn parse(file_name: &str) -> Option<BackupName> {
        let rest = file_name.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
        // "2026-11-29-083000" is 17 characters, all ASCII when it parses.
        let time = rest.get(..17)?;
        let made = NaiveDateTime::parse_from_str(time, TIME).ok()?;
        let mut tail = &rest[17..];
        let mut n = 1;
        if let Some(i) = tail.rfind('-') {
            if let Ok(k) = tail[i + 1..].parse::<u32>() {
                if k >= 2 && tail[i + 1..] == k.to_string() {
                    n = k;
                    tail = &tail[..i];
                }
            }
        }
        let reason = BackupReason::ALL.iter().copied().find(|r| r.suffix() == tail)?;
        Some(BackupName { made, reason, n })
    }

    /// The name of the partial file this backup is written to before it is checked.
    pub fn partial_name(&self) -> String {
        format!("{PARTIAL_PREFIX}{}", self.file_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn names_read_back_and_carry_no_colon() {
        for reason in BackupReason::ALL {
            for n in [1, 2, 11] {
                let name = BackupName { made: at("2026-11-29 08:30:05"), reason: *reason, n };
                let file = name.file_name();
                assert!(!file.contains(':'), "Windows refuses ':' in file names: {file}");
                assert_eq!(BackupName::parse(&file), Some(name), "a name reads back: {file}");
            }
        }
        assert_eq!(BackupName::new(at("2026-11-29 08:30:05"), BackupReason::Copy).file_name(), "huzhu-2026-11-29-083005.sqlite3");
        assert_eq!(
            BackupName::new(at("2026-11-29 08:30:05"), BackupReason::BeforeRestore).file_name(),
            "huzhu-2026-11-29-083005-before-restore.sqlite3"
        );
    }

    #[test]
    fn other_files_are_not_backups() {
        for other in [
            "huzhu.sqlite3",
            "huzhu-2026-11-29.sqlite3",
            "huzhu-2026-13-29-083005.sqlite3",
            "huzhu-2026-11-29-083005-holiday.sqlite3",
            "huzhu-2026-11-29-083005-1.sqlite3",
            "huzhu-2026-11-29-083005-02.sqlite3",
            "huzhu-2026-11-29-083005.sqlite3-wal",
            ".huzhu-partial-huzhu-2026-11-29-083005.sqlite3",
            "huzhu-2026-11-29-08300５.sqlite3",
        ] {
            assert_eq!(BackupName::parse(other), None, "{other} is not a backup's name");
        }
    }
}
