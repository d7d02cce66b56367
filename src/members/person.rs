//! A person's record: the register number, the closed sets of choices describing them, and
//! how the record is read back.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{self, LunarDay};
use crate::error::{Error, Result};
use crate::id_card;
use crate::kernel::choice::choice;
use crate::kernel::Gender;

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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FamilyContact {
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub lives_away: bool,
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
        .prepare_cached(&format!("SELECT {PERSON_COLUMNS} FROM person WHERE id = ?1"))?
        .query_row([id.0], |r| person_from_row(r, today))
        .optional()?
        .ok_or_else(|| Error::not_found("error-person-not-found", id.0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT name, relation, phone, lives_away FROM family_contact WHERE person_id = ?1 ORDER BY position",
    )?;
    p.family = stmt
        .query_map([id.0], |r| {
            Ok(FamilyContact { name: r.get(0)?, relation: r.get(1)?, phone: r.get(2)?, lives_away: r.get(3)? })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
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

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
}
