//! `huzhu welfare | member died | hospital | birthdays | festival | agenda`: welfare and life
//! events from the command line.

use super::{db_snapshot, huzhu, initialised, ok, refused, stderr};
use crate::common::pdf::pdf_layout_text;

#[test]
fn standards_and_payments_print_what_the_acceptance_checks_read() {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--birth", "1946-03-02"]);
    let out = ok(&db, &["welfare", "standard", "--kind", "丧葬慰问", "--amount", "1000", "--goods", "花圈", "--approve-above", "800", "--from", "2026-01-01"]);
    assert!(out.contains("丧葬慰问") && out.contains("¥1,000.00") && out.contains("2026-01-01"), "standard confirms kind, amount and date (the kind typed in Chinese): {out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["welfare", "standards", "--json"])).expect("standards --json is JSON");
    assert_eq!((json[0]["kind"].as_str(), json[0]["amount"].as_str()), (Some("condolence"), Some("1000.00")), "standards --json gives the kind's code and the amount as an exact decimal: {json}");

    let msg = refused(&db, &["welfare", "pay", "--member", "1", "--kind", "寿礼", "--date", "2026-03-02"]);
    assert!(msg.contains("寿礼") && msg.contains("condolence"), "an unknown kind is refused with the choices: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "welfare", "pay", "--member", "1", "--kind", "condolence", "--date", "2026-03-02"]);
    assert!(msg.contains("张秀英"), "a condolence for a living member is refused, naming them, in English: {msg}");

    let plan = ok(&db, &["member", "died", "1", "--date", "2026-11-01", "--contact", "王建国"]);
    assert!(plan.contains("张秀英") && plan.contains("¥1,000.00") && plan.contains("王建国"), "without --yes, died prints what it would do: {plan}");
    assert!(ok(&db, &["member", "show", "1"]).contains("在册"), "and changes nothing");
    ok(&db, &["member", "died", "1", "--date", "2026-11-01", "--contact", "王建国", "--yes"]);
    let msg = refused(&db, &["welfare", "pay", "--member", "1", "--kind", "condolence", "--date", "2026-11-02"]);
    assert!(msg.contains("¥800.00"), "a condolence above the approval limit needs an approver: {msg}");
    let voucher = ok(&db, &["welfare", "pay", "--member", "1", "--kind", "condolence", "--date", "2026-11-02", "--approver", "陈会长"]);
    assert_eq!(voucher, "2026-0001", "pay prints the voucher number alone");
    let list = ok(&db, &["welfare", "list", "--year", "2026"]);
    let row: Vec<&str> = list.lines().next().unwrap_or_default().split('\t').collect();
    assert_eq!(&row[..8], ["2026-0001", "2026-11-02", "1", "张秀英", "丧葬慰问", "1000.00", "花圈", "王建国"], "list: voucher, date, number, name, kind, amount, goods, receiver (the family contact)");

    let pdf = d.path().join("slip.pdf");
    let o = huzhu(&db, &["welfare", "slip", "2026-0001", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "slip writes the file: {}", stderr(&o));
    let (text, pages) = pdf_layout_text(&std::fs::read(&pdf).expect("the slip exists"));
    assert!(pages == 1 && text.contains("壹仟元整") && text.contains("王建国"), "the 领款单 has the amount in capitals and the receiver: {text}");

    let o = huzhu(&db, &["cash", "reverse", "2026-0001", "--reason", "录错", "--date", "2026-11-03"]);
    assert!(o.status.success(), "the payment is reversed through the cash book: {}", stderr(&o));
    assert!(ok(&db, &["welfare", "list"]).contains("2026-0002"), "and the welfare list shows the reversal's voucher");
}

#[test]
fn a_death_hospital_birthdays_festivals_and_the_agenda() {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "林德明", "--birth", "1946-11-12"]);
    ok(&db, &["member", "add", "--name", "陈金水", "--birth", "1930-05-01"]);
    let before = db_snapshot(&db);
    let msg = refused(&db, &["member", "died", "1", "--date", "1940-01-01", "--yes"]);
    assert!(msg.contains("出生"), "a death before birth is refused: {msg}");
    assert_eq!(db_snapshot(&db), before, "and changes nothing");

    let out = ok(&db, &["hospital", "admit", "2", "--date", "2026-11-20", "--hospital", "县医院"]);
    assert!(out.contains("陈金水") && out.contains("2026-11-20"), "admit confirms who and when: {out}");
    let out = ok(&db, &["hospital", "discharge", "2", "--date", "2026-11-25"]);
    assert!(out.contains("2026-11-25"), "discharge confirms the date: {out}");

    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["birthdays", "--month", "2026-11", "--json"])).expect("birthdays --json is JSON");
    let b = &json[0];
    assert_eq!(
        (b["member_no"].as_i64(), b["name"].as_str(), b["date"].as_str(), b["age"].as_i64(), b["decade"].as_bool()),
        (Some(1), Some("林德明"), Some("2026-11-12"), Some(80), Some(true)),
        "birthdays --json gives number, name, the solar date, the age and whether it is a decade: {json}"
    );
    assert_eq!(json.as_array().map(Vec::len), Some(1), "only November's birthdays: {json}");

    ok(&db, &["welfare", "standard", "--kind", "chongyang", "--amount", "100", "--age-from", "90", "--from", "2026-01-01"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["festival", "chongyang", "--year", "2026", "--json"])).expect("festival --json is JSON");
    assert_eq!(json["date"].as_str(), Some("2026-10-18"), "重阳 2026 is 18 October: {json}");
    assert_eq!(json["lines"].as_array().map(Vec::len), Some(1), "only the member over 90 gets a gift: {json}");
    let out = ok(&db, &["festival", "重阳", "--year", "2026", "--pay", "--date", "2026-10-17"]);
    assert_eq!(out, "2026-0001", "festival --pay prints each voucher");

    ok(&db, &["backup"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&db, &["agenda", "--month", "2026-11", "--json"])).expect("agenda --json is JSON");
    assert_eq!(json["birthdays"].as_array().map(Vec::len), Some(1), "the agenda lists the month's birthday: {json}");
    assert!(json["backup"]["last_backup"].is_string(), "the agenda says when the last backup was made: {json}");
    assert!(json["backup"]["last_usb_backup"].is_null(), "and that no USB backup was ever made: {json}");
    let pdf = d.path().join("agenda.pdf");
    let o = huzhu(&db, &["--lang", "en-US", "agenda", "--month", "2026-11", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "agenda --out writes the page: {}", stderr(&o));
    let (text, pages) = pdf_layout_text(&std::fs::read(&pdf).expect("the agenda exists"));
    assert_eq!(pages, 1, "the agenda is one A4 page");
    assert!(text.contains("林德明"), "it names the birthday: {text}");
    let again = ["agenda", "--month", "2026-11", "--out", pdf.to_str().unwrap()];
    let msg = refused(&db, &again);
    assert!(msg.contains("agenda.pdf"), "an existing --out file is not written over without --force: {msg}");
    let forced = [&again[..], &["--force"]].concat();
    assert!(huzhu(&db, &forced).status.success(), "with --force it is replaced");
    let msg = refused(&db, &["agenda", "--month", "2026-13"]);
    assert!(msg.contains("2026-13"), "a month that does not exist is refused, naming it: {msg}");
}

#[test]
fn hospital_list_birthdays_and_a_death_mask_phones_unless_full() {
    let (_d, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--birth", "1946-12-08", "--phone", "13612345678"]);
    ok(&db, &["hospital", "admit", "1", "--date", "2026-11-20", "--hospital", "县医院"]);
    let lists = [vec!["hospital", "list", "--json"], vec!["hospital", "list", "--all", "--json"], vec!["birthdays", "--month", "2026-12", "--json"]];
    for args in &lists {
        let out = ok(&db, args);
        assert!(out.contains("136****5678") && !out.contains("13612345678"), "{args:?} masks the phone: {out}");
        let mut full = args.clone();
        full.push("--full");
        let out = ok(&db, &full);
        assert!(out.contains("13612345678") && !out.contains("136****5678"), "{full:?} shows it whole: {out}");
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let reveals = |conn: &rusqlite::Connection| -> Vec<String> {
        let mut stmt = conn.prepare("SELECT entity || ' ' || entity_id FROM audit_log WHERE action = 'reveal' ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert_eq!(reveals(&conn), ["person hospital", "person hospital", "person birthdays:2026-12"], "each --full recorded once");
    ok(&db, &["member", "died", "1", "--date", "2026-11-28", "--full"]);
    assert_eq!(reveals(&conn).last().map(String::as_str), Some("person 1"), "a death's heirs shown whole: a reveal of the person's phones");
}
