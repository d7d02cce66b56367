//! The work report's figures (工作报告 / 年度报表): members, services, welfare, money and the time
//! bank over a month, quarter or year. Built once here; `work_pdf` and `work_xlsx` only lay it
//! out, so the PDF and the workbook cannot disagree. The money section is the statement's own
//! `statements::build`, not a second computation of the same figures.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::register::{self, Someone};
use crate::association::{self, Association};
use crate::calendar;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::{fields, Fen, Gender};
use crate::members::{CareLevel, Living, Status};
use crate::money::statements::{self, CategoryTotal, Period, PeriodInput};
use crate::feedback::{self, FeedbackSummary};
use crate::requests::{self, RequestFigures};
use crate::rota::{self, DutyKind};
use crate::time_bank::{Hours, POOL_ACCOUNT};

/// Longest notes paragraph the secretary may type: about a page of text.
pub const MAX_NOTES: usize = 2000;

/// The work report's form: the period and the notes paragraph, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkReportInput {
    pub period: PeriodInput,
    pub notes: String,
}

/// One line of a breakdown: what is counted (a code, or a village group's own name), its label
/// in the report's language, and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub code: String,
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberFigures {
    /// Members in the register at the end of the day before the period.
    pub at_start: i64,
    /// Members in the register at the end of the period's last day.
    pub at_end: i64,
    pub joined: i64,
    pub left: i64,
    pub died: i64,
    /// The breakdowns are of the members at the end, ages in 周岁 on the period's last day.
    pub by_age: Vec<Tally>,
    pub by_gender: Vec<Tally>,
    pub by_care: Vec<Tally>,
    pub by_living: Vec<Tally>,
    pub by_group: Vec<Tally>,
}

/// The shifts of one duty kind dated in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DutyFigures {
    pub kind: DutyKind,
    /// Shifts on the rota (slots).
    pub planned: i64,
    /// Outcomes recorded: done by the person on the rota, covered by someone else, missed.
    pub done: i64,
    pub covered: i64,
    pub missed: i64,
    /// Minutes worked in done and covered shifts.
    pub minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceFigures {
    pub duties: Vec<DutyFigures>,
    pub visits: i64,
    pub calls: i64,
    /// Pairings (老伙伴) active at the period's end.
    pub pairings: i64,
    /// Elders living alone with no contact for `rota::DEFAULT_OVERDUE_DAYS` days at the end
    /// (or today, for a period not yet over): their names, longest first.
    pub overdue: Vec<String>,
    pub overdue_on: NaiveDate,
    /// Requests for help (求助) taken, done, cancelled and pending.
    pub requests: RequestFigures,
    /// The recipients' feedback on shifts and requests of the period, with complaints' follow-ups.
    pub feedback: FeedbackSummary,
}

/// Welfare paid in the period, by kind: payments dated in the period that are not reversed (a
/// reversed payment was never given). No payments at all reads "no welfare records" rather than
/// a table of zeros.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WelfareFigures {
    pub kinds: Vec<WelfareLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WelfareLine {
    pub label: String,
    pub count: i64,
    pub amount: Fen,
}

/// One activity of the period as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityLine {
    pub date: NaiveDate,
    pub name: String,
    pub kind: String,
    pub attendance: i64,
    pub spent: Fen,
}

/// The activities held in `from..=to`, with their attendance and what they cost.
fn activity_lines(conn: &Connection, from: NaiveDate, to: NaiveDate, l10n: &Localizer) -> Result<Vec<ActivityLine>> {
    Ok(crate::activities::in_period(conn, from, to)?
        .into_iter()
        .map(|a| ActivityLine { date: a.date, name: a.name, kind: l10n.t(a.kind.label_id()), attendance: a.attendance, spent: a.spent })
        .collect())
}

/// The money section: the statement's figures, without its list of entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyFigures {
    pub opening: Fen,
    pub categories: Vec<CategoryTotal>,
    pub income: Fen,
    pub expense: Fen,
    pub closing: Fen,
    pub entries: i64,
}

/// Time-bank hours moved in the period, each net of the reversals dated in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeFigures {
    pub deposited: Hours,
    pub withdrawn: Hours,
    pub transferred: Hours,
    pub inherited: Hours,
    pub donated: Hours,
    pub granted: Hours,
    pub exchanged_in: Hours,
    pub exchanged_out: Hours,
    /// The common pool's balance at the end.
    pub pool: Hours,
    /// Hours held in people's accounts at the end.
    pub held: Hours,
    /// People's accounts with an entry by the end, and those of them with hours left.
    pub accounts: i64,
    pub accounts_with_hours: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkReport {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub association: Association,
    pub members: MemberFigures,
    pub services: ServiceFigures,
    pub welfare: Option<WelfareFigures>,
    /// The activities held in the period (issue 13), in date order; shown after the welfare.
    pub activities: Vec<ActivityLine>,
    pub money: MoneyFigures,
    pub time: TimeFigures,
    pub notes: String,
    pub made_on: NaiveDate,
}

/// Reads the form and builds the report.
pub fn build_input(conn: &Connection, input: &WorkReportInput, l10n: &Localizer, today: NaiveDate) -> Result<WorkReport> {
    let period = Period::parse(&input.period)?;
    build(conn, period, &input.notes, l10n, today)
}

/// Builds the report for `period`; `notes` is the secretary's paragraph (checked like any typed
/// text: length, no control characters).
pub fn build(conn: &Connection, period: Period, notes: &str, l10n: &Localizer, today: NaiveDate) -> Result<WorkReport> {
    let notes = fields::note("notes", notes, MAX_NOTES)?;
    let (from, to) = period.bounds();
    let people = register::everyone(conn)?;
    let statement = statements::build(conn, period)?;
    let money = MoneyFigures {
        opening: statement.opening,
        income: statement.income,
        expense: statement.expense,
        closing: statement.closing,
        entries: statement.entries.len() as i64,
        categories: statement.categories,
    };
    Ok(WorkReport {
        period,
        from,
        to,
        association: association::get(conn)?.unwrap_or_default(),
        members: member_figures(&people, from, to, l10n),
        services: service_figures(conn, from, to, today)?,
        welfare: Some(welfare_figures(conn, from, to, l10n)?),
        activities: activity_lines(conn, from, to, l10n)?,
        money,
        time: time_figures(conn, from, to)?,
        notes,
        made_on: today,
    })
}

/// Welfare payments in `from..=to` by kind, in the kinds' own order, leaving out kinds with none
/// and payments whose cash entry has been reversed.
fn welfare_figures(conn: &Connection, from: NaiveDate, to: NaiveDate, l10n: &Localizer) -> Result<WelfareFigures> {
    let mut stmt = conn.prepare(
        "SELECT w.kind, count(*), sum(w.amount_fen) FROM welfare_payment w
          WHERE w.date BETWEEN ?1 AND ?2
            AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = w.cash_entry_id)
          GROUP BY w.kind",
    )?;
    let rows = stmt
        .query_map(rusqlite::params![from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, crate::welfare::WelfareKind>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let kinds = crate::welfare::WelfareKind::ALL
        .iter()
        .filter_map(|k| rows.iter().find(|(kind, _, _)| kind == k).map(|&(kind, count, fen)| (kind, count, fen)))
        .map(|(kind, count, fen)| WelfareLine { label: l10n.t(kind.label_id()), count, amount: Fen(fen) })
        .collect();
    Ok(WelfareFigures { kinds })
}

/// The report's age bands: the 60–69 … 100+, with the younger members and those whose
/// birth date is not known shown too so the bars add up to the total.
const AGE_BANDS: [(&str, u32, u32); 7] = [
    ("under60", 0, 59),
    ("60-69", 60, 69),
    ("70-79", 70, 79),
    ("80-89", 80, 89),
    ("90-99", 90, 99),
    ("100+", 100, u32::MAX),
    ("unknown", 0, 0),
];

fn member_figures(people: &[Someone], from: NaiveDate, to: NaiveDate, l10n: &Localizer) -> MemberFigures {
    let before = from.pred_opt().unwrap_or(from);
    let members: Vec<&Someone> = people.iter().filter(|p| p.is_member).collect();
    let at_end: Vec<&Someone> = members.iter().copied().filter(|p| p.present_on(to)).collect();
    let unknown = l10n.t("report-unknown");
    let mut age = vec![0i64; AGE_BANDS.len()];
    let mut gender: BTreeMap<Option<Gender>, i64> = BTreeMap::new();
    let mut care: BTreeMap<Option<CareLevel>, i64> = BTreeMap::new();
    let mut living: BTreeMap<Option<Living>, i64> = BTreeMap::new();
    let mut group: BTreeMap<String, i64> = BTreeMap::new();
    for p in &at_end {
        let band = match p.birth {
            Some(b) => {
                let a = calendar::age(b, to);
                AGE_BANDS.iter().position(|(code, lo, hi)| *code != "unknown" && (*lo..=*hi).contains(&a)).unwrap_or(AGE_BANDS.len() - 1)
            }
            None => AGE_BANDS.len() - 1,
        };
        age[band] += 1;
        *gender.entry(p.gender).or_default() += 1;
        *care.entry(p.care).or_default() += 1;
        *living.entry(p.living).or_default() += 1;
        *group.entry(p.group.trim().to_string()).or_default() += 1;
    }
    let by_age = AGE_BANDS
        .iter()
        .zip(age)
        .filter(|((code, ..), n)| *n > 0 || !matches!(*code, "under60" | "unknown"))
        .map(|((code, ..), count)| Tally { code: code.to_string(), label: l10n.t(&format!("report-age-{}", band_id(code))), count })
        .collect();
    // In the choice's own order (能力完好 before 轻度失能…), unknowns last and only when there are
    // some. (A BTreeMap would put None first, and the order of its keys is not the list's.)
    fn in_order<K: Copy + Ord>(all: &[K], counts: &BTreeMap<Option<K>, i64>, code: impl Fn(K) -> &'static str, label: impl Fn(K) -> String, unknown: &str) -> Vec<Tally> {
        let mut list: Vec<Tally> = all.iter().map(|k| Tally { code: code(*k).to_string(), label: label(*k), count: counts.get(&Some(*k)).copied().unwrap_or(0) }).collect();
        if let Some(n) = counts.get(&None).filter(|n| **n > 0) {
            list.push(Tally { code: "unknown".into(), label: unknown.to_string(), count: *n });
        }
        list
    }
    let by_gender = in_order(Gender::ALL, &gender, |g| g.code(), |g| l10n.t(g.label_id()), &unknown);
    let by_care = in_order(CareLevel::ALL, &care, |c| c.code(), |c| l10n.t(c.label_id()), &unknown);
    let by_living = in_order(Living::ALL, &living, |l| l.code(), |l| l10n.t(l.label_id()), &unknown);
    let mut by_group: Vec<Tally> = group
        .into_iter()
        .map(|(g, count)| {
            let label = if g.is_empty() { l10n.t("report-group-none") } else { g.clone() };
            Tally { code: g, label, count }
        })
        .collect();
    // Groups in the order people number them (一组, 二组… or 1组, 2组…), the unnamed last.
    by_group.sort_by_key(|t| (t.code.is_empty(), group_order(&t.code), t.code.clone()));
    MemberFigures {
        at_start: members.iter().filter(|p| p.present_on(before)).count() as i64,
        at_end: at_end.len() as i64,
        joined: members.iter().filter(|p| p.join_date.is_some_and(|j| j >= from && j <= to)).count() as i64,
        left: members.iter().filter(|p| p.became(Status::Left, before, to).is_some()).count() as i64,
        died: members.iter().filter(|p| p.became(Status::Deceased, before, to).is_some()).count() as i64,
        by_age,
        by_gender,
        by_care,
        by_living,
        by_group,
    }
}

fn band_id(code: &str) -> &'static str {
    match code {
        "under60" => "under-60",
        "60-69" => "60-69",
        "70-79" => "70-79",
        "80-89" => "80-89",
        "90-99" => "90-99",
        "100+" => "100",
        _ => "unknown",
    }
}

/// The number in a group's name (一组 → 1, 3组 → 3), for sorting; names without one sort after.
pub(super) fn group_order(name: &str) -> u32 {
    let digits: String = name.chars().filter(|c| c.is_ascii_digit()).collect();
    if let Ok(n) = digits.parse() {
        return n;
    }
    let cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let mut n = 0;
    for c in name.chars() {
        match cn.iter().position(|d| *d == c) {
            Some(9) => n = if n == 0 { 10 } else { n * 10 },
            Some(i) => n = if n >= 10 && n % 10 == 0 { n + i as u32 + 1 } else { n * 10 + i as u32 + 1 },
            None if n > 0 => break,
            None => {}
        }
    }
    if n == 0 { u32::MAX } else { n }
}

fn service_figures(conn: &Connection, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<ServiceFigures> {
    let mut duties: Vec<DutyFigures> =
        DutyKind::ALL.iter().map(|k| DutyFigures { kind: *k, planned: 0, done: 0, covered: 0, missed: 0, minutes: 0 }).collect();
    let mut stmt = conn.prepare(
        "SELECT k.kind, count(*) FROM rota_slot s JOIN care_case k ON k.id = s.case_id
         WHERE s.date BETWEEN ?1 AND ?2 GROUP BY k.kind",
    )?;
    let mut rows = stmt.query([from, to])?;
    while let Some(r) = rows.next()? {
        let kind: DutyKind = r.get(0)?;
        if let Some(d) = duties.iter_mut().find(|d| d.kind == kind) {
            d.planned = r.get(1)?;
        }
    }
    let mut stmt = conn.prepare(
        "SELECT k.kind, o.outcome, count(*), coalesce(sum(CASE WHEN o.outcome = 'missed' THEN 0 ELSE o.minutes END), 0)
         FROM shift_outcome o JOIN rota_slot s ON s.id = o.slot_id JOIN care_case k ON k.id = s.case_id
         WHERE s.date BETWEEN ?1 AND ?2 GROUP BY k.kind, o.outcome",
    )?;
    let mut rows = stmt.query([from, to])?;
    while let Some(r) = rows.next()? {
        let kind: DutyKind = r.get(0)?;
        let outcome: rota::ShiftOutcomeKind = r.get(1)?;
        let (n, minutes): (i64, i64) = (r.get(2)?, r.get(3)?);
        if let Some(d) = duties.iter_mut().find(|d| d.kind == kind) {
            match outcome {
                rota::ShiftOutcomeKind::Done => d.done += n,
                rota::ShiftOutcomeKind::Covered => d.covered += n,
                rota::ShiftOutcomeKind::Missed => d.missed += n,
            }
            d.minutes += minutes;
        }
    }
    let (visits, calls): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(kind = 'visit'), 0), coalesce(sum(kind = 'call'), 0) FROM contact_log WHERE date BETWEEN ?1 AND ?2",
        [from, to],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let pairings: i64 = conn.query_row("SELECT count(*) FROM pairing WHERE active = 1 AND from_date <= ?1", [to], |r| r.get(0))?;
    let overdue_on = to.min(today);
    let overdue = rota::overdue(conn, &rota::DEFAULT_OVERDUE_DAYS.to_string(), overdue_on, crate::members::Phones::Masked)?.into_iter().map(|o| o.name).collect();
    let requests = requests::figures(conn, from, to)?;
    let feedback = feedback::summary(conn, from, to)?;
    Ok(ServiceFigures { duties, visits, calls, pairings, overdue, overdue_on, requests, feedback })
}

fn time_figures(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<TimeFigures> {
    // Each entry counts under its own kind; a reversal counts against the kind it reverses, so
    // a deposit reversed in the same period nets to nothing, as in the money section.
    let mut stmt = conn.prepare(
        "SELECT coalesce(o.kind, e.kind), sum(CASE WHEN e.kind = 'reversal' THEN -e.half_hours ELSE e.half_hours END)
         FROM time_entry e LEFT JOIN time_entry o ON o.id = e.reverses_entry_id
         WHERE e.date BETWEEN ?1 AND ?2
           -- a donation and a grant write one line on the pool and one on the person: count the
           -- pool's, once
           AND NOT (coalesce(o.kind, e.kind) IN ('donation', 'pool_grant') AND e.account_id <> ?3)
         GROUP BY 1",
    )?;
    let mut by_kind: BTreeMap<String, i64> = BTreeMap::new();
    let mut rows = stmt.query(rusqlite::params![from, to, POOL_ACCOUNT])?;
    while let Some(r) = rows.next()? {
        by_kind.insert(r.get(0)?, r.get(1)?);
    }
    let h = |k: &str| Hours::from_half_hours(by_kind.get(k).copied().unwrap_or(0));
    let pool: i64 = conn.query_row(
        "SELECT coalesce(sum(signed_half_hours), 0) FROM time_entry WHERE account_id = ?1 AND date <= ?2",
        rusqlite::params![POOL_ACCOUNT, to],
        |r| r.get(0),
    )?;
    let (held, accounts, with_hours): (i64, i64, i64) = conn.query_row(
        "SELECT coalesce(sum(b), 0), count(*), coalesce(sum(b > 0), 0) FROM
           (SELECT sum(signed_half_hours) AS b FROM time_entry WHERE account_id <> ?1 AND date <= ?2 GROUP BY account_id)",
        rusqlite::params![POOL_ACCOUNT, to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(TimeFigures {
        deposited: h("deposit"),
        withdrawn: h("withdrawal"),
        transferred: h("transfer_out"),
        inherited: h("inheritance_in"),
        donated: h("donation"),
        granted: h("pool_grant"),
        exchanged_in: h("exchange_in"),
        exchanged_out: h("exchange_out"),
        pool: Hours::from_half_hours(pool),
        held: Hours::from_half_hours(held),
        accounts,
        accounts_with_hours: with_hours,
    })
}

impl WorkReport {
    /// "2026年度工作报告", the title on the cover and the workbook.
    pub fn title(&self, l10n: &Localizer) -> String {
        l10n.format("report-title", &[("period", self.period.label(l10n))])
    }

    /// The day as the cover writes it (2026年11月29日 / 29 November 2026).
    pub fn long_date(d: NaiveDate, l10n: &Localizer) -> String {
        l10n.format("report-date", &[("year", d.year().to_string()), ("month", d.month().to_string()), ("day", d.day().to_string())])
    }
}
