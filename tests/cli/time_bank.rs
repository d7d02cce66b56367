//! `huzhu time … | assoc key`: the time bank from the command line, from a first deposit to an
//! account carried to another association.

use super::{db_snapshot, huzhu, ok, refused, stderr, stdout};
use crate::common::pdf::pdf_layout_text;

const ID_CARD: &str = "350102195003070022";

#[test]
fn the_time_bank_commands_print_their_results_and_refuse_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite3");
    let b = dir.path().join("b.sqlite3");
    ok(&a, &["init", "--name", "东山村老年协会", "--secretary", "林秘书"]);
    ok(&b, &["init", "--name", "西湖村老年协会"]);
    assert_eq!(ok(&a, &["member", "add", "--name", "张秀英", "--id-card", ID_CARD]), "1", "member add prints the register number");
    ok(&a, &["member", "add", "--name", "李明"]);
    ok(&a, &["member", "add", "--name", "王芳"]);
    let id = ok(&a, &["time", "deposit", "--person", "1", "--hours", "10", "--date", "2026-03-01", "--recipient", "2", "--kind", "陪护"]);
    assert_eq!(id, "1", "time deposit prints the entry id alone");
    ok(&a, &["time", "deposit", "--person", "1", "--hours", "2.5", "--date", "2026-03-02"]);
    assert_eq!(ok(&a, &["time", "balance", "1"]), "12.5", "time balance prints the hours as a plain figure");
    ok(&a, &["time", "withdraw", "--person", "1", "--hours", "1", "--date", "2026-03-03", "--recipient", "3"]);
    ok(&a, &["time", "transfer", "--from", "1", "--to", "2", "--hours", "1.5", "--reason", "给父亲"]);
    ok(&a, &["time", "donate", "--person", "1", "--hours", "1"]);
    assert_eq!(ok(&a, &["time", "pool"]), "1", "time pool prints the pool's hours");
    ok(&a, &["time", "grant", "--person", "3", "--hours", "0.5", "--reason", "五保老人"]);
    assert_eq!(ok(&a, &["time", "balance", "1"]), "9", "each command moved the hours it names");
    let json: serde_json::Value = serde_json::from_str(&ok(&a, &["time", "balance", "3", "--json"])).expect("balance --json prints JSON");
    assert_eq!(json["balance"], "0.5", "the JSON balance is exact text, not a float");
    let reversed = ok(&a, &["time", "reverse", "2", "--reason", "录错"]);
    assert!(reversed.contains("冲正"), "time reverse says what it reversed: {reversed}");
    let msg = refused(&a, &["time", "reverse", "2", "--reason", "录错"]);
    assert!(msg.contains("已经被"), "reversing twice is refused, saying it was reversed already: {msg}");
    assert_eq!(ok(&a, &["time", "balance", "1"]), "6.5", "the reversal took back the 2.5 hours of entry 2");

    let msg = refused(&a, &["--lang", "en-US", "time", "deposit", "--person", "1", "--hours", "1.25", "--date", "2026-03-01"]);
    assert!(msg.contains("half an hour"), "hours in other than half-hour steps are refused, in English with --lang en-US: {msg}");
    let msg = refused(&a, &["time", "deposit", "--person", "1", "--hours", "1.25", "--date", "2026-03-01"]);
    assert!(msg.contains("半小时"), "and in Chinese by default: {msg}");

    // Inheritance.
    ok(&a, &["member", "set-status", "2", "deceased", "--date", "2026-10-01"]);
    let inh = ok(&a, &["time", "inherit", "--deceased", "2", "--heir", "1:1/2", "3:50%", "--witness", "村主任"]);
    assert!(inh.contains("1/2"), "time inherit prints each heir's share: {inh}");
    assert_eq!(ok(&a, &["time", "balance", "2"]), "0", "the deceased's hours went to the heirs");

    // Passbook and its verification code.
    let pdf = dir.path().join("passbook.pdf");
    ok(&a, &["time", "passbook", "1", "--out", pdf.to_str().unwrap()]);
    let (text, _) = pdf_layout_text(&std::fs::read(&pdf).expect("the passbook file exists"));
    assert!(text.contains("张秀英") && text.contains("核验码"), "the passbook file is the person's card with its code: {text}");
    let code = text.lines().find_map(|l| l.trim().strip_prefix("核验码：")).expect("the card shows its code").trim().to_string();
    let bal_now = ok(&a, &["time", "balance", "1"]);
    // The command line dates the card by the computer's clock.
    let day = huzhu::today().to_string();
    ok(&a, &["time", "verify", "1", "--code", &code, "--balance", &bal_now, "--date", &day]);
    let msg = refused(&a, &["time", "verify", "1", "--code", &code, "--balance", "99", "--date", &day]);
    assert!(msg.contains("不符"), "a card showing another balance does not verify: {msg}");

    // Exchange between the two associations.
    let fp = ok(&a, &["assoc", "key"]);
    assert_eq!(fp.split(' ').count(), 8, "assoc key prints the fingerprint as eight groups: {fp}");
    let balance = ok(&a, &["time", "balance", "1"]);
    let file = dir.path().join("zhang.huzhu-time.json");
    let to_b = ok(&b, &["assoc", "key"]);
    // The app's settings page shows `keys::own_fingerprint`: the same characters, so the
    // secretary reads out what `--to` takes.
    let mut conn = huzhu::db::open(&b).unwrap().conn;
    let shown = huzhu::db::write(&mut conn, |tx| huzhu::time_bank::keys::own_fingerprint(tx, &huzhu::audit::Actor::new("t"))).unwrap();
    drop(conn);
    assert_eq!(shown, to_b, "the settings page shows the fingerprint exactly as `huzhu assoc key` prints it");
    let msg = refused(&a, &["time", "export", "1", "--to", "3F2A 9C01", "--out", file.to_str().unwrap()]);
    assert!(msg.contains("3F2A 9C01") && msg.contains("指纹"), "a malformed receiver fingerprint is refused, naming it: {msg}");
    assert!(!file.exists(), "a refused export writes no file");
    ok(&a, &["time", "export", "1", "--to", &to_b.to_lowercase(), "--out", file.to_str().unwrap()]);
    assert_eq!(ok(&a, &["time", "balance", "1"]), "0", "an exported account is emptied");
    let before = db_snapshot(&b);
    let o = huzhu(&b, &["time", "import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "a file from a key not yet accepted is refused: {}", stderr(&o));
    assert!(stdout(&o).contains(&fp) && stdout(&o).contains("东山村老年协会"), "the refusal shows the issuer and the fingerprint to check by phone: {}", stdout(&o));
    assert!(stderr(&o).contains("--accept-key"), "and says how to accept the key: {}", stderr(&o));
    assert_eq!(db_snapshot(&b), before, "a refused import changes nothing");
    let imported = ok(&b, &["time", "import", file.to_str().unwrap(), "--accept-key"]);
    assert!(imported.contains(&balance), "time import says how many hours arrived: {imported}");
    assert_eq!(ok(&b, &["time", "balance", "1"]), balance, "the person is the first in the new register, with the hours");
    let before = db_snapshot(&b);
    let o = huzhu(&b, &["time", "import", file.to_str().unwrap(), "--accept-key"]);
    assert_eq!(o.status.code(), Some(1), "the same file is refused the second time");
    assert!(stderr(&o).contains("导入过"), "saying it was imported already: {}", stderr(&o));
    assert_eq!(db_snapshot(&b), before, "a refused import changes nothing");
}
