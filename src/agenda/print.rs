//! The month at a glance on one A4 page, for the association's monthly meeting: the key figures
//! in boxes across the top, then each list in two columns, cut to what fits (with how many more
//! there are), so the page never runs over.

use chrono::Datelike;
use rusqlite::Connection;

use super::glance::{agenda, Agenda};
use crate::backup::BackupStatus;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Month;
use crate::money::receipts::date_label;
use crate::kernel::Printout;
use crate::pdf::{self, Align, Doc, Page};

const LEFT: f32 = 15.0;
const RIGHT: f32 = 195.0;
const COLUMN: f32 = 90.0;
const LINE: f32 = 5.4;

struct Sheet<'a> {
    page: &'a mut Page,
    y: f32,
    l10n: &'a Localizer,
}

impl Sheet<'_> {
    /// A heading, then the items two to a row, at most `rows` rows; what does not fit is
    /// counted in a last line.
    fn section(&mut self, heading: &str, items: &[String], rows: usize) {
        self.heading(heading);
        if items.is_empty() {
            self.y += LINE;
            self.page.text_colored(LEFT + 2.0, self.y, 9.5, Align::Left, &self.l10n.t("agenda-none"), pdf::GREY);
            return;
        }
        let shown = items.len().min(rows * 2);
        for (i, item) in items.iter().take(shown).enumerate() {
            if i % 2 == 0 {
                self.y += LINE;
            }
            let x = LEFT + 2.0 + (i % 2) as f32 * COLUMN;
            self.page.text(x, self.y, 9.5, Align::Left, &pdf::fit(item, 9.5, COLUMN - 4.0));
        }
        if items.len() > shown {
            self.y += LINE;
            let more = self.l10n.format("agenda-more", &[("count", (items.len() - shown).to_string())]);
            self.page.text_colored(LEFT + 2.0, self.y, 9.0, Align::Left, &more, pdf::GREY);
        }
    }

    fn heading(&mut self, heading: &str) {
        self.y += 7.5;
        self.page.text(LEFT, self.y, 11.5, Align::Left, heading);
        self.page.line(LEFT, self.y + 1.6, RIGHT, self.y + 1.6, 0.4);
        self.y += 1.6;
    }

    /// One line under a heading of its own (totals, a note).
    fn note(&mut self, text: &str) {
        self.y += LINE;
        self.page.text(LEFT + 2.0, self.y, 9.5, Align::Left, &pdf::fit(text, 9.5, RIGHT - LEFT - 4.0));
    }
}

fn day(l10n: &Localizer, d: chrono::NaiveDate) -> String {
    l10n.format("welfare-day", &[("month", d.month().to_string()), ("day", d.day().to_string())])
}

fn who(name: &str, no: impl std::fmt::Display) -> String {
    format!("{name}({no})")
}

/// The agenda of `month` as one A4 page.
pub fn agenda_pdf(conn: &Connection, month: Month, l10n: &Localizer, today: chrono::NaiveDate, backup: Option<&BackupStatus>) -> Result<Printout> {
    let a = agenda(conn, month, today, backup)?;
    let name = l10n.format("file-name-agenda", &[("month", month.to_string())]);
    // Always one page: every list is cut to what fits.
    Ok(Printout::new(&name, render(&a, l10n)?, 1))
}

fn render(a: &Agenda, l10n: &Localizer) -> Result<Vec<u8>> {
    let t = |id: &str| l10n.t(id);
    let f = |id: &str, args: &[(&str, String)]| l10n.format(id, args);
    let title = f("agenda-title", &[("year", a.month.year.to_string()), ("month", a.month.month.to_string())]);
    let mut doc = Doc::new(&title)?;
    let page = doc.page(pdf::A4);
    page.text(105.0, 18.0, 18.0, Align::Center, &title);
    page.text(105.0, 25.5, 10.0, Align::Center, &a.association);
    page.text_colored(RIGHT, 25.5, 8.5, Align::Right, &f("money-printed-on", &[("date", a.today.to_string())]), pdf::GREY);

    // The figures the meeting asks for first.
    let decades = a.birthdays.iter().filter(|b| b.decade).count();
    let short: u32 = a.shifts.iter().flat_map(|s| s.short.iter()).map(|s| s.short).sum();
    let boxes = [
        (t("agenda-box-cash"), a.cash_balance.yuan()),
        (
            t("agenda-box-dues"),
            match &a.dues {
                Some(d) => f("agenda-box-dues-value", &[("people", d.people.to_string()), ("total", d.total.yuan())]),
                None => t("agenda-dues-no-policy-short"),
            },
        ),
        (t("agenda-box-birthdays"), f("agenda-box-birthdays-value", &[("count", a.birthdays.len().to_string()), ("decades", decades.to_string())])),
        (t("agenda-box-hospital"), f("agenda-box-people", &[("count", a.in_hospital.len().to_string())])),
        (t("agenda-box-short"), f("agenda-box-short-value", &[("count", short.to_string())])),
    ];
    let w = (RIGHT - LEFT) / boxes.len() as f32;
    for (i, (label, value)) in boxes.iter().enumerate() {
        let x = LEFT + i as f32 * w;
        page.rect(x + 1.0, 31.0, w - 2.0, 17.0, Some((pdf::GREY, 0.5)), None);
        page.text_colored(x + w / 2.0, 37.0, 9.0, Align::Center, label, pdf::GREY);
        page.text(x + w / 2.0, 44.5, 11.0, Align::Center, &pdf::fit(value, 11.0, w - 4.0));
    }

    let mut s = Sheet { page, y: 50.0, l10n };
    let birthdays: Vec<String> = a
        .birthdays
        .iter()
        .map(|b| {
            let age = b.age.map(|n| f("agenda-age", &[("age", n.to_string())])).unwrap_or_default();
            let mark = if b.decade { format!(" {}", t("welfare-decade-mark")) } else { String::new() };
            format!("{} {} {}{}", day(l10n, b.date), who(&b.name, b.member_no), age, mark)
        })
        .collect();
    s.section(&f("agenda-birthdays", &[("count", a.birthdays.len().to_string()), ("decades", decades.to_string())]), &birthdays, 5);

    let deaths: Vec<String> = a
        .unpaid_deaths
        .iter()
        .map(|d| {
            let proposed = d.proposed.map(|p| f("agenda-proposed", &[("amount", p.yuan())])).unwrap_or_default();
            format!("{} {} {}", who(&d.name, d.member_no), f("agenda-died-on", &[("date", date_label(l10n, d.date))]), proposed)
        })
        .collect();
    s.section(&t("agenda-deaths"), &deaths, 2);

    let hospital: Vec<String> = a
        .in_hospital
        .iter()
        .map(|h| format!("{} {} {}", who(&h.name, h.member_no), h.hospital, f("agenda-hospital-days", &[("days", (h.days + 1).to_string())])))
        .collect();
    s.section(&t("agenda-hospital"), &hospital, 2);

    match &a.dues {
        Some(d) => {
            let owing: Vec<String> = d.owing.iter().map(|o| format!("{} {} {}", who(&o.name, o.member_no), o.village_group, o.owed.yuan())).collect();
            s.section(&f("agenda-dues", &[("year", d.year.to_string()), ("people", d.people.to_string()), ("total", d.total.yuan())]), &owing, 3);
        }
        None => {
            s.heading(&f("agenda-dues-title", &[("year", a.month.year.to_string())]));
            s.note(&f("agenda-dues-no-policy", &[("year", a.month.year.to_string())]));
        }
    }

    let mut shifts = Vec::new();
    for m in &a.shifts {
        if !m.generated {
            shifts.push(f("agenda-shifts-not-generated", &[("month", m.month.month.to_string())]));
        }
        for sl in &m.short {
            shifts.push(format!(
                "{} {}-{} {} {} {}",
                day(l10n, sl.date),
                sl.start,
                sl.end,
                sl.shift,
                sl.recipient_name,
                f("agenda-short-by", &[("count", sl.short.to_string())])
            ));
        }
    }
    s.section(&t("agenda-shifts"), &shifts, 3);

    let overdue: Vec<String> = a
        .overdue
        .iter()
        .map(|o| {
            let since = match o.days {
                Some(d) => f("agenda-overdue-days", &[("days", d.to_string())]),
                None => t("agenda-overdue-never"),
            };
            format!("{} {}", who(&o.name, o.member_no), since)
        })
        .collect();
    s.section(&f("agenda-overdue", &[("days", a.overdue_days.to_string())]), &overdue, 2);

    let festivals: Vec<String> = a
        .festivals
        .iter()
        .map(|fe| {
            f(
                "agenda-festival",
                &[
                    ("festival", t(fe.festival.label_id())),
                    ("date", date_label(l10n, fe.date)),
                    ("days", fe.days_to_go.to_string()),
                    ("eligible", fe.eligible.to_string()),
                    ("total", fe.total.yuan()),
                    ("paid", fe.paid.to_string()),
                ],
            )
        })
        .collect();
    // One festival to a line: its sentence is too long for half the page.
    s.heading(&t("agenda-festivals"));
    for line in &festivals {
        s.note(line);
    }

    if let Some(b) = &a.backup {
        let never = t("agenda-backup-never");
        s.heading(&t("agenda-backup"));
        s.note(&f(
            "agenda-backup-value",
            &[("last", b.last_backup.clone().unwrap_or_else(|| never.clone())), ("usb", b.last_usb_backup.clone().unwrap_or(never))],
        ));
    }

    let sy = (s.y + 14.0).min(284.0);
    s.page.signature(LEFT, sy, 10.0, &t("pdf-sign-prepared-by"), 30.0);
    s.page.signature(80.0, sy, 10.0, &t("pdf-sign-reviewed-by"), 30.0);
    Ok(doc.finish())
}
