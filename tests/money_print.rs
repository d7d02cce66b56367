//! What the treasurer prints: receipts (three to an A4 page, A5, 作废, 补打), the honour list,
//! the arrears list and statements, checked by the text pdftotext extracts and the page count;
//! statements as XLSX read back with calamine.

mod money_support;

use calamine::{Data, Reader, Xlsx};
use huzhu::i18n::{Lang, Localizer};
use huzhu::money::donations::{self, DonationInput, HonourFilter};
use huzhu::money::dues::{self, PolicyInput};
use huzhu::money::receipts::{self, ReceiptLayout};
use huzhu::money::statements::{self, Period};
use huzhu::kernel::{Fen, Month};
use huzhu::money::{cash_book, CashKind};
use money_support::*;

/// The text without spaces: pdftotext spaces out CJK lines as it sees fit.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn zh() -> Localizer {
    Localizer::new(Lang::ZhCn)
}

fn print(conn: &mut rusqlite::Connection, nos: &[&str], layout: ReceiptLayout, l10n: &Localizer) -> Vec<u8> {
    let tx = conn.transaction().unwrap();
    let nos: Vec<String> = nos.iter().map(|s| s.to_string()).collect();
    let bytes = receipts::print(&tx, &actor(), &nos, layout, l10n).unwrap();
    tx.commit().unwrap();
    bytes
}

fn with_receipts(n: usize) -> (tempfile::TempDir, rusqlite::Connection) {
    let (d, mut conn) = test_db();
    for i in 0..n {
        let tx = conn.transaction().unwrap();
        let e = cash_book::add(&tx, &actor(), &entry(CashKind::Income, "村委会拨款", &format!("{}", 1234.5 + i as f64), "2026-03-01"), today());
        let e = e.unwrap_or_else(|_| cash_book::add(&tx, &actor(), &entry(CashKind::Income, "村委会拨款", "1234.50", "2026-03-01"), today()).unwrap());
        receipts::issue(&tx, &actor(), &e, "东风村委会", "", "王堃").unwrap();
        tx.commit().unwrap();
    }
    (d, conn)
}

#[test]
fn a_receipt_shows_everything_a_receipt_must() {
    let (_d, mut conn) = with_receipts(1);
    let (text, pages) = pdf_text(&print(&mut conn, &["R2026-0001"], ReceiptLayout::A4Three, &zh()));
    assert_eq!(pages, 1);
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
    assert!(text.contains("R2026-0004"));
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

fn sample_year(conn: &mut rusqlite::Connection) {
    for (kind, cat, amount, date) in [
        (CashKind::Income, "村委会拨款", "5000", "2026-01-05"),
        (CashKind::Expense, "慰问金", "200.50", "2026-01-10"),
        (CashKind::Income, "其他收入", "0.10", "2026-02-01"),
        (CashKind::Income, "其他收入", "0.20", "2026-02-02"),
        (CashKind::Expense, "办公用品", "35.00", "2026-02-03"),
    ] {
        post(conn, &entry(kind, cat, amount, date)).unwrap();
    }
    let tx = conn.transaction().unwrap();
    receipts::reverse_entry(&tx, &actor(), "2026-0005", "发票作废", day("2026-02-10"), today()).unwrap();
    tx.commit().unwrap();
}

#[test]
fn a_statement_has_opening_entries_category_totals_closing_and_signature_lines() {
    let (_d, mut conn) = test_db();
    sample_year(&mut conn);
    let feb = statements::build(&conn, Period::Month(Month::parse("m", "2026-02").unwrap())).unwrap();
    assert_eq!(feb.opening, Fen(479950), "February opens with January's closing balance");
    assert_eq!(feb.income, Fen(30), "0.10 + 0.20 is exactly 0.30");
    assert_eq!(feb.expense, Fen::ZERO, "a reversed expense nets to zero");
    assert_eq!(feb.closing, feb.opening + feb.income - feb.expense);
    assert_eq!(feb.closing, cash_book::balance(&conn, Some(day("2026-02-28"))).unwrap(), "closing = the book balance at month end");
    let (text, pages) = pdf_text(&statements::pdf(&conn, &feb, &zh(), today()).unwrap());
    assert_eq!(pages, 1);
    for must in ["收支明细表", "2026年2月", "期初余额", "4,799.50", "期末余额", "4,799.80", "冲销2026-0005", "分科目汇总", "制表人", "审核人", "盖章", "第1页"] {
        assert!(squash(&text).contains(must), "the statement must show {must}: {text}");
    }
    let (en, _) = pdf_text(&statements::pdf(&conn, &feb, &Localizer::new(Lang::EnUs), today()).unwrap());
    assert!(en.contains("Opening balance") && en.contains("Prepared by") && en.contains("Page 1 of 1"), "the English statement: {en}");
}

#[test]
fn a_long_statement_runs_over_numbered_pages() {
    let (_d, mut conn) = test_db();
    let tx = conn.transaction().unwrap();
    for i in 0..120 {
        let d = day("2026-01-01") + chrono::Days::new(i % 300);
        cash_book::add(&tx, &actor(), &entry(CashKind::Income, "其他收入", "1.01", &d.to_string()), today()).unwrap();
    }
    tx.commit().unwrap();
    let s = statements::build(&conn, Period::Year(2026)).unwrap();
    let (text, pages) = pdf_text(&statements::pdf(&conn, &s, &zh(), today()).unwrap());
    assert!(pages >= 4, "120 entries take several pages, got {pages}");
    assert!(squash(&text).contains(&format!("第{pages}页共{pages}页")), "the last page is numbered n of n");
    assert!(text.contains("121.20"), "the total of 120 × 1.01 is exact");
}

#[test]
fn the_xlsx_statement_carries_the_exact_totals_as_values() {
    let (_d, mut conn) = test_db();
    sample_year(&mut conn);
    let s = statements::build(&conn, Period::Year(2026)).unwrap();
    let bytes = statements::xlsx(&conn, &s, &zh()).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names, ["收支明细", "分科目汇总"]);
    let detail = wb.worksheet_range("收支明细").unwrap();
    let rows: Vec<Vec<Data>> = detail.rows().map(|r| r.to_vec()).collect();
    let find = |label: &str| rows.iter().find(|r| r.get(2) == Some(&Data::String(label.into()))).cloned().unwrap_or_else(|| panic!("row {label}"));
    let total = find("本期合计");
    assert_eq!(total[3], Data::Float(5000.30), "total income is written as a value");
    assert_eq!(total[4], Data::Float(200.50), "total expense (net of the reversal) is written as a value");
    assert_eq!(find("期末余额")[5], Data::Float(4799.80), "the closing balance is written as a value");
    assert_eq!(rows.iter().filter(|r| matches!(r.first(), Some(Data::String(d)) if d.starts_with("2026-"))).count(), 6, "every entry is a row");
    let cats = wb.worksheet_range("分科目汇总").unwrap();
    let closing_text = cats.rows().find(|r| r.get(1) == Some(&Data::String("期末余额".into()))).map(|r| r[3].clone());
    assert_eq!(closing_text, Some(Data::String("4799.80".into())), "the exact closing figure is also kept as text");
}

#[test]
fn the_honour_list_and_the_arrears_list_print() {
    let (_d, mut conn) = test_db();
    for (donor, amount) in [("陈喆", "500"), ("刘〇", "2000"), ("王玥", "88.8")] {
        let tx = conn.transaction().unwrap();
        donations::donate(&tx, &actor(), &DonationInput { donor: donor.into(), amount: amount.into(), date: "2026-09-01".into(), ..Default::default() }, today()).unwrap();
        tx.commit().unwrap();
    }
    let (text, pages) = pdf_text(&donations::honour_pdf(&conn, &HonourFilter::default(), &zh(), today()).unwrap());
    assert_eq!(pages, 1);
    let pos = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} must be on the honour list: {text}"));
    assert!(text.contains("捐款芳名榜") && text.contains("2026年12月31日"), "title and date");
    assert!(pos("刘〇") < pos("陈喆") && pos("陈喆") < pos("王玥"), "largest gifts first");
    assert!(text.contains("¥2,000.00") && text.contains("¥88.80"));
    for i in 0..40 {
        let tx = conn.transaction().unwrap();
        donations::donate(&tx, &actor(), &DonationInput { donor: format!("村民{i}"), amount: "10".into(), date: "2026-09-02".into(), ..Default::default() }, today()).unwrap();
        tx.commit().unwrap();
    }
    let (_, pages) = pdf_text(&donations::honour_pdf(&conn, &HonourFilter::default(), &zh(), today()).unwrap());
    assert!(pages >= 2, "a long honour list runs onto more pages, got {pages}");

    let a = add_member(&mut conn, "张秀英", "1955-03-02", "一组");
    add_member(&mut conn, "王堃", "1956-03-02", "二组");
    let tx = conn.transaction().unwrap();
    dues::set_policy(&tx, &actor(), &PolicyInput { year: 2026, amount: "50".into(), ..Default::default() }).unwrap();
    dues::pay(&tx, &actor(), a, &[2026], "20", day("2026-03-01"), "", today()).unwrap();
    tx.commit().unwrap();
    let (text, _) = pdf_text(&dues::arrears_pdf(&conn, 2026, &zh(), today()).unwrap());
    for must in ["2026 年度会费欠费名单", "一组", "二组", "张秀英", "30.00", "王堃", "¥80.00", "制表人"] {
        assert!(text.contains(must), "the arrears list must show {must}: {text}");
    }
}

#[test]
fn the_entry_form_posts_with_or_without_a_receipt_and_a_refused_receipt_saves_nothing() {
    let (_d, mut conn) = test_db();
    let tx = conn.transaction().unwrap();
    let mut input = entry(CashKind::Income, "村委会拨款", "300", "2026-03-02");
    input.party = "东风村委会".into();
    let with = receipts::post_entry(&tx, &actor(), &input, true, today()).unwrap();
    let r = with.receipt.expect("a receipt was asked for");
    assert_eq!((r.payer.as_str(), r.amount, r.voucher_no.as_str()), ("东风村委会", Fen(30000), with.entry.voucher_no.as_str()));
    assert_eq!(with.entry.receipt_no.as_deref(), Some(r.receipt_no.as_str()), "the entry returned names its receipt");
    let without = receipts::post_entry(&tx, &actor(), &input, false, today()).unwrap();
    assert!(without.receipt.is_none() && without.entry.receipt_no.is_none());
    tx.commit().unwrap();

    let before = snapshot(&conn);
    let tx = conn.transaction().unwrap();
    let expense = entry(CashKind::Expense, "办公用品", "20", "2026-03-02");
    let e = receipts::post_entry(&tx, &actor(), &expense, true, today()).unwrap_err();
    assert_eq!(e.message_id(), "error-receipt-not-income", "an expense gets no receipt");
    drop(tx);
    assert_eq!(snapshot(&conn), before, "a refused receipt leaves no entry behind");
}

#[test]
fn a_statement_renders_as_pdf_or_xlsx_from_its_period() {
    let (_d, mut conn) = test_db();
    sample_year(&mut conn);
    let pdf = statements::render(&conn, Period::Year(2026), statements::StatementFormat::Pdf, &zh(), today()).unwrap();
    let (text, _) = pdf_text(&pdf);
    assert!(squash(&text).contains("收支明细表"), "the PDF is the statement");
    let xlsx = statements::render(&conn, Period::Month(Month::parse("m", "2026-03").unwrap()), statements::StatementFormat::Xlsx, &zh(), today()).unwrap();
    assert!(xlsx.starts_with(b"PK"), "the workbook is a zip (xlsx)");
}
