//! Tamper-evident ledgers: the cash book (`cash_entry`), the time bank (`time_entry`) and the
//! audit log (`audit_log`) each carry a SHA-256 hash chain. The triggers already refuse UPDATE
//! and DELETE, but anyone with the sqlite3 tool can drop a trigger and edit a posted row; the
//! chain makes such an edit visible: `huzhu check` (and every start) recomputes it and names the
//! first row that does not match, and the printed statements and passbooks carry the chain's
//! current short code (`head`), so a signed page pins the ledger as it was.
//!
//! ## The seal of a row (format version 1)
//!
//! Every row's `hash` column holds 64 lowercase hex digits:
//!
//! ```text
//! hash = hex(SHA-256(UTF-8 of "huzhu-chain-v1\n" + TABLE + "\n" + PREV + "\n" + ROW))
//! ```
//!
//! * `TABLE` is the table's name (`cash_entry`, `time_entry`, `audit_log`), so a row cannot be
//!   moved from one ledger to another;
//! * `PREV` is the `hash` of the row with the next lower `id` in the same table, or 64 `0`s for
//!   the first row;
//! * `ROW` is the row's stored columns in the order `Ledger::columns` lists them (the `id`
//!   first; the `hash` itself and generated columns left out) as a JSON array without spaces:
//!   INTEGER as a decimal number, TEXT as a JSON string escaped as serde_json (and RFC 8785)
//!   escape it, NULL as `null` (no column of these tables holds a REAL or a BLOB; a REAL would
//!   be written as its shortest decimal, a BLOB as a string of lowercase hex).
//!
//! For example the first audit row could be sealed over
//! `huzhu-chain-v1\naudit_log\n000…000\n[1,"2026-11-29T08:00:00.000Z","林德明","save","association","1",null,"{…}"]`.
//!
//! Rows are sealed in Rust in the one insert path of each ledger (`append`, called by
//! `cash_book`'s posting, the time bank's `ledger::post` and `audit::record`), inside the
//! writing transaction. Rows written before migration 05 were sealed by that migration, in id
//! order. What the chain cannot show on its own: the newest rows removed together (the chain
//! that is left is whole) — the short code on the last printed page shows that.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, Connection, OptionalExtension, ToSql, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The chain's first `PREV`.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A ledger that carries a hash chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub enum Ledger {
    Cash,
    Time,
    Audit,
}

impl Ledger {
    pub const ALL: [Ledger; 3] = [Ledger::Cash, Ledger::Time, Ledger::Audit];

    pub fn table(self) -> &'static str {
        match self {
            Ledger::Cash => "cash_entry",
            Ledger::Time => "time_entry",
            Ledger::Audit => "audit_log",
        }
    }

    /// The sealed columns, in sealing order: every stored column but `hash` (a test compares
    /// this with the table, so a column added later cannot be left out of the seal unnoticed).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Ledger::Cash => &[
                "id", "year", "seq", "voucher_no", "date", "kind", "amount_fen", "category_id", "party", "handler",
                "approver", "memo", "source", "reverses_id", "reason", "created_at", "created_by",
            ],
            Ledger::Time => &[
                "id", "account_id", "kind", "direction", "half_hours", "date", "counterparty_id", "recipient_id",
                "service_kind", "confirmed_by", "reason", "consent", "source", "reverses_entry_id", "batch", "created_at",
                "created_by",
            ],
            Ledger::Audit => &["id", "at", "actor", "action", "entity", "entity_id", "before", "after"],
        }
    }

    /// How a person finds a row: the voucher number of a cash entry, the id otherwise.
    fn row_name(self) -> &'static str {
        match self {
            Ledger::Cash => "voucher_no",
            Ledger::Time | Ledger::Audit => "id",
        }
    }
}

/// One row's seal, from the previous row's seal and the row's values (id first).
pub fn seal(ledger: Ledger, prev: &str, row: &[Value]) -> String {
    let mut text = String::with_capacity(256);
    text.push_str("huzhu-chain-v1\n");
    text.push_str(ledger.table());
    text.push('\n');
    text.push_str(prev);
    text.push('\n');
    text.push('[');
    for (i, v) in row.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        push_value(&mut text, v);
    }
    text.push(']');
    hex(&Sha256::digest(text.as_bytes()))
}

fn push_value(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Integer(i) => out.push_str(&i.to_string()),
        Value::Real(f) => out.push_str(&serde_json::Number::from_f64(*f).map(|n| n.to_string()).unwrap_or_else(|| "null".into())),
        // serde_json cannot fail on a string.
        Value::Text(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        Value::Blob(b) => {
            out.push('"');
            out.push_str(&hex(b));
            out.push('"');
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The values of a row as they will be stored (a NaiveDate as its text, a choice as its code…).
pub(crate) fn values(items: &[&dyn ToSql]) -> Result<Vec<Value>> {
    use rusqlite::types::ToSqlOutput;
    items
        .iter()
        .map(|item| {
            Ok(match item.to_sql()? {
                ToSqlOutput::Borrowed(r) => Value::from(r),
                ToSqlOutput::Owned(v) => v,
                // No ledger column is written as a zero blob or an array.
                _ => return Err(Error::Storage(rusqlite::Error::InvalidQuery)),
            })
        })
        .collect()
}

/// The id the next row of `ledger` gets (the time bank names it in the same row's `batch`).
pub(crate) fn next_id(conn: &Connection, ledger: Ledger) -> Result<i64> {
    Ok(conn.prepare_cached(&format!("SELECT coalesce(max(id), 0) + 1 FROM {}", ledger.table()))?.query_row([], |r| r.get(0))?)
}

/// The one way a row enters a ledger: `row` holds the values of `Ledger::columns` after `id`;
/// the id is the next one (`next_id`), the seal is made from the newest row's seal. Returns the
/// id. Inside the caller's transaction, which began IMMEDIATE (`db::write`), so no other writer
/// can slip a row in between reading the newest seal and inserting.
pub(crate) fn append(tx: &Transaction, ledger: Ledger, row: &[&dyn ToSql]) -> Result<i64> {
    let table = ledger.table();
    let id = next_id(tx, ledger)?;
    let prev: Option<Option<String>> =
        tx.prepare_cached(&format!("SELECT hash FROM {table} ORDER BY id DESC LIMIT 1"))?.query_row([], |r| r.get(0)).optional()?;
    // A newest row without a seal cannot be (the insert trigger refuses one): chain on from
    // nothing, and `check` names that row.
    let prev = prev.flatten().unwrap_or_else(|| GENESIS.to_string());
    let mut all = vec![Value::Integer(id)];
    all.extend(values(row)?);
    let columns = ledger.columns();
    if all.len() != columns.len() {
        return Err(Error::Storage(rusqlite::Error::InvalidColumnIndex(all.len())));
    }
    let hash = seal(ledger, &prev, &all);
    all.push(Value::Text(hash));
    let marks = (1..=all.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    tx.prepare_cached(&format!("INSERT INTO {table} ({}, hash) VALUES ({marks})", columns.join(", ")))?
        .execute(params_from_iter(all))?;
    Ok(id)
}

/// The first row of a ledger whose seal does not match its content or its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Break {
    pub ledger: Ledger,
    #[ts(type = "number")]
    pub id: i64,
    /// How a person finds the row: the voucher number of a cash entry, the id otherwise.
    pub row: String,
}

/// Recomputes a ledger's chain from its first row; the first row that does not match, if any.
pub fn verify(conn: &Connection, ledger: Ledger) -> Result<Option<Break>> {
    let columns = ledger.columns();
    let n = columns.len();
    let sql = format!("SELECT {}, hash, {} FROM {} ORDER BY id", columns.join(", "), ledger.row_name(), ledger.table());
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut values = Vec::with_capacity(n);
    while let Some(r) = rows.next()? {
        values.clear();
        for i in 0..n {
            values.push(Value::from(r.get_ref(i)?));
        }
        let stored = match r.get_ref(n)? {
            ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            _ => String::new(),
        };
        let expected = seal(ledger, &prev, &values);
        if stored != expected {
            let id = match values.first() {
                Some(Value::Integer(i)) => *i,
                _ => 0,
            };
            let row = match r.get_ref(n + 1)? {
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                ValueRef::Integer(i) => i.to_string(),
                _ => id.to_string(),
            };
            return Ok(Some(Break { ledger, id, row }));
        }
        prev = stored;
    }
    Ok(None)
}

/// The ledger's current short code: the first 8 hex digits of its newest row's seal ("00000000"
/// for an empty ledger). Printed in the footer of statements and passbooks.
pub fn head(conn: &Connection, ledger: Ledger) -> Result<String> {
    let hash: Option<Option<String>> =
        conn.query_row(&format!("SELECT hash FROM {} ORDER BY id DESC LIMIT 1", ledger.table()), [], |r| r.get(0)).optional()?;
    let hash = hash.flatten().unwrap_or_else(|| GENESIS.to_string());
    Ok(hash.get(..8).unwrap_or(&hash).to_string())
}

/// Seals the rows written before the chains existed, in id order (migration 05's Rust step; the
/// triggers let a row without a seal get one, and nothing else).
pub(crate) fn seal_existing(tx: &Transaction) -> rusqlite::Result<()> {
    for ledger in Ledger::ALL {
        let columns = ledger.columns();
        let table = ledger.table();
        let mut read = tx.prepare(&format!("SELECT {} FROM {table} ORDER BY id", columns.join(", ")))?;
        let mut write = tx.prepare(&format!("UPDATE {table} SET hash = ?1 WHERE id = ?2"))?;
        let mut rows = read.query([])?;
        let mut prev = GENESIS.to_string();
        while let Some(r) = rows.next()? {
            let values: Vec<Value> = (0..columns.len()).map(|i| r.get_ref(i).map(Value::from)).collect::<rusqlite::Result<_>>()?;
            let hash = seal(ledger, &prev, &values);
            write.execute(rusqlite::params![hash, values[0]])?;
            prev = hash;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seal_covers_the_table_the_previous_seal_and_every_value() {
        let row = vec![Value::Integer(1), Value::Text("a\"b".into()), Value::Null];
        let base = seal(Ledger::Audit, GENESIS, &row);
        assert_eq!(base.len(), 64, "a seal is 64 hex digits");
        assert_ne!(seal(Ledger::Cash, GENESIS, &row), base, "the table is sealed");
        assert_ne!(seal(Ledger::Audit, &"1".repeat(64), &row), base, "the previous seal is sealed");
        let mut other = row.clone();
        other[2] = Value::Text(String::new());
        assert_ne!(seal(Ledger::Audit, GENESIS, &other), base, "NULL and empty text differ");
        other[2] = Value::Text("null".into());
        assert_ne!(seal(Ledger::Audit, GENESIS, &other), base, "NULL and the text 'null' differ");
    }

    #[test]
    fn the_seal_is_sha256_of_the_documented_text() {
        let row = vec![Value::Integer(7), Value::Text("张".into()), Value::Null];
        let text = format!("huzhu-chain-v1\ntime_entry\n{GENESIS}\n[7,\"张\",null]");
        assert_eq!(seal(Ledger::Time, GENESIS, &row), hex(&Sha256::digest(text.as_bytes())));
    }
}
