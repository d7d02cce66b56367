//! The list of the very old (高龄名单): everyone in the register at or over an age (80 by default)
//! in 周岁 on a date, with 序号 姓名 性别 身份证号码 出生日期 年龄 组别 住址 联系电话 备注, as the village
//! passes it up for the old-age allowance (高龄津贴); and, given an earlier date, what changed
//! since: newly of age, newly registered, died, left. ID numbers and phones are masked unless the
//! full numbers are asked for (DESIGN.md: privacy), as on every other list.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use rust_xlsxwriter::{Format, FormatBorder, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::register::{self, Someone};
use crate::association;
use crate::calendar;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::id_card;
use crate::kernel::{fields, Gender};
use crate::members::{mask_phone, MemberNo, Status};
use crate::money::statements::xlsx_err;
use crate::pdf::{self, Align, Doc};

pub const DEFAULT_AGE: u32 = 80;

/// The list's form, as typed: the age (empty for 80), the date (empty for today), the earlier
/// date to compare with (may be empty), and whether ID numbers and phones are printed in full.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct EldersInput {
    pub age: String,
    pub as_of: String,
    pub since: String,
    pub full_id: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElderLine {
    pub member_no: MemberNo,
    pub name: String,
    pub gender: Option<Gender>,
    /// Masked (110101********1234) unless the full numbers were asked for.
    pub id_card: String,
    pub birth: NaiveDate,
    pub age: u32,
    pub group: String,
    pub address: String,
    pub phone: String,
    pub remark: String,
}

/// Why someone is on one list and not on the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ElderChangeKind {
    /// Reached the age since the earlier date.
    CameOfAge,
    /// Entered in the register since, already of age.
    Registered,
    Died,
    Left,
}

impl ElderChangeKind {
    fn label_id(self) -> &'static str {
        match self {
            ElderChangeKind::CameOfAge => "elders-change-came-of-age",
            ElderChangeKind::Registered => "elders-change-registered",
            ElderChangeKind::Died => "elders-change-died",
            ElderChangeKind::Left => "elders-change-left",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElderChange {
    pub kind: ElderChangeKind,
    pub member_no: MemberNo,
    pub name: String,
    pub group: String,
    /// The birthday on which they came of age, the day they were registered, died or left.
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EldersList {
    pub age: u32,
    pub as_of: NaiveDate,
    pub since: Option<NaiveDate>,
    pub full_id: bool,
    pub lines: Vec<ElderLine>,
    pub changes: Vec<ElderChange>,
}

/// Reads the form: age 1-150 (default 80), dates as YYYY-MM-DD, `since` before `as_of`.
pub fn build_input(conn: &Connection, input: &EldersInput, today: NaiveDate) -> Result<EldersList> {
    let age = if input.age.trim().is_empty() {
        DEFAULT_AGE
    } else {
        fields::whole("age", &input.age, 1..=150, "error-elders-age-invalid")? as u32
    };
    let as_of = fields::date_or("as_of", &input.as_of, today)?;
    let since = fields::optional_date("since", &input.since)?;
    build(conn, age, as_of, since, input.full_id)
}

fn on_list(p: &Someone, age: u32, d: NaiveDate) -> bool {
    p.present_on(d) && p.birth.is_some_and(|b| calendar::age(b, d) >= age)
}

/// The day someone born on `birth` turns `age` (29 February birthdays turn on 1 March in other
/// years, as 周岁 counts them).
fn birthday(birth: NaiveDate, age: u32) -> Option<NaiveDate> {
    let y = birth.year() + age as i32;
    NaiveDate::from_ymd_opt(y, birth.month(), birth.day()).or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
}

pub fn build(conn: &Connection, age: u32, as_of: NaiveDate, since: Option<NaiveDate>, full_id: bool) -> Result<EldersList> {
    if since.is_some_and(|s| s >= as_of) {
        return Err(Error::invalid("since", "error-elders-since-after"));
    }
    let people = register::everyone(conn)?;
    let mut changes = Vec::new();
    if let Some(since) = since {
        for p in &people {
            let (then, now) = (on_list(p, age, since), on_list(p, age, as_of));
            let change = |kind, date| ElderChange { kind, member_no: p.member_no, name: p.name.clone(), group: p.group.clone(), date };
            match (then, now) {
                (false, true) if p.present_on(since) => changes.push(change(ElderChangeKind::CameOfAge, p.birth.and_then(|b| birthday(b, age)))),
                (false, true) => changes.push(change(ElderChangeKind::Registered, p.history.first().map(|h| h.0))),
                (true, false) => {
                    if let Some(d) = p.became(Status::Deceased, since, as_of) {
                        changes.push(change(ElderChangeKind::Died, Some(d)));
                    } else if let Some(d) = p.became(Status::Left, since, as_of) {
                        changes.push(change(ElderChangeKind::Left, Some(d)));
                    }
                }
                _ => {}
            }
        }
        changes.sort_by_key(|c| (c.kind as u8, c.date, c.member_no));
    }
    let mut on: Vec<&Someone> = people.iter().filter(|p| on_list(p, age, as_of)).collect();
    // By group as the village counts them, then the oldest first.
    on.sort_by_key(|p| (p.group.is_empty(), super::work::group_order(&p.group), p.group.clone(), p.birth, p.member_no));
    let lines = on
        .into_iter()
        .filter_map(|p| {
            let birth = p.birth?;
            let remark = changes
                .iter()
                .find(|c| c.member_no == p.member_no)
                .map(|c| c.kind.label_id().to_string())
                .or_else(|| (p.status_on(as_of) == Some(Status::Suspended)).then(|| Status::Suspended.label_id().to_string()))
                .unwrap_or_default();
            Some(ElderLine {
                member_no: p.member_no,
                name: p.name.clone(),
                gender: p.gender,
                id_card: p.id_card.as_deref().map(|n| if full_id { n.to_string() } else { id_card::mask(n) }).unwrap_or_default(),
                birth,
                age: calendar::age(birth, as_of),
                group: p.group.clone(),
                address: p.address.clone(),
                phone: if full_id { p.phone.clone() } else { mask_phone(&p.phone) },
                // A message id for now; `remark_text` gives it in the list's language.
                remark,
            })
        })
        .collect();
    Ok(EldersList { age, as_of, since, full_id, lines, changes })
}

fn remark_text(id: &str, age: u32, l10n: &Localizer) -> String {
    if id.is_empty() {
        String::new()
    } else {
        l10n.format(id, &[("age", age.to_string())])
    }
}

fn gender_text(g: Option<Gender>, l10n: &Localizer) -> String {
    g.map(|g| l10n.t(g.label_id())).unwrap_or_default()
}

/// Column headings (message ids) and widths in mm on A4 landscape.
const COLUMNS: [(&str, f32); 10] = [
    ("elders-col-no", 11.0),
    ("elders-col-name", 22.0),
    ("elders-col-gender", 15.0),
    ("elders-col-id-card", 44.0),
    ("elders-col-birth", 23.0),
    ("elders-col-age", 11.0),
    ("elders-col-group", 19.0),
    ("elders-col-address", 54.0),
    ("elders-col-phone", 28.0),
    ("elders-col-remark", 42.0),
];

fn cells(i: usize, e: &ElderLine, age: u32, l10n: &Localizer) -> [String; 10] {
    [
        (i + 1).to_string(),
        e.name.clone(),
        gender_text(e.gender, l10n),
        e.id_card.clone(),
        e.birth.to_string(),
        e.age.to_string(),
        e.group.clone(),
        e.address.clone(),
        e.phone.clone(),
        remark_text(&e.remark, age, l10n),
    ]
}

pub fn title(list: &EldersList, l10n: &Localizer) -> String {
    l10n.format("elders-title", &[("age", list.age.to_string())])
}

/// The title under the association's name, as the page and the sheet head it.
fn heading(assoc: &str, list: &EldersList, l10n: &Localizer) -> String {
    l10n.format("elders-heading", &[("association", assoc.to_string()), ("title", title(list, l10n))])
}

pub fn pdf(conn: &Connection, list: &EldersList, l10n: &Localizer, today: NaiveDate) -> Result<Vec<u8>> {
    let assoc = association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let title = title(list, l10n);
    let mut doc = Doc::new(&format!("{assoc} {title}"))?;
    let paper = pdf::A4_LANDSCAPE;
    let left = 14.0;
    let right = left + COLUMNS.iter().map(|c| c.1).sum::<f32>();
    let (size, row_h, bottom) = (10.0, 7.2, paper.height - 16.0);
    let summary = l10n.format("elders-summary", &[("date", list.as_of.to_string()), ("count", list.lines.len().to_string())]);
    let header = |doc: &mut Doc, first: bool| -> f32 {
        let p = doc.page(paper);
        let mut y = 16.0;
        if first {
            p.text(paper.width / 2.0, y + 2.0, 18.0, Align::Center, &heading(&assoc, list, l10n));
            y += 10.0;
            p.text(paper.width / 2.0, y, 11.0, Align::Center, &summary);
            y += 8.0;
        } else {
            p.text_colored(left, y, 9.0, Align::Left, &format!("{}  {summary}", heading(&assoc, list, l10n)), pdf::GREY);
            y += 6.0;
        }
        p.rect(left, y - 4.8, right - left, row_h, Some((pdf::BLACK, 0.6)), Some((0.92, 0.92, 0.92)));
        let mut x = left;
        for (id, w) in COLUMNS {
            p.text(x + w / 2.0, y, size, Align::Center, &l10n.t(id));
            x += w;
        }
        y + row_h
    };
    let mut y = header(&mut doc, true);
    for (i, e) in list.lines.iter().enumerate() {
        if y > bottom {
            y = header(&mut doc, false);
        }
        let Some(p) = doc.pages_mut().last_mut() else { break };
        let mut x = left;
        for (c, text) in cells(i, e, list.age, l10n).iter().enumerate() {
            let w = COLUMNS[c].1;
            let centred = matches!(c, 0 | 2 | 4 | 5);
            let t = pdf::fit(text, size, w - 2.0);
            if centred {
                p.text(x + w / 2.0, y, size, Align::Center, &t);
            } else {
                p.text(x + 1.0, y, size, Align::Left, &t);
            }
            x += w;
        }
        p.line_styled(left, y + 2.4, right, y + 2.4, 0.3, pdf::GREY, false);
        y += row_h;
    }
    if list.lines.is_empty() {
        if let Some(p) = doc.pages_mut().last_mut() {
            p.text(left + 2.0, y, size, Align::Left, &l10n.t("elders-none"));
        }
        y += row_h;
    }
    // What changed since the earlier date, one paragraph per kind of change.
    if let Some(since) = list.since {
        y += 6.0;
        let heading = l10n.format("elders-changes", &[("since", since.to_string()), ("date", list.as_of.to_string())]);
        let mut blocks = vec![heading];
        for kind in [ElderChangeKind::CameOfAge, ElderChangeKind::Registered, ElderChangeKind::Died, ElderChangeKind::Left] {
            let of: Vec<String> = list
                .changes
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| match c.date {
                    Some(d) => format!("{}（{}）", c.name, d),
                    None => c.name.clone(),
                })
                .collect();
            let label = l10n.format(kind.label_id(), &[("age", list.age.to_string())]);
            let names = if of.is_empty() { l10n.t("elders-change-nobody") } else { of.join("、") };
            blocks.push(l10n.format("elders-change-line", &[("kind", label), ("count", of.len().to_string()), ("names", names)]));
        }
        for (b, block) in blocks.iter().enumerate() {
            let sz = if b == 0 { 11.0 } else { 10.0 };
            for line in pdf::wrap(block, sz, right - left) {
                if y > bottom {
                    y = header(&mut doc, false);
                }
                if let Some(p) = doc.pages_mut().last_mut() {
                    p.text(left, y, sz, Align::Left, &line);
                }
                y += sz * 0.62;
            }
            y += 1.5;
        }
    }
    if y + 16.0 > paper.height - 12.0 {
        y = header(&mut doc, false);
    }
    if let Some(p) = doc.pages_mut().last_mut() {
        let y = y + 10.0;
        p.signature(left, y, 10.5, &l10n.t("pdf-sign-prepared-by"), 32.0);
        p.signature(left + 80.0, y, 10.5, &l10n.t("pdf-sign-reviewed-by"), 32.0);
        p.text(left + 160.0, y, 10.5, Align::Left, &l10n.t("pdf-sign-seal"));
        p.text(right, y, 10.0, Align::Right, &l10n.format("money-printed-on", &[("date", today.to_string())]));
    }
    doc.number_pages(8.0, |n, of| l10n.format("pdf-page-n-of", &[("n", n.to_string()), ("of", of.to_string())]));
    Ok(doc.finish())
}

pub fn xlsx(conn: &Connection, list: &EldersList, l10n: &Localizer) -> Result<Vec<u8>> {
    let assoc = association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let e = xlsx_err;
    let mut wb = Workbook::new();
    let head = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let bold = Format::new().set_bold().set_font_size(14);
    // ID numbers and phones are text: as numbers Excel would show 1.1E+17 and lose digits.
    let text = Format::new().set_num_format("@");
    let s = wb.add_worksheet();
    s.set_name(l10n.t("elders-sheet-list")).map_err(e)?;
    s.write_with_format(0, 0, heading(&assoc, list, l10n), &bold).map_err(e)?;
    let summary = l10n.format("elders-summary", &[("date", list.as_of.to_string()), ("count", list.lines.len().to_string())]);
    s.write(1, 0, summary).map_err(e)?;
    for (c, (id, w)) in COLUMNS.iter().enumerate() {
        s.write_with_format(2, c as u16, l10n.t(id), &head).map_err(e)?;
        s.set_column_width(c as u16, (*w * 0.55) as f64).map_err(e)?;
    }
    for (i, line) in list.lines.iter().enumerate() {
        let row = 3 + i as u32;
        for (c, v) in cells(i, line, list.age, l10n).into_iter().enumerate() {
            match c {
                0 | 5 => s.write(row, c as u16, v.parse::<f64>().unwrap_or(0.0)).map_err(e)?,
                3 | 8 => s.write_with_format(row, c as u16, v, &text).map_err(e)?,
                _ => s.write(row, c as u16, v).map_err(e)?,
            };
        }
    }
    let s = wb.add_worksheet();
    s.set_name(l10n.t("elders-sheet-changes")).map_err(e)?;
    match list.since {
        Some(since) => {
            s.write_with_format(0, 0, l10n.format("elders-changes", &[("since", since.to_string()), ("date", list.as_of.to_string())]), &bold)
                .map_err(e)?;
            for (c, id) in ["elders-col-change", "elders-col-name", "elders-col-group", "elders-col-date"].iter().enumerate() {
                s.write_with_format(2, c as u16, l10n.t(id), &head).map_err(e)?;
                s.set_column_width(c as u16, 16.0).map_err(e)?;
            }
            for (i, ch) in list.changes.iter().enumerate() {
                let row = 3 + i as u32;
                s.write(row, 0, l10n.format(ch.kind.label_id(), &[("age", list.age.to_string())])).map_err(e)?;
                s.write(row, 1, &ch.name).map_err(e)?;
                s.write(row, 2, &ch.group).map_err(e)?;
                s.write(row, 3, ch.date.map(|d| d.to_string()).unwrap_or_default()).map_err(e)?;
            }
        }
        None => {
            s.write(0, 0, l10n.t("elders-no-since")).map_err(e)?;
        }
    }
    wb.save_to_buffer().map_err(xlsx_err)
}
