//! The `huzhu` command line as scripts and the acceptance checks use it.

use std::path::Path;
use std::process::{Command, Output};

fn huzhu(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huzhu"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("HUZHU_LANG")
        .env_remove("HUZHU_DB")
        .output()
        .expect("run huzhu")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

fn member_count(db: &Path) -> usize {
    let o = huzhu(db, &["member", "list", "--status", "all", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout).unwrap().len()
}

#[test]
fn add_then_show_takes_birth_and_gender_from_the_id_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = huzhu(&db, &["member", "add", "--name", "张秀英", "--id-card", "11010519491231002X"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1", "prints the new member number alone");
    let o = huzhu(&db, &["member", "show", "1", "--json"]);
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["birth_date"], "1949-12-31");
    assert_eq!(p["gender"], "female");
    let text = stdout(&huzhu(&db, &["member", "show", "1"]));
    assert!(text.contains("1949-12-31") && text.contains("女"), "{text}");
}

#[test]
fn a_bad_id_number_fails_clearly_in_either_language_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(huzhu(&db, &["member", "add", "--name", "王五"]).status.success());
    let before = member_count(&db);
    let o = huzhu(&db, &["member", "add", "--name", "张秀英", "--id-card", "110105194912310021"]);
    assert!(!o.status.success(), "a wrong check digit must fail");
    assert!(stderr(&o).contains("校验位"), "the message is in Chinese by default: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "no member number is printed");
    let o = huzhu(&db, &["--lang", "en-US", "member", "add", "--name", "张秀英", "--id-card", "110105194912310021"]);
    assert!(stderr(&o).contains("check digit"), "{}", stderr(&o));
    assert_eq!(member_count(&db), before, "the member count is unchanged");
}

#[test]
fn unknown_choices_and_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    for args in [
        vec!["member", "add", "--name", "甲", "--living", "月球"],
        vec!["member", "add", "--name", "甲", "--gender", "x"],
        vec!["member", "add", "--name", "甲", "--birth", "1949-02-30"],
        vec!["member", "add", "--name", "甲", "--lunar", "13-40"],
        vec!["member", "set-status", "7", "deceased", "--date", "2026-01-01"],
        vec!["member", "list", "--status", "asleep"],
    ] {
        let o = huzhu(&db, &args);
        assert!(!o.status.success(), "{args:?} must fail");
        assert!(!stderr(&o).is_empty() && !stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(member_count(&db), 0);
}

#[test]
fn search_by_initials_and_status_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    huzhu(&db, &["member", "add", "--name", "张秀英", "--id-card", "11010519491231002X"]);
    huzhu(&db, &["member", "add", "--name", "李明", "--group", "2组", "--living", "独居"]);
    let o = huzhu(&db, &["member", "list", "--search", "zxy"]);
    assert!(stdout(&o).contains("张秀英") && !stdout(&o).contains("李明"), "{}", stdout(&o));
    let o = huzhu(&db, &["member", "set-status", "1", "deceased", "--date", "2026-11-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&huzhu(&db, &["member", "list"])).contains("张秀英"), "the deceased leave the current list");
    assert!(stdout(&huzhu(&db, &["member", "list", "--status", "deceased"])).contains("张秀英"));
}

#[test]
fn init_demo_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub").join("t.db");
    let o = huzhu(&db, &["init", "--name", "东风村老年协会", "--village", "东风村"]);
    assert!(o.status.success(), "any command creates the database: {}", stderr(&o));
    assert!(!huzhu(&db, &["init", "--name", " "]).status.success(), "an empty name is refused");
    let o = huzhu(&db, &["demo", "--people", "30", "--seed", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(member_count(&db), 30);
    let o = huzhu(&db, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_database_from_a_newer_version_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    huzhu(&db, &["check"]);
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let o = huzhu(&db, &["member", "list"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("更新版本"), "{}", stderr(&o));
}

/// Killing the program in the middle of a write leaves either the whole write or none of it,
/// and a sound database.
#[test]
fn killing_during_a_write_never_leaves_half_a_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    assert!(huzhu(&db, &["check"]).status.success());
    for (i, wait_ms) in [30u64, 80, 150, 250, 400].into_iter().enumerate() {
        let before = member_count(&db);
        let mut child = Command::new(env!("CARGO_BIN_EXE_huzhu"))
            .arg("--db")
            .arg(&db)
            .args(["demo", "--people", "2000", "--seed", &i.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        let after = member_count(&db);
        assert!(after == before || after == before + 2000, "a killed write is all or nothing: {before} → {after}");
        let o = huzhu(&db, &["check"]);
        assert!(o.status.success(), "the database is sound after a kill: {}", stderr(&o));
    }
}
