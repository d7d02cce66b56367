//! The rota generator: a pure function from an `Input` (slots to fill, volunteers with their
//! availability, absences and earlier load, assignments that must stay) to an `Output` (who goes
//! where, why, and what could not be filled and why not). No database, no clock, no random
//! source: the same input gives the same rota, which the property tests check.
//!
//! It is a greedy pass in time order followed by an evening-out pass. We did not reach for an
//! exact solver (ILP/min-cost flow): a month of a village rota is a few hundred slots, the greedy
//! pass respects every hard rule by construction, and the secretary can read its reasons
//! ("fewest shifts so far"), which an optimiser's answer would not give. The evening-out's
//! exchanges of shifts over a span of days are in `generator/even.rs`.

mod even;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::{DutyKind, Weekdays};

/// One slot to fill: a dated shift of a care case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotNeed {
    pub id: i64,
    pub date: NaiveDate,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kind: DutyKind,
    pub night: bool,
    /// How many people the shift needs in all (kept ones included).
    pub people: u32,
    /// The care recipient's village group; volunteers from it are preferred.
    pub group: String,
    /// The only volunteer this slot may have (a pairing's visits).
    pub paired: Option<i64>,
    /// The training topic the duty's standard requires (None: none).
    pub training: Option<String>,
}

impl SlotNeed {
    pub fn weekend(&self) -> bool {
        self.date.weekday().number_from_monday() >= 6
    }

    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// What a volunteer has served before this month (done shifts), for fairness over time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Load {
    pub shifts: u32,
    pub minutes: i64,
    pub weekend: u32,
    pub night: u32,
}

impl Load {
    fn add(&mut self, s: &SlotNeed) {
        self.shifts += 1;
        self.minutes += s.minutes();
        self.weekend += u32::from(s.weekend());
        self.night += u32::from(s.night);
    }

    fn remove(&mut self, s: &SlotNeed) {
        self.shifts = self.shifts.saturating_sub(1);
        self.minutes -= s.minutes();
        self.weekend = self.weekend.saturating_sub(u32::from(s.weekend()));
        self.night = self.night.saturating_sub(u32::from(s.night));
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Volunteer {
    pub id: i64,
    /// For messages only ("the paired volunteer 张三 is away").
    pub name: String,
    pub group: String,
    pub kinds: Vec<DutyKind>,
    pub weekdays: Weekdays,
    pub day: bool,
    pub night: bool,
    pub max_shifts: Option<u32>,
    /// Inclusive date ranges.
    pub absences: Vec<(NaiveDate, NaiveDate)>,
    pub history: Load,
    /// Training topics attended (a duty that requires one is offered only to those who have it).
    pub trainings: Vec<String>,
}

/// An assignment that stays as it is: on a locked slot, made by hand, already done, or in the
/// next or previous month. It occupies its person's time and, when `in_month`, counts towards
/// their monthly load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub slot: i64,
    pub person: i64,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub in_month: bool,
    pub weekend: bool,
    pub night: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// No one works two shifts less than this far apart (a night then the next day's day shift).
    pub rest_minutes: i64,
    pub slots: Vec<SlotNeed>,
    pub volunteers: Vec<Volunteer>,
    pub kept: Vec<Kept>,
}

/// Why the generator chose someone; stored with the assignment as JSON and shown in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[ts(export)]
pub enum RotaWhy {
    /// The slot belongs to this volunteer's pairing.
    Paired,
    /// The fewest shifts (earlier months included) among those free for the slot.
    LeastLoaded { candidates: u32, shifts: u32, same_group: bool },
    /// Moved here from someone with two or more shifts more, to even out the load.
    Evened { shifts: u32 },
    /// Put here by the secretary.
    ByHand,
}

/// A rule that keeps a person off a slot, in the order they are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Block {
    Kind,
    Untrained,
    Weekday,
    DayNight,
    Away,
    Full,
    Busy,
    NotPaired,
}

/// A reason in words: a Fluent id and its arguments (weekday and kind as codes the message
/// selects on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub slot: i64,
    pub person: i64,
    pub why: RotaWhy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfilled {
    pub slot: i64,
    pub missing: u32,
    pub reason: Reason,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    pub assignments: Vec<Assignment>,
    pub unfilled: Vec<Unfilled>,
}

/// Two intervals are too close when they overlap, touch, or leave less than `rest` between.
pub fn too_close(a: (NaiveDateTime, NaiveDateTime), b: (NaiveDateTime, NaiveDateTime), rest_minutes: i64) -> bool {
    let rest = chrono::Duration::minutes(rest_minutes);
    a.0 < b.1 + rest && b.0 < a.1 + rest || a.0 == b.1 || b.0 == a.1
}

pub fn weekday_code(d: NaiveDate) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d.weekday().num_days_from_monday() as usize]
}

/// The first rule that keeps `v` off `s`, given the times `v` is already taken and how many
/// shifts `v` has this month. `None`: `v` may take the slot.
pub fn block(v: &Volunteer, s: &SlotNeed, busy: &[(NaiveDateTime, NaiveDateTime)], month_shifts: u32, rest_minutes: i64) -> Option<Block> {
    if s.paired.is_some_and(|p| p != v.id) {
        return Some(Block::NotPaired);
    }
    if !v.kinds.contains(&s.kind) {
        return Some(Block::Kind);
    }
    if !trained(v, s.training.as_deref()) {
        return Some(Block::Untrained);
    }
    if let Some(b) = block_time(v, (s.start, s.end), s.night, busy, rest_minutes, || v.max_shifts.is_some_and(|m| month_shifts >= m)) {
        return Some(b);
    }
    None
}

/// Whether `v` has the training a duty or request requires (`None`: none required).
pub fn trained(v: &Volunteer, required: Option<&str>) -> bool {
    required.is_none_or(|t| v.trainings.iter().any(|x| x == t))
}

/// The rules about time, shared by rota slots and requests for help (which have no duty kind
/// and no monthly limit of their own): the weekday, day or night, absences, then `full` (the
/// monthly limit, for a slot), then the times `v` is already taken with the rest between.
pub fn block_time(
    v: &Volunteer,
    (start, end): (NaiveDateTime, NaiveDateTime),
    night: bool,
    busy: &[(NaiveDateTime, NaiveDateTime)],
    rest_minutes: i64,
    full: impl FnOnce() -> bool,
) -> Option<Block> {
    if !v.weekdays.contains(start.date().weekday().number_from_monday()) {
        return Some(Block::Weekday);
    }
    if (night && !v.night) || (!night && !v.day) {
        return Some(Block::DayNight);
    }
    let (first, last) = (start.date(), end.date());
    if v.absences.iter().any(|&(a, b)| a <= last && first <= b) {
        return Some(Block::Away);
    }
    if full() {
        return Some(Block::Full);
    }
    if busy.iter().any(|&b| too_close(b, (start, end), rest_minutes)) {
        return Some(Block::Busy);
    }
    None
}

/// Per-volunteer state while generating.
#[derive(Debug, Clone, Default)]
struct State {
    busy: Vec<(NaiveDateTime, NaiveDateTime)>,
    month: Load,
    total: Load,
}

/// Where everyone stands while generating: each volunteer's state, and who is on each slot.
struct Placement {
    state: BTreeMap<i64, State>,
    on_slot: BTreeMap<i64, Vec<i64>>,
}

pub fn generate(input: &Input) -> Output {
    // Everything that decides is sorted: volunteers by id, slots by time then id. Maps are
    // BTreeMaps, so no decision depends on hash order.
    let mut vols: Vec<&Volunteer> = input.volunteers.iter().collect();
    vols.sort_by_key(|v| v.id);
    vols.dedup_by_key(|v| v.id);
    let mut state: BTreeMap<i64, State> = vols.iter().map(|v| (v.id, State { total: v.history, ..Default::default() })).collect();
    let mut kept = input.kept.clone();
    kept.sort_by_key(|k| (k.start, k.slot, k.person));
    let mut on_slot: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for k in &kept {
        on_slot.entry(k.slot).or_default().push(k.person);
        if let Some(st) = state.get_mut(&k.person) {
            st.busy.push((k.start, k.end));
            if k.in_month {
                let l = Load {
                    shifts: 1,
                    minutes: (k.end - k.start).num_minutes(),
                    weekend: u32::from(k.weekend),
                    night: u32::from(k.night),
                };
                for t in [&mut st.month, &mut st.total] {
                    t.shifts += l.shifts;
                    t.minutes += l.minutes;
                    t.weekend += l.weekend;
                    t.night += l.night;
                }
            }
        }
    }
    let mut slots: Vec<&SlotNeed> = input.slots.iter().collect();
    // Pairings first, so no other shift takes the paired volunteer's time before their visit.
    slots.sort_by_key(|s| (s.paired.is_none(), s.start, s.id));
    slots.dedup_by_key(|s| s.id);

    let mut out = Output::default();
    let mut p = Placement { state, on_slot };
    // Fill, then even out and fill again what evening out freed, until a fill places no one:
    // evening out can free a volunteer for a slot still short, so the last word must be a fill
    // that found no one free (a fixed two rounds once left a slot short beside a free
    // volunteer). It ends: every fill that places someone adds an assignment, and there are at
    // most as many as the slots need.
    let mut placed = fill(input, &vols, &slots, &mut p, &mut out);
    while placed {
        even_out(input, &vols, &slots, &mut p, &mut out);
        placed = fill(input, &vols, &slots, &mut p, &mut out);
    }
    let state = p.state;

    // What is still short, and why, worked out after evening out.
    let mut filled: BTreeMap<i64, u32> = BTreeMap::new();
    for k in &kept {
        *filled.entry(k.slot).or_default() += 1;
    }
    for a in &out.assignments {
        *filled.entry(a.slot).or_default() += 1;
    }
    let mut by_time: Vec<&&SlotNeed> = slots.iter().collect();
    by_time.sort_by_key(|s| (s.start, s.id));
    for s in by_time {
        let have = filled.get(&s.id).copied().unwrap_or(0);
        if have < s.people {
            out.unfilled.push(Unfilled { slot: s.id, missing: s.people - have, reason: reason_for(input, &vols, &state, s) });
        }
    }
    out.assignments.sort_by_key(|a| (a.slot, a.person));
    out
}

/// Gives every slot that is short the free volunteer with the least load, in slot order.
/// Returns whether it placed anyone.
fn fill(input: &Input, vols: &[&Volunteer], slots: &[&SlotNeed], p: &mut Placement, out: &mut Output) -> bool {
    let Placement { state, on_slot } = p;
    let mut placed = false;
    for s in slots {
        let have = on_slot.get(&s.id).map_or(0, Vec::len) as u32;
        let mut need = s.people.saturating_sub(have);
        while need > 0 {
            let mut best: Option<((u32, u32, bool, i64, i64), i64)> = None;
            let mut candidates = 0u32;
            for v in vols {
                let st = &state[&v.id];
                if block(v, s, &st.busy, st.month.shifts, input.rest_minutes).is_some() {
                    continue;
                }
                candidates += 1;
                let key = rank(v, st, s);
                if best.as_ref().is_none_or(|(k, _)| key < *k) {
                    best = Some((key, v.id));
                }
            }
            let Some((key, id)) = best else { break };
            let why = if s.paired.is_some() {
                RotaWhy::Paired
            } else {
                RotaWhy::LeastLoaded { candidates, shifts: key.0, same_group: !key.2 }
            };
            if let Some(st) = state.get_mut(&id) {
                st.busy.push((s.start, s.end));
                st.month.add(s);
                st.total.add(s);
            }
            on_slot.entry(s.id).or_default().push(id);
            out.assignments.push(Assignment { slot: s.id, person: id, why });
            placed = true;
            need -= 1;
        }
    }
    placed
}

/// Who goes first, lowest first: fewest shifts in all (earlier months included); then fewest
/// of this slot's sort (nights for a night, weekends for a weekend); then someone from the
/// recipient's group; then fewest hours; then the lower id, so ties are decided the same way
/// every time. Fairness comes before neighbourhood: a near volunteer is preferred only among
/// equally loaded ones.
fn rank(v: &Volunteer, st: &State, s: &SlotNeed) -> (u32, u32, bool, i64, i64) {
    let category = if s.night {
        st.total.night
    } else if s.weekend() {
        st.total.weekend
    } else {
        0
    };
    let other_group = s.group.is_empty() || v.group != s.group;
    (st.total.shifts, category, other_group, st.total.minutes, v.id)
}

/// Moves slot `s` from one volunteer to another in the running state: the time it blocks, the
/// month's and the total counts, and who is on the slot. (The assignment itself is the
/// caller's, with the reason it gives.)
fn hand_over(state: &mut BTreeMap<i64, State>, on_slot: &mut BTreeMap<i64, Vec<i64>>, s: &SlotNeed, from: i64, to: i64) {
    if let Some(st) = state.get_mut(&from) {
        if let Some(pos) = st.busy.iter().position(|&b| b == (s.start, s.end)) {
            st.busy.remove(pos);
        }
        st.month.remove(s);
        st.total.remove(s);
    }
    if let Some(st) = state.get_mut(&to) {
        st.busy.push((s.start, s.end));
        st.month.add(s);
        st.total.add(s);
    }
    if let Some(people) = on_slot.get_mut(&s.id) {
        for p in people.iter_mut().filter(|p| **p == from) {
            *p = to;
        }
    }
}

/// Moves generated shifts from anyone with two or more more than another volunteer who may take
/// them, until no such move is left; when none is, exchanges two volunteers' shifts over a span
/// of days (`even::exchange`). Each move or exchange lowers the sum of squared loads, so it ends.
fn even_out(input: &Input, vols: &[&Volunteer], slots: &[&SlotNeed], p: &mut Placement, out: &mut Output) {
    let slot_of: BTreeMap<i64, &SlotNeed> = slots.iter().map(|s| (s.id, *s)).collect();
    for _pass in 0..200 {
        let mut moved = false;
        for ai in 0..out.assignments.len() {
            let a = out.assignments[ai].clone();
            if matches!(a.why, RotaWhy::Paired) {
                continue;
            }
            let Some(s) = slot_of.get(&a.slot).copied() else { continue };
            let from_total = p.state.get(&a.person).map_or(0, |st| st.total.shifts);
            let mut best: Option<((u32, u32, bool, i64, i64), i64)> = None;
            for v in vols {
                if v.id == a.person {
                    continue;
                }
                let st = &p.state[&v.id];
                if st.total.shifts + 2 > from_total {
                    continue;
                }
                if block(v, s, &st.busy, st.month.shifts, input.rest_minutes).is_some() {
                    continue;
                }
                let key = rank(v, st, s);
                if best.as_ref().is_none_or(|(k, _)| key < *k) {
                    best = Some((key, v.id));
                }
            }
            let Some((key, to)) = best else { continue };
            hand_over(&mut p.state, &mut p.on_slot, s, a.person, to);
            out.assignments[ai] = Assignment { slot: a.slot, person: to, why: RotaWhy::Evened { shifts: key.0 } };
            moved = true;
        }
        if !moved && !even::exchange(input, vols, &slot_of, p, out) {
            break;
        }
    }
}

fn reason_for(input: &Input, vols: &[&Volunteer], state: &BTreeMap<i64, State>, s: &SlotNeed) -> Reason {
    let weekday = weekday_code(s.date).to_string();
    let shift = if s.night { "night" } else { "day" }.to_string();
    let blocks: Vec<(&Volunteer, Option<Block>)> = vols
        .iter()
        .map(|v| {
            let st = &state[&v.id];
            (*v, block(v, s, &st.busy, st.month.shifts, input.rest_minutes))
        })
        .collect();
    if let Some(p) = s.paired {
        let (name, b) = blocks
            .iter()
            .find(|(v, _)| v.id == p)
            .map(|(v, b)| (v.name.clone(), *b))
            .unwrap_or((String::new(), Some(Block::Kind)));
        let id = match b {
            Some(Block::Away) => "rota-unfilled-paired-away",
            Some(Block::Busy) => "rota-unfilled-paired-busy",
            Some(Block::Full) => "rota-unfilled-paired-full",
            _ => "rota-unfilled-paired-unavailable",
        };
        return Reason { id, args: vec![("name", name), ("weekday", weekday), ("shift", shift)] };
    }
    let past = |min: Block| blocks.iter().filter(|(_, b)| b.is_none_or(|b| b > min)).count();
    let kind = s.kind.code().to_string();
    if past(Block::Kind) == 0 {
        return Reason { id: "rota-unfilled-no-kind", args: vec![("kind", kind)] };
    }
    if past(Block::Untrained) == 0 {
        let topic = s.training.clone().unwrap_or_default();
        return Reason { id: "rota-unfilled-no-training", args: vec![("kind", kind), ("topic", topic)] };
    }
    if past(Block::Weekday) == 0 {
        return Reason { id: "rota-unfilled-no-weekday", args: vec![("kind", kind), ("weekday", weekday)] };
    }
    if past(Block::DayNight) == 0 {
        return Reason { id: "rota-unfilled-no-shift", args: vec![("weekday", weekday), ("shift", shift)] };
    }
    if past(Block::Away) == 0 {
        return Reason { id: "rota-unfilled-all-away", args: vec![] };
    }
    if past(Block::Full) == 0 {
        return Reason { id: "rota-unfilled-all-full", args: vec![] };
    }
    Reason { id: "rota-unfilled-all-busy", args: vec![] }
}
