//! Dues paid with saved hours (会费以时抵缴): the hours go from the member's account to the
//! common pool and the bill shows the year paid, in one transaction, with the cash book
//! untouched; the bill, the time bank and the statement agree; a short balance, a rate that is
//! off or an exempt member is refused and nothing changes; the slip says how it was paid.

mod common;

use common::pdf::{pdf_text, squash};
use common::time_bank::{bal, deposit};
use common::{actor, add_person, count, refused, test_db_with_association, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::Fen;
use huzhu::members::{MemberNo, PersonInput};
use huzhu::money::dues::{self, DuesPaymentInput, PolicyInput};
use huzhu::money::dues_hours::{self, HoursDuesInput};
use huzhu::money::statements::{self, Period};
use huzhu::money::cash_book;
use huzhu::time_bank;
use rusqlite::Connection;

fn member(conn: &mut Connection, name: &str) -> MemberNo {
    let input = PersonInput { birth_date: "1955-03-02".into(), join_date: "2020-01-01".into(), ..PersonInput::member(name) };
    add_person(conn, &input).expect("add a member").member_no
}

fn setup(conn: &mut Connection, rate: &str) {
    write(conn, |tx| dues::set_policy(tx, &actor(), &PolicyInput { year: 2026, amount: "25".into(), ..Default::default() })).unwrap();
    write(conn, |tx| dues_hours::set_hours_rate(tx, &actor(), rate)).unwrap();
}

fn input(no: MemberNo) -> HoursDuesInput {
    HoursDuesInput { member: Some(no), year: 2026, date: "2026-11-20".into() }
}

fn line(conn: &Connection, no: MemberNo) -> dues::DuesLine {
    dues::bill(conn, 2026).unwrap().into_iter().find(|l| l.member_no == no).unwrap()
}

#[test]
fn paying_with_hours_moves_the_hours_to_the_pool_settles_the_year_and_leaves_the_cash_book_alone() {
    let (_d, mut conn) = test_db_with_association();
    let m = member(&mut conn, "张秀英");
    setup(&mut conn, "10");
    deposit(&mut conn, m, "4", "2026-10-01").unwrap();
    let total = time_bank::total_hours(&conn).unwrap();

    let q = dues_hours::quote(&conn, m, 2026, today()).unwrap();
    assert_eq!((q.owed, q.hours.half_hours(), q.enough), (Fen(2500), 5, true), "¥25 at ¥10 an hour is 2.5 hours");
    let p = write(&mut conn, |tx| dues_hours::pay_with_hours(tx, &actor(), &input(m), today())).unwrap();
    assert_eq!((p.slip_no.as_str(), p.amount, p.hours.half_hours()), ("S2026-0001", Fen(2500), 5));

    assert_eq!(bal(&conn, m), 3, "4 hours less 2.5 leaves 1.5 in the member's account");
    assert_eq!(time_bank::pool_balance(&conn).unwrap().half_hours(), 5, "the hours are in the common pool");
    assert_eq!(time_bank::total_hours(&conn).unwrap(), total, "hours are conserved: they moved, none made or lost");
    let e = time_bank::entry(&conn, p.time_entry).unwrap();
    assert_eq!(e.source.as_deref(), Some("dues-hours:1"), "the time-bank entry names the dues it paid");

    let l = line(&conn, m);
    assert_eq!((l.paid, l.paid_cash, l.paid_hours, l.owed), (Fen(2500), Fen::ZERO, Fen(2500), Fen::ZERO), "the bill shows the year paid, in hours");
    assert_eq!(count(&conn, "cash_entry"), 0, "no cash moved: the cash book is untouched");
    assert_eq!(count(&conn, "receipt"), 0, "and no cash receipt is numbered");

    let s = statements::build(&conn, Period::Year(2026)).unwrap();
    assert_eq!((s.income, s.dues_hours_count, s.dues_hours_amount, s.dues_hours.half_hours()), (Fen::ZERO, 1, Fen(2500), 5), "the statement shows the dues paid in hours beside the (empty) cash");
    let zh = Localizer::new(Lang::ZhCn);
    let (text, _) = pdf_text(&statements::pdf(&conn, &s, &zh, today()).unwrap());
    assert!(squash(&text).contains("会费以时间储蓄抵缴"), "the statement's PDF has the line: {text}");

    let slip = dues_hours::slip_pdf(&conn, &p.slip_no, &zh).unwrap();
    std::fs::write("/tmp/dues-hours-slip.pdf", &slip.bytes).ok();
    let (text, pages) = pdf_text(&slip.bytes);
    let t = squash(&text);
    assert!(pages == 1 && t.contains("S2026-0001") && t.contains("张秀英") && t.contains("贰拾伍元整"), "the slip is a receipt for ¥25: {text}");
    assert!(t.contains("以时间储蓄2.5小时抵缴") && t.contains("未收现金"), "the slip says how it was paid: {text}");

    let again = refused(&mut conn, |tx| dues_hours::pay_with_hours(tx, &actor(), &input(m), today()));
    assert_eq!(again.message_id(), "error-dues-nothing-owed", "a settled year is not paid twice");
}

#[test]
fn a_short_balance_an_exempt_member_or_the_rate_off_is_refused_and_nothing_changes() {
    let (_d, mut conn) = test_db_with_association();
    let m = member(&mut conn, "林德明");
    write(&mut conn, |tx| dues::set_policy(tx, &actor(), &PolicyInput { year: 2026, amount: "25".into(), ..Default::default() })).unwrap();
    deposit(&mut conn, m, "2", "2026-10-01").unwrap();
    let e = refused(&mut conn, |tx| dues_hours::pay_with_hours(tx, &actor(), &input(m), today()));
    assert_eq!(e.message_id(), "error-dues-hours-off", "paying with hours is off until a rate is set");

    write(&mut conn, |tx| dues_hours::set_hours_rate(tx, &actor(), "10")).unwrap();
    let e = refused(&mut conn, |tx| dues_hours::pay_with_hours(tx, &actor(), &input(m), today()));
    assert_eq!(e.message_id(), "error-dues-hours-short", "2 hours do not pay ¥25 at ¥10 an hour");
    assert_eq!((bal(&conn, m), line(&conn, m).owed), (4, Fen(2500)), "the balance and the bill are as before");

    // Part paid in cash, the rest with hours: the hours asked for are only the rest's.
    let cash = DuesPaymentInput { member: Some(m), years: "2026".into(), amount: "10".into(), date: "2026-06-01".into(), handler: String::new() };
    write(&mut conn, |tx| dues::pay(tx, &actor(), &cash, today())).unwrap();
    let q = dues_hours::quote(&conn, m, 2026, today()).unwrap();
    assert_eq!((q.owed, q.hours.half_hours()), (Fen(1500), 3), "¥15 left at ¥10 an hour is 1.5 hours");
    write(&mut conn, |tx| dues_hours::pay_with_hours(tx, &actor(), &input(m), today())).unwrap();
    let l = line(&conn, m);
    assert_eq!((l.paid_cash, l.paid_hours, l.owed), (Fen(1000), Fen(1500), Fen::ZERO), "the bill shows cash and hours side by side");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(1000), "only the cash part is in the cash book");

    write(&mut conn, |tx| dues_hours::set_hours_rate(tx, &actor(), "off")).unwrap();
    assert_eq!(dues_hours::hours_rate(&conn).unwrap(), None, "the rate can be turned off again");
    assert!(write(&mut conn, |tx| dues_hours::set_hours_rate(tx, &actor(), "-3")).is_err(), "a negative rate is refused");
}
