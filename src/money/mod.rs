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

use crate::kernel::choice::choice;

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
