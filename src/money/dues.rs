//! Dues (会费): a policy per year (the amount, who is exempt), the bill of who owes what, and
//! payments, each of which posts a cash-book income and issues a numbered receipt in the same
//! transaction. Partial payments and several years at once work; a reversed cash entry no
//! longer counts as paid.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cash_book::{self, CashEntry};
use super::receipts::{self, Receipt};
use crate::kernel::{fields, Fen, Printout};
use crate::audit::{self, Actor};
use crate::calendar;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::members::{self, EconomicStatus, MemberNo};
use crate::pdf::{self, Align, Doc};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DuesPolicy {
    pub year: i32,
    pub amount: Fen,
    /// Members this old or older (周岁 on 31 December) pay nothing.
    pub exempt_age: Option<u32>,
    /// Economic statuses that pay nothing (五保, 低保, 特困).
    pub exempt_statuses: Vec<EconomicStatus>,
}

/// What the policy form sends: the year (chosen), the amount and the exempt age as typed (empty:
/// no age exemption), the exempt statuses ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PolicyInput {
    pub year: i32,
    pub amount: String,
    pub exempt_age: String,
    pub exempt_statuses: Vec<EconomicStatus>,
}

fn check_year(year: i32) -> Result<i32> {
    if !(2000..=2100).contains(&year) {
        return Err(Error::invalid_with("year", "error-year-invalid", vec![("value", year.to_string())]));
    }
    Ok(year)
}

pub fn policy(conn: &Connection, year: i32) -> Result<Option<DuesPolicy>> {
    Ok(conn
        .query_row(
            "SELECT year, amount_fen, exempt_age, exempt_wubao, exempt_dibao, exempt_tekun FROM dues_policy WHERE year = ?1",
            [year],
            |r| {
                let mut exempt = Vec::new();
                for (i, s) in [(3, EconomicStatus::Wubao), (4, EconomicStatus::Dibao), (5, EconomicStatus::Tekun)] {
                    if r.get::<_, bool>(i)? {
                        exempt.push(s);
                    }
                }
                Ok(DuesPolicy { year: r.get(0)?, amount: r.get(1)?, exempt_age: r.get(2)?, exempt_statuses: exempt })
            },
        )
        .optional()?)
}

fn require_policy(conn: &Connection, year: i32) -> Result<DuesPolicy> {
    policy(conn, year)?.ok_or_else(|| Error::not_found("error-dues-no-policy", year))
}

/// Sets (or changes) a year's policy.
pub fn set_policy(tx: &Transaction, actor: &Actor, input: &PolicyInput) -> Result<DuesPolicy> {
    let year = check_year(input.year)?;
    let amount = fields::amount("amount", &input.amount)?;
    let exempt_age = match input.exempt_age.trim() {
        "" => None,
        age => Some(fields::whole("exempt_age", age, 1..=150, "error-age-invalid")? as u32),
    };
    if input.exempt_statuses.contains(&EconomicStatus::Ordinary) {
        return Err(Error::invalid("exempt_statuses", "error-dues-exempt-ordinary"));
    }
    let before = policy(tx, year)?;
    let has = |s| input.exempt_statuses.contains(&s);
    tx.execute(
        "INSERT INTO dues_policy (year, amount_fen, exempt_age, exempt_wubao, exempt_dibao, exempt_tekun, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (year) DO UPDATE SET amount_fen = ?2, exempt_age = ?3, exempt_wubao = ?4, exempt_dibao = ?5,
             exempt_tekun = ?6, updated_at = ?7",
        params![
            year,
            amount,
            exempt_age,
            has(EconomicStatus::Wubao),
            has(EconomicStatus::Dibao),
            has(EconomicStatus::Tekun),
            audit::now_utc()
        ],
    )?;
    let after = require_policy(tx, year)?;
    audit::record(tx, actor, if before.is_some() { "update" } else { "add" }, "dues_policy", year, before.as_ref(), Some(&after))?;
    Ok(after)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Waiver {
    year: i32,
    member_no: MemberNo,
    reason: String,
}

/// Waives one member's dues for a year, with the reason (e.g. 家庭困难).
pub fn waive(tx: &Transaction, actor: &Actor, year: i32, no: MemberNo, reason: &str, today: NaiveDate) -> Result<()> {
    require_policy(tx, check_year(year)?)?;
    let person = members::get_by_no(tx, no, today)?;
    let reason = fields::reason(reason, "error-reason-required")?;
    let exists: bool = tx.query_row(
        "SELECT count(*) > 0 FROM dues_waiver WHERE year = ?1 AND person_id = ?2",
        params![year, person.id.0],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::conflict("error-dues-already-waived", vec![("no", no.to_string()), ("year", year.to_string())]));
    }
    tx.execute(
        "INSERT INTO dues_waiver (year, person_id, reason, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![year, person.id.0, reason, audit::now_utc(), actor.name],
    )?;
    let w = Waiver { year, member_no: no, reason };
    audit::record(tx, actor, "waive", "dues", format!("{year}:{no}"), None::<&Waiver>, Some(&w))?;
    Ok(())
}

/// Why a member pays nothing in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
#[ts(export)]
pub enum Exemption {
    Age(u32),
    Status(EconomicStatus),
    Waiver(String),
}

impl Exemption {
    pub fn label(&self, l10n: &Localizer) -> String {
        match self {
            Exemption::Age(a) => l10n.format("dues-exempt-age", &[("age", a.to_string())]),
            Exemption::Status(s) => l10n.t(s.label_id()),
            Exemption::Waiver(r) => l10n.format("dues-exempt-waiver", &[("reason", r.clone())]),
        }
    }
}

/// One member's line in a year's bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DuesLine {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    pub year: i32,
    pub due: Fen,
    /// Paid in all: in cash and with saved hours (`dues_hours`).
    pub paid: Fen,
    pub paid_cash: Fen,
    pub paid_hours: Fen,
    pub owed: Fen,
    pub exemption: Option<Exemption>,
}

/// Who owes what for a year: members on the register during the year (joined by its end, not
/// left, not dead before it began), in register order.
pub fn bill(conn: &Connection, year: i32) -> Result<Vec<DuesLine>> {
    let p = require_policy(conn, check_year(year)?)?;
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    let mut stmt = conn.prepare(
        "SELECT p.id, p.member_no, p.name, p.village_group, p.birth_date, p.economic_status,
                (SELECT reason FROM dues_waiver w WHERE w.year = ?1 AND w.person_id = p.id),
                (SELECT coalesce(sum(d.amount_fen), 0) FROM dues_payment d
                   WHERE d.person_id = p.id AND d.year = ?1
                     AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = d.cash_entry_id)),
                (SELECT coalesce(sum(h.amount_fen), 0) FROM dues_hours_payment h
                   WHERE h.person_id = p.id AND h.year = ?1
                     AND NOT EXISTS (SELECT 1 FROM time_entry r WHERE r.reverses_entry_id = h.time_entry_id))
         FROM person p
         WHERE p.is_member = 1
           AND (p.join_date IS NULL OR p.join_date <= ?3)
           AND (p.status IN ('active', 'suspended') OR (p.status = 'deceased' AND p.death_date >= ?2))
         ORDER BY p.member_no",
    )?;
    let rows = stmt
        .query_map(params![year, year_start, year_end], |r| {
            let birth: Option<NaiveDate> = r.get(4)?;
            let status: Option<EconomicStatus> = r.get(5)?;
            let waiver: Option<String> = r.get(6)?;
            let paid_cash: Fen = r.get(7)?;
            let paid_hours: Fen = r.get(8)?;
            let paid = paid_cash + paid_hours;
            let age = birth.map(|b| calendar::age(b, year_end));
            let by_age = match (p.exempt_age, age) {
                (Some(limit), Some(a)) if a >= limit => Some(Exemption::Age(limit)),
                _ => None,
            };
            let by_status = status.filter(|s| p.exempt_statuses.contains(s)).map(Exemption::Status);
            let exemption = waiver.map(Exemption::Waiver).or(by_age).or(by_status);
            let due = if exemption.is_some() { Fen::ZERO } else { p.amount };
            let owed = if due > paid { due - paid } else { Fen::ZERO };
            Ok(DuesLine {
                member_no: MemberNo(r.get(1)?),
                name: r.get(2)?,
                village_group: r.get(3)?,
                year,
                due,
                paid,
                paid_cash,
                paid_hours,
                owed,
                exemption,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The arrears list (欠费名单): those who still owe, by village group then register number.
pub fn arrears(conn: &Connection, year: i32) -> Result<Vec<DuesLine>> {
    let mut lines: Vec<DuesLine> = bill(conn, year)?.into_iter().filter(|l| l.owed > Fen::ZERO).collect();
    lines.sort_by(|a, b| (&a.village_group, a.member_no).cmp(&(&b.village_group, b.member_no)));
    Ok(lines)
}

/// What a dues payment produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DuesPayment {
    pub member_no: MemberNo,
    /// How much went to each year, earliest first.
    pub allocations: Vec<(i32, Fen)>,
    pub entry: CashEntry,
    pub receipt: Receipt,
}

/// The payment form: who pays (picked from the register), for which years as typed ("2025,2026"
/// or "2025、2026"), the amount, the day (empty for today) and who took the money (empty: the
/// acting secretary).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DuesPaymentInput {
    pub member: Option<MemberNo>,
    pub years: String,
    pub amount: String,
    pub date: String,
    pub handler: String,
}

/// Years as typed, separated by commas (either width), 、 or spaces; sorted, each once.
fn years_typed(s: &str) -> Result<Vec<i32>> {
    let mut years = Vec::new();
    for part in s.split([',', '，', '、', ' ', '\t']).map(str::trim).filter(|p| !p.is_empty()) {
        years.push(fields::whole("year", part, 2000..=2100, "error-year-invalid")? as i32);
    }
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        return Err(Error::invalid("year", "error-year-required"));
    }
    Ok(years)
}

/// Records a cash payment of dues for one or more years: the amount goes to the earliest year
/// first. Posts the cash-book income and issues the receipt in the caller's transaction.
pub fn pay(tx: &Transaction, actor: &Actor, input: &DuesPaymentInput, today: NaiveDate) -> Result<DuesPayment> {
    let no = input.member.ok_or_else(|| Error::invalid("member", "error-person-required"))?;
    let amount = fields::amount("amount", &input.amount)?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let years = years_typed(&input.years)?;
    let person = members::get_by_no(tx, no, today)?;
    let mut owed = Vec::new();
    for &y in &years {
        let line = bill(tx, y)?
            .into_iter()
            .find(|l| l.member_no == no)
            .ok_or_else(|| Error::conflict("error-dues-not-member", vec![("no", no.to_string()), ("year", y.to_string())]))?;
        if let Some(e) = &line.exemption {
            let _ = e;
            return Err(Error::conflict("error-dues-exempt", vec![("no", no.to_string()), ("year", y.to_string())]));
        }
        owed.push((y, line.owed));
    }
    let total_owed: Fen = owed.iter().map(|(_, o)| *o).sum();
    if total_owed == Fen::ZERO {
        return Err(Error::conflict("error-dues-nothing-owed", vec![("no", no.to_string())]));
    }
    if amount > total_owed {
        return Err(Error::conflict("error-dues-overpaid", vec![("owed", total_owed.yuan()), ("amount", amount.yuan())]));
    }
    let mut rest = amount;
    let mut allocations = Vec::new();
    for (y, o) in owed {
        if rest == Fen::ZERO {
            break;
        }
        let part = if rest < o { rest } else { o };
        if part > Fen::ZERO {
            allocations.push((y, part));
            rest = rest - part;
        }
    }
    let first_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM dues_payment", [], |r| r.get(0))?;
    let handler = fields::text("handler", if input.handler.trim().is_empty() { &actor.name } else { &input.handler }, 30)?;
    let entry = cash_book::post_income(tx, actor, "dues", amount, date, &person.name, &handler, "", format!("dues:{first_id}"))?;
    for (i, (y, part)) in allocations.iter().enumerate() {
        tx.execute(
            "INSERT INTO dues_payment (id, person_id, year, amount_fen, date, cash_entry_id, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![first_id + i as i64, person.id.0, y, part, date, entry.id, audit::now_utc(), actor.name],
        )?;
    }
    let purpose = format!("dues:{}", allocations.iter().map(|(y, _)| y.to_string()).collect::<Vec<_>>().join(","));
    let receipt = receipts::issue(tx, actor, &entry, &person.name, &purpose, &handler)?;
    let entry = cash_book::get(tx, entry.id)?;
    let out = DuesPayment { member_no: no, allocations, entry, receipt };
    audit::record(tx, actor, "pay", "dues", format!("{first_id}"), None::<&DuesPayment>, Some(&out))?;
    Ok(out)
}

/// The printable arrears list (欠费名单), grouped by village group.
pub fn arrears_pdf(conn: &Connection, year: i32, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let lines = arrears(conn, year)?;
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let title = l10n.format("dues-arrears-title", &[("year", year.to_string())]);
    let mut doc = Doc::new(&title)?;
    let cols: [(f32, Align, String); 5] = [
        (20.0, Align::Left, l10n.t("money-col-member-no")),
        (45.0, Align::Left, l10n.t("money-col-name")),
        (130.0, Align::Right, l10n.t("money-col-due")),
        (160.0, Align::Right, l10n.t("money-col-paid")),
        (190.0, Align::Right, l10n.t("money-col-owed")),
    ];
    let mut y = 0.0;
    let mut group: Option<&str> = None;
    let new_page = |doc: &mut Doc| -> f32 {
        let page = doc.page(pdf::A4);
        page.text(105.0, 22.0, 18.0, Align::Center, &title);
        page.text(105.0, 30.0, 10.0, Align::Center, &assoc);
        38.0
    };
    if lines.is_empty() {
        y = new_page(&mut doc);
        if let Some(p) = doc.pages_mut().last_mut() {
            p.text(20.0, y + 10.0, 11.0, Align::Left, &l10n.t("dues-arrears-none"));
        }
    }
    let total: Fen = lines.iter().map(|l| l.owed).sum();
    for l in &lines {
        if y == 0.0 || y > 270.0 {
            y = new_page(&mut doc);
            group = None;
        }
        let Some(page) = doc.pages_mut().last_mut() else { break };
        if group != Some(l.village_group.as_str()) {
            y += 8.0;
            let g = if l.village_group.is_empty() { l10n.t("dues-no-group") } else { l.village_group.clone() };
            page.text(20.0, y, 11.5, Align::Left, &g);
            y += 2.0;
            page.line(20.0, y, 190.0, y, 0.4);
            y += 6.0;
            for (x, a, h) in &cols {
                page.text_colored(*x, y, 9.0, *a, h, pdf::GREY);
            }
            y += 6.5;
            group = Some(l.village_group.as_str());
        }
        let vals = [l.member_no.to_string(), l.name.clone(), l.due.grouped(), l.paid.grouped(), l.owed.grouped()];
        for ((x, a, _), v) in cols.iter().zip(vals.iter()) {
            page.text(*x, y, 10.5, *a, v);
        }
        y += 6.5;
    }
    if let Some(page) = doc.pages_mut().last_mut() {
        y += 4.0;
        page.line(20.0, y - 4.5, 190.0, y - 4.5, 0.4);
        page.text(20.0, y, 11.0, Align::Left, &l10n.format("dues-arrears-total", &[("count", lines.len().to_string())]));
        page.text(190.0, y, 11.0, Align::Right, &total.yuan());
        let sy = (y + 18.0).min(282.0);
        page.signature(20.0, sy, 10.0, &l10n.t("pdf-sign-prepared-by"), 30.0);
        page.text(190.0, sy, 10.0, Align::Right, &l10n.format("money-printed-on", &[("date", today.to_string())]));
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let pages = doc.page_count();
    Ok(Printout::new(&l10n.format("file-name-arrears", &[("year", year.to_string())]), doc.finish(), pages))
}
