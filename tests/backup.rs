//! Backups: each copy is complete, checked, private and named for its time and reason; the
//! daily copy, the copy before a migration and the USB copy are made when they should be and not
//! otherwise; the catalogue reads a folder without changing it; a backup waits for no writer;
//! the rotation keeps what it promises (examples and properties).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use huzhu::backup::{self, restore, BackupName, BackupProblem, BackupReason, UsbWarning};
use huzhu::members::PersonInput;
use proptest::prelude::*;
use rusqlite::Connection;

use common::backup::{at, every_area, files_in, integrity, names_in, now};
use common::{add_member, count, db_path, test_db};

/// A register with something in every area, in a file; its path.
fn register() -> (tempfile::TempDir, Connection, PathBuf) {
    let (dir, mut conn) = test_db();
    every_area(&mut conn);
    let path = db_path(&dir);
    (dir, conn, path)
}

fn lock_and(names: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = std::iter::once(".huzhu-backup.lock").chain(names.iter().copied()).map(String::from).collect();
    v.sort();
    v
}

#[test]
fn a_backup_is_a_checked_private_copy_named_for_its_time_and_reason() {
    let (_dir, conn, path) = register();
    let w = backup::before(&path, BackupReason::BeforeImport, now()).expect("a backup");
    let folder = backup::folder(&path);
    assert_eq!(folder, path.parent().unwrap().join("backups"), "backups go into backups/ beside the database file");
    assert_eq!(w.file_name, "huzhu-2026-11-29-083000-before-import.sqlite3", "the name gives the local time and the reason, without ':'");
    assert_eq!(Path::new(&w.path), folder.join(&w.file_name));
    assert_eq!(integrity(Path::new(&w.path)), "ok", "the copy is sound");
    assert_eq!(w.contents.people as i64, count(&conn, "person"), "the copy holds everyone");
    assert_eq!(w.contents.association.as_deref(), Some("东风村老年协会"));
    assert_eq!(w.size, std::fs::metadata(&w.path).unwrap().len());
    let header = std::fs::read(&w.path).unwrap();
    assert_eq!(&header[18..20], &[1, 1], "a backup is kept in rollback mode, so reading it read-only creates no -wal or -shm beside it");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&w.path).unwrap().permissions().mode() & 0o777, 0o600, "a backup is readable by its owner only");
        assert_eq!(std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777, 0o700, "so is the folder");
    }
    assert_eq!(names_in(&folder), lock_and(&[&w.file_name]), "one file per backup: no partial file, journal, -wal or -shm is left");

    let again = backup::before(&path, BackupReason::BeforeImport, now()).expect("a second backup in the same second");
    assert_eq!(again.file_name, "huzhu-2026-11-29-083000-before-import-2.sqlite3", "a second copy in the same second does not replace the first");
    let plain = backup::before(&path, BackupReason::Copy, now()).expect("a copy made on request");
    assert_eq!(plain.file_name, "huzhu-2026-11-29-083000.sqlite3", "a copy made on request names no reason");
}

#[test]
fn backup_then_restore_brings_back_every_table() {
    let (_dir, mut conn, path) = register();
    let tables: Vec<(String, i64)> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|t| {
            let t = t.unwrap();
            let n = count(&conn, &t);
            (t, n)
        })
        .collect();
    let empty: Vec<&str> = tables.iter().filter(|(_, n)| *n == 0).map(|(t, _)| t.as_str()).collect();
    assert_eq!(empty, common::backup::EMPTY_TABLES, "every table but the exchange's has rows to round-trip");
    let before = common::snapshot(&conn);
    let w = backup::before(&path, BackupReason::Copy, now()).expect("a backup");

    // Work goes on after the backup, then the backup is put back.
    add_member(&mut conn, "后来的人");
    common::money::post(&mut conn, &common::money::entry(huzhu::money::CashKind::Income, "会费", "10", "2026-11-28")).unwrap();
    assert_ne!(common::snapshot(&conn), before, "the register changed after the backup");
    drop(conn);
    let done = restore::apply(&path, Path::new(&w.path), at("2026-11-29 09:00:00")).expect("the restore");
    assert_eq!(done.preview.contents, w.contents, "the restore reports what the backup held");

    let conn = huzhu::db::open(&path).expect("the restored database opens").conn;
    assert_eq!(common::snapshot(&conn), before, "every table has the rows it had when the backup was made, and their contents");
    let kept = done.kept.expect("the data before the restore is kept");
    let kept_conn = Connection::open_with_flags(&kept, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    assert_eq!(count(&kept_conn, "person"), count(&conn, "person") + 1, "the copy made before the restore has the person added after the backup");
}

#[test]
fn a_backup_does_not_wait_for_a_write_in_progress() {
    let (_dir, mut conn, path) = register();
    let people = count(&conn, "person");
    // The window's connection is in the middle of a write.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
    huzhu::members::add(&tx, &common::actor(), &PersonInput::member("正在写"), common::today()).unwrap();
    let started = Instant::now();
    let (send, receive) = std::sync::mpsc::channel();
    let p = path.clone();
    std::thread::spawn(move || send.send(backup::before(&p, BackupReason::Copy, now())).unwrap());
    let w = receive.recv_timeout(Duration::from_secs(30)).expect("the backup finishes").expect("a backup");
    assert!(started.elapsed() < Duration::from_secs(3), "a backup does not wait for the write to end: {:?}", started.elapsed());
    assert_eq!(w.contents.people as i64, people, "the copy holds what was committed, not the write in progress");
    tx.commit().expect("the write commits while (and after) a backup reads");
    let w = backup::before(&path, BackupReason::Copy, now()).unwrap();
    assert_eq!(w.contents.people as i64, people + 1, "the next copy has it");
}

#[test]
fn the_daily_copy_is_made_on_the_first_start_of_each_day_only() {
    let (_dir, _conn, path) = register();
    let first = backup::daily_if_due(&path, at("2026-11-29 08:00:00")).unwrap().expect("the first start of the day makes a copy");
    assert_eq!(first.reason, BackupReason::Daily);
    assert_eq!(first.file_name, "huzhu-2026-11-29-080000-daily.sqlite3");
    assert!(backup::daily_if_due(&path, at("2026-11-29 17:00:00")).unwrap().is_none(), "a later start the same day makes none");
    assert!(backup::daily_if_due(&path, at("2026-11-30 07:00:00")).unwrap().is_some(), "the next day's first start makes one");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("huzhu.sqlite3");
    assert!(backup::daily_if_due(&missing, now()).unwrap().is_none(), "with no database yet there is nothing to copy");
    assert!(names_in(dir.path()).is_empty(), "and nothing is created");
}

#[test]
fn a_copy_is_made_before_a_migration_only_for_an_older_data_file() {
    let (dir, conn, path) = register();
    drop(conn);
    assert!(backup::before_migration(&path, now()).unwrap().is_none(), "a current database needs no migration");
    let version = huzhu::db::schema_version();
    let with_version = |name: &str, v: i64| {
        let p = dir.path().join(name);
        std::fs::copy(&path, &p).unwrap();
        Connection::open(&p).unwrap().pragma_update(None, "user_version", v).unwrap();
        p
    };
    let older = with_version("older.sqlite3", version - 1);
    let w = backup::before_migration(&older, now()).unwrap().expect("an older data file is copied before it is migrated");
    assert_eq!((w.reason, w.contents.schema_version), (BackupReason::BeforeMigration, version - 1), "the copy is the file as it was");
    let newer = with_version("newer.sqlite3", version + 1);
    let bytes = std::fs::read(&newer).unwrap();
    assert!(backup::before_migration(&newer, now()).unwrap().is_none(), "a newer file is not migrated, so not copied");
    assert_eq!(std::fs::read(&newer).unwrap(), bytes, "and not one byte of it changes");
    assert!(!dir.path().join("newer.sqlite3-wal").exists() && !dir.path().join("newer.sqlite3-shm").exists(), "nothing is left beside it");
    let empty = dir.path().join("empty.sqlite3");
    Connection::open(&empty).unwrap().execute_batch("CREATE TABLE x (y)").unwrap();
    assert!(backup::before_migration(&empty, now()).unwrap().is_none(), "a file with data version 0 is new: nothing to keep");
    assert!(backup::before_migration(&dir.path().join("none.sqlite3"), now()).unwrap().is_none(), "no file, no copy");
}

#[test]
fn a_usb_backup_goes_to_the_chosen_folder_and_its_time_is_remembered() {
    let (_dir, conn, path) = register();
    drop(conn);
    let usb = tempfile::tempdir().unwrap();
    let s = backup::status(&path, now()).unwrap();
    assert_eq!((s.last_usb, s.usb_warning), (None, UsbWarning::Never), "before any USB backup the status says never");

    let old = backup::before(&path, BackupReason::Copy, at("2026-10-01 10:00:00")).unwrap();
    let t = at("2026-11-01 10:00:00");
    let w = backup::to_folder(&path, usb.path(), t).expect("a USB backup");
    assert_eq!(Path::new(&w.path).parent().unwrap(), usb.path(), "it is written into the chosen folder");
    assert_eq!(integrity(Path::new(&w.path)), "ok");
    let s = backup::status(&path, at("2026-12-01 10:00:00")).unwrap();
    assert_eq!((s.last_usb, s.usb_folder.as_deref(), s.usb_warning), (Some(t), usb.path().to_str(), UsbWarning::Fine), "30 days later it is still fine");
    assert_eq!(s.last_backup, Some(at("2026-10-01 10:00:00")), "the last backup in backups/ is named by its time");
    let s = backup::status(&path, at("2026-12-01 10:00:01")).unwrap();
    assert_eq!(s.usb_warning, UsbWarning::Old, "more than 30 days later the status warns");

    restore::apply(&path, Path::new(&old.path), at("2026-11-02 09:00:00")).expect("restore a copy older than the USB backup");
    let s = backup::status(&path, at("2026-11-02 09:00:00")).unwrap();
    assert_eq!(s.last_usb, Some(t), "restoring an older copy does not make the last USB backup look older");

    let missing = usb.path().join("not-plugged-in");
    let e = backup::to_folder(&path, &missing, t).unwrap_err();
    assert_eq!(e.message_id(), "error-backup-folder-missing", "a folder that is not there is not made");
    assert!(!missing.exists());
}

#[test]
fn the_catalogue_lists_each_copy_and_says_which_are_good_without_changing_any() {
    let (_dir, conn, path) = register();
    drop(conn);
    let first = backup::before(&path, BackupReason::Daily, at("2026-11-28 08:00:00")).unwrap();
    let second = backup::before(&path, BackupReason::BeforeImport, at("2026-11-29 08:00:00")).unwrap();
    let folder = backup::folder(&path);
    // Beside them: a damaged copy, one that is not a database, one from a newer version, and a
    // file that is not a backup at all.
    let damaged = folder.join("huzhu-2026-11-29-090000.sqlite3");
    std::fs::write(&damaged, damage_root_page(&std::fs::read(&second.path).unwrap(), &second.path, "person")).unwrap();
    std::fs::write(folder.join("huzhu-2026-11-29-100000.sqlite3"), "not a database").unwrap();
    let newer = folder.join("huzhu-2026-11-29-110000.sqlite3");
    std::fs::copy(&second.path, &newer).unwrap();
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    let files = files_in(&folder);

    let list = backup::catalogue(&folder).unwrap();
    let seen: Vec<(&str, bool, Option<BackupProblem>)> = list.iter().map(|e| (e.file_name.as_str(), e.ok, e.problem)).collect();
    assert_eq!(
        seen,
        [
            ("huzhu-2026-11-29-110000.sqlite3", false, Some(BackupProblem::Newer)),
            ("huzhu-2026-11-29-100000.sqlite3", false, Some(BackupProblem::NotHuzhu)),
            ("huzhu-2026-11-29-090000.sqlite3", false, Some(BackupProblem::Damaged)),
            (second.file_name.as_str(), true, None),
            (first.file_name.as_str(), true, None),
        ],
        "every backup, newest first, with what is wrong; other files are not listed"
    );
    assert_eq!(list[3].contents.as_ref().map(|c| c.people), Some(second.contents.people), "a good copy says how many people it holds");
    assert_eq!(list[4].reason, BackupReason::Daily);
    assert_eq!(files_in(&folder), files, "listing changes no file and leaves nothing beside them");
    let good = backup::newest_good(&folder).unwrap().expect("a good copy");
    assert_eq!(good.file_name, second.file_name, "the newest good copy skips the damaged and the newer ones");
    assert!(backup::catalogue(&folder.join("none")).unwrap().is_empty(), "a folder that does not exist holds no backups");
}

#[test]
fn a_killed_backups_partial_file_is_removed_by_the_next_backup() {
    let (_dir, conn, path) = register();
    drop(conn);
    let folder = backup::folder(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let partial = BackupName::new(at("2026-11-28 08:00:00"), BackupReason::Daily).partial_name();
    for n in [partial.clone(), format!("{partial}-journal"), format!("{partial}-wal")] {
        std::fs::write(folder.join(n), b"half a copy").unwrap();
    }
    let w = backup::before(&path, BackupReason::Copy, now()).unwrap();
    assert_eq!(names_in(&folder), lock_and(&[&w.file_name]), "what a killed backup left is gone");
}

/// A copy of `bytes` (a database read from `path`) with the root page of `table` overwritten.
fn damage_root_page(bytes: &[u8], path: impl AsRef<Path>, table: &str) -> Vec<u8> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let root: usize = conn.query_row("SELECT rootpage FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0)).unwrap();
    let size: usize = conn.pragma_query_value(None, "page_size", |r| r.get(0)).unwrap();
    let mut out = bytes.to_vec();
    for b in &mut out[(root - 1) * size..root * size] {
        *b = 0x5a;
    }
    out
}

#[test]
fn a_copy_of_a_damaged_database_fails_its_check_and_is_not_kept() {
    let (dir, conn, path) = register();
    drop(conn);
    let damaged = dir.path().join("damaged.sqlite3");
    std::fs::write(&damaged, damage_root_page(&std::fs::read(&path).unwrap(), &path, "cash_entry")).unwrap();
    let e = backup::before(&damaged, BackupReason::Copy, now()).unwrap_err();
    assert_eq!(e.message_id(), "error-backup-copy-failed", "the copy's check finds the damage: {e:?}");
    assert_eq!(names_in(&backup::folder(&damaged)), lock_and(&[]), "no backup and no partial file is left");
}

// ---------------------------------------------------------------------------------------------
// Rotation

fn names(copies: &[(&str, BackupReason)]) -> Vec<BackupName> {
    copies.iter().map(|(t, r)| BackupName::new(at(t), *r)).collect()
}

/// A year of daily copies: at 2026-11-29 08:30 (a Sunday) the newest of the last 7 days, the
/// newest of the 3 weeks before this one, and the last of each of the 11 months before this one
/// are kept: 21 copies.
#[test]
fn a_year_of_daily_copies_rotates_down_to_days_weeks_and_months() {
    let mut copies = Vec::new();
    let mut d = common::day("2025-11-01");
    while d <= common::day("2026-11-29") {
        copies.push(BackupName::new(d.and_hms_opt(3, 0, 0).unwrap(), BackupReason::Daily));
        d = d.succ_opt().unwrap();
    }
    let keep = backup::to_keep(&copies, now());
    let mut kept: Vec<String> = copies.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c.made.date().to_string()).collect();
    kept.sort();
    let expected = [
        "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31",
        "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-23", "2026-11-24",
        "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29",
    ];
    assert_eq!(kept, expected, "7 days, this week and 3 before, this month and 11 before");

    // The same in backups/, after a new copy is made there: only backups' names are removed.
    let (_dir, conn, path) = register();
    drop(conn);
    let folder = backup::folder(&path);
    std::fs::create_dir_all(&folder).unwrap();
    for c in &copies {
        std::fs::write(folder.join(c.file_name()), b"").unwrap();
    }
    std::fs::write(folder.join("notes.txt"), b"").unwrap();
    let w = backup::before(&path, BackupReason::Copy, now()).unwrap();
    let mut left: Vec<String> = expected.iter().map(|d| format!("huzhu-{d}-030000-daily.sqlite3")).collect();
    left.extend([w.file_name.clone(), "notes.txt".into(), ".huzhu-backup.lock".into()]);
    left.sort();
    assert_eq!(names_in(&folder), left, "the kept copies (this morning's stays, being under a day old), the new one and other files");
}

#[test]
fn copies_of_the_last_day_damaged_ones_and_ones_from_the_future_are_kept() {
    let copies = names(&[
        ("2026-11-28 09:00:00", BackupReason::BeforeRestore),
        ("2026-11-28 10:00:00", BackupReason::BeforeRestore),
        ("2026-11-29 08:00:00", BackupReason::Daily),
        ("2026-11-28 08:00:00", BackupReason::Daily),
        ("2024-01-01 08:00:00", BackupReason::Damaged),
        ("2031-01-01 08:00:00", BackupReason::Copy),
    ]);
    let keep = backup::to_keep(&copies, now());
    assert_eq!(keep, [true, true, true, false, true, true], "a day's copies stay a day; only the older copy of the 28th that is not its newest goes");
    let old_only = names(&[("2024-01-01 08:00:00", BackupReason::Daily), ("2023-12-01 08:00:00", BackupReason::Daily)]);
    assert_eq!(backup::to_keep(&old_only, now()), [true, false], "a laptop unused for years keeps its last copy");
}

fn arb_copies() -> impl Strategy<Value = (Vec<BackupName>, NaiveDateTime)> {
    let copy = (-(420 * 24 * 60i64)..(2 * 24 * 60i64), 0..BackupReason::ALL.len(), 1u32..3);
    (proptest::collection::vec(copy, 0..60), 0..(365 * 24 * 60i64)).prop_map(|(cs, shift)| {
        let now = at("2026-01-01 00:00:00") + chrono::Duration::minutes(shift);
        let mut v: Vec<BackupName> = cs
            .into_iter()
            .map(|(m, r, n)| BackupName { n, ..BackupName::new(now + chrono::Duration::minutes(m), BackupReason::ALL[r]) })
            .collect();
        v.sort_by_key(|c| c.file_name());
        v.dedup_by_key(|c| c.file_name());
        (v, now)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rotation_keeps_what_it_promises((copies, now) in arb_copies(), later_minutes in 0..(3 * 24 * 60i64)) {
        let keep = backup::to_keep(&copies, now);
        let rotated = |c: &BackupName| c.reason != BackupReason::Damaged && c.made <= now;
        let newness = |c: &BackupName| (c.made, c.n, c.file_name());
        if let Some(newest) = copies.iter().filter(|c| rotated(c)).max_by_key(|c| newness(c)) {
            let i = copies.iter().position(|c| c == newest).unwrap();
            prop_assert!(keep[i], "the newest copy is never removed: {}", newest.file_name());
        }
        for (c, k) in copies.iter().zip(&keep) {
            if !rotated(c) || now - c.made < chrono::Duration::hours(24) {
                prop_assert!(*k, "a copy of the last day, from the future or damaged is kept: {}", c.file_name());
            }
        }
        let old_kept = copies.iter().zip(&keep).filter(|(c, k)| **k && rotated(c) && now - c.made >= chrono::Duration::hours(24)).count();
        prop_assert!(old_kept <= 7 + 4 + 12, "at most 7 + 4 + 12 copies older than a day are kept, got {old_kept}");
        // Each day, week and month still in its window keeps its newest copy.
        for c in copies.iter().filter(|c| rotated(c)) {
            for b in backup::buckets(c.made, now) {
                let newest = copies.iter().filter(|o| rotated(o) && backup::buckets(o.made, now).contains(&b)).max_by_key(|o| newness(o)).unwrap();
                let i = copies.iter().position(|o| o == newest).unwrap();
                prop_assert!(keep[i], "{b:?} keeps its newest copy {}", newest.file_name());
            }
        }
        // Rotating again at once removes nothing more; rotating later (with no newer copy made
        // meanwhile, so none dated after `now`) keeps each period's newest while that period is
        // still in its window.
        let kept: Vec<BackupName> = copies.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| *c).collect();
        prop_assert!(backup::to_keep(&kept, now).iter().all(|k| *k), "rotation removes nothing the second time");
        let kept: Vec<BackupName> = kept.into_iter().filter(|c| c.made <= now).collect();
        let later = now + chrono::Duration::minutes(later_minutes);
        let keep_later = backup::to_keep(&kept, later);
        for (c, k) in kept.iter().zip(&keep_later) {
            let newest_then = backup::buckets(c.made, now).into_iter().filter(|b| {
                copies.iter().filter(|o| rotated(o) && backup::buckets(o.made, now).contains(b)).max_by_key(|o| newness(o)) == Some(c)
            });
            let still = newest_then.into_iter().any(|b| backup::buckets(c.made, later).contains(&b));
            if still {
                prop_assert!(*k, "{} was kept as the newest of a period still in its window a little later", c.file_name());
            }
        }
    }
}
