//! The sample village's activities, mediation and dues paid with hours (issue 13), added after
//! its year (`demo_year`) so every screen of these areas has something in it and a backup
//! round-trips every table: three activities of the year (重阳 with members ticked, 春节 with a
//! head count, an outing) with their costs in the cash book, a mediation case closed with an
//! agreement and one still open, and one member's dues paid with saved hours at ¥10 an hour.
//! Costs are dated today so the cash book's voucher numbers still follow the dates.
//! Deterministic: people are taken in register order, built only through the core's functions.

use chrono::{Datelike, NaiveDate};
use rusqlite::Transaction;

use crate::activities::{self, ActivityInput, ActivityKind, AttendanceInput, CostInput};
use crate::audit::Actor;
use crate::error::Result;
use crate::mediation::{self, CloseInput, DisputeKind, MediationOutcome, NoteInput, OpenInput, PartyInput};
use crate::members::MemberNo;
use crate::money::dues_hours::{self, HoursDuesInput};

pub fn build(tx: &Transaction, actor: &Actor, today: NaiveDate) -> Result<()> {
    let members: Vec<MemberNo> = {
        let mut stmt = tx.prepare("SELECT member_no FROM person WHERE is_member = 1 AND status = 'active' ORDER BY member_no LIMIT 30")?;
        let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?.collect::<std::result::Result<Vec<_>, _>>()?;
        rows.into_iter().map(MemberNo).collect()
    };
    let year = today.year();
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).filter(|x| *x <= today).unwrap_or(today).to_string();
    let activity = |name: &str, kind: ActivityKind, date: String, place: &str, budget: &str| ActivityInput {
        name: name.into(),
        kind: Some(kind),
        date,
        place: place.into(),
        budget: budget.into(),
    };
    let chongyang = activities::add(tx, actor, &activity("重阳敬老宴", ActivityKind::Chongyang, day(10, 29), "老年活动中心", "3000"), today)?;
    let ticked = AttendanceInput { people: members.iter().take(20).copied().collect(), count: String::new() };
    activities::attend(tx, actor, chongyang.id, &ticked, today)?;
    let cost = |amount: &str, party: &str, memo: &str| CostInput { amount: amount.into(), party: party.into(), memo: memo.into(), ..Default::default() };
    activities::add_cost(tx, actor, chongyang.id, &cost("2360", "村口饭店", "敬老宴"), today)?;
    let spring = activities::add(tx, actor, &activity("春节联欢会", ActivityKind::Festival, day(2, 10), "祠堂", "1500"), today)?;
    activities::attend(tx, actor, spring.id, &AttendanceInput { people: vec![], count: "86".into() }, today)?;
    activities::add_cost(tx, actor, spring.id, &cost("980", "", "奖品、茶点"), today)?;
    let trip = activities::add(tx, actor, &activity("清源山一日游", ActivityKind::Trip, day(5, 18), "清源山", "4000"), today)?;
    activities::attend(tx, actor, trip.id, &AttendanceInput { people: members.iter().skip(5).take(12).copied().collect(), count: String::new() }, today)?;
    activities::add_cost(tx, actor, trip.id, &cost("1800", "县运输公司", "包车"), today)?;

    if let (Some(&elder), Some(&neighbour)) = (members.first(), members.get(1)) {
        let case = mediation::open(
            tx,
            actor,
            &OpenInput {
                parties: vec![PartyInput { member: Some(elder), name: String::new() }, PartyInput { member: None, name: "林建国".into() }],
                about: Some(DisputeKind::FamilySupport),
                summary: "儿子未按约定给付生活费".into(),
                mediator: "陈会长".into(),
                opened: day(9, 3),
            },
            today,
        )?;
        mediation::note(tx, actor, case.line.id, &NoteInput { text: "第一次调解：儿子同意每月给付生活费".into(), date: day(9, 10) }, today)?;
        mediation::close(tx, actor, case.line.id, &CloseInput { outcome: Some(MediationOutcome::Agreed), date: day(9, 10) }, today)?;
        mediation::open(
            tx,
            actor,
            &OpenInput {
                parties: vec![PartyInput { member: Some(neighbour), name: String::new() }, PartyInput { member: None, name: "黄明".into() }],
                about: Some(DisputeKind::Neighbours),
                summary: "宅基地边界".into(),
                mediator: "陈会长".into(),
                opened: day(11, 2),
            },
            today,
        )?;
    }

    // Dues paid with saved hours: the first member who owes and has the hours.
    dues_hours::set_hours_rate(tx, actor, "10")?;
    let owing = crate::money::dues::bill(tx, year)?.into_iter().filter(|l| l.owed.0 > 0 && l.exemption.is_none());
    for line in owing {
        let no = line.member_no;
        if dues_hours::quote(tx, no, year, today).is_ok_and(|q| q.enough) {
            dues_hours::pay_with_hours(tx, actor, &HoursDuesInput { member: Some(no), year, date: String::new() }, today)?;
            break;
        }
    }
    Ok(())
}

