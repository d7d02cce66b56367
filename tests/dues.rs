//! Dues (会费): the yearly policy and its exemptions, the bill, partial and multi-year payments
//! (cash entry + receipt in one transaction), reversal, and the arrears list.

mod common;

use common::pdf::pdf_text;
use common::{actor, add_person, count, snapshot, test_db, test_db_with_association, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{self, EconomicStatus, MemberNo, PersonInput};
use huzhu::money::dues::{self, DuesPaymentInput, Exemption, PolicyInput};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::money::{cash_book, receipts};
use rusqlite::Connection;

/// A member of a village group, born on `birth`, who joined in 2020.
fn add_member(conn: &mut Connection, name: &str, birth: &str, group: &str) -> MemberNo {
    let input = PersonInput { birth_date: birth.into(), village_group: group.into(), join_date: "2020-01-01".into(), ..PersonInput::member(name) };
    add_person(conn, &input).expect("add a member").member_no
}

fn policy(conn: &mut Connection, year: i32, amount: &str, age: Option<u32>, statuses: Vec<EconomicStatus>) {
    let exempt_age = age.map(|a| a.to_string()).unwrap_or_default();
    write(conn, |tx| dues::set_policy(tx, &actor(), &PolicyInput { year, amount: amount.into(), exempt_age, exempt_statuses: statuses })).expect("set the policy");
}

/// A payment as the form sends it, dated 2026-06-01, for the years typed "2025,2026".
fn payment(no: MemberNo, years: &str, amount: &str) -> DuesPaymentInput {
    DuesPaymentInput { member: Some(no), years: years.into(), amount: amount.into(), date: "2026-06-01".into(), handler: String::new() }
}

fn pay(conn: &mut Connection, no: MemberNo, years: &[i32], amount: &str) -> huzhu::Result<dues::DuesPayment> {
    let years = years.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    write(conn, |tx| dues::pay(tx, &actor(), &payment(no, &years, amount), today()))
}

fn line(conn: &Connection, year: i32, no: MemberNo) -> dues::DuesLine {
    dues::bill(conn, year).unwrap().into_iter().find(|l| l.member_no == no).unwrap()
}

#[test]
fn the_bill_applies_age_status_and_waiver_exemptions() {
    let (_d, mut conn) = test_db();
    let young = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    let old = add_member(&mut conn, "王堃", "1945-12-31", "二组");
    let wubao = add_member(&mut conn, "陈玥", "1960-05-05", "一组");
    let waived = add_member(&mut conn, "刘喆", "1958-01-01", "二组");
    let tx = conn.transaction().unwrap();
    let mut p = members::get_by_no(&tx, wubao, today()).unwrap().to_input();
    p.economic_status = Some(EconomicStatus::Wubao);
    members::update(&tx, &actor(), wubao, &p, today()).unwrap();
    tx.commit().unwrap();
    policy(&mut conn, 2026, "50", Some(80), vec![EconomicStatus::Wubao]);
    let tx = conn.transaction().unwrap();
    dues::waive(&tx, &actor(), 2026, waived, "家庭困难", today()).unwrap();
    tx.commit().unwrap();

    assert_eq!(line(&conn, 2026, young).due, Fen(5000), "an ordinary member owes the policy amount");
    assert_eq!(line(&conn, 2026, old).exemption, Some(Exemption::Age(80)), "80 on 31 December is exempt at 80");
    assert_eq!(line(&conn, 2026, old).due, Fen::ZERO, "an exempt member owes nothing");
    assert_eq!(line(&conn, 2026, wubao).exemption, Some(Exemption::Status(EconomicStatus::Wubao)), "五保 is exempt when the policy says so");
    assert_eq!(line(&conn, 2026, waived).exemption, Some(Exemption::Waiver("家庭困难".into())), "a waiver keeps its reason");
    let snap = snapshot(&conn);
    let err = pay(&mut conn, old, &[2026], "50").unwrap_err();
    assert_eq!(err.message_id(), "error-dues-exempt", "an exempt member's payment is refused");
    assert_eq!(snapshot(&conn), snap, "a refused payment saves nothing");
}

#[test]
fn a_payment_posts_the_income_and_a_receipt_in_one_go_and_partial_payments_add_up() {
    let (_d, mut conn) = test_db();
    let m = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    policy(&mut conn, 2026, "50", None, vec![]);
    let p = pay(&mut conn, m, &[2026], "30").unwrap();
    assert_eq!(p.receipt.receipt_no, "R2026-0001", "a dues payment gets the year's next receipt number");
    assert_eq!(p.entry.receipt_no.as_deref(), Some("R2026-0001"), "the cash entry links its receipt");
    assert!(p.entry.source.starts_with("dues:"), "the cash entry links the dues payment: {}", p.entry.source);
    assert_eq!(p.entry.category_code.as_deref(), Some("dues"), "a dues payment is booked under the dues category");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(3000), "the payment is in the cash book");
    assert_eq!(line(&conn, 2026, m).owed, Fen(2000), "a partial payment leaves the rest owed");
    let snap = snapshot(&conn);
    let err = pay(&mut conn, m, &[2026], "30").unwrap_err();
    assert_eq!(err.message_id(), "error-dues-overpaid", "paying more than is owed is refused");
    assert_eq!(snapshot(&conn), snap, "a refused overpayment saves nothing");
    pay(&mut conn, m, &[2026], "20").unwrap();
    assert_eq!(line(&conn, 2026, m).owed, Fen::ZERO, "two partial payments settle the year");
    assert_eq!(pay(&mut conn, m, &[2026], "1").unwrap_err().message_id(), "error-dues-nothing-owed", "a settled year takes no more payments");
}

#[test]
fn one_payment_can_cover_several_years_earliest_first() {
    let (_d, mut conn) = test_db();
    let m = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    policy(&mut conn, 2025, "40", None, vec![]);
    policy(&mut conn, 2026, "50", None, vec![]);
    let p = pay(&mut conn, m, &[2026, 2025], "60").unwrap();
    assert_eq!(p.allocations, vec![(2025, Fen(4000)), (2026, Fen(2000))], "the earliest year is paid first");
    assert_eq!(receipts::purpose_label(&Localizer::new(Lang::ZhCn), &p.receipt.purpose), "2025、2026 年度会费", "the receipt names every year the payment covers");
    assert_eq!(line(&conn, 2025, m).owed, Fen::ZERO, "the earlier year is settled first");
    assert_eq!(line(&conn, 2026, m).owed, Fen(3000), "the rest goes to the later year: 50 - 20 still owed");
    assert_eq!(count(&conn, "receipt"), 1, "one payment, one receipt");
    assert_eq!(count(&conn, "cash_entry"), 1, "one payment, one cash entry");
}

#[test]
fn the_payment_form_is_read_in_the_core_with_each_error_beside_its_field() {
    let (_d, mut conn) = test_db();
    let m = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    policy(&mut conn, 2025, "40", None, vec![]);
    policy(&mut conn, 2026, "50", None, vec![]);
    let before = snapshot(&conn);
    let refused = |conn: &mut Connection, input: DuesPaymentInput| write(conn, |tx| dues::pay(tx, &actor(), &input, today())).unwrap_err();
    let e = refused(&mut conn, DuesPaymentInput { member: None, ..payment(m, "2026", "50") });
    assert_eq!((e.message_id(), e.field()), ("error-person-required", Some("member")), "a payment names who pays");
    let e = refused(&mut conn, payment(m, "2026年", "50"));
    assert_eq!((e.message_id(), e.field()), ("error-year-invalid", Some("year")), "a year is four digits");
    let e = refused(&mut conn, payment(m, " ， ", "50"));
    assert_eq!((e.message_id(), e.field()), ("error-year-required", Some("year")), "at least one year");
    let e = refused(&mut conn, payment(m, "2026", "50元"));
    assert_eq!((e.message_id(), e.field()), ("error-amount-invalid", Some("amount")));
    let e = refused(&mut conn, DuesPaymentInput { date: "2026-6-31".into(), ..payment(m, "2026", "50") });
    assert_eq!((e.message_id(), e.field()), ("error-date-invalid", Some("date")));
    assert_eq!(snapshot(&conn), before, "a refused payment writes nothing");
    let p = write(&mut conn, |tx| dues::pay(tx, &actor(), &DuesPaymentInput { date: String::new(), ..payment(m, "2026、2025 2026", "90") }, today())).unwrap();
    assert_eq!(p.allocations, vec![(2025, Fen(4000)), (2026, Fen(5000))], "years typed with 、 or spaces, each once");
    assert_eq!(p.entry.date, today(), "a blank date is today");
}

#[test]
fn reversing_a_dues_entry_undoes_the_payment_and_voids_its_receipt() {
    let (_d, mut conn) = test_db();
    let m = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    policy(&mut conn, 2026, "50", None, vec![]);
    let p = pay(&mut conn, m, &[2026], "50").unwrap();
    let tx = conn.transaction().unwrap();
    receipts::reverse_entry(&tx, &actor(), &p.entry.voucher_no, &ReversalInput::new("收错人了", ""), today()).unwrap();
    tx.commit().unwrap();
    assert_eq!(line(&conn, 2026, m).owed, Fen(5000), "a reversed payment no longer counts");
    let r = receipts::get(&conn, &p.receipt.receipt_no).unwrap();
    assert!(r.voided && r.void_reason == "收错人了", "the receipt of a reversed entry is voided with the reason");
    assert!(conn.execute("DELETE FROM dues_payment", []).is_err(), "dues payments are append-only at the database");
    assert!(conn.execute("UPDATE dues_payment SET amount_fen = 1", []).is_err(), "dues payments are append-only at the database");
    let arrears = dues::arrears(&conn, 2026).unwrap();
    assert_eq!(arrears.len(), 1, "the member is back on the arrears list");
}

#[test]
fn the_arrears_list_prints_by_group_with_what_each_owes() {
    let (_d, mut conn) = test_db_with_association();
    let a = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    add_member(&mut conn, "王堃", "1956-03-02", "二组");
    policy(&mut conn, 2026, "50", None, vec![]);
    write(&mut conn, |tx| dues::pay(tx, &actor(), &DuesPaymentInput { date: "2026-03-01".into(), ..payment(a, "2026", "20") }, today())).unwrap();
    let (text, _) = pdf_text(&dues::arrears_pdf(&conn, 2026, &Localizer::new(Lang::ZhCn), today()).unwrap().bytes);
    // 张秀英 still owes 30.00 of 50, 王堃 all 50: ¥80.00 in all.
    for must in ["2026 年度会费欠费名单", "一组", "二组", "张秀英", "30.00", "王堃", "¥80.00", "制表人"] {
        assert!(text.contains(must), "the arrears list must show {must} (the groups, what each member still owes, the total, the signature line): {text}");
    }
}
