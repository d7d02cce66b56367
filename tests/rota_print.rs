//! What the rota prints for the hall wall and the volunteers: the monthly roster (A4, large type,
//! A3) and the slips to cut out, checked by the text pdftotext extracts and the page count.
//! Phones on it are masked, as everywhere, unless whole numbers are asked for by a role that may
//! see them (issue 12).

mod common;

use common::pdf::{pdf_layout_text, squash};
use common::rota::{add_case, case_input, en, generate, pairing, village, zh, DutyKind, RosterOptions, DAY_SHIFT, NIGHT_SHIFT};
use common::{actor, day, month, refused, today, write};
use huzhu::access::{users, UserInput};
use huzhu::audit::{Actor, Role};
use huzhu::exports::{self, ExportRequest, ListExport};
use huzhu::members::{self, CareLevel, FamilyContact, MemberNo, PersonFilter, PersonInput};
use huzhu::reports::elders;
use huzhu::rota::{self, print};
use huzhu::sheets::SheetFormat;
use rusqlite::Connection;

#[test]
fn the_roster_and_slips_print_names_times_phones_and_signature_lines() {
    let (_d, mut conn) = village();
    let dec = month("2026-12");
    let mut care = case_input(5, DutyKind::Care, "2026-12-01", None, &[DAY_SHIFT, NIGHT_SHIFT]);
    care.medicines = "降压药早晚各一次".into();
    add_case(&mut conn, &care);
    write(&mut conn, |tx| rota::add_pairing(tx, &actor(), &pairing(4, 6, "7", "2026-12-01"), &zh(), today())).unwrap();
    generate(&mut conn, dec);

    let roster = print::roster_pdf(&conn, dec, RosterOptions::default(), &zh(), today()).unwrap();
    assert_eq!(roster.pages, 3, "one page for each of the two cases and one for the phone list");
    assert_eq!(roster.name, "值班表-2026-12.pdf", "the roster is named after the month");
    let (text, pages) = pdf_layout_text(&roster.bytes);
    assert_eq!(pages, roster.pages, "the page count reported is the PDF's");
    for needle in ["2026年12月值班表", "林炎堃", "后埔12号", "降压药早晚各一次", "白班 08:00-20:00", "夜班 20:00-08:00（次日）", "制表人", "审核人", "共3页", "138****0002", "张秀兰", "值班人员通讯录"] {
        assert!(squash(&text).contains(&squash(needle)), "the roster shows {needle}: the title, each case's address and medicines, its shifts (overnight marked), the people with their phones (masked), the signature lines and the page count");
    }
    assert!(!text.contains("13800000002"), "no whole phone number by default: {text}");
    assert!(roster.bytes.len() < 400_000, "the font is subset: {} bytes", roster.bytes.len());

    let large = print::roster_pdf(&conn, dec, RosterOptions { large: true, ..Default::default() }, &zh(), today()).unwrap();
    assert!(large.pages > roster.pages, "large print spreads a month over more pages: {} vs {}", large.pages, roster.pages);
    assert_eq!(large.name, "值班表-2026-12-大字.pdf", "the large-print copy says so in its name");
    assert!(pdf_layout_text(&large.bytes).0.contains("林炎堃"), "large print shows the same people");

    let a3 = print::roster_pdf(&conn, dec, RosterOptions { a3: true, ..Default::default() }, &en(), today()).unwrap();
    assert_eq!(a3.name, "Rota-2026-12-A3.pdf", "the A3 copy says so, in the reader's language");
    let (text, _) = pdf_layout_text(&a3.bytes);
    assert!(text.contains("Rota for 12/2026") && text.contains("Volunteers' phones"), "the English roster reads in English: {text}");

    let slips = print::slips_pdf(&conn, dec, &zh(), today()).unwrap();
    assert_eq!(slips.name, "个人值班单-2026-12.pdf");
    let (text, _) = pdf_layout_text(&slips.bytes);
    assert!(text.contains("陈桂英") && text.contains("编号 4") && text.contains("黄玉喆"), "the paired volunteer's slip names the elder: {text}");
    assert!(text.contains("12月1日"), "a slip lists the dates of its shifts: {text}");
}

/// The door sheet's family to call comes from the register when the case names none: the
/// elder's son, with his mobile.
fn with_family(conn: &mut Connection) {
    let son = FamilyContact { name: "林小明".into(), relation: "儿子".into(), phone: "139 1234 5678".into(), lives_away: false };
    let input = PersonInput { care_level: Some(CareLevel::Severe), address: "后埔12号".into(), village_group: "1组".into(), family: vec![son], ..PersonInput::member("林炎堃") };
    write(conn, |tx| members::update(tx, &actor(), MemberNo(5), &input, today())).expect("add the son to the register");
}

/// Volunteer n's whole number (1380000000n), as `village` registers it.
const WHOLE: [&str; 4] = ["13800000001", "13800000002", "13800000003", "13800000004"];

#[test]
fn the_roster_masks_phones_unless_whole_numbers_are_asked_for_by_a_role_that_may_see_them() {
    let (_d, mut conn) = village();
    with_family(&mut conn);
    let dec = month("2026-12");
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-01", None, &[DAY_SHIFT, NIGHT_SHIFT]));
    generate(&mut conn, dec);
    // Sign-in on: a chair, a secretary and a viewer.
    for (name, role) in [("陈会长", Role::Chair), ("李秘书", Role::Secretary), ("孙查看", Role::Viewer)] {
        write(&mut conn, |tx| users::add(tx, &actor(), &UserInput { name: name.into(), role: Some(role), pin: "530961".into() })).unwrap();
    }

    let masked = RosterOptions::default();
    let viewer = Actor::user("孙查看", Role::Viewer);
    write(&mut conn, |tx| print::record(tx, &viewer, dec, masked)).expect("anyone who may print may print the masked roster");
    let roster = print::roster_pdf(&conn, dec, masked, &zh(), today()).unwrap();
    let text = squash(&pdf_layout_text(&roster.bytes).0);
    for whole in WHOLE.iter().chain(&["13912345678"]) {
        assert!(!text.contains(whole), "no whole phone number on the wall by default ({whole}): {text}");
    }
    assert!(text.contains("138****0001"), "a volunteer's phone shows as the lists show it: {text}");
    assert!(text.contains("儿子林小明139****5678"), "and the family to call, from the register: {text}");
    assert!(!text.contains("12345678"), "{text}");

    let full = RosterOptions { full_phones: true, ..Default::default() };
    let e = refused(&mut conn, |tx| print::record(tx, &viewer, dec, full));
    assert!(format!("{e:?}").contains("error-access-refused"), "a viewer may not print whole numbers: {e:?}");
    for name_role in [Actor::user("李秘书", Role::Secretary), Actor::user("陈会长", Role::Chair)] {
        write(&mut conn, |tx| print::record(tx, &name_role, dec, full)).expect("the secretary and the chair may");
    }
    let n: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE action = 'export_full' AND entity = 'export' AND entity_id = 'rota'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2, "each whole-number printing is in the audit log");
    let whole = print::roster_pdf(&conn, dec, full, &zh(), today()).unwrap();
    let text = squash(&pdf_layout_text(&whole.bytes).0);
    assert!(text.contains("13800000002") && text.contains("13912345678"), "asked for, the numbers are whole, so they can be rung: {text}");
    assert!(!text.contains("****"), "none masked: {text}");
}

#[test]
fn one_phone_masks_the_same_in_the_list_the_exports_the_reports_and_the_roster() {
    let (_d, mut conn) = village();
    let dec = month("2026-12");
    // Volunteer 1 (张秀兰) with a landline first, and old enough for the list of the very old.
    let input = PersonInput {
        volunteer: true,
        phones: vec!["0595-22334455".into(), "13800000001".into()],
        birth_date: "1940-03-01".into(),
        village_group: "1组".into(),
        ..PersonInput::member("张秀兰")
    };
    write(&mut conn, |tx| members::update(tx, &actor(), MemberNo(1), &input, today())).unwrap();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-01", None, &[DAY_SHIFT]));
    generate(&mut conn, dec);
    const SHOWN: &str = "****-****4455";
    assert_eq!(members::mask_phone("0595-22334455"), SHOWN, "a landline shows its last four digits only");

    let list = members::list(&conn, &PersonFilter::default(), today()).unwrap();
    let row = list.rows.iter().find(|r| r.name == "张秀兰").expect("in the list");
    assert_eq!(row.phone, SHOWN, "the register list");

    let export = |list| exports::export(&conn, &ExportRequest { list, format: SheetFormat::Csv, full_numbers: false }, &zh(), today()).unwrap();
    let register = String::from_utf8(export(ListExport::Members { filter: PersonFilter::default() }).bytes).unwrap();
    assert!(register.contains(&format!("{SHOWN} / 138****0001")), "the register's export: {register}");
    let rota = String::from_utf8(export(ListExport::Rota { month: dec }).bytes).unwrap();
    assert!(rota.contains(SHOWN), "the rota's export: {rota}");

    let old = elders::build(&conn, 80, day("2026-11-29"), None, false).unwrap();
    let line = old.lines.iter().find(|l| l.name == "张秀兰").expect("86 years old");
    assert_eq!(line.phone, SHOWN, "the list of the very old");

    let roster = print::roster_pdf(&conn, dec, RosterOptions::default(), &zh(), today()).unwrap();
    let text = squash(&pdf_layout_text(&roster.bytes).0);
    assert!(text.contains(SHOWN), "the roster: {text}");
    for text in [&register, &rota, &text] {
        assert!(!text.contains("22334455") && !text.contains("0595"), "nowhere more of the number: {text}");
    }
}
