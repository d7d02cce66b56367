//! Gathering the month at a glance from every area.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backup::BackupStatus;
use crate::calendar::AgeCount;
use crate::error::Result;
use crate::kernel::{Fen, Month};
use crate::members::{MemberNo, Phones};
use crate::money::{cash_book, dues};
use crate::rota::{self, DutyKind, OverdueElder, RotaSlotId};
use crate::welfare::{self, BirthdayLine, Festival, HospitalStay, UnpaidDeath};

/// Dues owed for the month's year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaDues {
    pub year: i32,
    pub people: u32,
    pub total: Fen,
    /// Who owes, by village group and number.
    pub owing: Vec<AgendaOwing>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaOwing {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    pub owed: Fen,
}

/// A shift still short of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaShortSlot {
    pub slot: RotaSlotId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub shift: String,
    pub kind: DutyKind,
    pub recipient_name: String,
    pub short: u32,
}

/// One month's short shifts; `generated` is false when the month has no rota yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaShifts {
    pub month: Month,
    pub generated: bool,
    pub short: Vec<AgendaShortSlot>,
}

/// The next 重阳 or 春节, and its gifts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaFestival {
    pub festival: Festival,
    pub year: i32,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub days_to_go: i64,
    pub eligible: u32,
    pub paid: u32,
    pub total: Fen,
}

/// When the last backups were made (local time, to the minute), from `backup::status` of the
/// data file. The agenda is built from a connection, which does not know its file, so the
/// caller (CLI, shell) reads the status and hands it in; None leaves the line out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaBackup {
    pub last_backup: Option<String>,
    pub last_usb_backup: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Agenda {
    pub month: Month,
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub association: String,
    pub age_count: AgeCount,
    pub birthdays: Vec<BirthdayLine>,
    pub unpaid_deaths: Vec<UnpaidDeath>,
    pub in_hospital: Vec<HospitalStay>,
    /// None when no dues policy is set for the year.
    pub dues: Option<AgendaDues>,
    /// This month and the next.
    pub shifts: Vec<AgendaShifts>,
    pub overdue_days: i64,
    pub overdue: Vec<OverdueElder>,
    pub festivals: Vec<AgendaFestival>,
    pub cash_balance: Fen,
    pub backup: Option<AgendaBackup>,
}

/// How far back a death still waits for its condolence on the agenda: a year.
const DEATHS_LOOK_BACK_DAYS: i64 = 365;

impl AgendaBackup {
    pub fn of(status: &BackupStatus) -> AgendaBackup {
        let at = |t: Option<chrono::NaiveDateTime>| t.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        AgendaBackup { last_backup: at(status.last_backup), last_usb_backup: at(status.last_usb) }
    }
}

fn shifts(conn: &Connection, month: Month, today: NaiveDate) -> Result<AgendaShifts> {
    let slots = rota::list_month(conn, month, Phones::Masked)?;
    // Shifts already past in the current month are history, not something to act on.
    let from = month.first_day().max(today);
    let short = slots
        .iter()
        .filter(|s| s.short() > 0 && s.date >= from)
        .map(|s| AgendaShortSlot {
            slot: s.id,
            date: s.date,
            start: s.start.clone(),
            end: s.end.clone(),
            shift: s.shift.clone(),
            kind: s.kind,
            recipient_name: s.recipient_name.clone(),
            short: s.short(),
        })
        .collect();
    Ok(AgendaShifts { month, generated: !slots.is_empty(), short })
}

/// The next time a festival comes, on or after `from`.
fn next_festival(conn: &Connection, f: Festival, from: NaiveDate, today: NaiveDate) -> Result<Option<AgendaFestival>> {
    let year = chrono::Datelike::year(&from);
    let Some((year, date)) = [year, year + 1].into_iter().find_map(|y| f.date(y).filter(|d| *d >= from).map(|d| (y, d))) else {
        return Ok(None);
    };
    let list = welfare::festival(conn, f, year, today)?;
    Ok(Some(AgendaFestival {
        festival: f,
        year,
        date,
        days_to_go: (date - from).num_days(),
        eligible: list.lines.len() as u32,
        paid: list.paid,
        total: list.total,
    }))
}

/// The month at a glance; `backup` is the data file's `backup::status` (None: not known).
pub fn agenda(conn: &Connection, month: Month, today: NaiveDate, backup: Option<&BackupStatus>) -> Result<Agenda> {
    let dues = match dues::policy(conn, month.year)? {
        Some(_) => {
            let lines = dues::arrears(conn, month.year)?;
            Some(AgendaDues {
                year: month.year,
                people: lines.len() as u32,
                total: lines.iter().map(|l| l.owed).sum(),
                owing: lines
                    .into_iter()
                    .map(|l| AgendaOwing { member_no: l.member_no, name: l.name, village_group: l.village_group, owed: l.owed })
                    .collect(),
            })
        }
        None => None,
    };
    let look_from = month.first_day() - chrono::Duration::days(DEATHS_LOOK_BACK_DAYS);
    let from = month.first_day().max(today);
    let mut festivals = Vec::new();
    for f in Festival::ALL {
        festivals.extend(next_festival(conn, *f, from, today)?);
    }
    festivals.sort_by_key(|f| f.date);
    Ok(Agenda {
        month,
        today,
        association: crate::association::get(conn)?.map(|a| a.name).unwrap_or_default(),
        age_count: welfare::age_count(conn)?,
        birthdays: welfare::birthdays(conn, month, false, Phones::Masked)?.lines,
        unpaid_deaths: welfare::unpaid_deaths(conn, look_from, month.last_day(), today)?,
        in_hospital: welfare::in_hospital(conn, today, Phones::Masked)?,
        dues,
        shifts: vec![shifts(conn, month, today)?, shifts(conn, month.next(), today)?],
        overdue_days: rota::DEFAULT_OVERDUE_DAYS,
        overdue: rota::overdue(conn, &rota::DEFAULT_OVERDUE_DAYS.to_string(), today, Phones::Masked)?,
        festivals,
        cash_balance: cash_book::balance(conn, None)?,
        backup: backup.map(AgendaBackup::of),
    })
}
