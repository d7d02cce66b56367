//! The festival gifts: 重阳 (lunar 9/9) for everyone at or over the standard's age, and 春节
//! (lunar 1/1) visits for the poor (五保, 低保, 特困) and the very old, from a list the secretary
//! may change. The day comes from the lunar calendar; ages are counted on it.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ages::{age_count, age_on};
use super::batch::{pay_lines, BatchInput, BatchResult};
use super::kinds::Festival;
use super::payments::quote_at;
use super::standards::{in_force, WelfareStandard};
use crate::audit::Actor;
use crate::calendar::AgeCount;
use crate::error::{Error, Result};
use crate::kernel::Fen;
use crate::members::{self, EconomicStatus, MemberNo, Person, PersonFilter, StatusFilter};

/// One person on a festival's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FestivalLine {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    pub age: Option<u32>,
    /// On the list for being poor (春节), when that is why.
    pub poor: Option<EconomicStatus>,
    pub amount: Option<Fen>,
    pub goods: String,
    /// The voucher, once paid.
    pub paid: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FestivalList {
    pub festival: Festival,
    pub year: i32,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub age_count: AgeCount,
    /// The standards in force on the day.
    pub standards: Vec<WelfareStandard>,
    /// The youngest age a standard gives at (None: no age band set).
    pub min_age: Option<u32>,
    pub lines: Vec<FestivalLine>,
    /// What the lines come to.
    pub total: Fen,
    pub paid: u32,
}

const POOR: [EconomicStatus; 3] = [EconomicStatus::Wubao, EconomicStatus::Dibao, EconomicStatus::Tekun];

/// The day of a festival in a year, or a localised error outside the calendar's years.
pub fn festival_date(f: Festival, year: i32) -> Result<NaiveDate> {
    f.date(year).ok_or_else(|| Error::invalid_with("year", "error-year-invalid", vec![("value", year.to_string())]))
}

/// The standard a person gets at the festival: the narrowest band covering their age; for the
/// poor outside every band (春节), the standard with no age limit, else the youngest band's.
fn standard_of(standards: &[WelfareStandard], age: Option<u32>, poor: bool) -> Option<WelfareStandard> {
    let mut fits: Vec<&WelfareStandard> = standards.iter().filter(|s| s.covers(age)).collect();
    fits.sort_by_key(|s| (s.age_to.unwrap_or(200).saturating_sub(s.age_from.unwrap_or(0)), std::cmp::Reverse(s.age_from)));
    if let Some(s) = fits.first() {
        return Some((*s).clone());
    }
    if !poor {
        return None;
    }
    standards.iter().min_by_key(|s| (s.age_from.is_some(), s.age_from)).cloned()
}

/// Living members and the line each would have; `chosen` only: whether the rule puts them on.
fn candidates(conn: &Connection, f: Festival, year: i32, today: NaiveDate) -> Result<(FestivalList, Vec<(Person, FestivalLine, bool)>)> {
    let date = festival_date(f, year)?;
    let count = age_count(conn)?;
    let standards = in_force(conn, f.kind(), date)?;
    let min_age = standards.iter().filter_map(|s| s.age_from).min();
    let filter = PersonFilter { status: StatusFilter::Current, ..Default::default() };
    let mut out = Vec::new();
    for row in members::list(conn, &filter, today)?.rows.into_iter().filter(|r| r.is_member) {
        let p = members::get(conn, row.id, today)?;
        let age = age_on(p.birth_date, date, count);
        let poor = p.economic_status.filter(|s| POOR.contains(s));
        let by_age = standards.iter().any(|s| s.covers(age) && (f == Festival::Chongyang || s.age_from.is_some()));
        let listed = by_age || (f == Festival::Chunjie && poor.is_some());
        let standard = standard_of(&standards, age, f == Festival::Chunjie && poor.is_some());
        let occasion = format!("{}:{year}", f.code());
        let paid = super::payments::live_payment(conn, p.id, f.kind(), &occasion)?;
        let line = FestivalLine {
            member_no: p.member_no,
            name: p.name.clone(),
            village_group: p.village_group.clone(),
            age,
            poor: if by_age { None } else { poor },
            amount: standard.as_ref().map(|s| s.amount),
            goods: standard.map(|s| s.goods).unwrap_or_default(),
            paid,
        };
        out.push((p, line, listed));
    }
    let list = FestivalList { festival: f, year, date, age_count: count, standards, min_age, lines: Vec::new(), total: Fen::ZERO, paid: 0 };
    Ok((list, out))
}

/// Who the festival's gifts go to in `year`, oldest first.
pub fn festival(conn: &Connection, f: Festival, year: i32, today: NaiveDate) -> Result<FestivalList> {
    let (mut list, all) = candidates(conn, f, year, today)?;
    list.lines = all.into_iter().filter(|(_, _, listed)| *listed).map(|(_, l, _)| l).collect();
    list.lines.sort_by_key(|l| (std::cmp::Reverse(l.age), l.member_no));
    list.total = list.lines.iter().filter_map(|l| l.amount).sum();
    list.paid = list.lines.iter().filter(|l| l.paid.is_some()).count() as u32;
    Ok(list)
}

/// Pays the festival's gifts: to everyone listed, or to the members the secretary chose (who
/// may include people the rule left off — a 春节 visit to someone in hardship).
pub fn pay_festival(tx: &Transaction, actor: &Actor, f: Festival, year: i32, input: &BatchInput, today: NaiveDate) -> Result<BatchResult> {
    let (list, all) = candidates(tx, f, year, today)?;
    for no in &input.members {
        if !all.iter().any(|(p, _, _)| p.member_no == *no) {
            return Err(Error::invalid_with("members", "error-welfare-not-living-member", vec![("no", no.to_string())]));
        }
    }
    let mut lines = Vec::new();
    for (p, line, listed) in all {
        if !(listed || input.members.contains(&p.member_no)) {
            continue;
        }
        let mut q = quote_at(tx, &p, f.kind(), list.date, line.age, format!("{}:{year}", f.code()))?;
        // The festival's own rule for the poor outside every band (see `standard_of`).
        q.standard = standard_of(&list.standards, line.age, line.poor.is_some() || (f == Festival::Chunjie && input.members.contains(&p.member_no)));
        lines.push((p, q));
    }
    lines.sort_by_key(|(p, q)| (std::cmp::Reverse(q.age), p.member_no));
    pay_lines(tx, actor, lines, input, today)
}
