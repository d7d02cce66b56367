//! Printed rotas: the monthly roster (one calendar per care case, for the hall wall or the
//! recipient's door) and per-volunteer slips to cut out and hand to those without phones.
//! Shift times are printed once per case in a legend, so each day's cell only needs the shift's
//! name and the people: that is what keeps large print legible at a step away.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cases::{get_case, CareCase, CaseId};
use super::slots::{list_month, RotaSlot};
use crate::audit::Actor;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::members::{mask_phone, mask_phones_in, MemberNo, Phones};
use crate::kernel::{Month, Printout};
use crate::pdf::{self, Align, Doc, Paper};

/// How the roster is printed (the buttons: A4, large type, A3 for the wall).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RosterOptions {
    /// Large type for the wall: fewer weeks to a page, bigger names.
    pub large: bool,
    /// A3 instead of A4 (landscape either way).
    pub a3: bool,
    /// Whole phone numbers on the case's volunteers, its family to call and the phone list
    /// (打印完整电话号码), so they can be rung from the door sheet. Masked by default
    /// (138****5678) like everywhere else; asking is a sensitive read (`record`).
    pub full_phones: bool,
}

/// Records the roster's printing in the audit log, before it is made, as an export is recorded:
/// whole phone numbers are a sensitive read, which the permission table refuses to any role but
/// the chair and the secretary (`export_full`), and then nothing is written.
pub fn record(tx: &Transaction, actor: &Actor, month: Month, opts: RosterOptions) -> Result<()> {
    let action = if opts.full_phones { "export_full" } else { "export" };
    crate::audit::record(tx, actor, action, "export", "rota", None::<&()>, Some(&serde_json::json!({ "month": month, "options": opts })))
}

const A3_LANDSCAPE: Paper = Paper { width: 420.0, height: 297.0 };

fn weekday_short(l10n: &Localizer, d: u32) -> String {
    l10n.t(&format!("rota-weekday-short-{}", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(d.clamp(1, 7) - 1) as usize]))
}

fn day_label(l10n: &Localizer, d: NaiveDate) -> String {
    l10n.format("rota-day", &[("month", d.month().to_string()), ("day", d.day().to_string())])
}

fn month_label(l10n: &Localizer, m: Month) -> String {
    l10n.format("rota-month", &[("year", m.year.to_string()), ("month", m.month.to_string())])
}

fn names_of(s: &RotaSlot, l10n: &Localizer) -> (String, bool) {
    let mut names: Vec<String> = s.assigned.iter().map(|a| a.name.clone()).collect();
    let short = s.short();
    if short > 0 {
        names.push(l10n.t("rota-vacant"));
    }
    (names.join(l10n.t("rota-name-sep").as_str()), short > 0)
}

/// The monthly roster as a PDF: per care case, the calendar with each day's shifts and names,
/// the recipient, address, medicines and family to call, the phone list of the case's
/// volunteers, signature lines and page numbers; then the phone list of everyone on duty.
pub fn roster_pdf(conn: &Connection, month: Month, opts: RosterOptions, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let slots = list_month(conn, month, Phones::Whole)?;
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let mut by_case: BTreeMap<CaseId, Vec<&RotaSlot>> = BTreeMap::new();
    for s in &slots {
        by_case.entry(s.case_id).or_default().push(s);
    }
    let mut cases: Vec<CareCase> = by_case.keys().map(|id| get_case(conn, *id, Phones::Whole)).collect::<Result<_>>()?;
    cases.sort_by_key(|c| (c.kind, c.paired.is_some(), c.id));
    let title = l10n.format("rota-roster-title", &[("month", month_label(l10n, month))]);
    let mut doc = Doc::new(&title)?;
    let paper = if opts.a3 { A3_LANDSCAPE } else { pdf::A4_LANDSCAPE };
    let k = paper.width / 297.0; // scale from A4
    let (left, right) = (10.0 * k, paper.width - 10.0 * k);
    let big: f32 = if opts.large { 1.7 } else { 1.0 };

    // Weeks of the month, Monday first.
    let first = month.first_day();
    let lead = first.weekday().num_days_from_monday() as i64;
    let days = (month.last_day() - first).num_days() + 1;
    let weeks = ((lead + days + 6) / 7) as usize;
    let weeks_per_page = if opts.large { 3 } else { weeks };
    let phone_of = |p: &str| if opts.full_phones { p.to_string() } else { mask_phone(p) };

    for c in &cases {
        let case_slots = &by_case[&c.id];
        let mut phones: BTreeMap<MemberNo, (String, String)> = BTreeMap::new();
        for s in case_slots {
            for a in &s.assigned {
                phones.entry(a.member_no).or_insert_with(|| (a.name.clone(), phone_of(&a.phone)));
            }
        }
        let mut week0 = 0;
        while week0 < weeks {
            let rows = weeks_per_page.min(weeks - week0);
            let page = doc.page(paper);
            let mut y = 12.0 * k;
            let head = format!("{}  {}", assoc, title);
            page.text(paper.width / 2.0, y + 2.0, 15.0 * k * big.min(1.3), Align::Center, &head);
            y += 9.0 * k * big.min(1.3);
            let who = l10n.format(
                "rota-roster-case",
                &[
                    ("kind", l10n.t(c.kind.label_id())),
                    ("name", c.recipient_name.clone()),
                    ("no", c.recipient.to_string()),
                    ("address", c.address.clone()),
                ],
            );
            let info_size = 10.5 * k * big.min(1.35);
            page.text(left, y, info_size, Align::Left, &pdf::fit(&who, info_size, right - left));
            y += info_size * 0.45;
            let mut extra = Vec::new();
            if !c.family_to_call.is_empty() {
                // From the case or, failing that, the register's first family contact.
                let family = if opts.full_phones { c.family_to_call.clone() } else { mask_phones_in(&c.family_to_call) };
                extra.push(l10n.format("rota-roster-family", &[("family", family)]));
            }
            if !c.medicines.is_empty() {
                extra.push(l10n.format("rota-roster-medicines", &[("medicines", c.medicines.clone())]));
            }
            if !c.notes.is_empty() {
                extra.push(l10n.format("rota-roster-notes", &[("notes", c.notes.clone())]));
            }
            let small = 8.5 * k * big.min(1.25);
            if !extra.is_empty() {
                page.text(left, y, small, Align::Left, &pdf::fit(&extra.join("　"), small, right - left));
                y += small * 0.45;
            }
            let legend: Vec<String> = c
                .shifts
                .iter()
                .map(|s| {
                    let mut t = format!("{} {}-{}", s.name, s.start.format("%H:%M"), s.end.format("%H:%M"));
                    if s.end <= s.start {
                        t.push_str(&l10n.t("rota-next-day"));
                    }
                    if s.people > 1 {
                        t.push_str(&l10n.format("rota-people", &[("people", s.people.to_string())]));
                    }
                    t
                })
                .collect();
            page.text(left, y, small, Align::Left, &pdf::fit(&format!("{}{}", l10n.t("rota-roster-shifts"), legend.join("；")), small, right - left));
            y += 2.5 * k;

            let list: Vec<String> = phones.values().map(|(n, p)| if p.is_empty() { n.clone() } else { format!("{n} {p}") }).collect();
            let mut line = l10n.t("rota-roster-phones");
            let mut lines = Vec::new();
            for item in list {
                let candidate = format!("{line}{item}　");
                if pdf::text_width(&candidate, small) > right - left {
                    lines.push(std::mem::take(&mut line));
                    line = format!("{item}　");
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
            let max_lines = if opts.large { 2 } else { 3 };
            if lines.len() > max_lines {
                lines.truncate(max_lines);
                if let Some(l) = lines.last_mut() {
                    *l = pdf::fit(&format!("{l}……"), small, right - left);
                }
            }
            let phone_lh = small * 0.42 + 0.8;
            // The grid.
            let head_h = 6.0 * k * big.min(1.3);
            let footer_h = phone_lh * lines.len() as f32 + 21.0 * k;
            let grid_top = y;
            let grid_h = paper.height - grid_top - footer_h - head_h;
            let col_w = (right - left) / 7.0;
            let row_h = grid_h / rows as f32;
            page.rect(left, grid_top, right - left, head_h, Some((pdf::BLACK, 0.6)), Some((0.92, 0.92, 0.92)));
            for d in 1..=7u32 {
                let x = left + col_w * (d - 1) as f32 + col_w / 2.0;
                page.text(x, grid_top + head_h * 0.72, 10.0 * k * big.min(1.3), Align::Center, &weekday_short(l10n, d));
            }
            let top = grid_top + head_h;
            for r in 0..=rows {
                let yy = top + row_h * r as f32;
                page.line(left, yy, right, yy, if r == 0 || r == rows { 0.8 } else { 0.4 });
            }
            for col in 0..=7 {
                let xx = left + col_w * col as f32;
                page.line(xx, grid_top, xx, top + row_h * rows as f32, if col == 0 || col == 7 { 0.8 } else { 0.4 });
            }
            let day_size = if opts.large { 16.0 } else { 10.0 } * k;
            let name_size = if opts.large { 16.0 } else { 9.5 } * k;
            let line_h = name_size * 0.42 + 0.6;
            for r in 0..rows {
                for col in 0..7 {
                    let idx = ((week0 + r) * 7 + col) as i64 - lead;
                    if idx < 0 || idx >= days {
                        continue;
                    }
                    let date = first + chrono::Duration::days(idx);
                    let x = left + col_w * col as f32;
                    let y0 = top + row_h * r as f32;
                    let weekend = col >= 5;
                    page.text_colored(x + 1.2, y0 + day_size * 0.40, day_size, Align::Left, &date.day().to_string(), if weekend { pdf::RED } else { pdf::BLACK });
                    let mut ly = y0 + day_size * 0.40 + line_h + 0.4;
                    let todays: Vec<&&RotaSlot> = case_slots.iter().filter(|s| s.date == date).collect();
                    let room = ((row_h - (ly - y0) + line_h * 0.7) / line_h).floor().max(0.0) as usize;
                    // Each shift is one line when it fits; otherwise its people wrap onto
                    // indented lines, so a name is never cut.
                    let width = col_w - 2.2;
                    let mut vis: Vec<(String, bool)> = Vec::new();
                    for s in &todays {
                        let (names, short) = names_of(s, l10n);
                        let one = format!("{} {}", s.shift, names);
                        if pdf::text_width(&one, name_size) <= width {
                            vis.push((one, short));
                            continue;
                        }
                        let mut people: Vec<String> = s.assigned.iter().map(|a| a.name.clone()).collect();
                        if s.short() > 0 {
                            people.push(l10n.t("rota-vacant"));
                        }
                        let mut cur = s.shift.clone();
                        for p in people {
                            let cand = format!("{cur} {p}");
                            if pdf::text_width(&cand, name_size) <= width || cur.trim().is_empty() {
                                cur = cand;
                            } else {
                                vis.push((cur, short));
                                cur = format!(" {p}");
                            }
                        }
                        vis.push((cur, short));
                    }
                    let total = vis.len();
                    for (i, (text, short)) in vis.into_iter().enumerate() {
                        if i + 1 == room && total > room {
                            page.text_colored(x + 1.2, ly, name_size, Align::Left, &l10n.format("rota-more", &[("n", (total - i).to_string())]), pdf::GREY);
                            break;
                        }
                        page.text_colored(x + 1.2, ly, name_size, Align::Left, &pdf::fit(&text, name_size, width), if short { pdf::RED } else { pdf::BLACK });
                        ly += line_h;
                    }
                }
            }
            // Phone list, signatures.
            let mut fy = top + row_h * rows as f32 + small * 0.45 + 1.5;
            for l in &lines {
                page.text(left, fy, small, Align::Left, l);
                fy += phone_lh;
            }
            let sy = paper.height - 11.5 * k;
            let sign = 10.0 * k * big.min(1.2);
            // The second signature ends well left of the centred page number, in either language
            // and at either size.
            page.signature(left, sy, sign, &l10n.t("pdf-sign-prepared-by"), 28.0 * k);
            page.signature(left + 62.0 * k, sy, sign, &l10n.t("pdf-sign-reviewed-by"), 28.0 * k);
            page.text(right, sy, 8.0 * k, Align::Right, &l10n.format("rota-printed-on", &[("date", today.to_string())]));
            week0 += rows;
        }
    }

    // Everyone on duty this month, with phones: for the secretary's desk.
    let mut people: BTreeMap<MemberNo, (String, String, u32)> = BTreeMap::new();
    for s in &slots {
        for a in &s.assigned {
            people.entry(a.member_no).or_insert_with(|| (a.name.clone(), phone_of(&a.phone), 0)).2 += 1;
        }
    }
    if !people.is_empty() || cases.is_empty() {
        let size = 9.5 * k * big.min(1.4);
        let row = size * 0.42 + 1.6;
        let cols = if opts.large { 2 } else { 3 };
        let col_w = (right - left) / cols as f32;
        let mut rows: Vec<(&MemberNo, &(String, String, u32))> = people.iter().collect();
        rows.sort_by(|a, b| crate::names::keys(&a.1 .0).sort.cmp(&crate::names::keys(&b.1 .0).sort).then(a.0.cmp(b.0)));
        let top = 26.0 * k;
        let per_col = ((paper.height - top - 18.0 * k) / row).floor().max(1.0) as usize;
        let per_page = per_col * cols;
        let mut chunks: Vec<_> = rows.chunks(per_page.max(1)).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        for chunk in chunks {
            let page = doc.page(paper);
            page.text(paper.width / 2.0, 14.0 * k, 15.0 * k * big.min(1.3), Align::Center, &format!("{}  {}", assoc, l10n.format("rota-phone-title", &[("month", month_label(l10n, month))])));
            for (i, (no, (name, phone, n))) in chunk.iter().enumerate() {
                let c = i / per_col;
                let r = i % per_col;
                let x = left + col_w * c as f32;
                let y = top + row * r as f32;
                page.text(x, y, size, Align::Left, &format!("{no}"));
                page.text(x + 12.0 * k * big.min(1.4), y, size, Align::Left, name);
                page.text(x + 40.0 * k * big.min(1.4), y, size, Align::Left, phone);
                page.text(x + col_w - 6.0, y, size, Align::Right, &l10n.format("rota-shift-count", &[("n", n.to_string())]));
                page.line_styled(x, y + 1.4, x + col_w - 4.0, y + 1.4, 0.3, pdf::GREY, false);
            }
        }
    }
    let page_size = 8.0 * k * big.min(1.3);
    doc.number_pages(page_size, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let pages = doc.page_count();
    // 值班表-2026-12.pdf; the wall copies say so (值班表-2026-12-大字.pdf, …-A3.pdf).
    let size = match (opts.a3, opts.large) {
        (true, _) => l10n.t("file-name-roster-a3"),
        (false, true) => l10n.t("file-name-roster-large"),
        _ => String::new(),
    };
    let name = format!("{}-{month}{size}.pdf", l10n.t("file-name-roster"));
    Ok(Printout::new(&name, doc.finish(), pages))
}

/// Per-volunteer slips: a card per person (more when they have many shifts) with their own dates,
/// times, whom and where; six to an A4 page with dashed cut lines.
pub fn slips_pdf(conn: &Connection, month: Month, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let slots = list_month(conn, month, Phones::Masked)?;
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let mut by_person: BTreeMap<MemberNo, (String, String, Vec<&RotaSlot>)> = BTreeMap::new();
    for s in &slots {
        for a in &s.assigned {
            by_person.entry(a.member_no).or_insert_with(|| (a.name.clone(), a.phone.clone(), Vec::new())).2.push(s);
        }
    }
    let mut people: Vec<_> = by_person.into_iter().collect();
    people.sort_by(|a, b| crate::names::keys(&a.1 .0).sort.cmp(&crate::names::keys(&b.1 .0).sort).then(a.0.cmp(&b.0)));
    let title = l10n.format("rota-slips-title", &[("month", month_label(l10n, month))]);
    let mut doc = Doc::new(&title)?;
    let paper = pdf::A4;
    let (cols, rows) = (2usize, 3usize);
    let (mx, my) = (8.0, 10.0);
    let card_w = (paper.width - 2.0 * mx) / cols as f32;
    let card_h = (paper.height - 2.0 * my - 6.0) / rows as f32;
    let size = 11.5;
    let line_h = 6.0;
    let lines_per_card = ((card_h - 22.0) / line_h).floor().max(1.0) as usize;

    // Cards: (name, no, lines, part, parts)
    let mut cards: Vec<(String, MemberNo, String, Vec<String>, usize, usize)> = Vec::new();
    for (no, (name, phone, mine)) in &people {
        let lines: Vec<String> = mine
            .iter()
            .map(|s| {
                let wd = l10n.format("rota-slip-weekday", &[("d", weekday_short(l10n, s.date.weekday().number_from_monday()))]);
                let next = if s.overnight { l10n.t("rota-next-day") } else { String::new() };
                format!("{} {} {}-{}{} {} {} {}", day_label(l10n, s.date), wd, s.start, s.end, next, l10n.t(s.kind.label_id()), s.recipient_name, s.address)
            })
            .collect();
        let parts = lines.len().div_ceil(lines_per_card).max(1);
        for (i, chunk) in lines.chunks(lines_per_card).enumerate() {
            cards.push((name.clone(), *no, phone.clone(), chunk.to_vec(), i + 1, parts));
        }
    }
    let per_page = cols * rows;
    if cards.is_empty() {
        let p = doc.page(paper);
        p.text(paper.width / 2.0, 30.0, 12.0, Align::Center, &format!("{assoc}  {title}"));
        p.text(paper.width / 2.0, 45.0, 11.0, Align::Center, &l10n.t("rota-slips-none"));
    }
    for chunk in cards.chunks(per_page) {
        let page = doc.page(paper);
        // Cut lines between the cards.
        for c in 0..=cols {
            let x = mx + card_w * c as f32;
            page.line_styled(x, my, x, my + card_h * rows as f32, 0.4, pdf::GREY, true);
        }
        for r in 0..=rows {
            let y = my + card_h * r as f32;
            page.line_styled(mx, y, paper.width - mx, y, 0.4, pdf::GREY, true);
        }
        page.text(paper.width - mx, paper.height - 4.0, 7.0, Align::Right, &l10n.t("rota-slips-cut"));
        for (i, (name, no, _phone, lines, part, parts)) in chunk.iter().enumerate() {
            let x = mx + card_w * (i % cols) as f32 + 4.0;
            let y = my + card_h * (i / cols) as f32;
            let w = card_w - 8.0;
            page.text(x, y + 8.5, 14.0, Align::Left, name);
            let mut sub = l10n.format("rota-slip-sub", &[("no", no.to_string()), ("month", month_label(l10n, month))]);
            if *parts > 1 {
                sub.push_str(&l10n.format("rota-slip-part", &[("n", part.to_string()), ("of", parts.to_string())]));
            }
            page.text(x + pdf::text_width(name, 14.0) + 3.0, y + 8.5, 9.0, Align::Left, &pdf::fit(&sub, 9.0, w - pdf::text_width(name, 14.0) - 3.0));
            page.line(x, y + 11.0, x + w, y + 11.0, 0.5);
            let mut ly = y + 16.5;
            for l in lines {
                page.text(x, ly, size, Align::Left, &pdf::fit(l, size, w));
                ly += line_h;
            }
            let foot = format!("{assoc}  {}", l10n.format("rota-printed-on", &[("date", today.to_string())]));
            page.text_colored(x, y + card_h - 3.5, 8.0, Align::Left, &pdf::fit(&foot, 8.0, w), pdf::GREY);
        }
    }
    doc.number_pages(7.5, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    let pages = doc.page_count();
    Ok(Printout::new(&format!("{}-{month}.pdf", l10n.t("file-name-slips")), doc.finish(), pages))
}
