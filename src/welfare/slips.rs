//! Welfare on paper: the 领款单 (a receipt slip the family signs: association, member, kind,
//! amount in figures and capitals, date, the receiver's signature line, handler, approver), three
//! to an A4 page; the signing list (签领表) of a batch; and the month's birthday list.

use chrono::Datelike;
use rusqlite::Connection;

use super::birthdays::birthdays;
use super::payments::{get_by_voucher, WelfarePayment};
use crate::calendar;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::{Fen, Month};
use crate::money::receipts::date_label;
use crate::money::words;
use crate::kernel::Printout;
use crate::pdf::{self, Align, Doc, Page};

fn association_name(conn: &Connection) -> Result<String> {
    Ok(crate::association::get(conn)?.ok_or_else(|| Error::conflict("error-no-association", vec![]))?.name)
}

fn payments_of(conn: &Connection, vouchers: &[String]) -> Result<Vec<WelfarePayment>> {
    if vouchers.is_empty() {
        return Err(Error::invalid("vouchers", "error-welfare-vouchers-none"));
    }
    vouchers.iter().map(|v| get_by_voucher(conn, v)).collect()
}

/// The 领款单 of the payments with these vouchers, three to an A4 page, cut along the dashed
/// lines. A reversed payment's slip is stamped as reversed.
pub fn slips_pdf(conn: &Connection, vouchers: &[String], l10n: &Localizer) -> Result<Printout> {
    let payments = payments_of(conn, vouchers)?;
    let assoc = association_name(conn)?;
    let mut doc = Doc::new(&l10n.t("welfare-slip-title"))?;
    for chunk in payments.chunks(3) {
        let page = doc.page(pdf::A4);
        for (i, w) in chunk.iter().enumerate() {
            let top = i as f32 * 99.0;
            draw_slip(page, top, &assoc, w, l10n);
            if i < 2 {
                page.line_styled(0.0, top + 99.0, 210.0, top + 99.0, 0.4, pdf::GREY, true);
            }
        }
    }
    let name = l10n.format("file-name-welfare-slips", &[("voucher", payments[0].voucher_no.clone()), ("count", payments.len().to_string())]);
    let pages = doc.page_count();
    Ok(Printout::new(&name, doc.finish(), pages))
}

/// A label and its value on one line: a Chinese full-width colon needs no space after it, an
/// English one does (Fluent trims the space a message ends with).
fn labelled(label: &str, value: &str) -> String {
    if label.ends_with(':') { format!("{label} {value}") } else { format!("{label}{value}") }
}

fn draw_slip(page: &mut Page, top: f32, association: &str, w: &WelfarePayment, l10n: &Localizer) {
    let (x0, x1) = (18.0, 192.0);
    let cx = 105.0;
    page.text(cx, top + 13.0, 11.0, Align::Center, &pdf::fit(association, 11.0, 120.0));
    page.text(cx, top + 24.0, 18.0, Align::Center, &l10n.t("welfare-slip-title"));
    page.line(cx - 24.0, top + 26.5, cx + 24.0, top + 26.5, 0.6);
    page.text(x1, top + 14.0, 9.5, Align::Right, &labelled(&l10n.t("welfare-slip-voucher"), &w.voucher_no));
    page.text(x1, top + 23.0, 9.5, Align::Right, &date_label(l10n, w.date));
    let size = 11.0;
    let field = |page: &mut Page, x: f32, y: f32, end: f32, label: &str, value: &str| {
        page.text(x, y, size, Align::Left, label);
        let vx = x + pdf::text_width(label, size) + 2.0;
        page.text(vx, y - 0.3, size, Align::Left, &pdf::fit(value, size, end - vx - 1.0));
        page.line(vx - 1.0, y + 1.3, end, y + 1.3, 0.3);
    };
    let member = l10n.format(
        if w.village_group.is_empty() { "welfare-slip-member-value" } else { "welfare-slip-member-value-group" },
        &[("name", w.name.clone()), ("no", w.member_no.to_string()), ("group", w.village_group.clone())],
    );
    let mut y = top + 38.0;
    field(page, x0, y, 120.0, &l10n.t("welfare-slip-member"), &member);
    field(page, 124.0, y, x1, &l10n.t("welfare-slip-kind"), &l10n.t(w.kind.label_id()));
    y += 10.0;
    let what = if w.goods.is_empty() { l10n.t("welfare-slip-money-only") } else { w.goods.clone() };
    field(page, x0, y, x1, &l10n.t("welfare-slip-goods"), &what);
    y += 10.0;
    field(page, x0, y, x1, &l10n.t("welfare-slip-capital"), &words::capital(w.amount.0));
    y += 10.0;
    page.text(x0, y, size, Align::Left, &l10n.t("welfare-slip-figures"));
    page.text(x0 + pdf::text_width(&l10n.t("welfare-slip-figures"), size) + 2.0, y, 13.0, Align::Left, &w.amount.yuan());
    // The family signs for it; the handler and the approver sign too.
    let foot = top + 86.0;
    page.signature(x0, foot, 10.5, &l10n.t("welfare-slip-receiver-sign"), 42.0);
    page.text(x0, foot + 6.0, 8.5, Align::Left, &l10n.format("welfare-slip-receiver-named", &[("name", w.receiver.clone())]));
    page.text(118.0, foot, 10.5, Align::Left, &labelled(&l10n.t("welfare-slip-handler"), &w.handler));
    page.text(158.0, foot, 10.5, Align::Left, &labelled(&l10n.t("welfare-slip-approver"), &w.approver));
    if w.reversed_by.is_some() {
        page.text_colored(cx, top + 66.0, 40.0, Align::Center, &l10n.t("welfare-slip-reversed"), pdf::RED);
    }
}

/// Column of a printed table: left edge or right edge (numbers), heading.
struct Col {
    x: f32,
    align: Align,
    head: String,
    width: f32,
}

/// Draws a table over as many A4 pages as it needs, the heading on each, a signing line under
/// the last; rows are `row_h` mm apart (tall enough to sign in when the list is signed).
#[allow(clippy::too_many_arguments)]
fn table(doc: &mut Doc, title: &str, subtitle: &str, cols: &[Col], rows: &[Vec<String>], row_h: f32, foot: &[(String, String)], l10n: &Localizer, printed_on: chrono::NaiveDate) {
    let top = |doc: &mut Doc| -> f32 {
        let page = doc.page(pdf::A4);
        page.text(105.0, 20.0, 17.0, Align::Center, title);
        page.text(105.0, 28.0, 10.0, Align::Center, subtitle);
        let y = 38.0;
        for c in cols {
            page.text_colored(c.x, y, 9.5, c.align, &c.head, pdf::GREY);
        }
        page.line(15.0, y + 2.0, 195.0, y + 2.0, 0.5);
        y + 2.0 + row_h * 0.75
    };
    let mut y = top(doc);
    for r in rows {
        if y > 272.0 {
            y = top(doc);
        }
        let Some(page) = doc.pages_mut().last_mut() else { return };
        for (c, v) in cols.iter().zip(r) {
            page.text(c.x, y, 10.5, c.align, &pdf::fit(v, 10.5, c.width));
        }
        page.line_styled(15.0, y + row_h * 0.35, 195.0, y + row_h * 0.35, 0.3, pdf::GREY, false);
        y += row_h;
    }
    if let Some(page) = doc.pages_mut().last_mut() {
        let mut fy = y + 2.0;
        for (label, value) in foot {
            page.text(15.0, fy, 11.0, Align::Left, label);
            page.text(195.0, fy, 11.0, Align::Right, value);
            fy += 7.0;
        }
        let sy = (fy + 10.0).min(282.0);
        page.signature(15.0, sy, 10.0, &l10n.t("pdf-sign-prepared-by"), 30.0);
        page.signature(80.0, sy, 10.0, &l10n.t("pdf-sign-reviewed-by"), 30.0);
        page.text(195.0, sy, 10.0, Align::Right, &l10n.format("money-printed-on", &[("date", printed_on.to_string())]));
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
}

/// The signing list (签领表) of a batch of payments: one line each, room to sign.
pub fn sign_list_pdf(conn: &Connection, vouchers: &[String], title: &str, l10n: &Localizer, today: chrono::NaiveDate) -> Result<Printout> {
    let payments = payments_of(conn, vouchers)?;
    let assoc = association_name(conn)?;
    let title = if title.trim().is_empty() { l10n.t("welfare-sign-list-title") } else { title.to_string() };
    let cols = [
        Col { x: 15.0, align: Align::Left, head: l10n.t("welfare-col-seq"), width: 8.0 },
        Col { x: 24.0, align: Align::Left, head: l10n.t("welfare-col-no"), width: 11.0 },
        Col { x: 37.0, align: Align::Left, head: l10n.t("welfare-col-name"), width: 22.0 },
        Col { x: 61.0, align: Align::Left, head: l10n.t("welfare-col-group"), width: 14.0 },
        Col { x: 85.0, align: Align::Right, head: l10n.t("welfare-col-age"), width: 9.0 },
        Col { x: 89.0, align: Align::Left, head: l10n.t("welfare-col-kind"), width: 20.0 },
        Col { x: 130.0, align: Align::Right, head: l10n.t("welfare-col-amount"), width: 20.0 },
        Col { x: 133.0, align: Align::Left, head: l10n.t("welfare-col-goods"), width: 24.0 },
        Col { x: 160.0, align: Align::Left, head: l10n.t("welfare-col-sign"), width: 34.0 },
    ];
    let rows: Vec<Vec<String>> = payments
        .iter()
        .enumerate()
        .map(|(i, w)| {
            vec![
                (i + 1).to_string(),
                w.member_no.to_string(),
                w.name.clone(),
                w.village_group.clone(),
                w.age.map(|a| a.to_string()).unwrap_or_default(),
                l10n.t(w.kind.label_id()),
                w.amount.grouped(),
                w.goods.clone(),
                String::new(),
            ]
        })
        .collect();
    let total: Fen = payments.iter().filter(|w| w.reversed_by.is_none()).map(|w| w.amount).sum();
    let mut doc = Doc::new(&title)?;
    let foot = [(l10n.format("welfare-sign-list-total", &[("count", payments.len().to_string())]), total.yuan())];
    table(&mut doc, &title, &assoc, &cols, &rows, 11.0, &foot, l10n, today);
    let name = l10n.format("file-name-welfare-sign-list", &[("title", title.clone()), ("date", today.to_string())]);
    let pages = doc.page_count();
    Ok(Printout::new(&name, doc.finish(), pages))
}

/// The month's birthday list (only the decade birthdays with `decades_only`), decades marked.
pub fn birthdays_pdf(conn: &Connection, month: Month, decades_only: bool, l10n: &Localizer, today: chrono::NaiveDate) -> Result<Printout> {
    let list = &birthdays(conn, month, decades_only, crate::members::Phones::Masked)?;
    let assoc = association_name(conn)?;
    let title = l10n.format("welfare-birthdays-title", &[("year", list.month.year.to_string()), ("month", list.month.month.to_string())]);
    let subtitle = format!("{}　{}", assoc, l10n.t(list.age_count.label_id()));
    let cols = [
        Col { x: 15.0, align: Align::Left, head: l10n.t("welfare-col-date"), width: 20.0 },
        Col { x: 37.0, align: Align::Left, head: l10n.t("welfare-col-lunar"), width: 28.0 },
        Col { x: 67.0, align: Align::Left, head: l10n.t("welfare-col-no"), width: 11.0 },
        Col { x: 80.0, align: Align::Left, head: l10n.t("welfare-col-name"), width: 22.0 },
        Col { x: 104.0, align: Align::Left, head: l10n.t("welfare-col-group"), width: 14.0 },
        Col { x: 128.0, align: Align::Right, head: l10n.t("welfare-col-age"), width: 9.0 },
        Col { x: 132.0, align: Align::Left, head: l10n.t("welfare-col-decade"), width: 14.0 },
        Col { x: 168.0, align: Align::Right, head: l10n.t("welfare-col-gift"), width: 20.0 },
        Col { x: 172.0, align: Align::Left, head: l10n.t("welfare-col-paid"), width: 22.0 },
    ];
    let rows: Vec<Vec<String>> = list
        .lines
        .iter()
        .map(|b| {
            vec![
                l10n.format("welfare-day", &[("month", b.date.month().to_string()), ("day", b.date.day().to_string())]),
                b.lunar.map(|l| calendar::format_lunar_day(l, l10n.lang())).unwrap_or_default(),
                b.member_no.to_string(),
                b.name.clone(),
                b.village_group.clone(),
                b.age.map(|a| a.to_string()).unwrap_or_default(),
                if b.decade { l10n.t("welfare-decade-star") } else { String::new() },
                b.gift.map(|g| g.grouped()).unwrap_or_default(),
                b.paid.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let decades = list.lines.iter().filter(|b| b.decade).count();
    let foot = [(
        l10n.format("welfare-birthdays-count", &[("count", list.lines.len().to_string()), ("decades", decades.to_string())]),
        String::new(),
    )];
    let mut doc = Doc::new(&title)?;
    if rows.is_empty() {
        let page = doc.page(pdf::A4);
        page.text(105.0, 20.0, 17.0, Align::Center, &title);
        page.text(105.0, 28.0, 10.0, Align::Center, &subtitle);
        page.text(15.0, 44.0, 11.0, Align::Left, &l10n.t("welfare-birthdays-none"));
    } else {
        table(&mut doc, &title, &subtitle, &cols, &rows, 8.0, &foot, l10n, today);
    }
    let pages = doc.page_count();
    Ok(Printout::new(&format!("{title}.pdf"), doc.finish(), pages))
}
