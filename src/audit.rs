//! The audit log: who changed what, when, with the record before and after, written in the same
//! transaction as the change itself so one never exists without the other.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::chain::{self, Ledger};
use crate::error::Result;

/// Who is acting. Until sign-in exists this is the configured secretary (or the CLI user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

impl Actor {
    pub fn new(name: impl Into<String>) -> Actor {
        let name = name.into();
        Actor(if name.trim().is_empty() { "secretary".into() } else { name })
    }
}

pub fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn record<B: Serialize, A: Serialize>(
    tx: &Transaction,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: impl ToString,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let before = before.map(serde_json::to_string).transpose()?;
    let after = after.map(serde_json::to_string).transpose()?;
    // The log's one insert path: `append` seals the row into the log's hash chain.
    chain::append(tx, Ledger::Audit, &[&now_utc(), &actor.0, &action, &entity, &entity_id.to_string(), &before, &after])?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub fn list_for(conn: &Connection, entity: &str, entity_id: &str) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare(
        "SELECT at, actor, action, entity, entity_id, before, after FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
    )?;
    let rows = stmt
        .query_map(params![entity, entity_id], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                actor: r.get(1)?,
                action: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                before: r.get(5)?,
                after: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
}
