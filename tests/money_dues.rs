//! Dues: policy, exemptions, bill, partial and multi-year payments (cash entry + receipt in one
//! transaction), reversal, arrears; and donations with the honour list.

mod money_support;

use huzhu::members::{EconomicStatus, MemberNo};
use huzhu::money::cash_book;
use huzhu::money::donations::{self, DonationInput, HonourFilter};
use huzhu::money::dues::{self, Exemption, PolicyInput};
use huzhu::kernel::Fen;
use huzhu::money::receipts;
use money_support::*;

fn policy(conn: &mut rusqlite::Connection, year: i32, amount: &str, age: Option<u32>, statuses: Vec<EconomicStatus>) {
    let tx = conn.transaction().unwrap();
    dues::set_policy(&tx, &actor(), &PolicyInput { year, amount: amount.into(), exempt_age: age, exempt_statuses: statuses }).unwrap();
    tx.commit().unwrap();
}

fn pay(conn: &mut rusqlite::Connection, no: MemberNo, years: &[i32], amount: &str) -> huzhu::Result<dues::DuesPayment> {
    let tx = conn.transaction()?;
    let p = dues::pay(&tx, &actor(), no, years, amount, day("2026-06-01"), "", today())?;
    tx.commit()?;
    Ok(p)
}

fn line(conn: &rusqlite::Connection, year: i32, no: MemberNo) -> dues::DuesLine {
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
    let mut p = huzhu::members::get_by_no(&tx, wubao, today()).unwrap().to_input();
    p.economic_status = Some(EconomicStatus::Wubao);
    huzhu::members::update(&tx, &actor(), wubao, &p, today()).unwrap();
    tx.commit().unwrap();
    policy(&mut conn, 2026, "50", Some(80), vec![EconomicStatus::Wubao]);
    let tx = conn.transaction().unwrap();
    dues::waive(&tx, &actor(), 2026, waived, "家庭困难", today()).unwrap();
    tx.commit().unwrap();

    assert_eq!(line(&conn, 2026, young).due, Fen(5000), "an ordinary member owes the policy amount");
    assert_eq!(line(&conn, 2026, old).exemption, Some(Exemption::Age(80)), "80 on 31 December is exempt at 80");
    assert_eq!(line(&conn, 2026, old).due, Fen::ZERO);
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
    assert_eq!(p.receipt.receipt_no, "R2026-0001");
    assert_eq!(p.entry.receipt_no.as_deref(), Some("R2026-0001"), "the cash entry links its receipt");
    assert!(p.entry.source.starts_with("dues:"), "the cash entry links the dues payment: {}", p.entry.source);
    assert_eq!(p.entry.category_code.as_deref(), Some("dues"));
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(3000), "the payment is in the cash book");
    assert_eq!(line(&conn, 2026, m).owed, Fen(2000), "a partial payment leaves the rest owed");
    let snap = snapshot(&conn);
    let err = pay(&mut conn, m, &[2026], "30").unwrap_err();
    assert_eq!(err.message_id(), "error-dues-overpaid", "paying more than is owed is refused");
    assert_eq!(snapshot(&conn), snap);
    pay(&mut conn, m, &[2026], "20").unwrap();
    assert_eq!(line(&conn, 2026, m).owed, Fen::ZERO, "two partial payments settle the year");
    assert_eq!(pay(&mut conn, m, &[2026], "1").unwrap_err().message_id(), "error-dues-nothing-owed");
}

#[test]
fn one_payment_can_cover_several_years_earliest_first() {
    let (_d, mut conn) = test_db();
    let m = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    policy(&mut conn, 2025, "40", None, vec![]);
    policy(&mut conn, 2026, "50", None, vec![]);
    let p = pay(&mut conn, m, &[2026, 2025], "60").unwrap();
    assert_eq!(p.allocations, vec![(2025, Fen(4000)), (2026, Fen(2000))], "the earliest year is paid first");
    assert_eq!(receipts::purpose_label(&huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn), &p.receipt.purpose), "2025、2026 年度会费");
    assert_eq!(line(&conn, 2025, m).owed, Fen::ZERO);
    assert_eq!(line(&conn, 2026, m).owed, Fen(3000));
    assert_eq!(count(&conn, "receipt"), 1, "one payment, one receipt");
    assert_eq!(count(&conn, "cash_entry"), 1, "one payment, one cash entry");
}

#[test]
fn reversing_a_dues_entry_undoes_the_payment_and_voids_its_receipt() {
    let (_d, mut conn) = test_db();
    let m = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    policy(&mut conn, 2026, "50", None, vec![]);
    let p = pay(&mut conn, m, &[2026], "50").unwrap();
    let tx = conn.transaction().unwrap();
    receipts::reverse_entry(&tx, &actor(), &p.entry.voucher_no, "收错人了", today(), today()).unwrap();
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
fn receipts_are_gapless_voids_keep_the_number_and_the_database_refuses_edits() {
    let (_d, mut conn) = test_db();
    for i in 0..3 {
        let tx = conn.transaction().unwrap();
        donations::donate(
            &tx,
            &actor(),
            &DonationInput { donor: format!("捐款人{i}"), amount: "100".into(), receipt: true, ..Default::default() },
            today(),
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let all = receipts::list(&conn, Some(2026)).unwrap();
    let nos: Vec<_> = all.iter().map(|r| r.receipt_no.as_str()).collect();
    assert_eq!(nos, ["R2026-0001", "R2026-0002", "R2026-0003"], "receipt numbers run without gaps");
    let tx = conn.transaction().unwrap();
    receipts::void(&tx, &actor(), "R2026-0002", "写错").unwrap();
    tx.commit().unwrap();
    let tx = conn.transaction().unwrap();
    assert_eq!(receipts::void(&tx, &actor(), "r2026-0002", "again").unwrap_err().message_id(), "error-receipt-already-void");
    drop(tx);
    let tx = conn.transaction().unwrap();
    let again = receipts::issue_for_voucher(&tx, &actor(), &all[1].voucher_no, "", "", "").unwrap();
    tx.commit().unwrap();
    assert_eq!(again.receipt_no, "R2026-0004", "a spoiled receipt's entry gets the next number; the voided one keeps its own");
    assert!(receipts::get(&conn, "R2026-0002").unwrap().voided);
    for sql in ["UPDATE receipt SET amount_fen = 1", "DELETE FROM receipt", "DELETE FROM receipt_void", "UPDATE donation SET amount_fen = 1"] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused by the database");
    }
    let gap = conn.execute(
        "INSERT INTO receipt (year, seq, receipt_no, date, payer, purpose, amount_fen, cash_entry_id, created_at, created_by)
         VALUES (2026, 9, 'R2026-0009', '2026-01-01', 'x', '', 1, 1, 'now', 'x')",
        [],
    );
    assert!(gap.is_err(), "the database must refuse a receipt number with a gap");
}

#[test]
fn the_honour_list_puts_the_largest_gifts_first_and_leaves_out_reversed_ones() {
    let (_d, mut conn) = test_db();
    let gifts = [("陈喆", "500", "2026-03-01", ""), ("刘〇", "2000", "2026-03-02", ""), ("陈喆", "600", "2026-04-01", "重阳节"), ("王堃", "50", "2026-05-01", "")];
    for (donor, amount, date, purpose) in gifts {
        let tx = conn.transaction().unwrap();
        donations::donate(&tx, &actor(), &DonationInput { donor: donor.into(), amount: amount.into(), date: date.into(), purpose: purpose.into(), ..Default::default() }, today()).unwrap();
        tx.commit().unwrap();
    }
    let list = donations::honour_list(&conn, &HonourFilter::default()).unwrap();
    let order: Vec<_> = list.iter().map(|d| (d.donor.as_str(), d.amount)).collect();
    assert_eq!(order, [("刘〇", Fen(200000)), ("陈喆", Fen(110000)), ("王堃", Fen(5000))], "largest total first; a donor's gifts add up");
    let only = donations::honour_list(&conn, &HonourFilter { purpose: Some("重阳节".into()), ..Default::default() }).unwrap();
    assert_eq!(only.len(), 1, "a purpose selects its gifts");
    let spring = donations::honour_list(&conn, &HonourFilter { from: Some(day("2026-03-02")), to: Some(day("2026-04-30")), purpose: None }).unwrap();
    assert_eq!(spring.iter().map(|d| d.amount).sum::<Fen>(), Fen(260000), "a period selects its gifts");
    let tx = conn.transaction().unwrap();
    receipts::reverse_entry(&tx, &actor(), "2026-0002", "退回", today(), today()).unwrap();
    tx.commit().unwrap();
    let list = donations::honour_list(&conn, &HonourFilter::default()).unwrap();
    assert_eq!(list[0].donor, "陈喆", "a reversed gift leaves the honour list");
    let snap = snapshot(&conn);
    let tx = conn.transaction().unwrap();
    let err = donations::donate(&tx, &actor(), &DonationInput { donor: " ".into(), amount: "5".into(), ..Default::default() }, today()).unwrap_err();
    drop(tx);
    assert_eq!(err.message_id(), "error-donor-required");
    assert_eq!(snapshot(&conn), snap);
}
