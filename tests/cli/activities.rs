//! `huzhu activity …`: activities from the command line.

use super::{db_snapshot, huzhu, initialised, ok, refused, stderr};
use crate::common::pdf::pdf_text;

#[test]
fn an_activity_its_attendance_costs_and_sign_in_sheet() {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--birth", "1946-03-02"]);
    ok(&db, &["member", "add", "--name", "林德明", "--birth", "1940-05-01"]);
    let id = ok(&db, &["activity", "add", "--name", "重阳敬老宴", "--kind", "重阳活动", "--date", "2026-10-29", "--place", "祠堂", "--budget", "3000"]);
    assert_eq!(id, "1", "add prints the activity's id alone");

    let before = db_snapshot(&db);
    let msg = refused(&db, &["activity", "add", "--name", "x", "--kind", "跳舞"]);
    assert!(msg.contains("跳舞") && msg.contains("festival"), "an unknown kind is refused with the choices: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "activity", "cost", "1", "--amount", "abc"]);
    assert!(msg.contains("abc"), "a bad amount is refused in English, naming it: {msg}");
    assert_eq!(db_snapshot(&db), before, "refusals change nothing");

    let out = ok(&db, &["activity", "attend", "1", "1", "2"]);
    assert!(out.contains('2'), "attend says how many came: {out}");
    let out = ok(&db, &["activity", "attend", "1", "--count", "40"]);
    assert!(out.contains("40"), "a head count is the attendance: {out}");
    let out = ok(&db, &["activity", "cost", "1", "--amount", "1200", "--party", "村口饭店", "--memo", "聚餐", "--date", "2026-10-29"]);
    assert!(out.contains("2026-0001") && out.contains("活动经费") && out.contains("¥1,200.00"), "cost names the voucher, the category and the amount: {out}");
    let out = ok(&db, &["activity", "cost", "1", "--amount", "300", "--category", "外出旅游", "--date", "2026-10-29"]);
    assert!(out.contains("外出旅游") && out.contains("¥1,500.00"), "a category may be chosen; the total so far is shown: {out}");
    let cash = ok(&db, &["cash", "list"]);
    assert!(cash.contains("2026-0001") && cash.contains("2026-0002"), "the costs are in the cash book: {cash}");

    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["activity", "list", "--year", "2026", "--json"])).expect("list --json is JSON");
    assert_eq!((json[0]["attendance"].as_i64(), json[0]["spent"].as_str()), (Some(40), Some("1500.00")), "the list gives attendance and spending: {json}");

    let pdf = d.path().join("sheet.pdf");
    let o = huzhu(&db, &["activity", "sheet", "1", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "sheet writes the file: {}", stderr(&o));
    let (text, pages) = pdf_text(&std::fs::read(&pdf).expect("the sheet exists"));
    assert!(pages == 1 && text.contains("张秀英") && text.contains("签名"), "the sign-in sheet lists the people with a signature column: {text}");
}
