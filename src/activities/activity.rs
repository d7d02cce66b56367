//! An activity: what, when, where, the budget; its attendance and what it has cost so far, read
//! from the attendance ticks and the cash book (never stored twice).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::ActivityKind;
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::{fields, Fen};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct ActivityId(pub i64);

/// One activity with its attendance and spending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Activity {
    pub id: ActivityId,
    pub name: String,
    pub kind: ActivityKind,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub place: String,
    pub budget: Option<Fen>,
    /// People ticked from the register.
    pub ticked: i64,
    /// The head count, when only counted.
    pub counted: Option<i64>,
    /// How many came: the count when given, else the ticks.
    pub attendance: i64,
    /// What its costs came to in the cash book (reversed costs not counted).
    pub spent: Fen,
    pub created_by: String,
}

/// The activity form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ActivityInput {
    pub name: String,
    pub kind: Option<ActivityKind>,
    /// YYYY-MM-DD; empty for today. May be ahead (a planned activity).
    pub date: String,
    pub place: String,
    /// Empty: no budget.
    pub budget: String,
}

/// Records an activity (planned or held).
pub fn add(tx: &Transaction, actor: &Actor, input: &ActivityInput, today: NaiveDate) -> Result<Activity> {
    let name = fields::required("name", &input.name, 40, "error-activity-name-required")?;
    let kind = input.kind.ok_or_else(|| Error::invalid("kind", "error-activity-kind-required"))?;
    let date = fields::date_or("date", &input.date, today)?;
    if !(2000..=2100).contains(&date.year()) {
        return Err(Error::invalid_with("date", "error-date-invalid", vec![("value", date.to_string())]));
    }
    let place = fields::text("place", &input.place, 40)?;
    let budget = match input.budget.trim() {
        "" => None,
        b => Some(fields::amount("budget", b)?),
    };
    tx.execute(
        "INSERT INTO activity (name, kind, date, place, budget_fen, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![name, kind, date, place, budget, audit::now_utc(), actor.name],
    )?;
    let id = ActivityId(tx.last_insert_rowid());
    let out = get(tx, id)?;
    audit::record(tx, actor, "add", "activity", id.0, None::<&Activity>, Some(&out))?;
    Ok(out)
}

const SELECT: &str = "SELECT a.id, a.name, a.kind, a.date, a.place, a.budget_fen,
        (SELECT count(*) FROM activity_attendance t WHERE t.activity_id = a.id), a.head_count,
        (SELECT coalesce(sum(e.amount_fen), 0) FROM activity_cost c JOIN cash_entry e ON e.id = c.cash_entry_id
           WHERE c.activity_id = a.id AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = e.id)),
        a.created_by
    FROM activity a";

fn from_row(r: &Row) -> rusqlite::Result<Activity> {
    let ticked: i64 = r.get(6)?;
    let counted: Option<i64> = r.get(7)?;
    Ok(Activity {
        id: ActivityId(r.get(0)?),
        name: r.get(1)?,
        kind: r.get(2)?,
        date: r.get(3)?,
        place: r.get(4)?,
        budget: r.get(5)?,
        ticked,
        counted,
        attendance: counted.unwrap_or(ticked),
        spent: r.get(8)?,
        created_by: r.get(9)?,
    })
}

pub fn get(conn: &Connection, id: ActivityId) -> Result<Activity> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id.0], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-activity-not-found", id.0))
}

/// The activities of a year (all when None), newest first.
pub fn list(conn: &Connection, year: Option<i32>) -> Result<Vec<Activity>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (?1 IS NULL OR substr(a.date, 1, 4) = printf('%04d', ?1)) ORDER BY a.date DESC, a.id DESC"
    ))?;
    let rows = stmt.query_map([year], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The activities held between two days (inclusive), in date order: the work report's list.
pub fn in_period(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Activity>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE a.date BETWEEN ?1 AND ?2 ORDER BY a.date, a.id"))?;
    let rows = stmt.query_map(params![from, to], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
