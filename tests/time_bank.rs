//! The time bank through the core, on temporary database files: the ledger rules,
//! inheritance, the passbook PDF, exchange between two associations, property tests and a
//! proptest fuzz of the import parser.

mod common;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::{actor, count, test_db, today};
use huzhu::association::{self, Association};
use huzhu::error::Error;
use huzhu::members::{self, MemberNo, PersonInput, Status};
use huzhu::time_bank::exchange;
use huzhu::time_bank::{self as tb, keys, passbook, DepositInput, EntryId, EntryKind, HeirShare, Hours, WithdrawalInput};
use proptest::prelude::*;
use rusqlite::Connection;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn h(s: &str) -> Hours {
    Hours::parse_move(s).unwrap()
}

fn add(conn: &mut Connection, name: &str, id_card: Option<&str>) -> MemberNo {
    let tx = conn.transaction().unwrap();
    let mut input = PersonInput::member(name);
    if let Some(c) = id_card {
        input.id_card = c.to_string();
    }
    let p = members::add(&tx, &actor(), &input, today()).unwrap();
    tx.commit().unwrap();
    p.member_no
}

fn setup_assoc(conn: &mut Connection, name: &str) {
    let tx = conn.transaction().unwrap();
    association::save(&tx, &actor(), &Association { name: name.into(), secretary: "林秘书".into(), ..Default::default() }).unwrap();
    tx.commit().unwrap();
}

/// Runs `f` in a transaction, committing only on success (as the CLI and the shell do).
fn write<T>(conn: &mut Connection, f: impl FnOnce(&rusqlite::Transaction) -> huzhu::Result<T>) -> huzhu::Result<T> {
    let tx = conn.transaction()?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

fn deposit(conn: &mut Connection, no: MemberNo, hours: &str, date: &str) -> huzhu::Result<EntryId> {
    let input = DepositInput {
        provider: no,
        hours: Hours::parse(hours)?,
        date: d(date),
        recipient: None,
        service_kind: "陪护".into(),
        confirmed_by: "家属".into(),
    };
    write(conn, |tx| tb::deposit(tx, &actor(), &input, today()))
}

/// Row counts of every table a time-bank write may touch: "nothing changed" means all equal.
fn snapshot(conn: &Connection) -> Vec<i64> {
    ["time_entry", "time_account", "time_freeze", "time_inheritance", "time_inheritance_share", "time_exchange", "accepted_key", "association_key", "person", "audit_log", "setting"]
        .iter()
        .map(|t| count(conn, t))
        .collect()
}

fn bal(conn: &Connection, no: MemberNo) -> i64 {
    tb::balance(conn, no).unwrap().half_hours()
}

#[test]
fn deposits_and_withdrawals_move_the_balance_exactly_and_are_audited() {
    let (_dir, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    let b = add(&mut conn, "李明", None);
    let audit_before = count(&conn, "audit_log");
    deposit(&mut conn, a, "2.5", "2026-03-01").unwrap();
    deposit(&mut conn, a, "0.5", "2026-03-02").unwrap();
    assert_eq!(tb::balance(&conn, a).unwrap().to_string(), "3", "2.5 + 0.5 must be exactly 3");
    assert_eq!(count(&conn, "audit_log"), audit_before + 2, "every write adds an audit row in the same transaction");
    let w = WithdrawalInput { holder: a, hours: h("1"), date: d("2026-03-03"), recipient: None, service_kind: String::new(), consent: String::new() };
    write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap();
    assert_eq!(bal(&conn, a), 4);
    assert_eq!(bal(&conn, b), 0, "an untouched account is zero");
}

#[test]
fn an_account_never_goes_below_zero_and_a_refusal_changes_nothing() {
    let (_dir, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    let b = add(&mut conn, "李明", None);
    deposit(&mut conn, a, "1", "2026-03-01").unwrap();
    let before = snapshot(&conn);
    let w = WithdrawalInput { holder: a, hours: h("1.5"), date: d("2026-03-03"), recipient: None, service_kind: String::new(), consent: String::new() };
    let e = write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-insufficient");
    let e = write(&mut conn, |tx| tb::transfer(tx, &actor(), a, b, h("2"), "给父亲", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-insufficient");
    let e = write(&mut conn, |tx| tb::donate(tx, &actor(), a, h("5"), today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-insufficient");
    let e = write(&mut conn, |tx| tb::grant(tx, &actor(), b, h("1"), "五保", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-pool-insufficient", "the pool cannot go below zero either");
    assert_eq!(snapshot(&conn), before, "refused writes must change nothing");

    // The database itself refuses an overdraft, an edit and a delete, whatever the program does.
    let account: i64 = conn.query_row("SELECT account_id FROM time_entry LIMIT 1", [], |r| r.get(0)).unwrap();
    let overdraw = conn.execute(
        "INSERT INTO time_entry (account_id, kind, direction, half_hours, date, batch, created_at, created_by)
         VALUES (?1, 'withdrawal', -1, 3, '2026-03-04', 99, 'x', 'x')",
        [account],
    );
    assert!(overdraw.is_err(), "a trigger must refuse an entry that takes an account below zero");
    assert!(conn.execute("UPDATE time_entry SET half_hours = 100", []).is_err(), "entries are never edited");
    assert!(conn.execute("DELETE FROM time_entry", []).is_err(), "entries are never deleted");
    assert_eq!(snapshot(&conn), before);
}

#[test]
fn paying_for_someone_elses_care_records_the_holders_consent() {
    let (_dir, mut conn) = test_db();
    let child = add(&mut conn, "林小红", None);
    let mother = add(&mut conn, "林阿婆", None);
    deposit(&mut conn, child, "10", "2026-03-01").unwrap();
    let mut w = WithdrawalInput { holder: child, hours: h("2"), date: d("2026-03-05"), recipient: Some(mother), service_kind: "陪护".into(), consent: String::new() };
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-consent-required");
    assert_eq!(snapshot(&conn), before);
    w.consent = "本人当面同意".into();
    let id = write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap();
    let e = tb::entry(&conn, id).unwrap();
    assert_eq!(e.consent, "本人当面同意", "the consent is kept with the withdrawal");
    assert_eq!(e.recipient, Some(tb::Holder::Person { no: mother, name: "林阿婆".into() }));
    assert_eq!(bal(&conn, child), 16);
    // The trigger refuses a consent-less withdrawal for another person even from plain SQL.
    let acc: i64 = conn.query_row("SELECT account_id FROM time_entry WHERE id = ?1", [id.0], |r| r.get(0)).unwrap();
    let pid = members::id_of(&conn, mother).unwrap().0;
    assert!(conn
        .execute(
            "INSERT INTO time_entry (account_id, kind, direction, half_hours, date, recipient_id, batch, created_at, created_by)
             VALUES (?1, 'withdrawal', -1, 1, '2026-03-06', ?2, 99, 'x', 'x')",
            [acc, pid],
        )
        .is_err());
}

#[test]
fn a_done_shift_is_credited_exactly_once() {
    let (_dir, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    let first = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, h("3"), d("2026-04-01"), "shift:123", today())).unwrap();
    assert!(first.is_some(), "the first credit of a shift writes an entry");
    let before = snapshot(&conn);
    let again = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, h("3"), d("2026-04-01"), "shift:123", today())).unwrap();
    assert_eq!(again, None, "the same shift must not be credited twice");
    let e = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, Hours::from_half_hours(0), d("2026-04-02"), "shift:124", today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-hours-zero", "a shift of no time credits nothing, with a reason");
    let e = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, Hours::from_half_hours(49), d("2026-04-02"), "shift:125", today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-hours-too-many", "one service is at most a day");
    let e = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, h("1"), d("2026-04-02"), " ", today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-source-required");
    assert_eq!(snapshot(&conn), before, "a repeated credit changes nothing");
    assert_eq!(bal(&conn, a), 6);
    let e = tb::entry(&conn, first.unwrap()).unwrap();
    assert_eq!((e.kind, e.source.as_deref()), (EntryKind::Deposit, Some("shift:123")));
}

#[test]
fn hours_beyond_the_yearly_cap_go_to_the_pool() {
    let (_dir, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    write(&mut conn, |tx| tb::set_yearly_cap(tx, &actor(), Some(h("5")))).unwrap();
    deposit(&mut conn, a, "4", "2026-02-01").unwrap();
    deposit(&mut conn, a, "3", "2026-03-01").unwrap();
    assert_eq!(tb::balance(&conn, a).unwrap().to_string(), "5", "the person keeps hours up to the cap");
    assert_eq!(tb::pool_balance(&conn).unwrap().to_string(), "2", "the rest goes to the pool");
    let id = deposit(&mut conn, a, "1", "2026-04-01").unwrap();
    assert_eq!(tb::entry(&conn, id).unwrap().holder, tb::Holder::Pool, "at the cap a whole deposit goes to the pool");
    deposit(&mut conn, a, "2", "2025-12-31").unwrap();
    assert_eq!(bal(&conn, a), 14, "another calendar year has its own cap");
    assert_eq!(tb::total_hours(&conn).unwrap().to_string(), "10", "the cap moves hours, it never loses them");
    write(&mut conn, |tx| tb::set_yearly_cap(tx, &actor(), None)).unwrap();
    deposit(&mut conn, a, "1", "2026-05-01").unwrap();
    assert_eq!(bal(&conn, a), 16, "without a cap everything goes to the person");
}

#[test]
fn a_reversal_never_edits_undoes_both_sides_and_cannot_be_repeated() {
    let (_dir, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    let b = add(&mut conn, "李明", None);
    let dep = deposit(&mut conn, a, "4", "2026-03-01").unwrap();
    let (out, _) = write(&mut conn, |tx| tb::transfer(tx, &actor(), a, b, h("1.5"), "给父亲", today(), today())).unwrap();
    let total = tb::total_hours(&conn).unwrap();
    let ids = write(&mut conn, |tx| tb::reverse(tx, &actor(), out, "录错了", today(), today())).unwrap();
    assert_eq!(ids.len(), 2, "reversing one side of a transfer reverses both");
    assert_eq!((bal(&conn, a), bal(&conn, b)), (8, 0), "the reversal brings both balances back");
    assert_eq!(tb::total_hours(&conn).unwrap(), total, "reversing a transfer conserves hours");
    assert_eq!(tb::entry(&conn, out).unwrap().hours.to_string(), "1.5", "the original is kept unchanged");
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), out, "again", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-already-reversed", "reversing twice is refused");
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), ids[0], "undo", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-reverse-reversal");
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), dep, " ", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-reason-required");
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), EntryId(999), "x", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-entry-not-found");
    assert_eq!(snapshot(&conn), before);
    // Reversing a deposit whose hours were spent would go below zero: refused.
    write(&mut conn, |tx| tb::donate(tx, &actor(), a, h("3"), today(), today())).unwrap();
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), dep, "录错了", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-reverse-insufficient");
}

fn make_deceased(conn: &mut Connection, no: MemberNo) {
    write(conn, |tx| members::set_status(tx, &actor(), no, Status::Deceased, d("2026-10-01"), "病故", today())).unwrap();
}

#[test]
fn inheritance_needs_death_a_witness_and_shares_that_add_up() {
    let (_dir, mut conn) = test_db();
    let father = add(&mut conn, "林老伯", None);
    let son = add(&mut conn, "林大", None);
    let daughter = add(&mut conn, "林二", None);
    let grandson = add(&mut conn, "林三", None);
    deposit(&mut conn, father, "5", "2026-03-01").unwrap(); // 10 half-hours
    let shares = |s: &[&str]| s.iter().map(|x| HeirShare::parse(x).unwrap()).collect::<Vec<_>>();
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-not-deceased", "a living holder's hours are not inherited");
    assert_eq!(snapshot(&conn), before);
    make_deceased(&mut conn, father);
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2"]), " ", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-witness-required");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2:1/2", "3:1/3"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-shares-sum", "1/2 + 1/3 is not the whole");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2:60%", "3:50%"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-shares-sum", "more than the whole is refused");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2", "2"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-heir-twice");
    assert_eq!(snapshot(&conn), before, "refused inheritances change nothing, not even the freeze");
    // A deposit to the deceased is refused.
    let e = deposit(&mut conn, father, "1", "2026-10-02").unwrap_err();
    assert_eq!(e.message_id(), "error-time-holder-deceased");

    let total = tb::total_hours(&conn).unwrap();
    let r = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2", "3", "4"]), "村主任 林某", today(), today())).unwrap();
    let got: Vec<i64> = r.shares.iter().map(|s| s.hours.half_hours()).collect();
    assert_eq!(got, vec![4, 3, 3], "thirds of 5 hours: 1.5 each, the half-hour left over to the first heir");
    assert_eq!((bal(&conn, father), bal(&conn, son), bal(&conn, daughter), bal(&conn, grandson)), (0, 4, 3, 3));
    assert_eq!(tb::total_hours(&conn).unwrap(), total, "inheritance conserves hours");
    assert!(tb::is_frozen(&conn, father).unwrap(), "the deceased's account is frozen");
    let acc: i64 = conn.query_row("SELECT account_id FROM time_freeze", [], |r| r.get(0)).unwrap();
    assert!(
        conn.execute("INSERT INTO time_entry (account_id, kind, direction, half_hours, date, batch, created_at, created_by) VALUES (?1, 'deposit', 1, 2, '2026-10-05', 99, 'x', 'x')", [acc]).is_err(),
        "the database refuses entries into a frozen account"
    );
    assert_eq!(count(&conn, "time_inheritance_share"), 3, "heirs and shares are recorded");
    let witness: String = conn.query_row("SELECT witness FROM time_inheritance", [], |r| r.get(0)).unwrap();
    assert_eq!(witness, "村主任 林某");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-nothing-to-inherit");
}

#[test]
fn percentages_and_fractions_divide_in_half_hours() {
    let (_dir, mut conn) = test_db();
    let mother = add(&mut conn, "陈阿婆", None);
    let a = add(&mut conn, "陈大", None);
    let b = add(&mut conn, "陈二", None);
    deposit(&mut conn, mother, "7.5", "2026-03-01").unwrap(); // 15 half-hours
    make_deceased(&mut conn, mother);
    let heirs = vec![HeirShare::parse(&format!("{a}:70%")).unwrap(), HeirShare::parse(&format!("{b}:0.3")).unwrap()];
    let r = write(&mut conn, |tx| tb::inherit(tx, &actor(), mother, &heirs, "调解员", today(), today())).unwrap();
    // 70% of 15 = 10.5 → 10 (+1 remainder to the first), 30% = 4.5 → 4.
    assert_eq!(r.shares.iter().map(|s| s.hours.half_hours()).collect::<Vec<_>>(), vec![11, 4]);
    assert_eq!(bal(&conn, a) + bal(&conn, b), 15);
}

fn pdftotext(pdf: &[u8], dir: &Path) -> String {
    let path = dir.join("p.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_passbook_prints_every_entry_with_a_running_balance_and_a_verification_code() {
    let (dir, mut conn) = test_db();
    setup_assoc(&mut conn, "东山村老年协会");
    let a = add(&mut conn, "张秀英", Some("350102195003070022"));
    let b = add(&mut conn, "李明", None);
    for i in 0..40 {
        deposit(&mut conn, a, "1.5", &format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 28)).unwrap();
    }
    write(&mut conn, |tx| tb::transfer(tx, &actor(), a, b, h("2"), "给父亲", today(), today())).unwrap();
    write(&mut conn, |tx| keys::ensure(tx, &actor()).map(|_| ())).unwrap();
    let balance = tb::balance(&conn, a).unwrap();
    assert_eq!(balance.to_string(), "58");
    let code = passbook::verification_code(&conn, a, balance, today()).unwrap().unwrap();
    assert!(passbook::check_code(&conn, a, balance, today(), &code).unwrap(), "the printed code checks out");
    assert!(!passbook::check_code(&conn, a, h("59"), today(), &code).unwrap(), "a different balance gives a different code");

    let (zh, pages) = passbook::pdf(&conn, a, &huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn), today()).unwrap();
    assert!(pages >= 3, "a card page and 41 lines over two ledger pages, got {pages}");
    assert!(zh.len() < 400_000, "the font is subset: {} bytes", zh.len());
    let text = pdftotext(&zh, dir.path());
    // pdftotext drops or adds spaces between CJK characters: compare without whitespace.
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for needle in ["时间储蓄卡", "东山村老年协会", "张秀英", "58 小时", &code, "存入", "转出", "李明 给父亲", "余额", "第 1 页"] {
        assert!(squash(&text).contains(&squash(needle)), "the zh-CN passbook must show {needle:?}:\n{text}");
    }
    assert!(!text.contains("350102195003070022"), "the ID number is masked on the card");
    let (en, _) = passbook::pdf(&conn, a, &huzhu::i18n::Localizer::new(huzhu::i18n::Lang::EnUs), today()).unwrap();
    let text = pdftotext(&en, dir.path());
    for needle in ["Time Savings Card", "58 hours", "Verification code", "Deposit", "Transfer out", "Balance"] {
        assert!(text.contains(needle), "the en-US passbook must show {needle:?}:\n{text}");
    }
}

// ---------------------------------------------------------------- exchange (two associations)

struct TwoAssociations {
    _a_dir: tempfile::TempDir,
    _b_dir: tempfile::TempDir,
    a: Connection,
    b: Connection,
    person_a: MemberNo,
}

const ID_CARD: &str = "350102195003070022";

fn two_associations() -> TwoAssociations {
    let (a_dir, mut a) = test_db();
    let (b_dir, mut b) = test_db();
    setup_assoc(&mut a, "东山村老年协会");
    setup_assoc(&mut b, "西湖村老年协会");
    add(&mut b, "陈伯", None); // so numbers differ between the two registers
    let person_a = add(&mut a, "张秀英", Some(ID_CARD));
    let other = add(&mut a, "李明", None);
    deposit(&mut a, person_a, "10", "2026-03-01").unwrap();
    deposit(&mut a, person_a, "2.5", "2026-04-01").unwrap();
    write(&mut a, |tx| tb::transfer(tx, &actor(), person_a, other, h("1"), "给父亲", today(), today())).unwrap();
    TwoAssociations { _a_dir: a_dir, _b_dir: b_dir, a, b, person_a }
}

fn export(conn: &mut Connection, no: MemberNo) -> huzhu::Result<Vec<u8>> {
    write(conn, |tx| exchange::export(tx, &actor(), no, today())).map(|e| e.bytes)
}

fn import(conn: &mut Connection, bytes: &[u8], accept: bool) -> huzhu::Result<exchange::Imported> {
    write(conn, |tx| exchange::import(tx, &actor(), bytes, accept, today()))
}

fn person_by_card(conn: &Connection, card: &str) -> Option<MemberNo> {
    conn.query_row("SELECT member_no FROM person WHERE id_card = ?1", [card], |r| r.get(0)).ok().map(MemberNo)
}

#[test]
fn an_account_moves_between_two_associations_once() {
    let mut t = two_associations();
    assert_eq!(tb::balance(&t.a, t.person_a).unwrap().to_string(), "11.5");
    let file = export(&mut t.a, t.person_a).unwrap();
    assert_eq!(bal(&t.a, t.person_a), 0, "exporting brings the balance to zero so the hours cannot be spent twice");
    let text = std::str::from_utf8(&file).unwrap();
    assert!(text.starts_with("{\"balance_half_hours\":23,\"entries\":[") && text.ends_with(",\"version\":1}\n"), "the file is canonical JSON, keys sorted: {text}");
    let out = tb::entries(&t.a, t.person_a).unwrap();
    assert_eq!(out.last().map(|e| e.kind), Some(EntryKind::ExchangeOut));
    let e = export(&mut t.a, t.person_a).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-nothing", "an emptied account cannot be exported again");

    // An unknown key is refused, showing the issuer and fingerprint, and nothing changes.
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &file, false).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-unknown-key");
    let fp = keys::fingerprint(&keys::own_public(&t.a).unwrap().unwrap());
    let args = e.args();
    assert!(args.iter().any(|(k, v)| *k == "fingerprint" && *v == fp), "the refusal names the fingerprint to check: {args:?}");
    assert!(args.iter().any(|(k, v)| *k == "issuer" && v == "东山村老年协会"));
    let en = e.localize(&huzhu::i18n::Localizer::new(huzhu::i18n::Lang::EnUs));
    assert!(en.contains(&fp) && en.contains("--accept-key"), "{en}");
    assert_eq!(snapshot(&t.b), before, "a refused import changes nothing");

    // Accepted: the person is created as a non-member and credited.
    let r = import(&mut t.b, &file, true).unwrap();
    assert!(r.created && r.key_accepted);
    let no_b = person_by_card(&t.b, ID_CARD).expect("the person is added by ID number");
    assert_eq!(no_b, r.person);
    assert!(!members::get_by_no(&t.b, no_b, today()).unwrap().is_member, "an imported stranger is added as a non-member");
    assert_eq!(tb::balance(&t.b, no_b).unwrap().to_string(), "11.5", "the hours arrive whole");
    assert_eq!(tb::entries(&t.b, no_b).unwrap()[0].kind, EntryKind::ExchangeIn);

    // The same file twice: refused, nothing changes.
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &file, true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-already-imported");
    assert_eq!(snapshot(&t.b), before);

    // Back into its own issuer: refused.
    let e = import(&mut t.a, &file, true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-own-file");
}

#[test]
fn an_existing_person_is_matched_by_id_number() {
    let mut t = two_associations();
    let existing = add(&mut t.b, "张秀英", Some(ID_CARD));
    deposit(&mut t.b, existing, "1", "2026-05-01").unwrap();
    let file = export(&mut t.a, t.person_a).unwrap();
    let people = count(&t.b, "person");
    let r = import(&mut t.b, &file, true).unwrap();
    assert_eq!((r.person, r.created), (existing, false));
    assert_eq!(count(&t.b, "person"), people, "no duplicate person is created");
    assert_eq!(tb::balance(&t.b, existing).unwrap().to_string(), "12.5");
}

#[test]
fn altered_files_are_refused_and_change_nothing() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a).unwrap();
    let text = String::from_utf8(file.clone()).unwrap();
    let before = snapshot(&t.b);

    // One changed hour value (23 half-hours → 43), not re-signed.
    let more = text.replacen("\"balance_half_hours\":23", "\"balance_half_hours\":43", 1);
    assert_ne!(more, text);
    let more_entries = more.replacen("\"half_hours\":20", "\"half_hours\":40", 1);
    for altered in [&more, &more_entries] {
        let e = import(&mut t.b, altered.as_bytes(), true).unwrap_err();
        assert!(
            matches!(e.message_id(), "error-exchange-signature" | "error-exchange-mismatch"),
            "a changed hour must be refused, got {e:?}"
        );
    }
    let e = import(&mut t.b, more_entries.as_bytes(), true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-signature", "consistent but altered hours fail the signature");
    let zh = e.localize(&huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn));
    assert!(zh.contains("签名") && zh.contains("没有导入"), "{zh}");

    // Every single changed byte is refused (a flipped bit at each position).
    for i in 0..file.len() {
        let mut m = file.clone();
        m[i] ^= 0x01;
        assert!(import(&mut t.b, &m, true).is_err(), "a file with byte {i} changed must be refused");
    }
    // Layout changes that keep the same JSON content are still refused: only the exact bytes count.
    let pretty = serde_json::to_vec_pretty(&serde_json::from_slice::<serde_json::Value>(&file).unwrap()).unwrap();
    assert_eq!(import(&mut t.b, &pretty, true).unwrap_err().message_id(), "error-exchange-signature");
    let upper_sig = {
        let v: serde_json::Value = serde_json::from_slice(&file).unwrap();
        let sig = v["signature"].as_str().unwrap().to_string();
        text.replacen(&sig, &sig.to_uppercase(), 1)
    };
    assert!(import(&mut t.b, upper_sig.as_bytes(), true).is_err(), "a second spelling of the signature is refused");
    assert_eq!(snapshot(&t.b), before, "no altered file changed anything");

    // The untouched file still imports after all that.
    import(&mut t.b, &file, true).unwrap();
}

#[test]
fn a_file_signed_by_another_key_is_refused_unless_accepted() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a).unwrap();
    // A forger re-signs altered hours with a key of their own: the signature is valid, but the
    // key is unknown, so it is refused until a secretary accepts it (after the phone check).
    let forged = {
        let mut v: serde_json::Value = serde_json::from_slice(&file).unwrap();
        let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
        let m = v.as_object_mut().unwrap();
        m.remove("signature");
        m.insert("balance_half_hours".into(), 200.into());
        m.insert("entries".into(), serde_json::json!([{"counterparty": "", "date": "2026-01-01", "half_hours": 200, "kind": "deposit", "note": ""}]));
        m["issuer"]["public_key"] = keys::hex(&key.verifying_key().to_bytes()).into();
        let sig = keys::sign(&key, exchange::canonical(&v).as_bytes());
        v.as_object_mut().unwrap().insert("signature".into(), keys::hex(&sig).into());
        format!("{}\n", exchange::canonical(&v)).into_bytes()
    };
    // Its own key accepted, the real file goes in first…
    import(&mut t.b, &file, true).unwrap();
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &forged, false).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-unknown-key", "a file from an unknown key is refused");
    assert_eq!(snapshot(&t.b), before);
}

#[test]
fn the_same_hours_cannot_be_credited_twice_under_another_file_id() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a).unwrap();
    import(&mut t.b, &file, true).unwrap();
    // The issuer (say, restored from a backup) signs the same account again with a new file id.
    let again = {
        let mut v: serde_json::Value = serde_json::from_slice(&file).unwrap();
        let key = keys::own(&t.a).unwrap().unwrap();
        let m = v.as_object_mut().unwrap();
        m.remove("signature");
        m.insert("file_id".into(), "00112233445566778899aabbccddeeff".into());
        let sig = keys::sign(&key, exchange::canonical(&v).as_bytes());
        v.as_object_mut().unwrap().insert("signature".into(), keys::hex(&sig).into());
        format!("{}\n", exchange::canonical(&v)).into_bytes()
    };
    assert!(exchange::inspect(&again, today()).is_ok(), "the re-issued file is itself genuine");
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &again, false).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-person-has-hours");
    assert_eq!(snapshot(&t.b), before);
}

#[test]
fn export_needs_an_association_name_an_id_number_and_hours() {
    let (_dir, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    deposit(&mut conn, a, "1", "2026-03-01").unwrap();
    assert_eq!(export(&mut conn, a).unwrap_err().message_id(), "error-exchange-no-association");
    setup_assoc(&mut conn, "东山村老年协会");
    let before = snapshot(&conn);
    assert_eq!(export(&mut conn, a).unwrap_err().message_id(), "error-exchange-id-card-required");
    assert_eq!(snapshot(&conn), before);
}

// ---------------------------------------------------------------- property tests

#[derive(Debug, Clone)]
enum Op {
    Deposit(usize, i64),
    Credit(usize, i64, u8),
    Withdraw(usize, i64),
    Transfer(usize, usize, i64),
    Donate(usize, i64),
    Grant(usize, i64),
    Reverse(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let p = 0usize..4;
    let hh = 1i64..=12;
    prop_oneof![
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Deposit(p, h)),
        (p.clone(), hh.clone(), 0u8..6).prop_map(|(p, h, s)| Op::Credit(p, h, s)),
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Withdraw(p, h)),
        (p.clone(), p.clone(), hh.clone()).prop_map(|(a, b, h)| Op::Transfer(a, b, h)),
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Donate(p, h)),
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Grant(p, h)),
        (1i64..40).prop_map(Op::Reverse),
    ]
}

fn apply(tx: &rusqlite::Transaction, people: &[MemberNo], op: &Op) -> huzhu::Result<()> {
    let a = actor();
    let t = today();
    let day = d("2026-06-01");
    match *op {
        Op::Deposit(p, n) => {
            let input = DepositInput { provider: people[p], hours: Hours::from_half_hours(n), date: day, recipient: None, service_kind: String::new(), confirmed_by: String::new() };
            tb::deposit(tx, &a, &input, t).map(|_| ())
        }
        Op::Credit(p, n, s) => tb::credit_service(tx, &a, people[p], Hours::from_half_hours(n), day, &format!("shift:{s}"), t).map(|_| ()),
        Op::Withdraw(p, n) => {
            let w = WithdrawalInput { holder: people[p], hours: Hours::from_half_hours(n), date: day, recipient: None, service_kind: String::new(), consent: String::new() };
            tb::withdraw(tx, &a, &w, t).map(|_| ())
        }
        Op::Transfer(x, y, n) => tb::transfer(tx, &a, people[x], people[y], Hours::from_half_hours(n), "家人", day, t).map(|_| ()),
        Op::Donate(p, n) => tb::donate(tx, &a, people[p], Hours::from_half_hours(n), day, t).map(|_| ()),
        Op::Grant(p, n) => tb::grant(tx, &a, people[p], Hours::from_half_hours(n), "困难", day, t).map(|_| ()),
        Op::Reverse(id) => tb::reverse(tx, &a, EntryId(id), "更正", day, t).map(|_| ()),
    }
}

fn account_sums(conn: &Connection) -> Vec<(i64, i64)> {
    let mut stmt = conn.prepare("SELECT account_id, sum(direction * half_hours) FROM time_entry GROUP BY account_id ORDER BY account_id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Under any sequence of operations: balances equal the sum of their entries, no balance is
    /// ever below zero, moves between accounts conserve the total, a refused operation changes
    /// nothing, and a shift source is credited at most once.
    #[test]
    fn the_ledger_rules_hold_under_random_operations(ops in proptest::collection::vec(op(), 1..40), cap in proptest::option::of(4i64..30)) {
        let mut conn = huzhu::db::open_in_memory().unwrap();
        let people: Vec<MemberNo> = ["甲", "乙", "丙", "丁"].iter().map(|n| add(&mut conn, n, None)).collect();
        if let Some(c) = cap {
            write(&mut conn, |tx| tb::set_yearly_cap(tx, &actor(), Some(Hours::from_half_hours(c)))).unwrap();
        }
        for op in &ops {
            let total_before = tb::total_hours(&conn).unwrap().half_hours();
            let rows_before = snapshot(&conn);
            let max_id_before: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM time_entry", [], |r| r.get(0)).unwrap();
            let credited_before: i64 = conn.query_row("SELECT count(*) FROM time_entry WHERE source IS NOT NULL", [], |r| r.get(0)).unwrap();
            let result = write(&mut conn, |tx| apply(tx, &people, op));
            match &result {
                Err(Error::Storage(e)) => prop_assert!(false, "a rule must be checked before the database refuses: {e} for {op:?}"),
                Err(_) => prop_assert_eq!(snapshot(&conn), rows_before, "a refused {:?} must change nothing", op),
                Ok(()) => {}
            }
            // Balances equal the sum of entries, and none is below zero (pool included).
            for p in &people {
                let from_entries: i64 = tb::entries(&conn, *p).unwrap().iter().map(|e| e.signed.half_hours()).sum();
                let b = tb::balance(&conn, *p).unwrap().half_hours();
                prop_assert_eq!(b, from_entries, "a balance must equal the sum of its entries");
                prop_assert!(b >= 0, "no balance may go below zero");
            }
            let pool_entries: i64 = tb::pool_entries(&conn).unwrap().iter().map(|e| e.signed.half_hours()).sum();
            prop_assert_eq!(tb::pool_balance(&conn).unwrap().half_hours(), pool_entries);
            prop_assert!(pool_entries >= 0, "the pool may not go below zero");
            for (_, s) in account_sums(&conn) {
                prop_assert!(s >= 0);
            }
            // Conservation: only deposits, withdrawals and their reversals change the total.
            let delta = tb::total_hours(&conn).unwrap().half_hours() - total_before;
            if result.is_ok() {
                let expected = match op {
                    Op::Deposit(_, n) => *n,
                    Op::Credit(..) => {
                        let credited: i64 = conn.query_row("SELECT count(*) FROM time_entry WHERE source IS NOT NULL", [], |r| r.get(0)).unwrap();
                        if credited > credited_before { match op { Op::Credit(_, n, _) => *n, _ => 0 } } else { 0 }
                    }
                    Op::Withdraw(_, n) => -*n,
                    Op::Transfer(..) | Op::Donate(..) | Op::Grant(..) => 0,
                    Op::Reverse(_) => {
                        let undone: i64 = conn.query_row(
                            "SELECT coalesce(sum(o.direction * o.half_hours), 0) FROM time_entry r JOIN time_entry o ON o.id = r.reverses_entry_id WHERE r.id > ?1",
                            [max_id_before], |r| r.get(0)).unwrap();
                        -undone
                    }
                };
                prop_assert_eq!(delta, expected, "{:?} must change the total by exactly its own hours", op);
            }
        }
        // Each shift source credited at most once.
        let dup: i64 = conn.query_row("SELECT count(*) FROM (SELECT source FROM time_entry WHERE source IS NOT NULL GROUP BY source HAVING count(*) > 1)", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(dup, 0, "a source is credited exactly once");
    }

    /// Any exact shares that add up to the whole pass the whole balance to the heirs, each within
    /// half an hour of their exact share except the first, who takes the rounding remainder.
    #[test]
    fn inheritance_conserves_hours_for_any_shares(total in 1i64..400, weights in proptest::collection::vec(1i64..20, 1..5)) {
        let mut conn = huzhu::db::open_in_memory().unwrap();
        let holder = add(&mut conn, "逝者", None);
        let heirs: Vec<MemberNo> = (0..weights.len()).map(|i| add(&mut conn, &format!("继承人{i}"), None)).collect();
        let mut left = total;
        while left > 0 {
            let n = left.min(48);
            let input = DepositInput { provider: holder, hours: Hours::from_half_hours(n), date: d("2026-01-01"), recipient: None, service_kind: String::new(), confirmed_by: String::new() };
            write(&mut conn, |tx| tb::deposit(tx, &actor(), &input, today())).unwrap();
            left -= n;
        }
        make_deceased(&mut conn, holder);
        let sum_w: i64 = weights.iter().sum();
        let shares: Vec<HeirShare> = heirs.iter().zip(&weights).map(|(no, w)| HeirShare { heir: *no, share: Some((*w, sum_w)) }).collect();
        let grand_total = tb::total_hours(&conn).unwrap();
        let r = write(&mut conn, |tx| tb::inherit(tx, &actor(), holder, &shares, "见证人", today(), today())).unwrap();
        prop_assert_eq!(tb::total_hours(&conn).unwrap(), grand_total, "inheritance conserves hours");
        prop_assert_eq!(bal(&conn, holder), 0);
        let received: i64 = heirs.iter().map(|h| bal(&conn, *h)).sum();
        prop_assert_eq!(received, total, "the heirs receive the whole balance");
        for (i, (s, w)) in r.shares.iter().zip(&weights).enumerate() {
            let exact = total * w / sum_w;
            if i > 0 {
                prop_assert_eq!(s.hours.half_hours(), exact, "later heirs get their share rounded down to a half-hour");
            } else {
                prop_assert!(s.hours.half_hours() >= exact && s.hours.half_hours() < exact + weights.len() as i64 + 1);
            }
        }
    }

    /// Transfers between any two people conserve the total and move exactly the hours.
    #[test]
    fn transfers_conserve_hours(start in 1i64..100, moved in 1i64..100) {
        let mut conn = huzhu::db::open_in_memory().unwrap();
        let a = add(&mut conn, "甲", None);
        let b = add(&mut conn, "乙", None);
        let mut left = start;
        while left > 0 {
            let n = left.min(48);
            let input = DepositInput { provider: a, hours: Hours::from_half_hours(n), date: d("2026-01-01"), recipient: None, service_kind: String::new(), confirmed_by: String::new() };
            write(&mut conn, |tx| tb::deposit(tx, &actor(), &input, today())).unwrap();
            left -= n;
        }
        let r = write(&mut conn, |tx| tb::transfer(tx, &actor(), a, b, Hours::from_half_hours(moved), "家人", today(), today()));
        if moved <= start {
            prop_assert!(r.is_ok());
            prop_assert_eq!((bal(&conn, a), bal(&conn, b)), (start - moved, moved));
        } else {
            prop_assert_eq!(r.unwrap_err().message_id(), "error-time-insufficient");
            prop_assert_eq!((bal(&conn, a), bal(&conn, b)), (start, 0));
        }
        prop_assert_eq!(tb::total_hours(&conn).unwrap().half_hours(), start);
    }
}

// ---------------------------------------------------------------- fuzzing the import parser

fn fuzz_fixture() -> (TwoAssociations, Vec<u8>) {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a).unwrap();
    (t, file)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    /// Random bytes never panic the parser and never import.
    #[test]
    fn fuzz_random_bytes_never_import(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        prop_assert!(exchange::inspect(&bytes, today()).is_err());
    }

    /// JSON-shaped random text (the parser's interesting paths) never imports either.
    #[test]
    fn fuzz_json_like_text_never_imports(s in r#"\{"(format|version|issuer|signature|entries)":[\[\]{}"0-9a-z:,\-\\ ]{0,200}\}\n?"#) {
        prop_assert!(exchange::inspect(s.as_bytes(), today()).is_err());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    /// A valid file with random edits (bytes changed, inserted, deleted, cut short) never
    /// imports, never panics, and never changes the receiving database.
    #[test]
    fn fuzz_mutated_valid_files_never_import(
        edits in proptest::collection::vec((0usize..100_000, any::<u8>(), 0u8..4), 1..6)
    ) {
        // One pair of databases for all cases: building them per case would dominate the run.
        type Fixture = (TwoAssociations, Vec<u8>, Vec<i64>);
        thread_local! {
            static FIXTURE: std::cell::RefCell<Option<Fixture>> = const { std::cell::RefCell::new(None) };
        }
        FIXTURE.with(|f| {
            let mut f = f.borrow_mut();
            let (t, file, before) = f.get_or_insert_with(|| {
                let (t, file) = fuzz_fixture();
                let before = snapshot(&t.b);
                (t, file, before)
            });
            let mut m = file.clone();
            for (pos, byte, how) in &edits {
                let i = pos % (m.len().max(1));
                match how {
                    0 => { if let Some(x) = m.get_mut(i) { *x = *byte; } }
                    1 => m.insert(i, *byte),
                    2 => { if !m.is_empty() { m.remove(i); } }
                    _ => m.truncate(i),
                }
            }
            if m == *file {
                return Ok(());
            }
            let r = import(&mut t.b, &m, true);
            prop_assert!(r.is_err(), "a mutated file must never import");
            prop_assert_eq!(&snapshot(&t.b), before, "a refused file must change nothing");
            Ok(())
        })?;
    }
}

#[test]
fn the_account_screen_reads_balance_entries_and_the_bank_overview() {
    let (_d, mut conn) = test_db();
    let a = add(&mut conn, "张秀英", None);
    let accounts = count(&conn, "time_account");
    let fresh = tb::account(&conn, a, today()).unwrap();
    assert_eq!((fresh.balance, fresh.entries.len(), fresh.frozen), (Hours::ZERO, 0, false), "a new account is empty");
    assert_eq!(count(&conn, "time_account"), accounts, "reading an account opens nothing");
    deposit(&mut conn, a, "2.5", "2026-03-01").unwrap();
    let acc = tb::account(&conn, a, today()).unwrap();
    assert_eq!((acc.balance, acc.entries.len(), acc.name.as_str()), (h("2.5"), 1, "张秀英"));
    let o = write(&mut conn, |tx| tb::overview(tx, &actor())).unwrap();
    let again = write(&mut conn, |tx| tb::overview(tx, &actor())).unwrap();
    assert_eq!(o.fingerprint, again.fingerprint, "the key is made once and kept");
    assert_eq!(o.pool, Hours::ZERO);
}

#[test]
fn an_import_preview_names_the_issuer_and_what_importing_would_meet() {
    let mut two = two_associations();
    let bytes = export(&mut two.a, two.person_a).unwrap();
    let p = exchange::preview(&two.b, &bytes, today()).unwrap();
    assert_eq!((p.key_accepted, p.own_file, p.already_imported, p.person), (false, false, false, None));
    assert_eq!((p.file.hours, p.file.issuer_name.as_str()), (h("11.5"), "东山村老年协会"));
    assert_eq!(count(&two.b, "time_exchange"), 0, "a preview writes nothing");
    import(&mut two.b, &bytes, true).unwrap();
    let p = exchange::preview(&two.b, &bytes, today()).unwrap();
    assert!(p.key_accepted && p.already_imported && p.person.is_some(), "after import the preview says so");
    assert!(exchange::preview(&two.a, &bytes, today()).unwrap().own_file, "the issuer sees its own file");
}
