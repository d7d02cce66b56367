//! The add/edit form: what it sends, how it is checked (dates, ID number, phones, family),
//! and the writes of `add` and `update`.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::person::{CareLevel, EconomicStatus, FamilyContact, Living, MaritalStatus, MemberNo, Person, PersonId, get, get_by_no};
use crate::audit::{self, Actor};
use crate::calendar::{self, LunarDay};
use crate::error::{Error, Result};
use crate::kernel::{fields, Gender};
use crate::{id_card, names};

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
    text: Texts,
}

/// The free-text fields, trimmed and checked: each has a limit suited to what it holds (an
/// address fits a line of a printed list; health notes a few sentences) and none may hold
/// control characters or invisible marks.
struct Texts {
    address: String,
    village_group: String,
    health_notes: String,
    hobbies: String,
    skills: String,
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
    let name = fields::text("name", &input.name, usize::MAX)?;
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
            name: fields::text("family", &f.name, 30)?,
            relation: fields::text("family", &f.relation, 20)?,
            phone,
            lives_away: f.lives_away,
        });
    }
    let text = Texts {
        address: fields::text("address", &input.address, 100)?,
        village_group: fields::text("village_group", &input.village_group, 30)?,
        health_notes: fields::note("health_notes", &input.health_notes, 500)?,
        hobbies: fields::text("hobbies", &input.hobbies, 100)?,
        skills: fields::text("skills", &input.skills, 100)?,
    };
    Ok(Checked { keys: names::keys(&name), name, gender, birth_date, id_card, join_date, phones, family, text })
}

/// Checks a form without writing it: every check `add` and `update` make except the ones that
/// need the register (a duplicate ID number). The roster import shows its verdict per row
/// before anything is written.
pub fn validate(input: &PersonInput, today: NaiveDate) -> Result<()> {
    check(input, today).map(|_| ())
}

fn ensure_unique_id_card(tx: &Transaction, id_card: &Option<String>, except: Option<PersonId>) -> Result<()> {
    if let Some(n) = id_card {
        let other: Option<(i64, i64)> = tx
            .prepare_cached("SELECT id, member_no FROM person WHERE id_card = ?1")?
            .query_row([n], |r| Ok((r.get(0)?, r.get(1)?)))
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
    // Statements here are cached: an import adds thousands of people in one transaction.
    let no: i64 = tx.prepare_cached("SELECT coalesce(max(member_no), 0) + 1 FROM person")?.query_row([], |r| r.get(0))?;
    let now = audit::now_utc();
    tx.prepare_cached(
        "INSERT INTO person (member_no, is_member, name, name_pinyin, name_initials, name_sort, status,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active', ?7, ?7)",
    )?
    .execute(
        params![no, input.is_member, c.name, c.keys.pinyin, c.keys.initials, c.keys.sort, now],
    )?;
    let id = PersonId(tx.last_insert_rowid());
    write_fields(tx, id, &c, input, c.join_date.or(Some(today)), &now)?;
    tx.prepare_cached(
        "INSERT INTO person_status (person_id, status, effective, note, recorded_at, recorded_by)
         VALUES (?1, 'active', ?2, '', ?3, ?4)",
    )?
    .execute(
        params![id.0, c.join_date.unwrap_or(today), now, actor.name],
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
    tx.prepare_cached(
        "UPDATE person SET is_member = ?2, name = ?3, name_pinyin = ?4, name_initials = ?5,
            name_sort = ?6, gender = ?7, birth_date = ?8, lunar_birth_month = ?9, lunar_birth_day = ?10,
            lunar_birth_leap = ?11, id_card = ?12, phones = ?13, address = ?14, village_group = ?15,
            living = ?16, care_level = ?17, economic_status = ?18, marital_status = ?19,
            health_notes = ?20, hobbies = ?21, skills = ?22, volunteer = ?23, join_date = ?24,
            updated_at = ?25
         WHERE id = ?1",
    )?
    .execute(
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
            c.text.address,
            c.text.village_group,
            input.living,
            input.care_level,
            input.economic_status,
            input.marital_status,
            c.text.health_notes,
            c.text.hobbies,
            c.text.skills,
            volunteer,
            join_date,
            now,
        ],
    )?;
    write_family(tx, id, &c.family)
}

fn write_family(tx: &Transaction, id: PersonId, family: &[FamilyContact]) -> Result<()> {
    tx.prepare_cached("DELETE FROM family_contact WHERE person_id = ?1")?.execute([id.0])?;
    for (i, f) in family.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO family_contact (person_id, position, name, relation, phone, lives_away)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(
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
