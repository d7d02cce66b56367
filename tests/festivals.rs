//! 重阳 and 春节: their dates from the lunar calendar, checked against published ones; who gets
//! the gifts (at or over the standard's age; at 春节 the poor too, or a list the secretary
//! chose); paying them as a batch.

mod common;

use common::welfare::{set_standard, standard};
use common::{actor, add_person, count, day, refused, test_db_with_association, today, write};
use huzhu::kernel::Fen;
use huzhu::members::{EconomicStatus, MemberNo, PersonInput};
use huzhu::welfare::{self, BatchInput, Festival, WelfareKind};

/// 重阳 (lunar 9/9) as the Hong Kong government gazettes it among its general holidays
/// ("Chung Yeung Festival"): 2015-10-21 and 2019-2025 as listed by the holiday tables at
/// holidays-calendar.net and time.astrosage.com. 2026 (18 October, a Sunday, so the holiday is
/// the Monday after) and 2027 are the dates given in the brief; they agree with the
/// published 2026 holiday list ("the day following Chung Yeung Festival", 19 October).
const CHONGYANG: [(i32, &str); 10] = [
    (2015, "2015-10-21"),
    (2019, "2019-10-07"),
    (2020, "2020-10-25"),
    (2021, "2021-10-14"),
    (2022, "2022-10-04"),
    (2023, "2023-10-23"),
    (2024, "2024-10-11"),
    (2025, "2025-10-29"),
    (2026, "2026-10-18"),
    (2027, "2027-10-08"),
];

/// 春节 (lunar 1/1), printed on every Chinese calendar.
const CHUNJIE: [(i32, &str); 4] = [(2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06")];

#[test]
fn the_festival_dates_come_from_the_lunar_calendar_and_match_the_published_ones() {
    for (year, date) in CHONGYANG {
        assert_eq!(Festival::Chongyang.date(year), Some(day(date)), "重阳 {year}");
    }
    for (year, date) in CHUNJIE {
        assert_eq!(Festival::Chunjie.date(year), Some(day(date)), "春节 {year}");
    }
    assert_eq!(welfare::festival_date(Festival::Chongyang, 2300).unwrap_err().message_id(), "error-year-invalid", "outside the calendar's years is an error, not a guess");
}

fn person(conn: &mut rusqlite::Connection, name: &str, birth: &str, economic: Option<EconomicStatus>) -> MemberNo {
    let input = PersonInput { birth_date: birth.into(), economic_status: economic, ..PersonInput::member(name) };
    add_person(conn, &input).unwrap().member_no
}

#[test]
fn chongyang_gifts_go_to_everyone_at_or_over_the_standards_age_on_the_day() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &standard(WelfareKind::Chongyang, "100", "80", "89", "2026-01-01"));
    set_standard(&mut conn, &standard(WelfareKind::Chongyang, "300", "90", "", "2026-01-01"));
    person(&mut conn, "九十二", "1934-03-01", None);
    person(&mut conn, "刚八十", "1946-10-18", None); // 80 on the day itself
    person(&mut conn, "差一天", "1946-10-19", None); // 80 the day after
    person(&mut conn, "七十", "1956-01-01", None);
    let list = welfare::festival(&conn, Festival::Chongyang, 2026, today()).unwrap();
    assert_eq!(list.date, day("2026-10-18"));
    let got: Vec<(&str, Option<u32>, Option<Fen>)> = list.lines.iter().map(|l| (l.name.as_str(), l.age, l.amount)).collect();
    assert_eq!(got, [("九十二", Some(92), Some(Fen(30000))), ("刚八十", Some(80), Some(Fen(10000)))], "the oldest first, each at their band; ages on the festival's day");
    assert_eq!(list.total, Fen(40000));

    let input = BatchInput { date: "2026-10-16".into(), ..Default::default() };
    let r = write(&mut conn, |tx| welfare::pay_festival(tx, &actor(), Festival::Chongyang, 2026, &input, today())).unwrap();
    assert_eq!(r.paid.len(), 2, "one payment each");
    assert!(r.paid.iter().all(|p| p.occasion == "chongyang:2026"), "paid for 重阳 2026");
    let entries = huzhu::money::cash_book::list(&conn, &Default::default()).unwrap();
    assert!(entries.iter().all(|e| e.category_code.as_deref() == Some("birthday")), "重阳 gifts are 生日礼品 in the cash book");
    let again = welfare::festival(&conn, Festival::Chongyang, 2026, today()).unwrap();
    assert_eq!(again.paid, 2, "the list shows both paid");
}

#[test]
fn chunjie_visits_go_to_the_poor_and_the_very_old_or_to_the_list_chosen() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &standard(WelfareKind::Chunjie, "200", "", "", "2026-01-01"));
    set_standard(&mut conn, &standard(WelfareKind::Chunjie, "300", "90", "", "2026-01-01"));
    let old = person(&mut conn, "九十五", "1931-05-01", None);
    let poor = person(&mut conn, "五保户", "1950-05-01", Some(EconomicStatus::Wubao));
    let other = person(&mut conn, "一般户", "1950-05-01", Some(EconomicStatus::Ordinary));
    let list = welfare::festival(&conn, Festival::Chunjie, 2027, today()).unwrap();
    assert_eq!(list.date, day("2027-02-06"));
    let got: Vec<(MemberNo, Option<Fen>, Option<EconomicStatus>)> = list.lines.iter().map(|l| (l.member_no, l.amount, l.poor)).collect();
    assert_eq!(got, [(old, Some(Fen(30000)), None), (poor, Some(Fen(20000)), Some(EconomicStatus::Wubao))], "the very old and the poor, not everyone");

    // The secretary drops the 95-year-old (visited by the village) and adds a family in hardship.
    let chosen = BatchInput { date: "2026-11-28".into(), members: vec![poor, other], ..Default::default() };
    let r = write(&mut conn, |tx| welfare::pay_festival(tx, &actor(), Festival::Chunjie, 2027, &chosen, today())).unwrap();
    assert_eq!(r.paid.iter().map(|p| p.member_no).collect::<Vec<_>>(), [poor, other], "only the chosen are paid");
    assert!(r.paid.iter().all(|p| p.occasion == "chunjie:2027"), "a visit before the festival belongs to it");
    let bad = BatchInput { members: vec![MemberNo(99)], ..chosen };
    let e = refused(&mut conn, |tx| welfare::pay_festival(tx, &actor(), Festival::Chunjie, 2027, &bad, today()));
    assert_eq!(e.message_id(), "error-welfare-not-living-member", "someone not on the register is named");
    assert_eq!(count(&conn, "welfare_payment"), 2);
}
