//! Hospital stays (住院): admitted and discharged, where, notes. A member is in hospital until
//! discharged; visits are logged in the rotas' visit log, and the hospital payment is a welfare
//! payment for the stay.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::kernel::fields;
use crate::members::{self, MemberNo, PersonId, Phones, Status};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HospitalStay {
    pub id: i64,
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    /// The first phone, masked unless the read was asked for whole phones.
    pub phone: String,
    #[ts(type = "string")]
    pub admitted: NaiveDate,
    #[ts(type = "string | null")]
    pub discharged: Option<NaiveDate>,
    pub hospital: String,
    pub notes: String,
    /// Days in hospital: to the discharge, or to the day asked about.
    pub days: i64,
    /// The voucher of the hospital payment for this stay (not reversed), if made.
    pub paid: Option<String>,
    /// Visits and calls logged since admission.
    pub visits: i64,
}

/// What the admission form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AdmitInput {
    pub member: Option<MemberNo>,
    /// YYYY-MM-DD; empty for today.
    pub date: String,
    pub hospital: String,
    pub notes: String,
}

const SELECT: &str = "SELECT h.id, p.member_no, p.name, p.village_group, p.phones, h.admitted, h.discharged, h.hospital, h.notes,
        (SELECT e.voucher_no FROM welfare_payment w JOIN cash_entry e ON e.id = w.cash_entry_id
          WHERE w.person_id = h.person_id AND w.kind = 'hospital' AND w.occasion = 'hospital:' || h.id
            AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = e.id) LIMIT 1),
        (SELECT count(*) FROM contact_log c WHERE c.elder_id = h.person_id AND c.date >= h.admitted
            AND (h.discharged IS NULL OR c.date <= h.discharged))
    FROM hospital_stay h JOIN person p ON p.id = h.person_id";

fn from_row(r: &Row, on: NaiveDate, shown: Phones) -> rusqlite::Result<HospitalStay> {
    let admitted: NaiveDate = r.get(5)?;
    let discharged: Option<NaiveDate> = r.get(6)?;
    let phones: String = r.get(4)?;
    Ok(HospitalStay {
        id: r.get(0)?,
        member_no: MemberNo(r.get(1)?),
        name: r.get(2)?,
        village_group: r.get(3)?,
        phone: shown.show(phones.split('\n').next().unwrap_or_default()),
        admitted,
        discharged,
        hospital: r.get(7)?,
        notes: r.get(8)?,
        days: (discharged.unwrap_or(on) - admitted).num_days().max(0),
        paid: r.get(9)?,
        visits: r.get(10)?,
    })
}

fn get(conn: &Connection, id: i64, on: NaiveDate) -> Result<HospitalStay> {
    conn.query_row(&format!("{SELECT} WHERE h.id = ?1"), [id], |r| from_row(r, on, Phones::Masked))
        .optional()?
        .ok_or_else(|| Error::not_found("error-welfare-stay-not-found", id))
}

fn open_stay(conn: &Connection, person: PersonId) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM hospital_stay WHERE person_id = ?1 AND discharged IS NULL", [person.0], |r| r.get(0)).optional()?)
}

/// The stay a person was in hospital for on `date` (the latest admitted by then and not
/// discharged before it), for the hospital payment's occasion.
pub(crate) fn stay_on(conn: &Connection, person: PersonId, date: NaiveDate) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM hospital_stay WHERE person_id = ?1 AND admitted <= ?2 AND (discharged IS NULL OR discharged >= ?2)
             ORDER BY admitted DESC, id DESC LIMIT 1",
            params![person.0, date],
            |r| r.get(0),
        )
        .optional()?)
}

/// Records an admission. One stay at a time; the deceased are not admitted.
pub fn admit(tx: &Transaction, actor: &Actor, input: &AdmitInput, today: NaiveDate) -> Result<HospitalStay> {
    let no = input.member.ok_or_else(|| Error::invalid("member", "error-welfare-member-required"))?;
    let date = fields::ledger_date("date", &input.date, today)?;
    let hospital = fields::text("hospital", &input.hospital, 60)?;
    let notes = fields::text("notes", &input.notes, 300)?;
    let p = members::get_by_no(tx, no, today)?;
    if p.status == Status::Deceased {
        return Err(Error::conflict("error-welfare-deceased", vec![("no", no.to_string()), ("name", p.name)]));
    }
    if p.birth_date.is_some_and(|b| date < b) {
        return Err(Error::invalid("date", "error-death-before-birth"));
    }
    if let Some(id) = open_stay(tx, p.id)? {
        let s = get(tx, id, today)?;
        return Err(Error::conflict("error-welfare-in-hospital", vec![("name", p.name), ("date", s.admitted.to_string())]));
    }
    tx.execute(
        "INSERT INTO hospital_stay (person_id, admitted, hospital, notes, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![p.id.0, date, hospital, notes, audit::now_utc(), actor.name],
    )?;
    let s = get(tx, tx.last_insert_rowid(), today)?;
    audit::record(tx, actor, "admit", "hospital_stay", s.id, None::<&HospitalStay>, Some(&s))?;
    Ok(s)
}

/// Records the discharge of the stay a member is in.
pub fn discharge(tx: &Transaction, actor: &Actor, no: MemberNo, date: &str, today: NaiveDate) -> Result<HospitalStay> {
    let date = fields::ledger_date("date", date, today)?;
    let p = members::get_by_no(tx, no, today)?;
    let id = open_stay(tx, p.id)?.ok_or_else(|| Error::conflict("error-welfare-not-in-hospital", vec![("name", p.name.clone())]))?;
    let before = get(tx, id, today)?;
    if date < before.admitted {
        return Err(Error::invalid_with("date", "error-welfare-discharge-before-admission", vec![("admitted", before.admitted.to_string())]));
    }
    close(tx, id, date)?;
    let after = get(tx, id, today)?;
    audit::record(tx, actor, "discharge", "hospital_stay", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Ends a stay on `date`, unaudited (a discharge audits it; a death records it among what
/// the death changed).
pub(crate) fn close(tx: &Transaction, id: i64, date: NaiveDate) -> Result<()> {
    tx.execute("UPDATE hospital_stay SET discharged = ?2 WHERE id = ?1", params![id, date])?;
    Ok(())
}

/// Opens again a stay a death recorded by mistake closed.
pub(crate) fn reopen(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("UPDATE hospital_stay SET discharged = NULL WHERE id = ?1", [id])?;
    Ok(())
}

/// The stay a person is in now, if any.
pub(crate) fn current_of(conn: &Connection, person: PersonId, today: NaiveDate) -> Result<Option<HospitalStay>> {
    open_stay(conn, person)?.map(|id| get(conn, id, today)).transpose()
}

/// Members in hospital now (not discharged), longest first; their phones as `phones` says.
pub fn in_hospital(conn: &Connection, today: NaiveDate, phones: Phones) -> Result<Vec<HospitalStay>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE h.discharged IS NULL AND p.status <> 'deceased' ORDER BY h.admitted, h.id"))?;
    let rows = stmt.query_map([], |r| from_row(r, today, phones))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every stay (of one member, or of all), newest first; the phones as `phones` says.
pub fn stays(conn: &Connection, member: Option<MemberNo>, today: NaiveDate, phones: Phones) -> Result<Vec<HospitalStay>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE ?1 IS NULL OR p.member_no = ?1 ORDER BY h.admitted DESC, h.id DESC"))?;
    let rows = stmt.query_map([member.map(|m| m.0)], |r| from_row(r, today, phones))?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
