//! Volunteers: when each can serve (kinds, weekdays, day or night, how many shifts) and
//! when they are away.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::{date_range, stored_kinds, DutyKind, Weekdays};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::{self, MemberNo, PersonId};

/// The availability form (the screen sends every field; `volunteer set` only those given):
/// `None` leaves a value as it is (or its default for someone new: every kind, every day, day
/// shifts only, no limit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct VolunteerAvailabilityInput {
    pub kinds: Option<Vec<DutyKind>>,
    /// Ticked, 1 = Monday … 7 = Sunday.
    pub weekdays: Option<Vec<u32>>,
    /// (day, night)
    pub shifts: Option<(bool, bool)>,
    /// Most shifts a month as typed (0 = none); empty (or "none") for no limit.
    pub max_shifts: Option<String>,
    /// Absences to add: first and last day as typed (an empty last day: one day; a row with
    /// both empty is skipped).
    pub away: Vec<(String, String)>,
}

/// The form read: what it changes, checked.
struct Availability {
    kinds: Option<Vec<DutyKind>>,
    weekdays: Option<Weekdays>,
    shifts: Option<(bool, bool)>,
    max_shifts: Option<Option<u32>>,
    away: Vec<(NaiveDate, NaiveDate)>,
}

impl VolunteerAvailabilityInput {
    fn parse(&self) -> Result<Availability> {
        let max_shifts = match self.max_shifts.as_deref().map(str::trim) {
            None => None,
            Some("" | "none") => Some(None),
            Some(m) => {
                let n = fields::whole("max_shifts", m, 0..=9999, "error-number-invalid")?;
                if n > 93 {
                    return Err(Error::invalid_with("max_shifts", "error-rota-max-shifts", vec![("value", n.to_string())]));
                }
                Some(Some(n as u32))
            }
        };
        let mut away = Vec::new();
        for (a, b) in &self.away {
            if !(a.trim().is_empty() && b.trim().is_empty()) {
                away.push(date_range("away", a, b)?);
            }
        }
        Ok(Availability {
            kinds: self.kinds.clone(),
            weekdays: self.weekdays.as_deref().map(|d| Weekdays::from_days("weekdays", d)).transpose()?,
            shifts: self.shifts,
            max_shifts,
            away,
        })
    }
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
                    stored_kinds(&r.get::<_, String>(2)?).map_err(|u| u.at(2))?,
                    r.get::<_, Weekdays>(3)?,
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
        kinds,
        weekdays: weekdays.days(),
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
pub fn set_volunteer(tx: &Transaction, actor: &Actor, no: MemberNo, form: &VolunteerAvailabilityInput, today: NaiveDate) -> Result<VolunteerAvailability> {
    let person = members::get_by_no(tx, no, today)?;
    if matches!(person.status, members::Status::Deceased | members::Status::Left) {
        return Err(Error::conflict("error-rota-person-inactive", vec![("no", no.to_string()), ("name", person.name)]));
    }
    let input = form.parse()?;
    if input.shifts == Some((false, false)) {
        return Err(Error::invalid_with("shifts", "error-choice-invalid", vec![("value", String::new()), ("choices", "day, night".into())]));
    }
    if input.kinds.as_ref().is_some_and(Vec::is_empty) {
        return Err(Error::invalid_with("kinds", "error-choice-invalid", vec![("value", String::new()), ("choices", "care, visit, hall".into())]));
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
        params![person.id.0, kinds_db, weekdays, day, night, max_shifts, audit::now_utc()],
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
