//! The line on the first screen: when the last backup and the last USB backup were made, and
//! how plainly to warn about the USB copy.
//!
//! The time of the last USB backup is kept in a small file in the data folder's `backups/`
//! (`usb-backup.json`), not in the database: a restore puts an older database in place, whose
//! `setting` table would say the last USB backup was made when that older copy was, and the
//! first screen would then warn about a copy that is in fact recent. The file belongs to the
//! laptop's folder, which a restore does not replace.

use std::path::Path;

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, Unreadable};
use crate::kernel::choice::choice;

use super::files::{create_private, ensure_folder, folder, remove_if_there, sync_file, FolderLock};
use super::name::{BackupName, BackupReason, PARTIAL_PREFIX};

/// A USB copy older than this is warned about.
pub const USB_WARN_AFTER_DAYS: i64 = 30;

choice! {
    /// How the first screen speaks of the USB backup.
    UsbWarning {
        Never = "never" / "backup-usb-never" [],
        /// Older than 30 days.
        Old = "old" / "backup-usb-old" [],
        Fine = "fine" / "backup-usb-fine" [],
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupStatus {
    /// The newest copy in the data folder's backups/ (automatic or made by hand), local time.
    pub last_backup: Option<NaiveDateTime>,
    /// The last USB backup (a copy made with `to_folder`), local time.
    pub last_usb: Option<NaiveDateTime>,
    /// The folder it was written to, to offer it again.
    pub usb_folder: Option<String>,
    pub usb_warning: UsbWarning,
}

/// What `usb-backup.json` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct UsbRecord {
    at: NaiveDateTime,
    folder: String,
}

const RECORD: &str = "usb-backup.json";

/// The status at `now` of the database at `db_path`. Reads file names and one small file only,
/// so the first screen can ask for it at every start.
pub fn status(db_path: &Path, now: NaiveDateTime) -> Result<BackupStatus> {
    let dir = folder(db_path);
    let mut last_backup = None;
    if let Ok(read) = std::fs::read_dir(&dir) {
        for entry in read {
            let entry = entry?;
            if let Some(name) = entry.file_name().to_str().and_then(BackupName::parse) {
                if name.reason != BackupReason::Damaged && last_backup.is_none_or(|t| name.made > t) {
                    last_backup = Some(name.made);
                }
            }
        }
    }
    let record = read_record(&dir)?;
    let usb_warning = match &record {
        None => UsbWarning::Never,
        Some(r) if now - r.at > Duration::days(USB_WARN_AFTER_DAYS) => UsbWarning::Old,
        Some(_) => UsbWarning::Fine,
    };
    Ok(BackupStatus { last_backup, last_usb: record.as_ref().map(|r| r.at), usb_folder: record.map(|r| r.folder), usb_warning })
}

fn read_record(dir: &Path) -> Result<Option<UsbRecord>> {
    let text = match std::fs::read_to_string(dir.join(RECORD)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    // Written whole and renamed into place, so a file that does not read was changed by hand
    // or damaged: say so rather than show "never".
    serde_json::from_str(&text).map(Some).map_err(|_| Unreadable::new("backups/usb-backup.json", text.chars().take(80).collect::<String>()).into())
}

/// Records a USB backup made at `at` into `folder`.
pub(super) fn record_usb(db_path: &Path, folder: &Path, at: NaiveDateTime) -> Result<()> {
    let dir = ensure_folder(db_path)?;
    let _lock = FolderLock::take(&dir)?;
    let json = serde_json::to_string(&UsbRecord { at, folder: folder.display().to_string() })?;
    let partial = dir.join(format!("{PARTIAL_PREFIX}{RECORD}"));
    remove_if_there(&partial)?;
    std::io::Write::write_all(&mut create_private(&partial)?, json.as_bytes())?;
    sync_file(&partial)?;
    super::copy::finish(&partial, &dir.join(RECORD))
}
