//! The request matching on random villages (property tests on the pure `propose`): a proposed
//! volunteer never clashes with their rota shifts, availability, absences or a required
//! training; among those able, the nearest group and then the lowest load come first; the same
//! input, in any order, gives the same proposals.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use huzhu::requests::{distance, propose, Fit, Need, Offer, Unable};
use huzhu::rota::generator::{too_close, Load, Volunteer};
use huzhu::rota::{interval, is_night, DutyKind, Weekdays, DEFAULT_REST_HOURS};
use proptest::prelude::*;

const REST: i64 = DEFAULT_REST_HOURS * 60;
const TOPIC: &str = "护理基础";
const KINDS: &[&str] = &["escort", "shopping", "haircut"];

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, day).unwrap()
}

fn t(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap()
}

#[derive(Debug, Clone)]
struct Village {
    need: Need,
    offers: Vec<Offer>,
}

/// group, weekdays, day, night, away, trained, kinds offered, rota shifts (day, start, hours), load
type OfferGen = (u8, u8, bool, bool, Option<(u32, u32)>, bool, Option<Vec<usize>>, Vec<(u32, u32, u32)>, u32);

fn offer() -> impl Strategy<Value = OfferGen> {
    (
        0u8..5,                                                         // group
        1u8..=127,                                                      // weekdays
        prop::bool::ANY,                                                // day
        prop::bool::weighted(0.5),                                      // night
        prop::option::weighted(0.3, (1u32..28, 0u32..4)),               // away
        prop::bool::weighted(0.6),                                      // trained
        prop::option::weighted(0.3, prop::collection::vec(0usize..3, 1..3)), // kinds offered
        prop::collection::vec((1u32..29, 0u32..24, 1u32..13), 0..4),    // rota shifts (day, start hour, length)
        0u32..6,                                                        // load
    )
}

fn village() -> impl Strategy<Value = Village> {
    (prop::collection::vec(offer(), 1..12), 1u32..29, 0u32..24, 1u32..6, 0u8..5, 0usize..3, prop::bool::weighted(0.4), prop::option::of(0usize..12))
        .prop_map(|(offers, day, hour, len, group, kind, training, recipient)| {
            let (start, end) = interval(d(day), t(hour), t((hour + len) % 24));
            let need = Need {
                start,
                end,
                night: is_night(t(hour), t((hour + len) % 24)),
                kind: KINDS[kind].to_string(),
                group: format!("{group}组"),
                training: training.then(|| TOPIC.to_string()),
                recipient: recipient.map_or(-1, |r| (r % offers.len()) as i64 + 1),
            };
            let offers = offers
                .into_iter()
                .enumerate()
                .map(|(i, (g, wd, day_, night, away, trained, kinds, shifts, load))| Offer {
                    volunteer: Volunteer {
                        id: i as i64 + 1,
                        name: format!("v{i}"),
                        group: format!("{g}组"),
                        kinds: DutyKind::ALL.to_vec(),
                        weekdays: Weekdays(wd),
                        day: day_ || !night,
                        night,
                        max_shifts: None,
                        absences: away.map(|(a, l)| vec![(d(a), d((a + l).min(31)))]).unwrap_or_default(),
                        history: Load::default(),
                        trainings: if trained { vec![TOPIC.to_string()] } else { vec![] },
                    },
                    no: 100 - i as i64,
                    kinds: kinds.map(|k| k.into_iter().map(|k| KINDS[k].to_string()).collect()),
                    busy: shifts.into_iter().map(|(dd, h, l)| {
                        let a = d(dd).and_time(t(h));
                        (a, a + Duration::hours(i64::from(l)))
                    }).collect(),
                    load,
                })
                .collect();
            Village { need, offers }
        })
}

fn clashes(o: &Offer, n: &Need) -> bool {
    o.busy.iter().any(|&b| too_close(b, (n.start, n.end), REST))
}

fn away(o: &Offer, n: &Need) -> bool {
    o.volunteer.absences.iter().any(|&(a, b)| a <= n.end.date() && n.start.date() <= b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_proposed_volunteer_breaks_no_rule(v in village()) {
        let out = propose(&v.need, &v.offers, REST);
        prop_assert_eq!(out.len(), v.offers.len(), "everyone is listed, able or not");
        for p in &out {
            let o = v.offers.iter().find(|o| o.volunteer.id == p.person).unwrap();
            if let Fit::Able { distance: dist, load } = p.fit {
                prop_assert!(o.volunteer.id != v.need.recipient, "never the recipient");
                prop_assert!(!clashes(o, &v.need), "never clashing with a rota shift (rest included): {:?}", p);
                prop_assert!(!away(o, &v.need), "never during an absence: {:?}", p);
                prop_assert!(o.volunteer.weekdays.contains(v.need.start.date().weekday().number_from_monday()), "never on a day they cannot");
                prop_assert!(if v.need.night { o.volunteer.night } else { o.volunteer.day }, "never a night (or day) they do not do");
                prop_assert!(v.need.training.as_ref().is_none_or(|t| o.volunteer.trainings.contains(t)), "never without the required training");
                prop_assert!(o.kinds.as_ref().is_none_or(|k| k.contains(&v.need.kind)), "never a kind they do not offer");
                prop_assert_eq!((dist, load), (distance(&o.volunteer.group, &v.need.group), o.load));
            } else if o.volunteer.id != v.need.recipient {
                // Someone left out really is kept off by a rule.
                let kept_off = clashes(o, &v.need) || away(o, &v.need)
                    || !o.volunteer.weekdays.contains(v.need.start.date().weekday().number_from_monday())
                    || !(if v.need.night { o.volunteer.night } else { o.volunteer.day })
                    || v.need.training.as_ref().is_some_and(|t| !o.volunteer.trainings.contains(t))
                    || o.kinds.as_ref().is_some_and(|k| !k.contains(&v.need.kind));
                prop_assert!(kept_off, "volunteer {} was left out though free", o.volunteer.id);
            } else {
                prop_assert_eq!(p.fit, Fit::Unable(Unable::Recipient));
            }
        }
    }

    #[test]
    fn the_able_come_first_nearest_group_then_lowest_load(v in village()) {
        let out = propose(&v.need, &v.offers, REST);
        let first_unable = out.iter().position(|p| !matches!(p.fit, Fit::Able { .. })).unwrap_or(out.len());
        prop_assert!(out[first_unable..].iter().all(|p| !matches!(p.fit, Fit::Able { .. })), "every able volunteer comes before every other");
        for w in out[..first_unable].windows(2) {
            let (Fit::Able { distance: d1, load: l1 }, Fit::Able { distance: d2, load: l2 }) = (w[0].fit, w[1].fit) else { unreachable!() };
            prop_assert!((d1, l1, w[0].no) < (d2, l2, w[1].no), "nearest group first, then lowest load, then the register number: {:?}", w);
        }
    }

    #[test]
    fn the_same_input_in_any_order_gives_the_same_proposals(v in village()) {
        let a = propose(&v.need, &v.offers, REST);
        prop_assert_eq!(&a, &propose(&v.need, &v.offers, REST));
        let mut rev = v.offers.clone();
        rev.reverse();
        prop_assert_eq!(&a, &propose(&v.need, &rev, REST), "the order volunteers arrive in changes nothing");
    }
}

#[test]
fn group_distance_counts_numbered_groups_and_knows_the_same_one() {
    assert_eq!(distance("3组", "3组"), 0);
    assert_eq!(distance("第1组", "4组"), 3);
    assert_eq!(distance("东片", "西片"), huzhu::requests::FAR, "groups without numbers cannot be placed");
    assert_eq!(distance("东片", "东片"), 0);
}
