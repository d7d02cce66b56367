//! The reads the 值班 screens use: the volunteers list, unfilled slots with their reason as they
//! stand now, and the choice of people for one slot.

use chrono::NaiveDate;
use huzhu::audit::Actor;
use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{self, MemberNo, PersonInput};
use huzhu::kernel::Month;
use huzhu::rota::{self, VolunteerAvailabilityInput, CaseInput, DutyKind, ShiftSpec, Weekdays};
use rusqlite::Connection;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-20";

/// Two day-only care volunteers (1 and 2; 2 Monday to Friday only) and a bedridden elder (3)
/// with one day shift on every day of December 2026.
fn village() -> Connection {
    let mut conn = huzhu::db::open_in_memory().unwrap();
    let actor = Actor::new("test");
    let tx = conn.transaction().unwrap();
    for name in ["张秀兰", "李建国", "林炎堃"] {
        members::add(&tx, &actor, &PersonInput::member(name), d(TODAY)).unwrap();
    }
    let care = |days: &str| VolunteerAvailabilityInput {
        kinds: Some(vec![DutyKind::Care]),
        weekdays: Some(Weekdays::parse("w", days).unwrap()),
        shifts: Some((true, false)),
        ..Default::default()
    };
    rota::set_volunteer(&tx, &actor, MemberNo(1), &care("1-7"), d(TODAY)).unwrap();
    rota::set_volunteer(&tx, &actor, MemberNo(2), &care("1-5"), d(TODAY)).unwrap();
    let input = CaseInput {
        recipient: MemberNo(3),
        kind: DutyKind::Care,
        from: d("2026-12-01"),
        until: None,
        shifts: vec![ShiftSpec::parse("shift", "白班@08:00-20:00").unwrap()],
        weekdays: Weekdays::ALL,
        every_days: 1,
        address: String::new(),
        medicines: String::new(),
        family_to_call: String::new(),
        notes: String::new(),
    };
    rota::add_case(&tx, &actor, &input, &Localizer::new(Lang::ZhCn), d(TODAY)).unwrap();
    tx.commit().unwrap();
    conn
}

const DEC: Month = Month { year: 2026, month: 12 };

fn generate(conn: &mut Connection) {
    let tx = conn.transaction().unwrap();
    rota::generate(&tx, &Actor::new("test"), DEC, &Localizer::new(Lang::ZhCn)).unwrap();
    tx.commit().unwrap();
}

#[test]
fn volunteers_are_listed_with_their_availability() {
    let conn = village();
    let list = rota::list_volunteers(&conn).unwrap();
    let nos: Vec<i64> = list.iter().map(|a| a.member_no.0).collect();
    assert_eq!(nos, vec![2, 1], "volunteers come in pinyin order (李 before 张); the elder is not one");
    assert_eq!(list[0].weekdays, vec![1, 2, 3, 4, 5], "each with their weekdays");
}

#[test]
fn unfilled_slots_are_read_with_the_reason_as_they_stand_now() {
    let mut conn = village();
    let l10n = Localizer::new(Lang::EnUs);
    assert_eq!(rota::unfilled(&conn, DEC, &l10n).unwrap(), vec![], "a month never generated has no slots yet");
    generate(&mut conn);
    assert!(rota::unfilled(&conn, DEC, &l10n).unwrap().is_empty(), "two day volunteers fill one day shift a day");

    // Take the only weekend volunteer off a Saturday: someone is free, so the reason says so.
    let sat = rota::list_month(&conn, DEC).unwrap().into_iter().find(|s| s.date == d("2026-12-05")).unwrap();
    let tx = conn.transaction().unwrap();
    rota::unassign(&tx, &Actor::new("test"), sat.id, MemberNo(1)).unwrap();
    tx.commit().unwrap();
    let u = rota::unfilled(&conn, DEC, &l10n).unwrap();
    assert_eq!(u.len(), 1, "the emptied slot is listed: {u:?}");
    assert_eq!((u[0].slot, u[0].missing), (sat.id, 1));
    assert_eq!(u[0].reason, l10n.t("rota-unfilled-can-fill"), "someone could take it now");
    assert_eq!(rota::list_month(&conn, DEC).unwrap().iter().map(|s| s.assigned.len()).sum::<usize>(), 30, "reading writes nothing");

    // Now volunteer 1 is away that day: no one is left for a Saturday.
    let tx = conn.transaction().unwrap();
    let away = VolunteerAvailabilityInput { away: vec![(d("2026-12-05"), d("2026-12-05"))], ..Default::default() };
    rota::set_volunteer(&tx, &Actor::new("test"), MemberNo(1), &away, d(TODAY)).unwrap();
    tx.commit().unwrap();
    let u = rota::unfilled(&conn, DEC, &l10n).unwrap();
    assert_eq!(u[0].reason, l10n.t("rota-unfilled-all-away"), "the generator's reason in words");

    let tx = conn.transaction().unwrap();
    rota::set_locked(&tx, &Actor::new("test"), sat.id, true).unwrap();
    tx.commit().unwrap();
    let u = rota::unfilled(&conn, DEC, &Localizer::new(Lang::ZhCn)).unwrap();
    assert_eq!(u[0].reason, "已锁定，请手工安排人", "a locked short slot waits for a hand assignment");
}

#[test]
fn candidates_for_a_slot_put_the_free_first_and_say_why_the_others_cannot() {
    let mut conn = village();
    generate(&mut conn);
    let l10n = Localizer::new(Lang::ZhCn);
    let sun = rota::list_month(&conn, DEC).unwrap().into_iter().find(|s| s.date == d("2026-12-06")).unwrap();
    let on = sun.assigned[0].member_no;
    assert_eq!(on, MemberNo(1), "only volunteer 1 does Sundays");
    let c = rota::candidates(&conn, sun.id, &l10n).unwrap();
    assert_eq!(c.len(), 1, "the person already on the slot is not a candidate");
    assert_eq!(c[0].member_no, MemberNo(2));
    assert_eq!(c[0].blocked.as_deref(), Some("李建国 星期日没空。"), "the same sentence assign would refuse with");

    let mon = rota::list_month(&conn, DEC).unwrap().into_iter().find(|s| s.date == d("2026-12-07")).unwrap();
    let c = rota::candidates(&conn, mon.id, &l10n).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].blocked, None, "a weekday volunteer is free on a Monday");
    assert!(c[0].shifts > 0, "with their shifts this month");
}
