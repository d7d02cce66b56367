//! Tamper-evident ledgers (issue 9): the cash book, the time bank and the audit log each carry a
//! SHA-256 hash chain. A posted row edited with the sqlite3 tool (its trigger dropped first) is
//! found by `db::check` and at the next open, naming the row; the chain's short code is printed
//! on statements and passbooks; rows from before migration 05 are sealed by it.

mod common;

use common::money::{entry, post};
use common::pdf::{pdf_text, squash};
use common::time_bank::{add_with_id_card, deposit, transfer};
use common::{actor, add_member, db_path, test_db, test_db_with_association, today, write};
use huzhu::chain::{self, Ledger};
use huzhu::db::{self, Health, Problem};
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::fields::ReversalInput;
use huzhu::money::statements::{self, Period};
use huzhu::money::CashKind;
use huzhu::time_bank as tb;
use rusqlite::Connection;

/// A database with rows in all three ledgers: two cash entries (one reversed), three time
/// entries, and the audit rows they wrote.
fn ledgers() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = test_db_with_association();
    post(&mut conn, &entry(CashKind::Income, "其他收入", "100", "2026-03-01")).unwrap();
    post(&mut conn, &entry(CashKind::Expense, "其他支出", "30.50", "2026-03-02")).unwrap();
    post(&mut conn, &entry(CashKind::Income, "其他收入", "7", "2026-03-03")).unwrap();
    write(&mut conn, |tx| huzhu::money::receipts::reverse_entry(tx, &actor(), "2026-0003", &ReversalInput::new("录错", "2026-11-29"), today())).unwrap();
    let a = add_member(&mut conn, "张秀英");
    let b = add_member(&mut conn, "李明");
    deposit(&mut conn, a, "3", "2026-03-01").unwrap();
    write(&mut conn, |tx| tb::transfer(tx, &actor(), &transfer(a, b, "1", "给父亲"), today())).unwrap();
    (dir, conn)
}

fn sound(conn: &Connection) {
    for ledger in Ledger::ALL {
        assert_eq!(chain::verify(conn, ledger).unwrap(), None, "{ledger:?}: every row matches its seal after ordinary writes");
    }
    assert!(db::check(conn).unwrap().is_sound(), "check finds nothing wrong");
}

#[test]
fn ordinary_writes_keep_every_chain_whole_and_move_its_head() {
    let (_dir, mut conn) = ledgers();
    sound(&conn);
    let heads: Vec<String> = Ledger::ALL.iter().map(|l| chain::head(&conn, *l).unwrap()).collect();
    assert!(heads.iter().all(|h| h.len() == 8 && h.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())), "a head is 8 lowercase hex digits: {heads:?}");
    post(&mut conn, &entry(CashKind::Income, "其他收入", "1", "2026-03-04")).unwrap();
    assert_ne!(chain::head(&conn, Ledger::Cash).unwrap(), heads[0], "a new cash entry moves the cash book's head");
    assert_ne!(chain::head(&conn, Ledger::Audit).unwrap(), heads[2], "and the audit log's");
    assert_eq!(chain::head(&conn, Ledger::Time).unwrap(), heads[1], "but not the time bank's");
    sound(&conn);
    let (_d, empty) = test_db();
    assert_eq!(chain::head(&empty, Ledger::Cash).unwrap(), "00000000", "an empty ledger's head is all zeros");
}

#[test]
fn the_seal_covers_every_stored_column_of_each_ledger() {
    let (_dir, conn) = test_db();
    for ledger in Ledger::ALL {
        // table_xinfo's `hidden` is 2 or 3 for generated columns, which are derived, not stored.
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_xinfo('{}') WHERE hidden = 0 ORDER BY cid", ledger.table())).unwrap();
        let columns: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).filter(|c| c != "hash").collect();
        assert_eq!(columns, ledger.columns(), "{ledger:?}: the sealed columns are the table's stored columns, in order");
    }
}

/// Drops the UPDATE trigger with the sqlite3 API and edits a posted row, as someone with the
/// sqlite3 tool could; then the chain names the row, `check` reports it, and the next open finds
/// it and opens the file read-only.
fn tamper(path: &std::path::Path, sql: &str) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(sql).unwrap();
}

fn found_at_open(path: &std::path::Path, want: &Problem) {
    let opened = db::open(path).unwrap();
    match &opened.health {
        Health::Damaged(d) => assert!(d.problems.contains(want), "the edit is found at open: {:?}", d.problems),
        Health::Sound => panic!("an edited ledger must be found at open"),
    }
    assert!(db::is_read_only(&opened.conn).unwrap(), "and the file is opened read-only");
    let report = db::check(&opened.conn).unwrap();
    assert!(report.problems.contains(want), "check names the row: {:?}", report.problems);
}

#[test]
fn an_edited_cash_entry_is_named_by_its_voucher() {
    let (dir, conn) = ledgers();
    drop(conn);
    let path = db_path(&dir);
    tamper(
        &path,
        "DROP TRIGGER cash_entry_no_update;
         UPDATE cash_entry SET amount_fen = 1000000 WHERE voucher_no = '2026-0002';
         CREATE TRIGGER cash_entry_no_update BEFORE UPDATE ON cash_entry
         WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL
         BEGIN
             SELECT RAISE(ABORT, 'posted cash entries are never changed: reverse them');
         END;",
    );
    let conn = Connection::open(&path).unwrap();
    let b = chain::verify(&conn, Ledger::Cash).unwrap().expect("the edit breaks the chain");
    assert_eq!(b.row, "2026-0002", "the first row that does not match is the edited one, by voucher number");
    drop(conn);
    // The trigger was put back exactly: only the chain shows the edit.
    let want = Problem::Chain { ledger: Ledger::Cash, row: "2026-0002".into() };
    found_at_open(&path, &want);
    let zh = want.localize(&Localizer::new(Lang::ZhCn));
    assert!(zh.contains("凭证 2026-0002"), "the message names the voucher: {zh}");
}

#[test]
fn an_edited_time_entry_and_an_edited_audit_row_are_named() {
    let (dir, conn) = ledgers();
    let audit_id: i64 = conn.query_row("SELECT id FROM audit_log WHERE entity = 'cash_entry' ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    drop(conn);
    let path = db_path(&dir);
    tamper(&path, "DROP TRIGGER time_entry_no_update; UPDATE time_entry SET half_hours = 60 WHERE id = 1;");
    tamper(&path, &format!("DROP TRIGGER audit_log_append_only_u; UPDATE audit_log SET actor = '别人' WHERE id = {audit_id};"));
    let conn = Connection::open(&path).unwrap();
    assert_eq!(chain::verify(&conn, Ledger::Time).unwrap().map(|b| b.row), Some("1".into()), "the time entry is named by its id");
    assert_eq!(chain::verify(&conn, Ledger::Audit).unwrap().map(|b| b.row), Some(audit_id.to_string()), "the audit row by its id");
    drop(conn);
    found_at_open(&path, &Problem::Chain { ledger: Ledger::Time, row: "1".into() });
    found_at_open(&path, &Problem::Chain { ledger: Ledger::Audit, row: audit_id.to_string() });
}

#[test]
fn a_deleted_row_breaks_the_chain_at_the_row_after_it() {
    let (dir, conn) = ledgers();
    drop(conn);
    let path = db_path(&dir);
    tamper(&path, "PRAGMA foreign_keys = OFF; DROP TRIGGER cash_entry_no_delete; DELETE FROM cash_entry WHERE voucher_no = '2026-0001';");
    let conn = Connection::open(&path).unwrap();
    assert_eq!(chain::verify(&conn, Ledger::Cash).unwrap().map(|b| b.row), Some("2026-0002".into()), "the row after a deleted one no longer follows its predecessor");
}

#[test]
fn a_sealed_row_cannot_be_changed_and_a_row_cannot_be_posted_without_a_seal() {
    let (_dir, conn) = ledgers();
    for sql in [
        "UPDATE cash_entry SET memo = 'x' WHERE id = 1",
        "UPDATE cash_entry SET hash = NULL WHERE id = 1",
        "UPDATE time_entry SET hash = NULL WHERE id = 1",
        "UPDATE audit_log SET hash = NULL WHERE id = 1",
        "INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('x', 'x', 'x', 'x', 'x')",
    ] {
        assert!(conn.execute(sql, []).is_err(), "the triggers refuse: {sql}");
    }
    sound(&conn);
}

#[test]
fn statements_and_passbooks_print_the_chains_short_code() {
    let (_dir, mut conn) = ledgers();
    let person = add_with_id_card(&mut conn, "王芳", "350102195003070022");
    deposit(&mut conn, person, "2", "2026-03-05").unwrap();
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let l10n = Localizer::new(lang);
        let s = statements::build(&conn, Period::Month(common::month("2026-03"))).unwrap();
        let (text, _) = pdf_text(&statements::pdf(&conn, &s, &l10n, today()).unwrap());
        let code = chain::head(&conn, Ledger::Cash).unwrap();
        let want = l10n.format("store-chain-code", &[("code", code.clone())]);
        assert!(squash(&text).contains(&squash(&want)), "the monthly statement's footer carries the cash book's code {want:?}: {text}");
        let passbook = tb::passbook::pdf(&conn, person, &l10n, today()).unwrap();
        let (text, _) = pdf_text(&passbook.bytes);
        let want = l10n.format("store-chain-code", &[("code", chain::head(&conn, Ledger::Time).unwrap())]);
        assert!(squash(&text).contains(&squash(&want)), "the passbook's footer carries the time bank's code {want:?}: {text}");
    }
    let zh = Localizer::new(Lang::ZhCn).format("store-chain-code", &[("code", "1a2b3c4d".into())]);
    assert_eq!(zh, "账簿校验码 1a2b3c4d");
}

/// A file written before migration 05 (schema version 4) has rows without seals; opening it
/// migrates it and seals every row in id order, so its chains verify and new rows chain on.
#[test]
fn migration_05_seals_the_rows_written_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        let mut c = Connection::open(&path).unwrap();
        db::MIGRATIONS.to_version(&mut c, 4).unwrap();
        c.execute_batch(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, after) VALUES
                 ('2026-01-01T00:00:00.000Z', '林秘书', 'add', 'cash_entry', '2026-0001', '{}'),
                 ('2026-01-02T00:00:00.000Z', '林秘书', 'add', 'cash_entry', '2026-0002', NULL);
             INSERT INTO cash_entry (year, seq, voucher_no, date, kind, amount_fen, category_id, created_at, created_by)
                 SELECT 2026, 1, '2026-0001', '2026-01-01', 'income', 5000, id, 'x', '林秘书' FROM cash_category WHERE kind = 'income' LIMIT 1;
             INSERT INTO cash_entry (year, seq, voucher_no, date, kind, amount_fen, category_id, created_at, created_by)
                 SELECT 2026, 2, '2026-0002', '2026-01-02', 'expense', 1200, id, 'x', '林秘书' FROM cash_category WHERE kind = 'expense' LIMIT 1;",
        )
        .unwrap();
    }
    let mut opened = db::open(&path).unwrap();
    assert!(opened.health.is_sound(), "the migrated file is sound: {:?}", opened.health);
    let unsealed: i64 = opened.conn.query_row("SELECT (SELECT count(*) FROM cash_entry WHERE hash IS NULL) + (SELECT count(*) FROM audit_log WHERE hash IS NULL)", [], |r| r.get(0)).unwrap();
    assert_eq!(unsealed, 0, "every old row got its seal");
    post(&mut opened.conn, &entry(CashKind::Income, "其他收入", "1", "2026-01-03")).unwrap();
    sound(&opened.conn);
    assert_eq!(common::count(&opened.conn, "cash_entry"), 3);
}
