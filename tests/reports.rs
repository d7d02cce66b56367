//! Reports to the village committee (src/reports): the work report's figures checked against the
//! database by SQL written here independently of the core, the PDF read back with pdftotext and
//! the workbook with calamine; the finance notice; the list of the very old.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::money::{entry, post};
use common::pdf::{pdf_layout_text, pdf_text, squash};
use common::rota::{add_case, case_input, en, generate, record_done, record_missed, slot_at, slots, zh, DutyKind};
use common::time_bank::{deposit, h};
use common::{actor, add_person, day, month, today, write};
use huzhu::id_card;
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::{Fen, Gender};
use huzhu::members::{self, CareLevel, Living, MemberNo, PersonInput, Status};
use huzhu::money::statements::{self, Period, PeriodInput, PeriodKind, StatementFormat};
use huzhu::money::{receipts, CashKind};
use huzhu::reports::{self, elders, work, EldersInput, NoticeInput, WorkReportInput};
use huzhu::rota;
use huzhu::time_bank as tb;
use rusqlite::Connection;

/// A valid 18-digit ID number for a birth date; `male` picks the sequence digit's parity.
fn id_for(birth: &str, seq: u32, male: bool) -> String {
    let seq = seq * 2 + u32::from(male);
    let first17 = format!("350521{}{:03}", birth.replace('-', ""), seq % 1000);
    let check = id_card::check_char(&first17).expect("a check character");
    format!("{first17}{check}")
}

struct Elder {
    name: &'static str,
    birth: &'static str,
    male: bool,
    group: &'static str,
    living: Option<Living>,
    care: Option<CareLevel>,
    joined: &'static str,
}

/// The rota test village (six people joined today) and eight elders with birth dates, ID
/// numbers, groups, living situations and care levels; two of them die and one leaves in 2026,
/// one died in 2025, one is a non-member.
fn village() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = common::rota::village();
    let elders = [
        Elder { name: "林阿婆", birth: "1931-02-10", male: false, group: "二组", living: Some(Living::Alone), care: Some(CareLevel::Mild), joined: "2020-03-01" },
        Elder { name: "陈水生", birth: "1940-03-15", male: true, group: "一组", living: Some(Living::EmptyNest), care: Some(CareLevel::Intact), joined: "2020-03-01" },
        Elder { name: "黄秀珠", birth: "1946-06-01", male: false, group: "一组", living: Some(Living::WithChildren), care: None, joined: "2021-01-10" },
        Elder { name: "吴金土", birth: "1946-12-20", male: true, group: "三组", living: None, care: Some(CareLevel::Moderate), joined: "2022-05-05" },
        Elder { name: "郑月娥", birth: "1925-09-09", male: false, group: "二组", living: Some(Living::Institution), care: Some(CareLevel::Severe), joined: "2019-01-01" },
        Elder { name: "蔡德明", birth: "1935-01-30", male: true, group: "三组", living: Some(Living::Alone), care: None, joined: "2026-05-01" },
        Elder { name: "许桂兰", birth: "1938-07-07", male: false, group: "", living: None, care: None, joined: "2018-08-08" },
        Elder { name: "庄天赐", birth: "1929-11-11", male: true, group: "一组", living: None, care: None, joined: "2018-08-08" },
    ];
    for (i, e) in elders.iter().enumerate() {
        let input = PersonInput {
            gender: Some(if e.male { Gender::Male } else { Gender::Female }),
            birth_date: e.birth.into(),
            id_card: id_for(e.birth, i as u32 + 1, e.male),
            phones: vec![format!("1390000{:04}", i + 1)],
            address: format!("东风村{}号", i + 10),
            village_group: e.group.into(),
            living: e.living,
            care_level: e.care,
            join_date: e.joined.into(),
            ..PersonInput::member(e.name)
        };
        add_person(&mut conn, &input).expect("add an elder");
    }
    // A young non-member volunteer: never counted among members, never on the list of the old.
    let student = PersonInput { is_member: false, volunteer: true, birth_date: "2005-04-04".into(), ..PersonInput::member("王小明") };
    add_person(&mut conn, &student).expect("add a non-member");
    let status = |conn: &mut Connection, no: i64, s: Status, on: &str| {
        write(conn, |tx| members::set_status(tx, &actor(), MemberNo(no), &members::StatusInput::new(s, on, ""), today())).expect("change a status");
    };
    status(&mut conn, 11, Status::Deceased, "2026-03-10"); // 郑月娥, 100 years old
    status(&mut conn, 14, Status::Left, "2026-06-15"); // 庄天赐 moved away
    status(&mut conn, 13, Status::Deceased, "2025-12-01"); // 许桂兰, before the year
    status(&mut conn, 8, Status::Suspended, "2026-02-01"); // 陈水生 suspended: still a member
    (dir, conn)
}

fn money(conn: &mut Connection) {
    for (kind, cat, amount, date) in [
        (CashKind::Income, "村委会拨款", "8000", "2025-12-20"),
        (CashKind::Income, "村委会拨款", "5000", "2026-01-05"),
        (CashKind::Income, "会费", "1200.50", "2026-03-01"),
        (CashKind::Expense, "慰问金", "600", "2026-03-12"),
        (CashKind::Expense, "活动经费", "1580.25", "2026-10-18"),
        (CashKind::Expense, "办公用品", "35.10", "2026-11-02"),
    ] {
        post(conn, &entry(kind, cat, amount, date)).expect("post an entry");
    }
    write(conn, |tx| receipts::reverse_entry(tx, &actor(), "2026-0005", &ReversalInput::new("重复记账", "2026-11-03"), today())).expect("reverse");
}

fn services(conn: &mut Connection) {
    add_case(conn, &case_input(5, DutyKind::Care, "2026-11-01", Some("2026-11-05"), &["白班@08:00-20:00"]));
    generate(conn, month("2026-11"));
    let s = slots(conn, month("2026-11"));
    let tx = conn.transaction().unwrap();
    record_done(&tx, slot_at(&s, "2026-11-01", "08:00").id, None, None, "").expect("done");
    record_done(&tx, slot_at(&s, "2026-11-02", "08:00").id, None, Some(3), "5").expect("covered");
    record_missed(&tx, slot_at(&s, "2026-11-03", "08:00").id, None).expect("missed");
    for (date, call) in [("2026-11-20", false), ("2026-11-21", true), ("2026-10-02", false), ("2025-12-30", false)] {
        rota::log_contact(&tx, &actor(), &rota::ContactInput { elder: MemberNo(6), by: Some(MemberNo(4)), date: date.into(), call, notes: String::new() }, today()).expect("log a contact");
    }
    rota::add_pairing(&tx, &actor(), &rota::PairingInput { volunteer: Some(MemberNo(4)), elder: Some(MemberNo(6)), every_days: "7".into(), from: "2026-02-01".into() }, &zh(), today()).expect("pair");
    tx.commit().unwrap();
}

fn time_bank(conn: &mut Connection) {
    deposit(conn, MemberNo(1), "4", "2025-12-10").expect("deposit");
    deposit(conn, MemberNo(1), "3", "2026-02-01").expect("deposit");
    let wrong = deposit(conn, MemberNo(2), "2", "2026-04-01").expect("deposit");
    deposit(conn, MemberNo(3), "5.5", "2026-05-01").expect("deposit");
    let tx = conn.transaction().unwrap();
    tb::reverse(&tx, &actor(), wrong, &ReversalInput::new("记错了人", "2026-04-02"), today()).expect("reverse");
    tb::transfer(&tx, &actor(), &tb::TransferInput { from: MemberNo(1), to: Some(MemberNo(2)), hours: "1.5".into(), reason: "给老伴".into(), date: "2026-06-01".into() }, today()).expect("transfer");
    tb::donate(&tx, &actor(), &tb::PoolDonationInput { person: MemberNo(3), hours: "2".into(), date: "2026-07-01".into() }, today()).expect("donate");
    tb::grant(&tx, &actor(), MemberNo(5), h("1"), "困难老人", day("2026-08-01"), today()).expect("grant");
    tx.commit().unwrap();
}

fn full_village() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = village();
    money(&mut conn);
    services(&mut conn);
    time_bank(&mut conn);
    (dir, conn)
}

fn year_2026() -> Period {
    Period::Year(2026)
}

fn one(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> i64 {
    conn.query_row(sql, params, |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Independent SQL: the status in force at the end of a day, from the history table.
const STATUS_ON: &str = "(SELECT s.status FROM person_status s WHERE s.person_id = p.id AND s.effective <= ?1
                          ORDER BY s.effective DESC, s.id DESC LIMIT 1)";

#[test]
fn the_member_figures_agree_with_the_register_read_by_sql() {
    let (_d, conn) = full_village();
    let r = work::build(&conn, year_2026(), "", &zh(), today()).unwrap();
    let m = &r.members;
    let members_on = |d: &str| one(&conn, &format!("SELECT count(*) FROM person p WHERE p.is_member = 1 AND {STATUS_ON} IN ('active', 'suspended')"), [d]);
    assert_eq!(m.at_start, members_on("2025-12-31"), "members at the start are those registered and not gone on 31 December");
    assert_eq!(m.at_end, members_on("2026-12-31"), "members at the end are those registered and not gone on the last day");
    assert_eq!((m.at_start, m.at_end), (6, 11), "6 elders at the start (7 joined before 2026, one died in 2025); 6 villagers + 1 elder joined, 2 gone");
    let joined = one(&conn, "SELECT count(*) FROM person WHERE is_member = 1 AND join_date BETWEEN '2026-01-01' AND '2026-12-31'", []);
    assert_eq!(m.joined, joined, "joined = members whose join date is in the year");
    let died = one(&conn, "SELECT count(*) FROM person WHERE is_member = 1 AND status = 'deceased' AND death_date BETWEEN '2026-01-01' AND '2026-12-31'", []);
    assert_eq!((m.died, died), (1, 1), "one member died in 2026 (the 2025 death is not counted)");
    let left = one(&conn, "SELECT count(DISTINCT person_id) FROM person_status WHERE status = 'left' AND effective BETWEEN '2026-01-01' AND '2026-12-31'", []);
    assert_eq!((m.left, left), (1, 1), "one member left in 2026");
    assert_eq!(m.at_start + m.joined - m.left - m.died, m.at_end, "start + joined - left - died = end");

    // Breakdowns of the members at the end, each adding up to the total.
    for (what, list) in [("age", &m.by_age), ("gender", &m.by_gender), ("care", &m.by_care), ("living", &m.by_living), ("group", &m.by_group)] {
        assert_eq!(list.iter().map(|t| t.count).sum::<i64>(), m.at_end, "the {what} breakdown adds up to the members at the end");
    }
    let at_end = format!("FROM person p WHERE p.is_member = 1 AND {STATUS_ON} IN ('active', 'suspended')");
    let age = "(CAST(strftime('%Y', ?1) AS INTEGER) - CAST(strftime('%Y', p.birth_date) AS INTEGER)
                - (strftime('%m-%d', ?1) < strftime('%m-%d', p.birth_date)))";
    let band = |code: &str| m.by_age.iter().find(|t| t.code == code).map(|t| t.count).unwrap_or(0);
    for (code, lo, hi) in [("60-69", 60, 69), ("70-79", 70, 79), ("80-89", 80, 89), ("90-99", 90, 99), ("100+", 100, 200)] {
        let n = one(&conn, &format!("SELECT count(*) {at_end} AND {age} BETWEEN {lo} AND {hi}"), ["2026-12-31"]);
        assert_eq!(band(code), n, "age band {code} counts the members of that age in 周岁 on the last day");
    }
    assert_eq!(band("80-89"), 3, "陈水生 86, 黄秀珠 80 and 吴金土 80 (turned 80 on 20 December)");
    assert_eq!(band("unknown"), 6, "the six rota villagers have no birth date");
    let by = |list: &[work::Tally], code: &str| list.iter().find(|t| t.code == code).map(|t| t.count).unwrap_or(0);
    for (col, list, codes) in [
        ("gender", &m.by_gender, vec!["male", "female"]),
        ("living", &m.by_living, vec!["alone", "empty_nest", "with_children", "institution"]),
        ("care_level", &m.by_care, vec!["intact", "mild", "moderate", "severe"]),
    ] {
        for code in codes {
            let n = one(&conn, &format!("SELECT count(*) {at_end} AND p.{col} = ?2"), [("2026-12-31"), code]);
            assert_eq!(by(list, code), n, "{col} {code}: the report counts what the register holds");
        }
    }
    let codes = |list: &[work::Tally]| list.iter().map(|t| t.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&m.by_care), ["intact", "mild", "moderate", "severe", "unknown"], "care levels in their own order, the unknown last");
    assert_eq!(codes(&m.by_living)[..4], ["alone", "empty_nest", "with_children", "institution"], "living situations in their own order");
    // At the end of 2025 only the elders were members, and every one has a gender: no unknown.
    let r2025 = work::build(&conn, Period::Year(2025), "", &zh(), today()).unwrap();
    let genders: Vec<String> = Gender::ALL.iter().map(|g| g.code().to_string()).collect();
    assert_eq!(codes(&r2025.members.by_gender), genders, "genders in their own order, no unknown line when everyone's is known");
    let group_one = one(&conn, &format!("SELECT count(*) {at_end} AND p.village_group = '一组'"), ["2026-12-31"]);
    assert_eq!(by(&m.by_group, "一组"), group_one, "village group 一组");
    assert_eq!(m.by_group.first().map(|t| t.code.as_str()), Some("1组"), "groups are in their numbers' order");
    assert_eq!(m.by_group.last().map(|t| t.label.as_str()), Some("未分组"), "members with no group come last, labelled");
}

#[test]
fn the_service_money_and_time_figures_agree_with_the_database() {
    let (_d, conn) = full_village();
    let r = work::build(&conn, year_2026(), "", &zh(), today()).unwrap();
    let care = r.services.duties.iter().find(|d| d.kind == DutyKind::Care).unwrap();
    let slots_in_year = one(
        &conn,
        "SELECT count(*) FROM rota_slot s JOIN care_case k ON k.id = s.case_id WHERE k.kind = 'care' AND s.date LIKE '2026-%'",
        [],
    );
    assert_eq!((care.planned, slots_in_year), (5, 5), "five care shifts were on the rota");
    let outcome = |o: &str| one(&conn, "SELECT count(*) FROM shift_outcome WHERE outcome = ?1 AND date LIKE '2026-%'", [o]);
    assert_eq!((care.done, care.covered, care.missed), (outcome("done"), outcome("covered"), outcome("missed")), "outcomes by kind");
    assert_eq!((care.done, care.covered, care.missed), (1, 1, 1));
    let minutes = one(&conn, "SELECT sum(minutes) FROM shift_outcome WHERE outcome <> 'missed'", []);
    assert_eq!((care.minutes, minutes), (12 * 60 + 300, 12 * 60 + 300), "hours worked: a 12-hour shift and a 5-hour cover");
    assert_eq!((r.services.visits, r.services.calls), (2, 1), "visits and calls dated in 2026 only");
    assert_eq!(r.services.pairings, 1, "one active pairing");

    // Money: the statement's own figures, and the cash book read by SQL.
    let s = statements::build(&conn, year_2026()).unwrap();
    assert_eq!((r.money.opening, r.money.income, r.money.expense, r.money.closing), (s.opening, s.income, s.expense, s.closing), "the money section is the statement's figures");
    assert_eq!(r.money.categories, s.categories, "category by category as the statement");
    let sum = |sql: &str| Fen(one(&conn, sql, []));
    assert_eq!(r.money.opening, sum("SELECT coalesce(sum(signed_fen), 0) FROM cash_entry WHERE date < '2026-01-01'"), "opening balance");
    assert_eq!(r.money.income, sum("SELECT coalesce(sum(signed_fen), 0) FROM cash_entry WHERE kind = 'income' AND date LIKE '2026-%'"), "income");
    assert_eq!(r.money.expense, sum("SELECT -coalesce(sum(signed_fen), 0) FROM cash_entry WHERE kind = 'expense' AND date LIKE '2026-%'"), "expense net of the reversal");
    assert_eq!(r.money.closing, sum("SELECT coalesce(sum(signed_fen), 0) FROM cash_entry WHERE date <= '2026-12-31'"), "closing balance");
    assert_eq!(r.money.expense, Fen(218025), "600 + 1580.25; the office expense was reversed");

    // Time bank: hours by kind, reversals netted, the pool's side of donations and grants once.
    let hh = |sql: &str| tb::Hours::from_half_hours(one(&conn, sql, []));
    let t = &r.time;
    assert_eq!(t.deposited, hh("SELECT sum(half_hours) FROM time_entry WHERE kind = 'deposit' AND date LIKE '2026-%'
                                 AND id NOT IN (SELECT reverses_entry_id FROM time_entry WHERE reverses_entry_id IS NOT NULL)"),
        "deposits in the year, the reversed one netted out");
    assert_eq!(t.deposited, h("25.5"), "3 + 5.5 (the 2 reversed) + the 12-hour shift done and the 5-hour cover, banked by the rota");
    assert_eq!(t.transferred, h("1.5"));
    assert_eq!((t.donated, t.granted), (h("2"), h("1")), "donations and grants counted once each");
    assert_eq!(t.pool, hh("SELECT sum(signed_half_hours) FROM time_entry WHERE account_id = 1"), "the pool at the end");
    assert_eq!(t.held, hh("SELECT sum(signed_half_hours) FROM time_entry WHERE account_id <> 1"), "hours in personal accounts");
    assert_eq!(t.accounts, one(&conn, "SELECT count(DISTINCT account_id) FROM time_entry WHERE account_id <> 1", []), "accounts with entries");
}

#[test]
fn a_month_report_counts_only_that_month() {
    let (_d, conn) = full_village();
    let r = work::build(&conn, Period::Month(month("2026-03")), "", &zh(), today()).unwrap();
    assert_eq!((r.members.died, r.members.left, r.members.joined), (1, 0, 0), "March: one death, no one left or joined");
    assert_eq!(r.money.income, Fen(120050), "March's income is the dues");
    assert_eq!(r.services.duties.iter().map(|d| d.planned).sum::<i64>(), 0, "no shifts in March");
    assert_eq!(r.time.deposited, tb::Hours::ZERO, "no deposits in March");
}

#[test]
fn the_work_report_pdf_has_a_cover_every_section_and_the_figures() {
    let (_d, conn) = full_village();
    let notes = "本年度组织重阳节敬老活动一次，探望独居老人多次。\n明年计划增加一个护理小组。";
    let r = work::build(&conn, year_2026(), notes, &zh(), today()).unwrap();
    let file = reports::work_report_bytes(&r, StatementFormat::Pdf, &zh()).unwrap();
    assert_eq!(file.name, "工作报告-2026.pdf", "the file is named after the report and the period");
    let (text, pages) = pdf_text(&file.bytes);
    let flat = squash(&text);
    assert!(pages >= 2, "a cover and at least one page of sections, got {pages}");
    let cover = flat.split('\u{c}').next().unwrap_or_default();
    for must in [common::ASSOCIATION, "2026年度工作报告", "制表人", "审核人", "盖章", "报告日期：2026年11月29日"] {
        assert!(cover.contains(must), "the cover shows {must}: {cover}");
    }
    for must in [
        "一、会员情况", "二、服务情况", "三、慰问发放", "四、财务收支", "五、时间银行", "六、其他说明",
        "期初会员", "期末会员", "按年龄", "80–89岁", "按村民小组", "未分组",
        "本期无慰问发放记录", "期初余额", "8,000.00", "期末余额", "¥12,020.25", "存入（提供服务）", "25.5小时",
        "明年计划增加一个护理小组", "第1页共",
    ] {
        assert!(flat.contains(must), "the report shows {must}: {text}");
    }
    let (layout, _) = pdf_layout_text(&file.bytes);
    // The strip of key figures: the labels on one line, the numbers on the next, in order.
    let lines: Vec<&str> = layout.lines().collect();
    let at = lines.iter().position(|l| l.contains("期初会员") && l.contains("期末会员")).expect("the key figures' labels on one line");
    let figures: Vec<&str> = lines[at + 1..].iter().find(|l| !l.trim().is_empty()).unwrap_or(&"").split_whitespace().collect();
    assert_eq!(figures, ["6", "7", "1", "1", "11"], "start, joined, left, died, end under their labels: {}", lines[at]);
    let en_file = reports::work_report_bytes(&work::build(&conn, year_2026(), "", &en(), today()).unwrap(), StatementFormat::Pdf, &en()).unwrap();
    let (en_text, _) = pdf_text(&en_file.bytes);
    for must in ["Work report, Year 2026", "1. Members", "By age", "No welfare payments", "Opening balance", "(none)", "Prepared by"] {
        assert!(en_text.contains(must), "the English report shows {must}: {en_text}");
    }
}

#[test]
fn the_work_report_workbook_has_one_sheet_per_section_with_values() {
    let (_d, conn) = full_village();
    let r = work::build(&conn, year_2026(), "第一行\n第二行", &zh(), today()).unwrap();
    let file = reports::work_report_bytes(&r, StatementFormat::Xlsx, &zh()).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(file.bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["封面", "会员情况", "服务情况", "慰问发放", "财务收支", "时间银行", "其他说明"], "one sheet per section");
    let value = |wb: &mut Xlsx<_>, sheet: &str, label: &str, col: usize| -> Data {
        let range = wb.worksheet_range(sheet).unwrap();
        let row = range.rows().find(|r| r.first() == Some(&Data::String(label.into()))).unwrap_or_else(|| panic!("{sheet}: a row {label}"));
        row[col].clone()
    };
    assert_eq!(value(&mut wb, "会员情况", "期末会员", 1), Data::Float(11.0), "counts are numbers");
    assert_eq!(value(&mut wb, "会员情况", "80–89岁", 1), Data::Float(3.0));
    assert_eq!(value(&mut wb, "服务情况", "护理", 5), Data::Float(17.0), "hours worked as a number");
    assert_eq!(value(&mut wb, "财务收支", "期末余额", 1), Data::Float(12020.25), "closing balance as a value");
    assert_eq!(value(&mut wb, "财务收支", "期末余额", 2), Data::String("12020.25".into()), "and exactly, as text");
    assert_eq!(value(&mut wb, "财务收支", "支出合计", 1), Data::Float(2180.25), "expense total as a value, not only a formula");
    assert_eq!(value(&mut wb, "时间银行", "存入（提供服务）", 1), Data::Float(25.5), "hours deposited as a number");
    assert_eq!(value(&mut wb, "慰问发放", "本期无慰问发放记录。", 0), Data::String("本期无慰问发放记录。".into()), "welfare says there are no records");
    let notes = wb.worksheet_range("其他说明").unwrap();
    let lines: Vec<String> = notes.rows().skip(2).filter_map(|r| r.first().map(|c| c.to_string())).collect();
    assert_eq!(lines, ["第一行", "第二行"], "the notes, line by line");
}

#[test]
fn the_form_reads_the_period_and_refuses_bad_input() {
    let (_d, conn) = full_village();
    let input = |kind, text: &str, notes: &str| WorkReportInput { period: PeriodInput { kind, text: text.into() }, notes: notes.into() };
    let file = reports::work_report_file(&conn, &input(PeriodKind::Quarter, "2026-Q1", ""), StatementFormat::Pdf, &zh(), today()).unwrap();
    assert_eq!(file.name, "工作报告-2026-Q1.pdf");
    let (text, _) = pdf_text(&file.bytes);
    assert!(squash(&text).contains("2026年第1季度工作报告"), "a quarter's report says so: {text}");
    for (kind, text, field) in [(PeriodKind::Month, "2026-13", "period"), (PeriodKind::Year, "26", "period"), (PeriodKind::Quarter, "2026-5", "period")] {
        let e = reports::work_report_file(&conn, &input(kind, text, ""), StatementFormat::Pdf, &zh(), today()).unwrap_err();
        assert_eq!(e.field(), Some(field), "{text:?} is refused on the period field: {e:?}");
    }
    let long = "字".repeat(work::MAX_NOTES + 1);
    let e = reports::work_report_file(&conn, &input(PeriodKind::Year, "2026", &long), StatementFormat::Pdf, &zh(), today()).unwrap_err();
    assert_eq!(e.field(), Some("notes"), "notes longer than the limit are refused: {e:?}");
}

#[test]
fn the_finance_notice_is_one_page_with_totals_in_capitals_and_signature_lines() {
    let (_d, conn) = full_village();
    let input = NoticeInput { period: PeriodInput { kind: PeriodKind::Quarter, text: "2026-4".into() }, a3: false };
    let file = reports::notice_file(&conn, &input, &zh(), today()).unwrap();
    assert_eq!(file.name, "收支公示-2026-Q4.pdf");
    let (text, pages) = pdf_text(&file.bytes);
    let flat = squash(&text);
    assert_eq!(pages, 1, "the notice is one page");
    let s = statements::build(&conn, Period::Quarter(huzhu::kernel::Quarter { year: 2026, quarter: 4 })).unwrap();
    assert_eq!((s.opening, s.income, s.expense), (Fen(1360050), Fen(0), Fen(158025)), "Q4: opening after Q1-Q3, no income, the activity");
    for must in [
        "东风村老年协会财务收支公示", "2026年第4季度", "上期结余", "13,600.50", "本期收入", "本期支出", "1,580.25", "活动经费",
        "本期结余", "12,020.25", "本期结余（大写）：壹万贰仟零贰拾元零贰角伍分", "本期支出（大写）：壹仟伍佰捌拾元零贰角伍分",
        "会长：", "会计：", "出纳：", "监督：", "公示日期：2026年11月29日",
    ] {
        assert!(flat.contains(must), "the notice shows {must}: {text}");
    }
    let a3 = reports::notice_file(&conn, &NoticeInput { a3: true, ..input }, &zh(), today()).unwrap();
    let info = pdf_size(&a3.bytes);
    assert!(info.contains("841.89 x 1190.55") || info.contains("842 x 1191"), "--a3 prints on A3: {info}");
    let (en_text, _) = pdf_text(&reports::notice_file(&conn, &NoticeInput { period: PeriodInput { kind: PeriodKind::Month, text: "2026-10".into() }, a3: false }, &en(), today()).unwrap().bytes);
    for must in ["Public notice of income and expenses", "Balance brought forward", "Chair:", "Supervisor:"] {
        assert!(en_text.contains(must), "the English notice shows {must}: {en_text}");
    }
}

fn pdf_size(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).lines().find(|l| l.starts_with("Page size")).unwrap_or_default().to_string()
}

#[test]
fn a_negative_balance_is_written_as_such_in_capitals() {
    assert_eq!(reports::notice::capital_signed(Fen(-12050), &zh()), "负壹佰贰拾元零伍角整", "a deficit is not printed as a surplus");
    assert_eq!(reports::notice::capital_signed(Fen(10000), &zh()), "壹佰元整");
}

#[test]
fn the_list_of_the_very_old_counts_full_years_and_masks_ids() {
    let (_d, conn) = village();
    let list = elders::build(&conn, 80, day("2026-11-29"), None, false).unwrap();
    let names: Vec<&str> = list.lines.iter().map(|l| l.name.as_str()).collect();
    // Independent SQL: in the register on the day, aged 80 or more in full years.
    let age = "(CAST(strftime('%Y', ?1) AS INTEGER) - CAST(strftime('%Y', p.birth_date) AS INTEGER)
                - (strftime('%m-%d', ?1) < strftime('%m-%d', p.birth_date)))";
    let expected = one(&conn, &format!("SELECT count(*) FROM person p WHERE {STATUS_ON} IN ('active', 'suspended') AND {age} >= 80"), ["2026-11-29"]);
    assert_eq!(list.lines.len() as i64, expected, "everyone aged 80 or more on the day: {names:?}");
    assert!(names.contains(&"黄秀珠"), "turned 80 on 1 June");
    assert!(!names.contains(&"吴金土"), "turns 80 only on 20 December");
    assert!(!names.contains(&"郑月娥") && !names.contains(&"庄天赐"), "the dead and those who left are not listed");
    assert_eq!(names[..2], ["陈水生", "黄秀珠"], "group 一组 first, the oldest first within it");
    let first = &list.lines[0];
    assert_eq!(first.age, 86);
    assert!(first.id_card.contains("********") && first.id_card.len() == 18, "ID numbers are masked: {}", first.id_card);
    assert!(first.phone.contains("****"), "phones are masked: {}", first.phone);
    assert_eq!(first.remark, "status-suspended", "a suspended member is marked");
    let full = elders::build(&conn, 80, day("2026-11-29"), None, true).unwrap();
    assert!(id_card::parse(&full.lines[0].id_card, today()).is_ok(), "--full-id prints the whole number");
    let december = elders::build(&conn, 80, day("2026-12-31"), None, false).unwrap();
    assert!(december.lines.iter().any(|l| l.name == "吴金土"), "on 31 December 吴金土 is 80");
    let ninety = elders::build(&conn, 90, day("2026-11-29"), None, false).unwrap();
    assert_eq!(ninety.lines.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["林阿婆", "蔡德明"], "the age is a parameter");
}

#[test]
fn the_list_shows_who_came_of_age_registered_died_or_left_since_a_date() {
    let (_d, conn) = village();
    let list = elders::build(&conn, 80, day("2026-11-29"), Some(day("2026-01-01")), false).unwrap();
    let of = |kind| list.changes.iter().filter(|c| c.kind == kind).map(|c| (c.name.as_str(), c.date.map(|d| d.to_string()))).collect::<Vec<_>>();
    assert_eq!(of(reports::ElderChangeKind::CameOfAge), [("黄秀珠", Some("2026-06-01".to_string()))], "turned 80 in the year, on her birthday");
    assert_eq!(of(reports::ElderChangeKind::Registered), [("蔡德明", Some("2026-05-01".to_string()))], "registered in May, already 91");
    assert_eq!(of(reports::ElderChangeKind::Died), [("郑月娥", Some("2026-03-10".to_string()))], "died in March");
    assert_eq!(of(reports::ElderChangeKind::Left), [("庄天赐", Some("2026-06-15".to_string()))], "moved away in June");
    let pdf = elders::pdf(&conn, &list, &zh(), today()).unwrap();
    let (text, _) = pdf_text(&pdf);
    let flat = squash(&text);
    for must in ["高龄老人名单（80周岁及以上）", "序号", "身份证号码", "联系电话", "备注", "新满80周岁", "黄秀珠（2026-06-01）", "去世：1人", "郑月娥（2026-03-10）", "制表人"] {
        assert!(flat.contains(must), "the list shows {must}: {text}");
    }
    assert!(!flat.contains(&id_for("1940-03-15", 2, true)), "no full ID number is printed by default");
    let xlsx = elders::xlsx(&conn, &list, &zh()).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let rows: Vec<Vec<Data>> = wb.worksheet_range("高龄名单").unwrap().rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows[2][3], Data::String("身份证号码".into()), "the header row");
    assert_eq!(rows.len() - 3, list.lines.len(), "one row per person");
    assert_eq!(rows[3][5], Data::Float(86.0), "ages are numbers");
    let changes = wb.worksheet_range("变化情况").unwrap();
    assert_eq!(changes.rows().skip(3).count(), 4, "four changes");
}

#[test]
fn the_list_refuses_a_bad_age_or_dates() {
    let (_d, conn) = village();
    for (input, field) in [
        (EldersInput { age: "八十".into(), ..Default::default() }, "age"),
        (EldersInput { age: "0".into(), ..Default::default() }, "age"),
        (EldersInput { as_of: "2026-13-01".into(), ..Default::default() }, "as_of"),
        (EldersInput { since: "2026-12-01".into(), as_of: "2026-11-29".into(), ..Default::default() }, "since"),
    ] {
        let e = reports::elders_file(&conn, &input, StatementFormat::Pdf, &zh(), today()).unwrap_err();
        assert_eq!(e.field(), Some(field), "{input:?} is refused on {field}: {e:?}");
    }
    let ok = reports::elders_file(&conn, &EldersInput::default(), StatementFormat::Xlsx, &en(), today()).unwrap();
    assert_eq!(ok.name, "Elders 80+ 2026-11-29.xlsx", "defaults: 80, today");
}


#[test]
fn the_welfare_section_counts_payments_in_the_period_by_kind_without_reversed_ones() {
    use common::welfare::{pay, payment, set_standard, standard};
    use huzhu::welfare::WelfareKind;
    let (_d, mut conn) = full_village();
    set_standard(&mut conn, &standard(WelfareKind::Hospital, "200", "", "", "2025-01-01"));
    set_standard(&mut conn, &standard(WelfareKind::Sick, "50", "", "", "2025-01-01"));
    pay(&mut conn, &payment(MemberNo(9), WelfareKind::Hospital, "2026-04-01")).expect("a hospital payment");
    pay(&mut conn, &payment(MemberNo(12), WelfareKind::Hospital, "2026-09-09")).expect("a second hospital payment");
    let wrong = pay(&mut conn, &payment(MemberNo(10), WelfareKind::Sick, "2026-05-01")).expect("a sick visit paid by mistake");
    pay(&mut conn, &payment(MemberNo(10), WelfareKind::Sick, "2025-12-28")).expect("last year's sick visit");
    write(&mut conn, |tx| receipts::reverse_entry(tx, &actor(), &wrong.voucher_no, &ReversalInput::new("记错了人", "2026-05-02"), today()))
        .expect("reverse the mistaken payment");

    let r = work::build(&conn, year_2026(), "", &zh(), today()).unwrap();
    let w = r.welfare.as_ref().expect("the welfare section is filled from the welfare payments");
    let lines: Vec<(String, i64, Fen)> = w.kinds.iter().map(|l| (l.label.clone(), l.count, l.amount)).collect();
    assert_eq!(lines, vec![("住院慰问".to_string(), 2, Fen(40000))], "two hospital payments; the reversed sick visit and last year's are left out");
    let by_sql = one(
        &conn,
        "SELECT sum(amount_fen) FROM welfare_payment w WHERE date LIKE '2026-%'
           AND cash_entry_id NOT IN (SELECT reverses_id FROM cash_entry WHERE reverses_id IS NOT NULL)",
        [],
    );
    assert_eq!(w.kinds.iter().map(|l| l.amount.0).sum::<i64>(), by_sql, "the section's total is the welfare table's");

    let file = reports::work_report_bytes(&r, StatementFormat::Pdf, &zh()).unwrap();
    let text = squash(&pdf_text(&file.bytes).0);
    assert!(text.contains("住院慰问") && text.contains("¥400.00"), "the printed report shows the hospital payments: {text}");
    assert!(!text.contains("本期无慰问发放记录"), "and does not say there were none");
}
