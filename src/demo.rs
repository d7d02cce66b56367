//! A believable sample village, to try the app with and to benchmark on. The same seed gives the
//! same village on every machine (ChaCha8, not the OS's random source).

use chrono::{Datelike, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Transaction;
use serde::Serialize;

use crate::association::{self, Association};
use crate::audit::Actor;
use crate::calendar;
use crate::error::{Error, Result};
use crate::kernel::Gender;
use crate::members::{self, CareLevel, EconomicStatus, FamilyContact, Living, MaritalStatus, PersonInput};

// Surnames weighted roughly as in a southern Fujian village.
const SURNAMES: &[(&str, u32)] = &[
    ("陈", 14), ("林", 12), ("黄", 9), ("张", 6), ("吴", 5), ("王", 5), ("李", 5), ("郑", 5),
    ("刘", 4), ("蔡", 4), ("杨", 3), ("许", 3), ("洪", 3), ("曾", 3), ("周", 2), ("谢", 2),
    ("苏", 2), ("叶", 2), ("庄", 2), ("吕", 1), ("江", 1), ("何", 1), ("邱", 1), ("施", 1),
    ("卢", 1), ("方", 1), ("詹", 1), ("郭", 2), ("游", 1), ("颜", 1),
];
const ELDER_MEN: &[&str] = &[
    "国平", "建国", "金水", "水生", "德明", "福寿", "永福", "天赐", "文华", "志强", "木生", "火旺",
    "清泉", "添丁", "有财", "明辉", "荣华", "世昌", "振兴", "长庚", "春生", "加林", "炳坤", "炎堃",
    "金龙", "宗仁", "庆丰", "顺发", "阿土", "朝阳", "维新", "建华", "文彬", "海山", "瑞祥",
];
const ELDER_WOMEN: &[&str] = &[
    "秀英", "桂英", "玉兰", "秀兰", "淑珍", "美玉", "金花", "月娥", "阿妹", "春梅", "丽华", "秀珍",
    "凤英", "玉珍", "桂兰", "宝珠", "素琴", "碧霞", "翠娥", "雪梅", "惠珍", "银花", "美英", "玉喆",
    "丽玥", "彩云", "招弟", "来娣", "爱珠", "秋菊",
];
const YOUNG: &[&str] = &[
    "子涵", "浩然", "雨萱", "梓轩", "欣怡", "俊杰", "思远", "佳怡", "晨曦", "宇航", "诗琪", "一鸣",
];
const RELATIONS_SON: &[&str] = &["儿子", "孙子", "侄子"];
const RELATIONS_OTHER: &[&str] = &["女儿", "儿媳", "女婿", "孙女", "外甥"];
const SKILLS: &[&str] = &["理发", "量血压", "做饭", "电工", "唱歌", "写春联", "开车", "打扫卫生", "陪聊", "修理家电"];
const HOBBIES: &[&str] = &["下象棋", "广场舞", "南音", "喝茶", "钓鱼", "种菜", "看戏", "打太极", "书法"];
const ROADS: &[&str] = &["东风路", "后埔", "顶厝", "下厝", "溪边", "大埕", "新村路", "祠堂前"];

#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub people: usize,
    pub created_association: bool,
}

/// The sample association, as shown on first start.
pub fn sample_association() -> Association {
    Association {
        name: "东风村老年协会".into(),
        village: "东风村".into(),
        township: "龙门镇".into(),
        county: "安溪县".into(),
        secretary: "林德明".into(),
    }
}

fn pick<'a, R: Rng>(rng: &mut R, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

fn surname<R: Rng>(rng: &mut R) -> &'static str {
    let total: u32 = SURNAMES.iter().map(|(_, w)| w).sum();
    let mut n = rng.random_range(0..total);
    for (s, w) in SURNAMES {
        if n < *w {
            return s;
        }
        n -= w;
    }
    SURNAMES[0].0
}

fn phone<R: Rng>(rng: &mut R) -> String {
    let prefix = ["135", "136", "137", "138", "139", "150", "158", "159", "188", "189"];
    format!("{}{:08}", prefix[rng.random_range(0..prefix.len())], rng.random_range(0..100_000_000u32))
}

fn id_number<R: Rng>(rng: &mut R, birth: NaiveDate, gender: Gender, used: &mut std::collections::HashSet<String>) -> Option<String> {
    for _ in 0..20 {
        let seq = rng.random_range(0..500u32) * 2 + if gender == Gender::Male { 1 } else { 0 };
        let body = format!("350524{}{:03}", birth.format("%Y%m%d"), seq % 1000);
        let n = format!("{body}{}", crate::id_card::check_char(&body)?);
        if used.insert(n.clone()) {
            return Some(n);
        }
    }
    None
}

/// An ID number for a birth date without drawing from the generator (the sequence from the
/// person's index), unique among those given.
fn fixed_id_number(birth: NaiveDate, gender: Gender, index: usize, used: &mut std::collections::HashSet<String>) -> Option<String> {
    let seq = (index as u32 % 400) * 2 + 100 + if gender == Gender::Male { 1 } else { 0 };
    let body = format!("350524{}{:03}", birth.format("%Y%m%d"), seq % 1000);
    let n = format!("{body}{}", crate::id_card::check_char(&body)?);
    used.insert(n.clone()).then_some(n)
}

/// Fills an empty register with `people` people (and the sample association if there is none),
/// their rotas, and a year of money, welfare and time bank (`demo_year`). A register that
/// already has people is refused: the sample year would mix with real records.
pub fn build(tx: &Transaction, actor: &Actor, people: usize, seed: u64, today: NaiveDate) -> Result<DemoSummary> {
    // Sample people can never be deleted (the register keeps everyone who was ever in it), so
    // they may only go into a register that has no one in it yet.
    let present = members::count(tx)?;
    if present > 0 {
        return Err(Error::conflict("error-demo-register-not-empty", vec![("people", present.to_string())]));
    }
    // The sample year has large payments "approved by 会长", a name, not a user who gave a PIN:
    // with sign-in on it would put approvals nobody gave into the audit log.
    if crate::access::users::sign_in_on(tx)? {
        return Err(Error::conflict("error-demo-sign-in-on", Vec::new()));
    }
    let created_association = association::get(tx)?.is_none();
    if created_association {
        association::save(tx, actor, &sample_association())?;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let groups = ((people / 60).clamp(6, 12)) as u32;
    let mut used_ids = std::collections::HashSet::new();
    for i in 0..people {
        // About one in eight is a younger volunteer who is not a member.
        let non_member = i % 8 == 7;
        let gender = if rng.random_bool(0.55) { Gender::Female } else { Gender::Male };
        let age: i32 = if non_member { rng.random_range(16..55) } else { 55 + (rng.random_range(0..44u32) as f64 * rng.random_range(0.3..1.0f64)) as i32 };
        let birth = NaiveDate::from_ymd_opt(today.year() - age - 1, rng.random_range(1..=12), rng.random_range(1..=28))
            .unwrap_or(today);
        let family_name = surname(&mut rng);
        let given = if non_member {
            pick(&mut rng, YOUNG)
        } else if gender == Gender::Male {
            pick(&mut rng, ELDER_MEN)
        } else {
            pick(&mut rng, ELDER_WOMEN)
        };
        let name = format!("{family_name}{given}");
        let elder_age = calendar::age(birth, today);
        let living = if non_member {
            Some(Living::WithChildren)
        } else {
            Some(match rng.random_range(0..100) {
                0..=17 => Living::Alone,
                18..=55 => Living::EmptyNest,
                56..=96 => Living::WithChildren,
                _ => Living::Institution,
            })
        };
        let care_level = if non_member {
            Some(CareLevel::Intact)
        } else {
            let r = rng.random_range(0..100) + (elder_age as i32 - 60).max(0);
            Some(match r {
                0..=79 => CareLevel::Intact,
                80..=104 => CareLevel::Mild,
                105..=119 => CareLevel::Moderate,
                _ => CareLevel::Severe,
            })
        };
        let with_id = rng.random_bool(0.7);
        let id_card = if with_id { id_number(&mut rng, birth, gender, &mut used_ids).unwrap_or_default() } else { String::new() };
        let mut family = Vec::new();
        if !non_member {
            for _ in 0..rng.random_range(1..=3) {
                let son = rng.random_bool(0.5);
                let relation = if son { pick(&mut rng, RELATIONS_SON) } else { pick(&mut rng, RELATIONS_OTHER) };
                let fam_name = if son { family_name } else { surname(&mut rng) };
                family.push(FamilyContact {
                    name: format!("{fam_name}{}", pick(&mut rng, YOUNG)),
                    relation: relation.to_string(),
                    phone: phone(&mut rng),
                    lives_away: rng.random_bool(0.6),
                });
            }
        }
        let volunteer = non_member || (elder_age < 75 && care_level == Some(CareLevel::Intact) && rng.random_bool(0.5));
        let lunar_birthday = if !non_member && rng.random_bool(0.4) {
            calendar::to_lunar(birth).map(|l| calendar::LunarDay { month: l.month, day: l.day, leap: l.leap })
        } else {
            None
        };
        // Two members turn 80 and 70 this month, so the month's decade birthdays are never empty.
        // Set after every draw for the person, so the rest of the village stays as it was.
        let decade_now = match i {
            1 => NaiveDate::from_ymd_opt(today.year() - 80, today.month(), birth.day()),
            4 => NaiveDate::from_ymd_opt(today.year() - 70, today.month(), birth.day()),
            _ => None,
        };
        let (birth, lunar_birthday, id_card) = match decade_now {
            Some(b) => (b, None, if with_id { fixed_id_number(b, gender, i, &mut used_ids).unwrap_or_default() } else { String::new() }),
            None => (birth, lunar_birthday, id_card),
        };
        let input = PersonInput {
            name,
            gender: Some(gender),
            birth_date: if with_id { String::new() } else { birth.to_string() },
            lunar_birthday,
            id_card,
            phones: if rng.random_bool(0.8) { vec![phone(&mut rng)] } else { vec![] },
            address: format!("{}{}号", pick(&mut rng, ROADS), rng.random_range(1..120)),
            village_group: format!("{}组", rng.random_range(1..=groups)),
            living,
            care_level,
            economic_status: Some(match rng.random_range(0..100) {
                0..=2 => EconomicStatus::Wubao,
                3..=9 => EconomicStatus::Dibao,
                10..=11 => EconomicStatus::Tekun,
                _ => EconomicStatus::Ordinary,
            }),
            marital_status: if non_member {
                None
            } else {
                Some(if living == Some(Living::Alone) { MaritalStatus::Widowed } else { MaritalStatus::Married })
            },
            health_notes: if care_level != Some(CareLevel::Intact) { "高血压，按时服药".into() } else { String::new() },
            hobbies: pick(&mut rng, HOBBIES).to_string(),
            skills: if volunteer { pick(&mut rng, SKILLS).to_string() } else { String::new() },
            volunteer,
            is_member: !non_member,
            join_date: NaiveDate::from_ymd_opt(today.year() - rng.random_range(0..10), rng.random_range(1..=12), 1)
                .filter(|d| *d <= today && *d > birth)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            family,
        };
        members::add(tx, actor, &input, today)?;
    }
    // Rotas: volunteers' availability, care cases and pairings for the people above.
    crate::rota::demo::build(tx, actor, seed, today)?;
    crate::demo_year::build(tx, actor, seed, today)?;
    crate::demo_activities::build(tx, actor, today)?;
    Ok(DemoSummary { people, created_association })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn names_for(seed: u64) -> Vec<String> {
        let mut conn = db::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        build(&tx, &Actor::new("t"), 40, seed, today()).unwrap();
        let f = members::PersonFilter { status: members::StatusFilter::All, ..Default::default() };
        members::list(&tx, &f, today()).unwrap().rows.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_village() {
        assert_eq!(names_for(7), names_for(7));
        assert_ne!(names_for(7), names_for(8), "another seed must give another village");
    }

    #[test]
    fn the_sample_year_fills_every_area_and_only_an_empty_register() {
        use crate::kernel::{Fen, Month};
        use crate::money::{cash_book, donations, dues};
        use crate::welfare::{self, WelfareFilter, WelfareKind};
        let mut conn = db::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        build(&tx, &Actor::new("t"), 60, 1, today()).unwrap();
        let months: std::collections::BTreeSet<String> = tx
            .prepare("SELECT DISTINCT substr(date, 1, 7) FROM cash_entry").unwrap()
            .query_map([], |r| r.get(0)).unwrap().collect::<std::result::Result<_, _>>().unwrap();
        assert_eq!(months.len(), 12, "the cash book has entries in each of the last twelve months: {months:?}");
        assert!(cash_book::balance(&tx, None).unwrap() > Fen::ZERO, "the sample association has money left");
        let vouchers: Vec<(String, String)> = tx
            .prepare("SELECT voucher_no, date FROM cash_entry WHERE year = 2026 ORDER BY seq").unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<std::result::Result<_, _>>().unwrap();
        assert!(vouchers.windows(2).all(|w| w[0].1 <= w[1].1), "vouchers follow the dates, as a book kept day by day");
        let bill = dues::bill(&tx, 2026).unwrap();
        assert!(bill.iter().any(|l| l.paid > Fen::ZERO) && bill.iter().any(|l| l.owed > Fen::ZERO), "some members paid their dues and some owe");
        assert!(donations::list(&tx).unwrap().len() >= 3, "there are donations");
        let paid = welfare::list(&tx, &WelfareFilter::default()).unwrap();
        for kind in [WelfareKind::Condolence, WelfareKind::Hospital, WelfareKind::Birthday, WelfareKind::Chongyang, WelfareKind::Chunjie, WelfareKind::Sick] {
            assert!(paid.iter().any(|w| w.kind == kind), "the year has a {kind:?} payment");
        }
        assert_eq!(welfare::unpaid_deaths(&tx, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), today(), today()).unwrap().len(), 1, "a recent death still awaits its condolence");
        assert_eq!(welfare::in_hospital(&tx, today(), crate::members::Phones::Masked).unwrap().len(), 1, "someone is in hospital now");
        let month = welfare::birthdays(&tx, Month::of(today()), true, crate::members::Phones::Masked).unwrap();
        assert!(month.lines.len() >= 2, "this month has decade birthdays");
        let kinds: Vec<String> = tx
            .prepare("SELECT DISTINCT kind FROM time_entry").unwrap()
            .query_map([], |r| r.get(0)).unwrap().collect::<std::result::Result<_, _>>().unwrap();
        assert!(kinds.iter().any(|k| k == "deposit") && kinds.iter().any(|k| k.starts_with("transfer")), "the time bank has deposits and transfers: {kinds:?}");
        let e = build(&tx, &Actor::new("t"), 10, 2, today()).unwrap_err();
        assert_eq!(e.message_id(), "error-demo-register-not-empty", "a register with people gets no sample village");
    }

    #[test]
    fn the_village_is_believable() {
        let mut conn = db::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        build(&tx, &Actor::new("t"), 200, 1, today()).unwrap();
        // Every status: two of the sample year's members have died.
        let f = members::PersonFilter { status: members::StatusFilter::All, ..Default::default() };
        let all = members::list(&tx, &f, today()).unwrap();
        assert_eq!(all.total, 200, "the village has the people asked for, the dead included");
        let members: Vec<_> = all.rows.iter().filter(|p| p.is_member).collect();
        assert!(members.iter().all(|p| (55..=99).contains(&p.age.unwrap())), "members are 55-99");
        assert!(all.rows.iter().any(|p| !p.is_member && p.volunteer), "there are non-member volunteers");
        assert!(members.iter().any(|p| p.living == Some(Living::Alone)), "some elders live alone");
        assert!(members::groups(&tx).unwrap().len() >= 6, "the village has groups");
    }
}
