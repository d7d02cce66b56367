//! Welfare standards (慰问标准): what the association gives for each kind of welfare, fixed or by
//! age band (80–89, 90–99, 100+), with goods and the amount above which the 会长 must approve.
//! No amount is built in — standards differ from village to village. A change is a new standard
//! from a date: the newest standard of a kind and band whose date has come is in force, and a
//! payment keeps the amount it was paid with.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::WelfareKind;
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::{fields, Fen};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct StandardId(pub i64);

/// One standard as set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WelfareStandard {
    pub id: StandardId,
    pub kind: WelfareKind,
    /// The age band (inclusive); None at either end: no limit that side.
    pub age_from: Option<u32>,
    pub age_to: Option<u32>,
    pub amount: Fen,
    pub goods: String,
    /// A payment above this needs an approver (the 会长).
    pub approve_above: Option<Fen>,
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Whether it is the one in force for its kind and band on the day asked about (a newer
    /// one from a date that has come replaces it; one from a date still ahead waits).
    pub in_force: bool,
    pub created_by: String,
}

impl WelfareStandard {
    pub fn covers(&self, age: Option<u32>) -> bool {
        match age {
            Some(a) => self.age_from.is_none_or(|f| a >= f) && self.age_to.is_none_or(|t| a <= t),
            None => self.age_from.is_none() && self.age_to.is_none(),
        }
    }

    /// "80–89岁", "100岁以上", "不限年龄" / "ages 80–89", "100 and over", "any age".
    pub fn band_label(&self, l10n: &Localizer) -> String {
        match (self.age_from, self.age_to) {
            (None, None) => l10n.t("welfare-band-any"),
            (Some(f), None) => l10n.format("welfare-band-from", &[("from", f.to_string())]),
            (None, Some(t)) => l10n.format("welfare-band-to", &[("to", t.to_string())]),
            (Some(f), Some(t)) => l10n.format("welfare-band", &[("from", f.to_string()), ("to", t.to_string())]),
        }
    }

    fn band(&self) -> (Option<u32>, Option<u32>) {
        (self.age_from, self.age_to)
    }
}

/// What the standards form sends, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct StandardInput {
    pub kind: Option<WelfareKind>,
    pub amount: String,
    /// Empty: no lower age limit.
    pub age_from: String,
    /// Empty: no upper age limit.
    pub age_to: String,
    pub goods: String,
    /// Empty: no approval needed.
    pub approve_above: String,
    /// YYYY-MM-DD it applies from; empty for today. A date ahead is allowed (a new standard
    /// announced for next year).
    pub from: String,
}

fn optional_age(field: &'static str, s: &str) -> Result<Option<u32>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(fields::whole(field, s, 0..=150, "error-age-invalid")? as u32))
}

/// Sets a standard (from a date); the earlier one of the same kind and band stays for the
/// payments made under it.
pub fn set_standard(tx: &Transaction, actor: &Actor, input: &StandardInput, today: NaiveDate) -> Result<WelfareStandard> {
    let kind = input.kind.ok_or_else(|| Error::invalid("kind", "error-welfare-kind-required"))?;
    let amount = fields::amount("amount", &input.amount)?;
    let age_from = optional_age("age_from", &input.age_from)?;
    let age_to = optional_age("age_to", &input.age_to)?;
    if let (Some(f), Some(t)) = (age_from, age_to) {
        if f > t {
            return Err(Error::invalid_with("age_to", "error-welfare-band-reversed", vec![("from", f.to_string()), ("to", t.to_string())]));
        }
    }
    let goods = fields::text("goods", &input.goods, 60)?;
    let approve_above = if input.approve_above.trim().is_empty() { None } else { Some(fields::amount("approve_above", &input.approve_above)?) };
    let from = fields::date_or("from", &input.from, today)?;
    if from < fields::LEDGER_START {
        return Err(Error::invalid_with("from", "error-date-invalid", vec![("value", from.to_string())]));
    }
    tx.execute(
        "INSERT INTO welfare_standard (kind, age_from, age_to, amount_fen, goods, approve_above_fen, from_date, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![kind, age_from, age_to, amount, goods, approve_above, from, audit::now_utc(), actor.name],
    )?;
    let id = StandardId(tx.last_insert_rowid());
    let s = all(tx, from)?.into_iter().find(|s| s.id == id).ok_or_else(|| Error::not_found("error-welfare-standard-not-found", id.0))?;
    audit::record(tx, actor, "add", "welfare_standard", id.0, None::<&WelfareStandard>, Some(&s))?;
    Ok(s)
}

fn from_row(r: &Row) -> rusqlite::Result<WelfareStandard> {
    Ok(WelfareStandard {
        id: StandardId(r.get(0)?),
        kind: r.get(1)?,
        age_from: r.get(2)?,
        age_to: r.get(3)?,
        amount: r.get(4)?,
        goods: r.get(5)?,
        approve_above: r.get(6)?,
        from: r.get(7)?,
        in_force: false,
        created_by: r.get(8)?,
    })
}

/// Every standard ever set, in menu order of kind, then band, newest first; `in_force` as of `on`.
pub fn all(conn: &Connection, on: NaiveDate) -> Result<Vec<WelfareStandard>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, age_from, age_to, amount_fen, goods, approve_above_fen, from_date, created_by
         FROM welfare_standard ORDER BY from_date DESC, id DESC",
    )?;
    let mut rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    // Newest first, so the first of a kind and band whose date has come is the one in force.
    let mut seen = std::collections::BTreeSet::new();
    for s in &mut rows {
        if s.from <= on && seen.insert((s.kind, s.band())) {
            s.in_force = true;
        }
    }
    rows.sort_by_key(|s| {
        let kind_pos = WelfareKind::ALL.iter().position(|k| *k == s.kind);
        (kind_pos, s.age_from, s.age_to, std::cmp::Reverse(s.from), std::cmp::Reverse(s.id.0))
    });
    Ok(rows)
}

/// The standards of a kind in force on `on`, one per band, youngest band first.
pub fn in_force(conn: &Connection, kind: WelfareKind, on: NaiveDate) -> Result<Vec<WelfareStandard>> {
    Ok(all(conn, on)?.into_iter().filter(|s| s.kind == kind && s.in_force).collect())
}

/// The standard for a kind and an age on a day: among the bands in force that cover the age,
/// the narrowest (a 90–99 band over a 80+ one). None when the association set none that fits.
pub fn standard_for(conn: &Connection, kind: WelfareKind, age: Option<u32>, on: NaiveDate) -> Result<Option<WelfareStandard>> {
    let mut fits: Vec<WelfareStandard> = in_force(conn, kind, on)?.into_iter().filter(|s| s.covers(age)).collect();
    fits.sort_by_key(|s| {
        let width = s.age_to.unwrap_or(200).saturating_sub(s.age_from.unwrap_or(0));
        (width, std::cmp::Reverse(s.age_from), std::cmp::Reverse(s.from))
    });
    Ok(fits.into_iter().next())
}
