//! The audit log: who changed what, when, with the record before and after, written in the same
//! transaction as the change itself so one never exists without the other.
//!
//! It is also where access is enforced: every write records its row here, so `record` checks the
//! actor's role against the permission table (`permissions`) and refuses, undoing the write,
//! what the role may not do.

mod actor;
pub mod permissions;
mod trail;

pub use actor::{Actor, Role};
pub use permissions::{Area, MoneyDuty};
pub use trail::{list, AuditFilter, AuditEntry};

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::chain::{self, Ledger};
use crate::error::Result;

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
    permissions::check(tx, actor, action, entity)?;
    let mut before = before.map(serde_json::to_string).transpose()?;
    let mut after = after.map(serde_json::to_string).transpose()?;
    if PRIVATE_FIELDS.iter().any(|f| [&before, &after].iter().any(|s| s.as_deref().is_some_and(|s| s.contains(&format!("\"{f}\""))))) {
        let mut b = before.as_deref().map(serde_json::from_str::<serde_json::Value>).transpose()?;
        let mut a = after.as_deref().map(serde_json::from_str::<serde_json::Value>).transpose()?;
        withhold_private(&mut b, &mut a);
        before = b.map(|v| v.to_string());
        after = a.map(|v| v.to_string());
    }
    let at = now_utc();
    let entity_id = entity_id.to_string();
    // The log's one insert path: `append` seals the row into the log's hash chain.
    chain::append(tx, Ledger::Audit, &[&at, &actor.name, &action, &entity, &entity_id, &before, &after])?;
    // Two people on a large payment: the approver's own row names what they approved.
    if let Some(approver) = &actor.approver {
        let approved = serde_json::json!({ "action": action, "by": actor.name }).to_string();
        chain::append(tx, Ledger::Audit, &[&at, approver, &"approve", &entity, &entity_id, &None::<String>, &Some(approved)])?;
    }
    Ok(())
}

/// Fields the log must not copy into every row (health notes): kept as "changed" or "unchanged".
const PRIVATE_FIELDS: &[&str] = &["health_notes"];

/// Replaces each private field's text, at the top level of the records, by whether it changed.
fn withhold_private(before: &mut Option<serde_json::Value>, after: &mut Option<serde_json::Value>) {
    for field in PRIVATE_FIELDS {
        let old = before.as_ref().and_then(|b| b.get(*field)).cloned();
        let new = after.as_ref().and_then(|a| a.get(*field)).cloned();
        if old.is_none() && new.is_none() {
            continue;
        }
        let changed = old != new;
        if let Some(serde_json::Value::Object(b)) = before {
            if b.contains_key(*field) {
                b.insert(field.to_string(), serde_json::Value::String("(withheld)".into()));
            }
        }
        if let Some(serde_json::Value::Object(a)) = after {
            if a.contains_key(*field) {
                a.insert(field.to_string(), serde_json::Value::String(if changed { "(changed)" } else { "(unchanged)" }.into()));
            }
        }
    }
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
