//! Ages as the association counts them (周岁 or 虚岁, its setting) and the day a birthday falls
//! on in a month, solar or lunar as each person's birthday is registered.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::association;
use crate::calendar::{self, AgeCount, LunarDay};
use crate::error::Result;
use crate::kernel::Month;

/// How the association counts ages (周岁 unless it chose 虚岁).
pub fn age_count(conn: &Connection) -> Result<AgeCount> {
    Ok(association::settings(conn)?.age_count)
}

/// A person's age on a day, counted as the association counts; None without a birth date.
pub fn age_on(birth: Option<NaiveDate>, on: NaiveDate, count: AgeCount) -> Option<u32> {
    birth.filter(|b| *b <= on).map(|b| count.age(b, on))
}

/// The birthday a person has in `month` and the age they reach on it, or None when it falls
/// in another month. A lunar birthday (if one is registered) is the one kept, on the solar day
/// its lunar date falls on that year (`calendar::lunar_birthday_in`); its age counts lunar
/// years — 周岁 is the lunar years since the lunar year of birth, 虚岁 one more — so it turns on
/// the lunar birthday, not on the solar anniversary some days away. A solar birthday turns on
/// its day (29 February on the 28th in other years). The age is None without a birth date.
pub fn birthday_in(birth: Option<NaiveDate>, lunar: Option<LunarDay>, month: Month, count: AgeCount) -> Option<(NaiveDate, Option<u32>)> {
    let in_month = |d: NaiveDate| Month::of(d) == month;
    match lunar {
        Some(l) => {
            let birth_year = birth.and_then(calendar::to_lunar).map(|b| i32::from(b.year));
            // A solar month holds at most one day of any lunar month and day; the lunar year
            // it belongs to may be the one before (a birthday late in the 12th lunar month
            // falls in January or February).
            for year in [month.year - 1, month.year] {
                let Ok(y) = u16::try_from(year) else { continue };
                let Some(date) = calendar::lunar_birthday_in(l, y).filter(|d| in_month(*d)) else { continue };
                if birth.is_some_and(|b| date < b) {
                    return None;
                }
                let age = birth_year.map(|b| {
                    let full = (year - b).max(0) as u32;
                    match count {
                        AgeCount::Full => full,
                        AgeCount::Nominal => full + 1,
                    }
                });
                return Some((date, age));
            }
            None
        }
        None => {
            let b = birth?;
            let date = calendar::solar_birthday_in(b, month.year).filter(|d| in_month(*d))?;
            if date < b {
                return None;
            }
            Some((date, Some(count.age(b, date))))
        }
    }
}

/// The birthday a person has in a solar year, and the age reached on it.
pub fn birthday_in_year(birth: Option<NaiveDate>, lunar: Option<LunarDay>, year: i32, count: AgeCount) -> Option<(NaiveDate, Option<u32>)> {
    (1..=12).find_map(|m| birthday_in(birth, lunar, Month { year, month: m }, count))
}

/// A decade birthday (整寿): 60, 70, 80, 90, 100…
pub fn is_decade(age: Option<u32>) -> bool {
    age.is_some_and(|a| a >= 60 && a % 10 == 0)
}

