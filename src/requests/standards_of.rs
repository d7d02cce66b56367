//! Writing a kind's service standard and required training: the kind is checked here, where
//! both the rota's duty kinds and the request kinds are known (the standards module knows
//! neither).

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds;
use crate::audit::Actor;
use crate::error::Result;
use crate::rota::DutyKind;
use crate::standards::{self, ServiceScope, ServiceStandard, ServiceStandardInput};

/// What a standard is for: a rota duty kind or a request kind (its code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "scope", content = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum StandardTarget {
    Duty(DutyKind),
    Request(String),
}

impl StandardTarget {
    fn key(&self) -> (ServiceScope, &str) {
        match self {
            StandardTarget::Duty(k) => (ServiceScope::Duty, k.code()),
            StandardTarget::Request(code) => (ServiceScope::Request, code.as_str()),
        }
    }
}

/// A kind as typed on the command line: a duty kind (care, 护理…) or a request kind.
pub fn resolve_target(conn: &Connection, typed: &str) -> Result<StandardTarget> {
    if let Some(k) = DutyKind::parse(typed) {
        return Ok(StandardTarget::Duty(k));
    }
    Ok(StandardTarget::Request(kinds::resolve(conn, "kind", typed)?))
}

/// Writes the standard (text and required training) of a kind.
pub fn set_standard(tx: &Transaction, actor: &Actor, target: &StandardTarget, input: &ServiceStandardInput) -> Result<ServiceStandard> {
    if let StandardTarget::Request(code) = target {
        kinds::resolve(tx, "kind", code)?;
    }
    let (scope, kind) = target.key();
    standards::set(tx, actor, scope, kind, input)
}

/// Makes a kind require a training topic (empty: none), keeping its written standard.
pub fn require_training(tx: &Transaction, actor: &Actor, target: &StandardTarget, topic: &str) -> Result<ServiceStandard> {
    let (scope, kind) = target.key();
    let st = standards::get(tx, scope, kind)?;
    set_standard(tx, actor, target, &ServiceStandardInput { text: st.text, training: topic.to_string() })
}
