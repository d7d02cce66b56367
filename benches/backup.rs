//! Backup and restore of a register of 10,000 people and 20,000 cash entries (the demo village
//! at that size, its rotas, and a year of cash entries as in benches/statement.rs), in a file.
//! Prints the file's size once so it can be quoted beside the times.
//!
//! - backup: one checked copy into backups/ (copy, integrity_check of the copy, sync, rename,
//!   rotation), as `huzhu backup` and the daily copy make it;
//! - preview: the checks and counts shown before a restore (integrity_check of the file);
//! - restore: the whole `restore::apply`: preview, copy into place with its check, the copy of
//!   the current database kept first (itself a checked backup), rename, check again;
//! - open: what every start does before the window can be used (`db::open`: quick_check, every
//!   table, index and trigger compared with the migrations', the hash chains verified), against
//!   the 1.5 s start budget.

use chrono::{Days, NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion};
use huzhu::audit::Actor;
use huzhu::backup::{self, restore, BackupReason};
use huzhu::kernel::Fen;
use huzhu::money::cash_book::{self, EntryInput};
use huzhu::money::CashKind;

const PEOPLE: usize = 10_000;
const ENTRIES: usize = 20_000;

fn big_register(path: &std::path::Path) {
    let mut conn = huzhu::db::create(path).expect("database").conn;
    let actor = Actor::new("李会计");
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
    let tx = conn.transaction().expect("tx");
    huzhu::demo::build(&tx, &actor, PEOPLE, 1, today).expect("people");
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    for i in 0..ENTRIES {
        let date = start + Days::new((i * 365 / ENTRIES) as u64);
        let (kind, category) = if i % 2 == 0 { (CashKind::Income, "会费") } else { (CashKind::Expense, "活动经费") };
        let fen = if i % 2 == 0 { 10_000 + (i as i64 * 37) % 90_000 } else { 5_000 + (i as i64 * 53) % 60_000 };
        let input = EntryInput {
            kind: Some(kind),
            category: category.into(),
            amount: Fen(fen).plain(),
            date: date.to_string(),
            party: format!("村民{}", i % 300),
            ..Default::default()
        };
        cash_book::add(&tx, &actor, &input, today).expect("entry");
    }
    tx.commit().expect("commit");
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huzhu.sqlite3");
    big_register(&path);
    let now = NaiveDateTime::parse_from_str("2026-12-31 09:00:00", "%Y-%m-%d %H:%M:%S").expect("time");
    let file = backup::before(&path, BackupReason::Copy, now).expect("a backup to restore");
    eprintln!(
        "register of {} people and {} cash entries: {:.1} MB",
        file.contents.people,
        file.contents.cash_entries,
        std::fs::metadata(&path).expect("size").len() as f64 / 1e6
    );
    // Restores and their kept copies are made in a folder of their own, so the backup restored
    // stays the same file.
    let place = tempfile::tempdir().expect("temp dir");
    let target = place.path().join("huzhu.sqlite3");
    std::fs::copy(&path, &target).expect("copy");

    let mut g = c.benchmark_group("backup_10k_people_20k_entries");
    g.sample_size(10);
    g.bench_function("backup", |b| {
        b.iter(|| {
            let w = backup::before(&path, BackupReason::Copy, now).expect("backup");
            std::fs::remove_file(&w.path).expect("remove");
        })
    });
    g.bench_function("open", |b| {
        b.iter(|| {
            let opened = huzhu::db::open(&path).expect("open");
            assert!(opened.health.is_sound(), "the register is sound");
        })
    });
    g.bench_function("preview", |b| b.iter(|| restore::preview(std::path::Path::new(&file.path)).expect("preview")));
    g.bench_function("restore", |b| {
        b.iter(|| {
            let done = restore::apply(&target, std::path::Path::new(&file.path), now).expect("restore");
            if let Some(kept) = done.kept {
                std::fs::remove_file(kept).expect("remove");
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
