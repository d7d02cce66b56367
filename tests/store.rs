//! The database file itself (issue 9): never made by accident, a newer one refused with not one
//! byte changed, damage found at every open (the file then opens read-only), writers waiting
//! their turn, the sample village only in an empty register, and files read safely.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{actor, add_member, test_db, today, write};
use huzhu::db::{self, Health, Problem, SchemaObject};
use huzhu::members::PersonInput;
use huzhu::Error;
use rusqlite::Connection;

fn beside(db: &Path, suffix: &str) -> std::path::PathBuf {
    db.with_file_name(format!("{}{suffix}", db.file_name().unwrap().to_string_lossy()))
}

// ---------------------------------------------------------------- no silent new database

#[test]
fn open_refuses_a_missing_file_and_makes_neither_file_nor_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo").join("huzhu.sqlite3");
    match db::open(&path) {
        Err(Error::DbMissing { path: p }) => assert_eq!(p, path.display().to_string(), "the error names the path"),
        other => panic!("a missing file must be refused, got {other:?}"),
    }
    assert!(!path.exists() && !dir.path().join("typo").exists(), "no file and no folder is made");
}

#[test]
fn create_makes_the_file_and_its_folder_and_opens_an_existing_one_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("huzhu.sqlite3");
    let mut opened = db::create(&path).unwrap();
    assert!(opened.health.is_sound(), "a new file is sound");
    add_member(&mut opened.conn, "张秀英");
    drop(opened);
    let again = db::create(&path).unwrap();
    assert_eq!(common::count(&again.conn, "person"), 1, "create on an existing file opens it without starting it over");
    drop(again);
    assert_eq!(common::count(&db::open(&path).unwrap().conn, "person"), 1, "and open finds it");
}

// ---------------------------------------------------------------- a newer database

/// A database written by a newer version, in rollback-journal mode (header bytes 18–19 are 1, 1)
/// as a program that does not use WAL would leave it.
fn newer_database(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    conn.execute_batch("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from a later Huzhu');").unwrap();
    conn.pragma_update(None, "user_version", db::schema_version() + 1).unwrap();
}

#[test]
fn a_newer_database_is_refused_with_not_one_byte_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huzhu.sqlite3");
    newer_database(&path);
    let before = std::fs::read(&path).unwrap();
    assert_eq!(&before[18..20], &[1, 1], "the test file is in rollback-journal mode");
    for attempt in [db::open(&path), db::create(&path)] {
        match attempt {
            Err(Error::DbTooNew { found, known }) => assert_eq!((found, known), (db::schema_version() + 1, db::schema_version())),
            other => panic!("a newer database must be refused, got {other:?}"),
        }
    }
    let after = std::fs::read(&path).unwrap();
    assert_eq!(&after[18..20], &[1, 1], "the header's journal-mode bytes (18–19) are not switched to WAL");
    assert!(after == before, "not one byte of the file changes");
    assert!(!beside(&path, "-wal").exists() && !beside(&path, "-shm").exists(), "no -wal or -shm is left beside it");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huzhu.sqlite3");
    let text = "这不是数据库。".repeat(40);
    std::fs::write(&path, &text).unwrap();
    match db::open(&path) {
        Err(e @ Error::NotADatabase { .. }) => assert_eq!(e.code(), "not_a_database"),
        other => panic!("a text file must be refused, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "the file is unchanged");
    assert!(!beside(&path, "-wal").exists(), "no -wal is left beside it");
}

// ---------------------------------------------------------------- damage found at start

/// A database file with some people, closed.
fn file_with_people() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, mut conn) = test_db();
    for i in 0..30 {
        add_member(&mut conn, &format!("会员{i}"));
    }
    drop(conn);
    let path = common::db_path(&dir);
    (dir, path)
}

fn damaged(path: &Path) -> (Connection, Vec<Problem>) {
    let opened = db::open(path).expect("a damaged file still opens, read-only");
    match opened.health {
        Health::Damaged(d) => (opened.conn, d.problems),
        Health::Sound => panic!("the damage must be found at open"),
    }
}

/// Opened read-only: reads work, every write is refused before it starts.
fn assert_read_only(mut conn: Connection) {
    assert!(db::is_read_only(&conn).unwrap(), "a damaged file is opened read-only");
    let n: i64 = conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 30, "reads still work");
    let e = write(&mut conn, |tx| huzhu::members::add(tx, &actor(), &PersonInput::member("新人"), today())).unwrap_err();
    assert_eq!(e.code(), "db_damaged", "a write to a damaged file is refused: {e:?}");
    let n: i64 = conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 30, "nothing was written");
}

#[test]
fn a_dropped_trigger_is_found_at_open_and_the_file_opens_read_only() {
    let (_dir, path) = file_with_people();
    Connection::open(&path).unwrap().execute_batch("DROP TRIGGER cash_entry_no_update").unwrap();
    let (conn, problems) = damaged(&path);
    assert_eq!(problems, vec![Problem::Missing { object: SchemaObject::Trigger, name: "cash_entry_no_update".into() }], "the missing trigger is named");
    let l10n = huzhu::i18n::Localizer::new(huzhu::i18n::Lang::EnUs);
    assert_eq!(problems[0].localize(&l10n), "trigger cash_entry_no_update is missing");
    let zh = huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn);
    assert_eq!(problems[0].localize(&zh), "触发器 cash_entry_no_update 缺失");
    let report = db::check(&conn).unwrap();
    assert!(report.problems.contains(&problems[0]), "check names it too: {:?}", report.problems);
    assert_read_only(conn);
}

#[test]
fn an_altered_table_and_an_added_trigger_are_found() {
    let (_dir, path) = file_with_people();
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "ALTER TABLE person ADD COLUMN nickname TEXT;
             CREATE TRIGGER sneaky AFTER INSERT ON person BEGIN SELECT 1; END;",
        )
        .unwrap();
    let (conn, problems) = damaged(&path);
    assert!(problems.contains(&Problem::Altered { object: SchemaObject::Table, name: "person".into() }), "the altered table is named: {problems:?}");
    assert!(problems.contains(&Problem::Unexpected { object: SchemaObject::Trigger, name: "sneaky".into() }), "the added trigger is named: {problems:?}");
    assert_read_only(conn);
}

#[test]
fn a_damaged_page_is_found_at_open_and_by_check() {
    let (_dir, path) = file_with_people();
    // Overwrite the page of the person table's name index with garbage.
    let (root, page_size): (i64, i64) = {
        let c = Connection::open(&path).unwrap();
        let root = c.query_row("SELECT rootpage FROM sqlite_master WHERE name = 'person_sort'", [], |r| r.get(0)).unwrap();
        let size = c.pragma_query_value(None, "page_size", |r| r.get(0)).unwrap();
        (root, size)
    };
    assert!(!beside(&path, "-wal").exists(), "the database was closed cleanly, so the page is in the file itself");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = ((root - 1) * page_size) as usize;
    for (i, b) in bytes[at..at + page_size as usize].iter_mut().enumerate() {
        *b = (i * 37 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    let (conn, problems) = damaged(&path);
    assert!(problems.iter().all(|p| matches!(p, Problem::Page { .. })) && !problems.is_empty(), "page damage is reported: {problems:?}");
    let report = db::check(&conn).unwrap();
    assert!(report.problems.iter().any(|p| matches!(p, Problem::Page { .. })), "check reports it too: {:?}", report.problems);
    assert!(db::is_read_only(&conn).unwrap(), "and the file is open read-only");
    let mut conn = conn;
    let e = write(&mut conn, |tx| huzhu::members::add(tx, &actor(), &PersonInput::member("新人"), today())).unwrap_err();
    assert_eq!(e.code(), "db_damaged", "nothing is written into a malformed file");
}

// ---------------------------------------------------------------- writers wait their turn

/// Another connection holds the write lock for two seconds; a write through `db::write` (what
/// the CLI and the app use) waits for it and then succeeds. With a deferred transaction this
/// write (it reads the next register number, then inserts) failed at once with "database is
/// locked".
#[test]
fn a_write_waits_while_another_holds_the_write_lock() {
    let (dir, conn) = test_db();
    drop(conn);
    let path = common::db_path(&dir);
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let holder = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut other = db::open(&path).unwrap().conn;
            write(&mut other, |tx| {
                huzhu::members::add(tx, &actor(), &PersonInput::member("先来的人"), today())?;
                locked_tx.send(()).unwrap();
                std::thread::sleep(Duration::from_secs(2));
                Ok(())
            })
            .unwrap();
        })
    };
    let mut conn = db::open(&path).unwrap().conn;
    // Read first, so this connection's snapshot predates the other writer's commit.
    assert_eq!(common::count(&conn, "person"), 0);
    locked_rx.recv().unwrap();
    let started = Instant::now();
    let added = write(&mut conn, |tx| huzhu::members::add(tx, &actor(), &PersonInput::member("后到的人"), today()));
    let waited = started.elapsed();
    holder.join().unwrap();
    let added = added.expect("the second write waits its turn and succeeds");
    assert!(waited >= Duration::from_millis(1500), "it waited for the other writer: {waited:?}");
    assert_eq!(added.member_no.0, 2, "and saw the other writer's row (its number follows)");
    assert_eq!(common::count(&conn, "person"), 2);
}

// ---------------------------------------------------------------- the sample village

#[test]
fn the_sample_village_only_goes_into_an_empty_register() {
    let (_dir, mut conn) = test_db();
    add_member(&mut conn, "张秀英");
    let before = common::snapshot(&conn);
    let e = write(&mut conn, |tx| huzhu::demo::build(tx, &actor(), 20, 1, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-demo-register-not-empty", "a register with people in it gets no sample people");
    assert_eq!(common::snapshot(&conn), before, "and nothing changes");
    let (_dir2, mut empty) = test_db();
    let s = write(&mut empty, |tx| huzhu::demo::build(tx, &actor(), 20, 1, today())).unwrap();
    assert_eq!(s.people, 20, "an empty register gets the sample village");
}

// ---------------------------------------------------------------- reading files safely

#[test]
fn only_regular_files_are_read_and_never_more_than_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.json");
    std::fs::write(&file, b"0123456789").unwrap();
    assert_eq!(huzhu::input::read_file(&file, 10).unwrap(), b"0123456789", "a regular file within the cap is read");
    let e = huzhu::input::read_file(&file, 9).unwrap_err();
    assert_eq!(e.message_id(), "error-input-too-large", "a file over the cap is refused");
    let e = huzhu::input::read_file(dir.path(), 10).unwrap_err();
    assert_eq!(e.message_id(), "error-input-not-a-file", "a folder is refused");
    let e = huzhu::input::read_file(&dir.path().join("none"), 10).unwrap_err();
    assert_eq!(e.message_id(), "error-input-unreadable", "a missing file is refused");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // Run the read on a thread: if it hung, the test fails after a timeout instead of hanging.
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(huzhu::input::read_file(&path, 1024).map_err(|e| e.message_id()));
    });
    let r = rx.recv_timeout(Duration::from_secs(5)).expect("reading a FIFO must return at once, not wait for a writer");
    assert_eq!(r, Err("error-input-not-a-file"), "a FIFO is not a file to import");
    for dev in ["/dev/zero", "/dev/null"] {
        let e = huzhu::input::read_file(Path::new(dev), 1024).unwrap_err();
        assert_eq!(e.message_id(), "error-input-not-a-file", "a device ({dev}) is refused");
    }
}
