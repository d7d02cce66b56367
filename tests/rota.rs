//! Care rotas through the command line and the core, on a temporary database file: volunteers,
//! care cases, generation, manual changes, locked shifts, outcomes, visits, printed rosters.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use huzhu::i18n::{Lang, Localizer};
use huzhu::members::MemberNo;
use huzhu::kernel::Month;
use huzhu::rota::{self, RotaSlotId};
use serde_json::Value;

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

fn ok(db: &Path, args: &[&str]) -> String {
    let o = huzhu(db, args);
    assert!(o.status.success(), "huzhu {args:?} failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

/// Runs a command that must fail; returns its message. Checks that nothing in the database
/// changed (every table's row count, and the audit log).
fn refused(db: &Path, args: &[&str]) -> String {
    let before = snapshot(db);
    let o = huzhu(db, args);
    assert!(!o.status.success(), "huzhu {args:?} must fail");
    assert_eq!(snapshot(db), before, "a refused command changes nothing: {args:?}");
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

fn snapshot(db: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out: Vec<(String, i64)> = tables.iter().map(|t| (t.clone(), common::count(&conn, t))).collect();
    let assignments: String = conn
        .query_row("SELECT coalesce(group_concat(slot_id || ':' || person_id || ':' || by_hand, ','), '') FROM rota_assignment", [], |r| r.get(0))
        .unwrap();
    out.push((assignments, 0));
    out
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).expect("json output")
}

/// Four volunteers and two elders. Volunteer 1 does days only; 2 and 3 do days and nights;
/// 4 does visits only, Monday to Friday. Elder 5 is bedridden; elder 6 lives alone.
fn village() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rota.sqlite3");
    ok(&db, &["init", "--name", "东风村老年协会"]);
    for (name, phone) in [("张秀兰", "13800000001"), ("李建国", "13800000002"), ("王子涵", "13800000003"), ("陈桂英", "13800000004")] {
        ok(&db, &["member", "add", "--name", name, "--volunteer", "--phone", phone, "--group", "1组"]);
    }
    ok(&db, &["member", "add", "--name", "林炎堃", "--care", "重度失能", "--address", "后埔12号", "--group", "1组"]);
    ok(&db, &["member", "add", "--name", "黄玉喆", "--living", "独居", "--address", "溪边3号"]);
    ok(&db, &["volunteer", "set", "1", "--kinds", "care,visit", "--days", "1,2,3,4,5,6,7", "--shifts", "day"]);
    ok(&db, &["volunteer", "set", "2", "--kinds", "care", "--shifts", "day,night", "--max-shifts", "20"]);
    ok(&db, &["volunteer", "set", "3", "--kinds", "care", "--shifts", "day,night"]);
    ok(&db, &["volunteer", "set", "4", "--kinds", "visit", "--days", "1-5", "--away", "2026-11-16..2026-11-18"]);
    (dir, db)
}

fn slots(db: &Path, month: &str) -> Vec<Value> {
    json(db, &["rota", "list", "--month", month, "--json"]).as_array().cloned().unwrap_or_default()
}

fn interval(s: &Value) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
    let date = chrono::NaiveDate::parse_from_str(s["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let t = |k: &str| chrono::NaiveTime::parse_from_str(s[k].as_str().unwrap(), "%H:%M").unwrap();
    rota::interval(date, t("start"), t("end"))
}

fn people(s: &Value) -> Vec<i64> {
    s["assigned"].as_array().unwrap().iter().map(|a| a["member_no"]["0"].as_i64().or_else(|| a["member_no"].as_i64()).unwrap()).collect()
}

#[test]
fn a_care_case_is_filled_for_the_month_without_breaking_a_hard_rule() {
    let (_d, db) = village();
    let id = ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-01", "--shift", "白班@08:00-20:00", "--shift", "夜班@20:00-08:00"]);
    assert_eq!(id, "1", "care add prints the new case id alone");
    let report = json(&db, &["rota", "generate", "--month", "2026-11", "--json"]);
    let list = slots(&db, "2026-11");
    assert_eq!(list.len(), 60, "30 days × day and night");
    for s in &list {
        for k in ["date", "start", "end", "case_id", "assigned"] {
            assert!(!s[k].is_null(), "rota list --json gives {k} for every slot");
        }
        for a in s["assigned"].as_array().unwrap() {
            assert!(a["name"].is_string() && !a["member_no"].is_null(), "each person with member_no and name");
        }
    }
    // Hard rules, from the outside: nights only for 2 and 3, no one twice too close.
    let mut by_person: std::collections::BTreeMap<i64, Vec<(chrono::NaiveDateTime, chrono::NaiveDateTime)>> = Default::default();
    for s in &list {
        let night = s["start"] == "20:00";
        for p in people(s) {
            assert!(p == 1 || p == 2 || p == 3, "only care volunteers on a care case");
            assert!(!(night && p == 1), "volunteer 1 does no nights");
            by_person.entry(p).or_default().push(interval(s));
        }
    }
    for (p, iv) in &by_person {
        for i in 0..iv.len() {
            for j in i + 1..iv.len() {
                assert!(!rota::generator::too_close(iv[i], iv[j], rota::DEFAULT_REST_HOURS * 60), "person {p}: back-to-back shifts");
            }
        }
    }
    assert!(by_person[&2].len() <= 20, "max load respected");
    let unfilled = report["unfilled"].as_array().unwrap().len();
    let short = list.iter().filter(|s| people(s).is_empty()).count();
    assert_eq!(unfilled, short, "every empty slot is reported");
    // The same input gives the same rota.
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    assert_eq!(slots(&db, "2026-11"), list, "regenerating an unchanged month changes nothing");
}

#[test]
fn unfilled_slots_are_listed_with_a_reason_in_words() {
    let (_d, db) = village();
    // Hall duty: no volunteer does it.
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "hall", "--from", "2026-12-06", "--until", "2026-12-06"]);
    let out = ok(&db, &["rota", "generate", "--month", "2026-12"]);
    assert!(out.contains("没有志愿者能做活动中心值班"), "{out}");
    let out = ok(&db, &["--lang", "en-US", "rota", "generate", "--month", "2026-12"]);
    assert!(out.contains("No volunteer does hall duty"), "{out}");
    // A Sunday night no one can do.
    ok(&db, &["volunteer", "set", "2", "--days", "1-6"]);
    ok(&db, &["volunteer", "set", "3", "--days", "1-6"]);
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-12-06", "--until", "2026-12-06", "--shift", "夜班@20:00-08:00"]);
    let out = ok(&db, &["--lang", "en-US", "rota", "generate", "--month", "2026-12"]);
    assert!(out.contains("No one available on Sundays at night"), "{out}");
}

#[test]
fn manual_changes_are_checked_and_locked_or_hand_made_ones_survive_regeneration() {
    let (_d, db) = village();
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-01", "--until", "2026-11-10", "--shift", "白班@08:00-20:00", "--shift", "夜班@20:00-08:00"]);
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    let list = slots(&db, "2026-11");
    let night1 = list.iter().find(|s| s["date"] == "2026-11-01" && s["start"] == "20:00").unwrap().clone();
    let night1_id = night1["id"].as_i64().unwrap().to_string();

    // Volunteer 1 does no nights; volunteer 4 does no care; 99 does not exist.
    let msg = refused(&db, &["rota", "unassign", &night1_id, "4"]);
    assert!(msg.contains("不在班次"), "{msg}");
    let on_night = people(&night1)[0].to_string();
    ok(&db, &["rota", "unassign", &night1_id, &on_night]);
    let msg = refused(&db, &["rota", "assign", &night1_id, "1"]);
    assert!(msg.contains("不值夜班"), "assigning someone outside their shifts is refused: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "rota", "assign", &night1_id, "1"]);
    assert!(msg.contains("does not do night shifts"), "{msg}");
    let msg = refused(&db, &["rota", "assign", &night1_id, "4"]);
    assert!(msg.contains("不做护理"), "{msg}");
    let msg = refused(&db, &["rota", "assign", &night1_id, "99"]);
    assert!(msg.contains("找不到编号为 99"), "{msg}");
    // Someone on the day shift of 11-02 cannot take the night of 11-01 (no rest between).
    let day2 = list.iter().find(|s| s["date"] == "2026-11-02" && s["start"] == "08:00").unwrap();
    let day2_person = people(day2)[0];
    if day2_person != 1 {
        let msg = refused(&db, &["rota", "assign", &night1_id, &day2_person.to_string()]);
        assert!(msg.contains("休息不够"), "a night before one's own day shift is back-to-back: {msg}");
    }
    // A free night volunteer by hand; then lock another slot.
    let free = [2, 3].into_iter().find(|p| {
        huzhu(&db, &["rota", "assign", &night1_id, &p.to_string()]).status.success()
    });
    let hand = free.expect("2 or 3 can take the first night");
    let day1 = list.iter().find(|s| s["date"] == "2026-11-01" && s["start"] == "08:00").unwrap();
    let day1_id = day1["id"].as_i64().unwrap().to_string();
    let day1_people = people(day1);
    ok(&db, &["rota", "lock", &day1_id]);
    let why = ok(&db, &["rota", "why", &night1_id]);
    assert!(why.contains("手工安排"), "why shows a hand assignment: {why}");

    // Others change their availability; regeneration keeps the locked and hand-made ones.
    ok(&db, &["volunteer", "set", &day1_people[0].to_string(), "--days", "7"]);
    ok(&db, &["volunteer", "set", &hand.to_string(), "--max-shifts", "1"]);
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    let after = slots(&db, "2026-11");
    let get = |id: &str| after.iter().find(|s| s["id"].as_i64().unwrap().to_string() == id).unwrap().clone();
    assert_eq!(people(&get(&day1_id)), day1_people, "a locked slot keeps its people");
    assert_eq!(get(&day1_id)["locked"], true);
    assert_eq!(people(&get(&night1_id)), vec![hand], "a hand-made assignment survives regeneration");
    let hand_count = after.iter().filter(|s| people(s).contains(&hand)).count();
    assert_eq!(hand_count, 1, "the generator respects the new maximum around the kept shift");
}

#[test]
fn swapping_two_people_checks_both_moves() {
    let (_d, db) = village();
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-01", "--until", "2026-11-07", "--shift", "白班@08:00-20:00"]);
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    let list = slots(&db, "2026-11");
    let find = |date: &str, start: &str| list.iter().find(|s| s["date"] == date && s["start"] == start).unwrap().clone();
    let id = |s: &Value| s["id"].as_i64().unwrap().to_string();
    // Two care day shifts a day or more apart (12 hours' rest between): any two care volunteers
    // can swap them.
    let x = find("2026-11-03", "08:00");
    let px = people(&x)[0];
    let y = ["2026-11-04", "2026-11-05", "2026-11-06"].iter().map(|d| find(d, "08:00")).find(|s| people(s)[0] != px).unwrap();
    let py = people(&y)[0];
    ok(&db, &["rota", "swap", &id(&x), &px.to_string(), &id(&y), &py.to_string()]);
    let after = slots(&db, "2026-11");
    let get = |s: &Value| after.iter().find(|a| a["id"] == s["id"]).unwrap().clone();
    assert_eq!((people(&get(&x)), people(&get(&y))), (vec![py], vec![px]), "the two people changed places");
    assert!(ok(&db, &["rota", "why", &id(&x)]).contains("手工安排"), "a swapped assignment is a hand-made one");

    // A visit: swapping its visitor onto a care shift (or a carer onto a visit) is refused whole.
    ok(&db, &["care", "add", "--recipient", "6", "--kind", "visit", "--from", "2026-11-02", "--until", "2026-11-06", "--shift", "探望@09:00-10:00"]);
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    let list = slots(&db, "2026-11");
    let visit = list.iter().find(|s| s["date"] == "2026-11-05" && s["start"] == "09:00").unwrap().clone();
    let care = list.iter().find(|s| s["date"] == "2026-11-02" && s["start"] == "08:00").unwrap().clone();
    let (v, c) = (people(&visit)[0], people(&care)[0]);
    if v != c && !(v == 1 && c == 1) {
        let msg = refused(&db, &["rota", "swap", &id(&visit), &v.to_string(), &id(&care), &c.to_string()]);
        assert!(msg.contains("不做"), "{msg}");
    }
    let msg = refused(&db, &["rota", "swap", &id(&visit), "3", &id(&care), &c.to_string()]);
    assert!(msg.contains("不在班次"), "both people must be on the slots they leave: {msg}");
}

#[test]
fn bad_input_gets_a_localised_error_and_changes_nothing() {
    let (_d, db) = village();
    let msg = refused(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-01", "--shift", "白班@25:00-08:00"]);
    assert!(msg.contains("时间“25:00”不对"), "{msg}");
    let msg = refused(&db, &["--lang", "en-US", "care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-01", "--shift", "Day@8h-20h"]);
    assert!(msg.contains("is not valid"), "{msg}");
    let msg = refused(&db, &["volunteer", "set", "1", "--days", "1,8"]);
    assert!(msg.contains("星期“8”不对"), "{msg}");
    let msg = refused(&db, &["--lang", "en-US", "volunteer", "set", "1", "--days", "8"]);
    assert!(msg.contains("1 is Monday"), "{msg}");
    let msg = refused(&db, &["volunteer", "set", "77", "--days", "1"]);
    assert!(msg.contains("找不到编号为 77"), "{msg}");
    let msg = refused(&db, &["volunteer", "set", "1", "--away", "2026-12-10..2026-12-01"]);
    assert!(msg.contains("晚于结束日期"), "{msg}");
    let msg = refused(&db, &["care", "add", "--recipient", "77", "--kind", "care", "--from", "2026-11-01"]);
    assert!(msg.contains("找不到编号为 77"), "{msg}");
    let msg = refused(&db, &["care", "add", "--recipient", "5", "--kind", "bath", "--from", "2026-11-01"]);
    assert!(msg.contains("bath"), "{msg}");
    let msg = refused(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-10", "--until", "2026-11-01"]);
    assert!(msg.contains("晚于结束日期"), "{msg}");
    let msg = refused(&db, &["pair", "add", "--volunteer", "5", "--elder", "6"]);
    assert!(msg.contains("还没有登记为值班志愿者"), "{msg}");
    let msg = refused(&db, &["rota", "generate", "--month", "2026-13"]);
    assert!(msg.contains("2026-13"), "{msg}");
    let msg = refused(&db, &["rota", "done", "12345"]);
    assert!(msg.contains("12345"), "{msg}");
}

#[test]
fn done_shifts_keep_everything_the_time_bank_needs_exactly_once() {
    let (_d, db) = village();
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-11-01", "--until", "2026-11-03", "--shift", "白班@08:00-20:00"]);
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-12-20", "--until", "2026-12-20", "--shift", "白班@08:00-20:00"]);
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    ok(&db, &["rota", "generate", "--month", "2026-12"]);
    let list = slots(&db, "2026-11");
    let (a, b, c) = (&list[0], &list[1], &list[2]);
    let a_id = a["id"].as_i64().unwrap().to_string();
    let done = json(&db, &["rota", "done", &a_id, "--json"]);
    assert_eq!(done[0]["minutes"], 720, "default hours are the shift's length");
    assert_eq!(done[0]["kind"], "done");
    let msg = refused(&db, &["rota", "done", &a_id]);
    assert!(msg.contains("已经登记过"), "a shift is recorded once: {msg}");
    // Covered by someone else, with hours given.
    let b_id = b["id"].as_i64().unwrap().to_string();
    let b_person = people(b)[0];
    let cover = if b_person == 2 { "3" } else { "2" };
    let done = json(&db, &["rota", "done", &b_id, "--by", cover, "--hours", "10.5", "--json"]);
    assert_eq!((done[0]["kind"].as_str(), done[0]["minutes"].as_i64()), (Some("covered"), Some(630)));
    assert_eq!(done[0]["worker"], cover.parse::<i64>().unwrap());
    // Missed: no hours.
    let c_id = c["id"].as_i64().unwrap().to_string();
    ok(&db, &["rota", "missed", &c_id]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(i64, String, Option<i64>, i64, String)> = conn
        .prepare("SELECT slot_id, outcome, worker_id, minutes, date FROM shift_outcome ORDER BY slot_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].1, "missed");
    assert_eq!(rows[2].2, None, "a missed shift credits no one");
    assert!(rows.iter().all(|r| !r.4.is_empty()), "each record keeps its date");
    // The time bank credited the done and the covering shift, once each, and no one for the miss.
    let a_person = people(a)[0];
    let conn = huzhu::db::open(&db).unwrap();
    let tb = |no: i64| huzhu::time_bank::balance(&conn, MemberNo(no)).unwrap().to_string();
    let expect = |no: i64| -> f64 {
        let mut h = 0.0;
        if no == a_person {
            h += 12.0;
        }
        if no.to_string() == cover {
            h += 10.5;
        }
        h
    };
    for no in [1, 2, 3] {
        assert_eq!(tb(no).parse::<f64>().unwrap(), expect(no), "member {no}'s time-bank balance is what they served");
    }
    let credited: i64 = conn.query_row("SELECT count(*) FROM shift_outcome WHERE time_entry_id IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(credited, 2, "each served shift names its time-bank entry");
    // Crediting the same shift again (say, a retried command) changes nothing.
    let mut conn = conn;
    let tx = conn.transaction().unwrap();
    let again = huzhu::time_bank::credit_service(
        &tx,
        &common::actor(),
        MemberNo(a_person),
        huzhu::time_bank::Hours::from_half_hours(24),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        &format!("shift:{}:{}", a_id, a_person),
        common::today(),
    )
    .unwrap();
    assert_eq!(again, None, "a shift is credited exactly once");
    drop(tx);
    // Done shifts count as earlier load for the next month; a future shift cannot be done.
    let dec = slots(&db, "2026-12");
    let msg = refused(&db, &["rota", "done", &dec[0]["id"].as_i64().unwrap().to_string()]);
    assert!(msg.contains("还没到"), "{msg}");
    // Regenerating November keeps the recorded ones.
    ok(&db, &["rota", "generate", "--month", "2026-11"]);
    assert_eq!(people(&slots(&db, "2026-11")[0]), people(a), "a done shift keeps its person");
}

#[test]
fn elders_living_alone_without_contact_are_flagged_until_visited() {
    let (_d, db) = village();
    let out = ok(&db, &["rota", "overdue"]);
    assert!(out.contains("黄玉喆") && out.contains("从未探望"), "never visited is flagged: {out}");
    ok(&db, &["visit", "log", "--elder", "6", "--by", "4", "--date", "2026-11-20", "--notes", "身体还好"]);
    let list = json(&db, &["rota", "overdue", "--days", "7", "--json"]);
    let days = rota::overdue(&huzhu::db::open(&db).unwrap(), 7, chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()).unwrap();
    assert_eq!(days.len(), 1, "nine days since the visit: still flagged");
    assert_eq!(days[0].days, Some(9));
    let _ = list;
    ok(&db, &["visit", "log", "--elder", "6", "--by", "1", "--date", "2026-11-27", "--call"]);
    let days = rota::overdue(&huzhu::db::open(&db).unwrap(), 7, chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()).unwrap();
    assert!(days.is_empty(), "a call two days ago clears the flag");
    let msg = refused(&db, &["visit", "log", "--elder", "6", "--date", "2099-01-01"]);
    assert!(msg.contains("不能晚于今天"), "{msg}");
}

#[test]
fn pairings_always_keep_their_volunteer() {
    let (_d, db) = village();
    ok(&db, &["pair", "add", "--volunteer", "1", "--elder", "6", "--every-days", "7", "--from", "2026-12-02"]);
    // Others are free and have less to do; the visits still go to 1.
    ok(&db, &["rota", "generate", "--month", "2026-12"]);
    let list = slots(&db, "2026-12");
    assert_eq!(list.len(), 5, "weekly from 12-02: 2, 9, 16, 23, 30");
    assert!(list.iter().all(|s| people(s) == vec![1]), "every visit by the paired volunteer");
    let id = list[0]["id"].as_i64().unwrap().to_string();
    ok(&db, &["rota", "unassign", &id, "1"]);
    let msg = refused(&db, &["rota", "assign", &id, "4"]);
    assert!(msg.contains("结对"), "{msg}");
    let msg = refused(&db, &["pair", "add", "--volunteer", "1", "--elder", "6"]);
    assert!(msg.contains("已经结对"), "{msg}");
}

fn pdftotext(path: &Path) -> String {
    let o = Command::new("pdftotext").arg("-layout").arg(path).arg("-").output().expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn pages(path: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(path).output().expect("pdfinfo (poppler-utils) must be installed");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .expect("pdfinfo gives a page count")
}

#[test]
fn the_roster_and_slips_print_names_times_phones_and_signature_lines() {
    let (d, db) = village();
    ok(&db, &["care", "add", "--recipient", "5", "--kind", "care", "--from", "2026-12-01", "--shift", "白班@08:00-20:00", "--shift", "夜班@20:00-08:00", "--medicines", "降压药早晚各一次"]);
    ok(&db, &["pair", "add", "--volunteer", "4", "--elder", "6", "--from", "2026-12-01"]);
    ok(&db, &["rota", "generate", "--month", "2026-12"]);
    let pdf = d.path().join("r.pdf");
    let out = ok(&db, &["rota", "pdf", "--month", "2026-12", "--out", pdf.to_str().unwrap()]);
    assert!(out.contains("3 页"), "two cases and the phone list: {out}");
    assert_eq!(pages(&pdf), 3);
    let text = pdftotext(&pdf);
    for needle in ["2026年12月值班表", "林炎堃", "后埔12号", "降压药早晚各一次", "白班 08:00-20:00", "夜班 20:00-08:00（次日）", "制表人", "审核人", "共3页", "13800000002", "张秀兰", "值班人员通讯录"] {
        // pdftotext may drop or add spaces between CJK and digits; compare without them too.
        let flat: String = text.split_whitespace().collect();
        assert!(text.contains(needle) || flat.contains(&needle.replace(' ', "")), "the roster shows {needle}");
    }
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 400_000, "the font is subset: {size} bytes");

    let large = d.path().join("l.pdf");
    ok(&db, &["rota", "pdf", "--month", "2026-12", "--out", large.to_str().unwrap(), "--large"]);
    assert!(pages(&large) > pages(&pdf), "large print spreads a month over more pages");
    assert!(pdftotext(&large).contains("林炎堃"));

    let en = d.path().join("e.pdf");
    ok(&db, &["--lang", "en-US", "rota", "pdf", "--month", "2026-12", "--out", en.to_str().unwrap(), "--a3"]);
    let text = pdftotext(&en);
    assert!(text.contains("Rota for 12/2026") && text.contains("Volunteers' phones"), "{text}");

    let slips = d.path().join("s.pdf");
    ok(&db, &["rota", "slips", "--month", "2026-12", "--out", slips.to_str().unwrap()]);
    let text = pdftotext(&slips);
    assert!(text.contains("陈桂英") && text.contains("编号 4") && text.contains("黄玉喆"), "the paired volunteer's slip names the elder: {text}");
    assert!(text.contains("12月1日"), "{text}");
}

#[test]
fn the_demo_village_has_rotas_and_the_same_seed_gives_the_same_month() {
    let list_for = |seed: &str| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.sqlite3");
        ok(&db, &["demo", "--people", "120", "--seed", seed]);
        ok(&db, &["rota", "generate", "--month", "2026-12"]);
        let l = slots(&db, "2026-12");
        (dir, db, l)
    };
    let (_a, db, one) = list_for("5");
    let (_b, _, two) = list_for("5");
    assert!(!one.is_empty(), "the demo has care cases");
    assert_eq!(one, two, "same seed, same rota");
    let filled = one.iter().filter(|s| !people(s).is_empty()).count();
    assert!(filled * 10 >= one.len() * 9, "a demo month is mostly filled: {filled}/{}", one.len());
    let msg = ok(&db, &["rota", "overdue"]);
    assert!(!msg.is_empty());
}

#[test]
fn every_rota_write_is_audited_in_the_same_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = huzhu::db::open(&dir.path().join("a.sqlite3")).unwrap();
    let l10n = Localizer::new(Lang::ZhCn);
    let today = common::today();
    let tx = conn.transaction().unwrap();
    let actor = common::actor();
    let mut v = huzhu::members::PersonInput::member("张秀兰");
    v.volunteer = true;
    huzhu::members::add(&tx, &actor, &v, today).unwrap();
    huzhu::members::add(&tx, &actor, &huzhu::members::PersonInput::member("林炎堃"), today).unwrap();
    let n0 = huzhu::audit::count(&tx).unwrap();
    rota::set_volunteer(&tx, &actor, MemberNo(1), &rota::VolunteerAvailabilityInput::default(), today).unwrap();
    let input = rota::CaseInput {
        recipient: MemberNo(2),
        kind: rota::DutyKind::Visit,
        from: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        until: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()),
        shifts: vec![],
        weekdays: rota::Weekdays::ALL,
        every_days: 1,
        address: String::new(),
        medicines: String::new(),
        family_to_call: String::new(),
        notes: String::new(),
    };
    rota::add_case(&tx, &actor, &input, &l10n, today).unwrap();
    let month = Month { year: 2026, month: 11 };
    rota::generate(&tx, &actor, month, &l10n).unwrap();
    rota::set_locked(&tx, &actor, RotaSlotId(1), true).unwrap();
    rota::record_outcome(&tx, &actor, RotaSlotId(1), None, rota::Outcome::Done { minutes: None }, today).unwrap();
    assert_eq!(
        huzhu::audit::count(&tx).unwrap() - n0,
        6,
        "availability, case, generation, lock, outcome and its time-bank deposit each leave one audit row"
    );
    assert_eq!(huzhu::time_bank::balance(&tx, MemberNo(1)).unwrap().to_string(), "1", "the done one-hour visit is credited in the same transaction");
    // A refused write leaves no audit row either (the caller's transaction is dropped).
    tx.commit().unwrap();
    let tx = conn.transaction().unwrap();
    let n1 = huzhu::audit::count(&tx).unwrap();
    assert!(rota::assign(&tx, &actor, RotaSlotId(1), MemberNo(2)).is_err(), "a non-volunteer cannot be assigned");
    assert_eq!(huzhu::audit::count(&tx).unwrap(), n1);
}
