//! Care rotas through the core, on a temporary database file: volunteers, care cases,
//! generation, manual changes, locked shifts, outcomes and the time bank, visits and the overdue
//! list, pairings, the demo village, and the audit trail. (What the `huzhu` commands print and
//! refuse is in tests/cli/rota.rs; printed rosters in rota_print.rs; the screens' reads in
//! rota_screens.rs.)

mod common;

use std::collections::BTreeMap;

use common::rota::{
    add_case, case_input, en, generate, generate_in, pairing, people, record_done, record_missed, set_volunteer, slot_at, slots, village, weekdays, zh,
    AvailabilityInput, CaseInput, DutyKind, OutcomeKind, ShiftSpec, SlotId, Weekdays, DAY_SHIFT, NIGHT_SHIFT,
};
use common::{actor, add_person, count, day, month, refused, test_db, today, write, Month};
use huzhu::members::{self, Living, MemberNo, PersonInput, Status, StatusInput};
use huzhu::rota;
use huzhu::time_bank::{self, Hours};

fn nov() -> Month {
    month("2026-11")
}

fn dec() -> Month {
    month("2026-12")
}

#[test]
fn a_care_case_is_filled_for_the_month_without_breaking_a_hard_rule() {
    let (_d, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-01", None, &[DAY_SHIFT, NIGHT_SHIFT]));
    let report = generate(&mut conn, nov());
    let list = slots(&conn, nov());
    assert_eq!(list.len(), 60, "a slot per shift per day: 30 days × day and night");
    let mut by_person: BTreeMap<i64, Vec<_>> = BTreeMap::new();
    for s in &list {
        for p in people(s) {
            assert!([1, 2, 3].contains(&p), "only care volunteers go on a care case, not {p}");
            assert!(!(s.night && p == 1), "volunteer 1 does no nights, yet is on the night of {}", s.date);
            by_person.entry(p).or_default().push(s.interval().expect("a stored slot has readable times"));
        }
    }
    for (p, iv) in &by_person {
        for i in 0..iv.len() {
            for j in i + 1..iv.len() {
                assert!(!rota::generator::too_close(iv[i], iv[j], rota::DEFAULT_REST_HOURS * 60), "person {p} must rest between shifts: {:?} and {:?}", iv[i], iv[j]);
            }
        }
    }
    assert!(by_person[&2].len() <= 20, "volunteer 2's maximum of 20 shifts a month is kept: {}", by_person[&2].len());
    let short: Vec<SlotId> = list.iter().filter(|s| s.short() > 0).map(|s| s.id).collect();
    let reported: Vec<SlotId> = report.unfilled.iter().map(|u| u.slot).collect();
    assert_eq!(reported, short, "every slot left short is reported, and only those");
    generate(&mut conn, nov());
    assert_eq!(slots(&conn, nov()), list, "regenerating an unchanged month gives the same rota");
}

#[test]
fn unfilled_slots_are_reported_with_a_reason_in_words() {
    let (_d, mut conn) = village();
    // Hall duty: no volunteer does it.
    add_case(&mut conn, &case_input(5, DutyKind::Hall, "2026-12-06", Some("2026-12-06"), &[]));
    let r = generate(&mut conn, dec());
    assert_eq!(r.unfilled.len(), 1, "the one hall slot is unfilled: {:?}", r.unfilled);
    assert!(r.unfilled[0].reason.contains("没有志愿者能做活动中心值班"), "the reason names the missing kind of duty: {}", r.unfilled[0].reason);
    let r = generate_in(&mut conn, dec(), &en());
    assert!(r.unfilled[0].reason.contains("No volunteer does hall duty"), "the reason reads in English too: {}", r.unfilled[0].reason);
    // A Sunday night no one can do: the night volunteers are off on Sundays.
    set_volunteer(&mut conn, 2, AvailabilityInput { weekdays: weekdays("1-6"), ..Default::default() });
    set_volunteer(&mut conn, 3, AvailabilityInput { weekdays: weekdays("1-6"), ..Default::default() });
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-06", Some("2026-12-06"), &[NIGHT_SHIFT]));
    let r = generate_in(&mut conn, dec(), &en());
    let night = r.unfilled.iter().find(|u| u.start == "20:00").expect("the Sunday night is unfilled");
    assert!(night.reason.contains("No one available on Sundays at night"), "the reason names the day and the shift: {}", night.reason);
}

#[test]
fn manual_changes_are_checked_and_locked_or_hand_made_ones_survive_regeneration() {
    let (_d, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-01", Some("2026-11-10"), &[DAY_SHIFT, NIGHT_SHIFT]));
    generate(&mut conn, nov());
    let list = slots(&conn, nov());
    let night1 = slot_at(&list, "2026-11-01", "20:00");
    let assign = |conn: &mut rusqlite::Connection, no: i64| refused(conn, |tx| rota::assign(tx, &actor(), night1.id, MemberNo(no)));

    let e = refused(&mut conn, |tx| rota::unassign(tx, &actor(), night1.id, MemberNo(4)));
    assert_eq!(e.message_id(), "error-rota-not-on-slot", "only someone on a slot can be taken off it");
    let on_night = people(&night1)[0];
    write(&mut conn, |tx| rota::unassign(tx, &actor(), night1.id, MemberNo(on_night))).unwrap();
    let e = assign(&mut conn, 1);
    assert_eq!(e.message_id(), "error-rota-cannot-shift", "no one is put on a shift they do not do");
    assert!(e.localize(&zh()).contains("不值夜班") && e.localize(&en()).contains("does not do night shifts"), "the refusal says why, in either language");
    assert_eq!(assign(&mut conn, 4).message_id(), "error-rota-cannot-kind", "a visits-only volunteer is not put on care");
    assert_eq!(assign(&mut conn, 99).message_id(), "error-person-not-found", "an unknown number is refused");
    // Whoever has the day shift of 11-02 cannot take the night of 11-01: no rest between.
    let day2 = people(&slot_at(&list, "2026-11-02", "08:00"))[0];
    if day2 != 1 {
        assert_eq!(assign(&mut conn, day2).message_id(), "error-rota-cannot-busy", "a night straight before one's own day shift is refused");
    }
    // A free night volunteer by hand; then lock another slot.
    let hand = [2, 3]
        .into_iter()
        .find(|&p| write(&mut conn, |tx| rota::assign(tx, &actor(), night1.id, MemberNo(p))).is_ok())
        .expect("2 or 3 can take the first night");
    let day1 = slot_at(&list, "2026-11-01", "08:00");
    write(&mut conn, |tx| rota::set_locked(tx, &actor(), day1.id, true)).unwrap();
    let now = rota::get_slot(&conn, night1.id).unwrap();
    assert!(now.assigned[0].by_hand, "an assignment made by hand is marked so");
    assert!(rota::why_text(&now.assigned[0].why, &zh()).contains("手工安排"), "and says so in words");

    // Others change their availability; regeneration keeps the locked and hand-made ones.
    set_volunteer(&mut conn, people(&day1)[0], AvailabilityInput { weekdays: weekdays("7"), ..Default::default() });
    set_volunteer(&mut conn, hand, AvailabilityInput { max_shifts: Some("1".into()), ..Default::default() });
    generate(&mut conn, nov());
    let after = slots(&conn, nov());
    let get = |id: SlotId| after.iter().find(|s| s.id == id).unwrap().clone();
    assert_eq!(people(&get(day1.id)), people(&day1), "a locked slot keeps its people, though they are no longer free then");
    assert!(get(day1.id).locked, "and stays locked");
    assert_eq!(people(&get(night1.id)), vec![hand], "a hand-made assignment survives regeneration");
    let hand_count = after.iter().filter(|s| people(s).contains(&hand)).count();
    assert_eq!(hand_count, 1, "the generator keeps the new maximum of one shift, counting the kept one");
}

#[test]
fn swapping_two_people_checks_both_moves() {
    let (_d, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-01", Some("2026-11-07"), &[DAY_SHIFT]));
    generate(&mut conn, nov());
    let list = slots(&conn, nov());
    // Two care day shifts a day or more apart (12 hours' rest between): any two care volunteers
    // can swap them.
    let x = slot_at(&list, "2026-11-03", "08:00");
    let px = people(&x)[0];
    let y = ["2026-11-04", "2026-11-05", "2026-11-06"].iter().map(|d| slot_at(&list, d, "08:00")).find(|s| people(s)[0] != px).unwrap();
    let py = people(&y)[0];
    write(&mut conn, |tx| rota::swap(tx, &actor(), x.id, MemberNo(px), y.id, MemberNo(py))).unwrap();
    let (x2, y2) = (rota::get_slot(&conn, x.id).unwrap(), rota::get_slot(&conn, y.id).unwrap());
    assert_eq!((people(&x2), people(&y2)), (vec![py], vec![px]), "the two people changed places");
    assert!(x2.assigned[0].by_hand && y2.assigned[0].by_hand, "a swapped assignment is a hand-made one");

    // A visit and a care shift: swapping the visitor onto care, or the carer onto a visit, is
    // refused whole.
    add_case(&mut conn, &case_input(6, DutyKind::Visit, "2026-11-02", Some("2026-11-06"), &["探望@09:00-10:00"]));
    generate(&mut conn, nov());
    let list = slots(&conn, nov());
    let visit = slot_at(&list, "2026-11-05", "09:00");
    let v = people(&visit)[0];
    let care = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]
        .iter()
        .map(|d| slot_at(&list, d, "08:00"))
        .find(|s| people(s)[0] != v)
        .expect("a care day shift with someone other than the visitor");
    let c = people(&care)[0];
    // Whichever way round it is asked for: each of the two moves is checked.
    let e = refused(&mut conn, |tx| rota::swap(tx, &actor(), visit.id, MemberNo(v), care.id, MemberNo(c)));
    assert_eq!(e.message_id(), "error-rota-cannot-kind", "a swap that puts someone on a kind of duty they do not do is refused");
    let e = refused(&mut conn, |tx| rota::swap(tx, &actor(), care.id, MemberNo(c), visit.id, MemberNo(v)));
    assert_eq!(e.message_id(), "error-rota-cannot-kind", "the same swap asked the other way round is refused too");
    let e = refused(&mut conn, |tx| rota::swap(tx, &actor(), visit.id, MemberNo(3), care.id, MemberNo(c)));
    assert_eq!(e.message_id(), "error-rota-not-on-slot", "both people must be on the slots they leave");
}

#[test]
fn bad_rota_input_is_refused_with_the_rule_named_and_changes_nothing() {
    let (_d, mut conn) = village();
    let id = |r: huzhu::Result<ShiftSpec>| r.unwrap_err().message_id().to_string();
    assert_eq!(id(ShiftSpec::parse("shift", "白班@25:00-08:00")), "error-rota-time-invalid", "an hour past 24 is not a time");
    assert_eq!(id(ShiftSpec::parse("shift", "Day@8h-20h")), "error-rota-time-invalid", "times are HH:MM");
    assert_eq!(id(ShiftSpec::parse("shift", "白班")), "error-rota-shift-invalid", "a shift needs its times");
    assert_eq!(Weekdays::parse("weekdays", "1,8").unwrap_err().message_id(), "error-rota-weekday-invalid", "weekdays are 1 to 7");
    assert_eq!(Month::parse("month", "2026-13").unwrap_err().message_id(), "error-month-invalid", "there is no 13th month");
    assert_eq!(rota::date_range("away", "2026-12-10", "2026-12-01").unwrap_err().message_id(), "error-rota-range-reversed", "a range runs forwards");

    let e = refused(&mut conn, |tx| rota::set_volunteer(tx, &actor(), MemberNo(77), &AvailabilityInput::default(), today()));
    assert_eq!(e.message_id(), "error-person-not-found", "a volunteer must be in the register");
    let away = AvailabilityInput { away: vec![("2026-12-10".into(), "2026-12-01".into())], ..Default::default() };
    let e = refused(&mut conn, |tx| rota::set_volunteer(tx, &actor(), MemberNo(1), &away, today()));
    assert_eq!(e.message_id(), "error-rota-range-reversed", "an absence ends after it starts");
    let add = |conn: &mut rusqlite::Connection, input: CaseInput| refused(conn, |tx| rota::add_case(tx, &actor(), &input, &zh(), today()));
    assert_eq!(add(&mut conn, case_input(77, DutyKind::Care, "2026-11-01", None, &[])).message_id(), "error-person-not-found", "a case is for someone in the register");
    assert_eq!(
        add(&mut conn, case_input(5, DutyKind::Care, "2026-11-10", Some("2026-11-01"), &[])).message_id(),
        "error-rota-range-reversed",
        "a case ends after it starts"
    );
    let e = refused(&mut conn, |tx| rota::add_pairing(tx, &actor(), &pairing(5, 6, "7", ""), &zh(), today()));
    assert_eq!(e.message_id(), "error-rota-not-volunteer", "only a registered volunteer is paired with an elder");
    let e = refused(&mut conn, |tx| record_done(tx, SlotId(12345), None, None, ""));
    assert_eq!(e.message_id(), "error-rota-slot-not-found", "an outcome is for a slot that exists");
}

/// The rota's forms as the screen sends them: each field read in the core, a bad one refused
/// with its message beside it (the error names the field), and nothing written.
#[test]
fn rota_forms_are_read_in_the_core_and_errors_name_their_field() {
    let (_d, mut conn) = village();
    let before = count(&conn, "audit_log");
    let field = |e: huzhu::Error| (e.message_id().to_string(), e.field().map(str::to_string));
    let is = |id: &str, f: &str| (id.to_string(), Some(f.to_string()));
    let add = |conn: &mut rusqlite::Connection, input: CaseInput| field(refused(conn, |tx| rota::add_case(tx, &actor(), &input, &zh(), today())));
    let case = || case_input(5, DutyKind::Care, "2026-11-01", None, &[DAY_SHIFT]);
    assert_eq!(add(&mut conn, CaseInput { recipient: None, ..case() }), is("error-rota-recipient-required", "recipient"), "a case is for someone");
    assert_eq!(add(&mut conn, CaseInput { from: "11/01/2026".into(), ..case() }), is("error-date-invalid", "from"));
    assert_eq!(add(&mut conn, CaseInput { until: "2026-11-31".into(), ..case() }), is("error-date-invalid", "until"));
    assert_eq!(add(&mut conn, CaseInput { weekdays: vec![], ..case() }), is("error-rota-weekday-invalid", "weekdays"), "at least one day ticked");
    assert_eq!(add(&mut conn, CaseInput { every_days: "0".into(), ..case() }), is("error-rota-every-days", "every_days"));
    assert_eq!(add(&mut conn, CaseInput { every_days: "每周".into(), ..case() }), is("error-rota-every-days", "every_days"));
    let mut bad_row = case();
    bad_row.shifts[0].people = "两".into();
    assert_eq!(add(&mut conn, bad_row), is("error-rota-shift-people", "shift"), "a shift row's people is a number");

    let pair = |conn: &mut rusqlite::Connection, input: rota::PairingInput| field(refused(conn, |tx| rota::add_pairing(tx, &actor(), &input, &zh(), today())));
    assert_eq!(pair(&mut conn, rota::PairingInput { volunteer: None, ..pairing(1, 6, "7", "") }), is("error-rota-volunteer-required", "volunteer"));
    assert_eq!(pair(&mut conn, rota::PairingInput { elder: None, ..pairing(1, 6, "7", "") }), is("error-rota-recipient-required", "elder"));
    assert_eq!(pair(&mut conn, pairing(1, 6, "0", "")), is("error-rota-every-days", "every_days"));
    assert_eq!(pair(&mut conn, pairing(1, 6, "7", "2026-02-30")), is("error-date-invalid", "from"));

    let set = |conn: &mut rusqlite::Connection, input: AvailabilityInput| field(refused(conn, |tx| rota::set_volunteer(tx, &actor(), MemberNo(1), &input, today())));
    assert_eq!(set(&mut conn, AvailabilityInput { max_shifts: Some("94".into()), ..Default::default() }), is("error-rota-max-shifts", "max_shifts"));
    assert_eq!(set(&mut conn, AvailabilityInput { max_shifts: Some("十".into()), ..Default::default() }), is("error-number-invalid", "max_shifts"));
    assert_eq!(set(&mut conn, AvailabilityInput { weekdays: Some(vec![]), ..Default::default() }), is("error-rota-weekday-invalid", "weekdays"));
    assert_eq!(set(&mut conn, AvailabilityInput { away: vec![(String::new(), "2026-12-01".into())], ..Default::default() }), is("error-date-invalid", "away"), "an absence starts somewhere");

    let outcome = |kind, by: Option<MemberNo>, hours: &str| rota::OutcomeInput { slot: SlotId(1), person: None, kind, by, hours: hours.into() };
    assert_eq!(field(outcome(OutcomeKind::Covered, None, "").outcome().unwrap_err()), is("error-rota-cover-required", "by"), "a covered shift names who covered");
    assert_eq!(field(outcome(OutcomeKind::Done, None, "25").outcome().unwrap_err()), is("error-rota-hours-invalid", "hours"));
    assert_eq!(outcome(OutcomeKind::Missed, None, "25").outcome().unwrap(), rota::Outcome::Missed, "a missed shift has no hours to read");
    assert_eq!(outcome(OutcomeKind::Done, None, " 1.5 ").outcome().unwrap(), rota::Outcome::Done { minutes: Some(90) });
    assert_eq!(field(rota::overdue(&conn, "七", today(), huzhu::members::Phones::Masked).unwrap_err()), is("error-number-invalid", "days"), "days are a whole number");
    assert_eq!(field(rota::overdue(&conn, "0", today(), huzhu::members::Phones::Masked).unwrap_err()), is("error-number-invalid", "days"));
    assert_eq!(count(&conn, "audit_log"), before, "no refused form wrote anything");
}

#[test]
fn done_shifts_keep_everything_the_time_bank_needs_exactly_once() {
    let (_d, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-01", Some("2026-11-03"), &[DAY_SHIFT]));
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-20", Some("2026-12-20"), &[DAY_SHIFT]));
    generate(&mut conn, nov());
    generate(&mut conn, dec());
    let list = slots(&conn, nov());
    let (a, b, c) = (&list[0], &list[1], &list[2]);
    let done = write(&mut conn, |tx| record_done(tx, a.id, None, None, "")).unwrap();
    assert_eq!((done[0].kind, done[0].minutes), (OutcomeKind::Done, 720), "a done shift counts the shift's length by default");
    let e = refused(&mut conn, |tx| record_done(tx, a.id, None, None, ""));
    assert_eq!(e.message_id(), "error-rota-already-recorded", "a shift is recorded once");
    // Covered by someone else, with hours given.
    let cover = if people(b)[0] == 2 { 3 } else { 2 };
    let done = write(&mut conn, |tx| record_done(tx, b.id, None, Some(cover), "10.5")).unwrap();
    assert_eq!((done[0].kind, done[0].minutes, done[0].worker), (OutcomeKind::Covered, 630, Some(MemberNo(cover))), "a covered shift is credited to who served");
    // Missed: no hours.
    write(&mut conn, |tx| record_missed(tx, c.id, None)).unwrap();
    let rows: Vec<(i64, String, Option<i64>, i64, String)> = conn
        .prepare("SELECT slot_id, outcome, worker_id, minutes, date FROM shift_outcome ORDER BY slot_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3, "each outcome is one row");
    assert_eq!((rows[2].1.as_str(), rows[2].2, rows[2].3), ("missed", None, 0), "a missed shift credits no one");
    assert!(rows.iter().all(|r| !r.4.is_empty()), "each record keeps its date");
    // The time bank credited the done and the covering shift, once each, and no one for the miss.
    let a_person = people(a)[0];
    for no in [1, 2, 3] {
        let mut half_hours = 0;
        if no == a_person {
            half_hours += 24;
        }
        if no == cover {
            half_hours += 21;
        }
        assert_eq!(time_bank::balance(&conn, MemberNo(no)).unwrap().half_hours(), half_hours, "member {no}'s time-bank balance is what they served");
    }
    let credited: i64 = conn.query_row("SELECT count(*) FROM shift_outcome WHERE time_entry_id IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(credited, 2, "each served shift names its time-bank entry");
    // Crediting the same shift again (say, a retried command) changes nothing.
    let source = format!("shift:{}:{}", a.id.0, a_person);
    let again = write(&mut conn, |tx| time_bank::credit_service(tx, &actor(), MemberNo(a_person), Hours::from_half_hours(24), day("2026-11-01"), &source, today())).unwrap();
    assert_eq!(again, None, "a shift is credited exactly once");
    // A shift still ahead cannot be done.
    let dec20 = slots(&conn, dec())[0].id;
    let e = refused(&mut conn, |tx| record_done(tx, dec20, None, None, ""));
    assert_eq!(e.message_id(), "error-rota-not-yet", "a shift after today cannot be recorded done");
    // Regenerating November keeps the recorded ones.
    generate(&mut conn, nov());
    assert_eq!(people(&slots(&conn, nov())[0]), people(a), "a done shift keeps its person");
}

/// Adds an elder with how they live; returns the register number.
fn elder(conn: &mut rusqlite::Connection, name: &str, living: Living) -> i64 {
    add_person(conn, &PersonInput { living: Some(living), ..PersonInput::member(name) }).unwrap().member_no.0
}

fn log_contact(conn: &mut rusqlite::Connection, elder: i64, by: i64, date: &str, call: bool) {
    let input = rota::ContactInput { elder: MemberNo(elder), by: Some(MemberNo(by)), date: date.into(), call, notes: String::new() };
    write(conn, |tx| rota::log_contact(tx, &actor(), &input, today())).unwrap();
}

/// (register number, name, days since the last contact) of each elder on the overdue list.
fn overdue(conn: &rusqlite::Connection, days: i64) -> Vec<(i64, String, Option<i64>)> {
    rota::overdue(conn, &days.to_string(), today(), huzhu::members::Phones::Masked).unwrap().into_iter().map(|o| (o.member_no.0, o.name, o.days)).collect()
}

#[test]
fn elders_living_alone_are_overdue_until_visited_or_called_within_the_days() {
    let (_d, mut conn) = village(); // 6 黄玉喆 lives alone, never visited
    let nine_ago = elder(&mut conn, "周阿婆", Living::Alone);
    let called = elder(&mut conn, "吴阿伯", Living::Alone);
    let seven_ago = elder(&mut conn, "郑阿婆", Living::Alone);
    let six_ago = elder(&mut conn, "刘阿伯", Living::Alone);
    let with_children = elder(&mut conn, "许阿婆", Living::WithChildren);
    let deceased = elder(&mut conn, "蔡阿伯", Living::Alone);
    let shift_done = elder(&mut conn, "何阿婆", Living::Alone);
    let shift_missed = elder(&mut conn, "孙阿伯", Living::Alone);
    log_contact(&mut conn, nine_ago, 4, "2026-11-20", false);
    log_contact(&mut conn, called, 1, "2026-11-27", true);
    log_contact(&mut conn, seven_ago, 4, "2026-11-22", false);
    log_contact(&mut conn, six_ago, 4, "2026-11-23", false);
    write(&mut conn, |tx| members::set_status(tx, &actor(), MemberNo(deceased), &StatusInput::new(Status::Deceased, "2026-11-01", ""), today())).unwrap();
    // A visit shift done three days ago counts as a visit; a missed one does not.
    add_case(&mut conn, &case_input(shift_done, DutyKind::Visit, "2026-11-26", Some("2026-11-26"), &["探望@09:00-10:00"]));
    add_case(&mut conn, &case_input(shift_missed, DutyKind::Visit, "2026-11-27", Some("2026-11-27"), &["探望@09:00-10:00"]));
    generate(&mut conn, nov());
    let list = slots(&conn, nov());
    write(&mut conn, |tx| record_done(tx, slot_at(&list, "2026-11-26", "09:00").id, None, None, "")).unwrap();
    write(&mut conn, |tx| record_missed(tx, slot_at(&list, "2026-11-27", "09:00").id, None)).unwrap();

    let s = |n: &str| n.to_string();
    assert_eq!(
        overdue(&conn, 7),
        vec![(6, s("黄玉喆"), None), (shift_missed, s("孙阿伯"), None), (nine_ago, s("周阿婆"), Some(9)), (seven_ago, s("郑阿婆"), Some(7))],
        "overdue after 7 days: the never visited first (a missed shift is no visit), then the longest \
         without contact, 7 days included; not the one called 2 days ago, visited 6 days ago or seen \
         on a done shift 3 days ago, nor those not living alone ({with_children}) or deceased ({deceased})"
    );
    let three: Vec<i64> = overdue(&conn, 3).into_iter().map(|o| o.0).collect();
    assert_eq!(three, vec![6, shift_missed, nine_ago, seven_ago, six_ago, shift_done], "the number of days is the caller's: after 3, the 3-day-old visit counts too, the 2-day-old call does not");

    log_contact(&mut conn, 6, 1, "2026-11-27", true);
    assert!(!overdue(&conn, 7).iter().any(|o| o.0 == 6), "a call two days ago takes 黄玉喆 off the list");
    let e = refused(&mut conn, |tx| rota::log_contact(tx, &actor(), &rota::ContactInput { elder: MemberNo(6), by: None, date: "2026-11-30".into(), call: false, notes: String::new() }, today()));
    assert_eq!(e.message_id(), "error-date-future", "a visit cannot be logged for a day still ahead");
}

#[test]
fn pairings_always_keep_their_volunteer() {
    let (_d, mut conn) = village();
    write(&mut conn, |tx| rota::add_pairing(tx, &actor(), &pairing(1, 6, "7", "2026-12-02"), &zh(), today())).unwrap();
    // Others are free and have less to do; the visits still go to 1.
    generate(&mut conn, dec());
    let list = slots(&conn, dec());
    let dates: Vec<String> = list.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(dates, ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23", "2026-12-30"], "a weekly pairing visits every seventh day from its start");
    assert!(list.iter().all(|s| people(s) == vec![1]), "every visit goes to the paired volunteer");
    write(&mut conn, |tx| rota::unassign(tx, &actor(), list[0].id, MemberNo(1))).unwrap();
    let e = refused(&mut conn, |tx| rota::assign(tx, &actor(), list[0].id, MemberNo(4)));
    assert_eq!(e.message_id(), "error-rota-cannot-paired", "no one else may take a paired visit");
    let e = refused(&mut conn, |tx| rota::add_pairing(tx, &actor(), &pairing(1, 6, "7", ""), &zh(), today()));
    assert_eq!(e.message_id(), "error-rota-pair-exists", "a volunteer and an elder are paired once");
}

/// The demo village, built on `today()` with a seed, and its December rota.
fn demo(seed: u64) -> (tempfile::TempDir, rusqlite::Connection, Vec<common::rota::Slot>) {
    let (d, mut conn) = test_db();
    write(&mut conn, |tx| huzhu::demo::build(tx, &actor(), 120, seed, today())).unwrap();
    generate(&mut conn, dec());
    let list = slots(&conn, dec());
    (d, conn, list)
}

#[test]
fn the_demo_village_has_rotas_and_the_same_seed_gives_the_same_month() {
    // Seed 1 gives a village whose elders living alone were visited 1 to 13 days ago, or never.
    let (_a, conn, one) = demo(1);
    let (_b, _, two) = demo(1);
    assert!(!one.is_empty(), "the demo has care cases");
    assert_eq!(one, two, "same seed, same rota");
    let filled = one.iter().filter(|s| s.short() == 0).count();
    assert!(filled * 10 >= one.len() * 9, "a demo month is mostly filled: {filled}/{}", one.len());

    // The demo logs visits to some elders living alone lately and to others long ago: its
    // overdue list must be exactly those with no contact in 7 days, by the register.
    let alone: Vec<(i64, String, Option<String>)> = conn
        .prepare(
            "SELECT p.member_no, p.name, (SELECT max(date) FROM contact_log c WHERE c.elder_id = p.id)
             FROM person p WHERE p.living = 'alone' AND p.status = 'active' ORDER BY p.member_no",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let done_shifts: i64 = conn.query_row("SELECT count(*) FROM shift_outcome", [], |r| r.get(0)).unwrap();
    assert_eq!(done_shifts, 0, "the demo records no outcomes, so contacts are the logged ones only");
    let mut expected: Vec<(i64, String, Option<i64>)> = alone
        .iter()
        .map(|(no, name, last)| (*no, name.clone(), last.as_deref().map(|l| (today() - day(l)).num_days())))
        .filter(|(_, _, days)| days.is_none_or(|d| d >= 7))
        .collect();
    expected.sort_by_key(|(no, _, days)| (std::cmp::Reverse(days.unwrap_or(i64::MAX)), *no));
    let seen_lately = alone.len() - expected.len();
    assert!(!expected.is_empty() && seen_lately > 0, "the demo has elders both overdue ({}) and seen within 7 days ({seen_lately})", expected.len());
    assert_eq!(overdue(&conn, 7), expected, "the overdue list is every active elder living alone without contact for 7 days or more, longest first");
}

#[test]
fn every_rota_write_is_audited_in_the_same_transaction() {
    let (_d, mut conn) = test_db();
    let tx = conn.transaction().unwrap();
    let v = PersonInput { volunteer: true, ..PersonInput::member("张秀兰") };
    members::add(&tx, &actor(), &v, today()).unwrap();
    members::add(&tx, &actor(), &PersonInput::member("林炎堃"), today()).unwrap();
    let n0 = huzhu::audit::count(&tx).unwrap();
    rota::set_volunteer(&tx, &actor(), MemberNo(1), &AvailabilityInput::default(), today()).unwrap();
    // A visit for two people, with one volunteer: one place stays open.
    let input = case_input(2, DutyKind::Visit, "2026-11-02", Some("2026-11-02"), &["探望@09:00-10:00x2"]);
    rota::add_case(&tx, &actor(), &input, &zh(), today()).unwrap();
    rota::generate(&tx, &actor(), nov(), &zh()).unwrap();
    rota::set_locked(&tx, &actor(), SlotId(1), true).unwrap();
    record_done(&tx, SlotId(1), None, None, "").unwrap();
    assert_eq!(
        huzhu::audit::count(&tx).unwrap() - n0,
        6,
        "availability, case, generation, lock, outcome and its time-bank deposit each leave one audit row"
    );
    assert_eq!(time_bank::balance(&tx, MemberNo(1)).unwrap().to_string(), "1", "the done one-hour visit is credited in the same transaction");
    tx.commit().unwrap();
    // A refused write leaves no audit row either (the caller's transaction is dropped).
    let audits = count(&conn, "audit_log");
    let e = refused(&mut conn, |tx| rota::assign(tx, &actor(), SlotId(1), MemberNo(2)));
    assert_eq!(e.message_id(), "error-rota-not-volunteer", "a non-volunteer cannot be assigned, even to a slot with room");
    assert_eq!(count(&conn, "audit_log"), audits, "a refused write leaves no audit row");
}
