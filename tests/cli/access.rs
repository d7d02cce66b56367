//! `huzhu user …`, `--as NAME`, `huzhu audit …`: sign-in from the command line.

use std::path::Path;
use std::process::Output;

use super::{command, huzhu, initialised, ok, refused, stderr, stdout};


fn with_env(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = command(db);
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).output().expect("run huzhu")
}

fn ok_env(db: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let o = with_env(db, env, args);
    assert!(o.status.success(), "huzhu {args:?} must succeed: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn once_a_user_exists_every_command_but_check_needs_as_and_the_pin() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "王五"]);
    let o = with_env(&db, &[("HUZHU_NEW_PIN", "530961")], &["user", "add", "李秘书", "--role", "secretary"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("会长"), "the first user must be the chair: {}", stderr(&o));
    let out = ok_env(&db, &[("HUZHU_NEW_PIN", "204817")], &["user", "add", "陈会长", "--role", "chair"]);
    assert!(out.contains("陈会长"), "{out}");
    let msg = refused(&db, &["member", "list"]);
    assert!(msg.contains("--as"), "sign-in is on: the command says how to sign in: {msg}");
    ok(&db, &["check"]);
    let o = with_env(&db, &[("HUZHU_PIN", "111999")], &["--as", "陈会长", "member", "list"]);
    assert_eq!(o.status.code(), Some(1), "a wrong PIN is refused");
    assert!(stderr(&o).contains("秒"), "and says how long to wait: {}", stderr(&o));
    let chair = [("HUZHU_PIN", "204817"), ("HUZHU_NEW_PIN", "530961")];
    // The wait after the wrong PIN is one second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(ok_env(&db, &chair, &["--as", "陈会长", "member", "list"]).contains("王五"));
    ok_env(&db, &chair, &["--as", "陈会长", "user", "add", "孙查看", "--role", "viewer"]);
    ok_env(&db, &chair, &["--as", "陈会长", "user", "add", "李秘书", "--role", "secretary"]);
    let list = ok_env(&db, &chair, &["--as", "陈会长", "user", "list"]);
    assert!(list.contains("孙查看\t查看") && list.contains("李秘书\t秘书"), "{list}");
    let viewer = [("HUZHU_PIN", "530961")];
    let o = with_env(&db, &viewer, &["--as", "孙查看", "member", "add", "--name", "赵六"]);
    assert_eq!(o.status.code(), Some(1), "a viewer may not add to the register");
    assert!(stderr(&o).contains("无权"), "{}", stderr(&o));
    let o = with_env(&db, &viewer, &["--as", "孙查看", "audit"]);
    assert_eq!(o.status.code(), Some(1), "nor read the audit trail: {}", stdout(&o));
    // A large expense by the secretary needs the chair's PIN.
    let sec = [("HUZHU_PIN", "530961")];
    let big = ["--as", "李秘书", "cash", "add", "--kind", "expense", "--category", "办公用品", "--amount", "1500", "--date", "2026-01-05"];
    let o = with_env(&db, &sec, &big);
    assert_eq!(o.status.code(), Some(1), "one person cannot post 1500 yuan: {}", stdout(&o));
    let mut approved = big.to_vec();
    approved.extend(["--approver", "陈会长"]);
    let voucher = ok_env(&db, &[("HUZHU_PIN", "530961"), ("HUZHU_APPROVER_PIN", "204817")], &approved);
    assert!(!voucher.is_empty());
    let trail: serde_json::Value = serde_json::from_str(&ok_env(&db, &chair, &["--as", "陈会长", "audit", "--area", "money", "--json"])).unwrap();
    let who: Vec<(&str, &str)> = trail.as_array().unwrap().iter().map(|e| (e["actor"].as_str().unwrap(), e["action"].as_str().unwrap())).collect();
    assert_eq!(who, [("陈会长", "approve"), ("李秘书", "add")], "the trail names both, newest first");
    let out = ok_env(&db, &chair, &["--as", "陈会长", "audit", "--user", "陈会长", "--area", "users"]);
    assert_eq!(out.lines().count(), 2, "the chair added two users (the first was added before sign-in, by the configured secretary): {out}");
    // For people the trail is in words (JSON, above, keeps the codes): the time as the app
    // writes it, the action, the record and each field with its value.
    let users: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(chrono::NaiveDateTime::parse_from_str(users[0][0], "%Y-%m-%d %H:%M:%S").is_ok(), "local time: {out}");
    assert_eq!(users[0][1..5], ["陈会长", "使用人", "添加", "使用人 李秘书"], "{out}");
    assert!(users[0][5].split("; ").any(|c| c == "角色: 秘书"), "{out}");
    let money = ok_env(&db, &chair, &["--as", "陈会长", "audit", "--area", "money"]);
    let rows: Vec<Vec<&str>> = money.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][1..4], ["陈会长", "财务", "审批"], "{money}");
    assert!(rows[0][4].starts_with("流水账 ") && rows[0][5].contains("操作: 添加"), "the approval names what it approved: {money}");
    assert_eq!(rows[1][1..4], ["李秘书", "财务", "添加"], "{money}");
    assert!(rows[1][5].split("; ").any(|c| c == "收入还是支出: 支出") && rows[1][5].contains("审批人: 陈会长"), "{money}");
    ok_env(&db, &chair, &["--as", "陈会长", "user", "disable", "孙查看"]);
    let o = with_env(&db, &viewer, &["--as", "孙查看", "member", "list"]);
    assert_eq!(o.status.code(), Some(1), "a disabled user cannot sign in");
    let _ = huzhu(&db, &["check"]);
}

#[test]
fn once_users_exist_only_the_chair_restores_a_backup() {
    let (dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "王五"]);
    let copy = ok(&db, &["backup", "--to", dir.path().to_str().unwrap()]);
    ok_env(&db, &[("HUZHU_NEW_PIN", "204817")], &["user", "add", "陈会长", "--role", "chair"]);
    ok_env(&db, &[("HUZHU_PIN", "204817"), ("HUZHU_NEW_PIN", "530961")], &["--as", "陈会长", "user", "add", "孙查看", "--role", "viewer"]);
    let o = with_env(&db, &[], &["restore", &copy, "--yes"]);
    assert_eq!(o.status.code(), Some(1), "a restore without --as is refused once users exist");
    let o = with_env(&db, &[("HUZHU_PIN", "530961")], &["--as", "孙查看", "restore", &copy, "--yes"]);
    assert_eq!(o.status.code(), Some(1), "and by a viewer: {}", stderr(&o));
    ok_env(&db, &[("HUZHU_PIN", "204817")], &["--as", "陈会长", "restore", &copy, "--yes"]);
}

#[test]
fn a_user_sets_their_own_pin_the_chair_anyones_and_wrong_recovery_codes_wait() {
    let (_dir, db) = initialised();
    let first = ok_env(&db, &[("HUZHU_NEW_PIN", "204817")], &["user", "add", "陈会长", "--role", "chair"]);
    assert!(first.contains("huzhu --as 陈会长 user recovery-sheet"), "the first user is told to print the recovery sheet: {first}");
    let chair = [("HUZHU_PIN", "204817"), ("HUZHU_NEW_PIN", "530961")];
    let second = ok_env(&db, &chair, &["--as", "陈会长", "user", "add", "李秘书", "--role", "secretary"]);
    assert!(!second.contains("recovery-sheet"), "only the first: {second}");
    ok_env(&db, &chair, &["--as", "陈会长", "user", "add", "孙查看", "--role", "viewer"]);
    // The secretary sets their own PIN, not someone else's.
    let out = ok_env(&db, &[("HUZHU_PIN", "530961"), ("HUZHU_NEW_PIN", "736150")], &["--as", "李秘书", "user", "set-pin", "李秘书"]);
    assert!(out.contains("李秘书"), "{out}");
    ok_env(&db, &[("HUZHU_PIN", "736150")], &["--as", "李秘书", "member", "list"]);
    let o = with_env(&db, &[("HUZHU_PIN", "736150"), ("HUZHU_NEW_PIN", "918273")], &["--as", "李秘书", "user", "set-pin", "孙查看"]);
    assert_eq!(o.status.code(), Some(1), "a secretary may not set another user's PIN");
    ok_env(&db, &[("HUZHU_PIN", "530961")], &["--as", "孙查看", "member", "list"]);
    // The chair resets the viewer's; a too-simple PIN is refused and changes nothing.
    let o = with_env(&db, &[("HUZHU_PIN", "204817"), ("HUZHU_NEW_PIN", "123456")], &["--as", "陈会长", "user", "set-pin", "孙查看"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("简单"), "{}", stderr(&o));
    ok_env(&db, &[("HUZHU_PIN", "204817"), ("HUZHU_NEW_PIN", "918273")], &["--as", "陈会长", "user", "set-pin", "孙查看"]);
    ok_env(&db, &[("HUZHU_PIN", "918273")], &["--as", "孙查看", "member", "list"]);
    // A wrong recovery code says how long to wait, and the wait holds for the next try.
    let o = with_env(&db, &[("HUZHU_NEW_PIN", "647382")], &["user", "recover", "孙查看", "--code", "1111-2222-3333"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("秒"), "a wrong code says how long to wait: {}", stderr(&o));
    let o = with_env(&db, &[("HUZHU_NEW_PIN", "647382")], &["user", "recover", "孙查看", "--code", "1111-2222-3333"]);
    assert!(stderr(&o).contains("次数过多"), "an attempt at once is refused: {}", stderr(&o));
}
