//! Service standards (服务标准): for each kind of service — a rota duty (care, visit, hall) or a
//! kind of request for help (陪诊, 代购…) — a short written standard (what the volunteer does,
//! what to check) and the training it requires, if any. The rota generator and the request
//! matching read the required training from here; which kinds exist is the rota's and the
//! requests' business (they check a kind before saving its standard), so this module depends on
//! neither.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::Result;
use crate::kernel::choice::choice;
use crate::kernel::fields;

choice! {
    /// What a standard is about: a rota duty kind or a kind of request.
    ServiceScope {
        Duty = "duty" / "standard-scope-duty" [],
        Request = "request" / "standard-scope-request" [],
    }
}

/// Longest standard text: a few lines the secretary reads out on the phone.
pub const STANDARD_MAX: usize = 500;
/// Longest training topic (护理基础, 慢性病防治…).
pub const TOPIC_MAX: usize = 40;

/// The standard of one kind of service. `training` is the topic a volunteer must have attended
/// to be proposed ('' for none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceStandard {
    pub scope: Option<ServiceScope>,
    pub kind: String,
    pub text: String,
    pub training: String,
}

/// The standard form: the text and the required training topic as typed (empty: none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ServiceStandardInput {
    pub text: String,
    pub training: String,
}

/// The standard of a kind (empty when none was written).
pub fn get(conn: &Connection, scope: ServiceScope, kind: &str) -> Result<ServiceStandard> {
    let row = conn
        .query_row("SELECT text, training FROM service_standard WHERE scope = ?1 AND kind = ?2", params![scope.code(), kind], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?;
    let (text, training) = row.unwrap_or_default();
    Ok(ServiceStandard { scope: Some(scope), kind: kind.to_string(), text, training })
}

/// Every standard written, by scope and kind.
pub fn all(conn: &Connection) -> Result<Vec<ServiceStandard>> {
    let mut stmt = conn.prepare("SELECT scope, kind, text, training FROM service_standard ORDER BY scope, kind")?;
    let rows = stmt
        .query_map([], |r| Ok(ServiceStandard { scope: Some(r.get(0)?), kind: r.get(1)?, text: r.get(2)?, training: r.get(3)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The training each kind of a scope requires: kind code → topic (kinds with none left out).
pub fn required_trainings(conn: &Connection, scope: ServiceScope) -> Result<BTreeMap<String, String>> {
    let mut stmt = conn.prepare_cached("SELECT kind, training FROM service_standard WHERE scope = ?1 AND training <> ''")?;
    let rows = stmt.query_map([scope.code()], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Writes the standard of a kind (the caller has checked that the kind exists).
pub fn set(tx: &Transaction, actor: &Actor, scope: ServiceScope, kind: &str, input: &ServiceStandardInput) -> Result<ServiceStandard> {
    let text = fields::note("text", &input.text, STANDARD_MAX)?;
    let training = fields::text("training", &input.training, TOPIC_MAX)?;
    let before = get(tx, scope, kind)?;
    tx.execute(
        "INSERT INTO service_standard (scope, kind, text, training, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (scope, kind) DO UPDATE SET text = ?3, training = ?4, updated_at = ?5",
        params![scope.code(), kind, text, training, audit::now_utc()],
    )?;
    let after = get(tx, scope, kind)?;
    audit::record(tx, actor, "set", "service_standard", format!("{}:{kind}", scope.code()), Some(&before), Some(&after))?;
    Ok(after)
}

/// The entity name of this module's writes in the audit log.
pub const ENTITY: &str = "service_standard";
