//! Care rotas (值班表): volunteers' availability, care cases and their shifts, pairings
//! (老伙伴结对), the month's slots and who is on them, what happened after the day, and the log
//! of visits and calls. The rules that choose people live in `generator` (pure, no database);
//! this module loads its input, checks manual changes against the same rules, and writes
//! everything in the caller's transaction with an audit row.

pub mod demo;
pub mod generator;
pub mod print;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::choice::choice;
use crate::kernel::fields;
use crate::members::{self, MemberNo, PersonId};
use crate::kernel::Month;
use generator::{Block, Kept, Load, Reason, SlotNeed, Volunteer, RotaWhy};

/// Least rest between two shifts of one person: a night ending at 08:00 and a day shift starting
/// then are refused, as are a day shift and that evening's night.
pub const DEFAULT_REST_HOURS: i64 = 8;
/// An elder living alone with no visit or call for this many days is flagged.
pub const DEFAULT_OVERDUE_DAYS: i64 = 7;
/// Earlier load that counts for fairness: done shifts in this many months before.
const HISTORY_MONTHS: u32 = 3;

choice! {
    /// The three kinds of recurring duty.
    DutyKind {
        Care = "care" / "rota-kind-care" ["护理"],
        Visit = "visit" / "rota-kind-visit" ["探望"],
        Hall = "hall" / "rota-kind-hall" ["值班"],
    }
}

/// A set of weekdays, 1 = Monday … 7 = Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Weekdays(pub u8);

impl Weekdays {
    pub const ALL: Weekdays = Weekdays(0b111_1111);

    pub fn contains(self, day: u32) -> bool {
        (1..=7).contains(&day) && self.0 & (1 << (day - 1)) != 0
    }

    pub fn days(self) -> Vec<u32> {
        (1..=7).filter(|d| self.contains(*d)).collect()
    }

    /// "1,2,3" or "1-5" (and mixes: "1-3,6"); anything outside 1..7 is a localised error.
    pub fn parse(field: &'static str, s: &str) -> Result<Weekdays> {
        let bad = |v: &str| Error::invalid_with(field, "error-rota-weekday-invalid", vec![("value", v.to_string())]);
        let mut bits = 0u8;
        for part in s.split([',', '，', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
            let (a, b) = match part.split_once(['-', '.']) {
                Some((a, b)) => (a.trim_matches('.'), b.trim_matches('.')),
                None => (part, part),
            };
            let a: u32 = a.parse().map_err(|_| bad(part))?;
            let b: u32 = b.parse().map_err(|_| bad(part))?;
            if !(1..=7).contains(&a) || !(1..=7).contains(&b) || a > b {
                return Err(bad(part));
            }
            for d in a..=b {
                bits |= 1 << (d - 1);
            }
        }
        if bits == 0 {
            return Err(bad(s));
        }
        Ok(Weekdays(bits))
    }

    fn to_db(self) -> String {
        self.days().iter().map(u32::to_string).collect::<Vec<_>>().join(",")
    }

    fn from_db(s: &str) -> Weekdays {
        Weekdays::parse("weekdays", s).unwrap_or(Weekdays::ALL)
    }
}

/// A time of day as typed: HH:MM, 00:00-23:59 (24:00 is taken as the next midnight).
pub fn parse_time(field: &'static str, s: &str) -> Result<NaiveTime> {
    let t = s.trim();
    let bad = || Error::invalid_with(field, "error-rota-time-invalid", vec![("value", s.to_string())]);
    if t == "24:00" {
        return Ok(NaiveTime::MIN);
    }
    let (h, m) = t.split_once([':', '：']).ok_or_else(bad)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// An inclusive date range typed as YYYY-MM-DD..YYYY-MM-DD.
pub fn parse_range(field: &'static str, s: &str) -> Result<(NaiveDate, NaiveDate)> {
    let bad = || Error::invalid_with(field, "error-rota-range-invalid", vec![("value", s.to_string())]);
    let (a, b) = s.trim().split_once("..").ok_or_else(bad)?;
    let (a, b) = (fields::date(field, a)?, fields::date(field, b)?);
    if a > b {
        return Err(Error::invalid_with(field, "error-rota-range-reversed", vec![("from", a.to_string()), ("until", b.to_string())]));
    }
    Ok((a, b))
}

/// A comma list of duty kinds: care,visit,hall.
pub fn parse_kinds(field: &'static str, s: &str) -> Result<Vec<DutyKind>> {
    let mut kinds = Vec::new();
    for part in s.split([',', '，']).map(str::trim).filter(|p| !p.is_empty()) {
        let k = DutyKind::parse(part).ok_or_else(|| {
            Error::invalid_with(field, "error-choice-invalid", vec![("value", part.to_string()), ("choices", "care, visit, hall".into())])
        })?;
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    if kinds.is_empty() {
        return Err(Error::invalid_with(field, "error-choice-invalid", vec![("value", s.to_string()), ("choices", "care, visit, hall".into())]));
    }
    kinds.sort();
    Ok(kinds)
}

/// day,night → (day, night).
pub fn parse_shift_kinds(field: &'static str, s: &str) -> Result<(bool, bool)> {
    let (mut day, mut night) = (false, false);
    for part in s.split([',', '，']).map(str::trim).filter(|p| !p.is_empty()) {
        match part {
            "day" | "白班" | "日" => day = true,
            "night" | "夜班" | "夜" => night = true,
            _ => {
                return Err(Error::invalid_with(field, "error-choice-invalid", vec![("value", part.to_string()), ("choices", "day, night".into())]))
            }
        }
    }
    if !day && !night {
        return Err(Error::invalid_with(field, "error-choice-invalid", vec![("value", s.to_string()), ("choices", "day, night".into())]));
    }
    Ok((day, night))
}

/// A shift of a care case: name, start, end (the next day when not after the start), people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftSpec {
    pub name: String,
    #[ts(type = "string")]
    pub start: NaiveTime,
    #[ts(type = "string")]
    pub end: NaiveTime,
    pub people: u32,
}

impl ShiftSpec {
    /// NAME@HH:MM-HH:MM[xN], e.g. 白班@08:00-20:00, 夜班@20:00-08:00x2.
    pub fn parse(field: &'static str, s: &str) -> Result<ShiftSpec> {
        let bad = || Error::invalid_with(field, "error-rota-shift-invalid", vec![("value", s.to_string())]);
        let (name, rest) = s.trim().split_once('@').ok_or_else(bad)?;
        let (times, people) = match rest.split_once(['x', 'X', '×']) {
            Some((t, n)) => (t, n.trim().parse::<u32>().map_err(|_| bad())?),
            None => (rest, 1),
        };
        let (a, b) = times.split_once('-').ok_or_else(bad)?;
        let spec = ShiftSpec { name: name.trim().to_string(), start: parse_time(field, a)?, end: parse_time(field, b)?, people };
        spec.check(field)?;
        Ok(spec)
    }

    fn check(&self, field: &'static str) -> Result<()> {
        if self.name.is_empty() || self.name.chars().count() > 12 {
            return Err(Error::invalid_with(field, "error-rota-shift-name", vec![("value", self.name.clone())]));
        }
        if !(1..=20).contains(&self.people) {
            return Err(Error::invalid_with(field, "error-rota-shift-people", vec![("value", self.people.to_string())]));
        }
        if self.start == self.end {
            return Err(Error::invalid_with(field, "error-rota-shift-empty", vec![("value", hhmm(self.start))]));
        }
        Ok(())
    }

    pub fn minutes(&self) -> i64 {
        let m = (self.end - self.start).num_minutes();
        if m <= 0 {
            m + 24 * 60
        } else {
            m
        }
    }

    /// A night shift crosses midnight or starts in the evening or small hours.
    pub fn is_night(&self) -> bool {
        is_night(self.start, self.end)
    }
}

pub fn is_night(start: NaiveTime, end: NaiveTime) -> bool {
    use chrono::Timelike;
    end <= start || start.hour() >= 19 || start.hour() < 5
}

/// The shifts a kind of case gets when none are given.
pub fn default_shifts(kind: DutyKind, l10n: &Localizer) -> Vec<ShiftSpec> {
    let t = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    match kind {
        DutyKind::Care => vec![
            ShiftSpec { name: l10n.t("rota-shift-day"), start: t(8, 0), end: t(20, 0), people: 1 },
            ShiftSpec { name: l10n.t("rota-shift-night"), start: t(20, 0), end: t(8, 0), people: 1 },
        ],
        DutyKind::Visit => vec![ShiftSpec { name: l10n.t("rota-shift-visit"), start: t(9, 0), end: t(10, 0), people: 1 }],
        DutyKind::Hall => vec![ShiftSpec { name: l10n.t("rota-shift-hall"), start: t(14, 0), end: t(17, 30), people: 1 }],
    }
}

// ---------------------------------------------------------------------------------------------
// Volunteers

/// What `volunteer set` changes; `None` leaves a value as it is (or its default for someone new:
/// every kind, every day, day shifts only, no limit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct VolunteerAvailabilityInput {
    pub kinds: Option<Vec<DutyKind>>,
    pub weekdays: Option<Weekdays>,
    /// (day, night)
    pub shifts: Option<(bool, bool)>,
    /// Some(None) removes the limit.
    pub max_shifts: Option<Option<u32>>,
    #[ts(type = "Array<[string, string]>")]
    pub away: Vec<(NaiveDate, NaiveDate)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VolunteerAvailability {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    pub kinds: Vec<DutyKind>,
    pub weekdays: Vec<u32>,
    pub day: bool,
    pub night: bool,
    pub max_shifts: Option<u32>,
    #[ts(type = "Array<[string, string]>")]
    pub absences: Vec<(NaiveDate, NaiveDate)>,
}

pub fn availability(conn: &Connection, no: MemberNo) -> Result<Option<VolunteerAvailability>> {
    let id = members::id_of(conn, no)?;
    let row = conn
        .query_row(
            "SELECT p.name, p.village_group, a.kinds, a.weekdays, a.day_shifts, a.night_shifts, a.max_shifts
             FROM volunteer_availability a JOIN person p ON p.id = a.person_id WHERE a.person_id = ?1",
            [id.0],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, bool>(5)?,
                    r.get::<_, Option<u32>>(6)?,
                ))
            },
        )
        .optional()?;
    let Some((name, village_group, kinds, weekdays, day, night, max_shifts)) = row else { return Ok(None) };
    Ok(Some(VolunteerAvailability {
        member_no: no,
        name,
        village_group,
        kinds: kinds.split(',').filter_map(DutyKind::parse).collect(),
        weekdays: Weekdays::from_db(&weekdays).days(),
        day,
        night,
        max_shifts,
        absences: absences_of(conn, id)?,
    }))
}

fn absences_of(conn: &Connection, id: PersonId) -> Result<Vec<(NaiveDate, NaiveDate)>> {
    let mut stmt = conn.prepare_cached("SELECT from_date, until_date FROM volunteer_absence WHERE person_id = ?1 ORDER BY from_date, until_date")?;
    let rows = stmt.query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Sets what a volunteer can do and adds planned absences.
pub fn set_volunteer(tx: &Transaction, actor: &Actor, no: MemberNo, input: &VolunteerAvailabilityInput, today: NaiveDate) -> Result<VolunteerAvailability> {
    let person = members::get_by_no(tx, no, today)?;
    if matches!(person.status, members::Status::Deceased | members::Status::Left) {
        return Err(Error::conflict("error-rota-person-inactive", vec![("no", no.to_string()), ("name", person.name)]));
    }
    if let Some(Some(m)) = input.max_shifts {
        if m > 93 {
            return Err(Error::invalid_with("max_shifts", "error-rota-max-shifts", vec![("value", m.to_string())]));
        }
    }
    if input.shifts == Some((false, false)) {
        return Err(Error::invalid_with("shifts", "error-choice-invalid", vec![("value", String::new()), ("choices", "day, night".into())]));
    }
    if input.kinds.as_ref().is_some_and(Vec::is_empty) {
        return Err(Error::invalid_with("kinds", "error-choice-invalid", vec![("value", String::new()), ("choices", "care, visit, hall".into())]));
    }
    if input.weekdays.is_some_and(|w| w.0 & 0x7f == 0) {
        return Err(Error::invalid_with("weekdays", "error-rota-weekday-invalid", vec![("value", String::new())]));
    }
    for &(a, b) in &input.away {
        if a > b {
            return Err(Error::invalid_with("away", "error-rota-range-reversed", vec![("from", a.to_string()), ("until", b.to_string())]));
        }
    }
    let before = availability(tx, no)?;
    let mut kinds = input.kinds.clone().or_else(|| before.as_ref().map(|b| b.kinds.clone())).unwrap_or_else(|| DutyKind::ALL.to_vec());
    kinds.sort();
    kinds.dedup();
    let weekdays = input
        .weekdays
        .or_else(|| before.as_ref().map(|b| Weekdays(b.weekdays.iter().fold(0, |acc, d| acc | (1 << (d - 1))))))
        .unwrap_or(Weekdays::ALL);
    let (day, night) = input.shifts.or_else(|| before.as_ref().map(|b| (b.day, b.night))).unwrap_or((true, false));
    let max_shifts = match input.max_shifts {
        Some(m) => m,
        None => before.as_ref().and_then(|b| b.max_shifts),
    };
    let kinds_db = kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(",");
    tx.execute(
        "INSERT INTO volunteer_availability (person_id, kinds, weekdays, day_shifts, night_shifts, max_shifts, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (person_id) DO UPDATE SET kinds = ?2, weekdays = ?3, day_shifts = ?4, night_shifts = ?5,
             max_shifts = ?6, updated_at = ?7",
        params![person.id.0, kinds_db, weekdays.to_db(), day, night, max_shifts, audit::now_utc()],
    )?;
    for &(a, b) in &input.away {
        tx.execute(
            "INSERT OR IGNORE INTO volunteer_absence (person_id, from_date, until_date, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![person.id.0, a, b, audit::now_utc()],
        )?;
    }
    let after = availability(tx, no)?.ok_or_else(|| Error::not_found("error-person-not-found", no))?;
    audit::record(tx, actor, "set", "volunteer_availability", no, before.as_ref(), Some(&after))?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Care cases and pairings

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaSlotId(pub i64);

impl std::fmt::Display for RotaSlotId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseInput {
    pub recipient: MemberNo,
    pub kind: DutyKind,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    /// Empty: the kind's usual shifts (`default_shifts`).
    pub shifts: Vec<ShiftSpec>,
    pub weekdays: Weekdays,
    pub every_days: u32,
    /// Empty: the recipient's address from the register.
    pub address: String,
    pub medicines: String,
    /// Empty: the recipient's first family contact.
    pub family_to_call: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CareCase {
    pub id: CaseId,
    pub recipient: MemberNo,
    pub recipient_name: String,
    pub village_group: String,
    pub kind: DutyKind,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    pub weekdays: Vec<u32>,
    pub every_days: u32,
    pub shifts: Vec<ShiftSpec>,
    /// The paired volunteer, for a pairing's visits.
    pub paired: Option<MemberNo>,
    pub address: String,
    pub medicines: String,
    pub family_to_call: String,
    pub notes: String,
}

/// Adds a care case with its shifts; returns it with its id.
pub fn add_case(tx: &Transaction, actor: &Actor, input: &CaseInput, l10n: &Localizer, today: NaiveDate) -> Result<CareCase> {
    add_case_inner(tx, actor, input, None, l10n, today)
}

fn add_case_inner(tx: &Transaction, actor: &Actor, input: &CaseInput, pairing: Option<i64>, l10n: &Localizer, today: NaiveDate) -> Result<CareCase> {
    let person = members::get_by_no(tx, input.recipient, today)?;
    if matches!(person.status, members::Status::Deceased | members::Status::Left) {
        return Err(Error::conflict("error-rota-person-inactive", vec![("no", input.recipient.to_string()), ("name", person.name)]));
    }
    if let Some(u) = input.until {
        if u < input.from {
            return Err(Error::invalid_with("until", "error-rota-range-reversed", vec![("from", input.from.to_string()), ("until", u.to_string())]));
        }
    }
    if !(1..=366).contains(&input.every_days) {
        return Err(Error::invalid_with("every_days", "error-rota-every-days", vec![("value", input.every_days.to_string())]));
    }
    if input.weekdays.0 & 0x7f == 0 {
        return Err(Error::invalid_with("weekdays", "error-rota-weekday-invalid", vec![("value", String::new())]));
    }
    let shifts = if input.shifts.is_empty() { default_shifts(input.kind, l10n) } else { input.shifts.clone() };
    for s in &shifts {
        s.check("shift")?;
    }
    let address = fields::text("address", &input.address, 100)?;
    let medicines = fields::text("medicines", &input.medicines, 200)?;
    let family = fields::text("family_to_call", &input.family_to_call, 100)?;
    let notes = fields::text("notes", &input.notes, 300)?;
    tx.execute(
        "INSERT INTO care_case (recipient_id, kind, from_date, until_date, weekdays, every_days, pairing_id, address,
             medicines, family_to_call, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            person.id.0,
            input.kind,
            input.from,
            input.until,
            input.weekdays.to_db(),
            input.every_days,
            pairing,
            address,
            medicines,
            family,
            notes,
            audit::now_utc()
        ],
    )?;
    let id = CaseId(tx.last_insert_rowid());
    for (i, s) in shifts.iter().enumerate() {
        tx.execute(
            "INSERT INTO case_shift (case_id, position, name, start, end, people) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id.0, i as i64, s.name, hhmm(s.start), hhmm(s.end), s.people],
        )?;
    }
    let case = get_case(tx, id)?;
    audit::record(tx, actor, "add", "care_case", id.0, None::<&CareCase>, Some(&case))?;
    Ok(case)
}

pub fn get_case(conn: &Connection, id: CaseId) -> Result<CareCase> {
    let mut c = conn
        .query_row(
            "SELECT c.id, p.member_no, p.name, p.village_group, c.kind, c.from_date, c.until_date, c.weekdays, c.every_days,
                    (SELECT v.member_no FROM pairing pr JOIN person v ON v.id = pr.volunteer_id WHERE pr.id = c.pairing_id),
                    CASE WHEN c.address <> '' THEN c.address ELSE p.address END, c.medicines,
                    CASE WHEN c.family_to_call <> '' THEN c.family_to_call ELSE
                      coalesce((SELECT f.relation || ' ' || f.name || ' ' || f.phone FROM family_contact f
                                WHERE f.person_id = p.id ORDER BY f.position LIMIT 1), '') END,
                    c.notes
             FROM care_case c JOIN person p ON p.id = c.recipient_id WHERE c.id = ?1",
            [id.0],
            |r| {
                Ok(CareCase {
                    id: CaseId(r.get(0)?),
                    recipient: MemberNo(r.get(1)?),
                    recipient_name: r.get(2)?,
                    village_group: r.get(3)?,
                    kind: r.get(4)?,
                    from: r.get(5)?,
                    until: r.get(6)?,
                    weekdays: Weekdays::from_db(&r.get::<_, String>(7)?).days(),
                    every_days: r.get(8)?,
                    shifts: Vec::new(),
                    paired: r.get::<_, Option<i64>>(9)?.map(MemberNo),
                    address: r.get(10)?,
                    medicines: r.get(11)?,
                    family_to_call: r.get::<_, String>(12)?.trim().to_string(),
                    notes: r.get(13)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("error-rota-case-not-found", id.0))?;
    let mut stmt = conn.prepare_cached("SELECT name, start, end, people FROM case_shift WHERE case_id = ?1 ORDER BY position")?;
    c.shifts = stmt
        .query_map([id.0], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(3)?)))?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(name, a, b, people)| ShiftSpec {
            name,
            start: parse_time("start", &a).unwrap_or(NaiveTime::MIN),
            end: parse_time("end", &b).unwrap_or(NaiveTime::MIN),
            people,
        })
        .collect();
    Ok(c)
}

pub fn list_cases(conn: &Connection) -> Result<Vec<CareCase>> {
    let ids: Vec<i64> = conn.prepare("SELECT id FROM care_case ORDER BY id")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    ids.into_iter().map(|i| get_case(conn, CaseId(i))).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pairing {
    pub id: i64,
    pub volunteer: MemberNo,
    pub elder: MemberNo,
    pub every_days: u32,
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The care case that carries the pairing's visits.
    pub case_id: CaseId,
}

/// Pairs a volunteer with an elder (老伙伴结对): a visit every `every_days` days from `from`,
/// always by that volunteer.
pub fn add_pairing(
    tx: &Transaction,
    actor: &Actor,
    volunteer: MemberNo,
    elder: MemberNo,
    every_days: u32,
    from: NaiveDate,
    l10n: &Localizer,
    today: NaiveDate,
) -> Result<Pairing> {
    let v = members::get_by_no(tx, volunteer, today)?;
    let e = members::get_by_no(tx, elder, today)?;
    if v.id == e.id {
        return Err(Error::invalid("elder", "error-rota-pair-self"));
    }
    if !(1..=366).contains(&every_days) {
        return Err(Error::invalid_with("every_days", "error-rota-every-days", vec![("value", every_days.to_string())]));
    }
    if availability(tx, volunteer)?.is_none() {
        return Err(Error::conflict("error-rota-not-volunteer", vec![("no", volunteer.to_string()), ("name", v.name.clone())]));
    }
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pairing WHERE volunteer_id = ?1 AND elder_id = ?2 AND active = 1)",
        [v.id.0, e.id.0],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::conflict("error-rota-pair-exists", vec![("volunteer", v.name.clone()), ("elder", e.name.clone())]));
    }
    tx.execute(
        "INSERT INTO pairing (volunteer_id, elder_id, every_days, from_date, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![v.id.0, e.id.0, every_days, from, audit::now_utc()],
    )?;
    let pid = tx.last_insert_rowid();
    let input = CaseInput {
        recipient: elder,
        kind: DutyKind::Visit,
        from,
        until: None,
        shifts: default_shifts(DutyKind::Visit, l10n),
        weekdays: Weekdays::ALL,
        every_days,
        address: String::new(),
        medicines: String::new(),
        family_to_call: String::new(),
        notes: l10n.format("rota-pair-note", &[("name", v.name.clone())]),
    };
    let case = add_case_inner(tx, actor, &input, Some(pid), l10n, today)?;
    let p = Pairing { id: pid, volunteer, elder, every_days, from, case_id: case.id };
    audit::record(tx, actor, "add", "pairing", pid, None::<&Pairing>, Some(&p))?;
    Ok(p)
}

// ---------------------------------------------------------------------------------------------
// Slots

/// The dates in `[from, until]` a case has a shift on.
pub fn case_dates(c: &CareCase, from: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let first = from.max(c.from);
    let last = c.until.map_or(until, |u| u.min(until));
    let every = i64::from(c.every_days.max(1));
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        let since = (d - c.from).num_days();
        if since % every == 0 && c.weekdays.contains(&d.weekday().number_from_monday()) {
            out.push(d);
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// Makes sure every shift of every case in the month has its slot row.
fn materialise(tx: &Transaction, month: Month) -> Result<()> {
    let cases = list_cases(tx)?;
    let mut shift_ids = tx.prepare_cached("SELECT id FROM case_shift WHERE case_id = ?1 ORDER BY position")?;
    let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO rota_slot (case_id, shift_id, date, start, end) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for c in &cases {
        let ids: Vec<i64> = shift_ids.query_map([c.id.0], |r| r.get(0))?.collect::<Result<_, _>>()?;
        for d in case_dates(c, month.first_day(), month.last_day()) {
            for (s, sid) in c.shifts.iter().zip(&ids) {
                insert.execute(params![c.id.0, sid, d, hhmm(s.start), hhmm(s.end)])?;
            }
        }
    }
    Ok(())
}

/// One person on a slot, as lists and the roster show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaAssignee {
    pub member_no: MemberNo,
    pub name: String,
    pub phone: String,
    pub by_hand: bool,
    pub why: RotaWhy,
    pub outcome: Option<ShiftOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftOutcome {
    pub kind: ShiftOutcomeKind,
    /// Who actually served (None when missed).
    pub worker: Option<MemberNo>,
    pub minutes: i64,
}

choice! {
    ShiftOutcomeKind {
        Done = "done" / "ui-rota-outcome-done" [],
        Missed = "missed" / "ui-rota-outcome-missed" [],
        Covered = "covered" / "ui-rota-outcome-covered" [],
    }
}

/// A dated shift of a care case and the people on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaSlot {
    pub id: RotaSlotId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    /// true when the shift ends the next day
    pub overnight: bool,
    pub night: bool,
    pub case_id: CaseId,
    pub kind: DutyKind,
    pub shift: String,
    pub people: u32,
    pub recipient: MemberNo,
    pub recipient_name: String,
    pub address: String,
    pub locked: bool,
    pub paired: Option<MemberNo>,
    pub assigned: Vec<RotaAssignee>,
}

impl RotaSlot {
    pub fn interval(&self) -> (NaiveDateTime, NaiveDateTime) {
        let s = parse_time("start", &self.start).unwrap_or(NaiveTime::MIN);
        let e = parse_time("end", &self.end).unwrap_or(NaiveTime::MIN);
        interval(self.date, s, e)
    }

    pub fn minutes(&self) -> i64 {
        let (a, b) = self.interval();
        (b - a).num_minutes()
    }

    pub fn short(&self) -> u32 {
        self.people.saturating_sub(self.assigned.len() as u32)
    }
}

pub fn interval(date: NaiveDate, start: NaiveTime, end: NaiveTime) -> (NaiveDateTime, NaiveDateTime) {
    let a = date.and_time(start);
    let mut b = date.and_time(end);
    if b <= a {
        b += Duration::days(1);
    }
    (a, b)
}

const SLOT_SELECT: &str = "SELECT s.id, s.date, s.start, s.end, s.case_id, c.kind, sh.name, sh.people, rp.member_no, rp.name,
        CASE WHEN c.address <> '' THEN c.address ELSE rp.address END, s.locked,
        (SELECT v.member_no FROM pairing pr JOIN person v ON v.id = pr.volunteer_id WHERE pr.id = c.pairing_id)
     FROM rota_slot s JOIN care_case c ON c.id = s.case_id JOIN case_shift sh ON sh.id = s.shift_id
     JOIN person rp ON rp.id = c.recipient_id";

fn slot_from_row(r: &rusqlite::Row) -> rusqlite::Result<RotaSlot> {
    let start: String = r.get(2)?;
    let end: String = r.get(3)?;
    let (st, en) = (parse_time("start", &start).unwrap_or(NaiveTime::MIN), parse_time("end", &end).unwrap_or(NaiveTime::MIN));
    Ok(RotaSlot {
        id: RotaSlotId(r.get(0)?),
        date: r.get(1)?,
        overnight: en <= st,
        night: is_night(st, en),
        start,
        end,
        case_id: CaseId(r.get(4)?),
        kind: r.get(5)?,
        shift: r.get(6)?,
        people: r.get(7)?,
        recipient: MemberNo(r.get(8)?),
        recipient_name: r.get(9)?,
        address: r.get(10)?,
        locked: r.get(11)?,
        paired: r.get::<_, Option<i64>>(12)?.map(MemberNo),
        assigned: Vec::new(),
    })
}

/// The slots dated in `[from, until]` with their people, in time order.
pub fn slots_between(conn: &Connection, from: NaiveDate, until: NaiveDate) -> Result<Vec<RotaSlot>> {
    let mut stmt = conn.prepare_cached(&format!("{SLOT_SELECT} WHERE s.date BETWEEN ?1 AND ?2 ORDER BY s.date, s.start, s.case_id, sh.position"))?;
    let mut slots = stmt.query_map(params![from, until], slot_from_row)?.collect::<Result<Vec<_>, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.slot_id, p.member_no, p.name, p.phones, a.by_hand, a.why, o.outcome, w.member_no, o.minutes
         FROM rota_assignment a JOIN rota_slot s ON s.id = a.slot_id JOIN person p ON p.id = a.person_id
         LEFT JOIN shift_outcome o ON o.slot_id = a.slot_id AND o.person_id = a.person_id
         LEFT JOIN person w ON w.id = o.worker_id
         WHERE s.date BETWEEN ?1 AND ?2 ORDER BY a.slot_id, p.name_sort, p.member_no",
    )?;
    let mut by_slot: BTreeMap<i64, Vec<RotaAssignee>> = BTreeMap::new();
    let rows = stmt.query_map(params![from, until], |r| {
        let phones: String = r.get(3)?;
        let why: String = r.get(5)?;
        let outcome: Option<String> = r.get(6)?;
        Ok((
            r.get::<_, i64>(0)?,
            RotaAssignee {
                member_no: MemberNo(r.get(1)?),
                name: r.get(2)?,
                phone: phones.split('\n').next().unwrap_or_default().to_string(),
                by_hand: r.get(4)?,
                why: serde_json::from_str(&why).unwrap_or(RotaWhy::ByHand),
                outcome: match outcome.as_deref() {
                    Some(k) => Some(ShiftOutcome {
                        kind: match k {
                            "done" => ShiftOutcomeKind::Done,
                            "covered" => ShiftOutcomeKind::Covered,
                            _ => ShiftOutcomeKind::Missed,
                        },
                        worker: r.get::<_, Option<i64>>(7)?.map(MemberNo),
                        minutes: r.get(8)?,
                    }),
                    None => None,
                },
            },
        ))
    })?;
    for row in rows {
        let (slot, a) = row?;
        by_slot.entry(slot).or_default().push(a);
    }
    for s in &mut slots {
        if let Some(a) = by_slot.remove(&s.id.0) {
            s.assigned = a;
        }
    }
    Ok(slots)
}

pub fn list_month(conn: &Connection, month: Month) -> Result<Vec<RotaSlot>> {
    slots_between(conn, month.first_day(), month.last_day())
}

pub fn get_slot(conn: &Connection, id: RotaSlotId) -> Result<RotaSlot> {
    let date: NaiveDate = conn
        .query_row("SELECT date FROM rota_slot WHERE id = ?1", [id.0], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found("error-rota-slot-not-found", id.0))?;
    slots_between(conn, date, date)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::not_found("error-rota-slot-not-found", id.0))
}

// ---------------------------------------------------------------------------------------------
// Generation

fn to_need(s: &RotaSlot, group: &str, paired: Option<i64>) -> SlotNeed {
    let (start, end) = s.interval();
    SlotNeed { id: s.id.0, date: s.date, start, end, kind: s.kind, night: s.night, people: s.people, group: group.to_string(), paired }
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
                kinds: r.get::<_, String>(3)?.split(',').filter_map(DutyKind::parse).collect(),
                weekdays: Weekdays::from_db(&r.get::<_, String>(4)?),
                day: r.get(5)?,
                night: r.get(6)?,
                max_shifts: r.get(7)?,
                absences: Vec::new(),
                history: Load::default(),
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
        let (a, b) = (parse_time("start", &a).unwrap_or(NaiveTime::MIN), parse_time("end", &b).unwrap_or(NaiveTime::MIN));
        h.night += u32::from(is_night(a, b));
    }
    for v in &mut vols {
        v.absences = abs.remove(&v.id).unwrap_or_default();
        v.history = hist.get(&v.id).copied().unwrap_or_default();
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
    fn of(s: &RotaSlot, missing: u32, reason: String) -> RotaUnfilledSlot {
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
    let around = slots_between(conn, first.pred_opt().unwrap_or(first), last.succ_opt().unwrap_or(last))?;
    let groups: BTreeMap<i64, (String, i64)> = conn
        .prepare("SELECT member_no, village_group, id FROM person")?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, (r.get::<_, String>(1)?, r.get::<_, i64>(2)?))))?
        .collect::<Result<_, _>>()?;
    let id_of = |no: MemberNo| groups.get(&no.0).map(|g| g.1);
    let mut needs = Vec::new();
    let mut kept = Vec::new();
    let mut month_slots = Vec::new();
    for s in around {
        let in_month = s.date >= first && s.date <= last;
        let (start, end) = s.interval();
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
                needs.push(to_need(&s, &group, s.paired.and_then(id_of)));
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
        let why = serde_json::to_string(&a.why).map_err(|e| Error::Io(std::io::Error::other(e)))?;
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

// ---------------------------------------------------------------------------------------------
// Manual changes

fn error_for(block: Block, slot: &RotaSlot, name: &str) -> Error {
    let weekday = generator::weekday_code(slot.date).to_string();
    let shift = if slot.night { "night" } else { "day" }.to_string();
    let kind = slot.kind.code().to_string();
    let n = ("name", name.to_string());
    match block {
        Block::Kind => Error::conflict("error-rota-cannot-kind", vec![n, ("kind", kind)]),
        Block::Weekday => Error::conflict("error-rota-cannot-weekday", vec![n, ("weekday", weekday)]),
        Block::DayNight => Error::conflict("error-rota-cannot-shift", vec![n, ("shift", shift)]),
        Block::Away => Error::conflict("error-rota-cannot-away", vec![n, ("date", slot.date.to_string())]),
        Block::Full => Error::conflict("error-rota-cannot-full", vec![n]),
        Block::Busy => Error::conflict("error-rota-cannot-busy", vec![n]),
        Block::NotPaired => Error::conflict("error-rota-cannot-paired", vec![n]),
    }
}

/// Checks that `no` may take `slot` under the hard rules, ignoring the assignments in `ignore`
/// (slot id, person id) — the ones a swap is about to move.
fn check_assignable(conn: &Connection, slot: &RotaSlot, no: MemberNo, ignore: &[(i64, i64)]) -> Result<i64> {
    let person_id = members::id_of(conn, no)?;
    let month = Month::of(slot.date);
    let (input, _) = load_input(conn, month)?;
    let name: String = conn.query_row("SELECT name FROM person WHERE id = ?1", [person_id.0], |r| r.get(0))?;
    let Some(v) = input.volunteers.iter().find(|v| v.id == person_id.0) else {
        return Err(Error::conflict("error-rota-not-volunteer", vec![("no", no.to_string()), ("name", name)]));
    };
    let mine: Vec<&Kept> = input.kept.iter().filter(|k| k.person == person_id.0 && !ignore.contains(&(k.slot, k.person))).collect();
    if mine.iter().any(|k| k.slot == slot.id.0) {
        return Err(Error::conflict("error-rota-already-on", vec![("name", name), ("slot", slot.id.to_string())]));
    }
    let busy: Vec<_> = mine.iter().map(|k| (k.start, k.end)).collect();
    let month_shifts = mine.iter().filter(|k| k.in_month).count() as u32;
    let paired = slot.paired.and_then(|p| members::id_of(conn, p).ok()).map(|p| p.0);
    let need = to_need(slot, "", paired);
    if let Some(b) = generator::block(v, &need, &busy, month_shifts, DEFAULT_REST_HOURS * 60) {
        return Err(error_for(b, slot, &name));
    }
    Ok(person_id.0)
}

fn ensure_no_outcome(conn: &Connection, slot: RotaSlotId, person: i64) -> Result<()> {
    let done: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM shift_outcome WHERE slot_id = ?1 AND person_id = ?2)",
        [slot.0, person],
        |r| r.get(0),
    )?;
    if done {
        return Err(Error::conflict("error-rota-already-recorded", vec![("slot", slot.to_string())]));
    }
    Ok(())
}

fn hand_why() -> String {
    serde_json::to_string(&RotaWhy::ByHand).unwrap_or_else(|_| "{\"rule\":\"by_hand\"}".into())
}

/// Puts someone on a slot by hand, after checking every hard rule.
pub fn assign(tx: &Transaction, actor: &Actor, slot: RotaSlotId, no: MemberNo) -> Result<RotaSlot> {
    let before = get_slot(tx, slot)?;
    if before.short() == 0 {
        return Err(Error::conflict("error-rota-slot-full", vec![("slot", slot.to_string())]));
    }
    let pid = check_assignable(tx, &before, no, &[])?;
    tx.execute(
        "INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 1, ?3, ?4)",
        params![slot.0, pid, hand_why(), audit::now_utc()],
    )?;
    let after = get_slot(tx, slot)?;
    audit::record(tx, actor, "assign", "rota_slot", slot, Some(&before), Some(&after))?;
    Ok(after)
}

pub fn unassign(tx: &Transaction, actor: &Actor, slot: RotaSlotId, no: MemberNo) -> Result<RotaSlot> {
    let before = get_slot(tx, slot)?;
    let pid = members::id_of(tx, no)?;
    ensure_no_outcome(tx, slot, pid.0)?;
    let n = tx.execute("DELETE FROM rota_assignment WHERE slot_id = ?1 AND person_id = ?2", params![slot.0, pid.0])?;
    if n == 0 {
        return Err(Error::conflict("error-rota-not-on-slot", vec![("no", no.to_string()), ("slot", slot.to_string())]));
    }
    let after = get_slot(tx, slot)?;
    audit::record(tx, actor, "unassign", "rota_slot", slot, Some(&before), Some(&after))?;
    Ok(after)
}

/// Swaps two people between two slots: `no_a` leaves `a` for `b`, `no_b` leaves `b` for `a`.
/// Both moves are checked against the hard rules as if the other had already happened.
pub fn swap(tx: &Transaction, actor: &Actor, a: RotaSlotId, no_a: MemberNo, b: RotaSlotId, no_b: MemberNo) -> Result<(RotaSlot, RotaSlot)> {
    let sa = get_slot(tx, a)?;
    let sb = get_slot(tx, b)?;
    for (s, no) in [(&sa, no_a), (&sb, no_b)] {
        if !s.assigned.iter().any(|x| x.member_no == no) {
            return Err(Error::conflict("error-rota-not-on-slot", vec![("no", no.to_string()), ("slot", s.id.to_string())]));
        }
    }
    let pa = members::id_of(tx, no_a)?.0;
    let pb = members::id_of(tx, no_b)?.0;
    ensure_no_outcome(tx, a, pa)?;
    ensure_no_outcome(tx, b, pb)?;
    let ignore = [(a.0, pa), (b.0, pb)];
    check_assignable(tx, &sb, no_a, &ignore)?;
    check_assignable(tx, &sa, no_b, &ignore)?;
    tx.execute("DELETE FROM rota_assignment WHERE (slot_id = ?1 AND person_id = ?2) OR (slot_id = ?3 AND person_id = ?4)", params![a.0, pa, b.0, pb])?;
    let why = hand_why();
    let now = audit::now_utc();
    tx.execute("INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 1, ?3, ?4)", params![b.0, pa, why, now])?;
    tx.execute("INSERT INTO rota_assignment (slot_id, person_id, by_hand, why, created_at) VALUES (?1, ?2, 1, ?3, ?4)", params![a.0, pb, why, now])?;
    let (na, nb) = (get_slot(tx, a)?, get_slot(tx, b)?);
    audit::record(tx, actor, "swap", "rota_slot", format!("{a}+{b}"), Some(&(&sa, &sb)), Some(&(&na, &nb)))?;
    Ok((na, nb))
}

/// Locks (or unlocks) a slot: regeneration leaves a locked slot's people as they are.
pub fn set_locked(tx: &Transaction, actor: &Actor, slot: RotaSlotId, locked: bool) -> Result<RotaSlot> {
    let before = get_slot(tx, slot)?;
    tx.execute("UPDATE rota_slot SET locked = ?2 WHERE id = ?1", params![slot.0, locked])?;
    let after = get_slot(tx, slot)?;
    audit::record(tx, actor, if locked { "lock" } else { "unlock" }, "rota_slot", slot, Some(&before), Some(&after))?;
    Ok(after)
}

/// Why each person on a slot is there, in words.
pub fn why_text(w: &RotaWhy, l10n: &Localizer) -> String {
    match w {
        RotaWhy::Paired => l10n.t("rota-why-paired"),
        RotaWhy::ByHand => l10n.t("rota-why-by-hand"),
        RotaWhy::LeastLoaded { candidates, shifts, same_group } => l10n.format(
            if *same_group { "rota-why-least-loaded-group" } else { "rota-why-least-loaded" },
            &[("candidates", candidates.to_string()), ("shifts", shifts.to_string())],
        ),
        RotaWhy::Evened { shifts } => l10n.format("rota-why-evened", &[("shifts", shifts.to_string())]),
    }
}

// ---------------------------------------------------------------------------------------------
// After the day

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShiftOutcomeRecord {
    pub slot: RotaSlotId,
    /// Who was on the rota.
    pub person: MemberNo,
    pub kind: ShiftOutcomeKind,
    /// Who served and is owed the hours (None when missed).
    pub worker: Option<MemberNo>,
    pub minutes: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The time-bank entry that credited the hours, when the time bank took them.
    pub time_entry: Option<i64>,
}

/// Records what happened on a shift for one rota'd person (`for_no`; may be left out when the
/// slot has one person without a record). `by`: someone else covered. `missed`: no one served.
/// Done and covered shifts are credited to the server's time-bank account in the same
/// transaction, once per shift and person.
#[allow(clippy::too_many_arguments)]
pub fn record_outcome(
    tx: &Transaction,
    actor: &Actor,
    slot: RotaSlotId,
    for_no: Option<MemberNo>,
    by: Option<MemberNo>,
    missed: bool,
    minutes: Option<i64>,
    today: NaiveDate,
) -> Result<Vec<ShiftOutcomeRecord>> {
    let s = get_slot(tx, slot)?;
    if s.date > today {
        return Err(Error::conflict("error-rota-not-yet", vec![("date", s.date.to_string())]));
    }
    let open: Vec<&RotaAssignee> = s.assigned.iter().filter(|a| a.outcome.is_none()).collect();
    // Whose shift: the named person; or, with --by someone on the slot, that person; or everyone
    // still open (when done) / the only one open (when covered or missed).
    let targets: Vec<MemberNo> = match (for_no, by) {
        (Some(f), _) => vec![f],
        (None, Some(b)) if s.assigned.iter().any(|a| a.member_no == b) => vec![b],
        (None, None) if !missed => open.iter().map(|a| a.member_no).collect(),
        _ if open.len() == 1 => vec![open[0].member_no],
        _ if open.is_empty() => return Err(Error::conflict("error-rota-already-recorded", vec![("slot", slot.to_string())])),
        _ => return Err(Error::invalid_with("for", "error-rota-say-whom", vec![("slot", slot.to_string())])),
    };
    if targets.is_empty() {
        return Err(Error::conflict(
            if s.assigned.is_empty() { "error-rota-slot-empty" } else { "error-rota-already-recorded" },
            vec![("slot", slot.to_string())],
        ));
    }
    let minutes = minutes.unwrap_or_else(|| s.minutes());
    if !(1..=24 * 60).contains(&minutes) {
        return Err(Error::invalid_with("hours", "error-rota-hours-invalid", vec![("value", format!("{:.2}", minutes as f64 / 60.0))]));
    }
    let mut out = Vec::new();
    for person in targets {
        let Some(a) = s.assigned.iter().find(|a| a.member_no == person) else {
            return Err(Error::conflict("error-rota-not-on-slot", vec![("no", person.to_string()), ("slot", slot.to_string())]));
        };
        if a.outcome.is_some() {
            return Err(Error::conflict("error-rota-already-recorded", vec![("slot", slot.to_string())]));
        }
        let pid = members::id_of(tx, person)?;
        let (kind, worker) = match (missed, by) {
            (true, _) => (ShiftOutcomeKind::Missed, None),
            (false, Some(b)) if b != person => {
                members::id_of(tx, b)?;
                (ShiftOutcomeKind::Covered, Some(b))
            }
            _ => (ShiftOutcomeKind::Done, Some(person)),
        };
        let worker_id = worker.map(|w| members::id_of(tx, w)).transpose()?;
        tx.execute(
            "INSERT INTO shift_outcome (slot_id, person_id, outcome, worker_id, minutes, date, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![slot.0, pid.0, kind.code(), worker_id.map(|w| w.0), if missed { 0 } else { minutes }, s.date, audit::now_utc(), actor.0],
        )?;
        let oid = tx.last_insert_rowid();
        let time_entry = match worker {
            Some(w) => credit_time_bank(tx, actor, w, minutes, s.date, &format!("shift:{}:{}", slot.0, person.0), today)?,
            None => None,
        };
        if let Some(e) = time_entry {
            tx.execute("UPDATE shift_outcome SET time_entry_id = ?2 WHERE id = ?1", params![oid, e])?;
        }
        let rec = ShiftOutcomeRecord { slot, person, kind, worker, minutes: if missed { 0 } else { minutes }, date: s.date, time_entry };
        audit::record(tx, actor, kind.code(), "shift_outcome", oid, None::<&ShiftOutcomeRecord>, Some(&rec))?;
        out.push(rec);
    }
    Ok(out)
}

/// Credits the hours to the server's time-bank account in the same transaction, once per
/// (slot, rota'd person): the source "shift:SLOT:NO" makes a second credit a no-op. The time bank
/// counts half hours, so the minutes are rounded to the nearest half hour (a 10-minute errand
/// credits nothing rather than a full half hour).
fn credit_time_bank(
    tx: &Transaction,
    actor: &Actor,
    worker: MemberNo,
    minutes: i64,
    date: NaiveDate,
    source: &str,
    today: NaiveDate,
) -> Result<Option<i64>> {
    let half_hours = (minutes + 15) / 30;
    if half_hours <= 0 {
        return Ok(None);
    }
    let hours = crate::time_bank::Hours::from_half_hours(half_hours);
    Ok(crate::time_bank::credit_service(tx, actor, worker, hours, date, source, today)?.map(|e| e.0))
}

// ---------------------------------------------------------------------------------------------
// Visits and calls

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactLog {
    pub id: i64,
    pub elder: MemberNo,
    pub by: Option<MemberNo>,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub call: bool,
    pub notes: String,
}

/// Logs a visit (or, with `call`, a phone call) to an elder.
pub fn log_contact(
    tx: &Transaction,
    actor: &Actor,
    elder: MemberNo,
    by: Option<MemberNo>,
    date: NaiveDate,
    call: bool,
    notes: &str,
    today: NaiveDate,
) -> Result<ContactLog> {
    let e = members::id_of(tx, elder)?;
    let b = by.map(|b| members::id_of(tx, b)).transpose()?;
    fields::check_not_future("date", date, today)?;
    let notes = fields::text("notes", notes, 300)?;
    tx.execute(
        "INSERT INTO contact_log (elder_id, by_id, date, kind, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![e.0, b.map(|b| b.0), date, if call { "call" } else { "visit" }, notes, audit::now_utc()],
    )?;
    let c = ContactLog { id: tx.last_insert_rowid(), elder, by, date, call, notes };
    audit::record(tx, actor, "add", "contact_log", c.id, None::<&ContactLog>, Some(&c))?;
    Ok(c)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverdueElder {
    pub member_no: MemberNo,
    pub name: String,
    pub phone: String,
    pub address: String,
    #[ts(type = "string | null")]
    pub last_contact: Option<NaiveDate>,
    /// Days since the last contact (None: never).
    pub days: Option<i64>,
}

/// Elders living alone with no visit or call (logged, or a done visit shift) for `days` days.
pub fn overdue(conn: &Connection, days: i64, today: NaiveDate) -> Result<Vec<OverdueElder>> {
    let mut stmt = conn.prepare(
        "SELECT p.member_no, p.name, p.phones, p.address,
                max(coalesce((SELECT max(date) FROM contact_log c WHERE c.elder_id = p.id AND c.date <= ?1), ''),
                    coalesce((SELECT max(s.date) FROM shift_outcome o JOIN rota_slot s ON s.id = o.slot_id
                              JOIN care_case k ON k.id = s.case_id
                              WHERE k.recipient_id = p.id AND o.worker_id IS NOT NULL AND s.date <= ?1), ''))
         FROM person p WHERE p.living = 'alone' AND p.status = 'active' ORDER BY p.name_sort, p.member_no",
    )?;
    let rows = stmt
        .query_map([today], |r| {
            let last: String = r.get(4)?;
            let phones: String = r.get(2)?;
            Ok((MemberNo(r.get(0)?), r.get::<_, String>(1)?, phones, r.get::<_, String>(3)?, last))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::new();
    for (no, name, phones, address, last) in rows {
        let last = NaiveDate::parse_from_str(&last, "%Y-%m-%d").ok();
        let since = last.map(|l| (today - l).num_days());
        if since.is_none_or(|d| d >= days) {
            out.push(OverdueElder {
                member_no: no,
                name,
                phone: phones.split('\n').next().unwrap_or_default().to_string(),
                address,
                last_contact: last,
                days: since,
            });
        }
    }
    // Longest without contact first; never contacted before all.
    out.sort_by_key(|o| (std::cmp::Reverse(o.days.unwrap_or(i64::MAX)), o.member_no));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Reads for the screens

/// Everyone who has said when they can serve, by name (pinyin order).
pub fn list_volunteers(conn: &Connection) -> Result<Vec<VolunteerAvailability>> {
    let nos: Vec<i64> = conn
        .prepare("SELECT p.member_no FROM volunteer_availability a JOIN person p ON p.id = a.person_id ORDER BY p.name_sort, p.member_no")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for no in nos {
        if let Some(a) = availability(conn, MemberNo(no))? {
            out.push(a);
        }
    }
    Ok(out)
}

/// The month's slots still short of people, each with the reason in words, as they stand now
/// (after hand changes, not only at the last generation). The generator is run on a copy of
/// the month, nothing is written: a slot it could fill now says so ("generate the rest"), a
/// locked one says it waits for a hand assignment.
pub fn unfilled(conn: &Connection, month: Month, l10n: &Localizer) -> Result<Vec<RotaUnfilledSlot>> {
    let (mut input, slots) = load_input(conn, month)?;
    // In time order, as the month's slots come.
    let short: Vec<&RotaSlot> = slots.iter().filter(|s| s.short() > 0).collect();
    input.slots.retain(|n| short.iter().any(|s| s.id.0 == n.id));
    let out = generator::generate(&input);
    let reasons: BTreeMap<i64, String> = out.unfilled.iter().map(|u| (u.slot, reason_text(&u.reason, l10n))).collect();
    Ok(short
        .into_iter()
        .map(|s| {
            let reason = match reasons.get(&s.id.0) {
                Some(r) => r.clone(),
                None if s.locked => l10n.t("rota-unfilled-locked"),
                None => l10n.t("rota-unfilled-can-fill"),
            };
            RotaUnfilledSlot::of(s, s.short(), reason)
        })
        .collect())
}

/// A volunteer as a choice for one slot: free to take it, or the rule that keeps them off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RotaCandidate {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    /// Shifts this month so far.
    pub shifts: u32,
    /// None: may take the slot; otherwise why not, in words (the same sentence `assign` gives).
    pub blocked: Option<String>,
}

/// Every active volunteer for `slot`, those free first (fewest shifts first), then the others
/// with the reason they cannot; the people already on it are left out.
pub fn candidates(conn: &Connection, slot: RotaSlotId, l10n: &Localizer) -> Result<Vec<RotaCandidate>> {
    let s = get_slot(conn, slot)?;
    let (input, _) = load_input(conn, Month::of(s.date))?;
    let on: Vec<i64> = input.kept.iter().filter(|k| k.slot == slot.0).map(|k| k.person).collect();
    let paired = s.paired.and_then(|p| members::id_of(conn, p).ok()).map(|p| p.0);
    let need = to_need(&s, "", paired);
    let mut out = Vec::new();
    for v in input.volunteers.iter().filter(|v| !on.contains(&v.id)) {
        let mine: Vec<&Kept> = input.kept.iter().filter(|k| k.person == v.id).collect();
        let busy: Vec<_> = mine.iter().map(|k| (k.start, k.end)).collect();
        let shifts = mine.iter().filter(|k| k.in_month).count() as u32;
        let no: i64 = conn.query_row("SELECT member_no FROM person WHERE id = ?1", [v.id], |r| r.get(0))?;
        let blocked = generator::block(v, &need, &busy, shifts, DEFAULT_REST_HOURS * 60).map(|b| error_for(b, &s, &v.name).localize(l10n));
        out.push(RotaCandidate { member_no: MemberNo(no), name: v.name.clone(), village_group: v.group.clone(), shifts, blocked });
    }
    out.sort_by_key(|c| (c.blocked.is_some(), c.shifts, c.member_no));
    Ok(out)
}

#[cfg(test)]
mod tests;
