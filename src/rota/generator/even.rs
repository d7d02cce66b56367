//! Evening out by exchange: when no single shift can move from a heavier to a lighter volunteer
//! (the lighter one's own shifts are in the way, or the rest rule ties a night to the next
//! day), the two may exchange everything they were given over a span of consecutive days: the
//! heavier one takes the lighter one's shifts in the span and the lighter one takes the heavier
//! one's. A move of one shift is the span whose lighter side is empty.
//!
//! The rest rule links the days: a Monday night forbids the Tuesday day shift, so when one
//! volunteer has both days' day shifts and the other both nights, only the two days together
//! can change hands (one day alone was all the older `exchange_day` tried, and it left two
//! identical volunteers at 12 and 16 shifts where 14 and 14 keep every rule).

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::{block, hand_over, Assignment, Input, Output, Placement, RotaWhy, SlotNeed, Volunteer};

/// One generated, unpaired assignment of a volunteer: its date, the slot and its place in the
/// output.
#[derive(Clone, Copy)]
struct Held<'a> {
    date: NaiveDate,
    slot: &'a SlotNeed,
    index: usize,
}

/// Finds the first exchange over a span of days that narrows the gap between a volunteer and one
/// with two or more shifts fewer without breaking a hard rule, and makes it. Volunteers are
/// tried in id order (heavier, then lighter), spans by first day then length, so the choice
/// depends on nothing but the input. Only a span that moves k shifts with 0 < k < the gap is
/// taken, so the sum of squared loads falls and no exchange is undone by a later one. Returns
/// whether it exchanged anything.
pub(super) fn exchange(input: &Input, vols: &[&Volunteer], slot_of: &BTreeMap<i64, &SlotNeed>, p: &mut Placement, out: &mut Output) -> bool {
    let mut held: BTreeMap<i64, Vec<Held>> = BTreeMap::new();
    for (index, a) in out.assignments.iter().enumerate() {
        if matches!(a.why, RotaWhy::Paired) {
            continue;
        }
        if let Some(s) = slot_of.get(&a.slot).copied() {
            held.entry(a.person).or_default().push(Held { date: s.date, slot: s, index });
        }
    }
    for list in held.values_mut() {
        list.sort_by_key(|h| (h.date, h.slot.start, h.slot.id));
    }
    let empty = Vec::new();
    for va in vols {
        let Some(mine) = held.get(&va.id) else { continue };
        for vb in vols {
            let (sa, sb) = (&p.state[&va.id], &p.state[&vb.id]);
            let (ta, tb) = (sa.total.shifts, sb.total.shifts);
            if va.id == vb.id || ta < tb + 2 || vb.max_shifts.is_some_and(|m| sb.month.shifts >= m) {
                continue;
            }
            let theirs = held.get(&vb.id).unwrap_or(&empty);
            if let Some(span) = find_span(input, va, vb, mine, theirs, p, ta - tb) {
                apply(p, out, va.id, vb.id, &span);
                return true;
            }
        }
    }
    false
}

/// The shifts that change hands: the heavier volunteer's, then the lighter one's.
struct Span<'a> {
    give: Vec<Held<'a>>,
    take: Vec<Held<'a>>,
}

fn find_span<'a>(input: &Input, va: &Volunteer, vb: &Volunteer, mine: &[Held<'a>], theirs: &[Held<'a>], p: &Placement, gap: u32) -> Option<Span<'a>> {
    // A slot both are on stays as it is (a slot for two people).
    let shared = |h: &Held| mine.iter().any(|x| x.slot.id == h.slot.id) && theirs.iter().any(|x| x.slot.id == h.slot.id);
    // Whether the other may take a shift at all, leaving time aside (kind, training, weekday,
    // day or night, absence): a span holding one that cannot change hands is never tried.
    let may = |v: &Volunteer, s: &SlotNeed| block(v, s, &[], 0, input.rest_minutes).is_none();
    let give: Vec<(Held, bool)> = mine.iter().filter(|h| !shared(h)).map(|h| (*h, may(vb, h.slot))).collect();
    let take: Vec<(Held, bool)> = theirs.iter().filter(|h| !shared(h)).map(|h| (*h, may(va, h.slot))).collect();
    if !give.iter().any(|g| g.1) {
        return None;
    }
    let mut dates: Vec<NaiveDate> = give.iter().chain(&take).map(|h| h.0.date).collect();
    dates.sort();
    dates.dedup();
    // Each day's shifts of either side, and whether every one of them may change hands.
    let day = |d: NaiveDate| {
        let g: Vec<Held> = give.iter().filter(|h| h.0.date == d).map(|h| h.0).collect();
        let t: Vec<Held> = take.iter().filter(|h| h.0.date == d).map(|h| h.0).collect();
        let ok = give.iter().chain(&take).filter(|h| h.0.date == d).all(|h| h.1);
        (g, t, ok)
    };
    let days: Vec<(Vec<Held>, Vec<Held>, bool)> = dates.iter().map(|&d| day(d)).collect();
    for first in 0..days.len() {
        let (mut g, mut t) = (Vec::new(), Vec::new());
        for (dg, dt, ok) in &days[first..] {
            if !ok {
                break;
            }
            g.extend_from_slice(dg);
            t.extend_from_slice(dt);
            let k = g.len() as i64 - t.len() as i64;
            if k <= 0 || k >= i64::from(gap) {
                continue;
            }
            if fits(input, va, &p.state[&va.id].busy, p.state[&va.id].month.shifts, &g, &t)
                && fits(input, vb, &p.state[&vb.id].busy, p.state[&vb.id].month.shifts, &t, &g)
            {
                return Some(Span { give: g, take: t });
            }
        }
    }
    None
}

/// Whether `v`, giving up `out` and taking `inn`, keeps every hard rule.
fn fits(input: &Input, v: &Volunteer, busy: &[(NaiveDateTime, NaiveDateTime)], month: u32, out: &[Held], inn: &[Held]) -> bool {
    let leaving: Vec<(NaiveDateTime, NaiveDateTime)> = out.iter().map(|h| (h.slot.start, h.slot.end)).collect();
    let mut busy: Vec<(NaiveDateTime, NaiveDateTime)> = busy.iter().copied().filter(|b| !leaving.contains(b)).collect();
    let month = month - out.len() as u32;
    for (taken, h) in inn.iter().enumerate() {
        if block(v, h.slot, &busy, month + taken as u32, input.rest_minutes).is_some() {
            return false;
        }
        busy.push((h.slot.start, h.slot.end));
    }
    true
}

fn apply(p: &mut Placement, out: &mut Output, a: i64, b: i64, span: &Span) {
    for (list, from, to) in [(&span.give, a, b), (&span.take, b, a)] {
        for h in list {
            hand_over(&mut p.state, &mut p.on_slot, h.slot, from, to);
            let shifts = p.state.get(&to).map_or(0, |st| st.total.shifts);
            out.assignments[h.index] = Assignment { slot: h.slot.id, person: to, why: RotaWhy::Evened { shifts } };
        }
    }
}
