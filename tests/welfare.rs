//! Welfare standards and payments: a payment and its cash-book expense are one (the cash book,
//! the welfare list and the statement agree), a reversal goes through the cash book and shows on
//! the payment, standards change from a date and past payments keep their amount; the 领款单 and
//! the signing list on paper; hospital stays.

mod common;

use common::pdf::{pdf_layout_text, squash};
use common::welfare::{pay, payment, set_standard, standard};
use common::{actor, add_member, add_person, count, day, refused, test_db_with_association, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::rota::ContactInput;
use huzhu::members::{self, FamilyContact, MemberNo, PersonInput, Status};
use huzhu::money::cash_book;
use huzhu::money::statements::{self, Period};
use huzhu::money::{receipts, CashKind};
use huzhu::welfare::{self, AdmitInput, PaymentInput, StandardInput, WelfareFilter, WelfareKind};

fn zh() -> Localizer {
    Localizer::new(Lang::ZhCn)
}

fn dead_member(conn: &mut rusqlite::Connection, name: &str, died: &str) -> MemberNo {
    let input = PersonInput {
        birth_date: "1940-05-01".into(),
        family: vec![FamilyContact { name: "林文华".into(), relation: "儿子".into(), phone: "13800000001".into(), lives_away: false }],
        ..PersonInput::member(name)
    };
    let no = add_person(conn, &input).expect("add a member").member_no;
    let input = members::StatusInput::new(Status::Deceased, died, "");
    write(conn, |tx| members::set_status(tx, &actor(), no, &input, today())).expect("record the death");
    no
}

#[test]
fn a_payment_posts_its_expense_and_the_cash_book_the_list_and_the_statement_agree() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &StandardInput { goods: "花圈".into(), ..standard(WelfareKind::Condolence, "500", "", "", "2026-01-01") });
    let no = dead_member(&mut conn, "林德明", "2026-11-02");
    let w = pay(&mut conn, &payment(no, WelfareKind::Condolence, "2026-11-03")).expect("pay the condolence");
    assert_eq!((w.amount, w.goods.as_str(), w.receiver.as_str()), (Fen(50000), "花圈", "林文华"), "the standard's amount and goods, to the first family contact");

    let e = cash_book::get_by_voucher(&conn, &w.voucher_no).expect("the voucher is a cash entry");
    assert_eq!((e.kind, e.amount, e.category_code.as_deref()), (CashKind::Expense, Fen(50000), Some("condolence")), "a condolence is a 慰问金 expense");
    assert_eq!(e.source, format!("welfare:{}", w.id), "the cash entry names the payment that caused it");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(-50000), "the cash balance falls by the payment");
    let listed = welfare::list(&conn, &WelfareFilter { year: Some(2026), ..Default::default() }).unwrap();
    assert_eq!(listed.iter().map(|w| w.voucher_no.clone()).collect::<Vec<_>>(), vec![e.voucher_no.clone()], "the welfare list shows the same voucher");
    let s = statements::build(&conn, Period::Month(common::month("2026-11"))).unwrap();
    let cat = s.categories.iter().find(|c| c.category_code.as_deref() == Some("condolence")).expect("the statement has the category");
    assert_eq!((cat.total, s.expense), (Fen(50000), Fen(50000)), "the statement's 慰问金 total is the payment");

    // The mistake is reversed through the cash book; the payment shows it, not stored twice.
    let r = write(&mut conn, |tx| receipts::reverse_entry(tx, &actor(), &w.voucher_no, &ReversalInput::new("金额错", "2026-11-04"), today())).unwrap();
    let after = welfare::get_by_voucher(&conn, &w.voucher_no).unwrap();
    assert_eq!(after.reversed_by.as_deref(), Some(r.voucher_no.as_str()), "the payment shows the reversal's voucher");
    assert_eq!(after.reversal_reason, "金额错");
    let s = statements::build(&conn, Period::Month(common::month("2026-11"))).unwrap();
    assert_eq!((s.expense, cash_book::balance(&conn, None).unwrap()), (Fen::ZERO, Fen::ZERO), "after the reversal the statement and the balance are back to nothing");
    // Reversed, the occasion may be paid again (the right amount this time).
    let again = PaymentInput { amount: "600".into(), reason: "家属困难，会长同意".into(), ..payment(no, WelfareKind::Condolence, "2026-11-05") };
    assert_eq!(pay(&mut conn, &again).unwrap().amount, Fen(60000), "a reversed condolence can be paid again");
}

#[test]
fn payments_that_break_the_rules_are_refused_and_change_nothing() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &StandardInput { approve_above: "800".into(), ..standard(WelfareKind::Condolence, "500", "", "", "2026-01-01") });
    let living = add_member(&mut conn, "张秀英");
    let no = dead_member(&mut conn, "林德明", "2026-11-02");

    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &payment(living, WelfareKind::Condolence, "2026-11-03"), today()));
    assert_eq!(e.message_id(), "error-welfare-not-deceased", "no condolence for the living");
    let other = PaymentInput { amount: "700".into(), ..payment(no, WelfareKind::Condolence, "2026-11-03") };
    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &other, today()));
    assert_eq!((e.message_id(), e.field()), ("error-welfare-reason-required", Some("reason")), "another amount than the standard needs a reason");
    let big = PaymentInput { amount: "1000".into(), reason: "大户".into(), ..payment(no, WelfareKind::Condolence, "2026-11-03") };
    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &big, today()));
    assert_eq!((e.message_id(), e.field()), ("error-welfare-approval-required", Some("approver")), "above the standard's limit the 会长 must approve");
    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &payment(no, WelfareKind::Condolence, "2026-12-03"), today()));
    assert_eq!(e.message_id(), "error-date-future", "a payment is not dated ahead");
    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &payment(living, WelfareKind::Sick, "2026-11-03"), today()));
    assert_eq!((e.message_id(), e.field()), ("error-welfare-no-standard", Some("amount")), "without a standard the amount must be typed");

    let approved = PaymentInput { approver: "陈会长".into(), ..big };
    pay(&mut conn, &approved).expect("with the approver it is paid");
    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &payment(no, WelfareKind::Condolence, "2026-11-04"), today()));
    assert_eq!(e.message_id(), "error-welfare-already-paid", "one death, one condolence");
    assert_eq!(count(&conn, "welfare_payment"), 1);
}

#[test]
fn a_new_standard_applies_from_its_date_and_past_payments_keep_their_amount() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &standard(WelfareKind::Condolence, "500", "", "", "2026-01-01"));
    let early = dead_member(&mut conn, "林德明", "2026-06-10");
    let late = dead_member(&mut conn, "陈金水", "2026-08-10");
    let first = pay(&mut conn, &payment(early, WelfareKind::Condolence, "2026-06-12")).unwrap();
    set_standard(&mut conn, &standard(WelfareKind::Condolence, "800", "", "", "2026-07-01"));
    // A standard set for next year is not in force yet.
    set_standard(&mut conn, &standard(WelfareKind::Condolence, "1000", "", "", "2027-01-01"));
    let second = pay(&mut conn, &payment(late, WelfareKind::Condolence, "2026-08-12")).unwrap();
    assert_eq!(second.amount, Fen(80000), "a death after the new standard's date gets the new amount");
    assert_eq!(welfare::get_by_voucher(&conn, &first.voucher_no).unwrap().amount, Fen(50000), "the earlier payment keeps its amount");
    let q = welfare::quote(&conn, early, WelfareKind::Condolence, today(), today()).unwrap();
    assert_eq!(q.standard.map(|s| s.amount), Some(Fen(50000)), "the standard is the one in force on the day of the death");
    let in_force: Vec<Fen> = welfare::standards(&conn, today()).unwrap().iter().filter(|s| s.in_force).map(|s| s.amount).collect();
    assert_eq!(in_force, vec![Fen(80000)], "one condolence standard is in force today; the 2027 one waits");
    let e = refused(&mut conn, |tx| welfare::set_standard(tx, &actor(), &standard(WelfareKind::Birthday, "200", "90", "80", ""), today()));
    assert_eq!((e.message_id(), e.field()), ("error-welfare-band-reversed", Some("age_to")), "a band must run upwards");
}

#[test]
fn age_bands_choose_the_amount_and_the_narrowest_band_wins() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &standard(WelfareKind::Chongyang, "100", "80", "", "2026-01-01"));
    set_standard(&mut conn, &standard(WelfareKind::Chongyang, "200", "90", "99", "2026-01-01"));
    set_standard(&mut conn, &standard(WelfareKind::Chongyang, "500", "100", "", "2026-01-01"));
    let on = day("2026-10-18");
    let amount = |age| welfare::standard_for(&conn, WelfareKind::Chongyang, Some(age), on).unwrap().map(|s| s.amount);
    assert_eq!((amount(79), amount(85), amount(95), amount(101)), (None, Some(Fen(10000)), Some(Fen(20000)), Some(Fen(50000))), "80+ gets 100, 90-99 the narrower 200, 100+ 500");
}

#[test]
fn the_payment_slip_has_the_amount_in_figures_and_capitals_three_to_a_page() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &StandardInput { goods: "花圈".into(), ..standard(WelfareKind::Condolence, "1000", "", "", "2026-01-01") });
    let mut vouchers = Vec::new();
    for (i, name) in ["林德明", "陈金水", "黄玉喆", "吴秀兰"].into_iter().enumerate() {
        let no = dead_member(&mut conn, name, &format!("2026-11-0{}", i + 1));
        let input = PaymentInput { handler: "李会计".into(), approver: "陈会长".into(), ..payment(no, WelfareKind::Condolence, "2026-11-10") };
        vouchers.push(pay(&mut conn, &input).unwrap().voucher_no);
    }
    let p = welfare::slips_pdf(&conn, &vouchers, &zh()).unwrap();
    // Layout mode: the title and the date beside it share a line, which the raw reading order
    // interleaves once a page holds three slips.
    let (text, pages) = pdf_layout_text(&p.bytes);
    assert_eq!(pages, 2, "four slips take two A4 pages, three to a page");
    let t = squash(&text);
    for needed in ["东风村老年协会", "领款单", "林德明", "丧葬慰问", "花圈", "壹仟元整", "¥1,000.00", "领款人签名", "林文华", "李会计", "陈会长", &vouchers[3]] {
        assert!(t.contains(needed), "the slip shows {needed}: {t}");
    }
    assert!(p.name.ends_with(".pdf") && p.name.contains(&vouchers[0]), "the file is named after the first voucher: {}", p.name);
    let list = welfare::sign_list_pdf(&conn, &vouchers, "2026年11月丧葬慰问签领表", &zh(), today()).unwrap();
    let (text, pages) = pdf_layout_text(&list.bytes);
    let t = squash(&text);
    assert_eq!(pages, 1, "a short signing list is one page");
    assert!(t.contains("2026年11月丧葬慰问签领表") && t.contains("领取人签名") && t.contains("共4人，合计¥4,000.00"), "the signing list has its title, a column to sign and the total: {t}");
    let e = welfare::slips_pdf(&conn, &["2026-0099".to_string()], &zh()).unwrap_err();
    assert_eq!(e.message_id(), "error-welfare-voucher-not-found", "a voucher that is not a welfare payment is named");
}

#[test]
fn a_hospital_stay_runs_from_admission_to_discharge_and_its_payment_is_tied_to_it() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &standard(WelfareKind::Hospital, "200", "", "", "2026-01-01"));
    let no = add_member(&mut conn, "张秀英");
    let admit = AdmitInput { member: Some(no), date: "2026-11-20".into(), hospital: "县医院".into(), notes: String::new() };
    let s = write(&mut conn, |tx| welfare::admit(tx, &actor(), &admit, today())).unwrap();
    assert_eq!(s.days, 9, "in hospital nine days by today");
    assert_eq!(welfare::in_hospital(&conn, today(), huzhu::members::Phones::Masked).unwrap().len(), 1, "shown as in hospital until discharged");
    let e = refused(&mut conn, |tx| welfare::admit(tx, &actor(), &admit, today()));
    assert_eq!(e.message_id(), "error-welfare-in-hospital", "one stay at a time");
    let w = pay(&mut conn, &payment(no, WelfareKind::Hospital, "2026-11-22")).unwrap();
    assert_eq!(w.occasion, format!("hospital:{}", s.id), "the hospital payment belongs to the stay");
    let e = refused(&mut conn, |tx| welfare::pay(tx, &actor(), &payment(no, WelfareKind::Hospital, "2026-11-23"), today()));
    assert_eq!(e.message_id(), "error-welfare-already-paid", "one hospital payment per stay");
    write(&mut conn, |tx| huzhu::rota::log_contact(tx, &actor(), &ContactInput { elder: no, by: None, date: "2026-11-21".into(), call: false, notes: "送水果".into() }, today())).unwrap();
    let e = refused(&mut conn, |tx| welfare::discharge(tx, &actor(), no, "2026-11-19", today()));
    assert_eq!(e.message_id(), "error-welfare-discharge-before-admission");
    let out = write(&mut conn, |tx| welfare::discharge(tx, &actor(), no, "2026-11-27", today())).unwrap();
    assert_eq!((out.days, out.visits, out.paid.as_deref()), (7, 1, Some(w.voucher_no.as_str())), "the stay counts its days, the logged visit and its payment");
    assert!(welfare::in_hospital(&conn, today(), huzhu::members::Phones::Masked).unwrap().is_empty(), "discharged, no longer in hospital");
}
