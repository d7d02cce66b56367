//! Hours, counted in exact half-hours, and how a person types them.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Most hours one service (a deposit or a withdrawal) may record: a whole day.
pub const MAX_SERVICE_HALF_HOURS: i64 = 48;

/// Most hours any single move may carry (a transfer, grant, inheritance…): a sanity bound that
/// keeps sums far from overflow, not a rule of any association.
pub const MAX_MOVE_HALF_HOURS: i64 = 2 * 100_000;

/// An exact count of hours in steps of half an hour, stored as half-hours; JSON carries it as
/// a string ("12.5") so the UI never does arithmetic on hours in floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, TS)]
#[ts(export, type = "string")]
pub struct Hours(pub(super) i64);

impl Hours {
    pub const ZERO: Hours = Hours(0);

    pub fn from_half_hours(n: i64) -> Hours {
        Hours(n)
    }

    pub fn half_hours(self) -> i64 {
        self.0
    }

    /// Hours of one service, as a person types them: "2.5", "2", "0.5". Refused with a
    /// localised reason: garbage, negative, zero, not a multiple of half an hour, more than 24.
    pub fn parse(s: &str) -> Result<Hours> {
        Hours::parse_within("hours", s, MAX_SERVICE_HALF_HOURS)
    }

    /// Hours of a move between accounts (transfer, donation, grant), which may exceed a day.
    pub fn parse_move(s: &str) -> Result<Hours> {
        Hours::parse_within("hours", s, MAX_MOVE_HALF_HOURS)
    }

    pub fn parse_within(field: &'static str, s: &str, max_half_hours: i64) -> Result<Hours> {
        let t = s.trim();
        let bad = || Error::invalid_with(field, "error-time-hours-invalid", vec![("value", t.to_string())]);
        // Only digits and one point: no exponents, signs other than a leading minus, or commas.
        let body = t.strip_prefix('-').unwrap_or(t);
        if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') || body.len() > 20 {
            return Err(bad());
        }
        let d: Decimal = t.parse().map_err(|_| bad())?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Error::invalid_with(field, "error-time-hours-negative", vec![("value", t.to_string())]));
        }
        if d.is_zero() {
            return Err(Error::invalid(field, "error-time-hours-zero"));
        }
        let doubled = d.checked_mul(Decimal::TWO).ok_or_else(bad)?;
        if !doubled.fract().is_zero() {
            return Err(Error::invalid_with(field, "error-time-hours-step", vec![("value", t.to_string())]));
        }
        use rust_decimal::prelude::ToPrimitive;
        let n = doubled.to_i64().ok_or_else(bad)?;
        if n > max_half_hours {
            return Err(Error::invalid_with(
                field,
                "error-time-hours-too-many",
                vec![("value", t.to_string()), ("max", Hours(max_half_hours).to_string())],
            ));
        }
        Ok(Hours(n))
    }
}

impl Hours {
    /// Checks hours given as a number (not typed): more than zero and at most `max_half_hours`
    /// (a day for one service, `MAX_MOVE_HALF_HOURS` for a move).
    pub(super) fn check_within(self, max_half_hours: i64) -> Result<Hours> {
        if self.0 <= 0 {
            return Err(Error::invalid("hours", "error-time-hours-zero"));
        }
        if self.0 > max_half_hours {
            return Err(Error::invalid_with(
                "hours",
                "error-time-hours-too-many",
                vec![("value", self.to_string()), ("max", Hours(max_half_hours).to_string())],
            ));
        }
        Ok(self)
    }

    /// With one decimal always ("5.0", "2.5"), so figures line up in printed columns.
    pub fn fixed(self) -> String {
        let s = self.to_string();
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        if a % 2 == 0 {
            write!(f, "{sign}{}", a / 2)
        } else {
            write!(f, "{sign}{}.5", a / 2)
        }
    }
}

impl Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Hours, D::Error> {
        let s = String::deserialize(d)?;
        Hours::parse_move(&s).map_err(|e| serde::de::Error::custom(e.message_id()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_parse_exactly_in_half_hour_steps() {
        assert_eq!(Hours::parse("2.5").unwrap(), Hours(5));
        assert_eq!(Hours::parse("2").unwrap(), Hours(4));
        assert_eq!(Hours::parse(" 0.5 ").unwrap(), Hours(1));
        assert_eq!(Hours::parse("24").unwrap(), Hours(48));
        assert_eq!(Hours::parse("1.50").unwrap(), Hours(3), "a trailing zero is still a half-hour step");
        assert_eq!(Hours(5).to_string(), "2.5");
        assert_eq!(Hours(4).to_string(), "2");
        assert_eq!(Hours(-3).to_string(), "-1.5");
        assert_eq!((Hours(4).fixed(), Hours(5).fixed()), ("2.0".to_string(), "2.5".to_string()));
    }

    #[test]
    fn bad_hours_are_refused_with_their_reason() {
        let id = |s: &str| Hours::parse(s).unwrap_err().message_id();
        assert_eq!(id("-1"), "error-time-hours-negative", "negative hours are refused");
        assert_eq!(id("0"), "error-time-hours-zero");
        assert_eq!(id("0.0"), "error-time-hours-zero");
        assert_eq!(id("1.25"), "error-time-hours-step", "only half-hour steps");
        assert_eq!(id("0.3"), "error-time-hours-step");
        assert_eq!(id("24.5"), "error-time-hours-too-many", "one service is at most a day");
        for g in ["abc", "", "1e2", "1,5", "+1", "--1", "1.2.3", "二", "NaN", "inf"] {
            assert_eq!(id(g), "error-time-hours-invalid", "{g:?} is not hours");
        }
        assert_eq!(Hours::parse("x").unwrap_err().field(), Some("hours"));
        assert_eq!(Hours::parse_move("100").unwrap(), Hours(200), "a transfer may carry more than a day");
    }
}
