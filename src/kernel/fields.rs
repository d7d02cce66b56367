//! Form fields as a person types them, read once here with their error ids. Each parser takes
//! the form field's name, so the UI can show the message beside that field, and the text as
//! typed; blanks around it never matter. A month is `Month::parse`; hours of the time bank are
//! `time_bank::Hours::parse` (half-hour steps, the bank's own unit).

use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fen::{self, Fen, MAX_AMOUNT};
use crate::error::{Error, Result};

/// The first day the ledgers (cash book, dues, time bank) take: anything earlier is a typo.
pub const LEDGER_START: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// How long a reason (for a reversal, a void, a waiver, a grant…) may be.
pub const REASON_MAX: usize = 200;

/// A date as typed, YYYY-MM-DD.
pub fn date(field: &'static str, s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| Error::invalid_with(field, "error-date-invalid", vec![("value", t.to_string())]))
}

/// A date that may be left empty (None).
pub fn optional_date(field: &'static str, s: &str) -> Result<Option<NaiveDate>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    date(field, s).map(Some)
}

/// A date that may be left empty for `default` (usually today).
pub fn date_or(field: &'static str, s: &str, default: NaiveDate) -> Result<NaiveDate> {
    Ok(optional_date(field, s)?.unwrap_or(default))
}

/// Checks a date something happened on: not after today.
pub fn check_not_future(field: &'static str, d: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if d > today {
        return Err(Error::invalid(field, "error-date-future"));
    }
    Ok(d)
}

/// Checks a date something happened on: not after today and not before `earliest` (a typo,
/// such as a birth in 1826 or a payment in 1926).
pub fn check_past(field: &'static str, d: NaiveDate, earliest: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    check_not_future(field, d, today)?;
    if d < earliest {
        return Err(Error::invalid_with(field, "error-date-invalid", vec![("value", d.to_string())]));
    }
    Ok(d)
}

/// Checks the date of a ledger entry (cash book, dues, time bank): not after today, not before
/// 2000.
pub fn check_ledger_date(field: &'static str, d: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    check_past(field, d, LEDGER_START, today)
}

/// The date of a ledger entry as typed in a form: empty for today, checked as above.
pub fn ledger_date(field: &'static str, s: &str, today: NaiveDate) -> Result<NaiveDate> {
    check_ledger_date(field, date_or(field, s, today)?, today)
}

/// Free text on one line: trimmed, at most `max` characters, and no control characters (tab,
/// line break, escape) nor invisible marks. A tab or line break in a name breaks the CLI's
/// tab-separated lines and every printed table; a right-to-left mark can make one name look
/// like another on screen.
pub fn text(field: &'static str, s: &str, max: usize) -> Result<String> {
    bounded(field, s.trim(), max, false)
}

/// Free text that may run over several lines (notes typed in a text box): as `text`, but line
/// breaks are kept (a Windows `\r\n` becomes `\n`).
pub fn note(field: &'static str, s: &str, max: usize) -> Result<String> {
    bounded(field, &s.trim().replace("\r\n", "\n"), max, true)
}

fn bounded(field: &'static str, t: &str, max: usize, lines: bool) -> Result<String> {
    let len = t.chars().count();
    if len > max {
        return Err(Error::invalid_with(
            field,
            "error-text-too-long",
            vec![("max", max.to_string()), ("length", len.to_string())],
        ));
    }
    if let Some(at) = t.chars().position(|c| hidden(c) && !(lines && c == '\n')) {
        return Err(Error::invalid_with(
            field,
            if lines { "error-note-control" } else { "error-text-control" },
            vec![("position", (at + 1).to_string())],
        ));
    }
    Ok(t.to_string())
}

/// Characters a reader cannot see or that change how the text around them is shown: the
/// control characters (C0, DEL, C1), the bidirectional marks, embeddings, overrides and
/// isolates, zero-width characters, the byte-order mark and the Unicode line separators.
pub fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Text that must be given: as `text`, and the message `missing` when it is blank.
pub fn required(field: &'static str, s: &str, max: usize, missing: &'static str) -> Result<String> {
    let t = text(field, s, max)?;
    if t.is_empty() {
        return Err(Error::invalid(field, missing));
    }
    Ok(t)
}

/// The reason a correction carries (field `reason`): required, at most `REASON_MAX` characters;
/// `missing` is the message when it is blank.
pub fn reason(s: &str, missing: &'static str) -> Result<String> {
    required("reason", s, REASON_MAX, missing)
}

/// The correction form the ledgers share (冲销 a cash entry, 冲正 a time-bank line): why, and
/// the day of the correction as typed (YYYY-MM-DD; empty for today).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ReversalInput {
    pub reason: String,
    pub date: String,
}

impl ReversalInput {
    pub fn new(reason: &str, date: &str) -> ReversalInput {
        ReversalInput { reason: reason.to_string(), date: date.to_string() }
    }

    /// The reason (required; `missing` when blank) and the ledger date (not after today).
    pub fn parse(&self, missing: &'static str, today: NaiveDate) -> Result<(String, NaiveDate)> {
        let reason = reason(&self.reason, missing)?;
        Ok((reason, ledger_date("date", &self.date, today)?))
    }
}

/// A whole number in `range`; anything else (letters, decimals, out of range) is the message
/// `id` with the text as typed.
pub fn whole(field: &'static str, s: &str, range: RangeInclusive<i64>, id: &'static str) -> Result<i64> {
    let t = s.trim();
    let bad = || Error::invalid_with(field, id, vec![("value", t.to_string())]);
    if t.is_empty() || t.len() > 18 || !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let n: i64 = t.parse().map_err(|_| bad())?;
    if !range.contains(&n) {
        return Err(bad());
    }
    Ok(n)
}

/// Hours worked as typed ("3", "2.5") in whole minutes: more than 0, at most 24 hours.
pub fn hours_as_minutes(field: &'static str, s: &str) -> Result<i64> {
    use rust_decimal::prelude::ToPrimitive;
    let bad = || Error::invalid_with(field, "error-rota-hours-invalid", vec![("value", s.to_string())]);
    let d: Decimal = s.trim().parse().map_err(|_| bad())?;
    let m = (d * Decimal::from(60)).round().to_i64().ok_or_else(bad)?;
    if m <= 0 || m > 24 * 60 {
        return Err(bad());
    }
    Ok(m)
}

/// Parses an amount as a person types it: "123.45", "¥1,234.50", "100". It must be more than
/// zero, have at most two decimals and not exceed `MAX_AMOUNT`; anything else is a localised
/// error for `field`.
pub fn amount(field: &'static str, text: &str) -> Result<Fen> {
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
    let fen = fen::parse_signed(&cleaned).ok_or_else(bad)?;
    if fen.0 <= 0 {
        return Err(Error::invalid(field, "error-amount-zero"));
    }
    if fen > MAX_AMOUNT {
        return Err(Error::invalid_with(field, "error-amount-too-large", vec![("max", MAX_AMOUNT.yuan())]));
    }
    Ok(fen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly() {
        assert_eq!(amount("amount", "123.45").unwrap(), Fen(12345));
        assert_eq!(amount("amount", "¥1,234.50").unwrap(), Fen(123450));
        assert_eq!(amount("amount", "100").unwrap(), Fen(10000));
        assert_eq!(amount("amount", "0.1").unwrap(), Fen(10), "0.1 must be exactly ten fen");
        assert_eq!(amount("amount", "12.340").unwrap(), Fen(1234), "a trailing zero is not a third decimal");
        assert_eq!(amount("amount", "99999999.99").unwrap(), MAX_AMOUNT);
    }

    #[test]
    fn bad_amounts_are_refused_with_their_reason() {
        let id = |s: &str| amount("amount", s).unwrap_err().message_id();
        assert_eq!(id("12.345"), "error-amount-decimals", "more than two decimals is refused, not rounded");
        assert_eq!(id("-5"), "error-amount-negative", "a negative amount is refused");
        assert_eq!(id("abc"), "error-amount-invalid");
        assert_eq!(id(""), "error-amount-invalid");
        assert_eq!(id("1e5"), "error-amount-invalid", "scientific notation is not an amount a person types");
        assert_eq!(id("0"), "error-amount-zero");
        assert_eq!(id("0.00"), "error-amount-zero");
        assert_eq!(id("100000000"), "error-amount-too-large");
        assert_eq!(amount("amount", "abc").unwrap_err().field(), Some("amount"));
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_are_year_month_day_and_blank_is_none() {
        assert_eq!(date("d", " 2026-03-01 ").unwrap(), day("2026-03-01"));
        let e = date("d", "2026-02-30").unwrap_err();
        assert_eq!((e.message_id(), e.field()), ("error-date-invalid", Some("d")), "a day that does not exist is refused");
        assert_eq!(e.args(), vec![("value", "2026-02-30".to_string())], "the message repeats what was typed");
        assert_eq!(date("d", "1.3.2026").unwrap_err().message_id(), "error-date-invalid");
        assert_eq!(optional_date("d", "  ").unwrap(), None, "a blank date is no date");
        assert_eq!(date_or("d", "", day("2026-11-29")).unwrap(), day("2026-11-29"), "a blank date is the default");
        assert_eq!(date_or("d", "2026-01-02", day("2026-11-29")).unwrap(), day("2026-01-02"));
    }

    #[test]
    fn past_dates_are_not_after_today_nor_before_their_earliest() {
        let today = day("2026-11-29");
        assert_eq!(check_ledger_date("date", today, today).unwrap(), today, "today itself is fine");
        assert_eq!(check_ledger_date("date", day("2026-11-30"), today).unwrap_err().message_id(), "error-date-future");
        assert_eq!(check_ledger_date("date", day("1999-12-31"), today).unwrap_err().message_id(), "error-date-invalid", "the ledgers start in 2000");
        assert!(check_ledger_date("date", LEDGER_START, today).is_ok());
        assert!(check_past("birth", day("1900-01-01"), day("1880-01-01"), today).is_ok());
        assert_eq!(check_not_future("d", day("2027-01-01"), today).unwrap_err().message_id(), "error-date-future");
        assert_eq!(ledger_date("date", "", today).unwrap(), today, "a blank ledger date is today");
        assert_eq!(ledger_date("date", "2027-01-01", today).unwrap_err().message_id(), "error-date-future");
    }

    #[test]
    fn text_is_trimmed_and_bounded_and_required_text_is_given() {
        assert_eq!(text("memo", "  茶水费 ", 3).unwrap(), "茶水费", "characters count, not bytes");
        assert_eq!(text("memo", "茶水费用", 3).unwrap_err().message_id(), "error-text-too-long");
        assert_eq!(text("memo", "茶水", 2).unwrap(), "茶水", "the limit itself is allowed");
        assert_eq!(text("memo", "", 3).unwrap(), "");
        assert_eq!(required("donor", " ", 60, "error-donor-required").unwrap_err().message_id(), "error-donor-required");
        let e = reason("  ", "error-reason-required").unwrap_err();
        assert_eq!((e.message_id(), e.field()), ("error-reason-required", Some("reason")), "a blank reason is refused");
        assert_eq!(reason(&"因".repeat(REASON_MAX + 1), "error-reason-required").unwrap_err().message_id(), "error-text-too-long");
    }

    #[test]
    fn whole_numbers_are_digits_within_their_range() {
        assert_eq!(whole("every_days", " 7 ", 1..=366, "error-rota-every-days").unwrap(), 7);
        for bad in ["0", "367", "-1", "1.5", "七", "", "1e2", "99999999999999999999"] {
            let e = whole("every_days", bad, 1..=366, "error-rota-every-days").unwrap_err();
            assert_eq!((e.message_id(), e.field()), ("error-rota-every-days", Some("every_days")), "{bad:?} is not a number of days");
        }
    }

    #[test]
    fn hours_worked_are_minutes_within_a_day() {
        assert_eq!(hours_as_minutes("h", "2.5").unwrap(), 150);
        assert_eq!(hours_as_minutes("h", "24").unwrap(), 24 * 60);
        for bad in ["0", "25", "x", "-1", ""] {
            assert_eq!(hours_as_minutes("h", bad).unwrap_err().message_id(), "error-rota-hours-invalid", "{bad:?} hours");
        }
    }

    #[test]
    fn text_refuses_what_a_reader_cannot_see() {
        for bad in ["王\t五", "王\n五", "王\u{1b}[31m五", "\u{202E}五王", "王\u{200B}五", "王\u{2066}五", "王\u{7f}五", "王\u{85}五"] {
            let e = text("name", bad, 30).unwrap_err();
            assert_eq!(e.message_id(), "error-text-control", "{bad:?} must be refused");
        }
        assert_eq!(text("name", "欧阳·明", 30).unwrap(), "欧阳·明", "a middle dot is visible and allowed");
        assert_eq!(text("name", "  李四  ", 30).unwrap(), "李四", "spaces at the ends are trimmed, not refused");
        assert_eq!(note("notes", "高血压\r\n每天吃药", 50).unwrap(), "高血压\n每天吃药", "notes keep their lines");
        assert_eq!(note("notes", "高血压\t每天", 50).unwrap_err().message_id(), "error-note-control", "a tab is refused in notes too");
        assert_eq!(note("notes", "a\u{202E}b", 50).unwrap_err().message_id(), "error-note-control");
    }
}
