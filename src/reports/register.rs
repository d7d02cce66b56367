//! The register as it stood on any day: everyone read once with their status history, so the
//! work report and the list of the very old ask "who was in the register on that day" of the
//! history instead of today's status (someone who died in March was a member in January).

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::kernel::Gender;
use crate::members::{CareLevel, Living, MemberNo, Status};

/// One person as the reports need them.
#[derive(Debug, Clone)]
pub(super) struct Someone {
    pub id: i64,
    pub member_no: MemberNo,
    pub is_member: bool,
    pub name: String,
    pub gender: Option<Gender>,
    pub birth: Option<NaiveDate>,
    pub id_card: Option<String>,
    pub phone: String,
    pub address: String,
    pub group: String,
    pub living: Option<Living>,
    pub care: Option<CareLevel>,
    pub join_date: Option<NaiveDate>,
    /// Changes of status in the order they took effect (the first is the entry in the register).
    pub history: Vec<(NaiveDate, Status)>,
}

impl Someone {
    /// The status in force at the end of day `d`; None before the person was entered.
    pub fn status_on(&self, d: NaiveDate) -> Option<Status> {
        self.history.iter().take_while(|(e, _)| *e <= d).last().map(|(_, s)| *s)
    }

    /// In the register on day `d`: entered by then, and neither left nor dead.
    pub fn present_on(&self, d: NaiveDate) -> bool {
        matches!(self.status_on(d), Some(Status::Active | Status::Suspended))
    }

    /// The date of the change to `status` that took effect in (after, until], if any.
    pub fn became(&self, status: Status, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        if self.status_on(after) == Some(status) || self.status_on(until) != Some(status) {
            return None;
        }
        self.history.iter().rev().find(|(e, s)| *s == status && *e > after && *e <= until).map(|(e, _)| *e)
    }
}

/// Everyone in the register, sorted by pinyin then number, with their status histories.
pub(super) fn everyone(conn: &Connection) -> Result<Vec<Someone>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_no, is_member, name, gender, birth_date, id_card, phones, address,
                village_group, living, care_level, join_date
         FROM person ORDER BY name_sort, member_no",
    )?;
    let mut people = stmt
        .query_map([], |r| {
            let phones: String = r.get(7)?;
            Ok(Someone {
                id: r.get(0)?,
                member_no: MemberNo(r.get(1)?),
                is_member: r.get(2)?,
                name: r.get(3)?,
                gender: r.get(4)?,
                birth: r.get(5)?,
                id_card: r.get(6)?,
                phone: phones.split('\n').next().unwrap_or_default().to_string(),
                address: r.get(8)?,
                group: r.get(9)?,
                living: r.get(10)?,
                care: r.get(11)?,
                join_date: r.get(12)?,
                history: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let index: std::collections::HashMap<i64, usize> = people.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut stmt = conn.prepare("SELECT person_id, effective, status FROM person_status ORDER BY effective, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let pid: i64 = r.get(0)?;
        if let Some(&i) = index.get(&pid) {
            people[i].history.push((r.get(1)?, r.get(2)?));
        }
    }
    Ok(people)
}
