//! Shared fixture for the money tests: a fresh database with the real migrations, an
//! association and a few members.
#![allow(dead_code)]

use chrono::NaiveDate;
use huzhu::association::{self, Association};
use huzhu::audit::Actor;
use huzhu::members::{self, PersonInput};
use huzhu::money::cash_book::{self, CashEntry, EntryInput};
use huzhu::money::CashKind;
use rusqlite::Connection;

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn today() -> NaiveDate {
    day("2026-12-31")
}

pub fn actor() -> Actor {
    Actor::new("李会计")
}

/// A database file in a temporary folder, migrated, with the association set up.
pub fn test_db() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = huzhu::db::open(&dir.path().join("money.db")).unwrap();
    let tx = conn.transaction().unwrap();
    association::save(&tx, &actor(), &Association { name: "东风村老年协会".into(), secretary: "李会计".into(), ..Default::default() })
        .unwrap();
    tx.commit().unwrap();
    (dir, conn)
}

pub fn add_member(conn: &mut Connection, name: &str, birth: &str, group: &str) -> members::MemberNo {
    let tx = conn.transaction().unwrap();
    let p = members::add(
        &tx,
        &actor(),
        &PersonInput { birth_date: birth.into(), village_group: group.into(), join_date: "2020-01-01".into(), ..PersonInput::member(name) },
        today(),
    )
    .unwrap();
    tx.commit().unwrap();
    p.member_no
}

pub fn entry(kind: CashKind, category: &str, amount: &str, date: &str) -> EntryInput {
    EntryInput { kind: Some(kind), category: category.into(), amount: amount.into(), date: date.into(), ..Default::default() }
}

pub fn post(conn: &mut Connection, input: &EntryInput) -> huzhu::Result<CashEntry> {
    let tx = conn.transaction()?;
    let e = cash_book::add(&tx, &actor(), input, today())?;
    tx.commit()?;
    Ok(e)
}

pub fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// Row counts of every money table and the audit log, to show that a refused write left
/// nothing behind.
pub fn snapshot(conn: &Connection) -> Vec<i64> {
    ["cash_entry", "receipt", "receipt_void", "receipt_print", "dues_payment", "donation", "cash_count", "month_closing", "audit_log"]
        .iter()
        .map(|t| count(conn, t))
        .collect()
}

/// The text of a PDF as pdftotext extracts it, and its page count.
pub fn pdf_text(bytes: &[u8]) -> (String, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success(), "pdftotext must read the PDF: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let pages = text.matches('\u{c}').count();
    (text, pages)
}
