//! The write: the plan made again inside the transaction and carried out row by row through the
//! register's own `add`, `update` and `set_status`, so an imported person passes every check a
//! typed one does and every change is in the audit log; then one audit row for the import.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::plan::{plan, Death, Plan, RosterCounts, Write};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::members::{self, MemberNo, Status, StatusInput};

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RosterImported {
    /// The rows by what was done with them (errors and skips were left out).
    pub counts: RosterCounts,
    /// The register numbers given to the people added, in the order of the sheet.
    pub added: Vec<MemberNo>,
}

/// What the audit log keeps about an import as a whole.
#[derive(Serialize)]
struct ImportRecord<'a> {
    sheet: &'a str,
    digest: &'a str,
    counts: RosterCounts,
}

/// Imports the rows the preview marked add or update, in one transaction (the caller's). Rows
/// in error, skipped or already the same are left alone. `expect_digest` is the digest the
/// preview showed: if the file has changed since, nothing is written.
pub fn import(
    tx: &Transaction,
    actor: &Actor,
    bytes: &[u8],
    sheet: Option<&str>,
    expect_digest: Option<&str>,
    today: NaiveDate,
) -> Result<RosterImported> {
    let p: Plan = plan(tx, bytes, sheet, today)?;
    if expect_digest.is_some_and(|d| !d.is_empty() && d != p.digest) {
        return Err(Error::conflict("error-roster-file-changed", vec![]));
    }
    let mut added = Vec::new();
    if p.rows.iter().all(|r| r.write.is_none()) {
        // Nothing to write: nothing is written, not even the audit row, so a file of refused
        // rows leaves the database exactly as it was.
        return Ok(RosterImported { counts: p.counts(), added });
    }
    for row in &p.rows {
        match &row.write {
            None => {}
            Some(Write::Add { input, death }) => {
                let person = members::add(tx, actor, input, today)?;
                record_death(tx, actor, person.member_no, death.as_ref(), today)?;
                added.push(person.member_no);
            }
            Some(Write::Update { no, input, death }) => {
                if let Some(input) = input {
                    members::update(tx, actor, *no, input, today)?;
                }
                record_death(tx, actor, *no, death.as_ref(), today)?;
            }
        }
    }
    let counts = p.counts();
    let key = p.digest.get(..16).unwrap_or(&p.digest);
    audit::record(tx, actor, "import", "roster", key, None::<&()>, Some(&ImportRecord { sheet: &p.sheet, digest: &p.digest, counts }))?;
    Ok(RosterImported { counts, added })
}

fn record_death(tx: &Transaction, actor: &Actor, no: MemberNo, death: Option<&Death>, today: NaiveDate) -> Result<()> {
    if let Some(d) = death {
        members::set_status(tx, actor, no, &StatusInput::new(Status::Deceased, &d.date.to_string(), &d.note), today)?;
    }
    Ok(())
}
