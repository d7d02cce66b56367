//! A yearly statement (收支明细表) of 20,000 cash entries, as PDF and as XLSX. Budget (DESIGN.md):
//! under 1 s each. Prints the file sizes once so they can be quoted beside the times.

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use huzhu::association::{self, Association};
use huzhu::audit::Actor;
use huzhu::i18n::{Lang, Localizer};
use huzhu::money::cash_book::{self, EntryInput};
use huzhu::money::statements::{self, Period};
use huzhu::kernel::Fen;
use huzhu::money::CashKind;
use rusqlite::Connection;

const ENTRIES: usize = 20_000;

fn year_of_entries() -> Connection {
    let mut conn = huzhu::db::open_in_memory().expect("in-memory database");
    let actor = Actor::new("李会计");
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
    let tx = conn.transaction().expect("tx");
    association::save(&tx, &actor, &Association { name: "东风村老年协会".into(), ..Default::default() }).expect("association");
    let income = ["村委会拨款", "会费", "社会捐助", "经营收入", "其他收入"];
    let expense = ["慰问金", "生日礼品", "活动经费", "外出旅游", "设施设备", "办公用品", "其他支出"];
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    for i in 0..ENTRIES {
        let date = start + Days::new((i * 365 / ENTRIES) as u64);
        let is_income = i % 2 == 0;
        let (kind, cat) = if is_income { (CashKind::Income, income[i % 5]) } else { (CashKind::Expense, expense[i % 7]) };
        // Incomes a little larger than expenses so the balance stays positive.
        let fen = if is_income { 10_000 + (i as i64 * 37) % 90_000 } else { 5_000 + (i as i64 * 53) % 60_000 };
        let input = EntryInput {
            kind: Some(kind),
            category: cat.into(),
            amount: Fen(fen).plain(),
            date: date.to_string(),
            party: format!("村民{}", i % 300),
            handler: "王堃".into(),
            memo: if i % 3 == 0 { "重阳节敬老活动".into() } else { String::new() },
            ..Default::default()
        };
        cash_book::add(&tx, &actor, &input, today).expect("entry");
    }
    tx.commit().expect("commit");
    conn
}

fn bench(c: &mut Criterion) {
    let conn = year_of_entries();
    let l10n = Localizer::new(Lang::ZhCn);
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
    let s = statements::build(&conn, Period::Year(2026)).expect("statement");
    let pdf = statements::pdf(&conn, &s, &l10n, today).expect("pdf");
    let xlsx = statements::xlsx(&conn, &s, &l10n).expect("xlsx");
    eprintln!(
        "yearly statement of {} entries: PDF {} KB, XLSX {} KB",
        s.entries.len(),
        pdf.len() / 1024,
        xlsx.len() / 1024
    );
    let mut g = c.benchmark_group("statement_20k");
    g.sample_size(10);
    g.bench_function("build+pdf", |b| {
        b.iter(|| {
            let s = statements::build(&conn, Period::Year(2026)).expect("statement");
            statements::pdf(&conn, &s, &l10n, today).expect("pdf")
        })
    });
    g.bench_function("build+xlsx", |b| {
        b.iter(|| {
            let s = statements::build(&conn, Period::Year(2026)).expect("statement");
            statements::xlsx(&conn, &s, &l10n).expect("xlsx")
        })
    });
    g.bench_function("build only", |b| b.iter(|| statements::build(&conn, Period::Year(2026)).expect("statement")));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
