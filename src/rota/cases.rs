//! Care cases (护理对象): who is cared for, how often, with which shifts, and the dates that
//! gives.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kinds::{default_shifts, hhmm, stored_time, DutyKind, ShiftInput, ShiftSpec, Weekdays};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::fields;
use crate::members::{self, MemberNo, Phones};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseId(pub i64);

/// The care-case form: the elder (picked), the kind of duty, the first and last day as typed
/// (YYYY-MM-DD; no last day for an open-ended case), the shift rows, the weekdays ticked, every
/// how many days, and the notes that go on the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseInput {
    pub recipient: Option<MemberNo>,
    pub kind: DutyKind,
    pub from: String,
    pub until: String,
    /// Empty: the kind's usual shifts (`default_shifts`).
    pub shifts: Vec<ShiftInput>,
    /// 1 = Monday … 7 = Sunday.
    pub weekdays: Vec<u32>,
    pub every_days: String,
    /// Empty: the recipient's address from the register.
    pub address: String,
    pub medicines: String,
    /// Empty: the recipient's first family contact.
    pub family_to_call: String,
    pub notes: String,
}

/// The form as it starts for a kind of duty: from today, every day, the kind's usual shifts
/// (named in the reader's language), a visit every 7 days and other duties daily.
pub fn blank_case(kind: DutyKind, l10n: &Localizer, today: NaiveDate) -> CaseInput {
    CaseInput {
        recipient: None,
        kind,
        from: today.to_string(),
        until: String::new(),
        shifts: default_shifts(kind, l10n).iter().map(ShiftSpec::to_input).collect(),
        weekdays: Weekdays::ALL.days(),
        every_days: if kind == DutyKind::Visit { "7" } else { "1" }.to_string(),
        address: String::new(),
        medicines: String::new(),
        family_to_call: String::new(),
        notes: String::new(),
    }
}

/// A case read from the form (or made by a pairing), ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NewCase {
    pub recipient: MemberNo,
    pub kind: DutyKind,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub shifts: Vec<ShiftSpec>,
    pub weekdays: Weekdays,
    pub every_days: u32,
    pub address: String,
    pub medicines: String,
    pub family_to_call: String,
    pub notes: String,
}

impl CaseInput {
    fn parse(&self) -> Result<NewCase> {
        Ok(NewCase {
            recipient: self.recipient.ok_or_else(|| Error::invalid("recipient", "error-rota-recipient-required"))?,
            kind: self.kind,
            from: fields::date("from", &self.from)?,
            until: fields::optional_date("until", &self.until)?,
            shifts: self.shifts.iter().map(|s| s.parse("shift")).collect::<Result<_>>()?,
            weekdays: Weekdays::from_days("weekdays", &self.weekdays)?,
            every_days: fields::whole("every_days", &self.every_days, 1..=366, "error-rota-every-days")? as u32,
            address: self.address.clone(),
            medicines: self.medicines.clone(),
            family_to_call: self.family_to_call.clone(),
            notes: self.notes.clone(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CareCase {
    pub id: CaseId,
    pub recipient: MemberNo,
    pub recipient_name: String,
    pub village_group: String,
    pub kind: DutyKind,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string | null")]
    pub until: Option<NaiveDate>,
    pub weekdays: Vec<u32>,
    pub every_days: u32,
    pub shifts: Vec<ShiftSpec>,
    /// The paired volunteer, for a pairing's visits.
    pub paired: Option<MemberNo>,
    pub address: String,
    pub medicines: String,
    /// Its phone numbers masked unless the read was asked for whole phones (`reveal_family`).
    pub family_to_call: String,
    pub notes: String,
}

/// Adds a care case from the form, with its shifts; returns it with its id.
pub fn add_case(tx: &Transaction, actor: &Actor, input: &CaseInput, l10n: &Localizer, today: NaiveDate) -> Result<CareCase> {
    add_new_case(tx, actor, &input.parse()?, None, l10n, today)
}

/// Stores a case read from the form or made by a pairing (`pairing` names it).
pub(super) fn add_new_case(tx: &Transaction, actor: &Actor, input: &NewCase, pairing: Option<i64>, l10n: &Localizer, today: NaiveDate) -> Result<CareCase> {
    let person = members::get_by_no(tx, input.recipient, today)?;
    if matches!(person.status, members::Status::Deceased | members::Status::Left) {
        return Err(Error::conflict("error-rota-person-inactive", vec![("no", input.recipient.to_string()), ("name", person.name)]));
    }
    if let Some(u) = input.until {
        if u < input.from {
            return Err(Error::invalid_with("until", "error-rota-range-reversed", vec![("from", input.from.to_string()), ("until", u.to_string())]));
        }
    }
    if !(1..=366).contains(&input.every_days) {
        return Err(Error::invalid_with("every_days", "error-rota-every-days", vec![("value", input.every_days.to_string())]));
    }
    if input.weekdays.0 & 0x7f == 0 {
        return Err(Error::invalid_with("weekdays", "error-rota-weekday-invalid", vec![("value", String::new())]));
    }
    let shifts = if input.shifts.is_empty() { default_shifts(input.kind, l10n) } else { input.shifts.clone() };
    for s in &shifts {
        s.check("shift")?;
    }
    let address = fields::text("address", &input.address, 100)?;
    let medicines = fields::text("medicines", &input.medicines, 200)?;
    let family = fields::text("family_to_call", &input.family_to_call, 100)?;
    let notes = fields::note("notes", &input.notes, 300)?;
    tx.execute(
        "INSERT INTO care_case (recipient_id, kind, from_date, until_date, weekdays, every_days, pairing_id, address,
             medicines, family_to_call, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            person.id.0,
            input.kind,
            input.from,
            input.until,
            input.weekdays,
            input.every_days,
            pairing,
            address,
            medicines,
            family,
            notes,
            audit::now_utc()
        ],
    )?;
    let id = CaseId(tx.last_insert_rowid());
    for (i, s) in shifts.iter().enumerate() {
        tx.execute(
            "INSERT INTO case_shift (case_id, position, name, start, end, people) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id.0, i as i64, s.name, hhmm(s.start), hhmm(s.end), s.people],
        )?;
    }
    let case = get_case(tx, id, Phones::Masked)?;
    audit::record(tx, actor, "add", "care_case", id.0, None::<&CareCase>, Some(&case))?;
    Ok(case)
}

/// One case, the phones in its family to call as `phones` says.
pub fn get_case(conn: &Connection, id: CaseId, phones: Phones) -> Result<CareCase> {
    let mut c = conn
        .query_row(
            "SELECT c.id, p.member_no, p.name, p.village_group, c.kind, c.from_date, c.until_date, c.weekdays, c.every_days,
                    (SELECT v.member_no FROM pairing pr JOIN person v ON v.id = pr.volunteer_id WHERE pr.id = c.pairing_id),
                    CASE WHEN c.address <> '' THEN c.address ELSE p.address END, c.medicines,
                    CASE WHEN c.family_to_call <> '' THEN c.family_to_call ELSE
                      coalesce((SELECT f.relation || ' ' || f.name || ' ' || f.phone FROM family_contact f
                                WHERE f.person_id = p.id ORDER BY f.position LIMIT 1), '') END,
                    c.notes
             FROM care_case c JOIN person p ON p.id = c.recipient_id WHERE c.id = ?1",
            [id.0],
            |r| {
                Ok(CareCase {
                    id: CaseId(r.get(0)?),
                    recipient: MemberNo(r.get(1)?),
                    recipient_name: r.get(2)?,
                    village_group: r.get(3)?,
                    kind: r.get(4)?,
                    from: r.get(5)?,
                    until: r.get(6)?,
                    weekdays: r.get::<_, Weekdays>(7)?.days(),
                    every_days: r.get(8)?,
                    shifts: Vec::new(),
                    paired: r.get::<_, Option<i64>>(9)?.map(MemberNo),
                    address: r.get(10)?,
                    medicines: r.get(11)?,
                    family_to_call: phones.show_in(r.get::<_, String>(12)?.trim()),
                    notes: r.get(13)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("error-rota-case-not-found", id.0))?;
    let mut stmt = conn.prepare_cached("SELECT name, start, end, people FROM case_shift WHERE case_id = ?1 ORDER BY position")?;
    c.shifts = stmt
        .query_map([id.0], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(3)?)))?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(name, a, b, people)| {
            Ok(ShiftSpec { name, start: stored_time("case_shift.start", &a)?, end: stored_time("case_shift.end", &b)?, people })
        })
        .collect::<Result<_>>()?;
    Ok(c)
}

pub fn list_cases(conn: &Connection, phones: Phones) -> Result<Vec<CareCase>> {
    let ids: Vec<i64> = conn.prepare("SELECT id FROM care_case ORDER BY id")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    ids.into_iter().map(|i| get_case(conn, CaseId(i), phones)).collect()
}

/// Every case with the phone numbers of its family to call whole, for a role that may see them
/// (the command line's `care list --full`): one reveal recorded for the list.
pub fn reveal_families(tx: &Transaction, actor: &Actor) -> Result<Vec<CareCase>> {
    let cases = list_cases(tx, Phones::Whole)?;
    audit::record(tx, actor, "reveal", "care_case", "all", None::<&()>, Some(&"family_to_call"))?;
    Ok(cases)
}

/// The family to call of one case with its phone numbers whole, for a role that may see them;
/// the reveal is recorded (refused, with nothing written, to any other role).
pub fn reveal_family(tx: &Transaction, actor: &Actor, id: CaseId) -> Result<String> {
    let c = get_case(tx, id, Phones::Whole)?;
    audit::record(tx, actor, "reveal", "care_case", id.0, None::<&()>, Some(&"family_to_call"))?;
    Ok(c.family_to_call)
}

/// The dates in `[from, until]` a case has a shift on.
pub fn case_dates(c: &CareCase, from: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
    let first = from.max(c.from);
    let last = c.until.map_or(until, |u| u.min(until));
    let every = i64::from(c.every_days.max(1));
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        let since = (d - c.from).num_days();
        if since % every == 0 && c.weekdays.contains(&d.weekday().number_from_monday()) {
            out.push(d);
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}
