//! Receipts (收据): numbered R2026-0001… without gaps per year, printed with the amount in
//! figures and in capital numerals, a stub (存根) the association keeps, and a seal area. A
//! voided receipt keeps its number and prints 作废; every print after the first says 补打.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cash_book::{self, CashEntry, CashKind};
use super::words;
use crate::kernel::fields::{self, ReversalInput};
use crate::kernel::{Fen, Printout};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::choice::choice;
use crate::pdf::{self, Align, Doc, Page};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Receipt {
    pub id: i64,
    pub receipt_no: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub payer: String,
    /// Stored as written by the program: "dues:2025,2026", "donation:…", "category:dues" or the
    /// treasurer's own words; `purpose_label` turns it into the reader's language.
    pub purpose: String,
    pub amount: Fen,
    pub handler: String,
    pub voucher_no: String,
    pub voided: bool,
    pub void_reason: String,
    /// How many times it has been printed.
    pub prints: i64,
}

/// The purpose as printed, in the reader's language.
pub fn purpose_label(l10n: &Localizer, stored: &str) -> String {
    // Dues paid with saved hours (`dues_hours`): "dues-hours:YEAR:HOURS:RATE_FEN".
    if let Some(rest) = stored.strip_prefix("dues-hours:") {
        let parts: Vec<&str> = rest.split(':').collect();
        if let [year, hours, rate] = parts[..] {
            let rate = rate.parse::<i64>().map(|f| Fen(f).yuan()).unwrap_or_default();
            return l10n.format("receipt-purpose-dues-hours", &[("year", year.to_string()), ("hours", hours.to_string()), ("rate", rate)]);
        }
    }
    if let Some(years) = stored.strip_prefix("dues:") {
        let sep = if l10n.lang() == crate::i18n::Lang::ZhCn { "、" } else { ", " };
        let years = years.split(',').collect::<Vec<_>>().join(sep);
        return l10n.format("receipt-purpose-dues", &[("years", years)]);
    }
    if let Some(what) = stored.strip_prefix("donation:") {
        return if what.is_empty() {
            l10n.t("receipt-purpose-donation")
        } else {
            l10n.format("receipt-purpose-donation-for", &[("purpose", what.to_string())])
        };
    }
    if let Some(code) = stored.strip_prefix("category:") {
        return cash_book::category_label(l10n, Some(code), code);
    }
    stored.to_string()
}

const SELECT: &str = "SELECT r.id, r.receipt_no, r.date, r.payer, r.purpose, r.amount_fen, r.handler, e.voucher_no,
        v.receipt_id IS NOT NULL, coalesce(v.reason, ''),
        (SELECT count(*) FROM receipt_print p WHERE p.receipt_id = r.id)
    FROM receipt r JOIN cash_entry e ON e.id = r.cash_entry_id
    LEFT JOIN receipt_void v ON v.receipt_id = r.id";

fn from_row(r: &Row) -> rusqlite::Result<Receipt> {
    Ok(Receipt {
        id: r.get(0)?,
        receipt_no: r.get(1)?,
        date: r.get(2)?,
        payer: r.get(3)?,
        purpose: r.get(4)?,
        amount: r.get(5)?,
        handler: r.get(6)?,
        voucher_no: r.get(7)?,
        voided: r.get(8)?,
        void_reason: r.get(9)?,
        prints: r.get(10)?,
    })
}

pub fn get(conn: &Connection, receipt_no: &str) -> Result<Receipt> {
    let no = receipt_no.trim().to_ascii_uppercase();
    conn.query_row(&format!("{SELECT} WHERE r.receipt_no = ?1"), [&no], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-receipt-not-found", no))
}

pub fn list(conn: &Connection, year: Option<i32>) -> Result<Vec<Receipt>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE ?1 IS NULL OR r.year = ?1 ORDER BY r.year, r.seq"))?;
    let rows = stmt.query_map([year], from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// A receipt as the list shows it: the receipt, and its purpose in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReceiptLine {
    #[serde(flatten)]
    pub receipt: Receipt,
    pub purpose_label: String,
}

/// The receipts of a year (or all), each with its purpose in words.
pub fn lines(conn: &Connection, year: Option<i32>, l10n: &Localizer) -> Result<Vec<ReceiptLine>> {
    Ok(list(conn, year)?.into_iter().map(|r| ReceiptLine { purpose_label: purpose_label(l10n, &r.purpose), receipt: r }).collect())
}

/// Issues a receipt for an income entry. An entry has at most one receipt that is not voided;
/// a spoiled one is voided and a new number issued.
pub fn issue(tx: &Transaction, actor: &Actor, entry: &CashEntry, payer: &str, purpose: &str, handler: &str) -> Result<Receipt> {
    if entry.kind != CashKind::Income || entry.reverses.is_some() {
        return Err(Error::conflict("error-receipt-not-income", vec![("voucher", entry.voucher_no.clone())]));
    }
    if entry.reversed_by.is_some() {
        return Err(Error::conflict("error-already-reversed", vec![("voucher", entry.voucher_no.clone()), ("by", entry.reversed_by.clone().unwrap_or_default())]));
    }
    let live: Option<String> = tx
        .query_row(
            "SELECT r.receipt_no FROM receipt r LEFT JOIN receipt_void v ON v.receipt_id = r.id
             WHERE r.cash_entry_id = ?1 AND v.receipt_id IS NULL",
            [entry.id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(no) = live {
        return Err(Error::conflict("error-receipt-exists", vec![("voucher", entry.voucher_no.clone()), ("receipt", no)]));
    }
    let payer = fields::required("payer", if payer.trim().is_empty() { &entry.party } else { payer }, 60, "error-payer-required")?;
    let purpose = fields::text("purpose", purpose, 100)?;
    let handler = fields::text("handler", if handler.trim().is_empty() { &actor.name } else { handler }, 30)?;
    let year = entry.date.year();
    let seq: i64 = tx.query_row("SELECT coalesce(max(seq), 0) + 1 FROM receipt WHERE year = ?1", [year], |r| r.get(0))?;
    let no = format!("R{year:04}-{seq:04}");
    tx.execute(
        "INSERT INTO receipt (year, seq, receipt_no, date, payer, purpose, amount_fen, handler, cash_entry_id, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![year, seq, no, entry.date, payer, purpose, entry.amount, handler, entry.id, audit::now_utc(), actor.name],
    )?;
    let r = get(tx, &no)?;
    audit::record(tx, actor, "add", "receipt", &no, None::<&Receipt>, Some(&r))?;
    Ok(r)
}

/// A cash-book entry as the entry form posts it, with its receipt when one was asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PostedEntry {
    pub entry: CashEntry,
    pub receipt: Option<Receipt>,
}

/// Posts an entry from the form and, if `with_receipt`, issues its receipt in the same
/// transaction (payer = the entry's party; purpose = its memo, else its category). A receipt
/// that cannot be issued (an expense, no payer) refuses the whole entry.
pub fn post_entry(tx: &Transaction, actor: &Actor, input: &cash_book::EntryInput, with_receipt: bool, today: NaiveDate) -> Result<PostedEntry> {
    let entry = cash_book::add(tx, actor, input, today)?;
    if !with_receipt {
        return Ok(PostedEntry { entry, receipt: None });
    }
    let purpose = default_purpose_of(tx, &entry)?;
    let receipt = issue(tx, actor, &entry, "", &purpose, &entry.handler)?;
    let entry = cash_book::get(tx, entry.id)?;
    Ok(PostedEntry { entry, receipt: Some(receipt) })
}

/// Reverses (冲销) a posted entry — a new entry that counts negative, naming the original and
/// the reason — and voids the original's receipt if it has a live one. Here rather than in the
/// cash book because both halves must happen together, and receipts already build on the cash
/// book (the cash book knows nothing of receipts).
pub fn reverse_entry(tx: &Transaction, actor: &Actor, voucher_no: &str, input: &ReversalInput, today: NaiveDate) -> Result<CashEntry> {
    let (reason, date) = input.parse("error-reason-required", today)?;
    let (original, entry) = cash_book::post_reversal(tx, actor, voucher_no, &reason, date, today)?;
    if let Some(no) = &original.receipt_no {
        if !get(tx, no)?.voided {
            void(tx, actor, no, &reason)?;
        }
    }
    Ok(entry)
}

/// Voids a receipt: it keeps its number and prints 作废. The money is not touched — reverse the
/// cash entry for that (which voids its receipt too).
pub fn void(tx: &Transaction, actor: &Actor, receipt_no: &str, reason: &str) -> Result<Receipt> {
    let before = get(tx, receipt_no)?;
    let reason = fields::reason(reason, "error-reason-required")?;
    if before.voided {
        return Err(Error::conflict("error-receipt-already-void", vec![("receipt", before.receipt_no.clone())]));
    }
    tx.execute(
        "INSERT INTO receipt_void (receipt_id, reason, voided_at, voided_by) VALUES (?1, ?2, ?3, ?4)",
        params![before.id, reason, audit::now_utc(), actor.name],
    )?;
    let after = get(tx, &before.receipt_no)?;
    audit::record(tx, actor, "void", "receipt", &before.receipt_no, Some(&before), Some(&after))?;
    Ok(after)
}

choice! {
    /// How receipts go on paper.
    #[derive(Default)]
    ReceiptLayout {
        /// Three to an A4 page, each with its stub, cut along the dashed lines.
        #[default]
        A4Three = "a4_three" / "money-receipts-layout-a4" [],
        /// One to an A5 page (landscape).
        A5 = "a5" / "money-receipts-layout-a5" [],
    }
}

/// Prints receipts and records each print (any after the first is a 补打 reprint). The file is
/// named after the first receipt (and how many there are).
pub fn print(tx: &Transaction, actor: &Actor, receipt_nos: &[String], layout: ReceiptLayout, l10n: &Localizer) -> Result<Printout> {
    let assoc = crate::association::get(tx)?.ok_or_else(|| Error::conflict("error-no-association", vec![]))?;
    let mut slips = Vec::new();
    for no in receipt_nos {
        let r = get(tx, no)?;
        let reprint = r.prints > 0;
        tx.execute(
            "INSERT INTO receipt_print (receipt_id, reprint, printed_at, printed_by) VALUES (?1, ?2, ?3, ?4)",
            params![r.id, reprint, audit::now_utc(), actor.name],
        )?;
        audit::record(tx, actor, if reprint { "reprint" } else { "print" }, "receipt", &r.receipt_no, None::<&Receipt>, Some(&r))?;
        slips.push((r, reprint));
    }
    if slips.is_empty() {
        return Err(Error::invalid("receipt", "error-receipt-none"));
    }
    let first = slips[0].0.receipt_no.clone();
    let name = match slips.len() {
        1 => l10n.format("file-name-receipt", &[("no", first)]),
        n => l10n.format("file-name-receipts", &[("no", first), ("count", n.to_string())]),
    };
    let pages = match layout {
        ReceiptLayout::A4Three => slips.len().div_ceil(3),
        ReceiptLayout::A5 => slips.len(),
    };
    Ok(Printout::new(&name, render(&assoc.name, &slips, layout, l10n)?, pages))
}

/// Draws receipts; `reprint` marks those printed before.
pub fn render(association: &str, slips: &[(Receipt, bool)], layout: ReceiptLayout, l10n: &Localizer) -> Result<Vec<u8>> {
    let mut doc = Doc::new(&l10n.t("receipt-title"))?;
    match layout {
        ReceiptLayout::A4Three => {
            for chunk in slips.chunks(3) {
                let page = doc.page(pdf::A4);
                for (i, (r, reprint)) in chunk.iter().enumerate() {
                    let top = i as f32 * 99.0;
                    draw_slip(page, top, 99.0, 210.0, association, r, *reprint, l10n);
                    if i < 2 {
                        page.line_styled(0.0, top + 99.0, 210.0, top + 99.0, 0.4, pdf::GREY, true);
                    }
                }
            }
        }
        ReceiptLayout::A5 => {
            for (r, reprint) in slips {
                let page = doc.page(pdf::A5_LANDSCAPE);
                draw_slip(page, 0.0, 148.0, 210.0, association, r, *reprint, l10n);
            }
        }
    }
    Ok(doc.finish())
}

/// A date as printed: 2026年3月1日 / 2026-03-01.
pub fn date_label(l10n: &Localizer, d: NaiveDate) -> String {
    l10n.format(
        "money-date",
        &[
            ("year", d.year().to_string()),
            ("month", d.month().to_string()),
            ("day", d.day().to_string()),
            ("iso", d.to_string()),
        ],
    )
}

/// One receipt with its stub, in a band `height` mm tall starting `top` mm down the page.
#[allow(clippy::too_many_arguments)]
fn draw_slip(page: &mut Page, top: f32, height: f32, width: f32, association: &str, r: &Receipt, reprint: bool, l10n: &Localizer) {
    let purpose = purpose_label(l10n, &r.purpose);
    let date = date_label(l10n, r.date);
    let m = 10.0; // margin
    // The stub (存根), kept by the association, left of the perforation.
    let stub_w = 52.0;
    let sx = m;
    let mut y = top + 16.0;
    page.text(sx + (stub_w - 6.0) / 2.0, y, 13.0, Align::Center, &l10n.t("receipt-stub"));
    y += 9.0;
    let stub_lines = [
        (l10n.t("receipt-no-label"), r.receipt_no.clone()),
        (l10n.t("receipt-date-label"), r.date.to_string()),
        (l10n.t("receipt-payer-label"), r.payer.clone()),
        (l10n.t("receipt-purpose-label"), purpose.clone()),
        (l10n.t("receipt-amount-label"), r.amount.yuan()),
        (l10n.t("receipt-handler-label"), r.handler.clone()),
        (l10n.t("receipt-voucher-label"), r.voucher_no.clone()),
    ];
    for (label, value) in &stub_lines {
        let line = format!("{label}{value}");
        page.text(sx, y, 8.5, Align::Left, &pdf::fit(&line, 8.5, stub_w - 6.0));
        y += 6.5;
    }
    // Perforation between stub and receipt, with the number written across it (骑缝).
    let px = sx + stub_w;
    page.line_styled(px, top + 6.0, px, top + height - 6.0, 0.5, pdf::GREY, true);
    page.text_colored(px - 1.5, top + height - 9.0, 7.0, Align::Right, &r.receipt_no, pdf::GREY);

    // The receipt itself.
    let rx = px + 8.0;
    let rw = width - m - rx;
    let cx = rx + rw / 2.0;
    page.text(cx, top + 13.0, 11.0, Align::Center, &pdf::fit(association, 11.0, rw - 40.0));
    page.text(cx, top + 23.0, 18.0, Align::Center, &l10n.t("receipt-title"));
    page.line(cx - 18.0, top + 25.5, cx + 18.0, top + 25.5, 0.6);
    page.text(rx + rw, top + 14.0, 9.5, Align::Right, &format!("{}{}", l10n.t("receipt-no-label"), r.receipt_no));
    page.text(rx + rw, top + 23.0, 9.5, Align::Right, &date);
    if reprint {
        page.text_colored(rx, top + 14.0, 11.0, Align::Left, &l10n.t("receipt-reprint"), pdf::RED);
    }
    let size = 10.5;
    let mut y = top + 36.0;
    let field = |page: &mut Page, y: f32, label: &str, value: &str| {
        page.text(rx, y, size, Align::Left, label);
        let vx = rx + pdf::text_width(label, size) + 2.0;
        page.text(vx, y - 0.3, size, Align::Left, &pdf::fit(value, size, rx + rw - vx - 1.0));
        page.line(vx - 1.0, y + 1.2, rx + rw, y + 1.2, 0.3);
    };
    field(page, y, &l10n.t("receipt-received-from"), &r.payer);
    y += 10.0;
    field(page, y, &l10n.t("receipt-for"), &purpose);
    y += 10.0;
    field(page, y, &l10n.t("receipt-capital-label"), &words::capital(r.amount.0));
    y += 10.0;
    page.text(rx, y, size, Align::Left, &l10n.t("receipt-figures-label"));
    page.text(rx + pdf::text_width(&l10n.t("receipt-figures-label"), size) + 2.0, y, 13.0, Align::Left, &r.amount.yuan());
    // Seal area and handler at the foot.
    let foot = top + height - 14.0;
    page.text(rx, foot, 9.5, Align::Left, &format!("{}{}", l10n.t("receipt-payee-label"), association));
    page.text(rx + rw, foot, 9.5, Align::Right, &format!("{}{}", l10n.t("receipt-handler-label"), r.handler));
    let seal_x = rx + rw - 30.0;
    page.circle(seal_x, foot - 14.0, 12.0, pdf::RED, true);
    page.text_colored(seal_x, foot - 13.0, 8.0, Align::Center, &l10n.t("receipt-seal"), pdf::RED);
    if r.voided {
        // Stamped across the amount, as a treasurer writes 作废 over a spoiled slip.
        page.text_colored(cx, top + 70.0, 48.0, Align::Center, &l10n.t("receipt-void"), pdf::RED);
        page.text_colored(sx + (stub_w - 6.0) / 2.0, top + 80.0, 22.0, Align::Center, &l10n.t("receipt-void"), pdf::RED);
    }
}

/// The receipt of a cash entry, if one is live (not voided).
pub fn for_entry(conn: &Connection, entry_id: i64) -> Result<Option<Receipt>> {
    let no: Option<String> = conn
        .query_row(
            "SELECT r.receipt_no FROM receipt r LEFT JOIN receipt_void v ON v.receipt_id = r.id
             WHERE r.cash_entry_id = ?1 AND v.receipt_id IS NULL",
            [entry_id],
            |r| r.get(0),
        )
        .optional()?;
    no.map(|n| get(conn, &n)).transpose()
}

/// Issues a receipt for an existing income entry by its voucher number.
pub fn issue_for_voucher(tx: &Transaction, actor: &Actor, voucher_no: &str, payer: &str, purpose: &str, handler: &str) -> Result<Receipt> {
    let entry = cash_book::get_by_voucher(tx, voucher_no)?;
    let purpose = if purpose.trim().is_empty() { default_purpose_of(tx, &entry)? } else { purpose.to_string() };
    issue(tx, actor, &entry, payer, &purpose, handler)
}

/// What a receipt for a plain entry says it was for: the memo, else the category.
pub fn default_purpose_of(conn: &Connection, entry: &CashEntry) -> Result<String> {
    if !entry.memo.is_empty() {
        return Ok(entry.memo.clone());
    }
    let c = cash_book::categories(conn)?.into_iter().find(|c| c.id == entry.category_id);
    Ok(match c {
        Some(c) if !c.renamed && c.code.is_some() => format!("category:{}", c.code.unwrap_or_default()),
        Some(c) => c.name,
        None => entry.category.clone(),
    })
}
