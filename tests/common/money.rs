//! The treasurer's fixtures: a cash-book entry as the form sends it, posted on `today()`.

use huzhu::money::cash_book::{self, CashEntry, EntryInput};
use huzhu::money::CashKind;
use rusqlite::Connection;

use super::{actor, today, write};

pub fn entry(kind: CashKind, category: &str, amount: &str, date: &str) -> EntryInput {
    EntryInput { kind: Some(kind), category: category.into(), amount: amount.into(), date: date.into(), ..Default::default() }
}

/// Posts one entry in its own transaction.
pub fn post(conn: &mut Connection, input: &EntryInput) -> huzhu::Result<CashEntry> {
    write(conn, |tx| cash_book::add(tx, &actor(), input, today()))
}
