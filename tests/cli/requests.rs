//! `huzhu request|feedback|training|standard …`: a request taken, matched, assigned, done with
//! feedback and credited; training a kind requires; refusals in both languages.

use super::{huzhu, ok, refused, stderr};

#[test]
fn a_request_goes_from_the_phone_call_to_the_volunteers_hours() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite3");
    ok(&db, &["init", "--name", "东山村老年协会"]);
    ok(&db, &["member", "add", "--name", "张秀兰", "--volunteer", "--group", "1组"]);
    ok(&db, &["member", "add", "--name", "李建国", "--volunteer", "--group", "3组"]);
    ok(&db, &["member", "add", "--name", "王阿婆", "--group", "1组"]);
    ok(&db, &["volunteer", "set", "1"]);
    ok(&db, &["volunteer", "set", "2"]);

    let id = ok(&db, &["request", "add", "--for", "3", "--kind", "陪诊", "--date", "2026-11-26", "--from", "08:00", "--to", "11:00", "--where", "镇卫生院"]);
    assert_eq!(id, "1", "request add prints the id alone");
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["request", "candidates", "1", "--json"])).expect("candidates --json is JSON");
    let list = json.as_array().expect("a list");
    assert_eq!(list.len(), 2, "both volunteers listed: {json}");
    assert_eq!((list[0]["no"].as_i64(), list[0]["able"].as_bool()), (Some(1), Some(true)), "the same group comes first: {json}");
    assert!(list[0]["name"].as_str() == Some("张秀兰") && list[0]["reason"].as_str().is_some_and(|r| r.contains("同组")), "shape {{no, name, able, reason}}: {json}");
    assert_eq!(list[0].as_object().map(|o| o.len()), Some(4), "exactly the issue's four keys: {json}");

    let msg = refused(&db, &["request", "done", "1", "--hours", "3"]);
    assert!(msg.contains("还没有派人"), "done before assign is refused: {msg}");
    assert!(ok(&db, &["request", "assign", "1", "1"]).contains("张秀兰"));
    let listed = ok(&db, &["request", "list", "--open"]);
    assert!(listed.contains("陪诊") && listed.contains("逾期"), "the open list marks a past request still open as overdue: {listed}");
    let done = ok(&db, &["request", "done", "1", "--hours", "3", "--feedback", "good", "--note", "很耐心"]);
    assert!(done.contains('3'), "done says the hours credited: {done}");
    assert_eq!(ok(&db, &["time", "balance", "1"]), "3", "the hours are on the volunteer's account");
    let msg = refused(&db, &["request", "cancel", "1", "--reason", "弄错了"]);
    assert!(msg.contains("已经完成"), "a done request cannot be cancelled: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "request", "done", "1", "--hours", "3"]);
    assert!(msg.contains("is done"), "and it says so in English too: {msg}");
    assert_eq!(ok(&db, &["time", "balance", "1"]), "3", "credited once");
    assert_eq!(ok(&db, &["request", "list", "--open"]), "没有求助。");
}

#[test]
fn training_required_by_a_kind_narrows_the_candidates_and_bad_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    ok(&db, &["init", "--name", "东山村老年协会"]);
    ok(&db, &["member", "add", "--name", "张秀兰", "--volunteer"]);
    ok(&db, &["member", "add", "--name", "李建国", "--volunteer"]);
    ok(&db, &["member", "add", "--name", "王阿婆"]);
    ok(&db, &["volunteer", "set", "1"]);
    ok(&db, &["volunteer", "set", "2"]);
    assert!(ok(&db, &["training", "require", "助洁", "--topic", "居所意外防范"]).contains("居所意外防范"));
    let t = ok(&db, &["training", "add", "--topic", "居所意外防范", "--date", "2026-11-01", "--trainer", "派出所", "--hours", "2"]);
    assert_eq!(t, "1", "training add prints the id");
    ok(&db, &["training", "attend", "1", "2"]);
    ok(&db, &["request", "add", "--for", "3", "--kind", "cleaning"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["request", "candidates", "1", "--json"])).unwrap();
    let able: Vec<i64> = json.as_array().unwrap().iter().filter(|c| c["able"] == true).filter_map(|c| c["no"].as_i64()).collect();
    assert_eq!(able, vec![2], "only the trained volunteer: {json}");
    let msg = refused(&db, &["request", "assign", "1", "1"]);
    assert!(msg.contains("未参加"), "assigning the untrained is refused, saying why: {msg}");

    let msg = refused(&db, &["request", "add", "--for", "3", "--kind", "挑水"]);
    assert!(msg.contains("挑水"), "an unknown kind is named: {msg}");
    let msg = refused(&db, &["request", "done", "1", "--hours", "2", "--feedback", "great"]);
    assert!(msg.contains("great"), "an unknown rating is named: {msg}");
    let o = huzhu(&db, &["request", "add", "--for", "3"]);
    assert_eq!(o.status.code(), Some(2), "a missing --kind is a usage error: {}", stderr(&o));
    assert!(ok(&db, &["standard", "set", "care", "--text", "翻身、喂水、记录"]).contains("care"));
    let msg = refused(&db, &["feedback", "add", "--shift", "99", "--rating", "good"]);
    assert!(msg.contains("99"), "feedback on a shift that does not exist names it: {msg}");
    assert!(ok(&db, &["standard", "list"]).contains("翻身"), "the standard is kept");
}
