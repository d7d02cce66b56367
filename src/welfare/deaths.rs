//! A member dies (one action). `preview` shows the secretary what recording the death will do;
//! `record` does it, in one transaction with one audit row for the whole action: the status
//! becomes deceased with the date; the care cases where they are cared for end on that date and
//! they come off every shift after it (the slots left short are listed); their pairings end;
//! their time-bank account is frozen and their family contacts are listed as possible heirs for
//! the inheritance step; an open hospital stay ends; dues billing stops after the year of death
//! (the bill reads the date). The condolence (and wreath) from the standard is proposed, for the
//! secretary to confirm as a welfare payment. A death entered by mistake is corrected with a
//! reason (`correct`): the status is restored, the condolence reversed through the cash book, the
//! cases and pairings brought back, the account thawed; the shifts are listed to fill again.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::hospital;
use super::kinds::WelfareKind;
use super::payments::{self, WelfareQuote};
use crate::audit::{self, Actor};
use crate::error::{Error, Result, Unreadable};
use crate::kernel::{fields, Fen};
use crate::members::{self, MemberNo, Person, PersonFilter, Phones, PrivateField, Status, StatusFilter};
use crate::money::{dues, receipts};
use crate::rota::departures::{self, RotaDeparture, RotaLeftShift, RotaRestored};
use crate::time_bank::{self, Hours};

/// What the death form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct DeathInput {
    pub member: Option<MemberNo>,
    /// The date of death, YYYY-MM-DD.
    pub date: String,
    /// Who in the family to contact (for the condolence, the funeral).
    pub contact: String,
}

/// A family contact who may inherit the time-bank hours; the register number when exactly one
/// living person in the register has that name (the inheritance step names heirs by number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PossibleHeir {
    pub name: String,
    pub relation: String,
    /// Masked (kept so in the death's record too); `reveal_heirs` shows them whole.
    pub phone: String,
    pub member_no: Option<MemberNo>,
}

/// Dues still owed for the year of death; no later year is billed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeathDues {
    pub year: i32,
    pub owed: Fen,
}

/// What recording a death does (before: the preview) or did (after: the record, kept with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeathPlan {
    pub member_no: MemberNo,
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub contact: String,
    pub status_before: Status,
    pub rota: RotaDeparture,
    /// The hospital stay that ends on the date, if they were in hospital.
    pub hospital_stay: Option<i64>,
    /// The hours frozen in their time-bank account (None: they never had one).
    pub time_balance: Option<Hours>,
    pub heirs: Vec<PossibleHeir>,
    pub dues: Option<DeathDues>,
    /// The condolence the standard proposes, to confirm as a payment.
    pub condolence: WelfareQuote,
}

struct Checked {
    person: Person,
    date: NaiveDate,
    contact: String,
}

fn check(conn: &Connection, input: &DeathInput, today: NaiveDate) -> Result<Checked> {
    let no = input.member.ok_or_else(|| Error::invalid("member", "error-welfare-member-required"))?;
    let date = fields::date("date", &input.date)?;
    let contact = fields::text("contact", &input.contact, 60)?;
    let person = members::get_by_no(conn, no, today)?;
    if person.status == Status::Deceased {
        return Err(Error::conflict(
            "error-welfare-already-deceased",
            vec![("name", person.name.clone()), ("date", person.death_date.map(|d| d.to_string()).unwrap_or_default())],
        ));
    }
    fields::check_not_future("date", date, today)?;
    if person.birth_date.is_some_and(|b| date < b) {
        return Err(Error::invalid("date", "error-death-before-birth"));
    }
    Ok(Checked { person, date, contact })
}

/// Family contacts as possible heirs, each with the register number of the one living person of
/// that name, if there is exactly one.
fn heirs(conn: &Connection, p: &Person, today: NaiveDate) -> Result<Vec<PossibleHeir>> {
    let mut out = Vec::new();
    for f in &p.family {
        let found = members::list(conn, &PersonFilter { search: f.name.clone(), status: StatusFilter::Current, ..Default::default() }, today)?;
        let same: Vec<MemberNo> = found.rows.iter().filter(|r| r.name == f.name && r.id != p.id).map(|r| r.member_no).collect();
        out.push(PossibleHeir {
            name: f.name.clone(),
            relation: f.relation.clone(),
            phone: Phones::Masked.show(&f.phone),
            member_no: if same.len() == 1 { Some(same[0]) } else { None },
        });
    }
    Ok(out)
}

fn plan(conn: &Connection, c: &Checked, today: NaiveDate) -> Result<DeathPlan> {
    let p = &c.person;
    let dues = match dues::policy(conn, c.date.year())? {
        Some(_) => dues::bill(conn, c.date.year())?
            .into_iter()
            .find(|l| l.member_no == p.member_no && l.owed > Fen::ZERO)
            .map(|l| DeathDues { year: l.year, owed: l.owed }),
        None => None,
    };
    // The condolence as it will be once the death is recorded.
    let mut dead = p.clone();
    dead.status = Status::Deceased;
    dead.death_date = Some(c.date);
    let mut condolence = payments::quote_for(conn, &dead, WelfareKind::Condolence, today)?;
    if !c.contact.is_empty() {
        condolence.receiver = c.contact.clone();
    }
    Ok(DeathPlan {
        member_no: p.member_no,
        name: p.name.clone(),
        date: c.date,
        contact: c.contact.clone(),
        status_before: p.status,
        rota: departures::plan(conn, p.id, c.date)?,
        hospital_stay: hospital::current_of(conn, p.id, today)?.map(|s| s.id),
        time_balance: time_bank::balance_of(conn, p.id)?,
        heirs: heirs(conn, p, today)?,
        dues,
        condolence,
    })
}

/// What recording the death would do; nothing is written.
pub fn preview(conn: &Connection, input: &DeathInput, today: NaiveDate) -> Result<DeathPlan> {
    let c = check(conn, input, today)?;
    plan(conn, &c, today)
}

/// Records the death and everything it changes (see the module), in the caller's transaction,
/// with one audit row for the whole action.
pub fn record(tx: &Transaction, actor: &Actor, input: &DeathInput, today: NaiveDate) -> Result<DeathPlan> {
    let c = check(tx, input, today)?;
    let mut plan = plan(tx, &c, today)?;
    let p = &c.person;
    members::write_status(tx, actor, p.id, Status::Deceased, c.date, &c.contact)?;
    plan.rota = departures::depart(tx, p.id, c.date)?;
    if let Some(stay) = plan.hospital_stay {
        let admitted: NaiveDate = tx.query_row("SELECT admitted FROM hospital_stay WHERE id = ?1", [stay], |r| r.get(0))?;
        hospital::close(tx, stay, c.date.max(admitted))?;
    }
    plan.time_balance = time_bank::freeze_on_death(tx, actor, p.id, c.date)?;
    tx.execute(
        "INSERT INTO death_record (person_id, date, contact, status_before, effects, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![p.id.0, c.date, c.contact, p.status, serde_json::to_string(&plan)?, audit::now_utc(), actor.name],
    )?;
    audit::record(tx, actor, "died", "person", p.member_no, Some(p), Some(&plan))?;
    Ok(plan)
}

/// The heirs of a plan (a preview, a record) with their phones whole, from the person's family
/// contacts in the register, for a role that may see them: recorded as a reveal of the person's
/// phones (refused, with nothing written, to any other role). An heir no longer among the
/// family contacts keeps the masked phone.
pub fn reveal_heirs(tx: &Transaction, actor: &Actor, plan: &mut DeathPlan, today: NaiveDate) -> Result<()> {
    let p = members::reveal(tx, actor, plan.member_no, PrivateField::Phones, today)?;
    for h in &mut plan.heirs {
        if let Some(f) = p.family.iter().find(|f| f.name == h.name && f.relation == h.relation) {
            h.phone = f.phone.clone();
        }
    }
    Ok(())
}

/// A recorded death as the member's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeathRecord {
    pub id: i64,
    pub plan: DeathPlan,
    pub recorded_at: String,
    pub recorded_by: String,
    /// The reason it was corrected (entered by mistake), if it was.
    pub corrected: Option<String>,
}

/// The latest death recorded for a person, if any.
pub fn record_of(conn: &Connection, no: MemberNo) -> Result<Option<DeathRecord>> {
    let row: Option<(i64, String, String, String, Option<String>)> = conn
        .query_row(
            "SELECT d.id, d.effects, d.recorded_at, d.recorded_by, c.reason
             FROM death_record d JOIN person p ON p.id = d.person_id
             LEFT JOIN death_correction c ON c.death_id = d.id
             WHERE p.member_no = ?1 ORDER BY d.id DESC LIMIT 1",
            [no.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((id, effects, recorded_at, recorded_by, corrected)) = row else { return Ok(None) };
    let mut plan: DeathPlan = serde_json::from_str(&effects).map_err(|_| Unreadable::new("death_record.effects", effects.as_str()))?;
    // A death recorded before the heirs' phones were masked in the plan kept them whole.
    for h in &mut plan.heirs {
        h.phone = Phones::Masked.show(&h.phone);
    }
    Ok(Some(DeathRecord { id, plan, recorded_at, recorded_by, corrected }))
}

/// What correcting a mistaken death did, and the shifts left for the secretary to fill again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeathCorrection {
    pub member_no: MemberNo,
    pub name: String,
    pub status: Status,
    pub reason: String,
    /// The vouchers of the reversals of the condolence payments.
    pub reversals: Vec<String>,
    pub rota: RotaRestored,
    /// The shifts they came off, to put them back on by hand where still wanted.
    pub shifts_to_restore: Vec<RotaLeftShift>,
    pub hospital_reopened: Option<i64>,
    pub freeze_lifted: bool,
}

/// Corrects a death entered by mistake, with the reason (see the module).
pub fn correct(tx: &Transaction, actor: &Actor, no: MemberNo, reason: &str, today: NaiveDate) -> Result<DeathCorrection> {
    let reason = fields::reason(reason, "error-reason-required")?;
    let p = members::get_by_no(tx, no, today)?;
    let record = record_of(tx, no)?.filter(|r| r.corrected.is_none() && p.status == Status::Deceased);
    let Some(record) = record else {
        return Err(Error::conflict("error-welfare-no-death-record", vec![("name", p.name.clone())]));
    };
    if time_bank::inherited_from(tx, p.id)? {
        return Err(Error::conflict("error-welfare-death-inherited", vec![("name", p.name.clone())]));
    }
    let plan = &record.plan;
    let condolences = payments::list(tx, &payments::WelfareFilter { member: Some(no), kind: Some(WelfareKind::Condolence), year: None })?;
    let mut reversals = Vec::new();
    for w in condolences.iter().filter(|w| w.reversed_by.is_none()) {
        let input = crate::kernel::fields::ReversalInput::new(&reason, "");
        reversals.push(receipts::reverse_entry(tx, actor, &w.voucher_no, &input, today)?.voucher_no);
    }
    members::write_status(tx, actor, p.id, plan.status_before, plan.date, &reason)?;
    let rota = departures::restore(tx, &plan.rota)?;
    let hospital_reopened = match plan.hospital_stay {
        Some(stay) if hospital::current_of(tx, p.id, today)?.is_none() => {
            hospital::reopen(tx, stay)?;
            Some(stay)
        }
        _ => None,
    };
    let freeze_lifted = time_bank::lift_freeze(tx, actor, p.id, &reason)?;
    tx.execute(
        "INSERT INTO death_correction (death_id, reason, corrected_at, corrected_by) VALUES (?1, ?2, ?3, ?4)",
        params![record.id, reason, audit::now_utc(), actor.name],
    )?;
    let out = DeathCorrection {
        member_no: no,
        name: p.name.clone(),
        status: plan.status_before,
        reason,
        reversals,
        rota,
        shifts_to_restore: plan.rota.shifts_left.clone(),
        hospital_reopened,
        freeze_lifted,
    };
    audit::record(tx, actor, "death_corrected", "person", no, Some(&record), Some(&out))?;
    Ok(out)
}

/// A death the condolence has not been paid for yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnpaidDeath {
    pub member_no: MemberNo,
    pub name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub contact: String,
    /// What the standard proposes (None: no condolence standard set).
    pub proposed: Option<Fen>,
}

/// Members who died between `from` and `until` with no condolence paid (or only reversed ones).
pub fn unpaid(conn: &Connection, from: NaiveDate, until: NaiveDate, today: NaiveDate) -> Result<Vec<UnpaidDeath>> {
    let nos: Vec<i64> = conn
        .prepare(
            "SELECT p.member_no FROM person p
             WHERE p.status = 'deceased' AND p.is_member = 1 AND p.death_date BETWEEN ?1 AND ?2
               AND NOT EXISTS (SELECT 1 FROM welfare_payment w WHERE w.person_id = p.id AND w.kind = 'condolence'
                   AND NOT EXISTS (SELECT 1 FROM cash_entry r WHERE r.reverses_id = w.cash_entry_id))
             ORDER BY p.death_date, p.member_no",
        )?
        .query_map(params![from, until], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for no in nos {
        let p = members::get_by_no(conn, MemberNo(no), today)?;
        let q = payments::quote_for(conn, &p, WelfareKind::Condolence, today)?;
        out.push(UnpaidDeath {
            member_no: p.member_no,
            name: p.name.clone(),
            date: q.occasion_date,
            contact: q.receiver.clone(),
            proposed: q.standard.map(|s| s.amount),
        });
    }
    Ok(out)
}
