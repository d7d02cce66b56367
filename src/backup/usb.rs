//! The USB backup (备份到U盘): a checked copy written into a folder the secretary chose, and
//! the time remembered for the first screen (see `status`). Copies on the stick are not rotated:
//! the stick is the secretary's to tidy.

use std::path::Path;

use chrono::NaiveDateTime;

use crate::error::Result;

use super::copy::{self, Written};
use super::files::{existing_folder, FolderLock};
use super::name::BackupReason;
use super::status;

/// Writes a copy of the database at `db_path` into `dir`, which must exist (a stick that is not
/// plugged in is not made into a folder on the laptop), and records the time.
pub fn to_folder(db_path: &Path, dir: &Path, now: NaiveDateTime) -> Result<Written> {
    existing_folder(dir)?;
    let written = {
        let _lock = FolderLock::take(dir)?;
        copy::into_folder(&copy::open_source(db_path)?, dir, now, BackupReason::Copy)?
    };
    status::record_usb(db_path, dir, now)?;
    Ok(written)
}
