//! Receipts (收据): numbered without gaps per year, voided but never deleted, issued with the
//! entry form's posting, and printed three to an A4 page or one to an A5 page (作废, 补打).

mod common;

use common::money::{entry, post};
use common::pdf::pdf_text;
use common::{actor, count, snapshot, test_db_with_association as test_db, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::money::donations::{self, DonationInput};
use huzhu::money::receipts::{self, ReceiptLayout};
use huzhu::kernel::Fen;
use huzhu::money::CashKind;
use rusqlite::Connection;

fn zh() -> Localizer {
    Localizer::new(Lang::ZhCn)
}

/// Prints receipts (which logs the print, hence a write).
fn print(conn: &mut Connection, nos: &[&str], layout: ReceiptLayout, l10n: &Localizer) -> Vec<u8> {
    let nos: Vec<String> = nos.iter().map(|s| s.to_string()).collect();
    write(conn, |tx| receipts::print(tx, &actor(), &nos, layout, l10n)).expect("print receipts").bytes
}

/// `n` receipts R2026-0001… for grants of ¥1,234.50, ¥1,235.50…, handled by 王堃.
fn with_receipts(n: usize) -> (tempfile::TempDir, Connection) {
    let (d, mut conn) = test_db();
    for i in 0..n {
        let amount = format!("{}.50", 1234 + i);
        let e = post(&mut conn, &entry(CashKind::Income, "村委会拨款", &amount, "2026-03-01")).expect("post a grant");
        write(&mut conn, |tx| receipts::issue(tx, &actor(), &e, "东风村委会", "", "王堃")).expect("issue its receipt");
    }
    (d, conn)
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
    assert_eq!(receipts::void(&tx, &actor(), "r2026-0002", "again").unwrap_err().message_id(), "error-receipt-already-void", "a receipt is voided once (its number matched whatever the case)");
    drop(tx);
    let tx = conn.transaction().unwrap();
    let again = receipts::issue_for_voucher(&tx, &actor(), &all[1].voucher_no, "", "", "").unwrap();
    tx.commit().unwrap();
    assert_eq!(again.receipt_no, "R2026-0004", "a spoiled receipt's entry gets the next number; the voided one keeps its own");
    assert!(receipts::get(&conn, "R2026-0002").unwrap().voided, "the voided receipt is kept, marked void");
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
fn a_receipt_shows_everything_a_receipt_must() {
    let (_d, mut conn) = with_receipts(1);
    let (text, pages) = pdf_text(&print(&mut conn, &["R2026-0001"], ReceiptLayout::A4Three, &zh()));
    assert_eq!(pages, 1, "one receipt takes one page");
    for must in ["东风村老年协会", "R2026-0001", "2026年3月1日", "东风村委会", "¥1,234.50", "壹仟贰佰叁拾肆元伍角整", "经手人", "王堃", "存", "根", "盖章"] {
        assert!(text.contains(must), "a receipt must show {must}: {text}");
    }
    assert!(!text.contains("补打"), "a first print is not a reprint");
    let (again, _) = pdf_text(&print(&mut conn, &["R2026-0001"], ReceiptLayout::A4Three, &zh()));
    assert!(again.contains("补打"), "a second print says 补打");
    assert_eq!(count(&conn, "receipt_print"), 2, "every print is logged");
}

#[test]
fn three_receipts_go_on_an_a4_page_and_one_on_a5() {
    let (_d, mut conn) = with_receipts(4);
    let (text, pages) = pdf_text(&print(&mut conn, &["R2026-0001", "R2026-0002", "R2026-0003", "R2026-0004"], ReceiptLayout::A4Three, &zh()));
    assert_eq!(pages, 2, "four receipts take two A4 pages at three a page");
    assert!(text.contains("R2026-0004"), "the fourth receipt is on the second page");
    let (_, pages) = pdf_text(&print(&mut conn, &["R2026-0001", "R2026-0002"], ReceiptLayout::A5, &zh()));
    assert_eq!(pages, 2, "A5 is one receipt a page");
}

#[test]
fn a_void_receipt_prints_void_in_both_languages_and_rare_characters_survive() {
    let (_d, mut conn) = test_db();
    let tx = conn.transaction().unwrap();
    donations::donate(&tx, &actor(), &DonationInput { donor: "王〇堃喆玥".into(), amount: "100000.05".into(), receipt: true, ..Default::default() }, today()).unwrap();
    receipts::void(&tx, &actor(), "R2026-0001", "写错").unwrap();
    tx.commit().unwrap();
    let (text, _) = pdf_text(&print(&mut conn, &["R2026-0001"], ReceiptLayout::A4Three, &zh()));
    assert!(text.contains("作废"), "a void receipt prints 作废");
    assert!(text.contains("王〇堃喆玥"), "rare name characters must be printed and extractable: {text}");
    assert!(text.contains("壹拾万元零伍分"), "¥100,000.05 in capital numerals as banks write it");
    let (en, _) = pdf_text(&print(&mut conn, &["R2026-0001"], ReceiptLayout::A4Three, &Localizer::new(Lang::EnUs)));
    assert!(en.contains("VOID") && en.contains("RECEIPT") && en.contains("REPRINT"), "the English receipt reads in English: {en}");
}

#[test]
fn a_one_page_pdf_stays_small_because_the_font_is_subset() {
    let (_d, mut conn) = with_receipts(1);
    let bytes = print(&mut conn, &["R2026-0001"], ReceiptLayout::A4Three, &zh());
    assert!(bytes.len() < 100_000, "a receipt must embed a subset of the font, not all 10 MB: {} bytes", bytes.len());
}

#[test]
fn the_entry_form_posts_with_or_without_a_receipt_and_a_refused_receipt_saves_nothing() {
    let (_d, mut conn) = test_db();
    let tx = conn.transaction().unwrap();
    let mut input = entry(CashKind::Income, "村委会拨款", "300", "2026-03-02");
    input.party = "东风村委会".into();
    let with = receipts::post_entry(&tx, &actor(), &input, true, today()).unwrap();
    let r = with.receipt.expect("a receipt was asked for");
    assert_eq!((r.payer.as_str(), r.amount, r.voucher_no.as_str()), ("东风村委会", Fen(30000), with.entry.voucher_no.as_str()), "the receipt is made out to the entry's party, for its amount, naming its voucher");
    assert_eq!(with.entry.receipt_no.as_deref(), Some(r.receipt_no.as_str()), "the entry returned names its receipt");
    let without = receipts::post_entry(&tx, &actor(), &input, false, today()).unwrap();
    assert!(without.receipt.is_none() && without.entry.receipt_no.is_none(), "without the box ticked no receipt is issued");
    tx.commit().unwrap();

    let before = snapshot(&conn);
    let tx = conn.transaction().unwrap();
    let expense = entry(CashKind::Expense, "办公用品", "20", "2026-03-02");
    let e = receipts::post_entry(&tx, &actor(), &expense, true, today()).unwrap_err();
    assert_eq!(e.message_id(), "error-receipt-not-income", "an expense gets no receipt");
    drop(tx);
    assert_eq!(snapshot(&conn), before, "a refused receipt leaves no entry behind");
}
