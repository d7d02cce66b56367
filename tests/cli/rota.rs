//! `huzhu volunteer | care | pair | rota | visit`: care rotas from the command line.

use std::path::{Path, PathBuf};

use super::{command, db_snapshot, initialised, ok, refused, stderr};
use crate::common::pdf::{pdf_text, squash};

/// Two volunteers (1 days only, care and visits; 2 care, days and nights), a bedridden elder (3)
/// and an elder living alone (4); day and night care for 3 on 5-6 January 2026 and hall duty
/// on the 7th, which no volunteer does.
fn village() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀兰", "--volunteer", "--phone", "13800000001"]);
    ok(&db, &["member", "add", "--name", "李建国", "--volunteer", "--phone", "13800000002"]);
    ok(&db, &["member", "add", "--name", "林炎堃", "--care", "重度失能"]);
    ok(&db, &["member", "add", "--name", "黄玉喆", "--living", "独居"]);
    let out = ok(&db, &["volunteer", "set", "1", "--kinds", "care,visit", "--days", "1-7", "--shifts", "day"]);
    assert_eq!(out, "已保存 张秀兰 的值班时间。", "volunteer set confirms whose availability it saved");
    ok(&db, &["volunteer", "set", "2", "--kinds", "care", "--shifts", "day,night"]);
    let id = ok(&db, &["care", "add", "--recipient", "3", "--kind", "care", "--from", "2026-01-05", "--until", "2026-01-06", "--shift", "白班@08:00-20:00", "--shift", "夜班@20:00-08:00"]);
    assert_eq!(id, "1", "care add prints the new case id alone");
    ok(&db, &["care", "add", "--recipient", "3", "--kind", "hall", "--from", "2026-01-07", "--until", "2026-01-07"]);
    (dir, db)
}

/// Runs huzhu with a PIN (and a new user's PIN) in the environment.
fn run_with(db: &Path, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut c = command(db);
    c.envs(env.iter().copied());
    c.args(args).output().expect("run huzhu")
}

type Env = &'static [(&'static str, &'static str)];

/// Turns sign-in on: a chair 陈会长 and a viewer 孙查看; returns the environment each signs in
/// with.
fn sign_in_on(db: &Path) -> (Env, Env) {
    assert!(run_with(db, &[("HUZHU_NEW_PIN", "204817")], &["user", "add", "陈会长", "--role", "chair"]).status.success());
    let chair: Env = &[("HUZHU_PIN", "204817"), ("HUZHU_NEW_PIN", "530961")];
    assert!(run_with(db, chair, &["--as", "陈会长", "user", "add", "孙查看", "--role", "viewer"]).status.success());
    (chair, &[("HUZHU_PIN", "530961")])
}

fn slot_ids(db: &Path) -> Vec<String> {
    let list: serde_json::Value = serde_json::from_str(&ok(db, &["rota", "list", "--month", "2026-01", "--json"])).expect("rota list --json prints JSON");
    list.as_array().expect("a list of slots").iter().map(|s| s["id"].to_string()).collect()
}

#[test]
fn rota_commands_print_what_they_did() {
    let (d, db) = village();
    let out = ok(&db, &["rota", "generate", "--month", "2026-01"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "2026-01：共 5 个班次，新排 4 人次，保留 0 人次，空缺 1 个班次。", "rota generate sums up the month");
    assert!(lines[1].starts_with("空缺：班次 5 2026-01-07") && lines[1].ends_with("没有志愿者能做活动中心值班"), "and lists each short slot with its reason: {out}");
    let out = ok(&db, &["--lang", "en-US", "rota", "generate", "--month", "2026-01"]);
    assert!(out.contains("1 shifts short") && out.contains("No volunteer does hall duty"), "in English too: {out}");

    let list: serde_json::Value = serde_json::from_str(&ok(&db, &["rota", "list", "--month", "2026-01", "--json"])).unwrap();
    let first = &list[0];
    for k in ["id", "date", "start", "end", "case_id", "assigned"] {
        assert!(!first[k].is_null(), "rota list --json gives {k} for every slot: {first}");
    }
    assert_eq!((first["assigned"][0]["member_no"].as_i64(), first["assigned"][0]["name"].as_str()), (Some(1), Some("张秀兰")), "each person on a slot with number and name");
    let text = ok(&db, &["rota", "list", "--month", "2026-01"]);
    assert!(text.lines().last().is_some_and(|l| l.contains("2026-01-07") && l.contains("空缺")), "the text list marks a short slot: {text}");

    let ids = slot_ids(&db);
    assert!(ok(&db, &["rota", "why", &ids[0]]).starts_with("1 张秀兰: "), "rota why names each person on the slot and why");
    assert_eq!(ok(&db, &["rota", "done", &ids[0]]), format!("班次 {}：张秀兰 已完成 12 小时。", ids[0]), "rota done confirms who served how long");
    assert_eq!(ok(&db, &["--lang", "en-US", "rota", "missed", &ids[1]]), format!("Shift {}: 李建国 missed, 0 hours.", ids[1]), "rota missed confirms, in English too");

    assert!(ok(&db, &["rota", "overdue"]).starts_with("4　黄玉喆　从未探望"), "rota overdue lists the elder living alone who was never visited");
    let out = ok(&db, &["pair", "add", "--volunteer", "1", "--elder", "4", "--from", "2026-01-05"]);
    assert_eq!(out, "已结对：张秀兰 每 7 天探望 黄玉喆（护理对象 3）。", "pair add confirms who visits whom how often");
    let out = ok(&db, &["visit", "log", "--elder", "4", "--by", "1", "--call"]);
    assert!(out.starts_with("已记录：") && out.ends_with("电话问候 黄玉喆。"), "visit log confirms (dated today by default): {out}");
    assert_eq!(ok(&db, &["rota", "overdue"]), "独居老人都在 7 天内有人探望或问候过。", "with no one overdue, rota overdue says so");

    let pdf = d.path().join("r.pdf");
    let out = ok(&db, &["rota", "pdf", "--month", "2026-01", "--out", pdf.to_str().unwrap()]);
    let (text, pages) = pdf_text(&std::fs::read(&pdf).expect("the roster file exists"));
    assert_eq!(out, format!("已写入 {}（{pages} 页）。", pdf.display()), "rota pdf names the file and its page count");
    assert!(text.contains("林炎堃"), "the file is the roster: {text}");
}

#[test]
fn rota_pdf_masks_phones_unless_full_phones_is_given_by_a_role_that_may_see_them() {
    let (d, db) = village();
    ok(&db, &["rota", "generate", "--month", "2026-01"]);
    let pdf = d.path().join("r.pdf");
    let file = pdf.to_str().unwrap();
    let text = |p: &Path| squash(&pdf_text(&std::fs::read(p).expect("the roster file exists")).0);
    ok(&db, &["rota", "pdf", "--month", "2026-01", "--out", file]);
    let masked = text(&pdf);
    assert!(masked.contains("138****0001") && !masked.contains("13800000001"), "masked by default: {masked}");
    ok(&db, &["rota", "pdf", "--month", "2026-01", "--out", file, "--full-phones", "--force"]);
    let whole = text(&pdf);
    assert!(whole.contains("13800000001") && !whole.contains("138****0001"), "--full-phones prints the whole numbers: {whole}");

    // Sign-in on: a viewer may print the roster, but not with whole numbers.
    let run = |env: &[(&str, &str)], args: &[&str]| run_with(&db, env, args);
    let (chair, viewer) = sign_in_on(&db);
    let v = d.path().join("v.pdf");
    let o = run(viewer, &["--as", "孙查看", "rota", "pdf", "--month", "2026-01", "--out", v.to_str().unwrap()]);
    assert!(o.status.success() && text(&v).contains("138****0001"), "the viewer prints the masked roster: {}", stderr(&o));
    std::fs::remove_file(&v).unwrap();
    let before = db_snapshot(&db);
    let o = run(viewer, &["--as", "孙查看", "rota", "pdf", "--month", "2026-01", "--out", v.to_str().unwrap(), "--full-phones"]);
    assert_eq!(o.status.code(), Some(1), "refused: {}", stderr(&o));
    assert!(stderr(&o).contains("无权"), "and says so: {}", stderr(&o));
    assert!(!v.exists(), "no file is written");
    assert!(db_snapshot(&db) == before, "nor anything in the database");
    let o = run(chair, &["--as", "陈会长", "rota", "pdf", "--month", "2026-01", "--out", v.to_str().unwrap(), "--full-phones"]);
    assert!(o.status.success() && text(&v).contains("13800000001"), "the chair may: {}", stderr(&o));
}

#[test]
fn bad_rota_input_gets_a_localised_error_and_changes_nothing() {
    let (_d, db) = village();
    ok(&db, &["rota", "generate", "--month", "2026-01"]);
    let night = slot_ids(&db)[1].clone();
    for (args, says) in [
        (vec!["care", "add", "--recipient", "3", "--kind", "care", "--from", "2026-01-01", "--shift", "白班@25:00-08:00"], "时间“25:00”不对"),
        (vec!["--lang", "en-US", "care", "add", "--recipient", "3", "--kind", "care", "--from", "2026-01-01", "--shift", "Day@8h-20h"], "is not valid"),
        (vec!["care", "add", "--recipient", "3", "--kind", "bath", "--from", "2026-01-01"], "“bath”不是可选的值"),
        (vec!["care", "add", "--recipient", "77", "--kind", "care", "--from", "2026-01-01"], "找不到编号为 77"),
        (vec!["volunteer", "set", "1", "--days", "1,8"], "星期“8”不对"),
        (vec!["--lang", "en-US", "volunteer", "set", "1", "--days", "8"], "1 is Monday"),
        (vec!["volunteer", "set", "1", "--away", "2026-12-10..2026-12-01"], "晚于结束日期"),
        (vec!["pair", "add", "--volunteer", "3", "--elder", "4"], "还没有登记为值班志愿者"),
        (vec!["rota", "generate", "--month", "2026-13"], "2026-13"),
        (vec!["rota", "done", "12345"], "12345"),
        (vec!["--lang", "en-US", "rota", "assign", &night, "1"], "already has all the people it needs"),
    ] {
        let msg = refused(&db, &args);
        assert!(msg.contains(says), "{args:?} is refused saying {says:?}: {msg}");
    }
}

/// Reveals recorded in the audit log: who, of what.
pub fn reveals(db: &Path) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(db).expect("open the database");
    let mut stmt = conn.prepare("SELECT actor, entity, entity_id FROM audit_log WHERE action = 'reveal' ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn rota_list_overdue_and_care_list_mask_phones_unless_full_is_given_by_a_role_that_may() {
    let (_d, db) = village();
    ok(&db, &["member", "add", "--name", "王阿婆", "--living", "独居", "--phone", "13612345678"]);
    ok(&db, &["care", "add", "--recipient", "4", "--kind", "visit", "--from", "2026-01-05", "--until", "2026-01-05", "--family", "儿子 林小明 13912345678"]);
    ok(&db, &["rota", "generate", "--month", "2026-01"]);
    let masked = [
        (vec!["rota", "list", "--month", "2026-01", "--json"], "13800000001", "138****0001"),
        (vec!["rota", "overdue", "--json"], "13612345678", "136****5678"),
        (vec!["rota", "overdue"], "13612345678", "136****5678"),
        (vec!["care", "list", "--json"], "13912345678", "139****5678"),
    ];
    for (args, whole, shown) in &masked {
        let out = ok(&db, args);
        assert!(out.contains(shown) && !out.contains(whole), "{args:?} masks the phones: {out}");
    }
    assert!(reveals(&db).is_empty(), "a masked list records no reveal");
    for (args, whole, shown) in &masked {
        let mut full = args.clone();
        full.push("--full");
        let out = ok(&db, &full);
        assert!(out.contains(whole) && !out.contains(shown), "{full:?} prints the whole numbers: {out}");
    }
    let r = reveals(&db);
    assert_eq!(r.iter().map(|(_, e, k)| format!("{e} {k}")).collect::<Vec<_>>(), ["person rota:2026-01", "person overdue", "person overdue", "care_case all"], "one reveal recorded for each --full list");

    // Sign-in on: a viewer's --full is refused, says so and writes nothing; the chair's is not.
    let run = |env: &[(&str, &str)], args: &[&str]| run_with(&db, env, args);
    let (chair, viewer) = sign_in_on(&db);
    for (args, whole, shown) in &masked {
        let mut as_viewer = vec!["--as", "孙查看"];
        as_viewer.extend(args.iter().copied());
        let o = run(viewer, &as_viewer);
        let out = String::from_utf8_lossy(&o.stdout).to_string();
        assert!(o.status.success() && out.contains(shown) && !out.contains(whole), "the viewer sees {args:?} masked: {}", stderr(&o));
        as_viewer.push("--full");
        let before = db_snapshot(&db);
        let o = run(viewer, &as_viewer);
        assert_eq!(o.status.code(), Some(1), "{as_viewer:?} is refused: {}", stderr(&o));
        assert!(stderr(&o).contains("无权") && o.stdout.is_empty(), "says so and prints nothing: {}", stderr(&o));
        assert!(db_snapshot(&db) == before, "nor writes anything");
    }
    let o = run(chair, &["--as", "陈会长", "rota", "list", "--month", "2026-01", "--json", "--full"]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("13800000001"), "the chair may: {}", stderr(&o));
    assert_eq!(reveals(&db).last().map(|(a, _, _)| a.as_str()), Some("陈会长"), "the reveal names who made it");
}
