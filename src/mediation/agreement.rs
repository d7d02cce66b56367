//! The mediation agreement (调解协议书) on A4: the association and the case number, the parties
//! (甲方, 乙方…), what the dispute was about, the terms the secretary typed (wrapped, each
//! paragraph kept), and a signature line for each party and the mediator, with the date and the
//! seal. The terms are given at printing, not stored: the signed paper is the record.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::cases::{get, MediationId};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::{fields, Printout};
use crate::money::receipts::date_label;
use crate::pdf::{self, Align, Doc};

/// The agreement of case `id` with the `terms` as typed.
pub fn agreement_pdf(conn: &Connection, id: MediationId, terms: &str, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let case = get(conn, id)?;
    // Terms run over several lines (one clause a line), so `note`, which keeps line breaks.
    let terms = fields::note("terms", terms, 4000)?;
    if terms.is_empty() {
        return Err(Error::invalid("terms", "error-mediation-terms-required"));
    }
    let assoc = crate::association::get(conn)?.ok_or_else(|| Error::conflict("error-no-association", vec![]))?.name;
    let title = l10n.t("mediation-agreement-title");
    let mut doc = Doc::new(&title)?;
    let (left, right) = (25.0, 185.0);
    let width = right - left;
    let size = 12.0;
    let line_h = 7.5;
    let new_page = |doc: &mut Doc| -> f32 {
        let p = doc.page(pdf::A4);
        p.text(105.0, 28.0, 20.0, Align::Center, &title);
        p.text(105.0, 37.0, 11.0, Align::Center, &pdf::fit(&assoc, 11.0, 150.0));
        p.text(right, 45.0, 10.0, Align::Right, &l10n.format("mediation-agreement-no", &[("id", format!("{:04}", id.0))]));
        55.0
    };
    let mut y = new_page(&mut doc);
    let mut lines: Vec<(f32, String, f32)> = Vec::new(); // (indent, text, size)
    for (i, p) in case.line.parties.iter().enumerate() {
        let who = match p.member_no {
            Some(no) => l10n.format("mediation-party-member", &[("name", p.name.clone()), ("no", no.to_string())]),
            None => p.name.clone(),
        };
        lines.push((0.0, format!("{}{}", party_label(l10n, i), who), size));
    }
    lines.push((0.0, String::new(), size));
    lines.push((0.0, l10n.format("mediation-agreement-about", &[("about", l10n.t(case.line.about.label_id()))]), size));
    lines.push((0.0, l10n.t("mediation-agreement-terms"), size));
    for para in terms.lines() {
        for l in pdf::wrap(para.trim(), size, width - 8.0) {
            lines.push((8.0, l, size));
        }
    }
    lines.push((0.0, String::new(), size));
    lines.push((0.0, l10n.t("mediation-agreement-copies"), 10.5));
    for (indent, text, s) in &lines {
        if y > 250.0 {
            y = new_page(&mut doc);
        }
        if let Some(p) = doc.pages_mut().last_mut() {
            p.text(left + indent, y, *s, Align::Left, text);
        }
        y += line_h;
    }
    // A signature line for each party, then the mediator, two to a row.
    let mut signers: Vec<String> = (0..case.line.parties.len()).map(|i| l10n.format("mediation-sign-party", &[("mark", party_mark(l10n, i))])).collect();
    signers.push(l10n.t("mediation-sign-mediator"));
    let rows = signers.len().div_ceil(2) as f32;
    if y + rows * 16.0 + 34.0 > 285.0 {
        y = new_page(&mut doc);
    }
    y += 10.0;
    if let Some(p) = doc.pages_mut().last_mut() {
        for (i, s) in signers.iter().enumerate() {
            let x = if i % 2 == 0 { left } else { left + width / 2.0 + 5.0 };
            p.signature(x, y, 11.5, s, 42.0);
            if i % 2 == 1 || i + 1 == signers.len() {
                y += 16.0;
            }
        }
        y += 6.0;
        p.text(right, y, 11.5, Align::Right, &date_label(l10n, today));
        p.text(left, y, 11.5, Align::Left, &l10n.t("pdf-sign-seal"));
        p.circle(left + 42.0, y - 4.0, 14.0, pdf::GREY, true);
        if !case.line.mediator.is_empty() {
            p.text(left, y + 10.0, 10.0, Align::Left, &l10n.format("mediation-agreement-mediator", &[("name", case.line.mediator.clone())]));
        }
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let pages = doc.page_count();
    let name = l10n.format("file-name-mediation-agreement", &[("id", format!("{:04}", id.0))]);
    Ok(Printout::new(&name, doc.finish(), pages))
}

/// 甲方： / 乙方： … (Party A:, B: …).
fn party_label(l10n: &Localizer, i: usize) -> String {
    l10n.format("mediation-party-label", &[("mark", party_mark(l10n, i))])
}

/// 甲, 乙, 丙 … (A, B, C …).
fn party_mark(l10n: &Localizer, i: usize) -> String {
    const ZH: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    if l10n.lang() == crate::i18n::Lang::ZhCn {
        ZH.get(i).map(|s| s.to_string()).unwrap_or_else(|| (i + 1).to_string())
    } else {
        char::from_u32('A' as u32 + i as u32).map(|c| c.to_string()).unwrap_or_default()
    }
}
