//! The cash book: posting, validation, reversals, closed months, categories, counts, and the
//! append-only rules the database itself enforces.

mod common;

use common::money::{entry, post};
use common::{actor, count, day, month, snapshot, test_db, today};
use huzhu::i18n::{Lang, Localizer};
use huzhu::money::cash_book::{self, EntryFilter};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::money::{receipts, CashKind};
use proptest::prelude::*;

#[test]
fn an_entry_gets_a_voucher_number_and_moves_the_balance() {
    let (_d, mut conn) = test_db();
    let a = post(&mut conn, &entry(CashKind::Income, "村委会拨款", "5000", "2026-01-05")).unwrap();
    let b = post(&mut conn, &entry(CashKind::Expense, "慰问金", "200.50", "2026-01-10")).unwrap();
    assert_eq!((a.voucher_no.as_str(), b.voucher_no.as_str()), ("2026-0001", "2026-0002"), "vouchers are numbered per year from 0001");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(479950), "balance is income minus expense");
    assert_eq!(cash_book::balance(&conn, Some(day("2026-01-09"))).unwrap(), Fen(500000), "balance on a day counts entries up to it");
    let tx = conn.transaction().unwrap();
    let next_year = cash_book::add(&tx, &actor(), &entry(CashKind::Income, "会费", "1", "2027-01-02"), day("2027-01-02")).unwrap();
    tx.commit().unwrap();
    assert_eq!(next_year.voucher_no, "2027-0001", "voucher numbers start again each year");
}

#[test]
fn every_write_is_audited() {
    let (_d, mut conn) = test_db();
    let before = count(&conn, "audit_log");
    let e = post(&mut conn, &entry(CashKind::Income, "会费", "10", "2026-02-01")).unwrap();
    let rows = huzhu::audit::list_for(&conn, "cash_entry", &e.voucher_no).unwrap();
    assert_eq!(rows.len(), 1, "posting an entry writes one audit row");
    assert_eq!(count(&conn, "audit_log"), before + 1, "and no other");
    assert!(rows[0].after.as_deref().unwrap_or_default().contains("2026-0001"), "the audit row holds the entry");
}

#[test]
fn bad_input_is_refused_with_a_localised_error_and_saves_nothing() {
    let (_d, mut conn) = test_db();
    post(&mut conn, &entry(CashKind::Income, "会费", "10", "2026-02-01")).unwrap();
    let before = snapshot(&conn);
    let cases = [
        (entry(CashKind::Income, "会费", "12.345", "2026-02-01"), "error-amount-decimals"),
        (entry(CashKind::Income, "会费", "-5", "2026-02-01"), "error-amount-negative"),
        (entry(CashKind::Income, "会费", "abc", "2026-02-01"), "error-amount-invalid"),
        (entry(CashKind::Income, "会费", "0", "2026-02-01"), "error-amount-zero"),
        (entry(CashKind::Income, "没有这个科目", "5", "2026-02-01"), "error-category-unknown"),
        (entry(CashKind::Income, "慰问金", "5", "2026-02-01"), "error-category-unknown"),
        (entry(CashKind::Income, "会费", "5", "2026-02-30"), "error-date-invalid"),
        (entry(CashKind::Income, "会费", "5", "2027-06-01"), "error-date-future"),
    ];
    let zh = Localizer::new(Lang::ZhCn);
    let en = Localizer::new(Lang::EnUs);
    for (input, id) in cases {
        let err = post(&mut conn, &input).expect_err("bad input must be refused");
        assert_eq!(err.message_id(), id, "{input:?} must be refused as {id}");
        assert!(zh.has(id) && en.has(id), "{id} must have text in both languages");
        assert_ne!(err.localize(&zh), id, "the error must read as a sentence");
    }
    assert_eq!(snapshot(&conn), before, "refused input must change nothing");
}

#[test]
fn a_reversal_names_the_original_and_restores_the_balance() {
    let (_d, mut conn) = test_db();
    post(&mut conn, &entry(CashKind::Income, "村委会拨款", "1000", "2026-03-01")).unwrap();
    let wrong = post(&mut conn, &entry(CashKind::Expense, "办公用品", "88.80", "2026-03-02")).unwrap();
    let before = cash_book::balance(&conn, None).unwrap();
    let tx = conn.transaction().unwrap();
    let r = receipts::reverse_entry(&tx, &actor(), &wrong.voucher_no, &ReversalInput::new("重复记账", "2026-03-05"), today()).unwrap();
    tx.commit().unwrap();
    assert_eq!(r.reverses.as_deref(), Some("2026-0002"), "the reversal names the original");
    assert_eq!(r.reason, "重复记账", "the reversal keeps its reason");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), before + Fen(8880), "a reversal must bring the balance back");
    let original = cash_book::get_by_voucher(&conn, "2026-0002").unwrap();
    assert_eq!(original.reversed_by.as_deref(), Some(r.voucher_no.as_str()), "the original shows what reversed it");

    let snap = snapshot(&conn);
    for (voucher, id) in [("2026-0002", "error-already-reversed"), (r.voucher_no.as_str(), "error-reverse-a-reversal")] {
        let tx = conn.transaction().unwrap();
        let err = receipts::reverse_entry(&tx, &actor(), voucher, &ReversalInput::new("again", "2026-03-06"), today()).unwrap_err();
        drop(tx);
        assert_eq!(err.code(), "conflict", "reversing {voucher} again is a conflict");
        assert_eq!(err.message_id(), id, "the refusal says why: already reversed, or itself a reversal");
    }
    let tx = conn.transaction().unwrap();
    let err = receipts::reverse_entry(&tx, &actor(), "2026-0001", &ReversalInput::new("  ", "2026-03-06"), today()).unwrap_err();
    drop(tx);
    assert_eq!(err.message_id(), "error-reason-required", "a reversal needs a reason");
    assert_eq!(snapshot(&conn), snap, "refused reversals change nothing");
}

#[test]
fn a_closed_month_takes_no_new_entries() {
    let (_d, mut conn) = test_db();
    post(&mut conn, &entry(CashKind::Income, "会费", "100", "2026-01-15")).unwrap();
    let tx = conn.transaction().unwrap();
    let c = cash_book::close_month(&tx, &actor(), month("2026-01"), today()).unwrap();
    tx.commit().unwrap();
    assert_eq!(c.balance, Fen(10000), "a month closes on its balance");
    let snap = snapshot(&conn);
    let err = post(&mut conn, &entry(CashKind::Income, "会费", "5", "2026-01-31")).unwrap_err();
    assert_eq!((err.code(), err.message_id()), ("conflict", "error-month-closed"), "a date in a closed month is refused");
    assert_eq!(snapshot(&conn), snap, "an entry refused for a closed month changes nothing");
    post(&mut conn, &entry(CashKind::Income, "会费", "5", "2026-02-01")).expect("the next month is open");
    // The database refuses it too, whatever program writes.
    let raw = conn.execute(
        "INSERT INTO cash_entry (year, seq, voucher_no, date, kind, amount_fen, category_id, created_at, created_by)
         VALUES (2026, 3, '2026-0003', '2026-01-20', 'income', 100, 2, 'now', 'x')",
        [],
    );
    assert!(raw.is_err(), "the database must refuse an entry dated in a closed month");
    let tx = conn.transaction().unwrap();
    let err = cash_book::close_month(&tx, &actor(), month("2026-12"), day("2026-12-15")).unwrap_err();
    assert_eq!(err.message_id(), "error-month-not-over", "a month that is not over cannot be closed");
}

#[test]
fn posted_entries_cannot_be_changed_or_deleted_at_the_database() {
    let (_d, mut conn) = test_db();
    post(&mut conn, &entry(CashKind::Income, "会费", "100", "2026-01-15")).unwrap();
    for sql in [
        "UPDATE cash_entry SET amount_fen = 1",
        "UPDATE cash_entry SET memo = 'x'",
        "DELETE FROM cash_entry",
    ] {
        let err = conn.execute(sql, []).expect_err("the database must refuse it");
        assert!(err.to_string().contains("never"), "{sql} must be refused by the append-only trigger: {err}");
    }
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(10000), "the entry is untouched");
    let gap = conn.execute(
        "INSERT INTO cash_entry (year, seq, voucher_no, date, kind, amount_fen, category_id, created_at, created_by)
         VALUES (2026, 5, '2026-0005', '2026-02-20', 'income', 100, 2, 'now', 'x')",
        [],
    );
    assert!(gap.is_err(), "the database must refuse a voucher number with a gap");
    let zero = conn.execute(
        "INSERT INTO cash_entry (year, seq, voucher_no, date, kind, amount_fen, category_id, created_at, created_by)
         VALUES (2026, 2, '2026-0002', '2026-02-20', 'income', 0, 2, 'now', 'x')",
        [],
    );
    assert!(zero.is_err(), "the database must refuse an amount that is not positive");
}

#[test]
fn categories_can_be_added_and_renamed_but_not_deleted_while_used() {
    let (_d, mut conn) = test_db();
    let tx = conn.transaction().unwrap();
    cash_book::add_category(&tx, &actor(), CashKind::Expense, "茶水费").unwrap();
    tx.commit().unwrap();
    post(&mut conn, &entry(CashKind::Expense, "茶水费", "20", "2026-04-01")).unwrap();
    let tx = conn.transaction().unwrap();
    let c = cash_book::rename_category(&tx, &actor(), "茶水费", "茶叶").unwrap();
    tx.commit().unwrap();
    assert_eq!(c.name, "茶叶", "a category can be renamed");
    let e = cash_book::get_by_voucher(&conn, "2026-0001").unwrap();
    assert_eq!(e.category, "茶叶", "entries follow their category's new name");
    let tx = conn.transaction().unwrap();
    let err = cash_book::delete_category(&tx, &actor(), "茶叶").unwrap_err();
    assert_eq!(err.message_id(), "error-category-in-use", "a used category cannot be deleted");
    drop(tx);
    let raw = conn.execute("DELETE FROM cash_category WHERE name = '茶叶'", []);
    assert!(raw.is_err(), "the database must refuse deleting a used category");
    let raw = conn.execute("UPDATE cash_category SET kind = 'income' WHERE name = '茶叶'", []);
    assert!(raw.is_err(), "the database must refuse changing the kind of a used category");
    let tx = conn.transaction().unwrap();
    cash_book::add_category(&tx, &actor(), CashKind::Income, "义卖").unwrap();
    cash_book::delete_category(&tx, &actor(), "义卖").expect("an unused category can be deleted");
    tx.commit().unwrap();
    let en = Localizer::new(Lang::EnUs);
    let dues = cash_book::categories(&conn).unwrap().into_iter().find(|c| c.code.as_deref() == Some("dues")).unwrap();
    assert_eq!(dues.label(&en), "Dues", "a seeded category reads in the reader's language");
    assert!(cash_book::find_category(&conn, Some(CashKind::Income), "Dues").is_ok(), "categories can be named in English too");
}

#[test]
fn a_cash_count_records_the_difference() {
    let (_d, mut conn) = test_db();
    post(&mut conn, &entry(CashKind::Income, "会费", "1234.50", "2026-05-01")).unwrap();
    let tx = conn.transaction().unwrap();
    let short = cash_book::count_cash(&tx, &actor(), "1200", day("2026-05-31"), "", today()).unwrap();
    let even = cash_book::count_cash(&tx, &actor(), "¥1,234.50", day("2026-05-31"), "", today()).unwrap();
    let empty = cash_book::count_cash(&tx, &actor(), "0", day("2026-04-30"), "", today()).unwrap();
    tx.commit().unwrap();
    assert_eq!(short.difference, Fen(-3450), "counted less than the book is a shortfall");
    assert_eq!(even.difference, Fen::ZERO, "a count equal to the book has no difference (¥ and grouping typed as printed)");
    assert_eq!((empty.book, empty.difference), (Fen::ZERO, Fen::ZERO), "an empty box on a day with no entries agrees");
    assert_eq!(cash_book::counts(&conn).unwrap().len(), 3, "every count is kept");
    assert!(conn.execute("DELETE FROM cash_count", []).is_err(), "cash counts are append-only at the database");
}

#[derive(Debug, Clone)]
enum Op {
    /// income?, amount in fen, days after 2026-01-01 (at most today(), 2026-11-29: the day 332)
    Post(bool, i64, u32),
    Reverse(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), 1i64..=2_000_000, 1u32..=332).prop_map(|(inc, fen, d)| Op::Post(inc, fen, d)),
        1 => (0usize..50).prop_map(Op::Reverse),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Whatever is posted and reversed, in whatever order: the balance is the sum of the
    /// entries, each reversal cancels its original, and voucher numbers run without gaps.
    #[test]
    fn balance_is_the_sum_of_entries_and_numbers_have_no_gaps(ops in prop::collection::vec(op(), 1..40)) {
        let (_d, mut conn) = test_db();
        let mut expected: i64 = 0;
        let mut posted: Vec<(String, i64)> = Vec::new();
        for o in ops {
            match o {
                Op::Post(income, fen, d) => {
                    let date = day("2026-01-01") + chrono::Days::new(d as u64);
                    let amount = Fen(fen).plain();
                    let (kind, cat) = if income { (CashKind::Income, "其他收入") } else { (CashKind::Expense, "其他支出") };
                    let tx = conn.transaction().unwrap();
                    let e = cash_book::add(&tx, &actor(), &entry(kind, cat, &amount, &date.to_string()), today()).unwrap();
                    if income && fen % 2 == 0 {
                        receipts::issue(&tx, &actor(), &e, "交款人", "", "").unwrap();
                    }
                    tx.commit().unwrap();
                    expected += e.signed.0;
                    posted.push((e.voucher_no, e.signed.0));
                }
                Op::Reverse(i) => {
                    if posted.is_empty() { continue; }
                    let (voucher, signed) = posted.remove(i % posted.len());
                    let before = cash_book::balance(&conn, None).unwrap();
                    let tx = conn.transaction().unwrap();
                    let r = receipts::reverse_entry(&tx, &actor(), &voucher, &ReversalInput::new("test", ""), today()).unwrap();
                    tx.commit().unwrap();
                    prop_assert_eq!(r.signed.0, -signed, "a reversal counts the opposite of its original");
                    prop_assert_eq!(cash_book::balance(&conn, None).unwrap().0, before.0 - signed, "a reversal restores the balance");
                    expected -= signed;
                }
            }
        }
        let all = cash_book::list(&conn, &EntryFilter::default()).unwrap();
        let sum: i64 = all.iter().map(|e| e.signed.0).sum();
        prop_assert_eq!(cash_book::balance(&conn, None).unwrap().0, sum, "the balance must equal the sum of the entries");
        prop_assert_eq!(sum, expected, "the entries add up to what was posted less what was reversed");
        prop_assert_eq!(all.last().and_then(|e| e.balance).unwrap_or_default().0, sum, "the running balance ends at the balance");
        let mut seqs: Vec<i64> = all.iter().map(|e| e.voucher_no[5..].parse::<i64>().unwrap()).collect();
        seqs.sort_unstable();
        prop_assert_eq!(seqs, (1..=all.len() as i64).collect::<Vec<_>>(), "voucher numbers must have no gaps");
        let receipts = receipts::list(&conn, Some(2026)).unwrap();
        let rseqs: Vec<i64> = receipts.iter().map(|r| r.receipt_no[6..].parse::<i64>().unwrap()).collect();
        prop_assert_eq!(rseqs, (1..=receipts.len() as i64).collect::<Vec<_>>(), "receipt numbers must have no gaps");
        // Whatever entry is picked, the database itself refuses to change or delete it.
        // (Only reversals of nothing were drawn when there is no entry at all.)
        if let Some(victim) = all.get(all.len() / 2) {
            for sql in ["UPDATE cash_entry SET amount_fen = amount_fen + 1 WHERE id = ?1", "UPDATE cash_entry SET date = '2026-01-01' WHERE id = ?1", "DELETE FROM cash_entry WHERE id = ?1"] {
                prop_assert!(conn.execute(sql, [victim.id]).is_err(), "the database must refuse: {}", sql);
            }
        }
        prop_assert_eq!(cash_book::balance(&conn, None).unwrap().0, sum, "refused edits leave the balance as it was");
    }
}
