//! A month of care rota: 50 care cases (day and night shifts) × 31 days × 200 volunteers.
//! Budget (DESIGN.md): the monthly roster PDF < 300 ms and < 400 KB. Measures the generator on
//! its own (pure), generation with the database (load, write, audit), and the roster PDF; prints
//! the PDF's size and pages once so they can be quoted beside the times.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use huzhu::association::{self, Association};
use huzhu::audit::Actor;
use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{self, MemberNo, PersonInput};
use huzhu::kernel::Month;
use huzhu::rota::{self, print::RosterOptions, VolunteerAvailabilityInput, CaseInput, DutyKind, Weekdays};
use rusqlite::Connection;

const CASES: usize = 50;
const VOLUNTEERS: usize = 200;
const SURNAMES: &[&str] = &["陈", "林", "黄", "张", "吴", "王", "李", "郑", "刘", "蔡", "杨", "许"];
const GIVEN: &[&str] = &["秀英", "建国", "金水", "桂兰", "德明", "玉喆", "子涵", "浩然", "炎堃", "丽玥", "春梅", "志强"];

fn village() -> Connection {
    let mut conn = huzhu::db::open_in_memory().expect("in-memory database");
    let actor = Actor::new("林秘书");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let l10n = Localizer::new(Lang::ZhCn);
    let tx = conn.transaction().expect("tx");
    association::save(&tx, &actor, &Association { name: "东风村老年协会".into(), ..Default::default() }).expect("association");
    for i in 0..VOLUNTEERS + CASES {
        let mut p = PersonInput::member(&format!("{}{}", SURNAMES[i % SURNAMES.len()], GIVEN[(i / SURNAMES.len()) % GIVEN.len()]));
        p.volunteer = i < VOLUNTEERS;
        p.phones = vec![format!("138{:08}", i * 7919)];
        p.village_group = format!("{}组", i % 8 + 1);
        p.address = format!("东风路{}号", i + 1);
        members::add(&tx, &actor, &p, today).expect("person");
    }
    for i in 0..VOLUNTEERS {
        let days = Weekdays(0b111_1111 & !(1 << (i % 7)));
        let input = VolunteerAvailabilityInput {
            kinds: Some(vec![DutyKind::Care, DutyKind::Visit]),
            weekdays: Some(days.days()),
            shifts: Some((true, i % 3 != 0)),
            max_shifts: Some(if i % 4 == 0 { "10" } else { "" }.to_string()),
            away: vec![],
        };
        rota::set_volunteer(&tx, &actor, MemberNo(i as i64 + 1), &input, today).expect("availability");
    }
    for c in 0..CASES {
        let input = CaseInput {
            recipient: Some(MemberNo((VOLUNTEERS + c) as i64 + 1)),
            from: "2026-12-01".into(),
            medicines: "降压药早晚各一次".into(),
            ..rota::blank_case(DutyKind::Care, &l10n, today)
        };
        rota::add_case(&tx, &actor, &input, &l10n, today).expect("case");
    }
    tx.commit().expect("commit");
    conn
}

fn bench(c: &mut Criterion) {
    let mut conn = village();
    let l10n = Localizer::new(Lang::ZhCn);
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let month = Month { year: 2026, month: 12 };
    let actor = Actor::new("林秘书");
    {
        let tx = conn.transaction().expect("tx");
        let r = rota::generate(&tx, &actor, month, &l10n).expect("generate");
        tx.commit().expect("commit");
        eprintln!("rota {CASES} cases × 31 days × {VOLUNTEERS} volunteers: {} slots, {} placed, {} short", r.slots, r.assigned, r.unfilled.len());
    }
    let pdf = rota::print::roster_pdf(&conn, month, RosterOptions::default(), &l10n, today).expect("pdf");
    let large = rota::print::roster_pdf(&conn, month, RosterOptions { large: true, ..Default::default() }, &l10n, today).expect("pdf");
    eprintln!(
        "roster PDF: {} KB, {} pages; large print: {} KB, {} pages",
        pdf.bytes.len() / 1024,
        pdf.pages,
        large.bytes.len() / 1024,
        large.pages
    );
    let (input, _) = rota::load_input(&conn, month).expect("input");

    let mut g = c.benchmark_group("rota_50x31x200");
    g.sample_size(10);
    g.bench_function("generator (pure)", |b| b.iter(|| rota::generator::generate(&input)));
    g.bench_function("generate with the database", |b| {
        b.iter(|| {
            let tx = conn.transaction().expect("tx");
            let r = rota::generate(&tx, &actor, month, &l10n).expect("generate");
            drop(tx); // rolled back: every iteration starts from the same month
            r
        })
    });
    g.bench_function("roster pdf", |b| b.iter(|| rota::print::roster_pdf(&conn, month, RosterOptions::default(), &l10n, today).expect("pdf")));
    g.bench_function("roster pdf large", |b| {
        b.iter(|| rota::print::roster_pdf(&conn, month, RosterOptions { large: true, ..Default::default() }, &l10n, today).expect("pdf"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
