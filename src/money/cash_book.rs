//! The cash book (收支流水账): every income and expense with its voucher number, category,
//! parties and the link to what caused it; reversals (冲销), month closings (月结) and cash
//! counts (盘点). Posted entries are never changed — the database refuses it too.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::{fields, Fen, Month};
use crate::access::approval;
use crate::audit::{self, Actor};
use crate::chain::{self, Ledger};
use crate::error::{Error, Result};
use crate::i18n::Localizer;

pub use super::categories::{category_label, categories, find_category, add_category, rename_category, delete_category};
pub use super::categories::{CashKind, Category, CategoryChoice, CategoryId, category_choices};
use super::categories::category_by_code;

/// One line of the cash book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CashEntry {
    pub id: i64,
    pub voucher_no: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub kind: CashKind,
    /// Always positive; `signed` is its effect on the balance.
    pub amount: Fen,
    pub signed: Fen,
    pub category_id: CategoryId,
    pub category: String,
    /// The seeded category's code while it keeps its seeded name, for a localised label.
    pub category_code: Option<String>,
    pub party: String,
    pub handler: String,
    pub approver: String,
    pub memo: String,
    pub source: String,
    /// The voucher this entry reverses (冲销), and the reason.
    pub reverses: Option<String>,
    pub reason: String,
    /// The voucher that reversed this one, if any.
    pub reversed_by: Option<String>,
    pub receipt_no: Option<String>,
    /// Balance after this entry, in lists ordered by date.
    pub balance: Option<Fen>,
    pub created_at: String,
    pub created_by: String,
}

impl CashEntry {
    pub fn category_label(&self, l10n: &Localizer) -> String {
        category_label(l10n, self.category_code.as_deref(), &self.category)
    }
}

/// What the entry form sends; amounts and dates as typed so a bad one is an error beside its
/// field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EntryInput {
    pub kind: Option<CashKind>,
    pub category: String,
    pub amount: String,
    /// YYYY-MM-DD; empty for today
    pub date: String,
    pub party: String,
    pub handler: String,
    pub approver: String,
    pub memo: String,
    /// The approver's PIN, when an expense above the approval amount needs a second person
    /// (sign-in on); never stored.
    pub approver_pin: String,
}

/// A checked entry ready to post; dues and donations build these directly.
#[derive(Debug, Clone)]
pub(crate) struct NewEntry {
    pub kind: CashKind,
    pub category: CategoryId,
    pub amount: Fen,
    pub date: NaiveDate,
    pub party: String,
    pub handler: String,
    pub approver: String,
    pub memo: String,
    pub source: String,
}

const ENTRY_SELECT: &str = "SELECT e.id, e.voucher_no, e.date, e.kind, e.amount_fen, e.signed_fen, e.category_id,
        c.name, CASE WHEN c.renamed = 0 THEN c.code END, e.party, e.handler, e.approver, e.memo, e.source,
        o.voucher_no, e.reason, r.voucher_no,
        (SELECT rc.receipt_no FROM receipt rc WHERE rc.cash_entry_id = e.id ORDER BY rc.id DESC LIMIT 1),
        e.created_at, e.created_by
    FROM cash_entry e
    JOIN cash_category c ON c.id = e.category_id
    LEFT JOIN cash_entry o ON o.id = e.reverses_id
    LEFT JOIN cash_entry r ON r.reverses_id = e.id";

fn entry_from_row(r: &Row) -> rusqlite::Result<CashEntry> {
    Ok(CashEntry {
        id: r.get(0)?,
        voucher_no: r.get(1)?,
        date: r.get(2)?,
        kind: r.get(3)?,
        amount: r.get(4)?,
        signed: r.get(5)?,
        category_id: CategoryId(r.get(6)?),
        category: r.get(7)?,
        category_code: r.get(8)?,
        party: r.get(9)?,
        handler: r.get(10)?,
        approver: r.get(11)?,
        memo: r.get(12)?,
        source: r.get(13)?,
        reverses: r.get(14)?,
        reason: r.get(15)?,
        reversed_by: r.get(16)?,
        receipt_no: r.get(17)?,
        balance: None,
        created_at: r.get(18)?,
        created_by: r.get(19)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<CashEntry> {
    conn.query_row(&format!("{ENTRY_SELECT} WHERE e.id = ?1"), [id], entry_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-voucher-not-found", id))
}

pub fn get_by_voucher(conn: &Connection, voucher_no: &str) -> Result<CashEntry> {
    conn.query_row(&format!("{ENTRY_SELECT} WHERE e.voucher_no = ?1"), [voucher_no.trim()], entry_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-voucher-not-found", voucher_no.trim()))
}

pub fn is_closed(conn: &Connection, month: Month) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM month_closing WHERE month = ?1", [month.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

fn ensure_open(conn: &Connection, field: &'static str, d: NaiveDate) -> Result<()> {
    let m = Month::of(d);
    if is_closed(conn, m)? {
        let _ = field;
        return Err(Error::conflict("error-month-closed", vec![("month", m.to_string()), ("date", d.to_string())]));
    }
    Ok(())
}

/// Parses the form's text into a checked entry, or the first error.
fn check_input(conn: &Connection, input: &EntryInput, today: NaiveDate) -> Result<NewEntry> {
    let kind = input.kind.ok_or_else(|| Error::invalid("kind", "error-kind-required"))?;
    let amount = fields::amount("amount", &input.amount)?;
    let category = find_category(conn, Some(kind), &input.category)?;
    let date = fields::ledger_date("date", &input.date, today)?;
    Ok(NewEntry {
        kind,
        category: category.id,
        amount,
        date,
        party: fields::text("party", &input.party, 60)?,
        handler: fields::text("handler", &input.handler, 30)?,
        approver: fields::text("approver", &input.approver, 30)?,
        memo: fields::text("memo", &input.memo, 200)?,
        source: String::new(),
    })
}

/// Posts a new entry from the form; returns it with its voucher number.
pub fn add(tx: &Transaction, actor: &Actor, input: &EntryInput, today: NaiveDate) -> Result<CashEntry> {
    let mut e = check_input(tx, input, today)?;
    let actor = approval::approve(tx, actor, &input.approver, &input.approver_pin, chrono::Utc::now())?;
    if e.kind == CashKind::Expense {
        approval::require(tx, &actor, e.amount, None)?;
    }
    if let Some(a) = &actor.approver {
        // The approver the cash book names is the one who gave their PIN.
        e.approver = a.clone();
    }
    post(tx, &actor, &e)
}

fn next_seq(conn: &Connection, table: &str, year: i32) -> Result<i64> {
    Ok(conn.query_row(&format!("SELECT coalesce(max(seq), 0) + 1 FROM {table} WHERE year = ?1"), [year], |r| r.get(0))?)
}

/// Posts an income that something else caused (a dues payment, a donation) to the seeded
/// category `code`, with `source` naming the cause.
#[allow(clippy::too_many_arguments)]
pub(crate) fn post_income(
    tx: &Transaction,
    actor: &Actor,
    code: &str,
    amount: Fen,
    date: NaiveDate,
    party: &str,
    handler: &str,
    memo: &str,
    source: String,
) -> Result<CashEntry> {
    let category = category_by_code(tx, code)?;
    let e = NewEntry {
        kind: CashKind::Income,
        category: category.id,
        amount,
        date,
        party: party.to_string(),
        handler: handler.to_string(),
        approver: String::new(),
        memo: memo.to_string(),
        source,
    };
    post(tx, actor, &e)
}

pub(crate) fn post(tx: &Transaction, actor: &Actor, e: &NewEntry) -> Result<CashEntry> {
    insert(tx, actor, e, None, "")
}

fn insert(tx: &Transaction, actor: &Actor, e: &NewEntry, reverses: Option<i64>, reason: &str) -> Result<CashEntry> {
    ensure_open(tx, "date", e.date)?;
    let year = e.date.year();
    let seq = next_seq(tx, "cash_entry", year)?;
    let voucher_no = format!("{year:04}-{seq:04}");
    // The cash book's one insert path: `append` seals the entry into the book's hash chain.
    let id = chain::append(
        tx,
        Ledger::Cash,
        &[
            &year,
            &seq,
            &voucher_no,
            &e.date,
            &e.kind,
            &e.amount,
            &e.category.0,
            &e.party,
            &e.handler,
            &e.approver,
            &e.memo,
            &e.source,
            &reverses,
            &reason,
            &audit::now_utc(),
            &actor.name,
        ],
    )?;
    let entry = get(tx, id)?;
    audit::record(tx, actor, if reverses.is_some() { "reverse" } else { "add" }, "cash_entry", &entry.voucher_no, None::<&CashEntry>, Some(&entry))?;
    Ok(entry)
}

/// Writes the reversing entry (冲销) of a posted entry: a new entry of the same kind, category and
/// amount that counts negative, naming the original and the (checked) reason. Returns the
/// original and the reversal. Only `receipts::reverse_entry` calls this, so that the original's
/// receipt is voided in the same breath.
pub(super) fn post_reversal(
    tx: &Transaction,
    actor: &Actor,
    voucher_no: &str,
    reason: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(CashEntry, CashEntry)> {
    let original = get_by_voucher(tx, voucher_no)?;
    if let Some(of) = &original.reverses {
        return Err(Error::conflict("error-reverse-a-reversal", vec![("voucher", original.voucher_no.clone()), ("of", of.clone())]));
    }
    if let Some(by) = &original.reversed_by {
        return Err(Error::conflict("error-already-reversed", vec![("voucher", original.voucher_no.clone()), ("by", by.clone())]));
    }
    fields::check_ledger_date("date", date, today)?;
    if date < original.date {
        return Err(Error::invalid_with("date", "error-reverse-before-original", vec![("date", original.date.to_string())]));
    }
    let e = NewEntry {
        kind: original.kind,
        category: original.category_id,
        amount: original.amount,
        date,
        party: original.party.clone(),
        handler: original.handler.clone(),
        approver: original.approver.clone(),
        memo: original.memo.clone(),
        source: original.source.clone(),
    };
    let entry = insert(tx, actor, &e, Some(original.id), reason)?;
    Ok((original, entry))
}

/// Which entries a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EntryFilter {
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
}

impl EntryFilter {
    pub fn month(m: Month) -> EntryFilter {
        EntryFilter { from: Some(m.first_day()), to: Some(m.last_day()) }
    }
    pub fn year(y: i32) -> EntryFilter {
        EntryFilter { from: NaiveDate::from_ymd_opt(y, 1, 1), to: NaiveDate::from_ymd_opt(y, 12, 31) }
    }
}

/// Entries in date order (then voucher order), each with the running balance after it.
pub fn list(conn: &Connection, filter: &EntryFilter) -> Result<Vec<CashEntry>> {
    let opening = match filter.from.and_then(|d| d.pred_opt()) {
        Some(day_before) => balance(conn, Some(day_before))?,
        None => Fen::ZERO,
    };
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY_SELECT} WHERE (?1 IS NULL OR e.date >= ?1) AND (?2 IS NULL OR e.date <= ?2) ORDER BY e.date, e.id"
    ))?;
    let mut running = opening;
    let rows = stmt
        .query_map(params![filter.from, filter.to], entry_from_row)?
        .map(|r| {
            r.map(|mut e| {
                running += e.signed;
                e.balance = Some(running);
                e
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// A line of the book as the screen lists it: the entry (with the running balance after it)
/// and its category in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CashLine {
    #[serde(flatten)]
    pub entry: CashEntry,
    pub category_label: String,
}

/// One month of the book as the screen asks for it (YYYY-MM as typed).
pub fn month_lines(conn: &Connection, month: &str, l10n: &Localizer) -> Result<Vec<CashLine>> {
    let entries = list(conn, &EntryFilter::month(Month::parse("month", month)?))?;
    Ok(entries.into_iter().map(|e| CashLine { category_label: e.category_label(l10n), entry: e }).collect())
}

/// The balance at the end of a day (or of everything), summed from the entries.
pub fn balance(conn: &Connection, on: Option<NaiveDate>) -> Result<Fen> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(signed_fen), 0) FROM cash_entry WHERE ?1 IS NULL OR date <= ?1",
        params![on],
        |r| r.get(0),
    )?)
}

/// 月结: no new entries dated in a closed month. Closing is for months that have ended.
pub fn close_month(tx: &Transaction, actor: &Actor, month: Month, today: NaiveDate) -> Result<MonthClosing> {
    if month.last_day() >= today {
        return Err(Error::conflict("error-month-not-over", vec![("month", month.to_string())]));
    }
    if is_closed(tx, month)? {
        return Err(Error::conflict("error-month-already-closed", vec![("month", month.to_string())]));
    }
    let balance = balance(tx, Some(month.last_day()))?;
    let closing = MonthClosing { month: month.to_string(), balance, closed_at: audit::now_utc(), closed_by: actor.name.clone() };
    tx.execute(
        "INSERT INTO month_closing (month, balance_fen, closed_at, closed_by) VALUES (?1, ?2, ?3, ?4)",
        params![closing.month, closing.balance, closing.closed_at, closing.closed_by],
    )?;
    audit::record(tx, actor, "close", "month", &closing.month, None::<&MonthClosing>, Some(&closing))?;
    Ok(closing)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthClosing {
    pub month: String,
    pub balance: Fen,
    pub closed_at: String,
    pub closed_by: String,
}

pub fn closings(conn: &Connection) -> Result<Vec<MonthClosing>> {
    let mut stmt = conn.prepare("SELECT month, balance_fen, closed_at, closed_by FROM month_closing ORDER BY month")?;
    let rows = stmt
        .query_map([], |r| Ok(MonthClosing { month: r.get(0)?, balance: r.get(1)?, closed_at: r.get(2)?, closed_by: r.get(3)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// 盘点: what the cash box held on a day, beside the book balance of that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CashCount {
    pub id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub counted: Fen,
    pub book: Fen,
    /// counted − book: positive is cash over (长款), negative cash short (短款).
    pub difference: Fen,
    pub note: String,
}

pub fn count_cash(tx: &Transaction, actor: &Actor, counted: &str, date: NaiveDate, note: &str, today: NaiveDate) -> Result<CashCount> {
    // An empty box is a real count: zero is allowed here, unlike in entries.
    let counted = match fields::amount("amount", counted) {
        Err(e) if e.message_id() == "error-amount-zero" => Fen::ZERO,
        other => other?,
    };
    fields::check_ledger_date("date", date, today)?;
    let note = fields::text("note", note, 200)?;
    let book = balance(tx, Some(date))?;
    tx.execute(
        "INSERT INTO cash_count (date, counted_fen, book_fen, note, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![date, counted, book, note, audit::now_utc(), actor.name],
    )?;
    let c = CashCount { id: tx.last_insert_rowid(), date, counted, book, difference: counted - book, note };
    audit::record(tx, actor, "add", "cash_count", c.id, None::<&CashCount>, Some(&c))?;
    Ok(c)
}

pub fn counts(conn: &Connection) -> Result<Vec<CashCount>> {
    let mut stmt = conn.prepare("SELECT id, date, counted_fen, book_fen, note FROM cash_count ORDER BY date, id")?;
    let rows = stmt
        .query_map([], |r| {
            let counted: Fen = r.get(2)?;
            let book: Fen = r.get(3)?;
            Ok(CashCount { id: r.get(0)?, date: r.get(1)?, counted, book, difference: counted - book, note: r.get(4)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn entry_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM cash_entry", [], |r| r.get(0))?)
}
