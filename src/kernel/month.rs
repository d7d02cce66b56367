//! A calendar month (2026-03): the cash book closes by month, statements and rotas cover one.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// A calendar month, written YYYY-MM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(d: NaiveDate) -> Month {
        Month { year: d.year(), month: d.month() }
    }

    /// A month as typed, YYYY-MM (2000-2100); anything else is `error-month-invalid` for `field`.
    pub fn parse(field: &'static str, s: &str) -> Result<Month> {
        let bad = || Error::invalid_with(field, "error-month-invalid", vec![("value", s.to_string())]);
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&year) || !(1..=12).contains(&month) || y.len() != 4 {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or_default()
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month { year: self.year - 1, month: 12 }
        } else {
            Month { year: self.year, month: self.month - 1 }
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A quarter of a year (2026-Q3): the finance notice on the wall covers a month, a quarter or a
/// year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u32,
}

impl Quarter {
    /// A quarter as typed: 2026-3, 2026-Q3 or 2026Q3 (2000-2100); anything else is
    /// `error-quarter-invalid` for `field`.
    pub fn parse(field: &'static str, s: &str) -> Result<Quarter> {
        let bad = || Error::invalid_with(field, "error-quarter-invalid", vec![("value", s.to_string())]);
        let t = s.trim().to_ascii_uppercase();
        let (y, q) = match t.split_once('-') {
            Some((y, q)) => (y, q.strip_prefix('Q').unwrap_or(q)),
            None => t.split_once('Q').ok_or_else(bad)?,
        };
        let year: i32 = y.parse().map_err(|_| bad())?;
        let quarter: u32 = q.parse().map_err(|_| bad())?;
        if y.len() != 4 || !(2000..=2100).contains(&year) || !(1..=4).contains(&quarter) || q.len() != 1 {
            return Err(bad());
        }
        Ok(Quarter { year, quarter })
    }

    pub fn first_month(self) -> Month {
        Month { year: self.year, month: self.quarter * 3 - 2 }
    }

    pub fn first_day(self) -> NaiveDate {
        self.first_month().first_day()
    }

    pub fn last_day(self) -> NaiveDate {
        Month { year: self.year, month: self.quarter * 3 }.last_day()
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.quarter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_bound() {
        let m = Month::parse("month", "2026-02").unwrap();
        assert_eq!((m.first_day().to_string(), m.last_day().to_string()), ("2026-02-01".into(), "2026-02-28".into()));
        assert!(Month::parse("month", "2026-13").is_err());
        assert!(Month::parse("month", "26-1").is_err());
        assert_eq!(Month::parse("month", "2026-12").unwrap().next().to_string(), "2027-01");
        assert_eq!(Month::parse("month", "2026-01").unwrap().prev().to_string(), "2025-12", "January's month before is last December");
        assert_eq!(Month::parse("month", "2026-03").unwrap().prev().to_string(), "2026-02");
    }

    #[test]
    fn quarters_parse_as_typed_and_cover_three_months() {
        for typed in ["2026-3", "2026-Q3", "2026q3", " 2026-q3 "] {
            assert_eq!(Quarter::parse("quarter", typed).unwrap(), Quarter { year: 2026, quarter: 3 }, "{typed:?} is the third quarter");
        }
        let q = Quarter::parse("quarter", "2026-4").unwrap();
        assert_eq!((q.first_day().to_string(), q.last_day().to_string()), ("2026-10-01".into(), "2026-12-31".into()), "Q4 is October to December");
        assert_eq!(Quarter::parse("quarter", "2026-1").unwrap().last_day().to_string(), "2026-03-31");
        for bad in ["2026-5", "2026-0", "2026", "26-1", "2026-Q12", "2026-11", ""] {
            assert!(Quarter::parse("quarter", bad).is_err(), "{bad:?} is no quarter");
        }
        assert_eq!(q.to_string(), "2026-Q4");
    }
}
