//! Visits and calls to elders, and the elders living alone no one has seen for a while.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Result, Unreadable};
use crate::kernel::fields;
use crate::members::{self, MemberNo, Phones};

/// An elder living alone with no visit or call for this many days is flagged.
pub const DEFAULT_OVERDUE_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactLog {
    pub id: i64,
    pub elder: MemberNo,
    pub by: Option<MemberNo>,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub call: bool,
    pub notes: String,
}

/// The visit form: the elder, who went or called (picked, or nobody named), the day as typed
/// (empty for today), a call or a visit, and notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactInput {
    pub elder: MemberNo,
    pub by: Option<MemberNo>,
    pub date: String,
    pub call: bool,
    pub notes: String,
}

/// Logs a visit (or, with `call`, a phone call) to an elder.
pub fn log_contact(tx: &Transaction, actor: &Actor, input: &ContactInput, today: NaiveDate) -> Result<ContactLog> {
    let (elder, by, call) = (input.elder, input.by, input.call);
    let e = members::id_of(tx, elder)?;
    let b = by.map(|b| members::id_of(tx, b)).transpose()?;
    let date = fields::check_not_future("date", fields::date_or("date", &input.date, today)?, today)?;
    let notes = fields::text("notes", &input.notes, 300)?;
    tx.execute(
        "INSERT INTO contact_log (elder_id, by_id, date, kind, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![e.0, b.map(|b| b.0), date, if call { "call" } else { "visit" }, notes, audit::now_utc()],
    )?;
    let c = ContactLog { id: tx.last_insert_rowid(), elder, by, date, call, notes };
    audit::record(tx, actor, "add", "contact_log", c.id, None::<&ContactLog>, Some(&c))?;
    Ok(c)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OverdueElder {
    pub member_no: MemberNo,
    pub name: String,
    /// The first phone, masked unless the read was asked for whole phones.
    pub phone: String,
    pub address: String,
    #[ts(type = "string | null")]
    pub last_contact: Option<NaiveDate>,
    /// Days since the last contact (None: never).
    pub days: Option<i64>,
}

/// Elders living alone with no visit or call (logged, or a done visit shift) for `days` days,
/// as typed (a whole number of days, 1 or more; field `days`); their phones as `phones` says.
pub fn overdue(conn: &Connection, days: &str, today: NaiveDate, shown: Phones) -> Result<Vec<OverdueElder>> {
    let days = fields::whole("days", days, 1..=3660, "error-number-invalid")?;
    let mut stmt = conn.prepare(
        "SELECT p.member_no, p.name, p.phones, p.address,
                max(coalesce((SELECT max(date) FROM contact_log c WHERE c.elder_id = p.id AND c.date <= ?1), ''),
                    coalesce((SELECT max(s.date) FROM shift_outcome o JOIN rota_slot s ON s.id = o.slot_id
                              JOIN care_case k ON k.id = s.case_id
                              WHERE k.recipient_id = p.id AND o.worker_id IS NOT NULL AND s.date <= ?1), ''))
         FROM person p WHERE p.living = 'alone' AND p.status = 'active' ORDER BY p.name_sort, p.member_no",
    )?;
    let rows = stmt
        .query_map([today], |r| {
            let last: String = r.get(4)?;
            let phones: String = r.get(2)?;
            Ok((MemberNo(r.get(0)?), r.get::<_, String>(1)?, phones, r.get::<_, String>(3)?, last))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::new();
    for (no, name, phones, address, last) in rows {
        // '' is "never"; any other text that is not a date is damaged data, not "never".
        let last = match last.as_str() {
            "" => None,
            d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| Unreadable::new("last contact date", d))?),
        };
        let since = last.map(|l| (today - l).num_days());
        if since.is_none_or(|d| d >= days) {
            out.push(OverdueElder {
                member_no: no,
                name,
                phone: shown.show(phones.split('\n').next().unwrap_or_default()),
                address,
                last_contact: last,
                days: since,
            });
        }
    }
    // Longest without contact first; never contacted before all.
    out.sort_by_key(|o| (std::cmp::Reverse(o.days.unwrap_or(i64::MAX)), o.member_no));
    Ok(out)
}
