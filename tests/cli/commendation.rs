//! `huzhu commend`: the year's volunteers from the command line.

use super::{huzhu, initialised, ok, refused, stderr};
use crate::common::pdf::pdf_text;

#[test]
fn the_ranking_its_threshold_the_certificates_and_the_list() {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--birth", "1956-03-02"]);
    ok(&db, &["member", "add", "--name", "林德明", "--birth", "1950-05-01"]);
    for m in ["01", "02", "03", "04", "05"] {
        ok(&db, &["time", "deposit", "--person", "1", "--hours", "24", "--date", &format!("2026-{m}-05"), "--kind", "陪护"]);
    }
    ok(&db, &["time", "deposit", "--person", "2", "--hours", "8", "--date", "2026-03-05", "--kind", "探望"]);
    let out = ok(&db, &["commend", "--year", "2026"]);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.contains("张秀英") && first.contains("120") && first.contains("优秀志愿者"), "most hours first, commended at 100 hours: {out}");
    assert!(!out.lines().nth(1).unwrap_or_default().contains("优秀志愿者"), "8 hours is not commended: {out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["commend", "--year", "2026", "--min-hours", "5", "--json"])).expect("--json is JSON");
    assert_eq!((json["lines"][1]["commended"].as_bool(), json["min_hours"].as_str()), (Some(true), Some("5")), "--min-hours lowers the threshold for one run: {json}");
    let msg = refused(&db, &["commend", "--year", "2026", "--min-hours", "abc"]);
    assert!(msg.contains("abc"), "a bad threshold is refused: {msg}");

    let (cert, list) = (d.path().join("cert.pdf"), d.path().join("list.pdf"));
    let o = huzhu(&db, &["commend", "--year", "2026", "--out", cert.to_str().unwrap(), "--list", list.to_str().unwrap()]);
    assert!(o.status.success(), "commend writes both files: {}", stderr(&o));
    let (text, pages) = pdf_text(&std::fs::read(&cert).expect("the certificates exist"));
    assert!(pages == 1 && text.contains("张秀英") && text.contains("奖"), "one certificate, for the one commended: {text}");
    let (text, _) = pdf_text(&std::fs::read(&list).expect("the list exists"));
    assert!(text.contains("张秀英") && text.contains("林德明"), "the list has everyone who served: {text}");
}
