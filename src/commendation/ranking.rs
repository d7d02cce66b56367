//! The year's ranking of volunteers and who reaches the association's threshold.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::members::MemberNo;
use crate::time_bank::Hours;

/// The threshold until the association sets its own: 100 hours in the year.
pub const DEFAULT_MIN_HOURS: i64 = 100;

const KEY: &str = "commend_min_half_hours";

/// The hours a volunteer must give in a year to be commended (a setting).
pub fn min_hours(conn: &Connection) -> Result<Hours> {
    let v: Option<String> = conn.query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| r.get(0)).optional()?;
    Ok(match v.and_then(|s| s.parse::<i64>().ok()).filter(|n| *n > 0) {
        Some(n) => Hours::from_half_hours(n),
        None => Hours::from_half_hours(DEFAULT_MIN_HOURS * 2),
    })
}

/// Sets the threshold as typed (hours, in half-hour steps).
pub fn set_min_hours(tx: &Transaction, actor: &Actor, typed: &str) -> Result<Hours> {
    let before = min_hours(tx)?;
    let h = Hours::parse_move(typed)?;
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
        params![KEY, h.half_hours().to_string()],
    )?;
    audit::record(tx, actor, "update", "commend_min_hours", 1, Some(&before), Some(&h))?;
    Ok(h)
}

/// One volunteer's year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommendLine {
    pub rank: usize,
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    /// Hours of service given in the year (time-bank deposits not reversed).
    pub hours: Hours,
    /// Rota shifts done or covered in the year.
    pub services: i64,
    /// Whether the hours reach the threshold.
    pub commended: bool,
}

/// The year's ranking, most hours first (then most services, then register order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Commendation {
    pub year: i32,
    pub min_hours: Hours,
    pub lines: Vec<CommendLine>,
}

/// Everyone who gave hours or did shifts in `year`; `min_hours` overrides the setting.
pub fn ranking(conn: &Connection, year: i32, min: Option<Hours>) -> Result<Commendation> {
    if !(2000..=2100).contains(&year) {
        return Err(Error::invalid_with("year", "error-year-invalid", vec![("value", year.to_string())]));
    }
    let min_hours = match min {
        Some(h) => h,
        None => self::min_hours(conn)?,
    };
    let (from, to) = (format!("{year:04}-01-01"), format!("{year:04}-12-31"));
    let mut stmt = conn.prepare(
        "WITH given AS (
             SELECT a.person_id AS pid, sum(e.half_hours) AS half FROM time_entry e JOIN time_account a ON a.id = e.account_id
             WHERE e.kind = 'deposit' AND e.date BETWEEN ?1 AND ?2 AND a.person_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM time_entry r WHERE r.reverses_entry_id = e.id)
             GROUP BY a.person_id),
         served AS (
             SELECT worker_id AS pid, count(*) AS n FROM shift_outcome
             WHERE outcome IN ('done', 'covered') AND worker_id IS NOT NULL AND date BETWEEN ?1 AND ?2
             GROUP BY worker_id)
         SELECT p.member_no, p.name, p.village_group, coalesce(g.half, 0), coalesce(s.n, 0)
         FROM person p LEFT JOIN given g ON g.pid = p.id LEFT JOIN served s ON s.pid = p.id
         WHERE g.pid IS NOT NULL OR s.pid IS NOT NULL
         ORDER BY coalesce(g.half, 0) DESC, coalesce(s.n, 0) DESC, p.member_no",
    )?;
    let lines = stmt
        .query_map(params![from, to], |r| {
            let half: i64 = r.get(3)?;
            Ok(CommendLine {
                rank: 0,
                member_no: MemberNo(r.get(0)?),
                name: r.get(1)?,
                village_group: r.get(2)?,
                hours: Hours::from_half_hours(half),
                services: r.get(4)?,
                commended: half >= min_hours.half_hours(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    // Equal hours and services share a rank (1, 2, 2, 4).
    let mut out: Vec<CommendLine> = Vec::with_capacity(lines.len());
    for (i, mut l) in lines.into_iter().enumerate() {
        l.rank = match out.last() {
            Some(prev) if prev.hours == l.hours && prev.services == l.services => prev.rank,
            _ => i + 1,
        };
        out.push(l);
    }
    Ok(Commendation { year, min_hours, lines: out })
}
