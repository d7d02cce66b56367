//! The data-loss cases of issue 9 from the command line, each of which lost data before: a
//! mistyped --db, an --out onto the database, its -wal or a backup, an existing file replaced
//! without asking, a sample village mixed into a real register, an edited posted entry that
//! `check` did not see, a damaged file still written to.

use std::path::{Path, PathBuf};

use super::{huzhu, initialised, ok, refused, stderr, stdout};

fn sound(db: &Path) {
    let o = huzhu(db, &["check"]);
    assert!(o.status.success(), "the database checks sound afterwards: {}", stderr(&o));
}

fn beside(db: &Path, suffix: &str) -> PathBuf {
    db.with_file_name(format!("{}{suffix}", db.file_name().unwrap().to_string_lossy()))
}

#[test]
fn a_mistyped_database_path_is_refused_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo").join("x.sqlite3");
    for (lang, words) in [("zh-CN", "找不到数据文件"), ("en-US", "There is no data file")] {
        let o = huzhu(&typo, &["--lang", lang, "check"]);
        assert_eq!(o.status.code(), Some(1), "check on a missing file fails: {}", stderr(&o));
        assert!(stderr(&o).contains(words) && stderr(&o).contains(&typo.display().to_string()), "the message names the path: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "and does not say the database is sound");
    }
    let o = huzhu(&typo, &["member", "add", "--name", "张秀英"]);
    assert_eq!(o.status.code(), Some(1), "a write to a missing file is refused too");
    assert!(!typo.exists() && !dir.path().join("typo").exists(), "no file and no folder was made");
    ok(&typo, &["init", "--name", "东风村老年协会"]);
    assert!(typo.exists(), "init makes the file (and its folder) on purpose");
}

/// Every printout and export refuses the database, its -wal and anything in backups/, with or
/// without --force; the database is sound afterwards.
#[test]
fn no_out_can_land_on_the_database_its_wal_or_a_backup() {
    let (dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--id-card", "350102195003070022"]);
    ok(&db, &["time", "deposit", "--person", "1", "--hours", "2", "--date", "2026-03-01"]);
    // The passbook makes the association's key on first need; make it now, so a refused
    // passbook is seen to change nothing at all.
    ok(&db, &["assoc", "key"]);
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let backup = backups.join("huzhu-2026-11-28-080000.sqlite3");
    std::fs::copy(&db, &backup).unwrap();
    let backup_bytes = std::fs::read(&backup).unwrap();
    let fp = "0123 4567 89AB CDEF 0123 4567 89AB CDEF";
    let targets = [db.clone(), beside(&db, "-wal"), beside(&db, "-shm"), backup.clone(), backups.join("roster.pdf")];
    for target in &targets {
        let t = target.to_str().unwrap();
        for force in [false, true] {
            let mut commands: Vec<Vec<&str>> = vec![
                vec!["rota", "pdf", "--month", "2026-12", "--out", t],
                vec!["time", "passbook", "1", "--out", t],
                vec!["time", "export", "1", "--to", fp, "--out", t],
            ];
            // A statement is refused for its extension before anything else, unless it is .pdf.
            if t.ends_with(".pdf") {
                commands.push(vec!["statement", "--month", "2026-03", "--out", t]);
            }
            if force {
                for c in &mut commands {
                    c.push("--force");
                }
            }
            for args in commands {
                let msg = refused(&db, &args);
                assert!(msg.contains("不能写入"), "{args:?} is refused, saying why: {msg}");
            }
        }
    }
    assert_eq!(std::fs::read(&backup).unwrap(), backup_bytes, "the backup is unchanged");
    assert!(!backups.join("roster.pdf").exists(), "nothing was written into backups/");
    sound(&db);
    assert_eq!(ok(&db, &["time", "balance", "1"]), "2", "the hours were not exported by a refused export");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let (dir, db) = initialised();
    let out = dir.path().join("roster.pdf");
    std::fs::write(&out, b"last month's roster").unwrap();
    let o = huzhu(&db, &["--lang", "en-US", "rota", "pdf", "--month", "2026-12", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "an existing file is not replaced without --force");
    assert!(stderr(&o).contains("already exists") && stderr(&o).contains("--force"), "the message says how to replace it: {}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"last month's roster", "the file is unchanged");
    ok(&db, &["rota", "pdf", "--month", "2026-12", "--out", out.to_str().unwrap(), "--force"]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"), "with --force it is replaced");
    sound(&db);
}

#[test]
fn demo_refuses_a_register_with_people_in_it() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英"]);
    let msg = refused(&db, &["demo", "--people", "10"]);
    assert!(msg.contains("示例村") && msg.contains('1'), "demo says the sample village only goes into an empty register: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "demo", "--people", "10"]);
    assert!(msg.contains("empty register"), "and in English: {msg}");
}

/// Drop the trigger with the sqlite3 API, edit a posted amount: `check` names the voucher, and
/// the file is now read-only for the CLI (reads work, writes say why they are refused).
#[test]
fn an_edited_cash_entry_is_named_by_check_and_stops_writes() {
    let (_dir, db) = initialised();
    ok(&db, &["cash", "add", "--kind", "income", "--category", "其他收入", "--amount", "100", "--date", "2026-03-01"]);
    ok(&db, &["cash", "add", "--kind", "expense", "--category", "其他支出", "--amount", "30", "--date", "2026-03-02"]);
    sound(&db);
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("DROP TRIGGER cash_entry_no_update; UPDATE cash_entry SET amount_fen = 300 WHERE voucher_no = '2026-0002';").unwrap();
    drop(c);
    let o = huzhu(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1), "check fails on an edited ledger: {}", stdout(&o));
    let msg = stderr(&o);
    assert!(msg.contains("凭证 2026-0002"), "check names the edited voucher: {msg}");
    assert!(msg.contains("cash_entry_no_update"), "and the missing trigger: {msg}");
    let o = huzhu(&db, &["--lang", "en-US", "check"]);
    assert!(stderr(&o).contains("voucher 2026-0002") && stderr(&o).contains("trigger cash_entry_no_update is missing"), "in English too: {}", stderr(&o));
    let listed = ok(&db, &["cash", "list"]);
    assert!(listed.contains("2026-0002"), "reads still work: {listed}");
    let o = huzhu(&db, &["member", "add", "--name", "新人"]);
    assert_eq!(o.status.code(), Some(1), "a write is refused");
    assert!(stderr(&o).contains("只能查看") && stderr(&o).contains("凭证 2026-0002"), "saying the file is damaged and what is wrong: {}", stderr(&o));
}

#[test]
fn a_time_entry_and_an_audit_row_edited_are_named_by_check() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英"]);
    ok(&db, &["time", "deposit", "--person", "1", "--hours", "2", "--date", "2026-03-01"]);
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("DROP TRIGGER time_entry_no_update; UPDATE time_entry SET half_hours = 40 WHERE id = 1;").unwrap();
    c.execute_batch("DROP TRIGGER audit_log_append_only_u; UPDATE audit_log SET actor = '别人' WHERE id = 2;").unwrap();
    drop(c);
    let o = huzhu(&db, &["--lang", "en-US", "check"]);
    assert_eq!(o.status.code(), Some(1));
    let msg = stderr(&o);
    assert!(msg.contains("time bank: entry 1 does not match"), "the time entry is named: {msg}");
    assert!(msg.contains("audit log: row 2 does not match"), "the audit row is named: {msg}");
}

#[test]
fn a_damaged_page_is_reported_by_check_and_stops_writes() {
    let (_dir, db) = initialised();
    for i in 0..30 {
        ok(&db, &["member", "add", "--name", &format!("会员{i}")]);
    }
    let (root, size): (i64, i64) = {
        let c = rusqlite::Connection::open(&db).unwrap();
        (
            c.query_row("SELECT rootpage FROM sqlite_master WHERE name = 'person_sort'", [], |r| r.get(0)).unwrap(),
            c.pragma_query_value(None, "page_size", |r| r.get(0)).unwrap(),
        )
    };
    let mut bytes = std::fs::read(&db).unwrap();
    let at = ((root - 1) * size) as usize;
    bytes[at..at + size as usize].fill(0xA5);
    std::fs::write(&db, &bytes).unwrap();
    let o = huzhu(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1), "check fails on a damaged page");
    assert!(stderr(&o).contains("页面损坏"), "naming page damage: {}", stderr(&o));
    let o = huzhu(&db, &["member", "add", "--name", "新人"]);
    assert_eq!(o.status.code(), Some(1), "nothing is written into a malformed file: {}", stdout(&o));
}

#[test]
fn a_newer_database_is_left_byte_for_byte_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        c.execute_batch("CREATE TABLE later (x)").unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [&["check"][..], &["member", "list"], &["init", "--name", "x"], &["demo"]] {
        let o = huzhu(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?} refuses a newer database");
    }
    assert!(std::fs::read(&db).unwrap() == before, "not one byte changed, the journal-mode bytes 18–19 included");
    assert!(!beside(&db, "-wal").exists() && !beside(&db, "-shm").exists(), "no -wal or -shm left behind");
}

#[test]
fn an_import_reads_only_a_regular_file() {
    let (dir, db) = initialised();
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.json");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let start = std::time::Instant::now();
        let msg = refused(&db, &["time", "import", fifo.to_str().unwrap()]);
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "a FIFO is refused at once");
        assert!(msg.contains("不是普通文件"), "saying it is not an ordinary file: {msg}");
    }
    let big = dir.path().join("big.json");
    std::fs::write(&big, vec![b' '; 5 * 1024 * 1024]).unwrap();
    let msg = refused(&db, &["time", "import", big.to_str().unwrap()]);
    assert!(msg.contains("太大"), "a file too large to be an exchange file is refused before reading: {msg}");
}
