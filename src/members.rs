//! The register (会员花名册): members and non-member volunteers, with their family contacts and
//! status history. A person is never deleted; the deceased leave current lists but keep their
//! history.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::calendar::{self, LunarDay};
use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::kernel::fields;
use crate::{id_card, names};

/// A row id in the person table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct PersonId(pub i64);

/// The register number (编号) everyone in the register has, members and volunteers alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct MemberNo(pub i64);

impl std::fmt::Display for MemberNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

choice! {
    Gender {
        Male = "male" / "gender-male" ["男", "m", "M"],
        Female = "female" / "gender-female" ["女", "f", "F"],
    }
}
choice! {
    /// 居住状况
    Living {
        Alone = "alone" / "living-alone" ["独居"],
        EmptyNest = "empty_nest" / "living-empty-nest" ["空巢"],
        WithChildren = "with_children" / "living-with-children" ["与子女同住"],
        Institution = "institution" / "living-institution" ["机构"],
    }
}
choice! {
    /// 自理能力, after GB/T 42195-2022.
    CareLevel {
        Intact = "intact" / "care-intact" ["能力完好"],
        Mild = "mild" / "care-mild" ["轻度失能"],
        Moderate = "moderate" / "care-moderate" ["中度失能"],
        Severe = "severe" / "care-severe" ["重度失能"],
    }
}
choice! {
    EconomicStatus {
        Wubao = "wubao" / "economic-wubao" ["五保"],
        Dibao = "dibao" / "economic-dibao" ["低保"],
        Tekun = "tekun" / "economic-tekun" ["特困"],
        Ordinary = "ordinary" / "economic-ordinary" ["一般"],
    }
}
choice! {
    MaritalStatus {
        Married = "married" / "marital-married" ["已婚", "有配偶"],
        Widowed = "widowed" / "marital-widowed" ["丧偶"],
        Divorced = "divorced" / "marital-divorced" ["离异"],
        Single = "single" / "marital-single" ["未婚"],
    }
}
choice! {
    Status {
        Active = "active" / "status-active" ["在册", "正常"],
        Suspended = "suspended" / "status-suspended" ["暂停"],
        Left = "left" / "status-left" ["退会", "迁出"],
        Deceased = "deceased" / "status-deceased" ["已故", "去世"],
    }
}

choice! {
    /// 60-69, 70-79, 80-89, 90+ (and the under-sixties, who are often volunteers).
    AgeBand {
        Under60 = "under60" / "age-band-under-60" ["under_60", "<60", "0-59"],
        From60To69 = "from60_to69" / "age-band-from-60-to-69" ["60-69"],
        From70To79 = "from70_to79" / "age-band-from-70-to-79" ["70-79"],
        From80To89 = "from80_to89" / "age-band-from-80-to-89" ["80-89"],
        From90 = "from90" / "age-band-from-90" ["90+", "90-"],
    }
}

impl AgeBand {
    pub fn bounds(self) -> (u32, Option<u32>) {
        match self {
            AgeBand::Under60 => (0, Some(59)),
            AgeBand::From60To69 => (60, Some(69)),
            AgeBand::From70To79 => (70, Some(79)),
            AgeBand::From80To89 => (80, Some(89)),
            AgeBand::From90 => (90, None),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FamilyContact {
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub lives_away: bool,
}

/// What the add/edit form sends. Dates are text as typed (YYYY-MM-DD, empty for none) so that a
/// bad date is a localised error beside its field, not a transport error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PersonInput {
    pub name: String,
    pub gender: Option<Gender>,
    pub birth_date: String,
    pub lunar_birthday: Option<LunarDay>,
    pub id_card: String,
    pub phones: Vec<String>,
    pub address: String,
    pub village_group: String,
    pub living: Option<Living>,
    pub care_level: Option<CareLevel>,
    pub economic_status: Option<EconomicStatus>,
    pub marital_status: Option<MaritalStatus>,
    pub health_notes: String,
    pub hobbies: String,
    pub skills: String,
    pub volunteer: bool,
    /// false for non-member volunteers (students, younger villagers)
    pub is_member: bool,
    pub join_date: String,
    pub family: Vec<FamilyContact>,
}

impl PersonInput {
    pub fn member(name: &str) -> PersonInput {
        PersonInput { name: name.to_string(), is_member: true, ..Default::default() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusChange {
    pub status: Status,
    #[ts(type = "string")]
    pub effective: NaiveDate,
    pub note: String,
    pub recorded_at: String,
    pub recorded_by: String,
}

/// A person's whole record, as the detail page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: PersonId,
    pub member_no: MemberNo,
    pub is_member: bool,
    pub name: String,
    pub name_pinyin: String,
    pub gender: Option<Gender>,
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    pub lunar_birthday: Option<LunarDay>,
    /// The lunar date of the solar birth date, for showing both.
    pub lunar_birth_date: Option<calendar::LunarDate>,
    /// 周岁 and 虚岁 on the day asked (or at death).
    pub age: Option<u32>,
    pub nominal_age: Option<u32>,
    pub id_card: Option<String>,
    pub id_card_masked: Option<String>,
    pub phones: Vec<String>,
    pub address: String,
    pub village_group: String,
    pub living: Option<Living>,
    pub care_level: Option<CareLevel>,
    pub economic_status: Option<EconomicStatus>,
    pub marital_status: Option<MaritalStatus>,
    pub health_notes: String,
    pub hobbies: String,
    pub skills: String,
    pub volunteer: bool,
    #[ts(type = "string | null")]
    pub join_date: Option<NaiveDate>,
    pub status: Status,
    #[ts(type = "string | null")]
    pub death_date: Option<NaiveDate>,
    pub family: Vec<FamilyContact>,
    pub status_history: Vec<StatusChange>,
    pub created_at: String,
    pub updated_at: String,
}

impl Person {
    /// The form's values for editing this record.
    pub fn to_input(&self) -> PersonInput {
        PersonInput {
            name: self.name.clone(),
            gender: self.gender,
            birth_date: self.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            lunar_birthday: self.lunar_birthday,
            id_card: self.id_card.clone().unwrap_or_default(),
            phones: self.phones.clone(),
            address: self.address.clone(),
            village_group: self.village_group.clone(),
            living: self.living,
            care_level: self.care_level,
            economic_status: self.economic_status,
            marital_status: self.marital_status,
            health_notes: self.health_notes.clone(),
            hobbies: self.hobbies.clone(),
            skills: self.skills.clone(),
            volunteer: self.volunteer,
            is_member: self.is_member,
            join_date: self.join_date.map(|d| d.to_string()).unwrap_or_default(),
            family: self.family.clone(),
        }
    }
}

/// One line of the register list. ID numbers are masked and health notes left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonSummary {
    pub id: PersonId,
    pub member_no: MemberNo,
    pub is_member: bool,
    pub name: String,
    pub gender: Option<Gender>,
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    pub age: Option<u32>,
    pub id_card_masked: Option<String>,
    pub phone: String,
    pub village_group: String,
    pub living: Option<Living>,
    pub care_level: Option<CareLevel>,
    pub volunteer: bool,
    pub status: Status,
}

choice! {
    /// Which statuses a list shows. `Current` (the default) leaves out those who left or died.
    #[derive(Default)]
    StatusFilter {
        #[default]
        Current = "current" / "status-filter-current" [],
        All = "all" / "status-filter-all" [],
        Active = "active" / "status-active" ["在册", "正常"],
        Suspended = "suspended" / "status-suspended" ["暂停"],
        Left = "left" / "status-left" ["退会", "迁出"],
        Deceased = "deceased" / "status-deceased" ["已故", "去世"],
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PersonFilter {
    /// name, pinyin, pinyin initials, register number or phone
    pub search: String,
    pub status: StatusFilter,
    pub village_group: Option<String>,
    pub living: Option<Living>,
    pub care_level: Option<CareLevel>,
    pub age_band: Option<AgeBand>,
    pub volunteers_only: bool,
    /// at most this many rows (0 = no limit)
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonPage {
    pub rows: Vec<PersonSummary>,
    /// how many match, which may be more than `rows` holds
    pub total: u32,
}

/// The checked, derived values of an input, ready to store.
struct Checked {
    name: String,
    keys: names::NameKeys,
    gender: Option<Gender>,
    birth_date: Option<NaiveDate>,
    id_card: Option<String>,
    join_date: Option<NaiveDate>,
    phones: Vec<String>,
    family: Vec<FamilyContact>,
}

/// Nobody in the register was born (or joined) before this: an earlier date is a typo.
const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1880, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A birth or join date as typed: empty for none, else not after today nor before 1880.
fn parse_date(field: &'static str, s: &str, today: NaiveDate) -> Result<Option<NaiveDate>> {
    fields::optional_date(field, s)?.map(|d| fields::check_past(field, d, EARLIEST_DATE, today)).transpose()
}

fn check_phone(field: &'static str, p: &str) -> Result<String> {
    let p = p.trim();
    let digits = p.chars().filter(|c| c.is_ascii_digit()).count();
    let ok_chars = p.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'));
    if !ok_chars || !(5..=20).contains(&digits) {
        return Err(Error::invalid_with(field, "error-phone-invalid", vec![("value", p.to_string())]));
    }
    Ok(p.to_string())
}

fn check(input: &PersonInput, today: NaiveDate) -> Result<Checked> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(Error::invalid("name", "error-name-required"));
    }
    if name.chars().count() > 30 {
        return Err(Error::invalid("name", "error-name-too-long"));
    }
    let mut birth_date = parse_date("birth_date", &input.birth_date, today)?;
    let mut gender = input.gender;
    let id_card = if input.id_card.trim().is_empty() {
        None
    } else {
        let id = id_card::parse(&input.id_card, today)?;
        if let Some(b) = birth_date {
            if b != id.birth_date {
                return Err(Error::invalid_with(
                    "birth_date",
                    "error-birth-mismatch-id",
                    vec![("id_birth", id.birth_date.to_string())],
                ));
            }
        }
        if let Some(g) = gender {
            if g != id.gender {
                return Err(Error::invalid("gender", "error-gender-mismatch-id"));
            }
        }
        birth_date = Some(id.birth_date);
        gender = Some(id.gender);
        Some(id.number)
    };
    if let Some(l) = input.lunar_birthday {
        calendar::validate_lunar_birthday(l, birth_date)?;
    }
    let join_date = parse_date("join_date", &input.join_date, today)?;
    if let (Some(j), Some(b)) = (join_date, birth_date) {
        if j < b {
            return Err(Error::invalid("join_date", "error-join-before-birth"));
        }
    }
    let phones = input
        .phones
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| check_phone("phones", p))
        .collect::<Result<Vec<_>>>()?;
    let mut family = Vec::new();
    for f in &input.family {
        let blank = f.name.trim().is_empty() && f.relation.trim().is_empty() && f.phone.trim().is_empty();
        if blank {
            continue;
        }
        if f.name.trim().is_empty() {
            return Err(Error::invalid("family", "error-family-name-required"));
        }
        let phone = if f.phone.trim().is_empty() { String::new() } else { check_phone("family", &f.phone)? };
        family.push(FamilyContact {
            name: f.name.trim().to_string(),
            relation: f.relation.trim().to_string(),
            phone,
            lives_away: f.lives_away,
        });
    }
    Ok(Checked { keys: names::keys(&name), name, gender, birth_date, id_card, join_date, phones, family })
}

fn ensure_unique_id_card(tx: &Transaction, id_card: &Option<String>, except: Option<PersonId>) -> Result<()> {
    if let Some(n) = id_card {
        let other: Option<(i64, i64)> = tx
            .query_row("SELECT id, member_no FROM person WHERE id_card = ?1", [n], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((id, no)) = other {
            if Some(PersonId(id)) != except {
                return Err(Error::invalid_with("id_card", "error-id-card-duplicate", vec![("no", no.to_string())]));
            }
        }
    }
    Ok(())
}

/// Adds a person to the register and gives them the next register number.
pub fn add(tx: &Transaction, actor: &Actor, input: &PersonInput, today: NaiveDate) -> Result<Person> {
    let c = check(input, today)?;
    ensure_unique_id_card(tx, &c.id_card, None)?;
    let no: i64 = tx.query_row("SELECT coalesce(max(member_no), 0) + 1 FROM person", [], |r| r.get(0))?;
    let now = audit::now_utc();
    tx.execute(
        "INSERT INTO person (member_no, is_member, name, name_pinyin, name_initials, name_sort, status,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active', ?7, ?7)",
        params![no, input.is_member, c.name, c.keys.pinyin, c.keys.initials, c.keys.sort, now],
    )?;
    let id = PersonId(tx.last_insert_rowid());
    write_fields(tx, id, &c, input, c.join_date.or(Some(today)), &now)?;
    tx.execute(
        "INSERT INTO person_status (person_id, status, effective, note, recorded_at, recorded_by)
         VALUES (?1, 'active', ?2, '', ?3, ?4)",
        params![id.0, c.join_date.unwrap_or(today), now, actor.0],
    )?;
    let person = get(tx, id, today)?;
    audit::record(tx, actor, "add", "person", no, None::<&Person>, Some(&person))?;
    Ok(person)
}

/// Writes every field the form edits (not the register number, status or creation time), and
/// the family contacts. Shared by `add` and `update` so the two cannot drift apart.
fn write_fields(
    tx: &Transaction,
    id: PersonId,
    c: &Checked,
    input: &PersonInput,
    join_date: Option<NaiveDate>,
    now: &str,
) -> Result<()> {
    let lunar = input.lunar_birthday;
    // Non-members are in the register only as volunteers.
    let volunteer = input.volunteer || !input.is_member;
    tx.execute(
        "UPDATE person SET is_member = ?2, name = ?3, name_pinyin = ?4, name_initials = ?5,
            name_sort = ?6, gender = ?7, birth_date = ?8, lunar_birth_month = ?9, lunar_birth_day = ?10,
            lunar_birth_leap = ?11, id_card = ?12, phones = ?13, address = ?14, village_group = ?15,
            living = ?16, care_level = ?17, economic_status = ?18, marital_status = ?19,
            health_notes = ?20, hobbies = ?21, skills = ?22, volunteer = ?23, join_date = ?24,
            updated_at = ?25
         WHERE id = ?1",
        params![
            id.0,
            input.is_member,
            c.name,
            c.keys.pinyin,
            c.keys.initials,
            c.keys.sort,
            c.gender,
            c.birth_date,
            lunar.map(|l| l.month),
            lunar.map(|l| l.day),
            lunar.is_some_and(|l| l.leap),
            c.id_card,
            c.phones.join("\n"),
            input.address.trim(),
            input.village_group.trim(),
            input.living,
            input.care_level,
            input.economic_status,
            input.marital_status,
            input.health_notes.trim(),
            input.hobbies.trim(),
            input.skills.trim(),
            volunteer,
            join_date,
            now,
        ],
    )?;
    write_family(tx, id, &c.family)
}

fn write_family(tx: &Transaction, id: PersonId, family: &[FamilyContact]) -> Result<()> {
    tx.execute("DELETE FROM family_contact WHERE person_id = ?1", [id.0])?;
    for (i, f) in family.iter().enumerate() {
        tx.execute(
            "INSERT INTO family_contact (person_id, position, name, relation, phone, lives_away)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id.0, i as i64, f.name, f.relation, f.phone, f.lives_away],
        )?;
    }
    Ok(())
}

/// Saves an edited record. The register number and the status are not changed here.
pub fn update(tx: &Transaction, actor: &Actor, no: MemberNo, input: &PersonInput, today: NaiveDate) -> Result<Person> {
    let before = get_by_no(tx, no, today)?;
    let c = check(input, today)?;
    ensure_unique_id_card(tx, &c.id_card, Some(before.id))?;
    if let (Some(death), Some(birth)) = (before.death_date, c.birth_date) {
        if birth > death {
            return Err(Error::invalid("birth_date", "error-death-before-birth"));
        }
    }
    write_fields(tx, before.id, &c, input, c.join_date.or(before.join_date), &audit::now_utc())?;
    let after = get(tx, before.id, today)?;
    audit::record(tx, actor, "update", "person", no, Some(&before), Some(&after))?;
    Ok(after)
}

/// Records a change of status (active, suspended, left, deceased) with the date it took effect.
/// History is kept; a deceased person leaves the current lists but is never deleted.
pub fn set_status(
    tx: &Transaction,
    actor: &Actor,
    no: MemberNo,
    status: Status,
    effective: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<Person> {
    let before = get_by_no(tx, no, today)?;
    fields::check_not_future("effective", effective, today)?;
    if before.birth_date.is_some_and(|b| effective < b) {
        return Err(Error::invalid("effective", "error-death-before-birth"));
    }
    if before.status == status {
        return Err(Error::conflict("error-status-unchanged", vec![("no", no.to_string())]));
    }
    let death_date = (status == Status::Deceased).then_some(effective);
    tx.execute(
        "UPDATE person SET status = ?2, death_date = ?3, updated_at = ?4 WHERE id = ?1",
        params![before.id.0, status, death_date, audit::now_utc()],
    )?;
    tx.execute(
        "INSERT INTO person_status (person_id, status, effective, note, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![before.id.0, status, effective, note.trim(), audit::now_utc(), actor.0],
    )?;
    let after = get(tx, before.id, today)?;
    audit::record(tx, actor, "set_status", "person", no, Some(&before), Some(&after))?;
    Ok(after)
}

const PERSON_COLUMNS: &str = "id, member_no, is_member, name, name_pinyin, gender, birth_date,
    lunar_birth_month, lunar_birth_day, lunar_birth_leap, id_card, phones, address, village_group,
    living, care_level, economic_status, marital_status, health_notes, hobbies, skills, volunteer,
    join_date, status, death_date, created_at, updated_at";

fn split_phones(s: String) -> Vec<String> {
    s.split('\n').filter(|p| !p.is_empty()).map(str::to_string).collect()
}

fn person_from_row(r: &Row, today: NaiveDate) -> rusqlite::Result<Person> {
    let birth_date: Option<NaiveDate> = r.get(6)?;
    let death_date: Option<NaiveDate> = r.get(24)?;
    let lunar_month: Option<u8> = r.get(7)?;
    let lunar_day: Option<u8> = r.get(8)?;
    let id_card: Option<String> = r.get(10)?;
    let on = death_date.unwrap_or(today);
    Ok(Person {
        id: PersonId(r.get(0)?),
        member_no: MemberNo(r.get(1)?),
        is_member: r.get(2)?,
        name: r.get(3)?,
        name_pinyin: r.get(4)?,
        gender: r.get(5)?,
        birth_date,
        lunar_birthday: match (lunar_month, lunar_day) {
            (Some(month), Some(day)) => Some(LunarDay { month, day, leap: r.get(9)? }),
            _ => None,
        },
        lunar_birth_date: birth_date.and_then(calendar::to_lunar),
        age: birth_date.map(|b| calendar::age(b, on)),
        nominal_age: birth_date.map(|b| calendar::nominal_age(b, on)),
        id_card_masked: id_card.as_deref().map(id_card::mask),
        id_card,
        phones: split_phones(r.get(11)?),
        address: r.get(12)?,
        village_group: r.get(13)?,
        living: r.get(14)?,
        care_level: r.get(15)?,
        economic_status: r.get(16)?,
        marital_status: r.get(17)?,
        health_notes: r.get(18)?,
        hobbies: r.get(19)?,
        skills: r.get(20)?,
        volunteer: r.get(21)?,
        join_date: r.get(22)?,
        status: r.get(23)?,
        death_date,
        family: Vec::new(),
        status_history: Vec::new(),
        created_at: r.get(25)?,
        updated_at: r.get(26)?,
    })
}

/// The whole record of one person.
pub fn get(conn: &Connection, id: PersonId, today: NaiveDate) -> Result<Person> {
    let mut p = conn
        .query_row(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"), [id.0], |r| {
            person_from_row(r, today)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("error-person-not-found", id.0))?;
    let mut stmt = conn.prepare(
        "SELECT name, relation, phone, lives_away FROM family_contact WHERE person_id = ?1 ORDER BY position",
    )?;
    p.family = stmt
        .query_map([id.0], |r| {
            Ok(FamilyContact { name: r.get(0)?, relation: r.get(1)?, phone: r.get(2)?, lives_away: r.get(3)? })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare(
        "SELECT status, effective, note, recorded_at, recorded_by FROM person_status
         WHERE person_id = ?1 ORDER BY id",
    )?;
    p.status_history = stmt
        .query_map([id.0], |r| {
            Ok(StatusChange {
                status: r.get(0)?,
                effective: r.get(1)?,
                note: r.get(2)?,
                recorded_at: r.get(3)?,
                recorded_by: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(p)
}

pub fn id_of(conn: &Connection, no: MemberNo) -> Result<PersonId> {
    conn.query_row("SELECT id FROM person WHERE member_no = ?1", [no.0], |r| r.get(0))
        .optional()?
        .map(PersonId)
        .ok_or_else(|| Error::not_found("error-person-not-found", no))
}

pub fn get_by_no(conn: &Connection, no: MemberNo, today: NaiveDate) -> Result<Person> {
    get(conn, id_of(conn, no)?, today)
}

/// One person as the search index holds them: the list row plus the keys it is found by.
#[derive(Debug, Clone)]
struct IndexEntry {
    row: PersonSummary,
    pinyin: String,
    initials: String,
    no_text: String,
    phone_digits: String,
    id_card: String,
    death_date: Option<NaiveDate>,
}

impl IndexEntry {
    fn matches_text(&self, raw: &str, norm: &str, letters: bool, digits: bool) -> bool {
        if self.row.name.contains(raw) {
            return true;
        }
        if letters && (self.pinyin.contains(norm) || self.initials.starts_with(norm)) {
            return true;
        }
        if digits
            && (self.no_text == norm
                || self.phone_digits.contains(norm)
                || self.id_card.contains(norm))
        {
            return true;
        }
        false
    }

    fn age_on(&self, today: NaiveDate) -> Option<u32> {
        self.row.birth_date.map(|b| calendar::age(b, self.death_date.unwrap_or(today)))
    }
}

/// The register in memory, in pinyin order, for search-as-you-type. SQLite's LIKE over five
/// columns plus a sort took 10-40 ms per keystroke on 10,000 people (benches/search.rs); a scan
/// of prepared keys in memory takes well under the 5 ms budget. The index notices any write (on
/// this connection or another) and reloads itself, so it is never stale.
#[derive(Debug, Default)]
pub struct RegisterIndex {
    stamp: Option<(i64, u64)>,
    entries: Vec<IndexEntry>,
}

impl RegisterIndex {
    pub fn new() -> RegisterIndex {
        RegisterIndex::default()
    }

    fn stamp(conn: &Connection) -> Result<(i64, u64)> {
        let data_version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, conn.total_changes()))
    }

    fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let stamp = Self::stamp(conn)?;
        if self.stamp == Some(stamp) {
            return Ok(());
        }
        let mut stmt = conn.prepare(
            "SELECT id, member_no, is_member, name, gender, birth_date, id_card, phones, village_group,
                    living, care_level, volunteer, status, death_date, name_pinyin, name_initials
             FROM person ORDER BY name_sort, name, member_no",
        )?;
        self.entries = stmt
            .query_map([], |r| {
                let id_card: Option<String> = r.get(6)?;
                let phones: String = r.get(7)?;
                let no: i64 = r.get(1)?;
                Ok(IndexEntry {
                    no_text: no.to_string(),
                    row: PersonSummary {
                        id: PersonId(r.get(0)?),
                        member_no: MemberNo(no),
                        is_member: r.get(2)?,
                        name: r.get(3)?,
                        gender: r.get(4)?,
                        birth_date: r.get(5)?,
                        age: None,
                        id_card_masked: id_card.as_deref().map(id_card::mask),
                        phone: phones.split('\n').next().unwrap_or_default().to_string(),
                        village_group: r.get(8)?,
                        living: r.get(9)?,
                        care_level: r.get(10)?,
                        volunteer: r.get(11)?,
                        status: r.get(12)?,
                    },
                    death_date: r.get(13)?,
                    pinyin: r.get(14)?,
                    initials: r.get(15)?,
                    phone_digits: phones.chars().filter(|c| c.is_ascii_digit() || *c == '\n').collect(),
                    id_card: id_card.unwrap_or_default(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        // Read the stamp again: the rows above are at least as new as it.
        self.stamp = Some(Self::stamp(conn)?);
        Ok(())
    }

    /// The register list: searched (name, pinyin, initials, number, phone, ID number), filtered
    /// and in pinyin order.
    pub fn search(&mut self, conn: &Connection, filter: &PersonFilter, today: NaiveDate) -> Result<PersonPage> {
        self.refresh(conn)?;
        let raw = filter.search.trim();
        let norm = names::normalise_query(raw);
        let letters = !norm.is_empty() && norm.chars().all(|c| c.is_ascii_alphabetic());
        let digits = !norm.is_empty() && norm.chars().all(|c| c.is_ascii_digit());
        let group = filter.village_group.as_deref().filter(|g| !g.is_empty());
        let band = filter.age_band.map(AgeBand::bounds);
        let limit = if filter.limit == 0 { usize::MAX } else { filter.limit as usize };
        let mut rows = Vec::new();
        let mut total = 0u32;
        for e in &self.entries {
            let r = &e.row;
            let status_ok = match filter.status {
                StatusFilter::Current => matches!(r.status, Status::Active | Status::Suspended),
                StatusFilter::All => true,
                StatusFilter::Active => r.status == Status::Active,
                StatusFilter::Suspended => r.status == Status::Suspended,
                StatusFilter::Left => r.status == Status::Left,
                StatusFilter::Deceased => r.status == Status::Deceased,
            };
            if !status_ok
                || (filter.volunteers_only && !r.volunteer)
                || group.is_some_and(|g| r.village_group != g)
                || filter.living.is_some_and(|l| r.living != Some(l))
                || filter.care_level.is_some_and(|c| r.care_level != Some(c))
            {
                continue;
            }
            // Age bands count full years today, even for the deceased (their age now).
            if let Some((lo, hi)) = band {
                match r.birth_date.map(|b| calendar::age(b, today)) {
                    Some(a) if a >= lo && hi.is_none_or(|h| a <= h) => {}
                    _ => continue,
                }
            }
            if !raw.is_empty() && !e.matches_text(raw, &norm, letters, digits) {
                continue;
            }
            total += 1;
            if rows.len() < limit {
                let mut row = r.clone();
                row.age = e.age_on(today);
                rows.push(row);
            }
        }
        Ok(PersonPage { rows, total })
    }
}

/// The register list, for one-off callers (the CLI). The app keeps a `RegisterIndex`.
pub fn list(conn: &Connection, filter: &PersonFilter, today: NaiveDate) -> Result<PersonPage> {
    RegisterIndex::new().search(conn, filter, today)
}

/// The village groups in use, for the filter.
pub fn groups(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT village_group FROM person WHERE village_group <> ''")?;
    let mut rows = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    // "2组" before "10组": by the leading number when there is one, then by pinyin.
    rows.sort_by_cached_key(|g| {
        let digits: String = g.chars().take_while(|c| c.is_ascii_digit()).collect();
        (digits.parse::<u64>().unwrap_or(u64::MAX), names::keys(g).sort, g.clone())
    });
    Ok(rows)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
}
