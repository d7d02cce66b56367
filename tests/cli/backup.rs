//! `huzhu backup | backups | restore` and the copy made before a migration: what they print,
//! how they refuse (exit 1, a message in either language, the database byte for byte as it
//! was), and that a restore works when the database is missing or damaged.

use std::path::{Path, PathBuf};

use super::{huzhu, initialised, ok, stderr, stdout};
use crate::common::backup::{files_in, integrity, names_in};

/// An initialised database with one member, 甲.
fn one_member() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "甲"]);
    (dir, db)
}

fn people(db: &Path) -> Vec<String> {
    ok(db, &["member", "list"]).lines().map(str::to_string).collect()
}

#[test]
fn backup_prints_the_path_it_wrote_beside_the_database_or_in_the_folder_given() {
    let (dir, db) = one_member();
    let out = ok(&db, &["backup"]);
    let written = PathBuf::from(&out);
    assert_eq!(written.parent(), Some(dir.path().join("backups").as_path()), "with --db the backup goes into backups/ beside that file: {out}");
    let name = written.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("huzhu-") && name.ends_with(".sqlite3") && !name.contains(':'), "named for its time: {name}");
    assert_eq!(integrity(&written), "ok");

    let usb = tempfile::tempdir().unwrap();
    let out = ok(&db, &["backup", "--to", usb.path().to_str().unwrap()]);
    assert_eq!(PathBuf::from(&out).parent(), Some(usb.path()), "--to writes into that folder: {out}");
    assert_eq!(integrity(Path::new(&out)), "ok");

    let missing = usb.path().join("not-plugged-in");
    let o = huzhu(&db, &["backup", "--to", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a folder that does not exist is refused");
    assert!(stderr(&o).contains("不存在") && stdout(&o).is_empty(), "saying so: {}", stderr(&o));
    let o = huzhu(&db, &["--lang", "en-US", "backup", "--to", missing.to_str().unwrap()]);
    assert!(stderr(&o).contains("does not exist"), "and in English: {}", stderr(&o));
    assert!(!missing.exists(), "and is not made");

    let typo = dir.path().join("typo").join("huzhu.sqlite3");
    let o = huzhu(&typo, &["--lang", "en-US", "backup"]);
    assert_eq!(o.status.code(), Some(1), "there is nothing to back up at a wrong path");
    assert!(stderr(&o).contains("nothing to back up"), "{}", stderr(&o));
    assert!(!dir.path().join("typo").exists(), "and nothing is created there");
}

#[test]
fn backups_lists_each_copy_with_its_date_size_people_and_whether_it_is_good() {
    let (dir, db) = one_member();
    let o = huzhu(&db, &["backups"]);
    assert!(stdout(&o).contains("没有备份"), "with none yet it says so: {}", stdout(&o));
    let first = ok(&db, &["backup"]);
    ok(&db, &["member", "add", "--name", "乙"]);
    let second = ok(&db, &["backup"]);
    std::fs::write(dir.path().join("backups").join("huzhu-2020-01-01-000000.sqlite3"), "garbage").unwrap();

    let lines: Vec<String> = ok(&db, &["--lang", "en-US", "backups"]).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "one line per backup: {lines:?}");
    let name = |p: &str| Path::new(p).file_name().unwrap().to_str().unwrap().to_string();
    assert!(lines[0].ends_with(&name(&second)) && lines[0].contains("\t2 people\tok\t"), "the newest first, with its people and ok: {}", lines[0]);
    assert!(lines[1].ends_with(&name(&first)) && lines[1].contains("\t1 person\tok\t"), "{}", lines[1]);
    assert!(lines[2].contains("not a Huzhu data file"), "a bad file is listed with what is wrong: {}", lines[2]);
    assert!(lines[0].contains(" KB\t"), "sizes are given: {}", lines[0]);
    let zh = ok(&db, &["backups"]);
    assert!(zh.contains("2 人\t正常"), "in Chinese: {zh}");

    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["backups", "--json"])).expect("--json prints JSON");
    let list = json.as_array().expect("a list");
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["contents"]["people"], 2, "{}", list[0]);
    assert_eq!((list[0]["ok"].as_bool(), list[2]["ok"].as_bool()), (Some(true), Some(false)));
    assert_eq!(list[2]["problem"], "not_huzhu");
}

#[test]
fn restore_shows_what_a_backup_holds_and_changes_nothing_without_yes() {
    let (dir, db) = one_member();
    let file = ok(&db, &["backup"]);
    ok(&db, &["member", "add", "--name", "乙"]);
    let files = files_in(dir.path());

    let out = ok(&db, &["restore", &file]);
    assert!(out.contains("协会：东风村老年协会") && out.contains("人员：1 人"), "the preview tells what the backup holds: {out}");
    assert!(out.contains("收支记录：0 笔，最后凭证号 无"), "{out}");
    assert!(out.lines().last().unwrap().contains("没有做任何改动"), "and that nothing was changed: {out}");
    let out = ok(&db, &["--lang", "en-US", "restore", &file]);
    assert!(out.contains("People: 1") && out.contains("Data version:") && out.contains("Nothing has been changed"), "{out}");
    assert_eq!(files_in(dir.path()), files, "without --yes not one byte changes and nothing is created");

    let out = ok(&db, &["--lang", "en-US", "restore", &file, "--yes"]);
    assert!(out.contains("Restored from") && out.contains("as it was before is kept in"), "{out}");
    let list = people(&db);
    assert!(list.iter().any(|l| l.contains('甲')) && !list.iter().any(|l| l.contains('乙')), "the register is as it was at the backup: {list:?}");
    let kept = names_in(&dir.path().join("backups"));
    assert!(kept.iter().any(|n| n.ends_with("-before-restore.sqlite3")), "the data before the restore is kept: {kept:?}");
}

#[test]
fn restore_refuses_a_bad_file_and_changes_nothing() {
    let (dir, db) = one_member();
    let other = tempfile::tempdir().unwrap();
    let bad = other.path().join("huzhu-2026-01-01-000000.sqlite3");
    std::fs::write(&bad, "not a database at all").unwrap();
    let files = files_in(dir.path());
    for yes in [false, true] {
        let mut args = vec!["restore", bad.to_str().unwrap()];
        if yes {
            args.push("--yes");
        }
        let o = huzhu(&db, &args);
        assert_eq!(o.status.code(), Some(1), "a file that is not a Huzhu database is refused");
        assert!(stdout(&o).is_empty() && stderr(&o).contains("不是互助软件的数据文件"), "saying so: {}", stderr(&o));
        assert_eq!(files_in(dir.path()), files, "the database is byte for byte as it was, nothing is left beside it");
    }
    let o = huzhu(&db, &["--lang", "en-US", "restore", other.path().join("none.sqlite3").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
}

#[test]
fn restore_works_when_the_database_is_missing_or_damaged() {
    let (dir, db) = one_member();
    let file = ok(&db, &["backup"]);
    let kept = dir.path().join("kept.sqlite3");
    std::fs::copy(&file, &kept).unwrap();

    std::fs::remove_file(&db).unwrap();
    let out = ok(&db, &["--lang", "en-US", "restore", kept.to_str().unwrap(), "--yes"]);
    assert!(out.contains("Restored from") && !out.contains("kept in"), "a missing database is restored, with nothing to keep: {out}");
    assert!(people(&db).iter().any(|l| l.contains('甲')), "the register is back");

    std::fs::write(&db, "SQLite format 3\0 and then nothing").unwrap();
    let o = huzhu(&db, &["member", "list"]);
    assert_eq!(o.status.code(), Some(1), "a damaged database does not open: {}", stderr(&o));
    let out = ok(&db, &["--lang", "en-US", "restore", kept.to_str().unwrap(), "--yes"]);
    assert!(out.contains("was damaged; its bytes are kept in"), "a damaged database is replaced and kept as it was: {out}");
    assert!(people(&db).iter().any(|l| l.contains('甲')), "the register is back");
    assert!(ok(&db, &["--lang", "en-US", "check"]).starts_with("The database is sound"), "and sound");
}

/// A database written by an older version (the migrations up to the one before the last) is
/// copied into backups/ before the first command brings it up to date.
#[test]
fn an_older_database_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("huzhu.sqlite3");
    let older = huzhu::db::schema_version() - 1;
    {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        huzhu::db::MIGRATIONS.to_version(&mut conn, older as usize).unwrap();
    }
    ok(&db, &["check"]);
    let names = names_in(&dir.path().join("backups"));
    let copy = names.iter().find(|n| n.ends_with("-before-migration.sqlite3")).unwrap_or_else(|| panic!("a copy before the migration: {names:?}"));
    let conn = rusqlite::Connection::open_with_flags(dir.path().join("backups").join(copy), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, older, "the copy is the database as it was before the migration");
    let now: i64 = rusqlite::Connection::open(&db).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(now, huzhu::db::schema_version(), "and the database itself is brought up to date");
    ok(&db, &["check"]);
    assert_eq!(names_in(&dir.path().join("backups")).len(), names.len(), "a current database is not copied again");
}
