//! The reads the 值班 screens use: the volunteers list, unfilled slots with their reason as they
//! stand now, and the choice of people for one slot.

mod common;

use common::rota::{add_case, case_input, en, generate, set_volunteer, weekdays, zh, AvailabilityInput, DutyKind, DAY_SHIFT};
use common::{actor, add_member, day, month, test_db, write, Month};
use huzhu::members::MemberNo;
use huzhu::rota;
use rusqlite::Connection;

/// Two day-only care volunteers (1 and 2; 2 Monday to Friday only) and a bedridden elder (3)
/// with one day shift on every day of December 2026.
fn village() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = test_db();
    for name in ["张秀兰", "李建国", "林炎堃"] {
        add_member(&mut conn, name);
    }
    let care = |days: &str| AvailabilityInput { kinds: Some(vec![DutyKind::Care]), weekdays: weekdays(days), shifts: Some((true, false)), ..Default::default() };
    set_volunteer(&mut conn, 1, care("1-7"));
    set_volunteer(&mut conn, 2, care("1-5"));
    add_case(&mut conn, &case_input(3, DutyKind::Care, "2026-12-01", None, &[DAY_SHIFT]));
    (dir, conn)
}

fn dec() -> Month {
    month("2026-12")
}

#[test]
fn volunteers_are_listed_with_their_availability() {
    let (_d, conn) = village();
    let list = rota::list_volunteers(&conn).unwrap();
    let nos: Vec<i64> = list.iter().map(|a| a.member_no.0).collect();
    assert_eq!(nos, vec![2, 1], "volunteers come in pinyin order (李 before 张); the elder is not one");
    assert_eq!(list[0].weekdays, vec![1, 2, 3, 4, 5], "each with their weekdays");
}

#[test]
fn unfilled_slots_are_read_with_the_reason_as_they_stand_now() {
    let (_d, mut conn) = village();
    let l10n = en();
    assert_eq!(rota::unfilled(&conn, dec(), &l10n).unwrap(), vec![], "a month never generated has no slots yet");
    generate(&mut conn, dec());
    assert!(rota::unfilled(&conn, dec(), &l10n).unwrap().is_empty(), "two day volunteers fill one day shift a day");

    // Take the only weekend volunteer off a Saturday: someone is free, so the reason says so.
    let sat = rota::list_month(&conn, dec(), huzhu::members::Phones::Masked).unwrap().into_iter().find(|s| s.date == day("2026-12-05")).unwrap();
    write(&mut conn, |tx| rota::unassign(tx, &actor(), sat.id, MemberNo(1))).unwrap();
    let u = rota::unfilled(&conn, dec(), &l10n).unwrap();
    assert_eq!(u.len(), 1, "the emptied slot is listed: {u:?}");
    assert_eq!((u[0].slot, u[0].missing), (sat.id, 1), "the Saturday slot is listed one person short");
    assert_eq!(u[0].reason, l10n.t("rota-unfilled-can-fill"), "someone could take it now");
    assert_eq!(rota::list_month(&conn, dec(), huzhu::members::Phones::Masked).unwrap().iter().map(|s| s.assigned.len()).sum::<usize>(), 30, "reading writes nothing");

    // Now volunteer 1 is away that day: no one is left for a Saturday.
    set_volunteer(&mut conn, 1, AvailabilityInput { away: vec![("2026-12-05".into(), String::new())], ..Default::default() });
    let u = rota::unfilled(&conn, dec(), &l10n).unwrap();
    assert_eq!(u[0].reason, l10n.t("rota-unfilled-all-away"), "the generator's reason in words");

    write(&mut conn, |tx| rota::set_locked(tx, &actor(), sat.id, true)).unwrap();
    let u = rota::unfilled(&conn, dec(), &zh()).unwrap();
    assert_eq!(u[0].reason, "已锁定，请手工安排人", "a locked short slot waits for a hand assignment");
}

#[test]
fn candidates_for_a_slot_put_the_free_first_and_say_why_the_others_cannot() {
    let (_d, mut conn) = village();
    generate(&mut conn, dec());
    let l10n = zh();
    let sun = rota::list_month(&conn, dec(), huzhu::members::Phones::Masked).unwrap().into_iter().find(|s| s.date == day("2026-12-06")).unwrap();
    let on = sun.assigned[0].member_no;
    assert_eq!(on, MemberNo(1), "only volunteer 1 does Sundays");
    let c = rota::candidates(&conn, sun.id, &l10n).unwrap();
    assert_eq!(c.len(), 1, "the person already on the slot is not a candidate");
    assert_eq!(c[0].member_no, MemberNo(2), "the other volunteer is the candidate");
    assert_eq!(c[0].blocked.as_deref(), Some("李建国 星期日没空。"), "the same sentence assign would refuse with");

    let mon = rota::list_month(&conn, dec(), huzhu::members::Phones::Masked).unwrap().into_iter().find(|s| s.date == day("2026-12-07")).unwrap();
    let c = rota::candidates(&conn, mon.id, &l10n).unwrap();
    assert_eq!(c.len(), 1, "on a Monday the other volunteer is the one candidate");
    assert_eq!(c[0].blocked, None, "a weekday volunteer is free on a Monday");
    assert!(c[0].shifts > 0, "with their shifts this month");
}
