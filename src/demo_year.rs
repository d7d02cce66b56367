//! The sample village's last twelve months, so that every screen has something in it: the cash
//! book every month (the village committee's grants, dues, donations, activities, office and
//! repairs, a trip), dues paid by most members and owed by some, donations, welfare (the decade
//! birthdays of each past month, 重阳 and 春节 gifts, sick visits, a hospital stay that ended and
//! one still going, a death with its condolence and a recent one still awaiting it), time-bank
//! deposits and transfers.
//!
//! One file rather than one per area because the year is posted in date order across all of
//! them: the cash book's voucher numbers follow the dates, as a treasurer writing the book day by
//! day would have them. Deterministic for a seed (ChaCha8, people taken in register order), and
//! built only through the same core functions the app and the CLI call.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Transaction;

use crate::audit::Actor;
use crate::calendar;
use crate::error::Result;
use crate::kernel::Month;
use crate::members::{EconomicStatus, MemberNo};
use crate::money::cash_book::{self, EntryInput};
use crate::money::donations::{self, DonationInput};
use crate::money::dues::{self, DuesPaymentInput, PolicyInput};
use crate::money::CashKind;
use crate::time_bank::{self, DepositInput, Hours, TransferInput};
use crate::welfare::{self, AdmitInput, BatchInput, DeathInput, Festival, PaymentInput, StandardInput, WelfareKind};

/// What happens on a day of the sample year.
enum Event {
    Cash { kind: CashKind, category: &'static str, amount: u32, party: String, memo: &'static str },
    Dues { no: MemberNo },
    Donation { donor: &'static str, amount: u32, purpose: &'static str },
    Deposit { provider: MemberNo, recipient: MemberNo, half_hours: i64, service: &'static str },
    Transfer { from: MemberNo, to: MemberNo, half_hours: i64 },
    Decades { month: Month },
    Festival { festival: Festival, year: i32 },
    Welfare { no: MemberNo, kind: WelfareKind, receiver: String },
    Admit { no: MemberNo, hospital: &'static str },
    Discharge { no: MemberNo },
    Death { no: MemberNo, contact: String },
}

/// A member as the year's choices need them.
struct Elder {
    no: MemberNo,
    age: i64,
    volunteer: bool,
    frail: bool,
    family: String,
}

/// The most members whose dues the sample year records as paid (see `build`).
const DUES_PAYERS: usize = 300;

const ACTIVITIES: &[&str] = &["棋牌室茶水", "戏曲队服装", "门球比赛奖品", "广场舞音响电池", "书法班纸墨"];
const SERVICES: &[&str] = &["陪护", "探望", "理发", "代购", "打扫卫生", "量血压"];
const DONORS: &[(&str, u32, &str)] = &[
    ("东风村股份经济合作社", 3000, ""),
    ("陈志强（旅菲乡亲）", 2000, "重阳节活动"),
    ("林氏宗亲会", 1000, ""),
    ("黄美玉", 200, ""),
    ("龙门镇慈善会", 1500, "春节慰问"),
];

fn elders(tx: &Transaction, today: NaiveDate) -> Result<Vec<Elder>> {
    let mut stmt = tx.prepare(
        "SELECT p.member_no, p.birth_date, p.volunteer, coalesce(p.care_level, ''),
                coalesce((SELECT f.name FROM family_contact f WHERE f.person_id = p.id ORDER BY f.position LIMIT 1), '')
         FROM person p WHERE p.status = 'active' AND p.is_member = 1 ORDER BY p.member_no",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let birth: Option<NaiveDate> = r.get(1)?;
            let care: String = r.get(3)?;
            Ok(Elder {
                no: MemberNo(r.get(0)?),
                age: birth.map_or(70, |b| i64::from(calendar::age(b, today))),
                volunteer: r.get(2)?,
                frail: !care.is_empty() && care != "intact",
                family: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// The day `day` of `month`, or None when it is after today.
fn on(month: Month, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(month.year, month.month, day.min(28)).filter(|d| *d <= today)
}

/// Builds the year described in the module, ending today, for the people already registered.
pub fn build(tx: &Transaction, actor: &Actor, seed: u64, today: NaiveDate) -> Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5945_4152); // "YEAR"
    let this_month = Month::of(today);
    let mut first = this_month;
    for _ in 0..11 {
        first = first.prev();
    }
    let start = first.first_day();
    let all = elders(tx, today)?;
    if all.is_empty() {
        return Ok(());
    }

    // Standards and the dues policy, set at the start of the year shown.
    let standards = [
        (WelfareKind::Condolence, "1000", "", "", "花圈"),
        (WelfareKind::Hospital, "200", "", "", "水果、牛奶"),
        (WelfareKind::Sick, "100", "", "", "水果"),
        (WelfareKind::Birthday, "200", "", "89", "面线、鸡蛋、寿桃"),
        (WelfareKind::Birthday, "500", "90", "", "面线、鸡蛋、寿桃"),
        (WelfareKind::Chongyang, "100", "80", "89", "重阳糕"),
        (WelfareKind::Chongyang, "200", "90", "", "重阳糕"),
        // 春节: the poor (no age limit) and everyone 90 or over.
        (WelfareKind::Chunjie, "200", "", "", "大米、食用油"),
        (WelfareKind::Chunjie, "300", "90", "", "大米、食用油、红包"),
    ];
    for (kind, amount, from, to, goods) in standards {
        let approve_above = if kind == WelfareKind::Condolence { "800" } else { "" };
        let input = StandardInput {
            kind: Some(kind),
            amount: amount.into(),
            age_from: from.into(),
            age_to: to.into(),
            goods: goods.into(),
            approve_above: approve_above.into(),
            from: start.to_string(),
        };
        welfare::set_standard(tx, actor, &input, today)?;
    }
    dues::set_policy(
        tx,
        actor,
        &PolicyInput { year: today.year(), amount: "30".into(), exempt_age: "80".into(), exempt_statuses: vec![EconomicStatus::Wubao] },
    )?;

    // Who the life events happen to: the two oldest die (one long enough ago for the condolence
    // to have been paid, one a few days ago), the next two go to hospital. They take no part in
    // the rest of the year's choices, so nothing is posted for them after their death.
    let mut by_age: Vec<&Elder> = all.iter().collect();
    by_age.sort_by_key(|e| (-e.age, e.no.0));
    let special: Vec<&Elder> = by_age.iter().take(4).copied().collect();
    let others: Vec<&Elder> = all.iter().filter(|e| !special.iter().any(|s| s.no == e.no)).collect();
    let mut events: Vec<(NaiveDate, Event)> = Vec::new();
    let mut push = |d: Option<NaiveDate>, e: Event| {
        if let Some(d) = d.filter(|d| *d >= start && *d <= today) {
            events.push((d, e));
        }
    };
    let volunteers: Vec<&Elder> = others.iter().filter(|e| e.volunteer).copied().collect();
    let cared: Vec<&Elder> = others.iter().filter(|e| e.frail || e.age >= 80).copied().collect();

    let mut month = first;
    let mut index = 0;
    loop {
        // The cash book: a grant twice a year, activities every month, office every other month.
        if index == 0 || month.month == 7 {
            let amount = if index == 0 { 5000 } else { 3000 };
            push(on(month, 3, today), Event::Cash { kind: CashKind::Income, category: "村委会拨款", amount, party: "东风村村委会".into(), memo: "老年协会活动经费" });
        }
        let activity = ACTIVITIES[rng.random_range(0..ACTIVITIES.len())];
        push(on(month, 6, today), Event::Cash { kind: CashKind::Expense, category: "活动经费", amount: rng.random_range(15..50) * 10, party: "活动中心".into(), memo: activity });
        push(on(month, 15, today), Event::Cash { kind: CashKind::Income, category: "经营收入", amount: rng.random_range(10..25) * 10, party: "门球场".into(), memo: "场地租金" });
        if index % 2 == 1 {
            push(on(month, 12, today), Event::Cash { kind: CashKind::Expense, category: "办公用品", amount: rng.random_range(3..12) * 10, party: "镇上文具店".into(), memo: "纸张、墨盒" });
        }
        if index == 3 {
            push(on(month, 18, today), Event::Cash { kind: CashKind::Expense, category: "设施设备", amount: 1200, party: "龙门电器行".into(), memo: "活动室空调维修" });
        }
        if index == 5 {
            push(on(month, 9, today), Event::Cash { kind: CashKind::Income, category: "其他收入", amount: 1800, party: "参加会员".into(), memo: "外出旅游自费部分" });
            push(on(month, 10, today), Event::Cash { kind: CashKind::Expense, category: "外出旅游", amount: 2400, party: "安溪旅行社".into(), memo: "清水岩一日游" });
        }
        // Time bank: a few services a month; later in the year a holder passes hours on.
        if !volunteers.is_empty() && !cared.is_empty() {
            for _ in 0..3 {
                let provider = volunteers[rng.random_range(0..volunteers.len())].no;
                let recipient = cared[rng.random_range(0..cared.len())].no;
                if provider != recipient {
                    let service = SERVICES[rng.random_range(0..SERVICES.len())];
                    push(on(month, rng.random_range(1..=28), today), Event::Deposit { provider, recipient, half_hours: rng.random_range(2..=8), service });
                }
            }
        }
        // The past months' decade birthdays, paid as a batch near the month's end.
        if month != this_month {
            push(on(month, 25, today), Event::Decades { month });
        }
        if month == this_month {
            break;
        }
        month = month.next();
        index += 1;
    }
    // A transfer in the last months, from the volunteers who banked the most.
    if volunteers.len() >= 2 {
        for months_back in [4, 1] {
            let m = (0..months_back).fold(this_month, |m, _| m.prev());
            let from = volunteers[rng.random_range(0..volunteers.len())].no;
            let to = volunteers[rng.random_range(0..volunteers.len())].no;
            if from != to {
                push(on(m, 27, today), Event::Transfer { from, to, half_hours: 2 });
            }
        }
    }
    // Dues: most members pay early in the year; the rest still owe. At most DUES_PAYERS pay: a
    // payment reads the year's bill, so a register of thousands (the benchmarks, the kill test)
    // would otherwise spend minutes on dues alone.
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 3).unwrap_or(start);
    for line in dues::bill(tx, today.year())?.into_iter().filter(|l| l.owed.0 > 0).take(DUES_PAYERS) {
        if special.iter().take(2).any(|s| s.no == line.member_no) || !rng.random_bool(0.75) {
            continue;
        }
        push(Some(year_start + Duration::days(rng.random_range(0..80))), Event::Dues { no: line.member_no });
    }
    // Donations through the year.
    for (i, (donor, amount, purpose)) in DONORS.iter().enumerate() {
        let m = (0..(2 + i * 2)).fold(first, |m, _| m.next());
        push(on(m, 8 + i as u32 * 3, today), Event::Donation { donor, amount: *amount, purpose });
    }
    // 重阳 and 春节 that fell in the year, paid the day before.
    for festival in [Festival::Chongyang, Festival::Chunjie] {
        for year in [today.year() - 1, today.year()] {
            if let Some(d) = festival.date(year) {
                push(Some(d - Duration::days(1)), Event::Festival { festival, year });
            }
        }
    }
    // Sick visits.
    for months_back in [7, 2] {
        if let Some(e) = others.get(rng.random_range(0..others.len())) {
            let m = (0..months_back).fold(this_month, |m, _| m.prev());
            push(on(m, 14, today), Event::Welfare { no: e.no, kind: WelfareKind::Sick, receiver: String::new() });
        }
    }
    // The life events.
    if special.len() == 4 {
        let (died, died_lately, stayed, staying) = (special[0], special[1], special[2], special[3]);
        let death = today - Duration::days(64);
        push(Some(death), Event::Death { no: died.no, contact: died.family.clone() });
        push(Some(death + Duration::days(2)), Event::Welfare { no: died.no, kind: WelfareKind::Condolence, receiver: died.family.clone() });
        push(Some(today - Duration::days(4)), Event::Death { no: died_lately.no, contact: died_lately.family.clone() });
        let admitted = today - Duration::days(120);
        push(Some(admitted), Event::Admit { no: stayed.no, hospital: "安溪县医院" });
        push(Some(admitted + Duration::days(2)), Event::Welfare { no: stayed.no, kind: WelfareKind::Hospital, receiver: String::new() });
        push(Some(admitted + Duration::days(11)), Event::Discharge { no: stayed.no });
        push(Some(today - Duration::days(6)), Event::Admit { no: staying.no, hospital: "龙门镇卫生院" });
    }

    events.sort_by_key(|(d, _)| *d);
    let mut hours: HashMap<MemberNo, i64> = HashMap::new();
    for (date, event) in events {
        post(tx, actor, date, event, &mut hours, today)?;
    }
    Ok(())
}

fn post(tx: &Transaction, actor: &Actor, date: NaiveDate, event: Event, hours: &mut HashMap<MemberNo, i64>, today: NaiveDate) -> Result<()> {
    let batch = || BatchInput { date: date.to_string(), ..Default::default() };
    match event {
        Event::Cash { kind, category, amount, party, memo } => {
            let input = EntryInput {
                kind: Some(kind),
                category: category.into(),
                amount: amount.to_string(),
                date: date.to_string(),
                party,
                memo: memo.into(),
                ..Default::default()
            };
            cash_book::add(tx, actor, &input, today)?;
        }
        Event::Dues { no } => {
            let input = DuesPaymentInput { member: Some(no), years: date.year().to_string(), amount: "30".into(), date: date.to_string(), handler: String::new() };
            dues::pay(tx, actor, &input, today)?;
        }
        Event::Donation { donor, amount, purpose } => {
            let input = DonationInput { donor: donor.into(), amount: amount.to_string(), date: date.to_string(), purpose: purpose.into(), handler: String::new(), receipt: true };
            donations::donate(tx, actor, &input, today)?;
        }
        Event::Deposit { provider, recipient, half_hours, service } => {
            let input = DepositInput {
                provider,
                hours: Hours::from_half_hours(half_hours).to_string(),
                date: date.to_string(),
                recipient: Some(recipient),
                service_kind: service.into(),
                confirmed_by: "本人".into(),
            };
            time_bank::deposit(tx, actor, &input, today)?;
            *hours.entry(provider).or_default() += half_hours;
        }
        Event::Transfer { from, to, half_hours } => {
            // Only hours the holder has banked move.
            if hours.get(&from).copied().unwrap_or(0) >= half_hours {
                let input = TransferInput { from, to: Some(to), hours: Hours::from_half_hours(half_hours).to_string(), reason: "转给老伙伴".into(), date: date.to_string() };
                time_bank::transfer(tx, actor, &input, today)?;
                *hours.entry(from).or_default() -= half_hours;
            }
        }
        Event::Decades { month } => {
            welfare::pay_decades(tx, actor, month, &batch(), today)?;
        }
        Event::Festival { festival, year } => {
            welfare::pay_festival(tx, actor, festival, year, &batch(), today)?;
        }
        Event::Welfare { no, kind, receiver } => {
            let input = PaymentInput { member: Some(no), kind: Some(kind), date: date.to_string(), receiver, approver: "会长".into(), ..Default::default() };
            welfare::pay(tx, actor, &input, today)?;
        }
        Event::Admit { no, hospital } => {
            welfare::admit(tx, actor, &AdmitInput { member: Some(no), date: date.to_string(), hospital: hospital.into(), notes: String::new() }, today)?;
        }
        Event::Discharge { no } => {
            welfare::discharge(tx, actor, no, &date.to_string(), today)?;
        }
        Event::Death { no, contact } => {
            welfare::record_death(tx, actor, &DeathInput { member: Some(no), date: date.to_string(), contact }, today)?;
        }
    }
    Ok(())
}
