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
}
