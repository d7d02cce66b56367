//! The association's money (财务): the cash book, dues, receipts, donations and the statements
//! made from them. Amounts are whole fen (`Fen`) everywhere inside; text the treasurer types is
//! parsed with `rust_decimal` so "0.1" is exactly ten fen and "12.345" is refused, not rounded.

pub mod cash_book;
pub mod donations;
pub mod dues;
pub mod receipts;
pub mod statements;
pub mod words;

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::kernel::choice::choice;

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

    /// 壹仟贰佰叁拾肆元伍角整.
    pub fn capital(self) -> String {
        words::capital(self.0)
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

fn parse_signed(s: &str) -> Option<Fen> {
    let d = Decimal::from_str(s.trim()).ok()?;
    let d = d.normalize();
    if d.scale() > 2 {
        return None;
    }
    use rust_decimal::prelude::ToPrimitive;
    d.checked_mul(Decimal::ONE_HUNDRED)?.to_i64().map(Fen)
}

/// Parses an amount as a person types it: "123.45", "¥1,234.50", "100". It must be more than
/// zero, have at most two decimals and not exceed `MAX_AMOUNT`; anything else is a localised
/// error for `field`.
pub fn parse_amount(field: &'static str, text: &str) -> Result<Fen> {
    let t = text.trim();
    let cleaned: String = t.trim_start_matches(['¥', '￥']).chars().filter(|c| *c != ',' && *c != '，').collect();
    let bad = || Error::invalid_with(field, "error-amount-invalid", vec![("value", t.to_string())]);
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+') {
        return Err(bad());
    }
    let d = Decimal::from_str(&cleaned).map_err(|_| bad())?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(Error::invalid_with(field, "error-amount-negative", vec![("value", t.to_string())]));
    }
    if d.normalize().scale() > 2 {
        return Err(Error::invalid_with(field, "error-amount-decimals", vec![("value", t.to_string())]));
    }
    let fen = parse_signed(&cleaned).ok_or_else(bad)?;
    if fen.0 <= 0 {
        return Err(Error::invalid(field, "error-amount-zero"));
    }
    if fen > MAX_AMOUNT {
        return Err(Error::invalid_with(field, "error-amount-too-large", vec![("max", MAX_AMOUNT.yuan())]));
    }
    Ok(fen)
}

choice! {
    /// Income or expense (收入 / 支出).
    CashKind {
        Income = "income" / "cash-kind-income" ["收入", "in"],
        Expense = "expense" / "cash-kind-expense" ["支出", "out"],
    }
}

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
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A date as printed: 2026年3月1日 / 2026-03-01.
pub fn date_label(l10n: &crate::i18n::Localizer, d: NaiveDate) -> String {
    l10n.format(
        "money-date",
        &[
            ("year", d.year().to_string()),
            ("month", d.month().to_string()),
            ("day", d.day().to_string()),
            ("iso", d.to_string()),
        ],
    )
}

/// Checks a money date: a real date, not after today, not before 2000.
pub(crate) fn check_date(field: &'static str, d: NaiveDate, today: NaiveDate) -> Result<()> {
    if d > today {
        return Err(Error::invalid(field, "error-date-future"));
    }
    if d.year() < 2000 {
        return Err(Error::invalid_with(field, "error-date-invalid", vec![("value", d.to_string())]));
    }
    Ok(())
}

/// A date as typed in a form: empty for today, else YYYY-MM-DD, checked by `check_date`.
pub(crate) fn parse_day(field: &'static str, s: &str, today: NaiveDate) -> Result<NaiveDate> {
    let d = if s.trim().is_empty() {
        today
    } else {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| Error::invalid_with(field, "error-date-invalid", vec![("value", s.to_string())]))?
    };
    check_date(field, d, today)?;
    Ok(d)
}

/// Trims a free-text field and refuses one longer than `max` characters.
pub(crate) fn text(field: &'static str, s: &str, max: usize) -> Result<String> {
    let t = s.trim();
    if t.chars().count() > max {
        return Err(Error::invalid(field, "error-text-too-long"));
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly() {
        assert_eq!(parse_amount("amount", "123.45").unwrap(), Fen(12345));
        assert_eq!(parse_amount("amount", "¥1,234.50").unwrap(), Fen(123450));
        assert_eq!(parse_amount("amount", "100").unwrap(), Fen(10000));
        assert_eq!(parse_amount("amount", "0.1").unwrap(), Fen(10), "0.1 must be exactly ten fen");
        assert_eq!(parse_amount("amount", "12.340").unwrap(), Fen(1234), "a trailing zero is not a third decimal");
        assert_eq!(parse_amount("amount", "99999999.99").unwrap(), MAX_AMOUNT);
    }

    #[test]
    fn bad_amounts_are_refused_with_their_reason() {
        let id = |s: &str| parse_amount("amount", s).unwrap_err().message_id();
        assert_eq!(id("12.345"), "error-amount-decimals", "more than two decimals is refused, not rounded");
        assert_eq!(id("-5"), "error-amount-negative", "a negative amount is refused");
        assert_eq!(id("abc"), "error-amount-invalid");
        assert_eq!(id(""), "error-amount-invalid");
        assert_eq!(id("1e5"), "error-amount-invalid", "scientific notation is not an amount a person types");
        assert_eq!(id("0"), "error-amount-zero");
        assert_eq!(id("0.00"), "error-amount-zero");
        assert_eq!(id("100000000"), "error-amount-too-large");
        assert_eq!(parse_amount("amount", "abc").unwrap_err().field(), Some("amount"));
    }

    #[test]
    fn figures_print_grouped_with_two_decimals() {
        assert_eq!(Fen(123450).yuan(), "¥1,234.50");
        assert_eq!(Fen(5).yuan(), "¥0.05");
        assert_eq!(Fen(-500).yuan(), "-¥5.00");
        assert_eq!(Fen(100_000_000_00).yuan(), "¥100,000,000.00");
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

    #[test]
    fn months_parse_and_bound() {
        let m = Month::parse("month", "2026-02").unwrap();
        assert_eq!((m.first_day().to_string(), m.last_day().to_string()), ("2026-02-01".into(), "2026-02-28".into()));
        assert!(Month::parse("month", "2026-13").is_err());
        assert!(Month::parse("month", "26-1").is_err());
        assert_eq!(Month::parse("month", "2026-12").unwrap().next().to_string(), "2027-01");
    }
}
