//! The preview: what importing a roster would do to each row, decided before anything is
//! written. The write (`apply`) makes the same plan again inside its transaction and carries it
//! out, so what the secretary saw is what happens.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::cells::{self, IdCell, Precision};
use super::headers::{self, Columns, Field};
use super::notes;
use crate::error::{Args, Error, Result};
use crate::i18n::{Lang, Localizer};
use crate::id_card;
use crate::kernel::choice::choice;
use crate::members::{self, MemberNo, Person, PersonInput, Status};
use crate::sheets::{self, Grid, Value};

choice! {
    /// What importing will do with a row.
    RosterAction {
        Add = "add" / "roster-action-add" [],
        Update = "update" / "roster-action-update" [],
        Same = "same" / "roster-action-same" [],
        Skip = "skip" / "roster-action-skip" [],
        Error = "error" / "roster-action-error" [],
    }
}

/// One message about a row: a Fluent id with its arguments, and the field labels (Fluent ids)
/// it lists, localised when the preview is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowMessage {
    pub id: &'static str,
    pub args: Args,
    pub fields: Vec<&'static str>,
}

impl RowMessage {
    fn new(id: &'static str, args: Args) -> RowMessage {
        RowMessage { id, args, fields: Vec::new() }
    }

    fn of(e: &Error) -> RowMessage {
        RowMessage::new(e.message_id(), e.args())
    }
}

/// A death noted in the 备注 column, as it will be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Death {
    pub date: NaiveDate,
    /// The note itself, kept as the status change's note.
    pub note: String,
}

/// What will be written for a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Write {
    Add { input: PersonInput, death: Option<Death> },
    Update { no: MemberNo, input: Option<PersonInput>, death: Option<Death> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    /// The row number Excel shows.
    pub row: u32,
    pub name: String,
    pub action: RosterAction,
    pub messages: Vec<RowMessage>,
    /// The register number of the person an update or a "same" row matched.
    pub matched: Option<MemberNo>,
    pub(super) write: Option<Write>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The sheet read, and every sheet of the file.
    pub sheet: String,
    pub sheets: Vec<String>,
    /// The header row as Excel numbers it.
    pub header_row: u32,
    pub rows: Vec<PlannedRow>,
    /// SHA-256 of the file, so the write can refuse a file changed since its preview.
    pub digest: String,
}

/// Someone already in the register, as a row is matched against them.
struct Known {
    no: MemberNo,
    birth: Option<NaiveDate>,
    has_id: bool,
}

/// The people already in the register, by what a row is matched on.
struct Register {
    by_id: HashMap<String, MemberNo>,
    by_name: HashMap<String, Vec<Known>>,
}

impl Register {
    fn load(conn: &Connection) -> Result<Register> {
        let mut r = Register { by_id: HashMap::new(), by_name: HashMap::new() };
        let mut stmt = conn.prepare("SELECT member_no, name, birth_date, id_card FROM person ORDER BY member_no")?;
        let rows = stmt.query_map([], |row| {
            Ok((MemberNo(row.get(0)?), row.get::<_, String>(1)?, row.get::<_, Option<NaiveDate>>(2)?, row.get::<_, Option<String>>(3)?))
        })?;
        for row in rows {
            let (no, name, birth, id) = row?;
            if let Some(id) = &id {
                r.by_id.insert(id.clone(), no);
            }
            r.by_name.entry(name).or_default().push(Known { no, birth, has_id: id.is_some() });
        }
        Ok(r)
    }

    /// The people of this name whose birth date is the row's: the same day, the same month for
    /// a row that gives only year and month, or none for a row that gives none.
    fn same_name_and_birth(&self, name: &str, birth: Option<NaiveDate>, month_only: bool) -> Vec<&Known> {
        let ym = |d: NaiveDate| (d.year(), d.month());
        self.by_name
            .get(name)
            .map(|v| {
                v.iter()
                    .filter(|k| match (birth, k.birth) {
                        (Some(b), Some(kb)) => b == kb || (month_only && ym(b) == ym(kb)),
                        (None, None) => true,
                        _ => false,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Reads the file and decides, row by row, what importing it would do. Nothing is written.
/// `sheet` picks a sheet by name; by default the first sheet with a header row is read.
pub fn plan(conn: &Connection, bytes: &[u8], sheet: Option<&str>, today: NaiveDate) -> Result<Plan> {
    let digest = hex(&Sha256::digest(bytes));
    let mut book = sheets::grid::open(bytes.to_vec())?;
    let sheets = book.sheet_names();
    let (grid, header, cols) = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => {
            let grid = book.grid(name)?;
            let (header, cols) = headers::find(&grid).ok_or_else(|| no_header(name))?;
            (grid, header, cols)
        }
        None => {
            let mut found = None;
            for name in &sheets {
                let grid = book.grid(name)?;
                if let Some((header, cols)) = headers::find(&grid) {
                    found = Some((grid, header, cols));
                    break;
                }
            }
            found.ok_or_else(|| no_header(sheets.first().map(String::as_str).unwrap_or_default()))?
        }
    };
    let register = Register::load(conn)?;
    let mut planner = Planner { conn, today, register: &register, seen: HashMap::new() };
    let mut rows = Vec::new();
    for i in header + 1..grid.rows.len() {
        if let Some(r) = planner.row(&grid, &cols, i)? {
            rows.push(r);
        }
    }
    Ok(Plan { sheet: grid.sheet.clone(), sheets, header_row: grid.row_number(header), rows, digest })
}

fn no_header(sheet: &str) -> Error {
    Error::invalid_with("file", "error-roster-no-header", vec![("sheet", sheet.to_string())])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Words that mark a total line at the foot of a roster.
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "共计", "总人数"];

/// One row as read, before it is matched against the register.
struct RowRead {
    input: PersonInput,
    id: Option<String>,
    birth: Option<NaiveDate>,
    /// The birth date came as year and month only (the date is the first of the month).
    month_only: bool,
    death: Option<Death>,
    messages: Vec<RowMessage>,
}

struct Planner<'a> {
    conn: &'a Connection,
    today: NaiveDate,
    register: &'a Register,
    /// The keys (ID number; name and birth date) of the rows already planned, with their row
    /// number and what they would write, to catch a person listed twice.
    seen: HashMap<String, (u32, PersonInput)>,
}

impl Planner<'_> {
    fn row(&mut self, grid: &Grid, cols: &Columns, i: usize) -> Result<Option<PlannedRow>> {
        let cells = &grid.rows[i];
        let row = grid.row_number(i);
        // A row with nothing in the columns the register knows is blank, even if its 序号 is
        // filled in (rosters are often numbered far past their last person).
        if cols.indexes().all(|c| cells.get(c).is_none_or(Value::is_blank)) {
            return Ok(None);
        }
        let name = cells::name(cols.get(Field::Name, cells));
        let planned = |action, messages| PlannedRow { row, name: name.clone(), action, messages, matched: None, write: None };
        let is_total = cells.iter().any(|v| matches!(v, Value::Text(s) if TOTAL_WORDS.iter().any(|w| s.contains(w))));
        if is_total {
            return Ok(Some(planned(RosterAction::Skip, vec![RowMessage::new("roster-total-row", vec![])])));
        }
        if headers::field_of(&name) == Some(Field::Name) {
            // The headings again: a roster printed in pages repeats them on every page.
            return Ok(Some(planned(RosterAction::Skip, vec![RowMessage::new("roster-header-again", vec![])])));
        }
        if name.is_empty() {
            return Ok(Some(planned(RosterAction::Error, vec![RowMessage::new("roster-name-missing", vec![])])));
        }
        let read = match self.read(cols, cells, name.clone()) {
            Ok(r) => r,
            Err(e) => return Ok(Some(planned(RosterAction::Error, vec![RowMessage::of(&e)]))),
        };
        let mut planned = self.decide(read, row)?;
        planned.name = name;
        Ok(Some(planned))
    }

    /// Reads and checks a row's cells: the first thing wrong ends the row.
    fn read(&self, cols: &Columns, cells: &[Value], name: String) -> Result<RowRead> {
        let mut messages = Vec::new();
        let id = match cells::id_card(cols.get(Field::IdCard, cells)) {
            IdCell::None => None,
            IdCell::Masked => {
                messages.push(RowMessage::new("roster-id-masked", vec![]));
                None
            }
            IdCell::Lost(shown) => return Err(Error::invalid_with("id_card", "error-roster-id-as-number", vec![("value", shown)])),
            IdCell::Number(n) => {
                let n = match id_card::upgrade_15(&n) {
                    Some(long) => {
                        messages.push(RowMessage::new("roster-id-upgraded", vec![("old", n), ("new", long.clone())]));
                        long
                    }
                    None => n,
                };
                Some(id_card::parse(&n, self.today)?)
            }
        };
        let birth_cell = cols.get(Field::Birth, cells);
        let written = match cells::date("birth_date", birth_cell) {
            Ok(d) => d,
            // A year alone says too little to be a birth date, but beside an ID number it only
            // has to agree with it.
            Err(_) if id.is_some() && cells::year_only(birth_cell) => None,
            Err(e) => return Err(e),
        };
        if let Some(id) = &id {
            let year: String = cells::text(birth_cell).chars().take(4).collect();
            if cells::year_only(birth_cell) && year != id.birth_date.year().to_string() {
                return Err(mismatch(id.birth_date));
            }
        }
        let gender = cells::gender(cols.get(Field::Gender, cells))?;
        let birth = match (&id, written) {
            (Some(id), Some(w)) if !w.agrees_with(id.birth_date) => return Err(mismatch(id.birth_date)),
            (Some(id), _) => Some(id.birth_date),
            (None, Some(w)) => {
                if w.precision == Precision::Month {
                    messages.push(RowMessage::new("roster-birth-month-only", vec![("date", w.date.to_string())]));
                }
                if w.ambiguous {
                    messages.push(RowMessage::new("roster-birth-ambiguous", vec![("value", cells::text(birth_cell)), ("date", w.date.to_string())]));
                }
                Some(w.date)
            }
            (None, None) => None,
        };
        let note_text = cells::text(cols.get(Field::Notes, cells));
        let note = notes::read(&note_text);
        let death = match note.deceased {
            None => None,
            Some(Some(d)) => {
                messages.push(RowMessage::new("roster-deceased", vec![("date", d.date.to_string())]));
                Some(Death { date: d.date, note: note_text.chars().take(200).collect() })
            }
            Some(None) => {
                // The register needs a date for every death; the day it was learnt is the one
                // the secretary can stand behind, and the note says the real date is unknown.
                messages.push(RowMessage::new("roster-deceased-no-date", vec![("date", self.today.to_string())]));
                Some(Death { date: self.today, note: note_text.chars().take(200).collect() })
            }
        };
        if let Some(d) = &death {
            if d.date > self.today || birth.is_some_and(|b| d.date < b) {
                return Err(Error::invalid_with("notes", "error-roster-death-date", vec![("date", d.date.to_string())]));
            }
        }
        if let Some(s) = note.economic {
            messages.push(RowMessage::new("roster-economic", vec![("status", s.code().to_string())]));
        }
        let input = PersonInput {
            name,
            gender,
            birth_date: birth.map(|b| b.to_string()).unwrap_or_default(),
            id_card: id.as_ref().map(|i| i.number.clone()).unwrap_or_default(),
            phones: cells::phones(cols.get(Field::Phone, cells)),
            address: cells::plain(cols.get(Field::Address, cells)),
            village_group: cells::plain(cols.get(Field::Group, cells)),
            living: cells::living(cols.get(Field::Living, cells))?,
            economic_status: note.economic,
            is_member: true,
            ..Default::default()
        };
        members::validate(&input, self.today)?;
        let month_only = id.is_none() && written.is_some_and(|w| w.precision == Precision::Month);
        Ok(RowRead { id: id.map(|i| i.number), birth, month_only, input, death, messages })
    }

    /// Matches a row against the register and the rows before it, and says what will happen.
    fn decide(&mut self, read: RowRead, row: u32) -> Result<PlannedRow> {
        let RowRead { input, id, birth, month_only, death, mut messages } = read;
        let name = input.name.clone();
        let mut out = PlannedRow { row, name: name.clone(), action: RosterAction::Error, messages: Vec::new(), matched: None, write: None };
        // The same person twice in the file.
        let keys: Vec<String> = id.iter().map(|i| format!("id:{i}")).chain([format!("nb:{name}|{birth:?}")]).collect();
        if let Some((first, earlier)) = keys.iter().find_map(|k| self.seen.get(k)) {
            let (action, id) = if *earlier == input { (RosterAction::Skip, "roster-repeats-row") } else { (RosterAction::Error, "roster-conflicts-row") };
            out.action = action;
            out.messages = vec![RowMessage::new(id, vec![("row", first.to_string())])];
            return Ok(out);
        }
        for k in keys {
            self.seen.insert(k, (row, input.clone()));
        }
        let reg = self.register;
        let by_id = id.as_ref().and_then(|i| reg.by_id.get(i)).copied();
        let matched = match by_id {
            Some(no) => Some(no),
            None => {
                let candidates = reg.same_name_and_birth(&name, birth, month_only);
                // Someone of this name and birth date whose ID number is another one is another
                // person, or a typo in one of the two: the secretary must look.
                if let (Some(_), Some(other)) = (&id, candidates.iter().find(|k| k.has_id)) {
                    out.messages = vec![RowMessage::new("roster-id-differs", vec![("no", other.no.to_string())])];
                    return Ok(out);
                }
                match candidates.as_slice() {
                    [] => None,
                    [one] => Some(one.no),
                    many => {
                        let nos = many.iter().map(|k| k.no.to_string()).collect::<Vec<_>>().join(", ");
                        out.messages = vec![RowMessage::new("roster-ambiguous", vec![("nos", nos)])];
                        return Ok(out);
                    }
                }
            }
        };
        let Some(no) = matched else {
            let same_name = reg.by_name.get(&name).and_then(|v| v.first()).map(|k| k.no);
            if let Some(other) = same_name {
                if id.is_none() && birth.is_none() {
                    out.messages = vec![RowMessage::new("roster-name-only-exists", vec![("no", other.to_string())])];
                    return Ok(out);
                }
                messages.push(RowMessage::new("roster-same-name-exists", vec![("no", other.to_string())]));
            }
            out.action = RosterAction::Add;
            out.messages = messages;
            out.write = Some(Write::Add { input, death });
            return Ok(out);
        };
        out.matched = Some(no);
        let existing = members::get_by_no(self.conn, no, self.today)?;
        if existing.name != name {
            out.messages = vec![RowMessage::new("roster-id-other-name", vec![("no", no.to_string()), ("name", existing.name.clone())])];
            return Ok(out);
        }
        let (merged, changed) = merge(&existing, &input, birth, month_only);
        let death = death.filter(|_| existing.status != Status::Deceased);
        let mut fields = changed;
        if death.is_some() {
            fields.push("field-status");
        }
        if fields.is_empty() {
            out.action = RosterAction::Same;
            out.messages = messages;
            return Ok(out);
        }
        if let Err(e) = members::validate(&merged, self.today) {
            out.messages = vec![RowMessage::of(&e)];
            return Ok(out);
        }
        if let Some(d) = &death {
            if existing.birth_date.is_some_and(|b| d.date < b) {
                out.messages = vec![RowMessage::new("error-roster-death-date", vec![("date", d.date.to_string())])];
                return Ok(out);
            }
        }
        messages.insert(0, RowMessage { id: "roster-changes", args: vec![("no", no.to_string())], fields });
        out.action = RosterAction::Update;
        out.messages = messages;
        let input = (merged != existing.to_input()).then_some(merged);
        out.write = Some(Write::Update { no, input, death });
        Ok(out)
    }
}

fn mismatch(id_birth: NaiveDate) -> Error {
    Error::invalid_with("birth_date", "error-birth-mismatch-id", vec![("id_birth", id_birth.to_string())])
}

fn digits(p: &str) -> String {
    p.chars().filter(char::is_ascii_digit).collect()
}

/// The record after the import: what the sheet gives over what the register holds. A blank
/// cell never erases anything, phones are added to the ones kept, and a year-and-month birth
/// date that agrees with the register's full one leaves it be. Returns the labels of the
/// fields that change.
fn merge(existing: &Person, sheet: &PersonInput, birth: Option<NaiveDate>, month_only: bool) -> (PersonInput, Vec<&'static str>) {
    let before = existing.to_input();
    let mut m = before.clone();
    if sheet.gender.is_some() {
        m.gender = sheet.gender;
    }
    if let Some(b) = birth {
        let agrees = existing.birth_date.is_some_and(|e| e == b || (month_only && (e.year(), e.month()) == (b.year(), b.month())));
        if !agrees {
            m.birth_date = b.to_string();
        }
    }
    if !sheet.id_card.is_empty() {
        m.id_card = sheet.id_card.clone();
    }
    for p in &sheet.phones {
        if !m.phones.iter().any(|q| digits(q) == digits(p)) {
            m.phones.push(p.clone());
        }
    }
    for (to, from) in [(&mut m.address, &sheet.address), (&mut m.village_group, &sheet.village_group)] {
        if !from.is_empty() {
            *to = from.clone();
        }
    }
    if sheet.living.is_some() {
        m.living = sheet.living;
    }
    if sheet.economic_status.is_some() {
        m.economic_status = sheet.economic_status;
    }
    let mut changed = Vec::new();
    for (differs, label) in [
        (m.gender != before.gender, "field-gender"),
        (m.birth_date != before.birth_date, "field-birth-date"),
        (m.id_card != before.id_card, "field-id-card"),
        (m.phones != before.phones, "field-phones"),
        (m.address != before.address, "field-address"),
        (m.village_group != before.village_group, "field-village-group"),
        (m.living != before.living, "field-living"),
        (m.economic_status != before.economic_status, "field-economic-status"),
    ] {
        if differs {
            changed.push(label);
        }
    }
    (m, changed)
}

/// How many rows will see each action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RosterCounts {
    pub add: u32,
    pub update: u32,
    pub same: u32,
    pub skip: u32,
    pub error: u32,
}

/// One row of the preview as the secretary reads it (and as `huzhu import --json` prints it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RosterLine {
    pub row: u32,
    pub name: String,
    pub action: RosterAction,
    pub message: String,
}

/// The preview in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RosterPreview {
    pub sheet: String,
    pub sheets: Vec<String>,
    pub header_row: u32,
    pub digest: String,
    pub counts: RosterCounts,
    pub rows: Vec<RosterLine>,
}

impl Plan {
    pub fn counts(&self) -> RosterCounts {
        let mut c = RosterCounts::default();
        for r in &self.rows {
            *match r.action {
                RosterAction::Add => &mut c.add,
                RosterAction::Update => &mut c.update,
                RosterAction::Same => &mut c.same,
                RosterAction::Skip => &mut c.skip,
                RosterAction::Error => &mut c.error,
            } += 1;
        }
        c
    }

    pub fn preview(&self, l10n: &Localizer) -> RosterPreview {
        let separator = if l10n.lang() == Lang::ZhCn { "；" } else { "; " };
        let rows = self
            .rows
            .iter()
            .map(|r| RosterLine {
                row: r.row,
                name: r.name.clone(),
                action: r.action,
                message: r.messages.iter().map(|m| message(m, l10n)).collect::<Vec<_>>().join(separator),
            })
            .collect();
        RosterPreview {
            sheet: self.sheet.clone(),
            sheets: self.sheets.clone(),
            header_row: self.header_row,
            digest: self.digest.clone(),
            counts: self.counts(),
            rows,
        }
    }
}

fn message(m: &RowMessage, l10n: &Localizer) -> String {
    let mut args: Vec<(&str, String)> = m.args.clone();
    if !m.fields.is_empty() {
        let comma = if l10n.lang() == Lang::ZhCn { "、" } else { ", " };
        args.push(("fields", m.fields.iter().map(|f| l10n.t(f)).collect::<Vec<_>>().join(comma)));
    }
    // The support status travels as its code; its label is the reader's word for it.
    for (k, v) in args.iter_mut() {
        if *k == "status" {
            if let Some(s) = members::EconomicStatus::from_code(v) {
                *v = l10n.t(s.label_id());
            }
        }
    }
    l10n.format(m.id, &args)
}
