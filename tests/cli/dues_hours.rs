//! `huzhu dues hours-rate | dues pay --with-hours | dues slip`: dues paid with saved hours.

use super::{db_snapshot, huzhu, initialised, ok, refused, stderr};
use crate::common::pdf::pdf_text;

#[test]
fn dues_paid_with_hours_from_the_command_line() {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--birth", "1946-03-02", "--joined", "2020-01-01"]);
    ok(&db, &["dues", "policy", "--year", "2026", "--amount", "30"]);
    ok(&db, &["time", "deposit", "--person", "1", "--hours", "2", "--date", "2026-10-01", "--kind", "陪护"]);
    let before = db_snapshot(&db);
    let msg = refused(&db, &["dues", "pay", "--member", "1", "--year", "2026", "--with-hours"]);
    assert!(msg.contains("hours-rate"), "with no rate, paying with hours is refused and says how to turn it on: {msg}");
    assert_eq!(db_snapshot(&db), before, "and changes nothing");
    assert!(ok(&db, &["dues", "hours-rate", "10"]).contains("¥10.00"), "the rate is set and shown");

    let before = db_snapshot(&db);
    let msg = refused(&db, &["dues", "pay", "--member", "1", "--year", "2026", "--with-hours"]);
    assert!(msg.contains("张秀英") && msg.contains('3'), "2 hours do not pay ¥30 at ¥10: the message names the member and the hours needed: {msg}");
    assert_eq!(db_snapshot(&db), before, "a short balance changes nothing");

    ok(&db, &["time", "deposit", "--person", "1", "--hours", "1", "--date", "2026-10-02", "--kind", "陪护"]);
    let o = huzhu(&db, &["dues", "pay", "--member", "1", "--year", "2026", "--with-hours"]);
    assert!(o.status.success(), "paying with 3 hours succeeds: {}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "S2026-0001", "pay --with-hours prints the slip number alone");
    assert!(stderr(&o).contains("3"), "and says how many hours it took: {}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["dues", "bill", "--year", "2026", "--json"])).expect("bill --json is JSON");
    assert_eq!(
        (json[0]["paid_cash"].as_str(), json[0]["paid_hours"].as_str(), json[0]["owed"].as_str()),
        (Some("0.00"), Some("30.00"), Some("0.00")),
        "the bill shows cash and hours side by side: {json}"
    );
    assert_eq!(ok(&db, &["cash", "list"]), "", "no cash moved");

    let pdf = d.path().join("slip.pdf");
    ok(&db, &["dues", "slip", "S2026-0001", "--out", pdf.to_str().unwrap()]);
    let (text, _) = pdf_text(&std::fs::read(&pdf).expect("the slip exists"));
    assert!(text.contains("S2026-0001") && text.contains("未收现金"), "the slip says how it was paid: {text}");
}
