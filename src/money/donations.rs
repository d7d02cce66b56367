//! Donations (捐款) and the honour list (捐款芳名榜) the village hangs in the hall: a red poster,
//! largest gifts first, names and amounts in large characters.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cash_book::{self, CashEntry};
use super::receipts::{self, Receipt};
use crate::kernel::{fields, Fen, Printout};
use crate::audit::{self, Actor};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::pdf::{self, Align, Doc};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DonationInput {
    pub donor: String,
    pub amount: String,
    /// YYYY-MM-DD; empty for today
    pub date: String,
    /// Empty for a general gift, else what it is for (重阳节活动…).
    pub purpose: String,
    pub handler: String,
    /// Issue a receipt too.
    pub receipt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Donation {
    pub id: i64,
    pub donor: String,
    pub amount: Fen,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub purpose: String,
    pub voucher_no: String,
    pub receipt_no: Option<String>,
}

/// Records a gift: the donation, its cash-book income (社会捐助) and, if asked, a receipt.
pub fn donate(tx: &Transaction, actor: &Actor, input: &DonationInput, today: NaiveDate) -> Result<(Donation, CashEntry, Option<Receipt>)> {
    let donor = fields::required("donor", &input.donor, 60, "error-donor-required")?;
    let amount = fields::amount("amount", &input.amount)?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let purpose = fields::text("purpose", &input.purpose, 60)?;
    let handler = fields::text("handler", if input.handler.trim().is_empty() { &actor.name } else { &input.handler }, 30)?;
    let id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM donation", [], |r| r.get(0))?;
    let entry = cash_book::post_income(tx, actor, "donation", amount, date, &donor, &handler, &purpose, format!("donation:{id}"))?;
    tx.execute(
        "INSERT INTO donation (id, donor, amount_fen, date, purpose, cash_entry_id, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, donor, amount, date, purpose, entry.id, audit::now_utc(), actor.name],
    )?;
    let receipt = if input.receipt {
        Some(receipts::issue(tx, actor, &entry, &donor, &format!("donation:{purpose}"), &handler)?)
    } else {
        None
    };
    let d = Donation {
        id,
        donor,
        amount,
        date,
        purpose,
        voucher_no: entry.voucher_no.clone(),
        receipt_no: receipt.as_ref().map(|r| r.receipt_no.clone()),
    };
    audit::record(tx, actor, "add", "donation", id, None::<&Donation>, Some(&d))?;
    let entry = cash_book::get(tx, entry.id)?;
    Ok((d, entry, receipt))
}

/// Which gifts the honour list shows, as the form has it: the first and last day as typed
/// (YYYY-MM-DD; empty for no bound) and the purpose chosen (empty for every gift).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct HonourFilter {
    pub from: String,
    pub to: String,
    pub purpose: String,
}

/// The filter read: dates checked, blanks as "any".
struct Honour {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    purpose: Option<String>,
}

impl HonourFilter {
    fn parse(&self) -> Result<Honour> {
        let purpose = self.purpose.trim();
        Ok(Honour {
            from: fields::optional_date("from", &self.from)?,
            to: fields::optional_date("to", &self.to)?,
            purpose: (!purpose.is_empty()).then(|| purpose.to_string()),
        })
    }
}

/// One name on the honour list: a donor's gifts in the period added together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Donor {
    pub donor: String,
    pub amount: Fen,
    pub gifts: i64,
}

/// Donors, largest total first (then earliest gift, then name). Gifts whose cash entry was
/// reversed are left out.
pub fn honour_list(conn: &Connection, filter: &HonourFilter) -> Result<Vec<Donor>> {
    let f = filter.parse()?;
    let mut stmt = conn.prepare(
        "SELECT d.donor, sum(d.amount_fen), count(*), min(d.date) FROM donation d
         WHERE (?1 IS NULL OR d.date >= ?1) AND (?2 IS NULL OR d.date <= ?2) AND (?3 IS NULL OR d.purpose = ?3)
           AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = d.cash_entry_id)
         GROUP BY d.donor
         ORDER BY sum(d.amount_fen) DESC, min(d.date), d.donor",
    )?;
    let rows = stmt
        .query_map(params![f.from, f.to, f.purpose], |r| Ok(Donor { donor: r.get(0)?, amount: r.get(1)?, gifts: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub fn list(conn: &Connection) -> Result<Vec<Donation>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, d.donor, d.amount_fen, d.date, d.purpose, e.voucher_no,
                (SELECT receipt_no FROM receipt r WHERE r.cash_entry_id = e.id ORDER BY r.id DESC LIMIT 1)
         FROM donation d JOIN cash_entry e ON e.id = d.cash_entry_id ORDER BY d.date, d.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Donation {
                id: r.get(0)?,
                donor: r.get(1)?,
                amount: r.get(2)?,
                date: r.get(3)?,
                purpose: r.get(4)?,
                voucher_no: r.get(5)?,
                receipt_no: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

const POSTER_RED: (f32, f32, f32) = (0.84, 0.11, 0.09);
const GOLD: (f32, f32, f32) = (0.98, 0.82, 0.35);
const INK: (f32, f32, f32) = (0.10, 0.02, 0.02);

/// The honour list poster: A4 portrait on red, title, period, names and amounts in large type,
/// the association and the date at the foot.
pub fn honour_pdf(conn: &Connection, filter: &HonourFilter, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let donors = honour_list(conn, filter)?;
    let f = filter.parse()?;
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let title = l10n.t("honour-title");
    let subtitle = match (&f.purpose, f.from, f.to) {
        (Some(p), _, _) if !p.is_empty() => l10n.format("honour-for", &[("purpose", p.clone())]),
        (_, Some(a), Some(b)) => l10n.format("honour-period", &[("from", a.to_string()), ("to", b.to_string())]),
        (_, Some(a), None) => l10n.format("honour-since", &[("from", a.to_string())]),
        (_, None, Some(b)) => l10n.format("honour-until", &[("to", b.to_string())]),
        _ => String::new(),
    };
    let mut doc = Doc::new(&title)?;
    // Two columns of large names; fewer rows fit on the pages after the first (no title).
    let row_h = 17.0;
    let mut rest: &[Donor] = &donors;
    let mut first = true;
    loop {
        let page = doc.page(pdf::A4);
        page.rect(0.0, 0.0, 210.0, 297.0, None, Some(POSTER_RED));
        page.rect(8.0, 8.0, 194.0, 281.0, Some((GOLD, 2.0)), None);
        page.rect(11.0, 11.0, 188.0, 275.0, Some((GOLD, 0.7)), None);
        let mut y = if first {
            page.text_colored(105.0, 45.0, 44.0, Align::Center, &title, GOLD);
            if !subtitle.is_empty() {
                page.text_colored(105.0, 60.0, 15.0, Align::Center, &subtitle, INK);
            }
            page.text_colored(105.0, 72.0, 12.0, Align::Center, &l10n.t("honour-thanks"), INK);
            92.0
        } else {
            30.0
        };
        if donors.is_empty() && first {
            page.text_colored(105.0, y + 20.0, 16.0, Align::Center, &l10n.t("honour-none"), INK);
        }
        // A short list reads best in one column of very large type; a long one in two.
        let single = donors.len() <= 9;
        let row_h = if single { 19.0 } else { row_h };
        let per_col = ((262.0 - y) / row_h).floor().max(1.0) as usize;
        let rows = per_col;
        let take = (if single { per_col } else { per_col * 2 }).min(rest.len());
        let (now, later) = rest.split_at(take);
        // Fill the left column first, then the right, so the order reads down.
        let left_n = if single { now.len() } else { now.len().div_ceil(2) };
        for (i, d) in now.iter().enumerate() {
            let (col, row) = if i < left_n { (0, i) } else { (1, i - left_n) };
            let yy = y + row as f32 * row_h;
            if single {
                // Names of firms run long: smaller type, still on one line.
                let size = if d.donor.chars().count() > 6 { 18.0 } else { 26.0 };
                page.text_colored(36.0, yy, size, Align::Left, &pdf::fit(&d.donor, size, 96.0), INK);
                page.text_colored(176.0, yy, 22.0, Align::Right, &d.amount.yuan(), INK);
                continue;
            }
            let x = if col == 0 { 22.0 } else { 112.0 };
            let size = if d.donor.chars().count() > 6 { 15.0 } else { 22.0 };
            page.text_colored(x, yy, size, Align::Left, &pdf::fit(&d.donor, size, 44.0), INK);
            page.text_colored(x + 80.0, yy, 17.0, Align::Right, &d.amount.yuan(), INK);
        }
        y += rows as f32 * row_h;
        let _ = y;
        rest = later;
        first = false;
        if rest.is_empty() {
            page.text_colored(188.0, 268.0, 13.0, Align::Right, &assoc, INK);
            let date = receipts::date_label(l10n, today);
            page.text_colored(188.0, 277.0, 12.0, Align::Right, &date, INK);
            break;
        }
    }
    if doc.page_count() > 1 {
        doc.number_pages(9.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    }
    let pages = doc.page_count();
    Ok(Printout::new(&l10n.format("file-name-honour", &[("date", today.to_string())]), doc.finish(), pages))
}
