//! Donations (捐款): each one a cash entry (with a receipt when asked), and the honour list
//! (捐款芳名榜), largest gifts first, on screen and printed.

mod common;

use common::pdf::pdf_text;
use common::{actor, snapshot, test_db_with_association as test_db, today};
use huzhu::i18n::{Lang, Localizer};
use huzhu::money::donations::{self, DonationInput, HonourFilter};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::money::receipts;

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
    let only = donations::honour_list(&conn, &HonourFilter { purpose: "重阳节".into(), ..Default::default() }).unwrap();
    assert_eq!(only.len(), 1, "a purpose selects its gifts");
    let spring = donations::honour_list(&conn, &HonourFilter { from: "2026-03-02".into(), to: " 2026-04-30 ".into(), purpose: String::new() }).unwrap();
    assert_eq!(spring.iter().map(|d| d.amount).sum::<Fen>(), Fen(260000), "a period selects its gifts");
    let e = donations::honour_list(&conn, &HonourFilter { to: "2026-04-31".into(), ..Default::default() }).unwrap_err();
    assert_eq!((e.message_id(), e.field()), ("error-date-invalid", Some("to")), "a day typed wrong is refused beside its field");
    let tx = conn.transaction().unwrap();
    receipts::reverse_entry(&tx, &actor(), "2026-0002", &ReversalInput::new("退回", ""), today()).unwrap();
    tx.commit().unwrap();
    let list = donations::honour_list(&conn, &HonourFilter::default()).unwrap();
    assert_eq!(list[0].donor, "陈喆", "a reversed gift leaves the honour list");
    let snap = snapshot(&conn);
    let tx = conn.transaction().unwrap();
    let err = donations::donate(&tx, &actor(), &DonationInput { donor: " ".into(), amount: "5".into(), ..Default::default() }, today()).unwrap_err();
    drop(tx);
    assert_eq!(err.message_id(), "error-donor-required", "a donation needs a donor");
    assert_eq!(snapshot(&conn), snap, "a refused donation changes nothing");
}

#[test]
fn the_honour_list_prints_largest_gifts_first_and_runs_onto_more_pages() {
    let (_d, mut conn) = test_db();
    for (donor, amount) in [("陈喆", "500"), ("刘〇", "2000"), ("王玥", "88.8")] {
        let tx = conn.transaction().unwrap();
        donations::donate(&tx, &actor(), &DonationInput { donor: donor.into(), amount: amount.into(), date: "2026-09-01".into(), ..Default::default() }, today()).unwrap();
        tx.commit().unwrap();
    }
    let (text, pages) = pdf_text(&donations::honour_pdf(&conn, &HonourFilter::default(), &Localizer::new(Lang::ZhCn), today()).unwrap().bytes);
    assert_eq!(pages, 1, "three donors fit on one page");
    let pos = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} must be on the honour list: {text}"));
    assert!(text.contains("捐款芳名榜") && text.contains("2026年11月29日"), "the honour list has its title and is dated the day it is printed: {text}");
    assert!(pos("刘〇") < pos("陈喆") && pos("陈喆") < pos("王玥"), "largest gifts first");
    assert!(text.contains("¥2,000.00") && text.contains("¥88.80"), "amounts print as ¥ with grouped thousands and two decimals: {text}");
    for i in 0..40 {
        let tx = conn.transaction().unwrap();
        donations::donate(&tx, &actor(), &DonationInput { donor: format!("村民{i}"), amount: "10".into(), date: "2026-09-02".into(), ..Default::default() }, today()).unwrap();
        tx.commit().unwrap();
    }
    let (_, pages) = pdf_text(&donations::honour_pdf(&conn, &HonourFilter::default(), &Localizer::new(Lang::ZhCn), today()).unwrap().bytes);
    assert!(pages >= 2, "a long honour list runs onto more pages, got {pages}");
}
