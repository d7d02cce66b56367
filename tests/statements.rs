//! Statements of income and expenses (收支明细表) for a month or a year: opening balance,
//! entries, category totals, closing balance; as PDF (checked by its extracted text) and as XLSX
//! (read back with calamine).

mod common;

use calamine::{Data, Reader, Xlsx};
use common::money::{entry, post};
use common::pdf::{pdf_text, squash};
use common::{actor, day, month, test_db_with_association as test_db, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::money::statements::{self, Period};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::money::{cash_book, receipts, CashKind};
use rusqlite::Connection;

fn zh() -> Localizer {
    Localizer::new(Lang::ZhCn)
}

fn sample_year(conn: &mut Connection) {
    for (kind, cat, amount, date) in [
        (CashKind::Income, "村委会拨款", "5000", "2026-01-05"),
        (CashKind::Expense, "慰问金", "200.50", "2026-01-10"),
        (CashKind::Income, "其他收入", "0.10", "2026-02-01"),
        (CashKind::Income, "其他收入", "0.20", "2026-02-02"),
        (CashKind::Expense, "办公用品", "35.00", "2026-02-03"),
    ] {
        post(conn, &entry(kind, cat, amount, date)).unwrap();
    }
    write(conn, |tx| receipts::reverse_entry(tx, &actor(), "2026-0005", &ReversalInput::new("发票作废", "2026-02-10"), today())).unwrap();
}

#[test]
fn a_statement_has_opening_entries_category_totals_closing_and_signature_lines() {
    let (_d, mut conn) = test_db();
    sample_year(&mut conn);
    let feb = statements::build(&conn, Period::Month(month("2026-02"))).unwrap();
    assert_eq!(feb.opening, Fen(479950), "February opens with January's closing balance");
    assert_eq!(feb.income, Fen(30), "0.10 + 0.20 is exactly 0.30");
    assert_eq!(feb.expense, Fen::ZERO, "a reversed expense nets to zero");
    assert_eq!(feb.closing, feb.opening + feb.income - feb.expense, "closing = opening + income - expense");
    assert_eq!(feb.closing, cash_book::balance(&conn, Some(day("2026-02-28"))).unwrap(), "closing = the book balance at month end");
    let (text, pages) = pdf_text(&statements::pdf(&conn, &feb, &zh(), today()).unwrap());
    assert_eq!(pages, 1, "February's statement fits on one page");
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
    assert_eq!(names, ["收支明细", "分科目汇总"], "the workbook has the entries and the category totals as two sheets");
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
fn a_statement_renders_as_pdf_or_xlsx_from_its_period() {
    let (_d, mut conn) = test_db();
    sample_year(&mut conn);
    let pdf = statements::render(&conn, Period::Year(2026), statements::StatementFormat::Pdf, &zh(), today()).unwrap();
    assert_eq!(pdf.name, "收支明细表-2026.pdf", "the file is named after the period, in the reader's language");
    let (text, _) = pdf_text(&pdf.bytes);
    assert!(squash(&text).contains("收支明细表"), "the PDF is the statement");
    let xlsx = statements::render(&conn, Period::Month(month("2026-03")), statements::StatementFormat::Xlsx, &zh(), today()).unwrap();
    assert_eq!(xlsx.name, "收支明细表-2026-03.xlsx", "a month's workbook is named after the month");
    assert!(xlsx.bytes.starts_with(b"PK"), "the workbook is a zip (xlsx)");
}
