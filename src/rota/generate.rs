//! Filling a month: the generator's input read from the database, its choices written back.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::generator::{self, Kept, Load, Reason, SlotNeed, Volunteer};
use super::kinds::{is_night, stored_kinds, stored_time};
use super::slots::{RotaSlot, RotaSlotId, materialise, slots_between};
use crate::audit::{self, Actor};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Month;
use crate::members::MemberNo;
use crate::standards::{self, ServiceScope};
use crate::training;

/// Least rest between two shifts of one person: a night ending at 08:00 and a day shift starting
/// then are refused, as are a day shift and that evening's night.
pub const DEFAULT_REST_HOURS: i64 = 8;

/// Earlier load that counts for fairness: done shifts in this many months before.
const HISTORY_MONTHS: u32 = 3;

/// The slot as the generator sees it. `trainings` are the topics each duty kind requires
/// (`required_trainings`).
pub(super) fn to_need(s: &RotaSlot, group: &str, paired: Option<i64>, trainings: &BTreeMap<String, String>) -> Result<SlotNeed> {
    let (start, end) = s.interval()?;
    let training = trainings.get(s.kind.code()).cloned();
    Ok(SlotNeed { id: s.id.0, date: s.date, start, end, kind: s.kind, night: s.night, people: s.people, group: group.to_string(), paired, training })
}

/// The training each duty kind's standard requires: kind code → topic.
pub(super) fn required_trainings(conn: &Connection) -> Result<BTreeMap<String, String>> {
    standards::required_trainings(conn, ServiceScope::Duty)
}

/// Volunteers with availability who are active, with their absences and earlier load.
fn load_volunteers(conn: &Connection, month: Month) -> Result<Vec<Volunteer>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, p.village_group, a.kinds, a.weekdays, a.day_shifts, a.night_shifts, a.max_shifts
         FROM volunteer_availability a JOIN person p ON p.id = a.person_id
         WHERE p.status = 'active' ORDER BY p.id",
    )?;
    let mut vols = stmt
        .query_map([], |r| {
            Ok(Volunteer {
                id: r.get(0)?,
                name: r.get(1)?,
                group: r.get(2)?,
                kinds: stored_kinds(&r.get::<_, String>(3)?).map_err(|u| u.at(3))?,
                weekdays: r.get(4)?,
                day: r.get(5)?,
                night: r.get(6)?,
                max_shifts: r.get(7)?,
                absences: Vec::new(),
                history: Load::default(),
                trainings: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut abs: BTreeMap<i64, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT person_id, from_date, until_date FROM volunteer_absence ORDER BY person_id, from_date")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))? {
        let (p, a, b) = row?;
        abs.entry(p).or_default().push((a, b));
    }
    // Earlier months: done (or covering) shifts credited to whoever served.
    let mut since = month;
    for _ in 0..HISTORY_MONTHS {
        since = since.prev();
    }
    let mut hist: BTreeMap<i64, Load> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT o.worker_id, s.date, s.start, s.end, o.minutes FROM shift_outcome o JOIN rota_slot s ON s.id = o.slot_id
         WHERE o.worker_id IS NOT NULL AND s.date >= ?1 AND s.date < ?2",
    )?;
    for row in stmt.query_map(params![since.first_day(), month.first_day()], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, i64>(4)?))
    })? {
        let (p, date, a, b, minutes) = row?;
        let h = hist.entry(p).or_default();
        h.shifts += 1;
        h.minutes += minutes;
        h.weekend += u32::from(date.weekday().number_from_monday() >= 6);
        let (a, b) = (stored_time("rota_slot.start", &a)?, stored_time("rota_slot.end", &b)?);
        h.night += u32::from(is_night(a, b));
    }
    let mut topics = training::topics_by_person(conn)?;
    for v in &mut vols {
        v.absences = abs.remove(&v.id).unwrap_or_default();
        v.history = hist.get(&v.id).copied().unwrap_or_default();
        v.trainings = topics.remove(&v.id).map(|t| t.into_iter().collect()).unwrap_or_default();
    }
    Ok(vols)
}

/// A slot the generator could not fill, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaUnfilledSlot {
    pub slot: RotaSlotId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub recipient_name: String,
    pub shift: String,
    pub missing: u32,
    pub reason: String,
}

impl RotaUnfilledSlot {
    pub(super) fn of(s: &RotaSlot, missing: u32, reason: String) -> RotaUnfilledSlot {
        RotaUnfilledSlot {
            slot: s.id,
            date: s.date,
            start: s.start.clone(),
            end: s.end.clone(),
            recipient_name: s.recipient_name.clone(),
            shift: s.shift.clone(),
            missing,
            reason,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaGenerateReport {
    pub month: Month,
    pub slots: u32,
    pub assigned: u32,
    pub kept: u32,
    pub unfilled: Vec<RotaUnfilledSlot>,
}

pub fn reason_text(r: &Reason, l10n: &Localizer) -> String {
    let args: Vec<(&str, String)> = r.args.iter().map(|(k, v)| (*k, v.clone())).collect();
    l10n.format(r.id, &args)
}

/// Everything the generator needs for a month, read from the database.
pub fn load_input(conn: &Connection, month: Month) -> Result<(generator::Input, Vec<RotaSlot>)> {
    let (first, last) = (month.first_day(), month.last_day());
    let around = slots_between(conn, first.pred_opt().unwrap_or(first), last.succ_opt().unwrap_or(last), crate::members::Phones::Masked)?;
    let groups: BTreeMap<i64, (String, i64)> = conn
        .prepare("SELECT member_no, village_group, id FROM person")?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, (r.get::<_, String>(1)?, r.get::<_, i64>(2)?))))?
        .collect::<Result<_, _>>()?;
    let id_of = |no: MemberNo| groups.get(&no.0).map(|g| g.1);
    let mut needs = Vec::new();
    let mut kept = Vec::new();
    let mut month_slots = Vec::new();
    let trainings = required_trainings(conn)?;
    for s in around {
        let in_month = s.date >= first && s.date <= last;
        let (start, end) = s.interval()?;
        for a in &s.assigned {
            let Some(pid) = id_of(a.member_no) else { continue };
            kept.push(Kept {
                slot: s.id.0,
                person: pid,
                start,
                end,
                in_month,
                weekend: s.date.weekday().number_from_monday() >= 6,
                night: s.night,
            });
        }
        if in_month {
            if !s.locked {
                let group = groups.get(&s.recipient.0).map(|g| g.0.clone()).unwrap_or_default();
                needs.push(to_need(&s, &group, s.paired.and_then(id_of), &trainings)?);
            }
            month_slots.push(s);
        }
    }
    let input = generator::Input { rest_minutes: DEFAULT_REST_HOURS * 60, slots: needs, volunteers: load_volunteers(conn, month)?, kept };
    Ok((input, month_slots))
}

/// Fills the month: makes its slots, clears what the generator made before on unlocked slots
/// (hand-made, locked and already-recorded assignments stay), runs the generator and saves its
/// choices, all in the caller's transaction.
pub fn generate(tx: &Transaction, actor: &Actor, month: Month, l10n: &Localizer) -> Result<RotaGenerateReport> {
    materialise(tx, month)?;
    let before: Vec<(i64, i64)> = assignment_pairs(tx, month)?;
    tx.execute(
        "DELETE FROM rota_assignment WHERE by_hand = 0
           AND slot_id IN (SELECT id FROM rota_slot WHERE locked = 0 AND date BETWEEN ?1 AND ?2)
           AND NOT EXISTS (SELECT 1 FROM shift_outcome o WHERE o.slot_id = rota_assignment.slot_id
                           AND o.person_id = rota_assignment.person_id)",
        params![month.first_day(), month.last_day()],
    )?;
    let (input, slots) = load_input(tx, month)?;
    let kept = input.kept.iter().filter(|k| k.in_month).count() as u32;
    let out = generator::generate(&input);
    let now = audit::now_utc();
    let mut ins = tx.prepare_cached("INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 0, ?3, ?4)")?;
    for a in &out.assignments {
        let why = serde_json::to_string(&a.why)?;
        ins.execute(params![a.slot, a.person, why, now])?;
    }
    let by_id: BTreeMap<i64, &RotaSlot> = slots.iter().map(|s| (s.id.0, s)).collect();
    let unfilled = out
        .unfilled
        .iter()
        .filter_map(|u| {
            let s = by_id.get(&u.slot)?;
            Some(RotaUnfilledSlot::of(s, u.missing, reason_text(&u.reason, l10n)))
        })
        .collect();
    let report = RotaGenerateReport { month, slots: slots.len() as u32, assigned: out.assignments.len() as u32, kept, unfilled };
    let after = assignment_pairs(tx, month)?;
    audit::record(tx, actor, "generate", "rota_month", month, Some(&before), Some(&after))?;
    Ok(report)
}

/// (slot id, member no) of every assignment in the month, for the audit log.
fn assignment_pairs(conn: &Connection, month: Month) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT a.slot_id, p.member_no FROM rota_assignment a JOIN rota_slot s ON s.id = a.slot_id
         JOIN person p ON p.id = a.person_id WHERE s.date BETWEEN ?1 AND ?2 ORDER BY a.slot_id, p.member_no",
    )?;
    let rows = stmt.query_map(params![month.first_day(), month.last_day()], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
