//! The audit trail as a person reads it (操作记录): filtered by user, dates and area, each entry
//! with what changed as field / before / after text instead of JSON.

use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actor::Actor;
use super::permissions::{self, Area};
use crate::error::Result;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AuditFilter {
    /// Only this user's entries (exact name); empty for everyone.
    pub user: String,
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    pub area: Option<Area>,
}

/// One field that changed, its values as text ("" when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub area: Option<Area>,
    pub changes: Vec<FieldChange>,
}

/// The entries `filter` selects, newest first (at most `limit`). Reading the trail is a
/// sensitive read: the entries hold what people's records were.
pub fn list(conn: &Connection, actor: &Actor, filter: &AuditFilter, limit: usize) -> Result<Vec<AuditEntry>> {
    permissions::check_read(conn, actor, Area::Sensitive)?;
    let mut sql = String::from("SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if !filter.user.trim().is_empty() {
        args.push(filter.user.trim().to_string());
        sql.push_str(&format!(" AND actor = ?{}", args.len()));
    }
    // `at` is UTC; a day is taken as the UTC day, close enough for a trail read by the day.
    if let Some(from) = filter.from {
        args.push(from.to_string());
        sql.push_str(&format!(" AND substr(at, 1, 10) >= ?{}", args.len()));
    }
    if let Some(to) = filter.to {
        args.push(to.to_string());
        sql.push_str(&format!(" AND substr(at, 1, 10) <= ?{}", args.len()));
    }
    sql.push_str(" ORDER BY id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, actor, action, entity, entity_id, before, after) = row?;
        let area = permissions::area_of(&entity, &action);
        if filter.area.is_some() && area != filter.area {
            continue;
        }
        out.push(AuditEntry { id, at, actor, action, entity, entity_id, area, changes: changes(before.as_deref(), after.as_deref()) });
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

/// The fields that differ between two recorded JSON values, in words: top-level fields by name,
/// nested values as compact text. A value that is not an object is one field named "value".
pub fn changes(before: Option<&str>, after: Option<&str>) -> Vec<FieldChange> {
    let parse = |s: Option<&str>| s.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok());
    let (b, a) = (parse(before), parse(after));
    let as_map = |v: &Option<serde_json::Value>| -> Vec<(String, serde_json::Value)> {
        match v {
            Some(serde_json::Value::Object(m)) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Some(other) => vec![("value".to_string(), other.clone())],
            None => Vec::new(),
        }
    };
    let (bm, am) = (as_map(&b), as_map(&a));
    let mut keys: Vec<String> = am.iter().map(|(k, _)| k.clone()).collect();
    for (k, _) in &bm {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    let get = |m: &[(String, serde_json::Value)], k: &str| m.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone());
    keys.into_iter()
        .filter_map(|k| {
            let (old, new) = (get(&bm, &k), get(&am, &k));
            let (before, after) = (words(old.as_ref()), words(new.as_ref()));
            // A field absent on one side and empty on the other did not change for a reader.
            if before == after {
                return None;
            }
            Some(FieldChange { before, after, field: k })
        })
        .collect()
}

fn words(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Bool(b)) => if *b { "✓" } else { "✗" }.to_string(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fields_that_read_differently_are_changes() {
        let c = changes(Some(r#"{"name":"王五","death_date":null,"notes":""}"#), Some(r#"{"name":"王六","until":null}"#));
        let fields: Vec<&str> = c.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["name"], "a field empty or absent on both sides is no change: {c:?}");
        assert_eq!((c[0].before.as_str(), c[0].after.as_str()), ("王五", "王六"));
    }
}
