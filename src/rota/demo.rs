//! The sample village's rotas: volunteers' availability and absences, care cases for the
//! bedridden, visits for the frail, hall duty, 老伙伴 pairings for the 80+ living alone, and a
//! few logged visits. Deterministic for a seed (ChaCha8, people taken in register order).

use chrono::{Datelike, Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Transaction;
use serde::Serialize;

use super::cases::{add_case, blank_case, CaseInput};
use super::kinds::{DutyKind, ShiftInput, Weekdays};
use super::pairings::{add_pairing, PairingInput};
use super::visits::{log_contact, ContactInput};
use super::volunteers::{availability, set_volunteer, VolunteerAvailabilityInput};
use crate::audit::Actor;
use crate::error::Result;
use crate::i18n::{Lang, Localizer};
use crate::members::MemberNo;

#[derive(Debug, Clone, Default, Serialize)]
pub struct RotaDemo {
    pub volunteers: usize,
    pub cases: usize,
    pub pairings: usize,
}

const MEDICINES: &[&str] = &["降压药早晚各一次", "胰岛素饭前注射", "每两小时翻身一次", "止痛片按需服用", "护心丸随身带"];

struct Row {
    no: MemberNo,
    group: String,
    volunteer: bool,
    non_member: bool,
    age: i64,
    care: String,
    living: String,
}

/// Adds the rota side of the sample village to the people already in the register.
pub fn build(tx: &Transaction, actor: &Actor, seed: u64, today: NaiveDate) -> Result<RotaDemo> {
    let l10n = Localizer::new(Lang::ZhCn);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x524f_5441); // "ROTA"
    let rows: Vec<Row> = tx
        .prepare(
            "SELECT member_no, village_group, volunteer, is_member, birth_date, coalesce(care_level, ''), coalesce(living, '')
             FROM person WHERE status = 'active' ORDER BY member_no",
        )?
        .query_map([], |r| {
            let birth: Option<NaiveDate> = r.get(4)?;
            Ok(Row {
                no: MemberNo(r.get(0)?),
                group: r.get(1)?,
                volunteer: r.get(2)?,
                non_member: !r.get::<_, bool>(3)?,
                age: birth.map_or(70, |b| i64::from(today.year() - b.year())),
                care: r.get(5)?,
                living: r.get(6)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut out = RotaDemo::default();
    let month_start = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);

    // Volunteers: the young take care and night shifts; elders visit and keep the hall.
    let vols: Vec<&Row> = rows.iter().filter(|r| r.volunteer).collect();
    for v in &vols {
        let young = v.non_member || v.age < 65;
        let kinds = if young {
            vec![DutyKind::Care, DutyKind::Hall, DutyKind::Visit]
        } else if rng.random_bool(0.4) {
            vec![DutyKind::Care, DutyKind::Visit]
        } else {
            vec![DutyKind::Hall, DutyKind::Visit]
        };
        let mut days = Weekdays::ALL.0;
        for _ in 0..rng.random_range(0..3) {
            days &= !(1 << rng.random_range(0..7));
        }
        let night = young && rng.random_bool(0.6);
        let max = if rng.random_bool(0.5) { Some(rng.random_range(6..=12)) } else { None };
        let mut away = Vec::new();
        if rng.random_bool(0.15) {
            let start = month_start + Duration::days(rng.random_range(20..50));
            away.push((start, start + Duration::days(rng.random_range(2..10))));
        }
        let input = VolunteerAvailabilityInput {
            kinds: Some(kinds),
            weekdays: Some(Weekdays(days.max(1)).days()),
            shifts: Some((true, night)),
            max_shifts: Some(max.map(|m: u32| m.to_string()).unwrap_or_default()),
            away: away.iter().map(|(a, b): &(NaiveDate, NaiveDate)| (a.to_string(), b.to_string())).collect(),
        };
        set_volunteer(tx, actor, v.no, &input, today)?;
        out.volunteers += 1;
    }
    if vols.is_empty() {
        return Ok(out);
    }

    // Care cases: everyone severely dependent gets day and night care (at most one in 40 people,
    // as a village would manage); the moderately dependent a visit every two or three days.
    let care_cap = (rows.len() / 40).max(1);
    // Each case as the form sends it: the kind's form from the first of the month, then changed.
    let from = month_start.to_string();
    let row = |name: &str, start: &str, end: &str, people: u32| ShiftInput { name: name.into(), start: start.into(), end: end.into(), people: people.to_string() };
    for r in rows.iter().filter(|r| r.care == "severe" && !r.volunteer).take(care_cap) {
        let medicines = MEDICINES[rng.random_range(0..MEDICINES.len())].to_string();
        let input = CaseInput { recipient: Some(r.no), from: from.clone(), medicines, ..blank_case(DutyKind::Care, &l10n, today) };
        add_case(tx, actor, &input, &l10n, today)?;
        out.cases += 1;
    }
    for r in rows.iter().filter(|r| r.care == "moderate" && !r.volunteer).take(care_cap * 2) {
        let input = CaseInput {
            recipient: Some(r.no),
            from: from.clone(),
            shifts: vec![row(&l10n.t("rota-shift-visit"), "09:30", "10:30", 1)],
            every_days: rng.random_range(2..=3u32).to_string(),
            ..blank_case(DutyKind::Visit, &l10n, today)
        };
        add_case(tx, actor, &input, &l10n, today)?;
        out.cases += 1;
    }
    // Hall duty, Monday to Saturday afternoons; the "recipient" is the association's first member.
    if let Some(first) = rows.iter().find(|r| !r.non_member) {
        let input = CaseInput {
            recipient: Some(first.no),
            from: from.clone(),
            shifts: vec![row(&l10n.t("rota-shift-hall"), "14:00", "17:30", 2)],
            weekdays: vec![1, 2, 3, 4, 5, 6],
            address: l10n.t("rota-demo-hall"),
            notes: l10n.t("rota-demo-hall-notes"),
            ..blank_case(DutyKind::Hall, &l10n, today)
        };
        add_case(tx, actor, &input, &l10n, today)?;
        out.cases += 1;
    }

    // Pairings: each elder of 80+ living alone gets a visiting volunteer, from their own group
    // when there is one, weekly on a day the volunteer is free.
    let visitors: Vec<&&Row> = vols.iter().filter(|v| !v.non_member).collect();
    let visitors = if visitors.is_empty() { vols.iter().collect() } else { visitors };
    let mut next = 0usize;
    for e in rows.iter().filter(|r| r.living == "alone" && r.age >= 80 && !r.volunteer) {
        let same: Vec<&&&Row> = visitors.iter().filter(|v| v.group == e.group).collect();
        let v = if same.is_empty() {
            next += 1;
            visitors[(next - 1) % visitors.len()]
        } else {
            same[e.no.0 as usize % same.len()]
        };
        let Some(av) = availability(tx, v.no)? else { continue };
        if !av.kinds.contains(&DutyKind::Visit) {
            let mut kinds = av.kinds.clone();
            kinds.push(DutyKind::Visit);
            set_volunteer(tx, actor, v.no, &VolunteerAvailabilityInput { kinds: Some(kinds), ..Default::default() }, today)?;
        }
        let offset = rng.random_range(0..7);
        let from = (0..7)
            .map(|i| month_start + Duration::days(offset + i))
            .find(|d| av.weekdays.contains(&d.weekday().number_from_monday()))
            .unwrap_or(month_start);
        let pairing = PairingInput { volunteer: Some(v.no), elder: Some(e.no), every_days: "7".into(), from: from.to_string() };
        add_pairing(tx, actor, &pairing, &l10n, today)?;
        out.pairings += 1;
        // Some have been seen lately, some not for a while: the overdue list has something to show.
        let ago = rng.random_range(1..15);
        if let Some(d) = today.checked_sub_signed(Duration::days(ago)) {
            let visit = ContactInput { elder: e.no, by: Some(v.no), date: d.to_string(), call: rng.random_bool(0.5), notes: String::new() };
            log_contact(tx, actor, &visit, today)?;
        }
    }
    Ok(out)
}
