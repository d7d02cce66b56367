//! The association's money (财务): the cash book, dues, receipts, donations and the statements
//! made from them. Amounts are whole fen (`Fen`) everywhere inside; text the treasurer types is
//! parsed with `rust_decimal` so "0.1" is exactly ten fen and "12.345" is refused, not rounded.

pub mod cash_book;
pub mod donations;
pub mod dues;
pub mod receipts;
pub mod statements;
pub mod words;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::kernel::choice::choice;

pub use crate::kernel::fields::amount as parse_amount;

choice! {
    /// Income or expense (收入 / 支出).
    CashKind {
        Income = "income" / "cash-kind-income" ["收入", "in"],
        Expense = "expense" / "cash-kind-expense" ["支出", "out"],
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

