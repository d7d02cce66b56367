//! Inheritance: a deceased holder's hours divided among the heirs by exact shares.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::accounts::{account_balance, account_frozen, live, open_account};
use super::hours::Hours;
use super::ledger::{EntryId, EntryKind, NewEntry, post};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::kernel::fraction::Fraction;
use crate::members::{self, MemberNo, Status};

/// An heir's share, as typed: `NO` (an equal part of what the others leave), `NO:1/3`,
/// `NO:50%` or `NO:0.5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HeirShare {
    pub heir: MemberNo,
    /// `None` for "an equal part of the rest"; else numerator and denominator.
    pub share: Option<(i64, i64)>,
}

impl HeirShare {
    pub fn parse(s: &str) -> Result<HeirShare> {
        let t = s.trim();
        let bad = || Error::invalid_with("heir", "error-time-heir-invalid", vec![("value", t.to_string())]);
        let (no, share) = match t.split_once([':', '：']) {
            Some((n, sh)) => (n.trim(), Some(sh.trim())),
            None => (t, None),
        };
        let no: i64 = no.parse().map_err(|_| bad())?;
        if no <= 0 {
            return Err(bad());
        }
        let share = match share {
            None => None,
            Some(sh) => Some(parse_share(sh).ok_or_else(bad)?),
        };
        Ok(HeirShare { heir: MemberNo(no), share })
    }
}

/// "1/3", "50%", "33.5%", "0.5" or "1" as an exact share in (0, 1], in lowest terms.
fn parse_share(s: &str) -> Option<(i64, i64)> {
    let f = Fraction::parse(s).filter(|f| f.is_share())?;
    Some((i64::try_from(f.num()).ok()?, i64::try_from(f.den()).ok()?))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InheritedShare {
    pub heir: MemberNo,
    pub name: String,
    pub share_num: i64,
    pub share_den: i64,
    pub hours: Hours,
    pub entry: Option<EntryId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Inheritance {
    pub id: i64,
    pub deceased: MemberNo,
    pub hours: Hours,
    pub witness: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub shares: Vec<InheritedShare>,
}

/// Moves a deceased holder's balance to the heirs. The holder must be recorded as deceased; the
/// account is frozen (if not yet) and stays frozen. The shares must add up to exactly the
/// whole; what does not divide into half-hours goes to the first heir. A witness is required.
pub fn inherit(
    tx: &Transaction,
    actor: &Actor,
    deceased: MemberNo,
    heirs: &[HeirShare],
    witness: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Inheritance> {
    fields::check_ledger_date("date", date, today)?;
    let witness = fields::required("witness", witness, 40, "error-time-witness-required")?;
    let holder = members::get_by_no(tx, deceased, today)?;
    if holder.status != Status::Deceased {
        return Err(Error::conflict("error-time-not-deceased", vec![("no", deceased.to_string()), ("name", holder.name)]));
    }
    if heirs.is_empty() {
        return Err(Error::invalid("heir", "error-time-heirs-required"));
    }
    // Exact shares: the given ones, then the rest split equally among heirs named without one.
    let mut seen = std::collections::BTreeSet::new();
    let mut given = Fraction::ZERO;
    let mut bare = 0i128;
    let mut named: Vec<Option<Fraction>> = Vec::new();
    for h in heirs {
        if h.heir == deceased || !seen.insert(h.heir) {
            return Err(Error::invalid_with("heir", "error-time-heir-twice", vec![("no", h.heir.to_string())]));
        }
        let invalid = || Error::invalid_with("heir", "error-time-heir-invalid", vec![("value", h.heir.to_string())]);
        match h.share {
            Some((n, d)) => {
                let f = Fraction::new(n.into(), d.into()).filter(|f| f.is_share()).ok_or_else(invalid)?;
                given = given.checked_add(f).ok_or_else(invalid)?;
                named.push(Some(f));
            }
            None => {
                bare += 1;
                named.push(None);
            }
        }
    }
    let sum_error = || Error::invalid_with("heir", "error-time-shares-sum", vec![("sum", given.to_string())]);
    let rest = Fraction::ONE.checked_sub(given).ok_or_else(sum_error)?;
    if rest.is_negative() || (bare == 0 && !rest.is_zero()) || (bare > 0 && rest.is_zero()) {
        return Err(sum_error());
    }
    let fractions = named
        .into_iter()
        .map(|f| f.or_else(|| rest.checked_div(bare)).ok_or_else(sum_error))
        .collect::<Result<Vec<Fraction>>>()?;

    let account = open_account(tx, holder.id)?;
    if !account_frozen(tx, account)? {
        tx.execute(
            "INSERT INTO time_freeze (account_id, date, reason, frozen_at, frozen_by) VALUES (?1, ?2, 'death', ?3, ?4)",
            params![account, holder.death_date.unwrap_or(date), audit::now_utc(), actor.name],
        )?;
        audit::record(tx, actor, "freeze", "time_account", account, None::<&()>, Some(&deceased))?;
    }
    let total = account_balance(tx, account)?;
    if total.0 <= 0 {
        return Err(Error::conflict("error-time-nothing-to-inherit", vec![("name", holder.name)]));
    }
    let mut parts: Vec<i64> = fractions
        .iter()
        .map(|f| f.floor_of(total.0.into()).and_then(|p| i64::try_from(p).ok()).ok_or_else(sum_error))
        .collect::<Result<_>>()?;
    let remainder = total.0 - parts.iter().sum::<i64>();
    if let Some(p) = parts.first_mut() {
        *p += remainder;
    }
    let mut live_heirs = Vec::new();
    for h in heirs {
        live_heirs.push(live(tx, "heir", h.heir, today)?);
    }

    let mut out = NewEntry::new(account, EntryKind::InheritanceOut, -1, total, date);
    out.reason = &witness;
    let batch = post(tx, actor, &out)?;
    tx.execute(
        "INSERT INTO time_inheritance (deceased_id, witness, date, half_hours, batch, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![holder.id.0, witness, date, total.0, batch.0, audit::now_utc(), actor.name],
    )?;
    let inh_id = tx.last_insert_rowid();
    let mut shares = Vec::new();
    for ((heir, part), f) in live_heirs.iter().zip(&parts).zip(&fractions) {
        let (share_num, share_den) = (i64::try_from(f.num()).map_err(|_| sum_error())?, i64::try_from(f.den()).map_err(|_| sum_error())?);
        let entry_id = if *part > 0 {
            let mut e = NewEntry::new(heir.account, EntryKind::InheritanceIn, 1, Hours(*part), date);
            e.counterparty = Some(account);
            e.reason = &witness;
            e.batch = Some(batch);
            Some(post(tx, actor, &e)?)
        } else {
            None
        };
        tx.execute(
            "INSERT INTO time_inheritance_share (inheritance_id, heir_id, share_num, share_den, half_hours, entry_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![inh_id, heir.id.0, share_num, share_den, part, entry_id.map(|e| e.0)],
        )?;
        shares.push(InheritedShare {
            heir: heir.no,
            name: heir.name.clone(),
            share_num,
            share_den,
            hours: Hours(*part),
            entry: entry_id,
        });
    }
    let result = Inheritance { id: inh_id, deceased, hours: total, witness: witness.clone(), date, shares };
    audit::record(tx, actor, "inherit", "time_inheritance", inh_id, None::<&()>, Some(&result))?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_parse_as_exact_fractions() {
        assert_eq!(HeirShare::parse("3:1/3").unwrap(), HeirShare { heir: MemberNo(3), share: Some((1, 3)) });
        assert_eq!(HeirShare::parse("4:50%").unwrap().share, Some((1, 2)));
        assert_eq!(HeirShare::parse("4:33.5%").unwrap().share, Some((67, 200)));
        assert_eq!(HeirShare::parse("4:0.25").unwrap().share, Some((1, 4)));
        assert_eq!(HeirShare::parse("4:1").unwrap().share, Some((1, 1)));
        assert_eq!(HeirShare::parse("7").unwrap().share, None);
        for bad in ["x", "3:", "3:0", "3:3/2", "3:150%", "3:-1/2", ":1/2", "3:1/0", "0:1/2", "3:1e2%"] {
            assert!(HeirShare::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
