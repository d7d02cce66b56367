//! `huzhu mediation …`: the case book from the command line.

use super::{db_snapshot, huzhu, initialised, ok, refused, stderr};
use crate::common::pdf::pdf_text;

#[test]
fn a_case_opened_noted_closed_and_its_agreement() {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "林阿婆", "--birth", "1940-05-01"]);
    let before = db_snapshot(&db);
    let msg = refused(&db, &["mediation", "open", "--party", "1", "--about", "赡养"]);
    assert!(msg.contains("两方"), "one party is refused: {msg}");
    assert_eq!(db_snapshot(&db), before, "and changes nothing");
    let id = ok(&db, &["mediation", "open", "--party", "1", "--party", "林建国", "--about", "赡养", "--summary", "儿子不付生活费", "--mediator", "陈会长", "--date", "2026-11-02"]);
    assert_eq!(id, "1", "open prints the case id alone");
    let out = ok(&db, &["mediation", "note", "1", "--text", "儿子答应每月给300元", "--date", "2026-11-05"]);
    assert!(out.contains('1'), "note confirms: {out}");
    let list = ok(&db, &["mediation", "list"]);
    assert!(list.contains("家庭赡养") && list.contains("林阿婆") && list.contains("林建国"), "the list shows what it is about and who: {list}");
    assert!(!list.contains("300") && !list.contains("生活费"), "the list never shows the notes or the summary: {list}");
    assert!(ok(&db, &["mediation", "show", "1"]).contains("300"), "the case itself has its notes");

    let pdf = d.path().join("agreement.pdf");
    let o = huzhu(&db, &["mediation", "agreement", "1", "--terms", "林建国每月5日前给付生活费300元。", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "agreement writes the file: {}", stderr(&o));
    let (text, _) = pdf_text(&std::fs::read(&pdf).expect("the agreement exists"));
    assert!(text.contains("调解协议书") && text.contains("林建国") && text.contains("调解人"), "the agreement has the parties and the mediator's line: {text}");

    let out = ok(&db, &["mediation", "close", "1", "--outcome", "agreed", "--date", "2026-11-10"]);
    assert!(out.contains("达成协议") && out.contains("2026-11-10"), "close confirms the outcome and the day: {out}");
    let msg = refused(&db, &["--lang", "en-US", "mediation", "close", "1", "--outcome", "withdrawn"]);
    assert!(msg.contains("closed"), "a case closes once (in English): {msg}");
}
