//! Birthdays of a month: lunar birthdays across years, leap months, a birthday on the 30th of a
//! month that has 29 days that year, 周岁 and 虚岁 and the decade birthdays they give, birthdays
//! in January and February near 春节; the decade gifts paid as a batch.
//!
//! Fixed lunar dates come from published calendars (春节 and 元宵 of 2025-2027 as gazetted by
//! the Hong Kong government's general holidays and printed on every Chinese calendar); where a
//! test needs the lunar date of a day no one publishes, it states a relation (the leap month
//! follows the ordinary one; the day after a 29-day month's last day is the next month's 初一)
//! that the conversion must satisfy, rather than copying the conversion's own answer.

mod common;

use common::welfare::set_standard;
use common::{actor, add_person, count, day, month, test_db_with_association, today, write};
use huzhu::association::{self, Settings};
use huzhu::calendar::{self, AgeCount, LunarDay};
use huzhu::kernel::Fen;
use huzhu::members::PersonInput;
use huzhu::welfare::{self, BatchInput, StandardInput, WelfareKind};
use rusqlite::Connection;

fn lunar(month: u8, day: u8, leap: bool) -> Option<LunarDay> {
    Some(LunarDay { month, day, leap })
}

fn member(conn: &mut Connection, name: &str, birth: &str, lunar_birthday: Option<LunarDay>) {
    let input = PersonInput { birth_date: birth.into(), lunar_birthday, ..PersonInput::member(name) };
    add_person(conn, &input).unwrap_or_else(|e| panic!("add {name}: {e:?}"));
}

/// (name, solar day, age) of the month's birthdays.
fn listed(conn: &Connection, m: &str) -> Vec<(String, String, Option<u32>, bool)> {
    welfare::birthdays(conn, month(m), false, huzhu::members::Phones::Masked)
        .unwrap()
        .lines
        .into_iter()
        .map(|b| (b.name, b.date.to_string(), b.age, b.decade))
        .collect()
}

fn count_ages(conn: &mut Connection, c: AgeCount) {
    write(conn, |tx| association::save_settings(tx, &actor(), &Settings { age_count: c, ..Default::default() })).unwrap();
}

#[test]
fn a_lunar_birthday_falls_on_a_different_solar_day_each_year() {
    let (_d, mut conn) = test_db_with_association();
    // Born on 春节 and on 元宵 (lunar 1/1 and 1/15).
    member(&mut conn, "陈春生", "1956-02-12", lunar(1, 1, false));
    member(&mut conn, "林元宵", "1950-03-03", lunar(1, 15, false));
    assert_eq!(listed(&conn, "2025-01").iter().map(|l| l.1.as_str()).collect::<Vec<_>>(), ["2025-01-29"], "春节 2025 was 29 January");
    assert_eq!(listed(&conn, "2025-02").iter().map(|l| l.1.as_str()).collect::<Vec<_>>(), ["2025-02-12"], "元宵 2025 was 12 February");
    let feb26: Vec<String> = listed(&conn, "2026-02").into_iter().map(|l| l.1).collect();
    assert_eq!(feb26, ["2026-02-17"], "春节 2026 is 17 February; 元宵 falls in March");
    assert_eq!(listed(&conn, "2026-03").iter().map(|l| l.1.as_str()).collect::<Vec<_>>(), ["2026-03-03"], "元宵 2026 is 3 March");
    let feb27: Vec<String> = listed(&conn, "2027-02").into_iter().map(|l| l.1).collect();
    assert_eq!(feb27, ["2027-02-06", "2027-02-20"], "春节 2027 is 6 February, 元宵 the 20th");
    assert!(listed(&conn, "2026-01").is_empty(), "no birthday twice and none in a month it does not fall in");
}

#[test]
fn a_leap_month_birthday_is_kept_in_the_ordinary_month_in_other_years_and_an_ordinary_one_only_once() {
    let (_d, mut conn) = test_db_with_association();
    // 2025 has a leap sixth month (闰六月); 2026 has none.
    assert!(calendar::lunar_month_days(2025, 6, true).is_some(), "2025 has a leap sixth month");
    assert!(calendar::lunar_month_days(2026, 6, true).is_none(), "2026 has no leap sixth month");
    member(&mut conn, "闰月生", "", lunar(6, 10, true));
    member(&mut conn, "六月生", "", lunar(6, 10, false));
    let in_2025: Vec<(String, String)> = (5..=9).flat_map(|m| listed(&conn, &format!("2025-{m:02}"))).map(|l| (l.0, l.1)).collect();
    let leap = in_2025.iter().find(|l| l.0 == "闰月生").expect("the leap-month birthday is kept in 2025").1.clone();
    let ordinary: Vec<&String> = in_2025.iter().filter(|l| l.0 == "六月生").map(|l| &l.1).collect();
    assert_eq!(ordinary.len(), 1, "an ordinary sixth-month birthday is kept once, not again in the leap month: {in_2025:?}");
    let gap = (day(&leap) - day(ordinary[0])).num_days();
    assert!((29..=30).contains(&gap), "the leap month follows the ordinary one: {leap} is a lunar month after {}", ordinary[0]);
    let in_2026: Vec<(String, String)> = (5..=9).flat_map(|m| listed(&conn, &format!("2026-{m:02}"))).map(|l| (l.0, l.1)).collect();
    assert_eq!(in_2026.len(), 2, "both are kept in 2026: {in_2026:?}");
    assert_eq!(in_2026[0].1, in_2026[1].1, "in a year without the leap month, the leap-month birthday is the ordinary month's day");
}

#[test]
fn a_birthday_on_the_thirtieth_is_kept_on_the_last_day_of_a_29_day_month() {
    let (_d, mut conn) = test_db_with_association();
    // Find a month with 29 days in 2026 and the same month with 30 in 2027 (or the reverse).
    let (m, short_year, long_year) = (1..=12u8)
        .find_map(|m| match (calendar::lunar_month_days(2026, m, false), calendar::lunar_month_days(2027, m, false)) {
            (Some(29), Some(30)) => Some((m, 2026u16, 2027u16)),
            (Some(30), Some(29)) => Some((m, 2027, 2026)),
            _ => None,
        })
        .expect("some lunar month is 29 days in one of 2026, 2027 and 30 in the other");
    member(&mut conn, "三十生", "", lunar(m, 30, false));
    let kept = calendar::lunar_birthday_in(LunarDay { month: m, day: 30, leap: false }, short_year).unwrap();
    let next_first = calendar::lunar_to_solar(short_year, m % 12 + 1, 1, false).unwrap();
    if m < 12 {
        assert_eq!(kept.succ_opt(), Some(next_first), "kept on the last day: the next day is the next lunar month's 初一");
    }
    assert_eq!(calendar::to_lunar(kept).map(|l| (l.month, l.day)), Some((m, 29)), "the 29th of the month, its last day");
    let listed_short = listed(&conn, &kept.format("%Y-%m").to_string());
    assert_eq!(listed_short.iter().map(|l| l.1.clone()).collect::<Vec<_>>(), [kept.to_string()], "the month's list shows it on that day");
    let long = calendar::lunar_birthday_in(LunarDay { month: m, day: 30, leap: false }, long_year).unwrap();
    assert_eq!(calendar::to_lunar(long).map(|l| (l.month, l.day)), Some((m, 30)), "in a year the month has 30 days it is on the 30th");
}

#[test]
fn decade_birthdays_follow_the_associations_way_of_counting() {
    let (_d, mut conn) = test_db_with_association();
    member(&mut conn, "周岁八十", "1946-05-10", None);
    member(&mut conn, "虚岁八十", "1947-05-12", None);
    let may = listed(&conn, "2026-05");
    assert_eq!(may, [("周岁八十".into(), "2026-05-10".into(), Some(80), true), ("虚岁八十".into(), "2026-05-12".into(), Some(79), false)], "周岁 is the default: 80 on the birthday");
    count_ages(&mut conn, AgeCount::Nominal);
    let may = listed(&conn, "2026-05");
    assert_eq!(may, [("周岁八十".into(), "2026-05-10".into(), Some(81), false), ("虚岁八十".into(), "2026-05-12".into(), Some(80), true)], "counted in 虚岁 the other one turns 80");
    let decades = welfare::birthdays(&conn, month("2026-05"), true, huzhu::members::Phones::Masked).unwrap().lines;
    assert_eq!(decades.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["虚岁八十"], "--decades lists only the decade birthdays");
}

#[test]
fn a_lunar_birthday_near_spring_festival_counts_its_lunar_years() {
    let (_d, mut conn) = test_db_with_association();
    // Born on 腊月廿五 of the lunar year 1946 (a day in early 1947), kept by the lunar date.
    let birth = calendar::lunar_to_solar(1946, 12, 25, false).unwrap();
    assert_eq!(birth.format("%Y").to_string(), "1947", "the twelfth lunar month of 1946 falls in 1947");
    member(&mut conn, "腊月生", &birth.to_string(), lunar(12, 25, false));
    // 腊月廿五 of lunar 2025 is in February 2026, before 春节 (17 February).
    let lines = welfare::birthdays(&conn, month("2026-02"), false, huzhu::members::Phones::Masked).unwrap().lines;
    let b = lines.first().expect("the birthday falls in February 2026");
    assert!(b.date < day("2026-02-17"), "it comes before 春节: {}", b.date);
    assert_eq!(b.age, Some(79), "周岁: lunar 2025 − lunar 1946 = 79, though the solar years say 1947 → 2026");
    count_ages(&mut conn, AgeCount::Nominal);
    let b = &welfare::birthdays(&conn, month("2026-02"), false, huzhu::members::Phones::Masked).unwrap().lines[0];
    assert_eq!((b.age, b.decade), (Some(80), true), "虚岁 before 春节 is still the old year's: 80, a decade birthday");
    // Born on a solar date in February, kept by the lunar date, which in 2028 comes before the
    // solar anniversary: the age turns on the lunar birthday.
    member(&mut conn, "正月生", "1946-02-10", lunar(1, 9, false));
    count_ages(&mut conn, AgeCount::Full);
    let lines_full = welfare::birthdays(&conn, month("2028-02"), false, huzhu::members::Phones::Masked).unwrap().lines;
    let b = lines_full.iter().find(|b| b.name == "正月生").expect("正月初九 2028 is in February");
    assert!(b.date < day("2028-02-10"), "the lunar birthday comes before the solar anniversary in 2028: {}", b.date);
    assert_eq!(b.age, Some(82), "82 lunar years on the lunar birthday (the solar age that day would be 81)");
}

#[test]
fn the_months_decade_gifts_are_paid_as_a_batch_one_voucher_each() {
    let (_d, mut conn) = test_db_with_association();
    set_standard(&mut conn, &StandardInput { kind: Some(WelfareKind::Birthday), amount: "200".into(), age_from: "80".into(), age_to: "89".into(), goods: "寿面".into(), from: "2026-01-01".into(), ..Default::default() });
    set_standard(&mut conn, &StandardInput { kind: Some(WelfareKind::Birthday), amount: "500".into(), age_from: "90".into(), from: "2026-01-01".into(), ..Default::default() });
    member(&mut conn, "八十", "1946-11-03", None);
    member(&mut conn, "九十", "1936-11-20", None);
    member(&mut conn, "七十", "1956-11-05", None);
    member(&mut conn, "七十九", "1947-11-06", None);
    let input = BatchInput { date: "2026-11-10".into(), handler: "李会计".into(), ..Default::default() };
    let r = write(&mut conn, |tx| welfare::pay_decades(tx, &actor(), month("2026-11"), &input, today())).unwrap();
    let paid: Vec<(String, Fen)> = r.paid.iter().map(|p| (p.name.clone(), p.amount)).collect();
    assert_eq!(paid, [("八十".to_string(), Fen(20000)), ("九十".to_string(), Fen(50000))], "80 and 90 are paid at their band's amount, in date order");
    assert_eq!(r.skipped.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["七十"], "70 has no standard and is listed as skipped; 79 is no decade");
    assert_ne!(r.paid[0].voucher_no, r.paid[1].voucher_no, "one voucher each");
    assert_eq!(count(&conn, "cash_entry"), 2, "one cash entry each");
    let again = write(&mut conn, |tx| welfare::pay_decades(tx, &actor(), month("2026-11"), &input, today())).unwrap();
    assert!(again.paid.is_empty(), "paying the month again pays no one twice");
    assert_eq!(again.skipped.iter().filter(|s| s.why == welfare::BatchSkipWhy::AlreadyPaid).count(), 2);
    let list = welfare::birthdays(&conn, month("2026-11"), false, huzhu::members::Phones::Masked).unwrap();
    assert!(list.lines.iter().filter(|b| b.decade && b.gift.is_some()).all(|b| b.paid.is_some()), "the list shows the vouchers paid");
}
