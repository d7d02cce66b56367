//! Welfare payments (慰问): who got what, for which occasion, from which standard, handled and
//! approved by whom. Each posts its cash-book expense (慰问金 or 生日礼品) with its voucher in
//! the same transaction; a mistaken one is reversed through the cash book (`receipts::
//! reverse_entry`), and the payment shows as reversed because its entry was — that is read from
//! the cash book, never stored a second time.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ages::{age_count, age_on, birthday_in_year};
use super::hospital::stay_on;
use super::kinds::{Festival, WelfareKind};
use super::standards::{standard_for, WelfareStandard};
use crate::access::approval;
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::{fields, Fen};
use crate::members::{self, MemberNo, Person, Status};
use crate::money::cash_book::{self, NewEntry};
use crate::money::CashKind;

/// One welfare payment, with its voucher and whether the cash book reversed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WelfarePayment {
    pub id: i64,
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    pub kind: WelfareKind,
    pub amount: Fen,
    /// What the standard said, when one applied; an amount that differs has a `reason`.
    pub standard_amount: Option<Fen>,
    pub reason: String,
    pub goods: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The age the standard was looked up by.
    pub age: Option<u32>,
    pub receiver: String,
    pub handler: String,
    pub approver: String,
    /// What it was for ('death', 'birthday:80', 'chongyang:2026'…), so it is not paid twice.
    pub occasion: String,
    pub voucher_no: String,
    /// The voucher of the cash-book reversal (冲销) and its reason, once reversed.
    pub reversed_by: Option<String>,
    pub reversal_reason: String,
    pub created_by: String,
}

/// What the payment form sends, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PaymentInput {
    pub member: Option<MemberNo>,
    pub kind: Option<WelfareKind>,
    /// Empty: the standard's amount.
    pub amount: String,
    /// Why the amount differs from the standard (required then).
    pub reason: String,
    /// YYYY-MM-DD; empty for today.
    pub date: String,
    /// Who received it (a family member for a condolence); empty: the member, or for a
    /// condolence the family contact recorded with the death.
    pub receiver: String,
    /// Empty: whoever is signed in.
    pub handler: String,
    pub approver: String,
    /// The approver's PIN, when the amount needs a second person (sign-in on); never stored.
    pub approver_pin: String,
    /// Empty: the standard's goods.
    pub goods: String,
}

/// What the standard proposes for a member, a kind and a day: the form starts from it, and a
/// death's preview shows it as the condolence to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WelfareQuote {
    pub member_no: MemberNo,
    pub name: String,
    pub kind: WelfareKind,
    /// The day the occasion falls on (the death, the birthday, the festival; else the payment).
    #[ts(type = "string")]
    pub occasion_date: NaiveDate,
    pub age: Option<u32>,
    pub occasion: String,
    pub standard: Option<WelfareStandard>,
    /// Who would receive it unless the form says otherwise.
    pub receiver: String,
    /// The voucher of a payment already made (and not reversed) for the same occasion.
    pub paid: Option<String>,
}

/// The festival a payment on `date` belongs to: the one whose day is nearest (a 春节 visit is
/// often made the week before).
fn festival_year(f: Festival, date: NaiveDate) -> i32 {
    let y = date.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| f.date(year).map(|d| (year, (d - date).num_days().abs())))
        .min_by_key(|(_, days)| *days)
        .map_or(y, |(year, _)| year)
}

/// The family member to receive a condolence: the contact recorded with the death (read here
/// rather than from `deaths`, which builds on payments), else the first family contact.
fn condolence_receiver(conn: &Connection, p: &Person) -> Result<String> {
    let recorded: Option<String> = conn
        .query_row(
            "SELECT d.contact FROM death_record d WHERE d.person_id = ?1
               AND NOT EXISTS (SELECT 1 FROM death_correction c WHERE c.death_id = d.id)
             ORDER BY d.id DESC LIMIT 1",
            [p.id.0],
            |r| r.get(0),
        )
        .optional()?;
    Ok(recorded.filter(|c| !c.trim().is_empty()).or_else(|| p.family.first().map(|f| f.name.clone())).unwrap_or_default())
}

/// The voucher of a live (not reversed) payment for a person's occasion, if any.
pub(crate) fn live_payment(conn: &Connection, person: members::PersonId, kind: WelfareKind, occasion: &str) -> Result<Option<String>> {
    if occasion.is_empty() {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT e.voucher_no FROM welfare_payment w JOIN cash_entry e ON e.id = w.cash_entry_id
             WHERE w.person_id = ?1 AND w.kind = ?2 AND w.occasion = ?3
               AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = w.cash_entry_id)
             ORDER BY w.id LIMIT 1",
            params![person.0, kind, occasion],
            |r| r.get(0),
        )
        .optional()?)
}

/// What the standard proposes for member `no`, `kind`, paid on `date`.
pub fn quote(conn: &Connection, no: MemberNo, kind: WelfareKind, date: NaiveDate, today: NaiveDate) -> Result<WelfareQuote> {
    let p = members::get_by_no(conn, no, today)?;
    quote_for(conn, &p, kind, date)
}

/// What the standard proposes for the payment form as filled in so far (member, kind, date).
pub fn quote_input(conn: &Connection, input: &PaymentInput, today: NaiveDate) -> Result<WelfareQuote> {
    let no = input.member.ok_or_else(|| Error::invalid("member", "error-welfare-member-required"))?;
    let kind = input.kind.ok_or_else(|| Error::invalid("kind", "error-welfare-kind-required"))?;
    let date = fields::ledger_date("date", &input.date, today)?;
    quote(conn, no, kind, date, today)
}

pub(crate) fn quote_for(conn: &Connection, p: &Person, kind: WelfareKind, date: NaiveDate) -> Result<WelfareQuote> {
    let count = age_count(conn)?;
    let (occasion_date, occasion, age) = match kind {
        WelfareKind::Condolence => {
            let death = p.death_date.filter(|_| p.status == Status::Deceased).ok_or_else(|| {
                Error::conflict("error-welfare-not-deceased", vec![("no", p.member_no.to_string()), ("name", p.name.clone())])
            })?;
            (death, "death".to_string(), age_on(p.birth_date, death, count))
        }
        WelfareKind::Birthday => match birthday_in_year(p.birth_date, p.lunar_birthday, date.year(), count) {
            Some((d, Some(age))) => (d, format!("birthday:{age}"), Some(age)),
            Some((d, None)) => (d, format!("birthday:{}", d.year()), None),
            None => (date, format!("birthday:{}", date.year()), None),
        },
        WelfareKind::Chongyang | WelfareKind::Chunjie => {
            let f = if kind == WelfareKind::Chongyang { Festival::Chongyang } else { Festival::Chunjie };
            let year = festival_year(f, date);
            let d = f.date(year).unwrap_or(date);
            (d, format!("{}:{year}", kind.code()), age_on(p.birth_date, d, count))
        }
        WelfareKind::Hospital => {
            let occasion = stay_on(conn, p.id, date)?.map(|id| format!("hospital:{id}")).unwrap_or_default();
            (date, occasion, age_on(p.birth_date, date, count))
        }
        WelfareKind::Sick | WelfareKind::Other => (date, String::new(), age_on(p.birth_date, date, count)),
    };
    quote_at(conn, p, kind, occasion_date, age, occasion)
}

/// The quote for an occasion already worked out (a batch knows the birthday or festival it
/// pays for): the standard in force on its day for the age, the receiver, any payment made.
pub(crate) fn quote_at(conn: &Connection, p: &Person, kind: WelfareKind, occasion_date: NaiveDate, age: Option<u32>, occasion: String) -> Result<WelfareQuote> {
    let receiver = if kind == WelfareKind::Condolence { condolence_receiver(conn, p)? } else { p.name.clone() };
    Ok(WelfareQuote {
        member_no: p.member_no,
        name: p.name.clone(),
        kind,
        occasion_date,
        age,
        standard: standard_for(conn, kind, age, occasion_date)?,
        receiver,
        paid: live_payment(conn, p.id, kind, &occasion)?,
        occasion,
    })
}

/// A payment checked and ready to post (the form's, or one line of a batch).
pub(crate) struct NewPayment<'a> {
    pub person: &'a Person,
    pub quote: WelfareQuote,
    /// None: the standard's.
    pub amount: Option<Fen>,
    pub reason: String,
    pub date: NaiveDate,
    pub receiver: String,
    pub handler: String,
    pub approver: String,
    pub goods: String,
}

/// Records a payment from the form: checks it against the standard, posts the cash-book
/// expense and the payment in the caller's transaction.
pub fn pay(tx: &Transaction, actor: &Actor, input: &PaymentInput, today: NaiveDate) -> Result<WelfarePayment> {
    let no = input.member.ok_or_else(|| Error::invalid("member", "error-welfare-member-required"))?;
    let kind = input.kind.ok_or_else(|| Error::invalid("kind", "error-welfare-kind-required"))?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let amount = if input.amount.trim().is_empty() { None } else { Some(fields::amount("amount", &input.amount)?) };
    let person = members::get_by_no(tx, no, today).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid_with("member", "error-person-not-found", vec![("key", no.to_string())]),
        other => other,
    })?;
    let quote = quote_for(tx, &person, kind, date)?;
    let actor = &approval::approve(tx, actor, &input.approver, &input.approver_pin, chrono::Utc::now())?;
    post_payment(
        tx,
        actor,
        NewPayment {
            person: &person,
            quote,
            amount,
            reason: fields::text("reason", &input.reason, fields::REASON_MAX)?,
            date,
            receiver: fields::text("receiver", &input.receiver, 30)?,
            handler: fields::text("handler", &input.handler, 30)?,
            approver: fields::text("approver", &input.approver, 30)?,
            goods: fields::text("goods", &input.goods, 60)?,
        },
    )
}

/// Checks a payment against its standard and the rules (not twice for one occasion, a reason
/// for another amount, an approver above the standard's limit, the gifts of the living only for
/// the living), then posts the cash-book expense and the payment.
pub(crate) fn post_payment(tx: &Transaction, actor: &Actor, n: NewPayment) -> Result<WelfarePayment> {
    let p = n.person;
    let q = &n.quote;
    if let Some(v) = &q.paid {
        return Err(Error::conflict(
            "error-welfare-already-paid",
            vec![("name", p.name.clone()), ("voucher", v.clone())],
        ));
    }
    let for_the_living = matches!(q.kind, WelfareKind::Birthday | WelfareKind::Chongyang | WelfareKind::Chunjie);
    if for_the_living && p.status == Status::Deceased {
        return Err(Error::conflict("error-welfare-deceased", vec![("no", p.member_no.to_string()), ("name", p.name.clone())]));
    }
    let standard = q.standard.as_ref();
    let amount = match (n.amount, standard) {
        (Some(a), _) => a,
        (None, Some(s)) => s.amount,
        (None, None) => return Err(Error::invalid_with("amount", "error-welfare-no-standard", vec![("name", p.name.clone())])),
    };
    if standard.is_some_and(|s| s.amount != amount) && n.reason.is_empty() {
        return Err(Error::invalid_with(
            "reason",
            "error-welfare-reason-required",
            vec![("standard", standard.map(|s| s.amount.yuan()).unwrap_or_default()), ("amount", amount.yuan())],
        ));
    }
    approval::require(tx, actor, amount, standard.and_then(|s| s.approve_above))?;
    let approver = actor.approver.clone().unwrap_or_else(|| n.approver.clone());
    if let Some(limit) = standard.and_then(|s| s.approve_above) {
        if amount > limit && approver.is_empty() {
            return Err(Error::invalid_with("approver", "error-welfare-approval-required", vec![("amount", amount.yuan()), ("limit", limit.yuan())]));
        }
    }
    let receiver = if !n.receiver.is_empty() { n.receiver.clone() } else { q.receiver.clone() };
    if receiver.is_empty() {
        return Err(Error::invalid("receiver", "error-welfare-receiver-required"));
    }
    let handler = if n.handler.is_empty() { fields::text("handler", &actor.name, 30)? } else { n.handler.clone() };
    let goods = if n.goods.is_empty() { standard.map(|s| s.goods.clone()).unwrap_or_default() } else { n.goods.clone() };
    let id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM welfare_payment", [], |r| r.get(0))?;
    let category = crate::money::categories::category_by_code(tx, q.kind.category_code())?;
    let entry = cash_book::post(
        tx,
        actor,
        &NewEntry {
            kind: CashKind::Expense,
            category: category.id,
            amount,
            date: n.date,
            party: receiver.clone(),
            handler: handler.clone(),
            approver: approver.clone(),
            memo: format!("{} {}", p.name, goods).trim().to_string(),
            source: format!("welfare:{id}"),
        },
    )?;
    tx.execute(
        "INSERT INTO welfare_payment (id, person_id, kind, amount_fen, standard_id, standard_fen, reason, goods, date, age,
             receiver, handler, approver, occasion, cash_entry_id, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            id,
            p.id.0,
            q.kind,
            amount,
            standard.map(|s| s.id.0),
            standard.map(|s| s.amount),
            n.reason,
            goods,
            n.date,
            q.age,
            receiver,
            handler,
            approver,
            q.occasion,
            entry.id,
            audit::now_utc(),
            actor.name
        ],
    )?;
    let out = get(tx, id)?;
    audit::record(tx, actor, "pay", "welfare_payment", id, None::<&WelfarePayment>, Some(&out))?;
    Ok(out)
}

const SELECT: &str = "SELECT w.id, p.member_no, p.name, p.village_group, w.kind, w.amount_fen, w.standard_fen, w.reason,
        w.goods, w.date, w.age, w.receiver, w.handler, w.approver, w.occasion, e.voucher_no, r.voucher_no,
        coalesce(r.reason, ''), w.created_by
    FROM welfare_payment w JOIN person p ON p.id = w.person_id JOIN cash_entry e ON e.id = w.cash_entry_id
    LEFT JOIN cash_entry r ON r.reverses_id = e.id";

fn from_row(r: &Row) -> rusqlite::Result<WelfarePayment> {
    Ok(WelfarePayment {
        id: r.get(0)?,
        member_no: MemberNo(r.get(1)?),
        name: r.get(2)?,
        village_group: r.get(3)?,
        kind: r.get(4)?,
        amount: r.get(5)?,
        standard_amount: r.get(6)?,
        reason: r.get(7)?,
        goods: r.get(8)?,
        date: r.get(9)?,
        age: r.get(10)?,
        receiver: r.get(11)?,
        handler: r.get(12)?,
        approver: r.get(13)?,
        occasion: r.get(14)?,
        voucher_no: r.get(15)?,
        reversed_by: r.get(16)?,
        reversal_reason: r.get(17)?,
        created_by: r.get(18)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<WelfarePayment> {
    conn.query_row(&format!("{SELECT} WHERE w.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-welfare-payment-not-found", id))
}

/// The payment a voucher number belongs to.
pub fn get_by_voucher(conn: &Connection, voucher_no: &str) -> Result<WelfarePayment> {
    let v = voucher_no.trim();
    conn.query_row(&format!("{SELECT} WHERE e.voucher_no = ?1"), [v], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-welfare-voucher-not-found", v))
}

/// Which payments a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct WelfareFilter {
    pub year: Option<i32>,
    pub kind: Option<WelfareKind>,
    pub member: Option<MemberNo>,
}

/// Payments, newest first.
pub fn list(conn: &Connection, f: &WelfareFilter) -> Result<Vec<WelfarePayment>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE (?1 IS NULL OR substr(w.date, 1, 4) = printf('%04d', ?1))
           AND (?2 IS NULL OR w.kind = ?2) AND (?3 IS NULL OR p.member_no = ?3)
         ORDER BY w.date DESC, w.id DESC"
    ))?;
    let rows = stmt.query_map(params![f.year, f.kind, f.member.map(|m| m.0)], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
