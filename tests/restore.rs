//! Restore: the preview tells what a backup holds and changes nothing; a file that is not a
//! Huzhu database, is truncated, has a damaged page, comes from a newer version, is a folder, a
//! pipe or missing is refused with its own message, the database left byte for byte as it was
//! and nothing left behind (fuzzed as well); a restore keeps the data before it, leaves no stale
//! -wal/-shm, works when the database is missing or damaged, and refuses a database in use.

mod common;

use std::path::{Path, PathBuf};

use huzhu::backup::{self, restore, BackupReason};
use proptest::prelude::*;
use rusqlite::Connection;

use common::backup::{at, every_area, files_in, integrity, names_in, now};
use common::{count, db_path, test_db};

/// A register in `dir/test.sqlite3`, closed, with one backup of it made at `now()`; the
/// backup's path.
fn register_with_backup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, mut conn) = test_db();
    every_area(&mut conn);
    drop(conn);
    let path = db_path(&dir);
    let w = backup::before(&path, BackupReason::Copy, now()).expect("a backup");
    (dir, path, PathBuf::from(w.path))
}

#[test]
fn the_preview_tells_what_a_backup_holds_and_changes_nothing() {
    let (dir, path, file) = register_with_backup();
    let conn = Connection::open(&path).unwrap();
    let (people, entries) = (count(&conn, "person"), count(&conn, "cash_entry"));
    // Only deposits (by hand and for shifts done) add hours; every other move takes them from
    // one account to another.
    let deposited: i64 = conn.query_row("SELECT sum(half_hours) FROM time_entry WHERE kind = 'deposit'", [], |r| r.get(0)).unwrap();
    // The sample year posts many vouchers and receipts: the last ones are the last written.
    let last = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    let last_voucher = last("SELECT voucher_no FROM cash_entry ORDER BY id DESC LIMIT 1");
    let last_receipt = last("SELECT receipt_no FROM receipt ORDER BY id DESC LIMIT 1");
    drop(conn);
    let files = files_in(dir.path());
    let p = restore::preview(&file).expect("a preview");
    assert_eq!(p.made, Some(now()), "the date made is read from the file name");
    assert_eq!(p.reason, Some(BackupReason::Copy));
    let c = &p.contents;
    assert_eq!(c.association.as_deref(), Some("东风村老年协会"));
    assert_eq!((c.people as i64, c.cash_entries as i64), (people, entries), "people and cash entries are counted");
    assert_eq!(c.last_voucher.as_deref(), Some(last_voucher.as_str()), "the last voucher number");
    assert_eq!(c.last_receipt.as_deref(), Some(last_receipt.as_str()), "the last receipt number (a voided one too)");
    assert_eq!(
        c.time_bank_hours,
        huzhu::time_bank::Hours::from_half_hours(deposited),
        "hours in all accounts are the hours deposited: a transfer and an inheritance move hours without adding any"
    );
    assert!(deposited > 2 * (8 + 2) + 7, "the deposits of 8, 3.5 and 2 hours and the shift done are counted: {deposited} half hours");
    assert_eq!(c.schema_version, huzhu::db::schema_version());
    assert!(c.last_change.as_deref().is_some_and(|t| t.starts_with("20")), "the time of the last change: {:?}", c.last_change);
    assert_eq!(files_in(dir.path()), files, "a preview changes no file and creates none");

    // A copy under another name has no date in its name: the last change says when it was written.
    let renamed = dir.path().join("my copy.db");
    std::fs::copy(&file, &renamed).unwrap();
    let p = restore::preview(&renamed).unwrap();
    assert_eq!((p.made, p.reason), (None, None), "a file named otherwise has no date from its name");
}

/// What a refused restore is checked against: the database's bytes and every file in the folder.
fn refused(path: &Path, file: &Path, dir: &Path, id: &str) -> String {
    let before = files_in(dir);
    let e = restore::preview(file).unwrap_err();
    assert_eq!(e.message_id(), id, "the preview refuses {} with its own message: {e:?}", file.display());
    let e = restore::apply(path, file, at("2026-11-29 10:00:00")).unwrap_err();
    assert_eq!(e.message_id(), id, "the restore refuses it the same way: {e:?}");
    assert_eq!(files_in(dir), before, "a refused restore changes no byte of the database and leaves nothing behind");
    e.localize(&huzhu::i18n::Localizer::new(huzhu::i18n::Lang::EnUs))
}

#[test]
fn files_that_are_not_sound_huzhu_databases_of_this_version_are_refused_and_nothing_changes() {
    let (dir, path, file) = register_with_backup();
    let bytes = std::fs::read(&file).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let put = |name: &str, b: &[u8]| {
        let p = elsewhere.path().join(name);
        std::fs::write(&p, b).unwrap();
        p
    };

    let msg = refused(&path, &put("notes.sqlite3", b"meeting notes, not a database"), dir.path(), "error-backup-not-huzhu");
    assert!(msg.contains("not a Huzhu data file") && msg.contains("Nothing has been changed"), "{msg}");
    let other_app = elsewhere.path().join("other.sqlite3");
    Connection::open(&other_app).unwrap().execute_batch("CREATE TABLE person (x); PRAGMA user_version = 3;").unwrap();
    refused(&path, &other_app, dir.path(), "error-backup-not-huzhu");
    refused(&path, &put("empty.sqlite3", b""), dir.path(), "error-backup-not-huzhu");

    let msg = refused(&path, &put("half.sqlite3", &bytes[..bytes.len() / 2]), dir.path(), "error-backup-damaged");
    assert!(msg.contains("damaged"), "{msg}");
    let page: usize = 4096;
    let cut = put("cut.sqlite3", &bytes[..bytes.len() - page]);
    refused(&path, &cut, dir.path(), "error-backup-damaged");

    let conn = Connection::open_with_flags(&file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let root: usize = conn.query_row("SELECT rootpage FROM sqlite_master WHERE name = 'cash_entry'", [], |r| r.get(0)).unwrap();
    drop(conn);
    let mut damaged = bytes.clone();
    damaged[(root - 1) * page + 8..root * page].fill(0x5a);
    refused(&path, &put("damaged.sqlite3", &damaged), dir.path(), "error-backup-damaged");

    let newer = put("newer.sqlite3", &bytes);
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", huzhu::db::schema_version() + 1).unwrap();
    let msg = refused(&path, &newer, dir.path(), "error-backup-newer");
    assert!(msg.contains("newer version"), "{msg}");

    refused(&path, elsewhere.path(), dir.path(), "error-backup-not-a-file");
    refused(&path, &elsewhere.path().join("nothing-here.sqlite3"), dir.path(), "error-backup-file-missing");
    let before = files_in(dir.path());
    let e = restore::apply(&path, &path, now()).unwrap_err();
    assert_eq!(e.message_id(), "error-restore-same-file", "the database cannot be restored from itself: {e:?}");
    assert_eq!(files_in(dir.path()), before, "and nothing changes");

    // A copy taken while its program was writing: its last changes are in the -wal beside it.
    let live = put("live.sqlite3", &bytes);
    std::fs::write(elsewhere.path().join("live.sqlite3-wal"), vec![1u8; 100]).unwrap();
    refused(&path, &live, dir.path(), "error-backup-in-use");

    #[cfg(unix)]
    {
        let fifo = elsewhere.path().join("pipe.sqlite3");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        refused(&path, &fifo, dir.path(), "error-backup-not-a-file");
    }
}

#[test]
fn a_restore_keeps_the_data_before_it_and_leaves_no_stale_wal_beside_the_database() {
    let (dir, path, file) = register_with_backup();
    // The database as a crash leaves it: changes committed to the -wal, not yet in the file.
    let crashed = dir.path().join("crashed.sqlite3");
    {
        let mut conn = huzhu::db::open(&path).unwrap().conn;
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        common::add_member(&mut conn, "只在日志里");
        std::fs::copy(&path, &crashed).unwrap();
        std::fs::copy(dir.path().join("test.sqlite3-wal"), dir.path().join("crashed.sqlite3-wal")).unwrap();
    }
    assert!(std::fs::metadata(dir.path().join("crashed.sqlite3-wal")).unwrap().len() > 0, "the crashed file has a -wal with changes");
    let people_before = restore::preview(&file).unwrap().contents.people;

    let done = restore::apply(&crashed, &file, at("2026-11-29 10:00:00")).expect("the restore");
    for leftover in ["crashed.sqlite3-wal", "crashed.sqlite3-shm", "crashed.sqlite3-journal"] {
        assert!(!dir.path().join(leftover).exists(), "no stale {leftover} is left beside the restored database");
    }
    assert!(!names_in(dir.path()).iter().any(|n| n.starts_with(".huzhu-partial")), "no partial file is left");
    assert_eq!(integrity(&crashed), "ok", "the restored file is sound");
    assert_eq!(done.preview.contents.people, people_before, "it holds what the backup held");
    assert!(!done.kept_damaged);
    let kept = done.kept.expect("the data before the restore is kept");
    assert!(kept.ends_with("-before-restore.sqlite3"), "named for why it was made: {kept}");
    let conn = Connection::open_with_flags(&kept, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let name: i64 = conn.query_row("SELECT count(*) FROM person WHERE name = '只在日志里'", [], |r| r.get(0)).unwrap();
    assert_eq!(name, 1, "the copy kept before the restore has the changes that were only in the -wal");
    let conn = huzhu::db::open(&crashed).expect("the app opens the restored database").conn;
    assert_eq!(count(&conn, "person"), people_before as i64);
}

#[test]
fn a_restore_works_when_the_database_is_missing_or_damaged() {
    let (dir, _path, file) = register_with_backup();
    let missing = dir.path().join("new place").join("huzhu.sqlite3");
    let done = restore::apply(&missing, &file, at("2026-11-29 10:00:00")).expect("a restore onto a missing database");
    assert_eq!(done.kept, None, "there was nothing to keep");
    assert_eq!(integrity(&missing), "ok");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&missing).unwrap().permissions().mode() & 0o777, 0o600, "the restored file is readable by its owner only");
    }

    // A data file cut to nothing (a full disk) is as good as missing: nothing to keep, and
    // `db::open` says so instead of starting an empty register in it.
    let emptied = dir.path().join("emptied.sqlite3");
    std::fs::write(&emptied, b"").unwrap();
    assert!(matches!(huzhu::db::open(&emptied), Err(huzhu::Error::DbMissing { .. })));
    let before = backup::catalogue(&backup::folder(&emptied)).map(|l| l.len()).unwrap_or(0);
    let done = restore::apply(&emptied, &file, at("2026-11-29 10:00:00")).expect("a restore onto an empty file");
    assert_eq!(done.kept, None, "an empty file holds nothing to keep");
    assert_eq!(backup::catalogue(&backup::folder(&emptied)).unwrap().len(), before, "and no empty copy joins the backups");
    assert_eq!(integrity(&emptied), "ok");
    assert!(huzhu::db::open(&emptied).is_ok(), "the restored register opens");

    let damaged = dir.path().join("damaged.sqlite3");
    std::fs::write(&damaged, b"SQLite format 3\0 but the rest is gone").unwrap();
    let done = restore::apply(&damaged, &file, at("2026-11-29 10:00:00")).expect("a restore onto a damaged database");
    assert!(done.kept_damaged, "the damaged file is kept as it was");
    let kept = done.kept.expect("a copy of it");
    assert!(kept.ends_with("-damaged.sqlite3"), "{kept}");
    assert_eq!(std::fs::read(&kept).unwrap(), b"SQLite format 3\0 but the rest is gone", "byte for byte");
    assert_eq!(integrity(&damaged), "ok", "the restored file is sound");
    let list = backup::catalogue(&backup::folder(&damaged)).unwrap();
    assert!(list.iter().any(|e| e.reason == BackupReason::Damaged && !e.ok), "the catalogue shows the damaged copy as not good");
}

#[test]
fn a_restore_refuses_a_database_another_program_has_open() {
    let (dir, path, file) = register_with_backup();
    let conn = huzhu::db::open(&path).unwrap().conn;
    let before = std::fs::read(&path).unwrap();
    let e = restore::apply(&path, &file, at("2026-11-29 10:00:00")).unwrap_err();
    assert_eq!(e.message_id(), "error-restore-in-use", "{e:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the database is as it was");
    assert!(!names_in(dir.path()).iter().any(|n| n.starts_with(".huzhu-partial")), "no partial file is left");
    drop(conn);
    restore::apply(&path, &file, at("2026-11-29 10:00:00")).expect("once it is closed the restore goes ahead");
}

/// Damage done to a good backup's bytes, as a disk, a cable pulled or a bad copy does it.
#[derive(Debug, Clone)]
enum Damage {
    /// Bytes at these places (as a fraction of the length) replaced by these values.
    Flip(Vec<(f64, u8)>),
    /// Cut at this fraction of the length.
    Truncate(f64),
    /// Bytes from nowhere, with or without SQLite's header in front.
    Garbage(Vec<u8>, bool),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        proptest::collection::vec((0.0..1.0f64, any::<u8>()), 1..40).prop_map(Damage::Flip),
        (0.0..1.0f64).prop_map(Damage::Truncate),
        (proptest::collection::vec(any::<u8>(), 0..20_000), any::<bool>()).prop_map(|(g, h)| Damage::Garbage(g, h)),
    ]
}

fn apply_damage(good: &[u8], d: &Damage) -> Vec<u8> {
    match d {
        Damage::Flip(flips) => {
            let mut b = good.to_vec();
            for (at, v) in flips {
                let i = ((*at * b.len() as f64) as usize).min(b.len() - 1);
                b[i] = *v;
            }
            b
        }
        Damage::Truncate(at) => good[..(*at * good.len() as f64) as usize].to_vec(),
        Damage::Garbage(g, header) => {
            let mut b = if *header { good[..100].to_vec() } else { Vec::new() };
            b.extend(g);
            b
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A damaged file is refused, or, if it is still a sound database, previewed; never a
    /// panic; and a refused restore changes nothing.
    #[test]
    fn damaged_and_truncated_files_are_refused_without_a_panic_and_nothing_changes(d in damage()) {
        thread_local! {
            static BASE: (tempfile::TempDir, PathBuf, Vec<u8>) = {
                let (dir, path, file) = register_with_backup();
                let good = std::fs::read(&file).unwrap();
                (dir, path, good)
            };
        }
        BASE.with(|(dir, path, good)| -> Result<(), TestCaseError> {
            let bad = dir.path().join("picked.sqlite3");
            std::fs::write(&bad, apply_damage(good, &d)).unwrap();
            let before = files_in(dir.path());
            match restore::preview(&bad) {
                Ok(p) => prop_assert!(p.contents.schema_version >= 1, "a file previewed is a Huzhu database"),
                Err(e) => {
                    prop_assert!(e.message_id().starts_with("error-backup-"), "refused with a message about the file: {e:?}");
                    prop_assert!(restore::apply(path, &bad, now()).is_err(), "what the preview refuses, the restore refuses");
                }
            }
            prop_assert_eq!(files_in(dir.path()), before, "nothing changed");
            Ok(())
        })?;
    }
}
