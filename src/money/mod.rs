//! The association's money (财务): the cash book, dues, receipts, donations and the statements
//! made from them. Amounts are whole fen (`Fen`) everywhere inside; text the treasurer types is
//! parsed with `rust_decimal` so "0.1" is exactly ten fen and "12.345" is refused, not rounded.
//!
//! `categories` holds the book's kinds and categories; `cash_book` knows nothing of receipts; `receipts` holds what needs both (an entry posted with
//! its receipt, a reversal that voids the receipt), and dues and donations build on the two.

pub mod cash_book;
pub mod categories;
pub mod donations;
pub mod dues;
pub mod dues_hours;
pub mod receipts;
pub mod statements;
pub mod words;

pub use categories::CashKind;
