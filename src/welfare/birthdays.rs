//! Birthdays of a month: who has one, on which solar day (a lunar birthday falls on a different
//! solar day every year), at what age (周岁 or 虚岁, as the association counts), decade
//! birthdays (整寿: 60, 70, 80, 90, 100) marked; the decade-birthday gifts paid as a batch; the
//! list printed.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ages::{age_count, birthday_in, is_decade};
use super::batch::{pay_lines, BatchInput, BatchResult};
use super::kinds::WelfareKind;
use super::payments::quote_at;
use crate::audit::Actor;
use crate::calendar::{AgeCount, LunarDay};
use crate::error::Result;
use crate::kernel::{Fen, Month};
use crate::members::{self, MemberNo, PersonId, Phones};

/// One birthday of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BirthdayLine {
    pub member_no: MemberNo,
    pub name: String,
    pub village_group: String,
    /// The first phone, masked unless the read was asked for whole phones.
    pub phone: String,
    /// The solar day of the birthday in the month.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The lunar birthday, when that is the one kept.
    pub lunar: Option<LunarDay>,
    /// The age reached, as the association counts (None without a birth date).
    pub age: Option<u32>,
    /// 整寿: 60, 70, 80, 90, 100…
    pub decade: bool,
    /// What the birthday standard gives at this age (decade birthdays), if one is set.
    pub gift: Option<Fen>,
    /// The voucher of the birthday gift paid for this age, if paid.
    pub paid: Option<String>,
}

/// The month's birthdays as the page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BirthdayList {
    pub month: Month,
    pub age_count: AgeCount,
    pub lines: Vec<BirthdayLine>,
}

struct Row {
    id: PersonId,
    no: MemberNo,
    name: String,
    group: String,
    phone: String,
    birth: Option<NaiveDate>,
    lunar: Option<LunarDay>,
}

/// Living members with a birth date or a lunar birthday. (Read here in one query rather than
/// person by person: the register's list rows carry no lunar birthday.)
fn people(conn: &Connection) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, member_no, name, village_group, phones, birth_date, lunar_birth_month, lunar_birth_day, lunar_birth_leap
         FROM person WHERE is_member = 1 AND status IN ('active', 'suspended')
           AND (birth_date IS NOT NULL OR lunar_birth_month IS NOT NULL)
         ORDER BY member_no",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let phones: String = r.get(4)?;
            let month: Option<u8> = r.get(6)?;
            let day: Option<u8> = r.get(7)?;
            Ok(Row {
                id: PersonId(r.get(0)?),
                no: MemberNo(r.get(1)?),
                name: r.get(2)?,
                group: r.get(3)?,
                phone: phones.split('\n').next().unwrap_or_default().to_string(),
                birth: r.get(5)?,
                lunar: match (month, day) {
                    (Some(month), Some(day)) => Some(LunarDay { month, day, leap: r.get(8)? }),
                    _ => None,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn occasion(age: Option<u32>, date: NaiveDate) -> String {
    match age {
        Some(a) => format!("birthday:{a}"),
        None => format!("birthday:{}", chrono::Datelike::year(&date)),
    }
}

/// The month's birthdays in date order (then register number); with `decades_only`, only the
/// decade birthdays. The phones as `phones` says.
pub fn birthdays(conn: &Connection, month: Month, decades_only: bool, phones: Phones) -> Result<BirthdayList> {
    let count = age_count(conn)?;
    let mut lines = Vec::new();
    for r in people(conn)? {
        let Some((date, age)) = birthday_in(r.birth, r.lunar, month, count) else { continue };
        let decade = is_decade(age);
        if decades_only && !decade {
            continue;
        }
        let (gift, paid) = if decade {
            let standard = super::standards::standard_for(conn, WelfareKind::Birthday, age, date)?;
            (standard.map(|s| s.amount), super::payments::live_payment(conn, r.id, WelfareKind::Birthday, &occasion(age, date))?)
        } else {
            (None, None)
        };
        lines.push(BirthdayLine {
            member_no: r.no,
            name: r.name,
            village_group: r.group,
            phone: phones.show(&r.phone),
            date,
            lunar: r.lunar,
            age,
            decade,
            gift,
            paid,
        });
    }
    lines.sort_by_key(|l| (l.date, l.member_no));
    Ok(BirthdayList { month, age_count: count, lines })
}

/// Pays the month's decade-birthday gifts (those with a standard, not yet paid): one payment
/// and one voucher each.
pub fn pay_decades(tx: &Transaction, actor: &Actor, month: Month, input: &BatchInput, today: NaiveDate) -> Result<BatchResult> {
    let list = birthdays(tx, month, true, Phones::Masked)?;
    let mut lines = Vec::new();
    for l in list.lines {
        let p = members::get_by_no(tx, l.member_no, today)?;
        let q = quote_at(tx, &p, WelfareKind::Birthday, l.date, l.age, occasion(l.age, l.date))?;
        lines.push((p, q));
    }
    pay_lines(tx, actor, lines, input, today)
}
