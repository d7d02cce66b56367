//! The yearly work report (工作报告) for 2,000 members and 20,000 cash entries, PDF and XLSX
//! together. Budget (issue 11): under 1 s. The finance notice and the list of the very old of the
//! same village are measured beside it. Prints the file sizes once so they can be quoted.

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use huzhu::association::{self, Association};
use huzhu::audit::Actor;
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::{Fen, Gender};
use huzhu::members::{self, CareLevel, Living, PersonInput};
use huzhu::money::cash_book::{self, EntryInput};
use huzhu::money::statements::{Period, StatementFormat};
use huzhu::money::CashKind;
use huzhu::reports::{self, elders, work};
use rusqlite::Connection;

const MEMBERS: usize = 2_000;
const ENTRIES: usize = 20_000;

fn village() -> Connection {
    let mut conn = huzhu::db::open_in_memory().expect("in-memory database");
    let actor = Actor::new("李会计");
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
    let tx = conn.transaction().expect("tx");
    association::save(&tx, &actor, &Association { name: "东风村老年协会".into(), village: "东风".into(), ..Default::default() })
        .expect("association");
    let surnames = ["张", "王", "李", "陈", "林", "黄", "吴", "郑", "蔡", "许"];
    let given = ["秀英", "桂兰", "建国", "金土", "水生", "玉珍", "德明", "月娥", "天赐", "丽华"];
    let groups = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"];
    let born = NaiveDate::from_ymd_opt(1920, 1, 1).expect("date");
    for i in 0..MEMBERS {
        let input = PersonInput {
            gender: Some(if i % 2 == 0 { Gender::Female } else { Gender::Male }),
            birth_date: (born + Days::new((i as u64 * 7919) % (45 * 365))).to_string(),
            village_group: groups[i % groups.len()].into(),
            living: Some(Living::ALL[i % Living::ALL.len()]),
            care_level: Some(CareLevel::ALL[i % CareLevel::ALL.len()]),
            join_date: "2020-01-01".into(),
            ..PersonInput::member(&format!("{}{}{}", surnames[i % 10], given[(i / 10) % 10], i))
        };
        members::add(&tx, &actor, &input, today).expect("member");
    }
    let income = ["村委会拨款", "会费", "社会捐助", "经营收入", "其他收入"];
    let expense = ["慰问金", "生日礼品", "活动经费", "外出旅游", "设施设备", "办公用品", "其他支出"];
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    for i in 0..ENTRIES {
        let date = start + Days::new((i * 365 / ENTRIES) as u64);
        let is_income = i % 2 == 0;
        let (kind, cat) = if is_income { (CashKind::Income, income[i % 5]) } else { (CashKind::Expense, expense[i % 7]) };
        let fen = if is_income { 10_000 + (i as i64 * 37) % 90_000 } else { 5_000 + (i as i64 * 53) % 60_000 };
        let input = EntryInput {
            kind: Some(kind),
            category: cat.into(),
            amount: Fen(fen).plain(),
            date: date.to_string(),
            party: format!("村民{}", i % 300),
            handler: "王堃".into(),
            ..Default::default()
        };
        cash_book::add(&tx, &actor, &input, today).expect("entry");
    }
    tx.commit().expect("commit");
    conn
}

fn bench(c: &mut Criterion) {
    let conn = village();
    let l10n = Localizer::new(Lang::ZhCn);
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
    let year = Period::Year(2026);
    let both = || {
        let r = work::build(&conn, year, "本年度工作顺利。", &l10n, today).expect("report");
        let pdf = reports::work_report_bytes(&r, StatementFormat::Pdf, &l10n).expect("pdf");
        let xlsx = reports::work_report_bytes(&r, StatementFormat::Xlsx, &l10n).expect("xlsx");
        (pdf.bytes.len(), xlsx.bytes.len())
    };
    let (pdf, xlsx) = both();
    let elders = elders::build(&conn, 80, today, Some(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")), false).expect("elders");
    let elders_pdf = elders::pdf(&conn, &elders, &l10n, today).expect("elders pdf");
    eprintln!(
        "yearly work report, {MEMBERS} members, {ENTRIES} entries: PDF {} KB, XLSX {} KB; list of {} elders: PDF {} KB",
        pdf / 1024,
        xlsx / 1024,
        elders.lines.len(),
        elders_pdf.len() / 1024
    );
    let mut g = c.benchmark_group("report_2000_members_20k_entries");
    g.sample_size(10);
    g.bench_function("work report build+pdf+xlsx", |b| b.iter(both));
    g.bench_function("finance notice (year)", |b| b.iter(|| reports::notice(&conn, year, false, &l10n, today).expect("notice")));
    g.bench_function("elders list build+pdf", |b| {
        b.iter(|| {
            let list = elders::build(&conn, 80, today, None, false).expect("elders");
            elders::pdf(&conn, &list, &l10n, today).expect("pdf")
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
