//! Every list exports: the register (with its filters), dues owed, a month's rota, time-bank
//! balances and donations, as XLSX (read back with calamine) and CSV (UTF-8 with a BOM). ID and
//! phone numbers are masked unless the full numbers are asked for.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::rota::{add_case, case_input, generate, village, DAY_SHIFT};
use common::{actor, add_person, month, today, write};
use huzhu::exports::{self, ExportRequest, Exported, ListExport};
use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{MemberNo, PersonFilter, PersonInput, StatusFilter};
use huzhu::money::donations::{self, DonationInput, HonourFilter};
use huzhu::money::dues::{self, DuesPaymentInput, PolicyInput};
use huzhu::rota::DutyKind;
use huzhu::sheets::SheetFormat;
use rusqlite::Connection;

const ID: &str = "11010519491231002X";

fn zh() -> Localizer {
    Localizer::new(Lang::ZhCn)
}

fn export(conn: &Connection, list: ListExport, format: SheetFormat, full_numbers: bool) -> Exported {
    exports::export(conn, &ExportRequest { list, format, full_numbers }, &zh(), today()).expect("the list exports")
}

/// The first sheet's cells as text, row by row.
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f}"),
                    Data::DateTime(d) => {
                        let (y, m, dd, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{dd:02}")
                    }
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "a CSV starts with the UTF-8 byte-order mark, so Excel reads the Chinese right");
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

fn register(conn: &mut Connection) {
    add_person(conn, &PersonInput { id_card: ID.into(), phones: vec!["13812345678".into()], village_group: "1组".into(), address: "东风村3号".into(), ..PersonInput::member("张秀英") }).unwrap();
    add_person(conn, &PersonInput { village_group: "2组".into(), ..PersonInput::member("李明") }).unwrap();
    add_person(conn, &PersonInput { village_group: "1组".into(), ..PersonInput::member("阿毛") }).unwrap();
}

#[test]
fn the_register_exports_with_its_filters_in_pinyin_order_and_numbers_masked() {
    let (_dir, mut conn) = common::test_db_with_association();
    register(&mut conn);
    let filter = PersonFilter { village_group: Some("1组".into()), ..Default::default() };
    let file = export(&conn, ListExport::Members { filter: filter.clone() }, SheetFormat::Xlsx, false);
    assert_eq!(file.name, "会员花名册-2026-11-29.xlsx");
    let rows = xlsx_rows(&file.bytes);
    assert!(rows[0][0].contains(common::ASSOCIATION) && rows[0][0].contains("会员花名册"), "a title row names the association and the list: {:?}", rows[0]);
    assert_eq!(&rows[1][..3], ["编号", "姓名", "性别"], "the headings under the title");
    let names: Vec<&str> = rows[2..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["阿毛", "张秀英"], "only group 1, in pinyin order, as the screen lists them");
    let zhang = &rows[3];
    assert!(zhang.contains(&"110105********002X".to_string()), "the ID number is masked: {zhang:?}");
    assert!(zhang.contains(&"138****5678".to_string()), "and the phone: {zhang:?}");
    assert!(zhang.contains(&"1949-12-31".to_string()), "the birth date is a date cell: {zhang:?}");
    assert!(!String::from_utf8_lossy(&file.bytes).contains(ID));

    let full = xlsx_rows(&export(&conn, ListExport::Members { filter }, SheetFormat::Xlsx, true).bytes);
    assert!(full[3].contains(&ID.to_string()) && full[3].contains(&"13812345678".to_string()), "whole numbers when asked for: {:?}", full[3]);

    let csv = csv_rows(&export(&conn, ListExport::Members { filter: PersonFilter { status: StatusFilter::All, ..Default::default() } }, SheetFormat::Csv, false).bytes);
    assert_eq!(csv[0][1], "姓名", "a CSV's first line is the headings (no title), for other programs");
    assert_eq!(csv.len(), 4, "every person, with no limit: {csv:?}");
    assert!(csv[3].contains(&"110105********002X".to_string()), "{:?}", csv[3]);
}

#[test]
fn dues_owed_export_with_their_total() {
    let (_dir, mut conn) = common::test_db_with_association();
    register(&mut conn);
    write(&mut conn, |tx| dues::set_policy(tx, &actor(), &PolicyInput { year: 2026, amount: "20".into(), exempt_age: String::new(), exempt_statuses: vec![] })).unwrap();
    write(&mut conn, |tx| dues::pay(tx, &actor(), &DuesPaymentInput { member: Some(MemberNo(2)), years: "2026".into(), amount: "5".into(), date: today().to_string(), handler: String::new() }, today())).unwrap();
    let file = export(&conn, ListExport::Arrears { year: 2026 }, SheetFormat::Xlsx, false);
    let rows = xlsx_rows(&file.bytes);
    let body: Vec<_> = rows[2..rows.len() - 1].iter().map(|r| (r[1].clone(), r[6].clone())).collect();
    let owed = |name: &str, yuan: &str| (name.to_string(), yuan.to_string());
    assert_eq!(body, [owed("张秀英", "20"), owed("阿毛", "20"), owed("李明", "15")], "by group then number, owed in yuan after what was paid");
    let total = rows.last().unwrap();
    assert_eq!((total[0].as_str(), total[6].as_str()), ("合计", "55"), "the total owed is a value, not a formula: {total:?}");
    let csv = csv_rows(&export(&conn, ListExport::Arrears { year: 2026 }, SheetFormat::Csv, false).bytes);
    assert_eq!(csv.last().unwrap()[6], "55.00", "money in a CSV has two decimals");
}

#[test]
fn a_months_rota_exports_one_line_per_shift_with_phones_masked() {
    let (_dir, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-01", Some("2026-12-03"), &[DAY_SHIFT]));
    generate(&mut conn, month("2026-12"));
    let rows = xlsx_rows(&export(&conn, ListExport::Rota { month: month("2026-12") }, SheetFormat::Xlsx, false).bytes);
    assert_eq!(rows.len(), 2 + 3, "three day shifts under the title and headings: {rows:?}");
    assert_eq!(rows[2][0], "2026-12-01");
    assert_eq!(rows[2][4], "林炎堃", "the person cared for");
    assert!(!rows[2][6].is_empty(), "who is on duty: {:?}", rows[2]);
    assert!(rows[2][7].contains("****"), "phones masked: {:?}", rows[2]);
}

#[test]
fn time_bank_balances_export_with_the_pool_and_the_total() {
    let (_dir, mut conn) = common::test_db_with_association();
    register(&mut conn);
    common::time_bank::deposit(&mut conn, MemberNo(1), "2.5", "2026-11-01").unwrap();
    common::time_bank::deposit(&mut conn, MemberNo(2), "3", "2026-11-02").unwrap();
    let rows = xlsx_rows(&export(&conn, ListExport::Time, SheetFormat::Xlsx, false).bytes);
    let body: Vec<_> = rows[2..].iter().map(|r| (r[1].clone(), r[3].clone())).collect();
    assert_eq!(
        body,
        [("李明".into(), "3".into()), ("张秀英".into(), "2.5".into()), ("公益时间池".into(), "0".into()), ("2 个账户".into(), "5.5".into())],
        "accounts in pinyin order, the pool, and the bank's total"
    );
}

#[test]
fn donations_export_in_the_period_asked_with_their_total() {
    let (_dir, mut conn) = common::test_db_with_association();
    for (donor, amount, date) in [("王大伯", "500", "2026-03-01"), ("旅外乡亲", "1000.50", "2026-10-01"), ("李四", "50", "2025-12-31")] {
        let input = DonationInput { donor: donor.into(), amount: amount.into(), date: date.into(), ..Default::default() };
        write(&mut conn, |tx| donations::donate(tx, &actor(), &input, today())).unwrap();
    }
    let filter = HonourFilter { from: "2026-01-01".into(), ..Default::default() };
    let rows = xlsx_rows(&export(&conn, ListExport::Donations { filter: filter.clone() }, SheetFormat::Xlsx, false).bytes);
    let donors: Vec<&str> = rows[2..rows.len() - 1].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(donors, ["王大伯", "旅外乡亲"], "only 2026's gifts, by date");
    assert_eq!(rows.last().unwrap()[2], "1500.5", "the total of the gifts listed");
    let csv = csv_rows(&export(&conn, ListExport::Donations { filter }, SheetFormat::Csv, false).bytes);
    assert_eq!(csv.last().unwrap()[2], "1500.50");
}

#[test]
fn english_exports_have_english_headings() {
    let (_dir, mut conn) = common::test_db_with_association();
    register(&mut conn);
    let req = ExportRequest { list: ListExport::Members { filter: PersonFilter::default() }, format: SheetFormat::Csv, full_numbers: false };
    let file = exports::export(&conn, &req, &Localizer::new(Lang::EnUs), today()).unwrap();
    assert_eq!(file.name, "Member register 2026-11-29.csv");
    let rows = csv_rows(&file.bytes);
    assert_eq!(&rows[0][..3], ["Number", "Name", "Gender"]);
}

#[test]
fn welfare_export_lists_the_year_marks_reversals_and_totals_what_stands() {
    use common::welfare::{pay, payment, set_standard, standard};
    use huzhu::kernel::fields::ReversalInput;
    use huzhu::welfare::{WelfareFilter, WelfareKind};
    let (_dir, mut conn) = common::test_db_with_association();
    register(&mut conn);
    set_standard(&mut conn, &standard(WelfareKind::Hospital, "200", "", "", "2025-01-01"));
    set_standard(&mut conn, &standard(WelfareKind::Sick, "50.5", "", "", "2025-01-01"));
    pay(&mut conn, &payment(MemberNo(1), WelfareKind::Hospital, "2026-04-01")).unwrap();
    let wrong = pay(&mut conn, &payment(MemberNo(2), WelfareKind::Sick, "2026-05-01")).unwrap();
    pay(&mut conn, &payment(MemberNo(3), WelfareKind::Sick, "2026-06-01")).unwrap();
    pay(&mut conn, &payment(MemberNo(2), WelfareKind::Hospital, "2025-12-30")).unwrap();
    write(&mut conn, |tx| huzhu::money::receipts::reverse_entry(tx, &actor(), &wrong.voucher_no, &ReversalInput::new("记错了人", "2026-05-02"), today())).unwrap();

    let list = || ListExport::Welfare { filter: WelfareFilter { year: Some(2026), ..Default::default() } };
    let file = export(&conn, list(), SheetFormat::Xlsx, false);
    assert_eq!(file.name, "2026年慰问发放明细-2026-11-29.xlsx");
    let rows = xlsx_rows(&file.bytes);
    let body = &rows[2..rows.len() - 1];
    let names: Vec<&str> = body.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(names, ["阿毛", "李明", "张秀英"], "2026's payments, newest first; last year's left out");
    assert!(body[1][11].contains(&wrong.voucher_no) || body[1][11].contains("已冲销"), "the reversed payment is marked: {:?}", body[1]);
    assert!(body[0][11].is_empty() && body[2][11].is_empty(), "standing payments carry no mark");
    assert_eq!(body[2][4], "住院慰问");
    let total = rows.last().unwrap();
    assert_eq!((total[2].as_str(), total[5].as_str()), ("2 笔", "250.5"), "the total counts what stands: 200 + 50.50, not the reversed 50.50");
    let csv = csv_rows(&export(&conn, list(), SheetFormat::Csv, false).bytes);
    assert_eq!(csv.last().unwrap()[5], "250.50");
}
