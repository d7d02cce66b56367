//! The kinds of help the association keeps (陪诊, 代购, 助洁…): eight seeded ones whose labels
//! come from the locales, and the association's own, which carry their name. A kind is retired,
//! never deleted (requests name it).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::fields;
use crate::standards::{self, ServiceScope};

/// The kinds the migration seeds, in menu order; their labels are `request-kind-<code>`.
pub const SEEDED: &[&str] = &["escort", "shopping", "cleaning", "meals", "haircut", "repair", "company", "other"];

/// Longest name of a kind the association adds.
const NAME_MAX: usize = 20;

/// A kind of help, as menus show it, with its written standard and required training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestKind {
    pub code: String,
    pub label: String,
    /// Added by the association (not one of the seeded kinds).
    pub custom: bool,
    pub retired: bool,
    pub standard: String,
    pub training: String,
}

/// The label of a kind: the locale's for a seeded kind, the name the association gave otherwise.
pub fn label(code: &str, name: &str, l10n: &Localizer) -> String {
    if name.is_empty() && SEEDED.contains(&code) {
        l10n.t(&format!("request-kind-{code}"))
    } else if name.is_empty() {
        code.to_string()
    } else {
        name.to_string()
    }
}

/// Every kind, in menu order (retired ones too, marked).
pub fn list(conn: &Connection, l10n: &Localizer) -> Result<Vec<RequestKind>> {
    let mut stmt = conn.prepare("SELECT code, name, retired FROM request_kind ORDER BY position, code")?;
    let rows: Vec<(String, String, bool)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (code, name, retired) in rows {
        let st = standards::get(conn, ServiceScope::Request, &code)?;
        out.push(RequestKind { label: label(&code, &name, l10n), custom: !name.is_empty(), retired, standard: st.text, training: st.training, code });
    }
    Ok(out)
}

/// The code of a kind as a person types it: its code, its label in either language, or the
/// name the association gave it. Retired kinds are refused for new requests by the caller.
pub fn resolve(conn: &Connection, field: &'static str, typed: &str) -> Result<String> {
    let t = typed.trim();
    let rows: Vec<(String, String)> = conn.prepare("SELECT code, name FROM request_kind ORDER BY position")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    for lang in [crate::i18n::Lang::ZhCn, crate::i18n::Lang::EnUs] {
        let l10n = Localizer::new(lang);
        if let Some((code, _)) = rows.iter().find(|(code, name)| code.eq_ignore_ascii_case(t) || label(code, name, &l10n) == t) {
            return Ok(code.clone());
        }
    }
    let zh = Localizer::new(crate::i18n::Lang::ZhCn);
    let choices = rows.iter().map(|(c, n)| label(c, n, &zh)).collect::<Vec<_>>().join(", ");
    Err(Error::invalid_with(field, "error-choice-invalid", vec![("value", t.to_string()), ("choices", choices)]))
}

/// Whether a kind is retired (None: no such kind).
pub(super) fn retired(conn: &Connection, code: &str) -> Result<Option<bool>> {
    Ok(conn.query_row("SELECT retired FROM request_kind WHERE code = ?1", [code], |r| r.get(0)).optional()?)
}

/// The kind form: its name as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RequestKindInput {
    pub name: String,
}

/// Adds a kind of the association's own (its name is its code); a retired kind of that name
/// is brought back.
pub fn add_kind(tx: &Transaction, actor: &Actor, input: &RequestKindInput, l10n: &Localizer) -> Result<RequestKind> {
    let name = fields::required("name", &input.name, NAME_MAX, "error-request-kind-name-required")?;
    if let Ok(code) = resolve(tx, "name", &name) {
        if retired(tx, &code)? != Some(true) {
            return Err(Error::invalid_with("name", "error-request-kind-exists", vec![("name", name)]));
        }
        tx.execute("UPDATE request_kind SET retired = 0 WHERE code = ?1", [&code])?;
        return after(tx, actor, &code, "restore", l10n);
    }
    let position: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM request_kind", [], |r| r.get(0))?;
    tx.execute(
        "INSERT INTO request_kind (code, name, position, created_at) VALUES (?1, ?1, ?2, ?3)",
        params![name, position, audit::now_utc()],
    )?;
    after(tx, actor, &name, "add", l10n)
}

/// Retires a kind: no new requests of it (those recorded keep it).
pub fn retire_kind(tx: &Transaction, actor: &Actor, code: &str, l10n: &Localizer) -> Result<RequestKind> {
    if retired(tx, code)?.is_none() {
        return Err(Error::not_found("error-request-kind-not-found", code));
    }
    tx.execute("UPDATE request_kind SET retired = 1 WHERE code = ?1", [code])?;
    after(tx, actor, code, "retire", l10n)
}

fn after(tx: &Transaction, actor: &Actor, code: &str, action: &str, l10n: &Localizer) -> Result<RequestKind> {
    let k = list(tx, l10n)?.into_iter().find(|k| k.code == code).ok_or_else(|| Error::not_found("error-request-kind-not-found", code))?;
    audit::record(tx, actor, action, "request_kind", code, None::<&RequestKind>, Some(&k))?;
    Ok(k)
}
