//! Backups and restore (备份与恢复): checked copies of the database, made before anything risky
//! and once a day, kept in rotation, written to a USB stick on request, listed, previewed and
//! put back.
//!
//! Every copy is made the same way (`copy`): SQLite's online backup API, a partial file in the
//! target folder, `PRAGMA integrity_check` on the copy, fsync of the file, rename to
//! `huzhu-YYYY-MM-DD-HHMMSS[-reason].sqlite3` (`name`), fsync of the folder; readable by the
//! owner only. A folder is written by one program at a time (`files::FolderLock`), which also
//! removes what a killed backup left there.
//!
//! What the app calls, and when (every function takes the database's path and opens its own
//! connections, so each can run on a background thread beside the window's connection; the
//! caller passes `now`, local time, since the names and the status line are read by people):
//!
//! - at start, before `db::open`: `before_migration(path, now)`; if it fails, do not open;
//! - at start, after opening, on a background thread: `daily_if_due(path, now)`;
//! - the first screen: `status(path, now)` → `BackupStatus` (last backup, last USB backup,
//!   `UsbWarning`);
//! - "backup to USB": `to_folder(path, chosen_folder, now)` → `Written`;
//! - before an import (and any other risky step): `before(path, BackupReason::BeforeImport, now)`;
//! - the restore screen: `catalogue(&folder(path))` → `Vec<CatalogueEntry>`, or a picked file;
//!   `restore::preview(file)` → `RestorePreview` (changes nothing); on confirmation, close the
//!   app's connection, `restore::apply(path, file, now)` → `Restored`, and reopen with
//!   `db::open`;
//! - the damaged-database screen: `newest_good(&folder(path))`.

mod automatic;
mod catalogue;
mod copy;
mod files;
mod inspect;
mod name;
pub mod restore;
mod rotation;
mod status;
mod usb;

pub use automatic::{before, before_migration, daily_if_due};
pub use catalogue::{list as catalogue, newest_good, CatalogueEntry};
pub use copy::Written;
pub use files::folder;
pub use inspect::{read_only, BackupContents, BackupProblem};
pub use name::{BackupName, BackupReason};
pub use restore::{RestorePreview, Restored};
pub use rotation::{buckets, to_keep, Bucket};
pub use status::{status, BackupStatus, UsbWarning, USB_WARN_AFTER_DAYS};
pub use usb::to_folder;
