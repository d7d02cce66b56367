//! Ages and the lunar calendar (农历). Elders often keep their birthday by the lunar calendar;
//! the register shows both, and both ages: 周岁 (full years) and 虚岁 (nominal age: one at birth,
//! one more at each lunar new year).

use chinese_lunisolar_calendar::{ChineseVariant, LunarMonth, LunisolarDate, LunisolarYear, SolarYear};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::kernel::choice::choice;

choice! {
    /// How the association counts ages for birthdays and gifts: 周岁 (full years, the default)
    /// or 虚岁 (nominal age, one at birth and one more at each lunar new year), as its members
    /// choose.
    #[derive(Default)]
    AgeCount {
        #[default]
        Full = "full" / "age-count-full" ["周岁"],
        Nominal = "nominal" / "age-count-nominal" ["虚岁"],
    }
}

impl AgeCount {
    /// The age of someone born on `birth`, on `on`, counted this way.
    pub fn age(self, birth: NaiveDate, on: NaiveDate) -> u32 {
        match self {
            AgeCount::Full => age(birth, on),
            AgeCount::Nominal => nominal_age(birth, on),
        }
    }
}

/// A lunar month and day, as a birthday is remembered; `leap` marks a leap month (闰月).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LunarDay {
    pub month: u8,
    pub day: u8,
    pub leap: bool,
}

/// A full lunar date: the lunar year is named by the solar year it mostly falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LunarDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub leap: bool,
}

/// Full years (周岁) on `today`.
pub fn age(birth: NaiveDate, today: NaiveDate) -> u32 {
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// The lunar date of a solar date (1901-2100; None outside).
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let l = LunisolarDate::from_date(date).ok()?;
    let month = l.to_lunar_month();
    Some(LunarDate {
        year: l.to_lunisolar_year().to_u16(),
        month: month.to_u8(),
        day: l.to_lunar_day().to_u8(),
        leap: month.is_leap_month(),
    })
}

/// The solar date of a lunar date (1901-2100); None when that lunar year has no such month (or
/// leap month) or the month is shorter than `day`.
pub fn lunar_to_solar(year: u16, month: u8, day: u8, leap: bool) -> Option<NaiveDate> {
    LunisolarDate::from_ymd(year, month, leap, day).ok().map(|d| d.to_naive_date())
}

/// How many days (29 or 30) a lunar month has in a lunar year; None when it has no such month.
pub fn lunar_month_days(year: u16, month: u8, leap: bool) -> Option<u8> {
    let y = LunisolarYear::from_solar_year(SolarYear::from_u16(year)).ok()?;
    y.get_total_days_in_a_month(LunarMonth::from_u8_with_leap(month, leap).ok()?)
}

/// The solar date a lunar birthday is kept on in lunar year `year`, as families keep them: a
/// birthday in a leap month (闰四月十五) falls in the ordinary month of the same number in years
/// without that leap month; a birthday in an ordinary month is kept in it even when the year
/// repeats the month as a leap month (once, not twice); and a birthday on the 30th is kept on
/// the 29th when the month has only 29 days that year (its last day — some families move it to
/// the 1st of the next month instead; the last day keeps it in the month it belongs to).
pub fn lunar_birthday_in(l: LunarDay, year: u16) -> Option<NaiveDate> {
    let leap = l.leap && lunar_month_days(year, l.month, true).is_some();
    let days = lunar_month_days(year, l.month, leap)?;
    lunar_to_solar(year, l.month, l.day.min(days), leap)
}

/// The date a solar birthday falls on in `year`; 29 February is kept on 28 February in a year
/// that has no 29th (the day before the one that would roll into March).
pub fn solar_birthday_in(birth: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day()).or_else(|| NaiveDate::from_ymd_opt(year, birth.month(), 28))
}

/// Nominal age (虚岁): lunar years touched, counting the year of birth as one.
pub fn nominal_age(birth: NaiveDate, today: NaiveDate) -> u32 {
    match (to_lunar(birth), to_lunar(today)) {
        (Some(b), Some(t)) => (i32::from(t.year) - i32::from(b.year) + 1).max(1) as u32,
        _ => (today.year() - birth.year() + 1).max(1) as u32,
    }
}

/// Checks a lunar birthday; with the birth year known, the month (and leap month) must exist in
/// that lunar year and the day must be in it.
pub fn validate_lunar_birthday(l: LunarDay, birth: Option<NaiveDate>) -> Result<()> {
    let err = || Error::invalid("lunar_birthday", "error-lunar-invalid");
    if !(1..=12).contains(&l.month) || !(1..=30).contains(&l.day) {
        return Err(err());
    }
    let Some(lunar_year) = birth.and_then(to_lunar).map(|d| d.year) else {
        return Ok(());
    };
    let Ok(year) = LunisolarYear::from_solar_year(SolarYear::from_u16(lunar_year)) else {
        return Ok(());
    };
    let month = LunarMonth::from_u8_with_leap(l.month, l.leap).map_err(|_| err())?;
    if l.leap && year.get_leap_lunar_month() != Some(month) {
        return Err(Error::invalid_with(
            "lunar_birthday",
            "error-lunar-no-leap-month",
            vec![("year", lunar_year.to_string()), ("month", l.month.to_string())],
        ));
    }
    match year.get_total_days_in_a_month(month) {
        Some(days) if l.day <= days => Ok(()),
        _ => Err(err()),
    }
}

/// 冬月初四 / 闰四月十五 in Chinese; "lunar 11/4", "lunar leap 4/15" in English.
pub fn format_lunar_day(l: LunarDay, lang: Lang) -> String {
    match lang {
        Lang::ZhCn => {
            let month = LunarMonth::from_u8_with_leap(l.month, l.leap)
                .map(|m| m.to_str(ChineseVariant::Simple).to_string())
                .unwrap_or_default();
            let day = chinese_lunisolar_calendar::LunarDay::from_u8(l.day).map(|d| d.to_str().to_string()).unwrap_or_default();
            format!("农历{month}{day}")
        }
        Lang::EnUs => {
            if l.leap {
                format!("lunar leap {}/{}", l.month, l.day)
            } else {
                format!("lunar {}/{}", l.month, l.day)
            }
        }
    }
}

/// Parses "11-4", "11/4", "闰4-15", "r4-15", "L4/15" as a lunar month and day.
pub fn parse_lunar_day(s: &str) -> Result<LunarDay> {
    let err = || Error::invalid("lunar_birthday", "error-lunar-invalid");
    let s = s.trim();
    let (leap, rest) = match s.strip_prefix('闰').or_else(|| s.strip_prefix(['r', 'R', 'l', 'L'])) {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut parts = rest.split(['-', '/', '.']);
    let month = parts.next().and_then(|p| p.trim().parse::<u8>().ok()).ok_or_else(err)?;
    let day = parts.next().and_then(|p| p.trim().parse::<u8>().ok()).ok_or_else(err)?;
    if parts.next().is_some() {
        return Err(err());
    }
    Ok(LunarDay { month, day, leap })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn full_years_turn_on_the_birthday() {
        assert_eq!(age(d(1949, 12, 31), d(2026, 12, 30)), 76);
        assert_eq!(age(d(1949, 12, 31), d(2026, 12, 31)), 77);
    }

    #[test]
    fn nominal_age_counts_lunar_new_years() {
        // Born 1949-12-31 (lunar 1949, month 11); on 2026-11-29 the lunar year is still 2026,
        // so 2026 - 1949 + 1 = 78, while the full age is 76.
        assert_eq!(nominal_age(d(1949, 12, 31), d(2026, 11, 29)), 78);
        // Spring festival 2026 is 02-17: the day before it is still lunar 2025.
        assert_eq!(nominal_age(d(2000, 6, 1), d(2026, 2, 16)), 26);
        assert_eq!(nominal_age(d(2000, 6, 1), d(2026, 2, 17)), 27);
    }

    #[test]
    fn solar_to_lunar_knows_leap_months() {
        // 2023 had a leap second month: 2023-04-01 is 闰二月十一.
        assert_eq!(to_lunar(d(2023, 4, 1)), Some(LunarDate { year: 2023, month: 2, day: 11, leap: true }));
        assert_eq!(format_lunar_day(LunarDay { month: 2, day: 11, leap: true }, Lang::ZhCn), "农历闰二月十一");
    }

    #[test]
    fn a_leap_month_the_birth_year_did_not_have_is_refused() {
        let e = validate_lunar_birthday(LunarDay { month: 5, day: 1, leap: true }, Some(d(2023, 6, 1))).unwrap_err();
        assert_eq!(e.message_id(), "error-lunar-no-leap-month");
        assert!(validate_lunar_birthday(LunarDay { month: 2, day: 11, leap: true }, Some(d(2023, 4, 1))).is_ok());
        assert!(validate_lunar_birthday(LunarDay { month: 13, day: 1, leap: false }, None).is_err());
    }

    #[test]
    fn lunar_days_parse_in_the_ways_people_write_them() {
        assert_eq!(parse_lunar_day("闰4-15").unwrap(), LunarDay { month: 4, day: 15, leap: true });
        assert_eq!(parse_lunar_day("11/4").unwrap(), LunarDay { month: 11, day: 4, leap: false });
        assert!(parse_lunar_day("eleven").is_err());
    }
}
