//! The kinds of duty, weekdays and shifts, and how each is typed.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result, Unreadable};
use crate::i18n::Localizer;
use crate::kernel::choice::choice;
use crate::kernel::fields;

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

    /// The days ticked on a form (1 = Monday … 7 = Sunday); none ticked, or a day outside 1..7,
    /// is a localised error.
    pub fn from_days(field: &'static str, days: &[u32]) -> Result<Weekdays> {
        let mut bits = 0u8;
        for &d in days {
            if !(1..=7).contains(&d) {
                return Err(Error::invalid_with(field, "error-rota-weekday-invalid", vec![("value", d.to_string())]));
            }
            bits |= 1 << (d - 1);
        }
        if bits == 0 {
            return Err(Error::invalid_with(field, "error-rota-weekday-invalid", vec![("value", String::new())]));
        }
        Ok(Weekdays(bits))
    }
}

/// Stored as the comma list "1,2,3"; a list that does not read back is damaged data, never
/// "every day".
impl rusqlite::ToSql for Weekdays {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.days().iter().map(u32::to_string).collect::<Vec<_>>().join(",").into())
    }
}

impl rusqlite::types::FromSql for Weekdays {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = v.as_str()?;
        Weekdays::parse("weekdays", s).map_err(|_| Unreadable::new("weekdays", s).sql())
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

/// A time of day as stored (HH:MM), read back; anything else is damaged data, never midnight.
pub(super) fn stored_time(what: &'static str, s: &str) -> std::result::Result<NaiveTime, Unreadable> {
    parse_time(what, s).map_err(|_| Unreadable::new(what, s))
}

/// Duty kinds as stored, the comma list "care,visit"; an unknown code is damaged data.
pub(super) fn stored_kinds(s: &str) -> std::result::Result<Vec<DutyKind>, Unreadable> {
    s.split(',').filter(|k| !k.is_empty()).map(|k| DutyKind::from_code(k).ok_or_else(|| Unreadable::new("duty kinds", s))).collect()
}

pub(super) fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// An inclusive date range typed as YYYY-MM-DD..YYYY-MM-DD (the command line's way), split
/// into its first and last day as typed; `date_range` reads them.
pub fn split_range(field: &'static str, s: &str) -> Result<(String, String)> {
    let bad = || Error::invalid_with(field, "error-rota-range-invalid", vec![("value", s.to_string())]);
    let (a, b) = s.trim().split_once("..").ok_or_else(bad)?;
    Ok((a.trim().to_string(), b.trim().to_string()))
}

/// A range's first and last day as typed (YYYY-MM-DD); an empty last day is the first day, and
/// a range must run forwards.
pub fn date_range(field: &'static str, from: &str, until: &str) -> Result<(NaiveDate, NaiveDate)> {
    let a = fields::date(field, from)?;
    let b = fields::optional_date(field, until)?.unwrap_or(a);
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

/// One shift row of the care-case form, as typed: its name, start and end (HH:MM; an end not
/// after the start is the next day) and how many people.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ShiftInput {
    pub name: String,
    pub start: String,
    pub end: String,
    pub people: String,
}

impl ShiftInput {
    /// The command line's way of typing a row, NAME@HH:MM-HH:MM[xN] (one person when xN is left
    /// out), split into the row's fields; `parse` checks them.
    pub fn split(field: &'static str, s: &str) -> Result<ShiftInput> {
        let bad = || Error::invalid_with(field, "error-rota-shift-invalid", vec![("value", s.to_string())]);
        let (name, rest) = s.trim().split_once('@').ok_or_else(bad)?;
        let (times, people) = rest.split_once(['x', 'X', '×']).unwrap_or((rest, "1"));
        let (start, end) = times.split_once('-').ok_or_else(bad)?;
        let t = |s: &str| s.trim().to_string();
        Ok(ShiftInput { name: t(name), start: t(start), end: t(end), people: t(people) })
    }

    /// The row read and checked (field `field`).
    pub fn parse(&self, field: &'static str) -> Result<ShiftSpec> {
        let (start, end) = (parse_time(field, &self.start)?, parse_time(field, &self.end)?);
        let people = fields::whole(field, &self.people, 1..=20, "error-rota-shift-people")? as u32;
        let spec = ShiftSpec { name: fields::text(field, &self.name, usize::MAX)?, start, end, people };
        spec.check(field)?;
        Ok(spec)
    }
}

impl ShiftSpec {
    /// NAME@HH:MM-HH:MM[xN], e.g. 白班@08:00-20:00, 夜班@20:00-08:00x2.
    pub fn parse(field: &'static str, s: &str) -> Result<ShiftSpec> {
        ShiftInput::split(field, s)?.parse(field)
    }

    /// The row of the form that holds this shift.
    pub fn to_input(&self) -> ShiftInput {
        ShiftInput { name: self.name.clone(), start: hhmm(self.start), end: hhmm(self.end), people: self.people.to_string() }
    }

    pub(super) fn check(&self, field: &'static str) -> Result<()> {
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

pub fn interval(date: NaiveDate, start: NaiveTime, end: NaiveTime) -> (NaiveDateTime, NaiveDateTime) {
    let a = date.and_time(start);
    let mut b = date.and_time(end);
    if b <= a {
        b += Duration::days(1);
    }
    (a, b)
}
