//! What the rota prints for the hall wall and the volunteers: the monthly roster (A4, large type,
//! A3) and the slips to cut out, checked by the text pdftotext extracts and the page count.

mod common;

use common::pdf::{pdf_layout_text, squash};
use common::rota::{add_case, case_input, en, generate, pairing, village, zh, DutyKind, RosterOptions, DAY_SHIFT, NIGHT_SHIFT};
use common::{actor, month, today, write};
use huzhu::rota::{self, print};

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
    for needle in ["2026年12月值班表", "林炎堃", "后埔12号", "降压药早晚各一次", "白班 08:00-20:00", "夜班 20:00-08:00（次日）", "制表人", "审核人", "共3页", "13800000002", "张秀兰", "值班人员通讯录"] {
        assert!(squash(&text).contains(&squash(needle)), "the roster shows {needle}: the title, each case's address and medicines, its shifts (overnight marked), the people with their phones, the signature lines and the page count");
    }
    assert!(roster.bytes.len() < 400_000, "the font is subset: {} bytes", roster.bytes.len());

    let large = print::roster_pdf(&conn, dec, RosterOptions { large: true, a3: false }, &zh(), today()).unwrap();
    assert!(large.pages > roster.pages, "large print spreads a month over more pages: {} vs {}", large.pages, roster.pages);
    assert_eq!(large.name, "值班表-2026-12-大字.pdf", "the large-print copy says so in its name");
    assert!(pdf_layout_text(&large.bytes).0.contains("林炎堃"), "large print shows the same people");

    let a3 = print::roster_pdf(&conn, dec, RosterOptions { large: false, a3: true }, &en(), today()).unwrap();
    assert_eq!(a3.name, "Rota-2026-12-A3.pdf", "the A3 copy says so, in the reader's language");
    let (text, _) = pdf_layout_text(&a3.bytes);
    assert!(text.contains("Rota for 12/2026") && text.contains("Volunteers' phones"), "the English roster reads in English: {text}");

    let slips = print::slips_pdf(&conn, dec, &zh(), today()).unwrap();
    assert_eq!(slips.name, "个人值班单-2026-12.pdf");
    let (text, _) = pdf_layout_text(&slips.bytes);
    assert!(text.contains("陈桂英") && text.contains("编号 4") && text.contains("黄玉喆"), "the paired volunteer's slip names the elder: {text}");
    assert!(text.contains("12月1日"), "a slip lists the dates of its shifts: {text}");
}
