//! The passbook (存折): a one-page savings card (时间储蓄卡) with the balance, the association
//! and a verification code, then every entry of the account like a bank passbook: date, kind,
//! counterparty, hours in, hours out and the running balance.
//!
//! The verification code is the first four bytes of the association key's ed25519 signature
//! over the holder's number, ID number, balance and date. Ed25519 signatures are deterministic,
//! so the association (and only it, holding the key) can recompute the code to check that a
//! card shown to it is one it printed and was not altered (`huzhu time verify`).

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::accounts::{balance, is_frozen};
use super::hours::Hours;
use super::keys;
use super::ledger::{entries, EntryKind};
use super::lines::passbook_lines;
use crate::chain::{self, Ledger};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Printout;
use crate::members::{self, MemberNo};
use crate::pdf::{self, Align, Doc};

fn code_message(no: MemberNo, id_card: &str, balance: Hours, date: NaiveDate) -> String {
    format!("huzhu-passbook-v1|{no}|{id_card}|{}|{date}", balance.half_hours())
}

/// The card's verification code ("3FA2-09C1"), or `None` before the association has a key.
pub fn verification_code(conn: &Connection, no: MemberNo, balance: Hours, date: NaiveDate) -> Result<Option<String>> {
    let Some(key) = keys::own(conn)? else { return Ok(None) };
    let id_card: Option<String> = conn.query_row("SELECT id_card FROM person WHERE member_no = ?1", [no.0], |r| r.get(0))?;
    let sig = keys::sign(&key, code_message(no, id_card.as_deref().unwrap_or(""), balance, date).as_bytes());
    let h = keys::hex(&sig[..4]).to_uppercase();
    Ok(Some(format!("{}-{}", &h[..4], &h[4..])))
}

/// Whether a code read off a card matches what this association would print for it.
pub fn check_code(conn: &Connection, no: MemberNo, balance: Hours, date: NaiveDate, code: &str) -> Result<bool> {
    let typed: String = code.chars().filter(|c| c.is_ascii_hexdigit()).collect::<String>().to_uppercase();
    Ok(verification_code(conn, no, balance, date)?.is_some_and(|c| c.replace('-', "") == typed))
}

fn date_label(l10n: &Localizer, d: NaiveDate) -> String {
    l10n.format(
        "passbook-date",
        &[("year", d.year().to_string()), ("month", d.month().to_string()), ("day", d.day().to_string()), ("iso", d.to_string())],
    )
}

/// The passbook of one person as a PDF.
pub fn pdf(conn: &Connection, no: MemberNo, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let person = members::get_by_no(conn, no, today)?;
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let lines = passbook_lines(entries(conn, no)?, no, l10n);
    let balance = balance(conn, no)?;
    let frozen = is_frozen(conn, no)? || person.status == members::Status::Deceased;
    let code = verification_code(conn, no, balance, today)?.unwrap_or_else(|| "—".into());
    let fingerprint = keys::own_public(conn)?.map(|k| keys::fingerprint(&k)).unwrap_or_else(|| "—".into());
    let title = l10n.t("passbook-title");
    let mut doc = Doc::new(&format!("{title} {} {}", person.name, no))?;
    let paper = pdf::A4;
    let (left, right) = (16.0, paper.width - 16.0);

    // The savings card: a framed card in the upper half of the first page.
    {
        let p = doc.page(paper);
        let (cx, cy, cw, ch) = (left, 20.0, right - left, 118.0);
        p.rect(cx, cy, cw, ch, Some(((0.55, 0.1, 0.1), 1.4)), None);
        p.rect(cx + 2.0, cy + 2.0, cw - 4.0, ch - 4.0, Some(((0.55, 0.1, 0.1), 0.5)), None);
        let mid = paper.width / 2.0;
        p.text(mid, cy + 16.0, 22.0, Align::Center, &l10n.t("passbook-card-title"));
        p.text(mid, cy + 25.0, 11.0, Align::Center, &pdf::fit(&assoc, 11.0, cw - 20.0));
        p.line(cx + 10.0, cy + 29.5, cx + cw - 10.0, cy + 29.5, 0.4);
        let x = cx + 12.0;
        let mut y = cy + 40.0;
        p.text(x, y, 13.0, Align::Left, &l10n.format("passbook-holder", &[("name", person.name.clone())]));
        p.text(x + 95.0, y, 13.0, Align::Left, &l10n.format("passbook-no", &[("no", no.to_string())]));
        y += 8.0;
        if let Some(masked) = &person.id_card_masked {
            p.text(x, y, 11.0, Align::Left, &l10n.format("passbook-id-card", &[("id", masked.clone())]));
        }
        y += 14.0;
        p.text(x, y, 12.0, Align::Left, &l10n.t("passbook-balance-label"));
        let bal = l10n.format("passbook-balance", &[("hours", balance.to_string())]);
        p.text(x + 4.0, y + 15.0, 30.0, Align::Left, &bal);
        if frozen {
            p.text_colored(x + 10.0 + pdf::text_width(&bal, 30.0), y + 15.0, 13.0, Align::Left, &l10n.t("passbook-frozen"), pdf::RED);
        }
        y += 24.0;
        p.text(x, y, 11.0, Align::Left, &l10n.format("passbook-as-of", &[("date", date_label(l10n, today))]));
        y += 8.0;
        p.text(x, y, 12.0, Align::Left, &l10n.format("passbook-code", &[("code", code.clone())]));
        y += 6.5;
        p.text_colored(x, y, 8.5, Align::Left, &l10n.format("passbook-fingerprint", &[("fingerprint", fingerprint.clone())]), pdf::GREY);
        y += 5.0;
        p.text_colored(x, y, 7.5, Align::Left, &pdf::fit(&l10n.t("passbook-code-note"), 7.5, cw - 24.0), pdf::GREY);
        // Where the association's seal goes.
        p.circle(cx + cw - 32.0, cy + 62.0, 19.0, pdf::RED, true);
        p.text_colored(cx + cw - 32.0, cy + 63.5, 9.0, Align::Center, &l10n.t("pdf-sign-seal"), pdf::RED);
        let sy = cy + ch + 18.0;
        p.signature(left, sy, 10.0, &l10n.t("pdf-sign-prepared-by"), 40.0);
        p.signature(left + 90.0, sy, 10.0, &l10n.t("pdf-sign-reviewed-by"), 40.0);
        p.text(left, sy + 12.0, 10.0, Align::Left, &l10n.format("passbook-entries", &[("count", lines.len().to_string())]));
    }

    // The passbook lines.
    let cols: [(f32, Align, &str); 7] = [
        (left + 9.0, Align::Right, "passbook-col-no"),
        (left + 12.0, Align::Left, "passbook-col-date"),
        (left + 34.0, Align::Left, "passbook-col-kind"),
        (left + 61.0, Align::Left, "passbook-col-party"),
        (right - 42.0, Align::Right, "passbook-col-in"),
        (right - 21.0, Align::Right, "passbook-col-out"),
        (right, Align::Right, "passbook-col-balance"),
    ];
    let party_w = cols[4].0 - 16.0 - cols[3].0;
    let kind_w = cols[3].0 - cols[2].0 - 2.0;
    let size = 9.0;
    let row_h = 6.4;
    let bottom = paper.height - 20.0;
    let heading = format!("{title}  {}  {}  {assoc}", person.name, l10n.format("passbook-no", &[("no", no.to_string())]));
    let header = |doc: &mut Doc| -> f32 {
        let p = doc.page(paper);
        let mut y = 16.0;
        p.text(left, y, 10.0, Align::Left, &pdf::fit(&heading, 10.0, right - left - 25.0));
        p.text_colored(right, y, 8.0, Align::Right, &l10n.t("passbook-unit"), pdf::GREY);
        y += 8.0;
        for (x, a, id) in &cols {
            p.text(*x, y, 9.0, *a, &l10n.t(id));
        }
        p.line(left, y + 2.0, right, y + 2.0, 0.6);
        y + 2.0 + row_h
    };
    let mut y = header(&mut doc);
    if lines.is_empty() {
        if let Some(p) = doc.pages_mut().last_mut() {
            p.text(cols[3].0, y, size, Align::Left, &l10n.t("passbook-empty"));
        }
    }
    for line in &lines {
        if y > bottom {
            y = header(&mut doc);
        }
        let e = &line.entry;
        let Some(p) = doc.pages_mut().last_mut() else { break };
        let color = if e.kind == EntryKind::Reversal { pdf::RED } else { pdf::BLACK };
        p.text(cols[0].0, y, size, Align::Right, &e.id.to_string());
        p.text(cols[1].0, y, size, Align::Left, &e.date.to_string());
        p.text_colored(cols[2].0, y, size, Align::Left, &pdf::fit(&l10n.t(e.kind.label_id()), size, kind_w), color);
        let mut note = line.note.clone();
        if e.reversed_by.is_some() {
            note = format!("{note} {}", l10n.t("passbook-reversed")).trim().to_string();
        }
        p.text(cols[3].0, y, size, Align::Left, &pdf::fit(&note, size, party_w));
        let col = if e.signed.half_hours() > 0 { 4 } else { 5 };
        p.text_colored(cols[col].0, y, size, Align::Right, &e.hours.fixed(), color);
        p.text(cols[6].0, y, size, Align::Right, &line.balance.fixed());
        p.line_styled(left, y + 2.0, right, y + 2.0, 0.2, pdf::GREY, false);
        y += row_h;
    }
    let pages = doc.page_count();
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let code = chain::head(conn, Ledger::Time)?;
    doc.footer_right(8.0, 16.0, &l10n.format("store-chain-code", &[("code", code)]));
    Ok(Printout::new(&l10n.format("file-name-passbook", &[("no", no.to_string())]), doc.finish(), pages))
}
