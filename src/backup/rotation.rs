//! Which copies in the data folder's `backups/` to keep. After every copy made there, the union
//! of these is kept and every other copy is removed:
//!
//! - the newest copy of each of the last 7 days (today and the 6 days before, by the date in
//!   the copy's name);
//! - the newest copy of each of the last 4 ISO weeks (this week, Monday to Sunday, and the 3
//!   before);
//! - the newest copy of each of the last 12 months (this month and the 11 before);
//! - every copy made in the last 24 hours: a copy made before a risky step is kept at least a
//!   day even when another step follows at once (a second restore the same hour would otherwise
//!   remove the copy of the data as it was before the first);
//! - the newest copy of all, however old (a laptop left unused for a year keeps its last copy);
//! - every copy dated after `now`: the clock is wrong now or was then, and a removal made on a
//!   wrong clock cannot be undone;
//! - every `damaged` copy (a damaged data file kept before a restore replaced it): rare, and
//!   the only copy of whatever it still holds.
//!
//! "Newest" compares the time in the name, then the `-N` of copies made in the same second.
//! Copies of every reason count (a copy made before a restore is the newest of its day like a
//! daily one). Files that do not have a backup's name are never touched. So at most 7 + 4 + 12
//! copies older than a day are kept, fewer when they share a day, week or month.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::error::Result;

use super::files::remove_if_there;
use super::name::{BackupName, BackupReason};

const DAYS: i64 = 7;
const WEEKS: i64 = 4;
const MONTHS: i32 = 12;

/// A period a copy can be the newest of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Day(NaiveDate),
    /// The week's Monday.
    Week(NaiveDate),
    /// Months since year 0, so that consecutive months differ by one.
    Month(i32),
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// The periods a copy made at `made` belongs to that are still within their windows at `now`
/// (its day, its week, its month: each only while recent enough).
pub fn buckets(made: NaiveDateTime, now: NaiveDateTime) -> Vec<Bucket> {
    let (d, today) = (made.date(), now.date());
    let mut out = Vec::new();
    if made > now {
        return out;
    }
    if (today - d).num_days() < DAYS {
        out.push(Bucket::Day(d));
    }
    if (monday(today) - monday(d)).num_days() < 7 * WEEKS {
        out.push(Bucket::Week(monday(d)));
    }
    if month_index(today) - month_index(d) < MONTHS {
        out.push(Bucket::Month(month_index(d)));
    }
    out
}

/// The order of "newest": the time in the name, then its `-N`, then the name itself (two
/// reasons in the same second), so that exactly one copy is the newest of a period.
fn newness(c: &BackupName) -> (NaiveDateTime, u32, String) {
    (c.made, c.n, c.file_name())
}

/// For each copy, whether it is kept at `now` (see the module's rules).
pub fn to_keep(copies: &[BackupName], now: NaiveDateTime) -> Vec<bool> {
    let rotated = |c: &BackupName| c.reason != BackupReason::Damaged && c.made <= now;
    let mut newest_of: BTreeMap<Bucket, usize> = BTreeMap::new();
    let mut newest: Option<usize> = None;
    for (i, c) in copies.iter().enumerate().filter(|(_, c)| rotated(c)) {
        let newer = |j: usize| newness(c) > newness(&copies[j]);
        if newest.is_none_or(newer) {
            newest = Some(i);
        }
        for b in buckets(c.made, now) {
            if newest_of.get(&b).is_none_or(|&j| newer(j)) {
                newest_of.insert(b, i);
            }
        }
    }
    let mut keep: Vec<bool> = copies.iter().map(|c| !rotated(c) || now - c.made < Duration::hours(24)).collect();
    for i in newest_of.into_values().chain(newest) {
        keep[i] = true;
    }
    keep
}

/// Removes the copies in `dir` that `to_keep` does not keep; returns the files removed. The
/// caller holds the folder's lock.
pub fn rotate(dir: &Path, now: NaiveDateTime) -> Result<Vec<PathBuf>> {
    let mut copies = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if let Some(name) = entry.file_name().to_str().and_then(BackupName::parse) {
            if entry.file_type()?.is_file() {
                copies.push(name);
            }
        }
    }
    let keep = to_keep(&copies, now);
    let mut removed = Vec::new();
    for (c, kept) in copies.iter().zip(keep) {
        if !kept {
            let path = dir.join(c.file_name());
            remove_if_there(&path)?;
            removed.push(path);
        }
    }
    Ok(removed)
}
