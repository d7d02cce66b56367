//! Importing a 10,000-row roster (导入花名册). Budget (DESIGN.md): under 2 s for the preview and
//! the write together. `preview` reads the XLSX and plans every row against an empty register;
//! `preview+write` does that and writes all 10,000 people in one transaction on a database file
//! (WAL, synchronous=FULL, as the app opens it); `second preview` plans the same file against the
//! register it filled (every row "same": each is matched and compared).

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use huzhu::audit::Actor;
use huzhu::roster;
use rust_xlsxwriter::Workbook;

const ROWS: usize = 10_000;

fn id_number(birth: NaiveDate, seq: usize) -> String {
    let body = format!("350521{}{:03}", birth.format("%Y%m%d"), seq % 1000);
    format!("{body}{}", huzhu::id_card::check_char(&body).expect("digits"))
}

/// A roster as a village office sends it: a title, the headings, 10,000 people with ID numbers
/// (every tenth without one, with a written birth date instead), phones, addresses, groups, and
/// a few notes.
fn roster_xlsx() -> Vec<u8> {
    let surnames = ["陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "曾", "洪", "谢"];
    let given = ["秀英", "桂兰", "玉兰", "金水", "阿妹", "德华", "明", "建国", "丽华", "水生", "春花", "福全", "淑贞", "国平"];
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.write(0, 0, "东风村老年人花名册").unwrap();
    for (i, h) in ["序号", "姓名", "性别", "身份证号码", "出生年月", "联系电话", "家庭住址", "村民小组", "备注"].iter().enumerate() {
        sheet.write(1, i as u16, *h).unwrap();
    }
    let start = NaiveDate::from_ymd_opt(1925, 1, 1).unwrap();
    for i in 0..ROWS {
        let row = 2 + i as u32;
        let birth = start + Days::new((i * 37 % 14_000) as u64);
        let name = format!("{}{}{}", surnames[i % surnames.len()], given[i / 15 % given.len()], i);
        sheet.write(row, 0, (i + 1) as f64).unwrap();
        sheet.write(row, 1, name.as_str()).unwrap();
        // An odd sequence digit is a man.
        let seq = i % 500 * 2 + 1 + (i % 2);
        sheet.write(row, 2, if seq % 2 == 1 { "男" } else { "女" }).unwrap();
        if i % 10 == 0 {
            sheet.write(row, 4, birth.format("%Y.%-m.%-d").to_string().as_str()).unwrap();
        } else {
            sheet.write(row, 3, id_number(birth, seq).as_str()).unwrap();
        }
        sheet.write(row, 5, format!("138{:08}", i).as_str()).unwrap();
        sheet.write(row, 6, format!("东风村{}号", i % 400 + 1).as_str()).unwrap();
        sheet.write(row, 7, format!("{}组", i % 12 + 1).as_str()).unwrap();
        if i % 97 == 0 {
            sheet.write(row, 8, "低保").unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let bytes = roster_xlsx();
    eprintln!("roster: {ROWS} rows, {} KB as XLSX", bytes.len() / 1024);
    let actor = Actor::new("bench");
    let mut g = c.benchmark_group("import_10k");
    g.sample_size(10);
    g.bench_function("preview", |b| {
        let conn = huzhu::db::open_in_memory().unwrap();
        b.iter(|| {
            let p = roster::plan(&conn, &bytes, None, today).unwrap();
            assert_eq!(p.counts().add as usize, ROWS);
        })
    });
    g.bench_function("preview+write", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let conn = huzhu::db::create(&dir.path().join("bench.sqlite3")).unwrap().conn;
                (dir, conn)
            },
            |(dir, mut conn)| {
                let p = roster::plan(&conn, &bytes, None, today).unwrap();
                let tx = conn.transaction().unwrap();
                let done = roster::import(&tx, &actor, &bytes, None, Some(&p.digest), today).unwrap();
                tx.commit().unwrap();
                assert_eq!(done.added.len(), ROWS);
                (dir, conn)
            },
            BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let mut conn = huzhu::db::create(&dir.path().join("full.sqlite3")).unwrap().conn;
    let tx = conn.transaction().unwrap();
    roster::import(&tx, &actor, &bytes, None, None, today).unwrap();
    tx.commit().unwrap();
    g.bench_function("second preview (all same)", |b| {
        b.iter(|| {
            let p = roster::plan(&conn, &bytes, None, today).unwrap();
            assert_eq!(p.counts().same as usize, ROWS);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
