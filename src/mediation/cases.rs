//! The mediation case book: opening a case with its parties, notes of the meetings, closing it
//! with the outcome. Notes are a record (append-only); a case is closed once.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::kernel::fields;
use crate::members::{self, MemberNo};

choice! {
    /// What a dispute is about.
    DisputeKind {
        FamilySupport = "family_support" / "mediation-about-family-support" ["赡养", "赡养纠纷", "家庭赡养", "family"],
        Property = "property" / "mediation-about-property" ["财产", "财产纠纷"],
        Neighbours = "neighbours" / "mediation-about-neighbours" ["邻里", "邻里纠纷", "neighbors"],
        Rights = "rights" / "mediation-about-rights" ["权益", "权益受侵害", "侵权"],
        Other = "other" / "mediation-about-other" ["其他"],
    }
}

choice! {
    /// How a case ended.
    MediationOutcome {
        Agreed = "agreed" / "mediation-outcome-agreed" ["达成协议", "调解成功", "协议"],
        Referred = "referred" / "mediation-outcome-referred" ["移交村委会", "转村委会", "移交"],
        Withdrawn = "withdrawn" / "mediation-outcome-withdrawn" ["撤回", "撤销"],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct MediationId(pub i64);

/// A party to a dispute: someone on the register (with their number), or anyone by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Party {
    pub member_no: Option<MemberNo>,
    pub name: String,
}

/// A party as the form gives it: picked from the register, or a name typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PartyInput {
    pub member: Option<MemberNo>,
    pub name: String,
}

/// A meeting's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MediationNote {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub text: String,
    pub created_by: String,
}

/// A case as a list shows it: what it is about and who is in it, never its notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MediationLine {
    pub id: MediationId,
    pub about: DisputeKind,
    pub parties: Vec<Party>,
    #[ts(type = "string")]
    pub opened: NaiveDate,
    pub mediator: String,
    pub meetings: i64,
    pub outcome: Option<MediationOutcome>,
    #[ts(type = "string | null")]
    pub closed: Option<NaiveDate>,
}

/// A whole case, for its own page: the summary and the notes too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MediationCase {
    #[serde(flatten)]
    pub line: MediationLine,
    pub summary: String,
    pub notes: Vec<MediationNote>,
}

/// The form opening a case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct OpenInput {
    pub parties: Vec<PartyInput>,
    pub about: Option<DisputeKind>,
    /// A line saying what it is, as the secretary writes it.
    pub summary: String,
    pub mediator: String,
    /// YYYY-MM-DD; empty for today.
    pub opened: String,
}

/// A meeting's note as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct NoteInput {
    pub text: String,
    /// YYYY-MM-DD; empty for today.
    pub date: String,
}

/// Closing a case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CloseInput {
    pub outcome: Option<MediationOutcome>,
    /// YYYY-MM-DD; empty for today.
    pub date: String,
}

/// Opens a case with two parties or more.
pub fn open(tx: &Transaction, actor: &Actor, input: &OpenInput, today: NaiveDate) -> Result<MediationCase> {
    let about = input.about.ok_or_else(|| Error::invalid("about", "error-mediation-about-required"))?;
    let opened = fields::check_past("opened", fields::date_or("opened", &input.opened, today)?, fields::LEDGER_START, today)?;
    let summary = fields::text("summary", &input.summary, 200)?;
    let mediator = fields::text("mediator", &input.mediator, 30)?;
    let mut parties: Vec<(Option<i64>, String)> = Vec::new();
    for p in &input.parties {
        match p.member {
            Some(no) => {
                let person = members::get_by_no(tx, no, today).map_err(|e| match e {
                    Error::NotFound { .. } => Error::invalid_with("parties", "error-person-not-found", vec![("key", no.to_string())]),
                    other => other,
                })?;
                parties.push((Some(person.id.0), person.name));
            }
            None => {
                let name = fields::text("parties", &p.name, 30)?;
                if !name.is_empty() {
                    parties.push((None, name));
                }
            }
        }
    }
    if parties.len() < 2 {
        return Err(Error::invalid("parties", "error-mediation-parties"));
    }
    tx.execute(
        "INSERT INTO mediation_case (about, summary, opened, mediator, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![about, summary, opened, mediator, audit::now_utc(), actor.name],
    )?;
    let id = MediationId(tx.last_insert_rowid());
    for (i, (person, name)) in parties.iter().enumerate() {
        tx.execute(
            "INSERT INTO mediation_party (case_id, position, person_id, name) VALUES (?1, ?2, ?3, ?4)",
            params![id.0, i as i64 + 1, person, name],
        )?;
    }
    let out = get(tx, id)?;
    audit::record(tx, actor, "open", "mediation_case", id.0, None::<&MediationCase>, Some(&out))?;
    Ok(out)
}

fn open_case(conn: &Connection, id: MediationId) -> Result<MediationLine> {
    let line = line(conn, id)?;
    if line.outcome.is_some() {
        return Err(Error::conflict("error-mediation-closed", vec![("id", id.0.to_string())]));
    }
    Ok(line)
}

/// Adds a meeting's note to an open case.
pub fn note(tx: &Transaction, actor: &Actor, id: MediationId, input: &NoteInput, today: NaiveDate) -> Result<MediationCase> {
    let line = open_case(tx, id)?;
    // A meeting's note may run over several lines.
    let text = fields::note("text", &input.text, 1000)?;
    if text.is_empty() {
        return Err(Error::invalid("text", "error-mediation-note-required"));
    }
    let date = fields::check_past("date", fields::date_or("date", &input.date, today)?, line.opened, today)?;
    tx.execute(
        "INSERT INTO mediation_note (case_id, date, text, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id.0, date, text, audit::now_utc(), actor.name],
    )?;
    let note_id = tx.last_insert_rowid();
    let n = MediationNote { date, text, created_by: actor.name.clone() };
    audit::record(tx, actor, "note", "mediation_note", note_id, None::<&MediationNote>, Some(&n))?;
    get(tx, id)
}

/// Closes a case with its outcome, once.
pub fn close(tx: &Transaction, actor: &Actor, id: MediationId, input: &CloseInput, today: NaiveDate) -> Result<MediationCase> {
    let before = open_case(tx, id)?;
    let outcome = input.outcome.ok_or_else(|| Error::invalid("outcome", "error-mediation-outcome-required"))?;
    let date = fields::check_past("date", fields::date_or("date", &input.date, today)?, before.opened, today)?;
    tx.execute("UPDATE mediation_case SET outcome = ?2, closed = ?3 WHERE id = ?1", params![id.0, outcome, date])?;
    let after = line(tx, id)?;
    audit::record(tx, actor, "close", "mediation_case", id.0, Some(&before), Some(&after))?;
    get(tx, id)
}

const SELECT: &str = "SELECT c.id, c.about, c.opened, c.mediator, (SELECT count(*) FROM mediation_note n WHERE n.case_id = c.id),
        c.outcome, c.closed FROM mediation_case c";

fn from_row(r: &Row) -> rusqlite::Result<MediationLine> {
    Ok(MediationLine {
        id: MediationId(r.get(0)?),
        about: r.get(1)?,
        parties: Vec::new(),
        opened: r.get(2)?,
        mediator: r.get(3)?,
        meetings: r.get(4)?,
        outcome: r.get(5)?,
        closed: r.get(6)?,
    })
}

fn parties(conn: &Connection, id: MediationId) -> Result<Vec<Party>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.member_no, m.name FROM mediation_party m LEFT JOIN person p ON p.id = m.person_id WHERE m.case_id = ?1 ORDER BY m.position",
    )?;
    let rows = stmt
        .query_map([id.0], |r| Ok(Party { member_no: r.get::<_, Option<i64>>(0)?.map(MemberNo), name: r.get(1)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn line(conn: &Connection, id: MediationId) -> Result<MediationLine> {
    let mut l = conn
        .query_row(&format!("{SELECT} WHERE c.id = ?1"), [id.0], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("error-mediation-not-found", id.0))?;
    l.parties = parties(conn, id)?;
    Ok(l)
}

/// A whole case with its summary and notes.
pub fn get(conn: &Connection, id: MediationId) -> Result<MediationCase> {
    let line = line(conn, id)?;
    let summary: String = conn.query_row("SELECT summary FROM mediation_case WHERE id = ?1", [id.0], |r| r.get(0))?;
    let mut stmt = conn.prepare("SELECT date, text, created_by FROM mediation_note WHERE case_id = ?1 ORDER BY date, id")?;
    let notes = stmt
        .query_map([id.0], |r| Ok(MediationNote { date: r.get(0)?, text: r.get(1)?, created_by: r.get(2)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(MediationCase { line, summary, notes })
}

/// The case book, open cases first, then the newest: what each is about and who is in it only.
pub fn list(conn: &Connection) -> Result<Vec<MediationLine>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY c.outcome IS NOT NULL, c.opened DESC, c.id DESC"))?;
    let mut rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    for l in &mut rows {
        l.parties = parties(conn, l.id)?;
    }
    Ok(rows)
}
