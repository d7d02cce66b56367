//! On paper: a certificate (奖状) for each volunteer commended, A4 landscape — a double border,
//! the large red title, the text centred, the association and the date at the foot with the
//! seal — and the year's list for the annual meeting.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::ranking::Commendation;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::Printout;
use crate::money::receipts::date_label;
use crate::pdf::{self, Align, Doc};

fn association_name(conn: &Connection) -> Result<String> {
    Ok(crate::association::get(conn)?.ok_or_else(|| Error::conflict("error-no-association", vec![]))?.name)
}

/// One certificate per volunteer commended in `c`, one A4 landscape page each.
pub fn certificates_pdf(conn: &Connection, c: &Commendation, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let assoc = association_name(conn)?;
    let commended: Vec<_> = c.lines.iter().filter(|l| l.commended).collect();
    if commended.is_empty() {
        return Err(Error::conflict("error-commend-nobody", vec![("year", c.year.to_string()), ("hours", c.min_hours.to_string())]));
    }
    let title = l10n.t("commend-certificate-title");
    let mut doc = Doc::new(&title)?;
    let (w, h) = (297.0, 210.0);
    let red = pdf::RED;
    for l in &commended {
        let p = doc.page(pdf::A4_LANDSCAPE);
        p.rect(9.0, 9.0, w - 18.0, h - 18.0, Some((red, 2.4)), None);
        p.rect(14.0, 14.0, w - 28.0, h - 28.0, Some((red, 0.8)), None);
        p.text_colored(w / 2.0, 52.0, 46.0, Align::Center, &title, red);
        p.text(40.0, 82.0, 20.0, Align::Left, &l10n.format("commend-certificate-to", &[("name", l.name.clone())]));
        let body = l10n.format(
            if l.services > 0 { "commend-certificate-body" } else { "commend-certificate-body-hours" },
            &[("year", c.year.to_string()), ("hours", l.hours.to_string()), ("services", l.services.to_string())],
        );
        let mut y = 100.0;
        for line in pdf::wrap(&body, 18.0, 220.0) {
            p.text(w / 2.0, y, 18.0, Align::Center, &line);
            y += 11.0;
        }
        p.text(w / 2.0, y + 4.0, 18.0, Align::Center, &l10n.t("commend-certificate-close"));
        p.text(250.0, 168.0, 15.0, Align::Right, &pdf::fit(&assoc, 15.0, 120.0));
        p.text(250.0, 180.0, 14.0, Align::Right, &date_label(l10n, today));
        p.circle(228.0, 168.0, 17.0, red, true);
    }
    let pages = doc.page_count();
    let name = l10n.format("file-name-commend-certificates", &[("year", c.year.to_string()), ("count", pages.to_string())]);
    Ok(Printout::new(&name, doc.finish(), pages))
}

/// The year's list for the annual meeting: rank, number, name, group, hours, services, and who
/// is commended, A4 portrait.
pub fn list_pdf(conn: &Connection, c: &Commendation, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let assoc = association_name(conn)?;
    let title = l10n.format("commend-list-title", &[("year", c.year.to_string())]);
    let subtitle = format!("{assoc}　{}", l10n.format("commend-list-threshold", &[("hours", c.min_hours.to_string())]));
    let cols: [(f32, Align, String); 7] = [
        (18.0, Align::Left, l10n.t("commend-col-rank")),
        (32.0, Align::Left, l10n.t("commend-col-no")),
        (48.0, Align::Left, l10n.t("commend-col-name")),
        (84.0, Align::Left, l10n.t("commend-col-group")),
        (135.0, Align::Right, l10n.t("commend-col-hours")),
        (160.0, Align::Right, l10n.t("commend-col-services")),
        (166.0, Align::Left, l10n.t("commend-col-title")),
    ];
    let mut doc = Doc::new(&title)?;
    let top = |doc: &mut Doc| -> f32 {
        let p = doc.page(pdf::A4);
        p.text(105.0, 22.0, 18.0, Align::Center, &title);
        p.text(105.0, 30.0, 10.5, Align::Center, &subtitle);
        for (x, a, hd) in &cols {
            p.text_colored(*x, 42.0, 9.5, *a, hd, pdf::GREY);
        }
        p.line(16.0, 44.0, 194.0, 44.0, 0.5);
        51.0
    };
    let mut y = top(&mut doc);
    if c.lines.is_empty() {
        if let Some(p) = doc.pages_mut().last_mut() {
            p.text(18.0, y, 11.0, Align::Left, &l10n.t("commend-list-none"));
        }
        y += 8.0;
    }
    for l in &c.lines {
        if y > 272.0 {
            y = top(&mut doc);
        }
        let Some(p) = doc.pages_mut().last_mut() else { break };
        let vals = [
            l.rank.to_string(),
            l.member_no.to_string(),
            pdf::fit(&l.name, 10.5, 34.0),
            pdf::fit(&l.village_group, 10.5, 30.0),
            l.hours.fixed(),
            l.services.to_string(),
            if l.commended { l10n.t("commend-title-excellent") } else { String::new() },
        ];
        for ((x, a, _), v) in cols.iter().zip(vals.iter()) {
            p.text(*x, y, 10.5, *a, v);
        }
        y += 7.0;
    }
    if let Some(p) = doc.pages_mut().last_mut() {
        let count = c.lines.iter().filter(|l| l.commended).count();
        p.text(18.0, y + 4.0, 11.0, Align::Left, &l10n.format("commend-list-total", &[("count", count.to_string())]));
        let sy = (y + 20.0).min(282.0);
        p.signature(18.0, sy, 10.0, &l10n.t("pdf-sign-prepared-by"), 30.0);
        p.signature(80.0, sy, 10.0, &l10n.t("pdf-sign-reviewed-by"), 30.0);
        p.text(194.0, sy, 10.0, Align::Right, &l10n.format("money-printed-on", &[("date", today.to_string())]));
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let pages = doc.page_count();
    Ok(Printout::new(&format!("{title}.pdf"), doc.finish(), pages))
}
