//! The passbook (时间储蓄卡): every entry with a running balance over numbered pages, and a
//! verification code that ties the printed balance to the association's key.

mod common;

use common::pdf::{pdf_layout_text, squash};
use common::time_bank::{add_with_id_card, deposit, h, transfer};
use common::{actor, add_member, set_association, test_db, test_db_with_association, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::fields::ReversalInput;
use huzhu::time_bank::{self as tb, keys, passbook};

#[test]
fn the_passbook_prints_every_entry_with_a_running_balance_and_a_verification_code() {
    let (_dir, mut conn) = test_db();
    set_association(&mut conn, "东山村老年协会");
    let a = add_with_id_card(&mut conn, "张秀英", "350102195003070022");
    let b = add_member(&mut conn, "李明");
    for i in 0..40 {
        deposit(&mut conn, a, "1.5", &format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 28)).unwrap();
    }
    write(&mut conn, |tx| tb::transfer(tx, &actor(), &transfer(a, b, "2", "给父亲"), today())).unwrap();
    write(&mut conn, |tx| keys::ensure(tx, &actor()).map(|_| ())).unwrap();
    let balance = tb::balance(&conn, a).unwrap();
    assert_eq!(balance.to_string(), "58", "40 deposits of 1.5 hours less a transfer of 2");
    let code = passbook::verification_code(&conn, a, balance, today()).unwrap().unwrap();
    assert!(passbook::check_code(&conn, a, balance, today(), &code).unwrap(), "the printed code checks out");
    assert!(!passbook::check_code(&conn, a, h("59"), today(), &code).unwrap(), "a different balance gives a different code");

    let printed = passbook::pdf(&conn, a, &Localizer::new(Lang::ZhCn), today()).unwrap();
    assert_eq!(printed.name, format!("时间储蓄存折-{a}.pdf"), "the file is named after the passbook and the holder's number");
    let (zh, pages) = (printed.bytes, printed.pages);
    assert!(pages >= 3, "a card page and 41 lines over two ledger pages, got {pages}");
    assert!(zh.len() < 400_000, "the font is subset: {} bytes", zh.len());
    let (text, _) = pdf_layout_text(&zh);
    for needle in ["时间储蓄卡", "东山村老年协会", "张秀英", "58 小时", &code, "存入", "转出", "李明 给父亲", "余额", "第 1 页"] {
        assert!(squash(&text).contains(&squash(needle)), "the zh-CN passbook must show {needle:?}:\n{text}");
    }
    assert!(!text.contains("350102195003070022"), "the ID number is masked on the card");
    let en = passbook::pdf(&conn, a, &Localizer::new(Lang::EnUs), today()).unwrap().bytes;
    let (text, _) = pdf_layout_text(&en);
    for needle in ["Time Savings Card", "58 hours", "Verification code", "Deposit", "Transfer out", "Balance"] {
        assert!(text.contains(needle), "the en-US passbook must show {needle:?}:\n{text}");
    }
}


/// The account screen and the printed passbook read the same lines from the core: the running
/// balance summed exactly in half-hours, and each line's note in the reader's language.
#[test]
fn passbook_lines_carry_the_running_balance_and_the_note_in_words() {
    let (_d, mut conn) = test_db_with_association();
    let a = add_member(&mut conn, "张秀英");
    let b = add_member(&mut conn, "李明");
    deposit(&mut conn, a, "2.5", "2026-03-01").unwrap();
    deposit(&mut conn, a, "0.5", "2026-03-02").unwrap();
    let (out, _) = write(&mut conn, |tx| tb::transfer(tx, &actor(), &transfer(a, b, "1.5", "给父亲"), today())).unwrap();
    write(&mut conn, |tx| tb::reverse(tx, &actor(), out, &ReversalInput::new("录错了", ""), today())).unwrap();
    let zh = tb::account(&conn, a, &Localizer::new(Lang::ZhCn), today()).unwrap();
    let balances: Vec<String> = zh.lines.iter().map(|l| l.balance.to_string()).collect();
    assert_eq!(balances, ["2.5", "3", "1.5", "3"], "the balance after each line, in exact half-hours");
    let notes: Vec<&str> = zh.lines.iter().map(|l| l.note.as_str()).collect();
    assert_eq!(notes[0], "陪护", "a deposit says what service");
    assert_eq!(notes[2], "李明 给父亲", "a transfer names the other person and the reason");
    assert_eq!(notes[3], format!("冲正第 {out} 号 录错了"), "a reversal names the line it undoes and why");
    let en = tb::account(&conn, a, &Localizer::new(Lang::EnUs), today()).unwrap();
    assert!(en.lines[3].note.starts_with(&format!("reverses no. {out}")), "the notes follow the reader's language: {}", en.lines[3].note);
}
