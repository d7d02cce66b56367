//! Money amounts (`Fen`): whole fen (分), the smallest unit, so sums are exact. Text a person
//! types is read by `fields::amount`; here are the type, its arithmetic and how it is written.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An amount of money in fen (分), the smallest unit, so sums are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, TS)]
#[ts(export, type = "string")]
pub struct Fen(pub i64);

/// The largest single amount the app takes: ¥99,999,999.99, far beyond any village's cash box
/// and the range the capital numerals are tested over.
pub const MAX_AMOUNT: Fen = Fen(9_999_999_999);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Rounds to whole fen, half away from zero (¥0.005 → ¥0.01), as receipts do; banker's
    /// rounding (half to even) would print ¥0.00 there.
    pub fn from_decimal_rounded(d: Decimal) -> Option<Fen> {
        use rust_decimal::prelude::ToPrimitive;
        let r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        r.checked_mul(Decimal::ONE_HUNDRED)?.to_i64().map(Fen)
    }

    /// "1234.50", "-5.00": plain figures for the CLI, JSON and spreadsheets.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }

    /// "¥1,234.50", "-¥5.00": figures as printed on receipts and statements.
    pub fn yuan(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}¥{}.{:02}", group_thousands(a / 100), a % 100)
    }

    /// "1,234.50" without the currency sign, for table columns under a ¥ heading.
    pub fn grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", group_thousands(a / 100), a % 100)
    }
}

impl std::ops::Add for Fen {
    type Output = Fen;
    fn add(self, o: Fen) -> Fen {
        Fen(self.0 + o.0)
    }
}
impl std::ops::Sub for Fen {
    type Output = Fen;
    fn sub(self, o: Fen) -> Fen {
        Fen(self.0 - o.0)
    }
}
impl std::ops::AddAssign for Fen {
    fn add_assign(&mut self, o: Fen) {
        self.0 += o.0;
    }
}
impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        Fen(iter.map(|f| f.0).sum())
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

/// JSON carries amounts as exact decimal strings ("1234.50"), never floats.
impl Serialize for Fen {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.plain())
    }
}

impl<'de> Deserialize<'de> for Fen {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Fen, D::Error> {
        let s = String::deserialize(d)?;
        parse_signed(&s).ok_or_else(|| serde::de::Error::custom(format!("not an amount: {s}")))
    }
}

impl rusqlite::ToSql for Fen {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.0.into())
    }
}

impl rusqlite::types::FromSql for Fen {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        v.as_i64().map(Fen)
    }
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Plain figures with at most two decimals ("-5", "1234.50") as exact fen; None for anything
/// else, including a third decimal.
pub(crate) fn parse_signed(s: &str) -> Option<Fen> {
    let d = Decimal::from_str(s.trim()).ok()?;
    let d = d.normalize();
    if d.scale() > 2 {
        return None;
    }
    use rust_decimal::prelude::ToPrimitive;
    d.checked_mul(Decimal::ONE_HUNDRED)?.to_i64().map(Fen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_print_grouped_with_two_decimals() {
        assert_eq!(Fen(123450).yuan(), "¥1,234.50");
        assert_eq!(Fen(5).yuan(), "¥0.05");
        assert_eq!(Fen(-500).yuan(), "-¥5.00");
        assert_eq!(Fen(10_000_000_000).yuan(), "¥100,000,000.00");
        assert_eq!(Fen(123450).plain(), "1234.50");
        assert_eq!(Fen(-1).plain(), "-0.01");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(Fen::from_decimal_rounded(d("0.005")), Some(Fen(1)), "half a fen rounds up, not to even");
        assert_eq!(Fen::from_decimal_rounded(d("0.015")), Some(Fen(2)));
        assert_eq!(Fen::from_decimal_rounded(d("0.025")), Some(Fen(3)), "banker's rounding would give 0.02");
        assert_eq!(Fen::from_decimal_rounded(d("-0.005")), Some(Fen(-1)), "away from zero on the negative side too");
        assert_eq!(Fen::from_decimal_rounded(d("12.344")), Some(Fen(1234)));
    }

    #[test]
    fn fen_serialises_as_an_exact_string() {
        assert_eq!(serde_json::to_string(&Fen(123450)).unwrap(), "\"1234.50\"");
        let back: Fen = serde_json::from_str("\"0.30\"").unwrap();
        assert_eq!(back, Fen(30));
    }
}
