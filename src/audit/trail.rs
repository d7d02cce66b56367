//! The audit trail as a person reads it (操作记录): filtered by user, dates and area, each entry
//! with what changed as field / before / after text instead of JSON.

use chrono::{NaiveDate, TimeZone};
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
    /// YYYY-MM-DD, a day on this computer's clock (as the screen shows times); empty for no
    /// bound. Text, so a mistyped date gets the app's own message, naming the field.
    pub from: String,
    pub to: String,
    pub area: Option<Area>,
}

/// The UTC instant (as `at` is stored) where the local day `d` starts.
fn local_day_start(d: NaiveDate) -> String {
    day_start(&chrono::Local, d)
}

/// Where day `d` starts in zone `tz`, as UTC RFC 3339 (a day that starts in a clock change: its
/// earliest moment).
fn day_start<Tz: chrono::TimeZone>(tz: &Tz, d: NaiveDate) -> String {
    let midnight = d.and_hms_opt(0, 0, 0).expect("midnight exists");
    let start = match tz.from_local_datetime(&midnight).earliest() {
        Some(t) => t.with_timezone(&chrono::Utc),
        None => chrono::Utc.from_utc_datetime(&midnight),
    };
    start.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
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
    // `at` is UTC (RFC 3339, milliseconds, Z: it sorts as text); the days are this computer's.
    if !filter.from.trim().is_empty() {
        let from = crate::kernel::fields::date("from", &filter.from)?;
        args.push(local_day_start(from));
        sql.push_str(&format!(" AND at >= ?{}", args.len()));
    }
    if !filter.to.trim().is_empty() {
        let to = crate::kernel::fields::date("to", &filter.to)?;
        let next = to.succ_opt().ok_or_else(|| crate::Error::invalid_with("to", "error-date-invalid", vec![("value", to.to_string())]))?;
        args.push(local_day_start(next));
        sql.push_str(&format!(" AND at < ?{}", args.len()));
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
    #[test]
    fn a_day_of_the_filter_starts_at_this_computers_midnight() {
        let china = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(day_start(&china, d), "2026-12-01T16:00:00.000Z", "07:00 on the 2nd in the village is the 1st in UTC");
        assert_eq!(day_start(&chrono::Utc, d), "2026-12-02T00:00:00.000Z");
    }

    use super::*;

    #[test]
    fn only_fields_that_read_differently_are_changes() {
        let c = changes(Some(r#"{"name":"王五","death_date":null,"notes":""}"#), Some(r#"{"name":"王六","until":null}"#));
        let fields: Vec<&str> = c.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["name"], "a field empty or absent on both sides is no change: {c:?}");
        assert_eq!((c[0].before.as_str(), c[0].after.as_str()), ("王五", "王六"));
    }
}
