//! `huzhu cash | dues | receipt | donate | donors | statement`: the treasurer's commands.

use super::{huzhu, initialised, ok, refused, stderr, stdout};
use crate::common::pdf::pdf_text;

#[test]
fn cash_commands_print_voucher_numbers_and_refuse_bad_input_in_either_language() {
    let (_d, db) = initialised();
    let out = ok(&db, &["cash", "add", "--kind", "income", "--category", "村委会拨款", "--amount", "5000", "--date", "2026-01-05"]);
    assert_eq!(out, "2026-0001", "cash add prints the voucher number alone");
    let out = ok(&db, &["cash", "add", "--kind", "收入", "--category", "其他收入", "--amount", "12.50", "--date", "2026-01-06", "--receipt", "--party", "王五"]);
    assert_eq!(out, "2026-0002 R2026-0001", "with --receipt it prints the voucher and the receipt number (the kind may be typed in Chinese)");
    assert_eq!(ok(&db, &["cash", "balance"]), "5012.50", "cash balance prints the balance as a plain figure");
    let list = ok(&db, &["cash", "list"]);
    let last: Vec<&str> = list.lines().last().unwrap_or_default().split('\t').collect();
    assert_eq!(&last[..8], ["2026-0002", "2026-01-06", "收入", "其他收入", "12.50", "5012.50", "王五", "R2026-0001"], "cash list prints voucher, date, kind, category, amount, running balance, party, receipt");

    let msg = refused(&db, &["cash", "add", "--kind", "income", "--category", "会费", "--amount", "12.345", "--date", "2026-01-06"]);
    assert!(msg.contains("两位小数") && msg.contains("12.345"), "an amount with three decimals is refused, naming it: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "cash", "add", "--kind", "income", "--category", "会费", "--amount", "12.345", "--date", "2026-01-06"]);
    assert!(msg.contains("two decimals"), "and in English: {msg}");
    let msg = refused(&db, &["cash", "add", "--kind", "礼金", "--category", "会费", "--amount", "1"]);
    assert!(msg.contains("礼金") && msg.contains("income, expense"), "an unknown kind is refused with the choices: {msg}");

    let o = huzhu(&db, &["cash", "reverse", "2026-0001", "--reason", "录错", "--date", "2026-01-07"]);
    assert_eq!(stdout(&o), "2026-0003", "cash reverse prints the reversal's voucher number");
    assert!(stderr(&o).contains("已冲销 2026-0001"), "and says what it reversed: {}", stderr(&o));
    let msg = refused(&db, &["cash", "reverse", "2026-0001", "--reason", "录错", "--date", "2026-01-07"]);
    assert!(msg.contains("已经被 2026-0003 冲销"), "a second reversal is refused, naming the first: {msg}");
}

#[test]
fn dues_and_donations_print_receipt_numbers_and_refuse_bad_payments() {
    let (_d, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--birth", "1955-03-02"]);
    assert_eq!(ok(&db, &["dues", "policy", "--year", "2026", "--amount", "50"]), "已设置 2026 年会费：每人 ¥50.00。", "dues policy confirms the year and amount");
    let msg = refused(&db, &["dues", "pay", "--member", "1", "--year", "2026", "--amount", "60", "--date", "2026-02-01"]);
    assert!(msg.contains("¥60.00") && msg.contains("¥50.00"), "paying more than is owed is refused, with both figures: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "dues", "pay", "--member", "1", "--year", "2026", "--amount", "60", "--date", "2026-02-01"]);
    assert!(msg.contains("more than the dues owed"), "and in English: {msg}");
    assert_eq!(ok(&db, &["dues", "pay", "--member", "1", "--year", "2026", "--amount", "30", "--date", "2026-02-01"]), "R2026-0001", "dues pay prints the receipt number");
    let o = huzhu(&db, &["dues", "bill", "--year", "2026"]);
    assert_eq!(stdout(&o), "1\t张秀英\t\t50.00\t30.00\t20.00", "dues bill prints number, name, group, due, paid, owed, exemption");
    assert!(stderr(&o).contains("欠缴 ¥20.00"), "and the totals on stderr: {}", stderr(&o));

    let out = ok(&db, &["donate", "--donor", "陈喆", "--amount", "500", "--date", "2026-03-01", "--receipt"]);
    assert_eq!(out, "2026-0002 R2026-0002", "donate prints the voucher and, with --receipt, the receipt number");
    let msg = refused(&db, &["donate", "--donor", " ", "--amount", "5"]);
    assert!(msg.contains("捐款人"), "a donation needs a donor: {msg}");
    assert_eq!(ok(&db, &["donors", "list"]), "陈喆\t500.00\t1", "donors list prints donor, total and number of gifts");
}

#[test]
fn receipts_and_statements_are_written_to_the_file_named() {
    let (d, db) = initialised();
    ok(&db, &["donate", "--donor", "王堃", "--amount", "100", "--date", "2026-03-01", "--receipt"]);
    let pdf = d.path().join("r.pdf");
    let o = huzhu(&db, &["receipt", "pdf", "R2026-0001", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success() && stderr(&o).contains("已生成"), "receipt pdf says it wrote the file: {}", stderr(&o));
    let (text, pages) = pdf_text(&std::fs::read(&pdf).expect("the receipt file exists"));
    assert!(pages == 1 && text.contains("R2026-0001") && text.contains("王堃"), "the file is the receipt: {text}");
    assert_eq!(ok(&db, &["receipt", "void", "R2026-0001", "--reason", "写错"]), "收据 R2026-0001 已作废。", "receipt void confirms");
    let msg = refused(&db, &["receipt", "void", "R2026-0001", "--reason", "写错"]);
    assert!(msg.contains("已经作废"), "a receipt is voided once: {msg}");

    let txt = d.path().join("s.txt");
    let msg = refused(&db, &["statement", "--year", "2026", "--out", txt.to_str().unwrap()]);
    assert!(msg.contains(".pdf") && msg.contains(".xlsx"), "a statement is written as PDF or XLSX only: {msg}");
    assert!(!txt.exists(), "no file is written for a refused statement");
    let msg = refused(&db, &["--lang", "en-US", "statement", "--out", d.path().join("s.pdf").to_str().unwrap()]);
    assert!(msg.contains("--month") && msg.contains("--year"), "a statement needs a period, in English too: {msg}");
    let xlsx = d.path().join("s.xlsx");
    ok(&db, &["statement", "--month", "2026-03", "--out", xlsx.to_str().unwrap()]);
    assert!(std::fs::read(&xlsx).expect("the statement file exists").starts_with(b"PK"), "the .xlsx file is a workbook");
    let both = huzhu(&db, &["statement", "--month", "2026-03", "--year", "2026", "--out", xlsx.to_str().unwrap()]);
    assert_eq!(both.status.code(), Some(2), "a month and a year together are a usage error: {}", stderr(&both));
}
