//! Importing the committee's roster (导入花名册): a messy sheet built here the way village
//! offices type them — a merged title, a date line, blank rows, a total row, full-width digits,
//! a lowercase x, ID numbers Excel turned into numbers, every form of date, contradictions,
//! duplicates, people already registered — with the action expected for each row; then the
//! same roster as xls (a fixture) and CSV (UTF-8 and GBK); then fuzzed cells.

mod common;

use common::{actor, add_person, count, day, memory_db, snapshot, test_db, today, write};
use huzhu::id_card;
use huzhu::kernel::Gender;
use huzhu::members::{self, EconomicStatus, Living, PersonFilter, PersonInput, Status, StatusFilter};
use huzhu::roster::{self, Plan, RosterAction};
use proptest::prelude::*;
use rusqlite::Connection;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A valid ID number for a birth date (YYYYMMDD) and a sequence (odd = male).
fn id(birth: &str, seq: &str) -> String {
    let body = format!("350521{birth}{seq}");
    format!("{body}{}", id_card::check_char(&body).expect("digits"))
}

/// A cell of the messy sheet.
#[derive(Clone, Debug)]
enum C {
    T(&'static str),
    S(String),
    N(f64),
    /// A real date cell (a date format Excel marks as a date).
    D(u16, u8, u8),
    /// A serial day number under a Chinese built-in date format (yyyy"年"m"月"d"日", format 31),
    /// which readers see as a plain number.
    Cn(f64),
    E,
}

use C::{Cn, D, E, N, S, T};

const HEADINGS: [&str; 10] = ["序号", "姓 名", "性别", "公民身份号码", "出生年月", "联系电话", "家庭住址", "村民小组", "居住情况", "备注"];

/// The messy roster: (cells, the action expected, the message id expected for errors and
/// skips). Rows start at Excel row 5, under a merged title (row 1), a date line (row 2), a
/// blank row (3) and the headings (4).
fn messy_rows() -> Vec<(Vec<C>, RosterAction, Option<&'static str>)> {
    use RosterAction::*;
    vec![
        // 5: a lowercase x, a phone typed as a number
        (vec![N(1.0), T("张秀英"), T("女"), S(id("19491231", "002").to_lowercase()), T("1949.12.31"), N(13812345678.0), T("东风村3号"), T("1组"), T("独居"), E], Add, None),
        // 6: full-width digits and spaces in the ID number, 1941年3月5日
        (vec![N(2.0), T("李明"), T("男"), S(full_width(&spaced(&id("19410305", "001")))), T("1941年3月5日"), E, E, T("2组"), T("与子女同住"), E], Add, None),
        // 7: the ID number stored by Excel as a number
        (vec![N(3.0), T("王  五"), T("男"), N(350521194001010011.0), T("1940-01-01"), E, E, T("2组"), E, E], Error, Some("error-roster-id-as-number")),
        // 8: blank but for its number: not listed at all
        (vec![N(4.0), E, E, E, E, E, E, E, E, E], Skip, Some("(blank)")),
        // 9: 19380407 typed as a number
        (vec![N(5.0), T("陈玉兰"), T("女"), E, N(19380407.0), E, E, T("3组"), T("空巢"), E], Add, None),
        // 10: a real date cell
        (vec![N(6.0), T("林阿妹"), T("女"), E, D(1936, 8, 15), E, E, T("3组"), E, E], Add, None),
        // 11: a serial day number under a Chinese date format
        (vec![N(7.0), T("黄金水"), T("男"), E, Cn(15040.0), E, E, T("3组"), E, E], Add, None),
        // 12: year and month only
        (vec![N(8.0), T("郑阿婆"), T("女"), E, T("1940.03"), E, E, T("4组"), E, E], Add, None),
        // 13: a written birth date that contradicts the ID number
        (vec![N(9.0), T("吴老伯"), T("男"), S(id("19420202", "003")), T("1950-01-01"), E, E, E, E, E], Error, Some("error-birth-mismatch-id")),
        // 14: a gender that contradicts the ID number (odd sequence: male)
        (vec![N(10.0), T("周桂英"), T("女"), S(id("19430303", "005")), E, E, E, E, E, E], Error, Some("error-gender-mismatch-id")),
        // 15: row 10 again, word for word
        (vec![N(11.0), T("林阿妹"), T("女"), E, D(1936, 8, 15), E, E, T("3组"), E, E], Skip, Some("roster-repeats-row")),
        // 16: died, with the date in the note
        (vec![N(12.0), T("蔡明德"), T("男"), S(id("19390214", "007")), T("1939/2/14"), E, E, T("1组"), E, T("已故（2023.5.1）")], Add, None),
        // 17: 五保 in the note
        (vec![N(13.0), T("许水仙"), T("女"), E, T("1937-06-01"), E, E, T("1组"), E, T("五保户")], Add, None),
        // 18: already registered by ID number, with a new phone: update
        (vec![N(14.0), T("刘德华"), T("男"), S(id("19450101", "009")), E, T("13912345678"), E, T("2组"), E, E], Update, None),
        // 19: already registered by name and birth date, nothing new: same
        (vec![N(15.0), T("何美玲"), T("女"), E, T("1945.5.5"), E, E, T("4组"), E, E], Same, None),
        // 20: died, no date given
        (vec![N(16.0), T("洪阿土"), T("男"), E, T("19300101"), E, E, T("4组"), E, T("去世")], Add, None),
        // 21: a day that does not exist
        (vec![N(17.0), T("江水生"), T("男"), E, T("1941.2.30"), E, E, E, E, E], Error, Some("error-roster-date")),
        // 22: a year alone
        (vec![N(18.0), T("方老太"), T("女"), E, T("1941"), E, E, E, E, E], Error, Some("error-roster-year-only")),
        // 23: a wrong check character
        (vec![N(19.0), T("邱阿水"), T("男"), S(bad_check(&id("19440404", "011"))), E, E, E, E, E, E], Error, Some("error-id-card-checksum")),
        // 24: an old 15-digit number
        (vec![N(20.0), T("曾阿伯"), T("男"), T("350521360707013"), E, E, E, T("1组"), E, E], Add, None),
        // 25: the same ID number as row 5, another person's name: a conflict in the file
        (vec![N(21.0), T("张秀珍"), T("女"), S(id("19491231", "002")), E, E, E, E, E, E], Error, Some("roster-conflicts-row")),
        // 26: the total row
        (vec![T("合计"), E, E, E, E, E, E, E, E, T("共 20 人")], Skip, Some("roster-total-row")),
    ]
}

fn full_width(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect()
}

fn spaced(s: &str) -> String {
    format!("{} {} {}", &s[..6], &s[6..14], &s[14..])
}

fn bad_check(s: &str) -> String {
    let last = if s.ends_with('1') { '2' } else { '1' };
    format!("{}{last}", &s[..17])
}

/// The messy roster as an XLSX file.
fn messy_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("花名册").unwrap();
    let title = Format::new().set_bold();
    sheet.merge_range(0, 0, 0, 9, "东风村2026年老年人花名册", &title).unwrap();
    sheet.write(1, 0, "填表日期：2026年11月").unwrap();
    for (i, h) in HEADINGS.iter().enumerate() {
        sheet.write(3, i as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let chinese_date = Format::new().set_num_format_index(31);
    for (r, (cells, _, _)) in messy_rows().iter().enumerate() {
        let row = 4 + r as u32;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                T(s) => drop(sheet.write(row, col, *s).unwrap()),
                S(s) => drop(sheet.write(row, col, s.as_str()).unwrap()),
                N(f) => drop(sheet.write(row, col, *f).unwrap()),
                D(y, m, d) => drop(sheet.write_datetime_with_format(row, col, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap()),
                Cn(f) => drop(sheet.write_number_with_format(row, col, *f, &chinese_date).unwrap()),
                E => {}
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// The two people registered before the import: 刘德华 by ID number, 何美玲 by name and birth.
fn registered(conn: &mut Connection) {
    add_person(conn, &PersonInput { id_card: id("19450101", "009"), phones: vec!["0595-2233445".into()], village_group: "2组".into(), ..PersonInput::member("刘德华") })
        .expect("register 刘德华");
    add_person(conn, &PersonInput { birth_date: "1945-05-05".into(), gender: Some(Gender::Female), village_group: "4组".into(), ..PersonInput::member("何美玲") })
        .expect("register 何美玲");
}

fn plan(conn: &Connection, bytes: &[u8]) -> Plan {
    roster::plan(conn, bytes, None, today()).expect("the roster is read")
}

/// Every listed row with the action and message expected of it; blank rows are not listed.
fn check_plan(p: &Plan) {
    let expected: Vec<_> = messy_rows().into_iter().enumerate().filter(|(_, (_, _, m))| *m != Some("(blank)")).collect();
    assert_eq!(p.rows.len(), expected.len(), "every row but the blank one is listed: {:#?}", p.rows);
    for (planned, (i, (_, action, message))) in p.rows.iter().zip(expected) {
        assert_eq!(planned.row, 5 + i as u32, "rows are numbered as Excel shows them");
        assert_eq!(planned.action, action, "row {}: {:?}", planned.row, planned);
        if let Some(m) = message {
            assert_eq!(planned.messages.first().map(|m| m.id), Some(m), "row {}: the reason given: {:?}", planned.row, planned);
        }
    }
}

#[test]
fn a_messy_roster_is_previewed_row_by_row_with_the_right_action_and_reason() {
    let (_dir, mut conn) = test_db();
    registered(&mut conn);
    let before = snapshot(&conn);
    let p = plan(&conn, &messy_xlsx());
    assert_eq!(snapshot(&conn), before, "a preview writes nothing");
    assert_eq!((p.sheet.as_str(), p.header_row), ("花名册", 4), "the header is found under the merged title");
    check_plan(&p);
    let row = |n: u32| p.rows.iter().find(|r| r.row == n).unwrap();
    assert_eq!(row(7).name, "王五", "a name padded to line up is joined");
    let ids: Vec<&str> = row(20).messages.iter().map(|m| m.id).collect();
    assert!(ids.contains(&"roster-deceased-no-date"), "a death without a date says so in the preview: {ids:?}");
    let ids: Vec<&str> = row(16).messages.iter().map(|m| m.id).collect();
    assert!(ids.contains(&"roster-deceased"), "a death is shown in the preview: {ids:?}");
    assert_eq!(row(18).messages[0].fields, vec!["field-phones"], "an update says what it changes");
    let ids: Vec<&str> = row(24).messages.iter().map(|m| m.id).collect();
    assert!(ids.contains(&"roster-id-upgraded"), "{ids:?}");
}

#[test]
fn importing_writes_the_good_rows_as_the_preview_said_and_a_second_import_adds_no_one() {
    let (_dir, mut conn) = test_db();
    registered(&mut conn);
    let bytes = messy_xlsx();
    let digest = plan(&conn, &bytes).digest;
    let done = write(&mut conn, |tx| roster::import(tx, &actor(), &bytes, None, Some(&digest), today())).expect("import");
    assert_eq!((done.counts.add, done.counts.update, done.counts.same), (10, 1, 1), "{done:?}");
    assert_eq!(done.added.len(), 10);
    assert_eq!(members::count(&conn).unwrap(), 12, "the two registered and the ten added");

    let by_name = |name: &str| {
        let page = members::list(&conn, &PersonFilter { search: name.into(), status: StatusFilter::All, ..Default::default() }, today()).unwrap();
        let row = page.rows.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("{name} is in the register"));
        members::get_by_no(&conn, row.member_no, today()).unwrap()
    };
    let zhang = by_name("张秀英");
    assert_eq!(zhang.id_card.as_deref(), Some(id("19491231", "002").as_str()), "the lowercase x is stored upper case");
    assert_eq!((zhang.gender, zhang.birth_date, zhang.living), (Some(Gender::Female), Some(day("1949-12-31")), Some(Living::Alone)));
    assert_eq!(zhang.phones, vec!["13812345678"], "a phone typed as a number keeps every digit");
    assert_eq!(by_name("李明").id_card.as_deref(), Some(id("19410305", "001").as_str()), "full-width digits and spaces are read");
    assert_eq!(by_name("陈玉兰").birth_date, Some(day("1938-04-07")));
    assert_eq!(by_name("林阿妹").birth_date, Some(day("1936-08-15")));
    assert_eq!(by_name("黄金水").birth_date, Some(day("1941-03-05")), "a serial day under a Chinese date format is a date");
    assert_eq!(by_name("郑阿婆").birth_date, Some(day("1940-03-01")), "year and month: the first of the month");
    let cai = by_name("蔡明德");
    assert_eq!((cai.status, cai.death_date), (Status::Deceased, Some(day("2023-05-01"))), "imported as deceased with the date noted");
    let hong = by_name("洪阿土");
    assert_eq!((hong.status, hong.death_date), (Status::Deceased, Some(today())), "deceased without a date: recorded on the day of import");
    assert_eq!(hong.status_history.last().map(|s| s.note.as_str()), Some("去世"), "the note is kept with the status change");
    assert_eq!(by_name("许水仙").economic_status, Some(EconomicStatus::Wubao));
    assert_eq!(by_name("曾阿伯").id_card.as_deref(), Some(id_card::upgrade_15("350521360707013").unwrap().as_str()));
    assert_eq!(by_name("刘德华").phones, vec!["0595-2233445", "13912345678"], "a new phone is added to the one kept");
    let audit: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE entity = 'roster' AND action = 'import'", [], |r| r.get(0)).unwrap();
    assert_eq!(audit, 1, "the import as a whole is audited");

    let people = members::count(&conn).unwrap();
    let again = plan(&conn, &bytes);
    assert_eq!(again.counts().add, 0, "a second preview of the same file adds no one: {:#?}", again.rows);
    assert_eq!(again.counts().update, 0, "and changes no one");
    let done = write(&mut conn, |tx| roster::import(tx, &actor(), &bytes, None, None, today())).expect("import again");
    assert_eq!((done.counts.add, members::count(&conn).unwrap()), (0, people), "importing the same file twice adds no one");
}

#[test]
fn a_file_changed_since_its_preview_is_refused_and_nothing_is_written() {
    let (_dir, mut conn) = test_db();
    let bytes = messy_xlsx();
    let e = common::refused(&mut conn, |tx| roster::import(tx, &actor(), &bytes, None, Some("0000"), today()));
    assert_eq!(e.message_id(), "error-roster-file-changed");
}

#[test]
fn a_file_with_no_header_row_or_that_is_not_a_spreadsheet_is_refused_clearly() {
    let conn = memory_db();
    let e = roster::plan(&conn, "编号,名字\n1,张三\n".as_bytes(), None, today()).unwrap_err();
    assert_eq!(e.message_id(), "error-roster-no-header");
    let e = roster::plan(&conn, b"PK\x03\x04 not really a zip", None, today()).unwrap_err();
    assert_eq!(e.message_id(), "error-sheet-unreadable");
    let e = roster::plan(&conn, &messy_xlsx(), Some("Sheet9"), today()).unwrap_err();
    assert_eq!(e.message_id(), "error-sheet-missing");
}

/// The messy roster as CSV text, as Excel saves it (a serial date and a date cell become the
/// text Excel shows, the Chinese-format serial its 年月日 text).
fn messy_csv() -> String {
    let mut out = HEADINGS.join(",") + "\r\n";
    for (cells, _, _) in messy_rows() {
        let line: Vec<String> = cells
            .iter()
            .map(|c| match c {
                T(s) => s.to_string(),
                S(s) => s.clone(),
                N(f) if *f > 1e14 => format!("{:.5E}", f).replace("E", "E+"),
                N(f) => format!("{f}"),
                D(y, m, d) => format!("{y}/{m}/{d}"),
                Cn(_) => "1941年3月5日".into(),
                E => String::new(),
            })
            .collect();
        out += &(line.join(",") + "\r\n");
    }
    format!("东风村2026年老年人花名册,,,,,,,,,\r\n填表日期：2026年11月,,,,,,,,,\r\n,,,,,,,,,\r\n{out}")
}

#[test]
fn the_same_roster_as_csv_in_utf8_or_gbk_gives_the_same_plan() {
    let (_dir, mut conn) = test_db();
    registered(&mut conn);
    let text = messy_csv();
    let utf8 = plan(&conn, text.as_bytes());
    assert_eq!(utf8.header_row, 4);
    check_plan(&utf8);
    let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
    assert!(!lossy);
    let gbk = plan(&conn, &gbk);
    let actions = |p: &Plan| p.rows.iter().map(|r| (r.row, r.name.clone(), r.action)).collect::<Vec<_>>();
    assert_eq!(actions(&gbk), actions(&utf8), "a GBK file (Excel on Chinese Windows) reads the same as UTF-8");
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(text.as_bytes());
    assert_eq!(actions(&plan(&conn, &with_bom)), actions(&utf8), "and so does UTF-8 with a BOM");
}

#[test]
fn the_same_roster_as_xls_made_by_a_spreadsheet_program_gives_the_same_plan() {
    // tests/fixtures/roster.xls is the messy roster written as a real BIFF8 .xls by
    // tests/fixtures/make_roster_xls.py (xlwt); see that script.
    let (_dir, mut conn) = test_db();
    registered(&mut conn);
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/roster.xls")).expect("the xls fixture");
    let p = plan(&conn, &bytes);
    assert_eq!(p.header_row, 4);
    check_plan(&p);
}

#[test]
fn an_exported_register_reads_back_as_the_same_people() {
    let (_dir, mut conn) = test_db();
    registered(&mut conn);
    add_person(&mut conn, &PersonInput { id_card: id("19410305", "001"), phones: vec!["13812345678".into()], address: "东风村3号".into(), ..PersonInput::member("李明") }).unwrap();
    for full_numbers in [true, false] {
        let req = huzhu::exports::ExportRequest {
            list: huzhu::exports::ListExport::Members { filter: PersonFilter::default() },
            format: huzhu::sheets::SheetFormat::Xlsx,
            full_numbers,
        };
        let file = huzhu::exports::export(&conn, &req, &huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn), today()).unwrap();
        let p = plan(&conn, &file.bytes);
        let actions: Vec<_> = p.rows.iter().map(|r| (r.name.as_str(), r.action)).collect();
        assert!(
            actions.iter().all(|(_, a)| *a == RosterAction::Same),
            "our own export (full numbers: {full_numbers}) matches every person it lists: {:#?}",
            p.rows
        );
        assert_eq!(actions.len(), 3);
    }
}

fn cell_strategy() -> impl Strategy<Value = C> {
    prop_oneof![
        "[0-9０-９xX .年月日/\\-]{0,20}".prop_map(|s| S(s)),
        "\\PC{0,12}".prop_map(|s| S(s)),
        any::<f64>().prop_map(N),
        (0u32..80000).prop_map(|n| N(n as f64)),
        (1u16..9999, 1u8..13, 1u8..29).prop_map(|(y, m, d)| D(y, m, d)),
        Just(E),
        Just(T("已故2023.5")),
        Just(T("合计")),
    ]
}

fn one_row_xlsx(cells: &[C]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (i, h) in HEADINGS.iter().enumerate() {
        sheet.write(0, i as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, cell) in cells.iter().enumerate() {
        let col = c as u16;
        match cell {
            S(s) => drop(sheet.write(1, col, s.as_str()).unwrap()),
            T(s) => drop(sheet.write(1, col, *s).unwrap()),
            N(f) if f.is_finite() => drop(sheet.write(1, col, *f).unwrap()),
            D(y, m, d) => {
                if let Ok(dt) = ExcelDateTime::from_ymd(*y, *m, *d) {
                    sheet.write_datetime_with_format(1, col, dt, &date).unwrap();
                }
            }
            _ => {}
        }
    }
    wb.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever a cell holds, reading and importing never panics; a row that is refused or
    /// skipped changes nothing; a row that is added adds exactly one person.
    #[test]
    fn fuzzed_cells_never_panic_and_a_refused_row_changes_nothing(cells in proptest::collection::vec(cell_strategy(), 10)) {
        let mut conn = memory_db();
        common::add_member(&mut conn, "张秀英");
        let bytes = one_row_xlsx(&cells);
        let p = roster::plan(&conn, &bytes, None, today());
        let Ok(p) = p else { return Ok(()) };
        let before = snapshot(&conn);
        let people = count(&conn, "person");
        let result = write(&mut conn, |tx| roster::import(tx, &actor(), &bytes, None, Some(&p.digest), today()));
        prop_assert!(result.is_ok(), "an import of a previewed file does not fail: {result:?} {p:?}");
        match p.rows.first().map(|r| r.action) {
            None | Some(RosterAction::Error | RosterAction::Skip | RosterAction::Same) => {
                prop_assert_eq!(snapshot(&conn), before, "a refused row changes nothing: {:?}", p.rows);
            }
            Some(RosterAction::Add) => prop_assert_eq!(count(&conn, "person"), people + 1),
            Some(RosterAction::Update) => prop_assert_eq!(count(&conn, "person"), people),
        }
    }
}

#[test]
fn a_person_matched_by_name_alone_is_not_guessed() {
    let (_dir, mut conn) = test_db();
    common::add_member(&mut conn, "陈阿婆");
    let csv = "姓名,性别\n陈阿婆,女\n".as_bytes();
    let p = plan(&conn, csv);
    assert_eq!(p.rows[0].action, RosterAction::Update, "a name-only row matches the one name-only person (and gives the gender): no one is added twice");
    add_person(&mut conn, &PersonInput { birth_date: "1940-01-01".into(), ..PersonInput::member("林水") }).unwrap();
    let p = plan(&conn, "姓名,性别\n林水,男\n".as_bytes());
    assert_eq!((p.rows[0].action, p.rows[0].messages[0].id), (RosterAction::Error, "roster-name-only-exists"), "a name alone cannot tell two people apart");
}
