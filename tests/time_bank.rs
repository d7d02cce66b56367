//! The time bank (时间储蓄) ledger through the core, on temporary database files: deposits,
//! withdrawals, transfers, the pool and the yearly cap, reversals, inheritance, the account
//! screen, and property tests of the ledger rules.

mod common;

use common::time_bank::{bal, deposit, h, make_deceased, transfer};
use common::{actor, add_member, count, day, memory_db, snapshot, test_db, today, write};
use huzhu::error::Error;
use huzhu::kernel::fields::ReversalInput;
use huzhu::members::{self, MemberNo};
use huzhu::i18n::{Lang, Localizer};
use huzhu::time_bank::{self as tb, DepositInput, EntryId, EntryKind, HeirShare, Hours, PoolDonationInput, TransferInput, WithdrawalInput};
use proptest::prelude::*;
use rusqlite::Connection;

#[test]
fn deposits_and_withdrawals_move_the_balance_exactly_and_are_audited() {
    let (_dir, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    let b = add_member(&mut conn, "李明");
    let audit_before = count(&conn, "audit_log");
    deposit(&mut conn, a, "2.5", "2026-03-01").unwrap();
    deposit(&mut conn, a, "0.5", "2026-03-02").unwrap();
    assert_eq!(tb::balance(&conn, a).unwrap().to_string(), "3", "2.5 + 0.5 must be exactly 3");
    assert_eq!(count(&conn, "audit_log"), audit_before + 2, "every write adds an audit row in the same transaction");
    let w = WithdrawalInput { holder: a, hours: "1".into(), date: "2026-03-03".into(), recipient: None, service_kind: String::new(), consent: String::new() };
    write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap();
    assert_eq!(bal(&conn, a), 4, "a withdrawal takes exactly its hours: 3 - 1 = 2 hours, 4 half-hours");
    assert_eq!(bal(&conn, b), 0, "an untouched account is zero");
}

#[test]
fn an_account_never_goes_below_zero_and_a_refusal_changes_nothing() {
    let (_dir, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    let b = add_member(&mut conn, "李明");
    deposit(&mut conn, a, "1", "2026-03-01").unwrap();
    let before = snapshot(&conn);
    let w = WithdrawalInput { holder: a, hours: "1.5".into(), date: "2026-03-03".into(), recipient: None, service_kind: String::new(), consent: String::new() };
    let e = write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-insufficient", "no one may withdraw more than their balance");
    let e = write(&mut conn, |tx| tb::transfer(tx, &actor(), &transfer(a, b, "2", "给父亲"), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-insufficient", "no one may transfer more than their balance");
    let e = write(&mut conn, |tx| tb::donate(tx, &actor(), &PoolDonationInput { person: a, hours: "5".into(), date: String::new() }, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-insufficient", "no one may donate more than their balance");
    let e = write(&mut conn, |tx| tb::grant(tx, &actor(), b, h("1"), "五保", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-pool-insufficient", "the pool cannot go below zero either");
    assert_eq!(snapshot(&conn), before, "refused writes must change nothing");

    // The database itself refuses an overdraft, an edit and a delete, whatever the program does.
    let account: i64 = conn.query_row("SELECT account_id FROM time_entry LIMIT 1", [], |r| r.get(0)).unwrap();
    let overdraw = conn.execute(
        "INSERT INTO time_entry (account_id, kind, direction, half_hours, date, batch, created_at, created_by)
         VALUES (?1, 'withdrawal', -1, 3, '2026-03-04', 99, 'x', 'x')",
        [account],
    );
    assert!(overdraw.is_err(), "a trigger must refuse an entry that takes an account below zero");
    assert!(conn.execute("UPDATE time_entry SET half_hours = 100", []).is_err(), "entries are never edited");
    assert!(conn.execute("DELETE FROM time_entry", []).is_err(), "entries are never deleted");
    assert_eq!(snapshot(&conn), before, "the database's own refusals change nothing either");
}

#[test]
fn paying_for_someone_elses_care_records_the_holders_consent() {
    let (_dir, mut conn) = test_db();
    let child = add_member(&mut conn, "林小红");
    let mother = add_member(&mut conn, "林阿婆");
    deposit(&mut conn, child, "10", "2026-03-01").unwrap();
    let mut w = WithdrawalInput { holder: child, hours: "2".into(), date: "2026-03-05".into(), recipient: Some(mother), service_kind: "陪护".into(), consent: String::new() };
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-consent-required", "paying for another person's care needs the holder's consent");
    assert_eq!(snapshot(&conn), before, "a withdrawal refused for want of consent changes nothing");
    w.consent = "本人当面同意".into();
    let id = write(&mut conn, |tx| tb::withdraw(tx, &actor(), &w, today())).unwrap();
    let e = tb::entry(&conn, id).unwrap();
    assert_eq!(e.consent, "本人当面同意", "the consent is kept with the withdrawal");
    assert_eq!(e.recipient, Some(tb::Holder::Person { no: mother, name: "林阿婆".into() }), "the withdrawal names whose care it paid for");
    assert_eq!(bal(&conn, child), 16, "the hours come out of the holder's account: 10 - 2 = 8 hours");
    // The trigger refuses a consent-less withdrawal for another person even from plain SQL.
    let acc: i64 = conn.query_row("SELECT account_id FROM time_entry WHERE id = ?1", [id.0], |r| r.get(0)).unwrap();
    let pid = members::id_of(&conn, mother).unwrap().0;
    assert!(conn
        .execute(
            "INSERT INTO time_entry (account_id, kind, direction, half_hours, date, recipient_id, batch, created_at, created_by)
             VALUES (?1, 'withdrawal', -1, 1, '2026-03-06', ?2, 99, 'x', 'x')",
            [acc, pid],
        )
        .is_err(), "the database refuses a withdrawal for another person without consent");
}

#[test]
fn a_done_shift_is_credited_exactly_once() {
    let (_dir, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    let first = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, h("3"), day("2026-04-01"), "shift:123", today())).unwrap();
    assert!(first.is_some(), "the first credit of a shift writes an entry");
    let before = snapshot(&conn);
    let again = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, h("3"), day("2026-04-01"), "shift:123", today())).unwrap();
    assert_eq!(again, None, "the same shift must not be credited twice");
    let e = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, Hours::from_half_hours(0), day("2026-04-02"), "shift:124", today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-hours-zero", "a shift of no time credits nothing, with a reason");
    let e = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, Hours::from_half_hours(49), day("2026-04-02"), "shift:125", today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-hours-too-many", "one service is at most a day");
    let e = write(&mut conn, |tx| tb::credit_service(tx, &actor(), a, h("1"), day("2026-04-02"), " ", today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-source-required", "a credited service names its source, so it can be credited only once");
    assert_eq!(snapshot(&conn), before, "a repeated credit changes nothing");
    assert_eq!(bal(&conn, a), 6, "the shift was credited once: 3 hours, 6 half-hours");
    let e = tb::entry(&conn, first.unwrap()).unwrap();
    assert_eq!((e.kind, e.source.as_deref()), (EntryKind::Deposit, Some("shift:123")), "a credited shift is a deposit that names its shift");
}

#[test]
fn hours_beyond_the_yearly_cap_go_to_the_pool() {
    let (_dir, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    write(&mut conn, |tx| tb::set_yearly_cap(tx, &actor(), Some(h("5")))).unwrap();
    deposit(&mut conn, a, "4", "2026-02-01").unwrap();
    deposit(&mut conn, a, "3", "2026-03-01").unwrap();
    assert_eq!(tb::balance(&conn, a).unwrap().to_string(), "5", "the person keeps hours up to the cap");
    assert_eq!(tb::pool_balance(&conn).unwrap().to_string(), "2", "the rest goes to the pool");
    let id = deposit(&mut conn, a, "1", "2026-04-01").unwrap();
    assert_eq!(tb::entry(&conn, id).unwrap().holder, tb::Holder::Pool, "at the cap a whole deposit goes to the pool");
    deposit(&mut conn, a, "2", "2025-12-31").unwrap();
    assert_eq!(bal(&conn, a), 14, "another calendar year has its own cap");
    assert_eq!(tb::total_hours(&conn).unwrap().to_string(), "10", "the cap moves hours, it never loses them");
    write(&mut conn, |tx| tb::set_yearly_cap(tx, &actor(), None)).unwrap();
    deposit(&mut conn, a, "1", "2026-05-01").unwrap();
    assert_eq!(bal(&conn, a), 16, "without a cap everything goes to the person");
}

#[test]
fn a_reversal_never_edits_undoes_both_sides_and_cannot_be_repeated() {
    let (_dir, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    let b = add_member(&mut conn, "李明");
    let dep = deposit(&mut conn, a, "4", "2026-03-01").unwrap();
    let (out, _) = write(&mut conn, |tx| tb::transfer(tx, &actor(), &transfer(a, b, "1.5", "给父亲"), today())).unwrap();
    let total = tb::total_hours(&conn).unwrap();
    let ids = write(&mut conn, |tx| tb::reverse(tx, &actor(), out, &ReversalInput::new("录错了", ""), today())).unwrap();
    assert_eq!(ids.len(), 2, "reversing one side of a transfer reverses both");
    assert_eq!((bal(&conn, a), bal(&conn, b)), (8, 0), "the reversal brings both balances back");
    assert_eq!(tb::total_hours(&conn).unwrap(), total, "reversing a transfer conserves hours");
    assert_eq!(tb::entry(&conn, out).unwrap().hours.to_string(), "1.5", "the original is kept unchanged");
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), out, &ReversalInput::new("again", ""), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-already-reversed", "reversing twice is refused");
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), ids[0], &ReversalInput::new("undo", ""), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-reverse-reversal", "a reversal is not itself reversed");
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), dep, &ReversalInput::new(" ", ""), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-reason-required", "a reversal needs a reason");
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), EntryId(999), &ReversalInput::new("x", ""), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-entry-not-found", "only an entry that exists can be reversed");
    assert_eq!(snapshot(&conn), before, "refused reversals change nothing");
    // Reversing a deposit whose hours were spent would go below zero: refused.
    write(&mut conn, |tx| tb::donate(tx, &actor(), &PoolDonationInput { person: a, hours: "3".into(), date: String::new() }, today())).unwrap();
    let e = write(&mut conn, |tx| tb::reverse(tx, &actor(), dep, &ReversalInput::new("录错了", ""), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-reverse-insufficient", "a reversal may not take the account below zero");
}

#[test]
fn inheritance_needs_death_a_witness_and_shares_that_add_up() {
    let (_dir, mut conn) = test_db();
    let father = add_member(&mut conn, "林老伯");
    let son = add_member(&mut conn, "林大");
    let daughter = add_member(&mut conn, "林二");
    let grandson = add_member(&mut conn, "林三");
    deposit(&mut conn, father, "5", "2026-03-01").unwrap(); // 10 half-hours
    let shares = |s: &[&str]| s.iter().map(|x| HeirShare::parse(x).unwrap()).collect::<Vec<_>>();
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-not-deceased", "a living holder's hours are not inherited");
    assert_eq!(snapshot(&conn), before, "a refused inheritance of a living holder changes nothing");
    make_deceased(&mut conn, father);
    let before = snapshot(&conn);
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2"]), " ", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-witness-required", "an inheritance needs a witness");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2:1/2", "3:1/3"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-shares-sum", "1/2 + 1/3 is not the whole");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2:60%", "3:50%"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-shares-sum", "more than the whole is refused");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2", "2"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-heir-twice", "an heir is named once");
    assert_eq!(snapshot(&conn), before, "refused inheritances change nothing, not even the freeze");
    // A deposit to the deceased is refused.
    let e = deposit(&mut conn, father, "1", "2026-10-02").unwrap_err();
    assert_eq!(e.message_id(), "error-time-holder-deceased", "no hours are deposited for the deceased");

    let total = tb::total_hours(&conn).unwrap();
    let r = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2", "3", "4"]), "村主任 林某", today(), today())).unwrap();
    let got: Vec<i64> = r.shares.iter().map(|s| s.hours.half_hours()).collect();
    assert_eq!(got, vec![4, 3, 3], "thirds of 5 hours: 1.5 each, the half-hour left over to the first heir");
    assert_eq!((bal(&conn, father), bal(&conn, son), bal(&conn, daughter), bal(&conn, grandson)), (0, 4, 3, 3), "the shares arrive in the heirs' accounts and the deceased's is empty");
    assert_eq!(tb::total_hours(&conn).unwrap(), total, "inheritance conserves hours");
    assert!(tb::is_frozen(&conn, father).unwrap(), "the deceased's account is frozen");
    let acc: i64 = conn.query_row("SELECT account_id FROM time_freeze", [], |r| r.get(0)).unwrap();
    assert!(
        conn.execute("INSERT INTO time_entry (account_id, kind, direction, half_hours, date, batch, created_at, created_by) VALUES (?1, 'deposit', 1, 2, '2026-10-05', 99, 'x', 'x')", [acc]).is_err(),
        "the database refuses entries into a frozen account"
    );
    assert_eq!(count(&conn, "time_inheritance_share"), 3, "heirs and shares are recorded");
    let witness: String = conn.query_row("SELECT witness FROM time_inheritance", [], |r| r.get(0)).unwrap();
    assert_eq!(witness, "村主任 林某", "the witness is recorded with the inheritance");
    let e = write(&mut conn, |tx| tb::inherit(tx, &actor(), father, &shares(&["2"]), "村主任", today(), today())).unwrap_err();
    assert_eq!(e.message_id(), "error-time-nothing-to-inherit", "an emptied account is not inherited twice");
}

#[test]
fn percentages_and_fractions_divide_in_half_hours() {
    let (_dir, mut conn) = test_db();
    let mother = add_member(&mut conn, "陈阿婆");
    let a = add_member(&mut conn, "陈大");
    let b = add_member(&mut conn, "陈二");
    deposit(&mut conn, mother, "7.5", "2026-03-01").unwrap(); // 15 half-hours
    make_deceased(&mut conn, mother);
    let heirs = vec![HeirShare::parse(&format!("{a}:70%")).unwrap(), HeirShare::parse(&format!("{b}:0.3")).unwrap()];
    let r = write(&mut conn, |tx| tb::inherit(tx, &actor(), mother, &heirs, "调解员", today(), today())).unwrap();
    // 70% of 15 = 10.5 → 10 (+1 remainder to the first), 30% = 4.5 → 4.
    assert_eq!(r.shares.iter().map(|s| s.hours.half_hours()).collect::<Vec<_>>(), vec![11, 4], "70% and 0.3 of 15 half-hours: 10 and 4, the half-hour left over to the first heir");
    assert_eq!(bal(&conn, a) + bal(&conn, b), 15, "the heirs receive the whole balance");
}

// ---------------------------------------------------------------- property tests

#[derive(Debug, Clone)]
enum Op {
    Deposit(usize, i64),
    Credit(usize, i64, u8),
    Withdraw(usize, i64),
    Transfer(usize, usize, i64),
    Donate(usize, i64),
    Grant(usize, i64),
    Reverse(i64),
}

fn op() -> impl Strategy<Value = Op> {
    let p = 0usize..4;
    let hh = 1i64..=12;
    prop_oneof![
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Deposit(p, h)),
        (p.clone(), hh.clone(), 0u8..6).prop_map(|(p, h, s)| Op::Credit(p, h, s)),
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Withdraw(p, h)),
        (p.clone(), p.clone(), hh.clone()).prop_map(|(a, b, h)| Op::Transfer(a, b, h)),
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Donate(p, h)),
        (p.clone(), hh.clone()).prop_map(|(p, h)| Op::Grant(p, h)),
        (1i64..40).prop_map(Op::Reverse),
    ]
}

fn apply(tx: &rusqlite::Transaction, people: &[MemberNo], op: &Op) -> huzhu::Result<()> {
    let a = actor();
    let t = today();
    let day = day("2026-06-01");
    match *op {
        Op::Deposit(p, n) => {
            let input = DepositInput { provider: people[p], hours: Hours::from_half_hours(n).to_string(), date: day.to_string(), recipient: None, service_kind: String::new(), confirmed_by: String::new() };
            tb::deposit(tx, &a, &input, t).map(|_| ())
        }
        Op::Credit(p, n, s) => tb::credit_service(tx, &a, people[p], Hours::from_half_hours(n), day, &format!("shift:{s}"), t).map(|_| ()),
        Op::Withdraw(p, n) => {
            let w = WithdrawalInput { holder: people[p], hours: Hours::from_half_hours(n).to_string(), date: day.to_string(), recipient: None, service_kind: String::new(), consent: String::new() };
            tb::withdraw(tx, &a, &w, t).map(|_| ())
        }
        Op::Transfer(x, y, n) => {
            let input = TransferInput { date: day.to_string(), ..transfer(people[x], people[y], &Hours::from_half_hours(n).to_string(), "家人") };
            tb::transfer(tx, &a, &input, t).map(|_| ())
        }
        Op::Donate(p, n) => {
            let input = PoolDonationInput { person: people[p], hours: Hours::from_half_hours(n).to_string(), date: day.to_string() };
            tb::donate(tx, &a, &input, t).map(|_| ())
        }
        Op::Grant(p, n) => tb::grant(tx, &a, people[p], Hours::from_half_hours(n), "困难", day, t).map(|_| ()),
        Op::Reverse(id) => tb::reverse(tx, &a, EntryId(id), &ReversalInput::new("更正", &day.to_string()), t).map(|_| ()),
    }
}

fn account_sums(conn: &Connection) -> Vec<(i64, i64)> {
    let mut stmt = conn.prepare("SELECT account_id, sum(direction * half_hours) FROM time_entry GROUP BY account_id ORDER BY account_id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// Under any sequence of operations: balances equal the sum of their entries, no balance is
    /// ever below zero, moves between accounts conserve the total, a refused operation changes
    /// nothing, and a shift source is credited at most once.
    #[test]
    fn the_ledger_rules_hold_under_random_operations(ops in proptest::collection::vec(op(), 1..40), cap in proptest::option::of(4i64..30)) {
        let mut conn = memory_db();
        let people: Vec<MemberNo> = ["甲", "乙", "丙", "丁"].iter().map(|n| add_member(&mut conn, n)).collect();
        if let Some(c) = cap {
            write(&mut conn, |tx| tb::set_yearly_cap(tx, &actor(), Some(Hours::from_half_hours(c)))).unwrap();
        }
        for op in &ops {
            let total_before = tb::total_hours(&conn).unwrap().half_hours();
            let rows_before = snapshot(&conn);
            let max_id_before: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM time_entry", [], |r| r.get(0)).unwrap();
            let credited_before: i64 = conn.query_row("SELECT count(*) FROM time_entry WHERE source IS NOT NULL", [], |r| r.get(0)).unwrap();
            let result = write(&mut conn, |tx| apply(tx, &people, op));
            match &result {
                Err(Error::Storage(e)) => prop_assert!(false, "a rule must be checked before the database refuses: {e} for {op:?}"),
                Err(_) => prop_assert_eq!(snapshot(&conn), rows_before, "a refused {:?} must change nothing", op),
                Ok(()) => {}
            }
            // Balances equal the sum of entries, and none is below zero (pool included).
            for p in &people {
                let from_entries: i64 = tb::entries(&conn, *p).unwrap().iter().map(|e| e.signed.half_hours()).sum();
                let b = tb::balance(&conn, *p).unwrap().half_hours();
                prop_assert_eq!(b, from_entries, "a balance must equal the sum of its entries");
                prop_assert!(b >= 0, "no balance may go below zero");
            }
            let pool_entries: i64 = tb::pool_entries(&conn).unwrap().iter().map(|e| e.signed.half_hours()).sum();
            prop_assert_eq!(tb::pool_balance(&conn).unwrap().half_hours(), pool_entries, "the pool's balance must equal the sum of its entries");
            prop_assert!(pool_entries >= 0, "the pool may not go below zero");
            for (_, s) in account_sums(&conn) {
                prop_assert!(s >= 0, "no account may go below zero at the database either");
            }
            // Conservation: only deposits, withdrawals and their reversals change the total.
            let delta = tb::total_hours(&conn).unwrap().half_hours() - total_before;
            if result.is_ok() {
                let expected = match op {
                    Op::Deposit(_, n) => *n,
                    Op::Credit(..) => {
                        let credited: i64 = conn.query_row("SELECT count(*) FROM time_entry WHERE source IS NOT NULL", [], |r| r.get(0)).unwrap();
                        if credited > credited_before { match op { Op::Credit(_, n, _) => *n, _ => 0 } } else { 0 }
                    }
                    Op::Withdraw(_, n) => -*n,
                    Op::Transfer(..) | Op::Donate(..) | Op::Grant(..) => 0,
                    Op::Reverse(_) => {
                        let undone: i64 = conn.query_row(
                            "SELECT coalesce(sum(o.direction * o.half_hours), 0) FROM time_entry r JOIN time_entry o ON o.id = r.reverses_entry_id WHERE r.id > ?1",
                            [max_id_before], |r| r.get(0)).unwrap();
                        -undone
                    }
                };
                prop_assert_eq!(delta, expected, "{:?} must change the total by exactly its own hours", op);
            }
        }
        // Each shift source credited at most once.
        let dup: i64 = conn.query_row("SELECT count(*) FROM (SELECT source FROM time_entry WHERE source IS NOT NULL GROUP BY source HAVING count(*) > 1)", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(dup, 0, "a source is credited exactly once");
    }

    /// Any exact shares that add up to the whole pass the whole balance to the heirs, each within
    /// half an hour of their exact share except the first, who takes the rounding remainder.
    #[test]
    fn inheritance_conserves_hours_for_any_shares(total in 1i64..400, weights in proptest::collection::vec(1i64..20, 1..5)) {
        let mut conn = memory_db();
        let holder = add_member(&mut conn, "逝者");
        let heirs: Vec<MemberNo> = (0..weights.len()).map(|i| add_member(&mut conn, &format!("继承人{i}"))).collect();
        let mut left = total;
        while left > 0 {
            let n = left.min(48);
            let input = DepositInput { provider: holder, hours: Hours::from_half_hours(n).to_string(), date: "2026-01-01".into(), recipient: None, service_kind: String::new(), confirmed_by: String::new() };
            write(&mut conn, |tx| tb::deposit(tx, &actor(), &input, today())).unwrap();
            left -= n;
        }
        make_deceased(&mut conn, holder);
        let sum_w: i64 = weights.iter().sum();
        let shares: Vec<HeirShare> = heirs.iter().zip(&weights).map(|(no, w)| HeirShare { heir: *no, share: Some((*w, sum_w)) }).collect();
        let grand_total = tb::total_hours(&conn).unwrap();
        let r = write(&mut conn, |tx| tb::inherit(tx, &actor(), holder, &shares, "见证人", today(), today())).unwrap();
        prop_assert_eq!(tb::total_hours(&conn).unwrap(), grand_total, "inheritance conserves hours");
        prop_assert_eq!(bal(&conn, holder), 0, "the deceased's account is emptied");
        let received: i64 = heirs.iter().map(|h| bal(&conn, *h)).sum();
        prop_assert_eq!(received, total, "the heirs receive the whole balance");
        for (i, (s, w)) in r.shares.iter().zip(&weights).enumerate() {
            let exact = total * w / sum_w;
            if i > 0 {
                prop_assert_eq!(s.hours.half_hours(), exact, "later heirs get their share rounded down to a half-hour");
            } else {
                prop_assert!(s.hours.half_hours() >= exact && s.hours.half_hours() < exact + weights.len() as i64 + 1, "the first heir gets their share and at most the half-hours left over by rounding");
            }
        }
    }

    /// Transfers between any two people conserve the total and move exactly the hours.
    #[test]
    fn transfers_conserve_hours(start in 1i64..100, moved in 1i64..100) {
        let mut conn = memory_db();
        let a = add_member(&mut conn, "甲");
        let b = add_member(&mut conn, "乙");
        let mut left = start;
        while left > 0 {
            let n = left.min(48);
            let input = DepositInput { provider: a, hours: Hours::from_half_hours(n).to_string(), date: "2026-01-01".into(), recipient: None, service_kind: String::new(), confirmed_by: String::new() };
            write(&mut conn, |tx| tb::deposit(tx, &actor(), &input, today())).unwrap();
            left -= n;
        }
        let r = write(&mut conn, |tx| tb::transfer(tx, &actor(), &transfer(a, b, &Hours::from_half_hours(moved).to_string(), "家人"), today()));
        if moved <= start {
            prop_assert!(r.is_ok(), "a transfer within the balance goes through");
            prop_assert_eq!((bal(&conn, a), bal(&conn, b)), (start - moved, moved), "a transfer moves exactly its hours");
        } else {
            prop_assert_eq!(r.unwrap_err().message_id(), "error-time-insufficient", "a transfer beyond the balance is refused");
            prop_assert_eq!((bal(&conn, a), bal(&conn, b)), (start, 0), "a refused transfer moves nothing");
        }
        prop_assert_eq!(tb::total_hours(&conn).unwrap().half_hours(), start, "transfers conserve the total");
    }
}

#[test]
fn the_account_screen_reads_balance_entries_and_the_bank_overview() {
    let (_d, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    let accounts = count(&conn, "time_account");
    let fresh = tb::account(&conn, a, &Localizer::new(Lang::ZhCn), today()).unwrap();
    assert_eq!((fresh.balance, fresh.lines.len(), fresh.frozen), (Hours::ZERO, 0, false), "a new account is empty");
    assert_eq!(count(&conn, "time_account"), accounts, "reading an account opens nothing");
    deposit(&mut conn, a, "2.5", "2026-03-01").unwrap();
    let acc = tb::account(&conn, a, &Localizer::new(Lang::ZhCn), today()).unwrap();
    assert_eq!((acc.balance, acc.lines.len(), acc.name.as_str()), (h("2.5"), 1, "张秀英"), "the account screen shows the balance, the entries and the name");
    let o = write(&mut conn, |tx| tb::overview(tx, &actor())).unwrap();
    let again = write(&mut conn, |tx| tb::overview(tx, &actor())).unwrap();
    assert_eq!(o.fingerprint, again.fingerprint, "the key is made once and kept");
    assert_eq!(o.pool, Hours::ZERO, "the overview shows the empty pool");
}

