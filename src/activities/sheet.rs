//! The sign-in sheet (签到表) printed before an activity: one line per person expected (those
//! ticked already, else every active member, by village group), with a wide column to sign in,
//! and blank lines at the end for guests who are not on the register.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::activity::{get, ActivityId};
use super::attendance::{attendees, Attendee};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::Printout;
use crate::members::MemberNo;
use crate::pdf::{self, Align, Doc};

/// Blank lines after the names, for guests.
const GUEST_LINES: usize = 8;

fn expected(conn: &Connection, id: ActivityId) -> Result<Vec<Attendee>> {
    let ticked = attendees(conn, id)?;
    if !ticked.is_empty() {
        return Ok(ticked);
    }
    let mut stmt = conn.prepare(
        "SELECT member_no, name, village_group FROM person WHERE is_member = 1 AND status = 'active'
         ORDER BY village_group, member_no",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(Attendee { member_no: MemberNo(r.get(0)?), name: r.get(1)?, village_group: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The sign-in sheet of an activity, A4 portrait, as many pages as the names need.
pub fn sheet_pdf(conn: &Connection, id: ActivityId, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let a = get(conn, id)?;
    let assoc = crate::association::get(conn)?.ok_or_else(|| Error::conflict("error-no-association", vec![]))?.name;
    let people = expected(conn, id)?;
    let title = l10n.format("activity-sheet-title", &[("name", a.name.clone())]);
    let when = l10n.format(
        if a.place.is_empty() { "activity-sheet-when" } else { "activity-sheet-when-where" },
        &[("date", a.date.to_string()), ("place", a.place.clone()), ("kind", l10n.t(a.kind.label_id()))],
    );
    let cols: [(f32, Align, String, f32); 5] = [
        (18.0, Align::Left, l10n.t("activity-col-seq"), 10.0),
        (30.0, Align::Left, l10n.t("activity-col-no"), 14.0),
        (46.0, Align::Left, l10n.t("activity-col-name"), 30.0),
        (80.0, Align::Left, l10n.t("activity-col-group"), 26.0),
        (110.0, Align::Left, l10n.t("activity-col-sign"), 80.0),
    ];
    let row_h = 11.0;
    let mut doc = Doc::new(&title)?;
    let top = |doc: &mut Doc| -> f32 {
        let page = doc.page(pdf::A4);
        page.text(105.0, 20.0, 18.0, Align::Center, &pdf::fit(&title, 18.0, 170.0));
        page.text(105.0, 28.0, 10.5, Align::Center, &pdf::fit(&format!("{assoc}　{when}"), 10.5, 180.0));
        let y = 40.0;
        for (x, al, h, _) in &cols {
            page.text_colored(*x, y, 10.0, *al, h, pdf::GREY);
        }
        page.line(16.0, y + 2.5, 194.0, y + 2.5, 0.6);
        y + 2.5
    };
    let mut y = top(&mut doc);
    let lines = people.len() + GUEST_LINES;
    for i in 0..lines {
        if y + row_h > 275.0 {
            y = top(&mut doc);
        }
        let Some(page) = doc.pages_mut().last_mut() else { break };
        let base = y + row_h - 3.5;
        page.text(18.0, base, 11.0, Align::Left, &(i + 1).to_string());
        if let Some(p) = people.get(i) {
            let vals = [p.member_no.to_string(), p.name.clone(), p.village_group.clone()];
            for ((x, al, _, w), v) in cols[1..4].iter().zip(vals.iter()) {
                page.text(*x, base, 12.0, *al, &pdf::fit(v, 12.0, *w));
            }
        }
        y += row_h;
        page.line_styled(16.0, y, 194.0, y, 0.3, pdf::GREY, false);
    }
    if let Some(page) = doc.pages_mut().last_mut() {
        let sy = (y + 14.0).min(284.0);
        page.text(18.0, sy, 10.5, Align::Left, &l10n.format("activity-sheet-total", &[("count", people.len().to_string())]));
        page.signature(90.0, sy, 10.0, &l10n.t("pdf-sign-prepared-by"), 30.0);
        page.text(194.0, sy, 10.0, Align::Right, &l10n.format("money-printed-on", &[("date", today.to_string())]));
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let pages = doc.page_count();
    let name = l10n.format("file-name-activity-sheet", &[("name", a.name.clone()), ("date", a.date.to_string())]);
    Ok(Printout::new(&name, doc.finish(), pages))
}
