//! Search-as-you-type over the register: DESIGN.md budgets < 5 ms per keystroke over 10,000
//! people. Each keystroke runs one search of the app's `RegisterIndex` (kept between keystrokes,
//! as the app keeps it) with the UI's limit of 200 rows. `cold` is the first search after a
//! write, which reloads the index.

use criterion::{criterion_group, criterion_main, Criterion};
use huzhu::audit::Actor;
use huzhu::members::{self, PersonFilter};

fn bench(c: &mut Criterion) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut conn = huzhu::db::create(&dir.path().join("bench.sqlite3")).unwrap().conn;
    let tx = conn.transaction().unwrap();
    huzhu::demo::build(&tx, &Actor::new("bench"), 10_000, 1, today).unwrap();
    tx.commit().unwrap();

    let mut index = members::RegisterIndex::new();
    let mut g = c.benchmark_group("search_10k");
    for q in ["z", "zxy", "zhangxiuying", "秀英", "138", "4321", ""] {
        let f = PersonFilter { search: q.into(), limit: 200, ..Default::default() };
        g.bench_function(if q.is_empty() { "(empty)" } else { q }, |b| b.iter(|| index.search(&conn, &f, today).unwrap()));
    }
    let f = PersonFilter { search: "zxy".into(), limit: 200, ..Default::default() };
    g.bench_function("cold (reload after a write)", |b| b.iter(|| members::list(&conn, &f, today).unwrap()));
    let f = PersonFilter { search: "chen".into(), age_band: Some(members::AgeBand::From80To89), limit: 200, ..Default::default() };
    g.bench_function("chen+80-89", |b| b.iter(|| index.search(&conn, &f, today).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
