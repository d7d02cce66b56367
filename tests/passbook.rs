//! The passbook (时间储蓄卡): every entry with a running balance over numbered pages, and a
//! verification code that ties the printed balance to the association's key.

mod common;

use common::pdf::{pdf_layout_text, squash};
use common::time_bank::{add_with_id_card, deposit, h};
use common::{actor, add_member, set_association, test_db, today, write};
use huzhu::i18n::{Lang, Localizer};
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
    write(&mut conn, |tx| tb::transfer(tx, &actor(), a, b, h("2"), "给父亲", today(), today())).unwrap();
    write(&mut conn, |tx| keys::ensure(tx, &actor()).map(|_| ())).unwrap();
    let balance = tb::balance(&conn, a).unwrap();
    assert_eq!(balance.to_string(), "58", "40 deposits of 1.5 hours less a transfer of 2");
    let code = passbook::verification_code(&conn, a, balance, today()).unwrap().unwrap();
    assert!(passbook::check_code(&conn, a, balance, today(), &code).unwrap(), "the printed code checks out");
    assert!(!passbook::check_code(&conn, a, h("59"), today(), &code).unwrap(), "a different balance gives a different code");

    let (zh, pages) = passbook::pdf(&conn, a, &Localizer::new(Lang::ZhCn), today()).unwrap();
    assert!(pages >= 3, "a card page and 41 lines over two ledger pages, got {pages}");
    assert!(zh.len() < 400_000, "the font is subset: {} bytes", zh.len());
    let (text, _) = pdf_layout_text(&zh);
    for needle in ["时间储蓄卡", "东山村老年协会", "张秀英", "58 小时", &code, "存入", "转出", "李明 给父亲", "余额", "第 1 页"] {
        assert!(squash(&text).contains(&squash(needle)), "the zh-CN passbook must show {needle:?}:\n{text}");
    }
    assert!(!text.contains("350102195003070022"), "the ID number is masked on the card");
    let (en, _) = passbook::pdf(&conn, a, &Localizer::new(Lang::EnUs), today()).unwrap();
    let (text, _) = pdf_layout_text(&en);
    for needle in ["Time Savings Card", "58 hours", "Verification code", "Deposit", "Transfer out", "Balance"] {
        assert!(text.contains(needle), "the en-US passbook must show {needle:?}:\n{text}");
    }
}

