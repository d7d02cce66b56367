//! What an activity cost: each cost is a cash-book expense (活动经费, or 外出旅游 for a trip)
//! posted in the same transaction as its link to the activity, so the activity's spending and
//! the cash book cannot disagree. A mistaken cost is reversed through the cash book, and the
//! activity stops counting it because its entry was reversed.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activity::{get, ActivityId};
use super::kinds::CostCategory;
use crate::audit::{self, Actor};
use crate::error::Result;
use crate::kernel::{fields, Fen};
use crate::money::cash_book::{self, NewEntry};
use crate::money::CashKind;

/// One cost with its voucher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityCost {
    pub id: i64,
    pub activity: ActivityId,
    pub voucher_no: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub amount: Fen,
    pub category: CostCategory,
    pub party: String,
    pub memo: String,
    /// The voucher of the reversal, once reversed.
    pub reversed_by: Option<String>,
}

/// The cost form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CostInput {
    pub amount: String,
    /// None: the activity kind's category (外出旅游 for a trip, else 活动经费).
    pub category: Option<CostCategory>,
    /// YYYY-MM-DD; empty for today.
    pub date: String,
    /// Who was paid (the restaurant, the bus company).
    pub party: String,
    /// What for (meal, bus, prizes).
    pub memo: String,
    /// Empty: whoever is signed in.
    pub handler: String,
}

/// Posts a cost of an activity to the cash book and ties it to the activity.
pub fn add_cost(tx: &Transaction, actor: &Actor, id: ActivityId, input: &CostInput, today: NaiveDate) -> Result<ActivityCost> {
    let activity = get(tx, id)?;
    let amount = fields::amount("amount", &input.amount)?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let category = input.category.unwrap_or(activity.kind.cost_category());
    let party = fields::text("party", &input.party, 40)?;
    let memo = fields::text("memo", &input.memo, 60)?;
    let handler = fields::text("handler", if input.handler.trim().is_empty() { &actor.name } else { &input.handler }, 30)?;
    let cost_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM activity_cost", [], |r| r.get(0))?;
    let cat = crate::money::categories::category_by_code(tx, category.code())?;
    let memo_line = if memo.is_empty() { activity.name.clone() } else { format!("{} {}", activity.name, memo) };
    let entry = cash_book::post(
        tx,
        actor,
        &NewEntry {
            kind: CashKind::Expense,
            category: cat.id,
            amount,
            date,
            party,
            handler,
            approver: String::new(),
            memo: memo_line,
            source: format!("activity:{}", id.0),
        },
    )?;
    tx.execute(
        "INSERT INTO activity_cost (id, activity_id, cash_entry_id, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![cost_id, id.0, entry.id, audit::now_utc(), actor.name],
    )?;
    let out = costs(tx, id)?.into_iter().find(|c| c.id == cost_id).ok_or_else(|| crate::Error::not_found("error-activity-not-found", id.0))?;
    audit::record(tx, actor, "cost", "activity_cost", cost_id, None::<&ActivityCost>, Some(&out))?;
    Ok(out)
}

/// An activity's costs in the order posted.
pub fn costs(conn: &Connection, id: ActivityId) -> Result<Vec<ActivityCost>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, e.voucher_no, e.date, e.amount_fen, cat.code, e.party, e.memo, r.voucher_no
         FROM activity_cost c JOIN cash_entry e ON e.id = c.cash_entry_id JOIN cash_category cat ON cat.id = e.category_id
         LEFT JOIN cash_entry r ON r.reverses_id = e.id
         WHERE c.activity_id = ?1 ORDER BY c.id",
    )?;
    let rows = stmt
        .query_map([id.0], |r| {
            let code: Option<String> = r.get(4)?;
            Ok(ActivityCost {
                id: r.get(0)?,
                activity: id,
                voucher_no: r.get(1)?,
                date: r.get(2)?,
                amount: r.get(3)?,
                category: code.as_deref().and_then(CostCategory::from_code).unwrap_or(CostCategory::Events),
                party: r.get(5)?,
                memo: r.get(6)?,
                reversed_by: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
