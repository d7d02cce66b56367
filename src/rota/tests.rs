//! The generator's rules, checked on hand-made cases and, with proptest, on random villages.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use proptest::prelude::*;

use super::generator::{self, block, too_close, Input, Kept, Load, SlotNeed, Volunteer, RotaWhy};
use super::{interval, is_night, DutyKind, ShiftSpec, Weekdays};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn vol(id: i64) -> Volunteer {
    Volunteer {
        id,
        name: format!("v{id}"),
        group: String::new(),
        kinds: DutyKind::ALL.to_vec(),
        weekdays: Weekdays::ALL,
        day: true,
        night: true,
        max_shifts: None,
        absences: vec![],
        history: Load::default(),
        trainings: vec![],
    }
}

fn slot(id: i64, date: NaiveDate, start: NaiveTime, end: NaiveTime) -> SlotNeed {
    let (a, b) = interval(date, start, end);
    SlotNeed { id, date, start: a, end: b, kind: DutyKind::Care, night: is_night(start, end), people: 1, group: String::new(), paired: None, training: None }
}

/// A care case's day and night shifts for every day of December 2026.
fn day_and_night(days: u32) -> Vec<SlotNeed> {
    let mut v = Vec::new();
    for day in 1..=days {
        v.push(slot(i64::from(day) * 2, d(2026, 12, day), t(8, 0), t(20, 0)));
        v.push(slot(i64::from(day) * 2 + 1, d(2026, 12, day), t(20, 0), t(8, 0)));
    }
    v
}

#[test]
fn weekdays_and_times_parse_and_refuse_bad_input() {
    assert_eq!(Weekdays::parse("w", "1,2,3").unwrap().days(), vec![1, 2, 3]);
    assert_eq!(Weekdays::parse("w", "1-5").unwrap().days(), vec![1, 2, 3, 4, 5]);
    assert_eq!(Weekdays::parse("w", "1..7").unwrap(), Weekdays::ALL);
    for bad in ["8", "0", "1,8", "5-3", "", "x"] {
        let e = Weekdays::parse("weekdays", bad).unwrap_err();
        assert_eq!(e.message_id(), "error-rota-weekday-invalid", "weekday {bad:?} must be refused");
    }
    assert!(ShiftSpec::parse("s", "白班@08:00-20:00").unwrap().people == 1);
    let night = ShiftSpec::parse("s", "夜班@20:00-08:00x2").unwrap();
    assert_eq!((night.people, night.minutes(), night.is_night()), (2, 12 * 60, true), "a night shift ends the next day");
    for bad in ["白班@25:00-08:00", "白班@8-20", "白班@08:60-20:00", "白班08:00-20:00", "@08:00-20:00", "x@08:00-08:00"] {
        assert!(ShiftSpec::parse("shift", bad).is_err(), "{bad:?} must be refused");
    }
    assert_eq!(ShiftSpec::parse("shift", "a@8:61-9:00").unwrap_err().message_id(), "error-rota-time-invalid");
    let range = |s: &str| super::split_range("away", s).and_then(|(a, b)| super::date_range("away", &a, &b));
    assert_eq!(range("2026-12-10..2026-12-01").unwrap_err().message_id(), "error-rota-range-reversed");
    assert_eq!(range("2026-12-10").unwrap_err().message_id(), "error-rota-range-invalid", "a range has two ends");
    assert_eq!(range(" 2026-12-01 .. 2026-12-03 ").unwrap(), (d(2026, 12, 1), d(2026, 12, 3)));
    assert_eq!(super::date_range("away", "2026-12-01", " ").unwrap(), (d(2026, 12, 1), d(2026, 12, 1)), "a blank last day is the first");
}

#[test]
fn shift_rows_and_ticked_days_are_read_as_the_form_sends_them() {
    use super::ShiftInput;
    let row = |name: &str, start: &str, end: &str, people: &str| ShiftInput { name: name.into(), start: start.into(), end: end.into(), people: people.into() };
    let night = row(" 夜班 ", "20:00", "08:00", "2").parse("shift").unwrap();
    assert_eq!((night.name.as_str(), night.people, night.is_night()), ("夜班", 2, true), "a row reads like the typed NAME@HH:MM-HH:MMxN");
    assert_eq!(ShiftInput::split("shift", "夜班@20:00-08:00x2").unwrap(), row("夜班", "20:00", "08:00", "2"), "the command line's form splits into the row");
    assert_eq!(night.to_input().parse("shift").unwrap(), night, "a shift shown as a row reads back as itself");
    let id = |r: ShiftInput| r.parse("shift").unwrap_err().message_id();
    assert_eq!(id(row("白班", "8点", "20:00", "1")), "error-rota-time-invalid");
    assert_eq!(id(row("白班", "08:00", "20:00", "两")), "error-rota-shift-people", "people is a number");
    assert_eq!(id(row("白班", "08:00", "20:00", "21")), "error-rota-shift-people");
    assert_eq!(id(row("", "08:00", "20:00", "1")), "error-rota-shift-name");
    assert_eq!(id(row("白班", "08:00", "08:00", "1")), "error-rota-shift-empty");
    assert_eq!(Weekdays::from_days("weekdays", &[5, 1, 3]).unwrap().days(), vec![1, 3, 5]);
    for bad in [&[][..], &[0], &[8], &[1, 9]] {
        assert_eq!(Weekdays::from_days("weekdays", bad).unwrap_err().message_id(), "error-rota-weekday-invalid", "{bad:?} ticked");
    }
}

#[test]
fn shifts_that_touch_or_leave_too_little_rest_are_too_close() {
    let night = interval(d(2026, 12, 1), t(20, 0), t(8, 0));
    let next_day = interval(d(2026, 12, 2), t(8, 0), t(20, 0));
    let same_day = interval(d(2026, 12, 1), t(8, 0), t(20, 0));
    let later = interval(d(2026, 12, 2), t(17, 0), t(18, 0));
    assert!(too_close(night, next_day, 8 * 60), "a night followed by the next day's day shift");
    assert!(too_close(same_day, night, 8 * 60), "a day shift followed by that night's");
    assert!(too_close(same_day, night, 0), "touching shifts are back-to-back even with no rest rule");
    assert!(!too_close(night, later, 8 * 60), "nine hours after a night is enough rest");
}

#[test]
fn two_volunteers_alternate_day_and_night_without_back_to_back_shifts() {
    let input = Input { rest_minutes: 8 * 60, slots: day_and_night(10), volunteers: vec![vol(1), vol(2), vol(3)], kept: vec![] };
    let out = generator::generate(&input);
    assert!(out.unfilled.is_empty(), "three volunteers can cover day and night: {:?}", out.unfilled);
    check_hard_rules(&input, &out);
    let counts = counts(&out);
    let (lo, hi) = (counts.values().min().unwrap(), counts.values().max().unwrap());
    assert!(hi - lo <= 1, "identical volunteers get shares within one: {counts:?}");
}

#[test]
fn an_unfillable_night_says_why() {
    let mut v = vol(1);
    v.night = false;
    let mut w = vol(2);
    w.weekdays = Weekdays::parse("w", "1-6").unwrap();
    // 2026-12-06 is a Sunday.
    let input = Input { rest_minutes: 480, slots: vec![slot(1, d(2026, 12, 6), t(20, 0), t(8, 0))], volunteers: vec![v, w], kept: vec![] };
    let out = generator::generate(&input);
    assert_eq!(out.unfilled.len(), 1);
    let r = &out.unfilled[0].reason;
    assert_eq!(r.id, "rota-unfilled-no-shift");
    let l = crate::i18n::Localizer::new(crate::i18n::Lang::EnUs);
    assert_eq!(super::reason_text(r, &l), "No one available on Sundays at night");
    let z = crate::i18n::Localizer::new(crate::i18n::Lang::ZhCn);
    assert_eq!(super::reason_text(r, &z), "没有人能在星期日值夜班");
}

#[test]
fn a_pairing_keeps_its_volunteer_even_when_others_have_less_to_do() {
    let mut s = slot(1, d(2026, 12, 3), t(9, 0), t(10, 0));
    s.kind = DutyKind::Visit;
    s.paired = Some(2);
    let mut busy = vol(2);
    busy.history = Load { shifts: 30, minutes: 3000, weekend: 5, night: 5 };
    let input = Input { rest_minutes: 480, slots: vec![s.clone()], volunteers: vec![vol(1), busy.clone()], kept: vec![] };
    let out = generator::generate(&input);
    assert_eq!(out.assignments.len(), 1);
    assert_eq!((out.assignments[0].person, &out.assignments[0].why), (2, &RotaWhy::Paired), "the paired volunteer visits");
    // Away: the slot stays empty rather than going to someone else.
    busy.absences = vec![(d(2026, 12, 1), d(2026, 12, 5))];
    let input = Input { rest_minutes: 480, slots: vec![s], volunteers: vec![vol(1), busy], kept: vec![] };
    let out = generator::generate(&input);
    assert!(out.assignments.is_empty(), "no one else takes a pairing's visit");
    assert_eq!(out.unfilled[0].reason.id, "rota-unfilled-paired-away");
}

#[test]
fn the_recipients_group_is_preferred_among_equally_loaded_volunteers() {
    let mut s = slot(1, d(2026, 12, 3), t(9, 0), t(10, 0));
    s.group = "3组".into();
    let mut near = vol(9);
    near.group = "3组".into();
    let input = Input { rest_minutes: 480, slots: vec![s], volunteers: vec![vol(1), near], kept: vec![] };
    let out = generator::generate(&input);
    assert_eq!(out.assignments[0].person, 9);
    assert_eq!(out.assignments[0].why, RotaWhy::LeastLoaded { candidates: 2, shifts: 0, same_group: true });
}

#[test]
fn earlier_months_count_towards_fairness() {
    let mut veteran = vol(1);
    veteran.history = Load { shifts: 6, minutes: 6 * 720, weekend: 2, night: 3 };
    let input = Input { rest_minutes: 480, slots: day_and_night(4), volunteers: vec![veteran, vol(2), vol(3)], kept: vec![] };
    let out = generator::generate(&input);
    let c = counts(&out);
    assert!(c.get(&1).copied().unwrap_or(0) < c[&2], "who did more before gets fewer now: {c:?}");
}

#[test]
fn kept_assignments_are_not_moved_and_block_their_persons_time() {
    let slots = day_and_night(3);
    let kept = vec![Kept {
        slot: slots[1].id,
        person: 1,
        start: slots[1].start,
        end: slots[1].end,
        in_month: true,
        weekend: false,
        night: true,
    }];
    let input = Input { rest_minutes: 480, slots: slots.iter().filter(|s| s.id != slots[1].id).cloned().collect(), volunteers: vec![vol(1), vol(2), vol(3)], kept };
    let out = generator::generate(&input);
    check_hard_rules(&input, &out);
    // Person 1 is on night 1 → not on day 1 nor day 2.
    let p1: Vec<i64> = out.assignments.iter().filter(|a| a.person == 1).map(|a| a.slot).collect();
    assert!(!p1.contains(&slots[0].id) && !p1.contains(&slots[2].id), "no shift touching the kept night: {p1:?}");
}

/// Found by random villages (shrunk; the seed kept in proptest-regressions is the same with
/// Mondays and Tuesdays only, 8 and 12 shifts): two volunteers who come on Mondays, Tuesdays and
/// Thursdays; a care case with day and night shifts every day and a visit at nine on Mondays.
/// The rest rule ties Monday to Tuesday: whoever has Monday night (and so the Monday visit,
/// which the day shift overlaps) cannot take Tuesday's day shift, so one has both days and the
/// other both nights and the visit, 2 against 3 each week. Exchanging one day at a time cannot
/// change that and left them at 12 and 16; the two days together give 14 and 14.
#[test]
fn days_the_rest_rule_ties_together_change_hands_together() {
    let mut slots = Vec::new();
    for day in 1..=28 {
        let date = d(2027, 1, day);
        slots.push(slot(i64::from(day) * 10, date, t(8, 0), t(20, 0)));
        slots.push(slot(i64::from(day) * 10 + 1, date, t(20, 0), t(8, 0)));
        if date.weekday() == chrono::Weekday::Mon {
            slots.push(slot(i64::from(day) * 10 + 2, date, t(9, 0), t(10, 0)));
        }
    }
    let mut a = vol(1);
    a.weekdays = Weekdays::parse("w", "1,2,4").unwrap();
    let b = Volunteer { id: 2, name: "v2".into(), ..a.clone() };
    let input = Input { rest_minutes: 480, slots, volunteers: vec![a, b], kept: vec![] };
    let out = generator::generate(&input);
    check_hard_rules(&input, &out);
    assert_eq!(out.assignments.len(), 28, "seven shifts a week they can take, four weeks");
    assert_eq!(counts(&out).values().copied().collect::<Vec<_>>(), vec![14, 14]);
}

/// Within one is not always possible. One day's shifts at 03:00, 08:00–20:00, 12:00 and 21:00:
/// the day shift is too close to each of the others, which are far enough apart for one person.
/// Two identical volunteers: whoever has the day shift can have nothing else, so it is one
/// against three (or a slot left short beside a free volunteer, which is never done).
#[test]
fn within_one_is_not_always_possible() {
    let day = d(2027, 1, 4);
    let slots = vec![slot(1, day, t(3, 0), t(4, 0)), slot(2, day, t(8, 0), t(20, 0)), slot(3, day, t(12, 0), t(12, 30)), slot(4, day, t(21, 0), t(22, 0))];
    let input = Input { rest_minutes: 480, slots, volunteers: vec![vol(1), vol(2)], kept: vec![] };
    let out = generator::generate(&input);
    check_hard_rules(&input, &out);
    let c = counts(&out);
    assert_eq!(c.values().copied().collect::<Vec<_>>().iter().sum::<u32>(), 4, "every slot filled: {c:?}");
    let (hi, lo) = if c[&1] > c[&2] { (1, 2) } else { (2, 1) };
    assert_eq!((c[&hi], c[&lo]), (3, 1));
    assert_eq!(narrowing_exchange(&input, &out, hi, lo), None, "no exchange between them keeps every rule");
}

fn counts(out: &generator::Output) -> BTreeMap<i64, u32> {
    let mut c = BTreeMap::new();
    for a in &out.assignments {
        *c.entry(a.person).or_insert(0) += 1;
    }
    c
}

/// Every hard rule, checked on the result from scratch (not with the generator's own state).
fn check_hard_rules(input: &Input, out: &generator::Output) {
    let slots: BTreeMap<i64, &SlotNeed> = input.slots.iter().map(|s| (s.id, s)).collect();
    let vols: BTreeMap<i64, &Volunteer> = input.volunteers.iter().map(|v| (v.id, v)).collect();
    let mut per_person: BTreeMap<i64, Vec<(i64, (chrono::NaiveDateTime, chrono::NaiveDateTime), bool)>> = BTreeMap::new();
    for k in &input.kept {
        per_person.entry(k.person).or_default().push((k.slot, (k.start, k.end), k.in_month));
    }
    let mut on_slot: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for k in &input.kept {
        on_slot.entry(k.slot).or_default().push(k.person);
    }
    for a in &out.assignments {
        let s = slots.get(&a.slot).expect("an assignment names a slot to fill");
        let v = vols.get(&a.person).expect("an assignment names a volunteer");
        assert!(v.kinds.contains(&s.kind), "never outside the duty kinds: {a:?}");
        assert!(s.training.as_ref().is_none_or(|t| v.trainings.contains(t)), "never a duty whose training they lack: {a:?}");
        assert!(v.weekdays.contains(s.date.weekday().number_from_monday()), "never on a day they cannot: {a:?}");
        assert!(if s.night { v.night } else { v.day }, "never a night (or day) shift they do not do: {a:?}");
        assert!(!v.absences.iter().any(|&(x, y)| x <= s.end.date() && s.start.date() <= y), "never during an absence: {a:?}");
        if let Some(p) = s.paired {
            assert_eq!(a.person, p, "a pairing keeps its volunteer");
        }
        per_person.entry(a.person).or_default().push((a.slot, (s.start, s.end), true));
        on_slot.entry(a.slot).or_default().push(a.person);
    }
    for (p, list) in &per_person {
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                assert!(
                    !too_close(list[i].1, list[j].1, input.rest_minutes),
                    "person {p}: no two places at once and no back-to-back shifts: slots {} and {}",
                    list[i].0,
                    list[j].0
                );
            }
        }
        if let Some(m) = vols.get(p).and_then(|v| v.max_shifts) {
            let n = list.iter().filter(|x| x.2).count() as u32;
            assert!(n <= m, "person {p} within max load {m}: {n}");
        }
    }
    let unfilled: BTreeMap<i64, u32> = out.unfilled.iter().map(|u| (u.slot, u.missing)).collect();
    for s in &input.slots {
        let people = on_slot.get(&s.id).cloned().unwrap_or_default();
        let mut dedup = people.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), people.len(), "no one twice on a slot");
        assert!(people.len() as u32 <= s.people, "a slot is never over-filled");
        let short = s.people - people.len() as u32;
        assert_eq!(unfilled.get(&s.id).copied().unwrap_or(0), short, "every short slot is listed with how many are missing");
    }
    // Nothing left short that someone could still take.
    for u in &out.unfilled {
        let s = slots[&u.slot];
        for v in &input.volunteers {
            let mine = per_person.get(&v.id).cloned().unwrap_or_default();
            let busy: Vec<_> = mine.iter().map(|x| x.1).collect();
            let n = mine.iter().filter(|x| x.2).count() as u32;
            assert!(block(v, s, &busy, n, input.rest_minutes).is_some(), "slot {} was left short though volunteer {} was free", s.id, v.id);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Random villages

/// The training some random cases require and some random volunteers have.
const TOPIC: &str = "护理基础";

#[derive(Debug, Clone)]
struct Profile {
    kinds: Vec<DutyKind>,
    weekdays: u8,
    day: bool,
    night: bool,
    max: Option<u32>,
    away: Option<(u32, u32)>,
    trained: bool,
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        prop::sample::subsequence(DutyKind::ALL.to_vec(), 1..=3),
        1u8..=127,
        prop::bool::ANY,
        prop::bool::weighted(0.5),
        prop::option::weighted(0.4, 2u32..12),
        prop::option::weighted(0.3, (1u32..28, 0u32..6)),
        prop::bool::weighted(0.6),
    )
        .prop_map(|(kinds, weekdays, day, night, max, away, trained)| Profile {
            kinds,
            weekdays,
            day: day || !night,
            night,
            max,
            away: away.map(|(a, len)| (a, (a + len).min(31))),
            trained,
        })
}

#[derive(Debug, Clone)]
struct CaseGen {
    kind: DutyKind,
    shifts: Vec<(u32, u32, u32, u32, u32)>,
    weekdays: u8,
    every: u32,
    group: u8,
    paired: Option<usize>,
    training: bool,
}

fn case() -> impl Strategy<Value = CaseGen> {
    let shift_sets = prop::sample::select(vec![
        vec![(8, 0, 20, 0, 1), (20, 0, 8, 0, 1)],
        vec![(9, 0, 10, 0, 1)],
        vec![(14, 0, 17, 30, 2)],
        vec![(7, 0, 12, 0, 1), (13, 0, 18, 0, 1), (22, 0, 6, 0, 1)],
        vec![(19, 0, 23, 0, 2)],
    ]);
    (prop::sample::select(DutyKind::ALL.to_vec()), shift_sets, 1u8..=127, 1u32..=3, 0u8..3, prop::option::weighted(0.2, 0usize..100), prop::bool::weighted(0.3))
        .prop_map(|(kind, shifts, weekdays, every, group, paired, training)| CaseGen { kind, shifts, weekdays, every, group, paired, training })
}

/// A village: profiles, volunteers each taking one profile (so some share theirs), cases.
fn village() -> impl Strategy<Value = Input> {
    (
        prop::collection::vec(profile(), 1..5),
        prop::collection::vec((0usize..5, 0u8..3), 2..14),
        prop::collection::vec(case(), 1..5),
        prop::sample::select(vec![28u32, 30, 31]),
    )
        .prop_map(|(profiles, vols, cases, days)| {
            let volunteers: Vec<Volunteer> = vols
                .iter()
                .enumerate()
                .map(|(i, (p, g))| {
                    let p = &profiles[p % profiles.len()];
                    Volunteer {
                        id: i as i64 + 1,
                        name: format!("v{i}"),
                        group: format!("{g}组"),
                        kinds: p.kinds.clone(),
                        weekdays: Weekdays(p.weekdays),
                        day: p.day,
                        night: p.night,
                        max_shifts: p.max,
                        absences: p.away.map(|(a, b)| vec![(d(2027, 1, a), d(2027, 1, b.max(a)))]).unwrap_or_default(),
                        history: Load::default(),
                        trainings: if p.trained { vec![TOPIC.to_string()] } else { vec![] },
                    }
                })
                .collect();
            let mut slots = Vec::new();
            let mut id = 1;
            for c in &cases {
                let paired = c.paired.map(|i| volunteers[i % volunteers.len()].id);
                for day in 1..=days {
                    let date = d(2027, 1, day);
                    if (day - 1) % c.every != 0 || !Weekdays(c.weekdays).contains(date.weekday().number_from_monday()) {
                        continue;
                    }
                    for &(sh, sm, eh, em, people) in &c.shifts {
                        let (a, b) = interval(date, t(sh, sm), t(eh, em));
                        slots.push(SlotNeed {
                            id,
                            date,
                            start: a,
                            end: b,
                            kind: if paired.is_some() { DutyKind::Visit } else { c.kind },
                            night: is_night(t(sh, sm), t(eh, em)),
                            people: if paired.is_some() { 1 } else { people },
                            group: format!("{}组", c.group),
                            paired,
                            training: c.training.then(|| TOPIC.to_string()),
                        });
                        id += 1;
                    }
                }
            }
            Input { rest_minutes: 8 * 60, slots, volunteers, kept: vec![] }
        })
}

/// A village where the rest rule alone decides the shares: identical volunteers (every kind,
/// trained, day and night, the same weekdays) and cases without pairings. With no evening out
/// about one in fifty of these is uneven (of plain villages about one in a thousand), so the
/// fairness property here notices a weaker evening-out.
fn rested_village() -> impl Strategy<Value = Input> {
    (village(), 1u8..=127).prop_map(|(mut input, weekdays)| {
        for v in &mut input.volunteers {
            v.kinds = DutyKind::ALL.to_vec();
            v.weekdays = Weekdays(weekdays);
            (v.day, v.night, v.max_shifts, v.absences, v.trainings) = (true, true, None, vec![], vec![TOPIC.to_string()]);
        }
        for s in &mut input.slots {
            s.paired = None;
        }
        input
    })
}

proptest! {
    // A fresh seed every run (256 villages, or PROPTEST_CASES); failures proptest shrinks are
    // kept in proptest-regressions/rota/tests.txt and tried first.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn every_hard_rule_holds_in_random_villages(input in prop_oneof![village(), rested_village()]) {
        let out = generator::generate(&input);
        check_hard_rules(&input, &out);
    }

    #[test]
    fn the_same_village_gives_the_same_rota_whatever_the_order(input in prop_oneof![village(), rested_village()]) {
        let a = generator::generate(&input);
        let b = generator::generate(&input);
        prop_assert_eq!(&a, &b);
        let mut shuffled = input.clone();
        shuffled.volunteers.reverse();
        shuffled.slots.reverse();
        let c = generator::generate(&shuffled);
        prop_assert_eq!(&a, &c, "the order volunteers and slots arrive in must not change the rota");
    }

    #[test]
    fn volunteers_with_the_same_availability_get_shares_within_one(input in village()) {
        shares_within_one(&input)?;
    }

    #[test]
    fn identical_volunteers_get_shares_within_one_where_the_rest_rule_decides(input in rested_village()) {
        shares_within_one(&input)?;
    }
}

/// Volunteers with the same availability get shares within one of each other, unless no
/// exchange between the two could bring them closer: a star of shifts the rest rule keeps apart
/// can leave no choice (`within_one_is_not_always_possible`). Each uneven pair is checked from
/// scratch by `narrowing_exchange`.
fn shares_within_one(input: &Input) -> Result<(), TestCaseError> {
    let out = generator::generate(input);
    let c = counts(&out);
    let mut classes: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for v in &input.volunteers {
        // Pairings tie a volunteer to an elder, so they are not interchangeable with others.
        if input.slots.iter().any(|s| s.paired == Some(v.id)) {
            continue;
        }
        let key = format!("{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}", v.kinds, v.weekdays, v.day, v.night, v.max_shifts, v.absences, v.trainings);
        classes.entry(key).or_default().push(v.id);
    }
    for (k, ids) in classes {
        for &hi in &ids {
            for &lo in &ids {
                let (nh, nl) = (c.get(&hi).copied().unwrap_or(0), c.get(&lo).copied().unwrap_or(0));
                if nh >= nl + 2 {
                    let span = narrowing_exchange(input, &out, hi, lo);
                    prop_assert!(span.is_none(), "same availability {}: {} has {}, {} has {}; exchanging their shifts over {:?} keeps every rule", k, hi, nh, lo, nl, span);
                }
            }
        }
    }
    Ok(())
}

/// A span of days over which `hi` and `lo` could exchange the shifts the generator gave them
/// (`hi` taking `lo`'s and `lo` taking `hi`'s; a single move is a span where `lo` has none),
/// bringing their counts closer without breaking a hard rule. Checked from scratch, with none
/// of the generator's code but `too_close`.
fn narrowing_exchange(input: &Input, out: &generator::Output, hi: i64, lo: i64) -> Option<(NaiveDate, NaiveDate)> {
    let slots: BTreeMap<i64, &SlotNeed> = input.slots.iter().map(|s| (s.id, s)).collect();
    let of = |p: i64| -> Vec<&SlotNeed> { out.assignments.iter().filter(|a| a.person == p).map(|a| slots[&a.slot]).collect() };
    let (mine_hi, mine_lo) = (of(hi), of(lo));
    let gap = mine_hi.len() - mine_lo.len();
    let mut dates: Vec<NaiveDate> = input.slots.iter().map(|s| s.date).collect();
    dates.sort();
    dates.dedup();
    for (i, &first) in dates.iter().enumerate() {
        for &last in &dates[i..] {
            let moves = |s: &&SlotNeed, other: &[&SlotNeed]| first <= s.date && s.date <= last && s.paired.is_none() && !other.iter().any(|o| o.id == s.id);
            let give: Vec<&SlotNeed> = mine_hi.iter().filter(|s| moves(s, &mine_lo)).copied().collect();
            let take: Vec<&SlotNeed> = mine_lo.iter().filter(|s| moves(s, &mine_hi)).copied().collect();
            if give.len() <= take.len() || give.len() - take.len() >= gap {
                continue;
            }
            let after = |mine: &[&SlotNeed], out: &[&SlotNeed], inn: &[&SlotNeed]| -> Vec<SlotNeed> {
                mine.iter().filter(|s| !out.iter().any(|o| o.id == s.id)).chain(inn).map(|s| (*s).clone()).collect()
            };
            if keeps_rules(input, hi, &after(&mine_hi, &give, &take)) && keeps_rules(input, lo, &after(&mine_lo, &take, &give)) {
                return Some((first, last));
            }
        }
    }
    None
}

/// Whether volunteer `p` on `mine` (and on their kept assignments) keeps every hard rule.
fn keeps_rules(input: &Input, p: i64, mine: &[SlotNeed]) -> bool {
    let v = input.volunteers.iter().find(|v| v.id == p).expect("a volunteer");
    let each = mine.iter().all(|s| {
        v.kinds.contains(&s.kind)
            && s.training.as_ref().is_none_or(|t| v.trainings.contains(t))
            && v.weekdays.contains(s.date.weekday().number_from_monday())
            && (if s.night { v.night } else { v.day })
            && !v.absences.iter().any(|&(x, y)| x <= s.end.date() && s.start.date() <= y)
            && s.paired.is_none_or(|q| q == p)
    });
    let kept: Vec<&Kept> = input.kept.iter().filter(|k| k.person == p).collect();
    let times: Vec<_> = mine.iter().map(|s| (s.start, s.end)).chain(kept.iter().map(|k| (k.start, k.end))).collect();
    let rested = (0..times.len()).all(|i| (i + 1..times.len()).all(|j| !too_close(times[i], times[j], input.rest_minutes)));
    let load = mine.len() + kept.iter().filter(|k| k.in_month).count();
    each && rested && v.max_shifts.is_none_or(|m| load as u32 <= m)
}

/// Stored weekdays, times and duty kinds that do not read back are errors naming what could not
/// be read — never "every day", midnight or a kind quietly dropped.
#[test]
fn stored_values_that_do_not_read_back_are_errors_not_defaults() {
    use super::{add_case, availability, blank_case, get_case, set_volunteer, CaseInput, VolunteerAvailabilityInput};
    use crate::audit::Actor;
    use crate::i18n::{Lang, Localizer};
    use crate::members::{self, PersonInput};

    let mut conn = crate::db::open_in_memory().unwrap();
    let (today, actor, l10n) = (d(2026, 11, 29), Actor::new("test"), Localizer::new(Lang::EnUs));
    let tx = conn.transaction().unwrap();
    let p = members::add(&tx, &actor, &PersonInput::member("王五"), today).unwrap();
    set_volunteer(&tx, &actor, p.member_no, &VolunteerAvailabilityInput::default(), today).unwrap();
    let input = CaseInput { recipient: Some(p.member_no), shifts: vec![], every_days: "1".into(), ..blank_case(DutyKind::Visit, &l10n, today) };
    let case = add_case(&tx, &actor, &input, &l10n, today).unwrap();
    assert_eq!(get_case(&tx, case.id, crate::members::Phones::Masked).unwrap().weekdays, vec![1, 2, 3, 4, 5, 6, 7]);
    let corrupt = |e: crate::Error| (e.code(), e.message_id(), e.args()[0].1.clone());

    tx.execute("UPDATE care_case SET weekdays = 'every day'", []).unwrap();
    assert_eq!(corrupt(get_case(&tx, case.id, crate::members::Phones::Masked).unwrap_err()), ("corrupt", "error-stored-unreadable", "weekdays".into()), "unreadable weekdays are not every day");
    tx.execute("UPDATE care_case SET weekdays = '1,2'", []).unwrap();
    tx.execute("UPDATE case_shift SET start = '29:30'", []).unwrap();
    assert_eq!(corrupt(get_case(&tx, case.id, crate::members::Phones::Masked).unwrap_err()).2, "case_shift.start", "an unreadable time is not midnight");

    tx.execute("UPDATE volunteer_availability SET weekdays = '8'", []).unwrap();
    assert_eq!(corrupt(availability(&tx, p.member_no).unwrap_err()).2, "weekdays");
    tx.execute("UPDATE volunteer_availability SET weekdays = '1', kinds = 'care,cooking'", []).unwrap();
    assert_eq!(corrupt(availability(&tx, p.member_no).unwrap_err()).2, "duty kinds", "an unknown kind is not silently dropped");
}
