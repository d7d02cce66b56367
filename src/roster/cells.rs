//! Reading one cell of a roster the way its many typists meant it: ID numbers with spaces,
//! full-width digits or a lowercase x (or mangled by Excel into a number), dates in every form a
//! village office writes them, phones, names padded with spaces to line up.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::kernel::Gender;
use crate::members::Living;
use crate::sheets::grid::{number_text, serial_date};
use crate::sheets::Value;

/// Full-width digits and letters (０-９, Ｘ) as ASCII, and every kind of space as a plain one.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' => ' ',
            _ => c,
        })
        .collect()
}

/// A text cell trimmed, with full-width forms made half-width.
pub fn text(v: &Value) -> String {
    half_width(&v.display()).trim().to_string()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// A name as typed: two-character names are often padded to line up with three-character ones
/// ("王  五"), so spaces inside a Chinese name are dropped; other names keep single spaces.
pub fn name(v: &Value) -> String {
    let t = text(v);
    if t.chars().any(is_cjk) {
        t.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// What an ID-number cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdCell {
    None,
    /// Digits (and X) as typed, spaces and full-width forms removed; checked later.
    Number(String),
    /// Shown masked (110105********002X), as our own exports and many lists print it: it
    /// cannot identify anyone.
    Masked,
    /// Excel turned it into a number and kept only 15 significant digits: what is left.
    Lost(String),
}

pub fn id_card(v: &Value) -> IdCell {
    match v {
        Value::Empty => IdCell::None,
        Value::Date(_) => IdCell::Lost(v.display()),
        Value::Number(f) => {
            // A number of 16 digits or more has lost its last digits to floating point (and a
            // 15-digit one is an old-style number, still readable as text, so refuse it too:
            // the sheet should hold the number as text).
            if f.abs() >= 1e14 {
                IdCell::Lost(format!("{f:.0}"))
            } else {
                IdCell::Number(number_text(*f))
            }
        }
        Value::Text(_) => {
            let t = text(v);
            let cleaned: String = t
                .trim_start_matches('\'')
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| c.to_ascii_uppercase())
                .collect();
            if cleaned.is_empty() {
                IdCell::None
            } else if cleaned.contains('*') {
                IdCell::Masked
            } else if scientific(&cleaned) {
                // Excel showed 1.10105E+17 and a CSV kept what it showed.
                IdCell::Lost(cleaned)
            } else {
                IdCell::Number(cleaned)
            }
        }
    }
}

/// 1.10105E+17, 1.10105194912E17: a number written by Excel in scientific notation.
fn scientific(s: &str) -> bool {
    let Some((mantissa, exp)) = s.split_once('E') else { return false };
    let exp = exp.trim_start_matches('+');
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
}

/// How much of a date a cell gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    /// Year and month only (1941.03, 1941年3月): the date is the first of the month.
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateCell {
    pub date: NaiveDate,
    pub precision: Precision,
    /// A number such as 1941.1 may have been typed 1941.10: Excel drops the trailing zero.
    pub ambiguous: bool,
}

impl DateCell {
    /// True when `other` falls in what this cell says (the same day, or the same month).
    pub fn agrees_with(&self, other: NaiveDate) -> bool {
        match self.precision {
            Precision::Day => self.date == other,
            Precision::Month => self.date.year() == other.year() && self.date.month() == other.month(),
        }
    }
}

fn bad_date(field: &'static str, shown: String) -> Error {
    Error::invalid_with(field, "error-roster-date", vec![("value", shown)])
}

/// A date as a roster writes it: 1941.3.5, 1941.03, 1941年3月5日, 1941年3月, 19410305, 194103,
/// 1941/3/5, 1941-03-05 (with or without a time after it), a date cell, or a serial day number
/// (what a cell in one of Excel's Chinese date formats reads as). A year alone is refused: it
/// cannot tell an 80-year-old from a 79-year-old.
pub fn date(field: &'static str, v: &Value) -> Result<Option<DateCell>> {
    match v {
        Value::Empty => Ok(None),
        Value::Date(d) => Ok(Some(DateCell { date: *d, precision: Precision::Day, ambiguous: false })),
        Value::Number(f) => number_date(field, *f).map(Some),
        Value::Text(_) => {
            let t = text(v);
            if t.is_empty() {
                return Ok(None);
            }
            match text_date(&t) {
                Some(d) => Ok(Some(d)),
                None if year_only(v) => Err(Error::invalid_with(field, "error-roster-year-only", vec![("value", t)])),
                None => Err(bad_date(field, t)),
            }
        }
    }
}

fn ymd(y: i64, m: i64, d: Option<i64>) -> Option<DateCell> {
    let (y, m) = (i32::try_from(y).ok()?, u32::try_from(m).ok()?);
    if !(1800..=2200).contains(&y) {
        return None;
    }
    match d {
        Some(d) => NaiveDate::from_ymd_opt(y, m, u32::try_from(d).ok()?).map(|date| DateCell { date, precision: Precision::Day, ambiguous: false }),
        None => NaiveDate::from_ymd_opt(y, m, 1).map(|date| DateCell { date, precision: Precision::Month, ambiguous: false }),
    }
}

fn number_date(field: &'static str, f: f64) -> Result<DateCell> {
    let shown = number_text(f);
    let bad = || bad_date(field, shown.clone());
    if !f.is_finite() || f <= 0.0 {
        return Err(bad());
    }
    if f.fract() == 0.0 {
        let n = f as i64;
        return match n {
            // 19410305
            18_000_101..=22_001_231 => ymd(n / 10_000, n / 100 % 100, Some(n % 100)).ok_or_else(bad),
            // 194103
            180_001..=220_012 => ymd(n / 100, n % 100, None).ok_or_else(bad),
            1800..=2200 => Err(Error::invalid_with(field, "error-roster-year-only", vec![("value", shown)])),
            // A serial day number: a date cell in one of the Chinese formats (yyyy"年"m"月"d"日")
            // that Excel does not mark as a date in the file.
            _ => serial_date(f).map(|date| DateCell { date, precision: Precision::Day, ambiguous: false }).ok_or_else(bad),
        };
    }
    // 1941.3 or 1941.03 typed into a General cell is a number: year and month.
    let (y, m) = shown.split_once('.').ok_or_else(bad)?;
    let (y, m): (i64, i64) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let mut cell = ymd(y, m, None).ok_or_else(bad)?;
    cell.ambiguous = m == 1;
    Ok(cell)
}

/// The digit runs of a date written as text, if what separates them is what dates are written
/// with (. - / 年 月 日 号 and spaces; a time after a space is dropped).
fn text_date(t: &str) -> Option<DateCell> {
    // "1941-03-05 00:00:00": the date part only.
    let t = match t.split_once(' ') {
        Some((d, rest)) if rest.contains(':') => d,
        _ => t,
    };
    let mut runs: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            runs.push(&t[s..i]);
        }
        if !matches!(c, '.' | '-' | '/' | '年' | '月' | '日' | '号' | ' ' | '．') {
            return None;
        }
    }
    if let Some(s) = start {
        runs.push(&t[s..]);
    }
    let n = |s: &str| s.parse::<i64>().ok();
    match runs.as_slice() {
        [y, m, d] if y.len() == 4 => ymd(n(y)?, n(m)?, Some(n(d)?)),
        [y, m] if y.len() == 4 => ymd(n(y)?, n(m)?, None),
        [all] if all.len() == 8 => ymd(n(&all[..4])?, n(&all[4..6])?, Some(n(&all[6..])?)),
        [all] if all.len() == 6 => ymd(n(&all[..4])?, n(&all[4..])?, None),
        _ => None,
    }
}

/// True when a text date cell gave only a year (1941, 1941年), for a message that says so.
pub fn year_only(v: &Value) -> bool {
    let t = text(v);
    let t = t.trim_end_matches('年');
    t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())
}

pub fn gender(v: &Value) -> Result<Option<Gender>> {
    let t = text(v);
    if t.is_empty() {
        return Ok(None);
    }
    let core = t.trim_end_matches('性');
    Gender::parse(core)
        .or_else(|| Gender::parse(&t))
        .map(Some)
        .ok_or_else(|| Error::invalid_with("gender", "error-roster-gender", vec![("value", t.clone())]))
}

/// What stands for "none" in a cell: 无, -, /, 0.
fn nothing(t: &str) -> bool {
    matches!(t, "无" | "-" | "—" | "/" | "0" | "暂无" | "none" | "None" | "N/A")
}

/// The phone numbers in a cell: one or several, separated by / , ， 、 ; ； or spaces.
pub fn phones(v: &Value) -> Vec<String> {
    let t = text(v);
    if t.is_empty() || nothing(&t) {
        return Vec::new();
    }
    t.split(['/', ',', '，', '、', ';', '；', '\n'])
        .flat_map(|part| {
            // Two numbers with only a space between them are two numbers; "0595 2233 4455" is one.
            let pieces: Vec<&str> = part.split_whitespace().collect();
            if pieces.len() > 1 && pieces.iter().all(|p| p.chars().filter(char::is_ascii_digit).count() >= 7) {
                pieces.into_iter().map(str::to_string).collect::<Vec<_>>()
            } else {
                vec![part.trim().to_string()]
            }
        })
        // A masked number (138****5678, as lists print them) cannot be called.
        .filter(|p| !p.is_empty() && !p.contains('*'))
        .collect()
}

/// A cell for plain text fields (address, group).
pub fn plain(v: &Value) -> String {
    let t = text(v);
    if nothing(&t) {
        String::new()
    } else {
        t
    }
}

/// 居住情况: the register's words and the ones rosters use for them.
pub fn living(v: &Value) -> Result<Option<Living>> {
    let t = text(v);
    if t.is_empty() || nothing(&t) {
        return Ok(None);
    }
    if let Some(l) = Living::parse(&t) {
        return Ok(Some(l));
    }
    let found = if t.contains("独居") || t.contains("独住") || t.contains("一人") {
        Some(Living::Alone)
    } else if t.contains("空巢") || t.contains("夫妻") || t.contains("老两口") {
        Some(Living::EmptyNest)
    } else if t.contains("子女") || t.contains("儿子") || t.contains("女儿") {
        Some(Living::WithChildren)
    } else if t.contains("养老院") || t.contains("敬老院") || t.contains("福利院") || t.contains("机构") {
        Some(Living::Institution)
    } else {
        None
    };
    found.map(Some).ok_or_else(|| Error::invalid_with("living", "error-roster-living", vec![("value", t)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_written_form_of_a_date_is_read() {
        for (s, want, p) in [
            ("1941.3.5", day(1941, 3, 5), Precision::Day),
            ("1941.03", day(1941, 3, 1), Precision::Month),
            ("1941年3月5日", day(1941, 3, 5), Precision::Day),
            ("1941年3月", day(1941, 3, 1), Precision::Month),
            ("19410305", day(1941, 3, 5), Precision::Day),
            ("1941/3/5", day(1941, 3, 5), Precision::Day),
            ("1941-03-05", day(1941, 3, 5), Precision::Day),
            ("1941-03-05 00:00:00", day(1941, 3, 5), Precision::Day),
            ("１９４１．３．５", day(1941, 3, 5), Precision::Day),
            ("194103", day(1941, 3, 1), Precision::Month),
        ] {
            let c = date("birth_date", &t(s)).unwrap().unwrap();
            assert_eq!((c.date, c.precision), (want, p), "{s}");
        }
    }

    #[test]
    fn numbers_are_dates_as_their_typist_meant() {
        let n = |f: f64| date("birth_date", &Value::Number(f)).unwrap().unwrap();
        assert_eq!(n(19410305.0).date, day(1941, 3, 5), "eight digits typed as a number");
        assert_eq!(n(15040.0).date, day(1941, 3, 5), "a serial day under a Chinese date format");
        assert_eq!((n(1941.03).date, n(1941.03).precision), (day(1941, 3, 1), Precision::Month));
        assert!(n(1941.1).ambiguous, "1941.1 may have been 1941.10");
        assert!(!n(1941.12).ambiguous);
    }

    #[test]
    fn impossible_dates_and_a_bare_year_are_refused() {
        for s in ["1941.2.30", "1941.13", "三月", "41.3.5", "1941-3-5-6"] {
            assert_eq!(date("birth_date", &t(s)).unwrap_err().message_id(), "error-roster-date", "{s}");
        }
        assert_eq!(date("birth_date", &Value::Number(1941.0)).unwrap_err().message_id(), "error-roster-year-only");
        assert!(year_only(&t("1941年")));
    }

    #[test]
    fn id_numbers_lose_spaces_and_full_width_forms_and_excel_numbers_are_caught() {
        assert_eq!(id_card(&t(" 110105 1949 1231 002x ")), IdCell::Number("11010519491231002X".into()));
        assert_eq!(id_card(&t("１１０１０５１９４９１２３１００２Ｘ")), IdCell::Number("11010519491231002X".into()));
        assert_eq!(id_card(&t("'11010519491231002X")), IdCell::Number("11010519491231002X".into()), "a leading apostrophe is Excel's text mark");
        assert_eq!(id_card(&Value::Number(110105194912310020.0)), IdCell::Lost("110105194912310016".into()));
        assert_eq!(id_card(&t("1.10105E+17")), IdCell::Lost("1.10105E+17".into()));
        assert_eq!(id_card(&t("110105********002X")), IdCell::Masked);
        assert_eq!(id_card(&t("  ")), IdCell::None);
    }

    #[test]
    fn names_padded_to_line_up_are_joined() {
        assert_eq!(name(&t("王　 五")), "王五");
        assert_eq!(name(&t(" Anna  Li ")), "Anna Li");
    }

    #[test]
    fn phone_cells_split_into_numbers() {
        assert_eq!(phones(&Value::Number(13812345678.0)), vec!["13812345678"]);
        assert_eq!(phones(&t("13812345678/0595-2233445")), vec!["13812345678", "0595-2233445"]);
        assert_eq!(phones(&t("13812345678 13912345678")), vec!["13812345678", "13912345678"]);
        assert_eq!(phones(&t("0595 2233 4455")), vec!["0595 2233 4455"]);
        assert!(phones(&t("无")).is_empty());
        assert!(phones(&t("138****5678")).is_empty(), "a masked number is no number");
    }

    #[test]
    fn living_words_of_rosters_are_understood() {
        assert_eq!(living(&t("独居老人")).unwrap(), Some(Living::Alone));
        assert_eq!(living(&t("与子女同住")).unwrap(), Some(Living::WithChildren));
        assert_eq!(living(&t("敬老院")).unwrap(), Some(Living::Institution));
        assert_eq!(living(&t("月球")).unwrap_err().message_id(), "error-roster-living");
        assert_eq!(gender(&t("女性")).unwrap(), Some(Gender::Female));
    }
}
