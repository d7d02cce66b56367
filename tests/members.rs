//! The register through the core API, on a real database file.

mod common;

use common::{actor, add_person as add, count, day, db_path, test_db, today, ACTOR};
use huzhu::kernel::Gender;
use huzhu::members::{self, AgeBand, FamilyContact, Living, MemberNo, PersonFilter, PersonInput, Status, StatusFilter, StatusInput};
use huzhu::Error;

fn search(conn: &rusqlite::Connection, q: &str) -> Vec<String> {
    let f = PersonFilter { search: q.into(), ..Default::default() };
    members::list(conn, &f, today()).unwrap().rows.into_iter().map(|p| p.name).collect()
}

#[test]
fn the_id_number_gives_birth_date_and_gender_and_is_masked_in_lists() {
    let (_d, mut conn) = test_db();
    let p = add(&mut conn, &PersonInput { id_card: "11010519491231002X".into(), ..PersonInput::member("张秀英") }).unwrap();
    assert_eq!(p.birth_date.unwrap().to_string(), "1949-12-31", "the birth date comes from the ID number");
    assert_eq!(p.gender, Some(Gender::Female), "so does the gender (an even 17th digit is female)");
    assert_eq!(p.age, Some(76), "full years on 2026-11-29");
    assert_eq!(p.nominal_age, Some(78), "the nominal age (虚岁) counts one at birth and one each lunar new year");
    let row = &members::list(&conn, &PersonFilter::default(), today()).unwrap().rows[0];
    assert_eq!(row.id_card_masked.as_deref(), Some("110105********002X"), "lists show the masked number only");
}

#[test]
fn register_numbers_are_sequential() {
    let (_d, mut conn) = test_db();
    let nos: Vec<i64> = ["甲", "乙", "丙"].iter().map(|n| add(&mut conn, &PersonInput::member(n)).unwrap().member_no.0).collect();
    assert_eq!(nos, vec![1, 2, 3], "register numbers run 1, 2, 3 without gaps");
}

#[test]
fn bad_input_is_refused_with_the_field_named_and_nothing_is_saved() {
    let (_d, mut conn) = test_db();
    add(&mut conn, &PersonInput::member("已有")).unwrap();
    let people = count(&conn, "person");
    let audits = count(&conn, "audit_log");
    let cases: Vec<(PersonInput, &str, &str)> = vec![
        (PersonInput::member("  "), "name", "error-name-required"),
        (PersonInput { id_card: "110105194912310021".into(), ..PersonInput::member("李四") }, "id_card", "error-id-card-checksum"),
        (
            PersonInput { id_card: "11010519491231002X".into(), birth_date: "1950-01-01".into(), ..PersonInput::member("李四") },
            "birth_date",
            "error-birth-mismatch-id",
        ),
        (
            PersonInput { id_card: "11010519491231002X".into(), gender: Some(Gender::Male), ..PersonInput::member("李四") },
            "gender",
            "error-gender-mismatch-id",
        ),
        (PersonInput { birth_date: "1949-13-01".into(), ..PersonInput::member("李四") }, "birth_date", "error-date-invalid"),
        (PersonInput { birth_date: "2030-01-01".into(), ..PersonInput::member("李四") }, "birth_date", "error-date-future"),
        (PersonInput { phones: vec!["12ab".into()], ..PersonInput::member("李四") }, "phones", "error-phone-invalid"),
        (
            PersonInput { family: vec![FamilyContact { phone: "13800000000".into(), ..Default::default() }], ..PersonInput::member("李四") },
            "family",
            "error-family-name-required",
        ),
        (
            PersonInput {
                birth_date: "2023-06-01".into(),
                lunar_birthday: Some(huzhu::calendar::LunarDay { month: 5, day: 1, leap: true }),
                ..PersonInput::member("李四")
            },
            "lunar_birthday",
            "error-lunar-no-leap-month",
        ),
        // Text a reader cannot see, or more than a field holds (issue 12).
        (PersonInput::member("王\t五"), "name", "error-text-control"),
        (PersonInput::member("\u{202E}五王"), "name", "error-text-control"),
        (PersonInput::member("王\u{1b}[31m五"), "name", "error-text-control"),
        (PersonInput { address: "东".repeat(40_000), ..PersonInput::member("李四") }, "address", "error-text-too-long"),
        (PersonInput { address: "东村\n3号".into(), ..PersonInput::member("李四") }, "address", "error-text-control"),
        (PersonInput { village_group: "一组\u{200F}".into(), ..PersonInput::member("李四") }, "village_group", "error-text-control"),
        (PersonInput { health_notes: "药".repeat(501), ..PersonInput::member("李四") }, "health_notes", "error-text-too-long"),
        (PersonInput { health_notes: "高血压\t糖尿病".into(), ..PersonInput::member("李四") }, "health_notes", "error-note-control"),
        (PersonInput { hobbies: "下棋".repeat(51), ..PersonInput::member("李四") }, "hobbies", "error-text-too-long"),
        (PersonInput { skills: "木工\u{7}".into(), ..PersonInput::member("李四") }, "skills", "error-text-control"),
        (
            PersonInput { family: vec![FamilyContact { name: "儿子\u{2066}".into(), ..Default::default() }], ..PersonInput::member("李四") },
            "family",
            "error-text-control",
        ),
    ];
    for (input, field, id) in cases {
        match add(&mut conn, &input) {
            Err(e @ Error::Invalid { .. }) => {
                assert_eq!((e.field(), e.message_id()), (Some(field), id), "input {input:?}");
            }
            other => panic!("expected {id} for {input:?}, got {other:?}"),
        }
    }
    assert_eq!(count(&conn, "person"), people, "a refused input must save no person");
    assert_eq!(count(&conn, "audit_log"), audits, "a refused input must write no audit row");
}

#[test]
fn an_id_number_is_registered_only_once() {
    let (_d, mut conn) = test_db();
    add(&mut conn, &PersonInput { id_card: "11010519491231002X".into(), ..PersonInput::member("张秀英") }).unwrap();
    let e = add(&mut conn, &PersonInput { id_card: "11010519491231002x".into(), ..PersonInput::member("张秀英") }).unwrap_err();
    assert_eq!(e.message_id(), "error-id-card-duplicate", "an ID number is registered once, whatever the case of its X");
    assert_eq!(count(&conn, "person"), 1, "the refused duplicate is not saved");
}

#[test]
fn every_write_is_audited_with_before_and_after() {
    let (_d, mut conn) = test_db();
    let p = add(&mut conn, &PersonInput::member("王五")).unwrap();
    let tx = conn.transaction().unwrap();
    let mut input = p.to_input();
    input.village_group = "3组".into();
    members::update(&tx, &actor(), p.member_no, &input, today()).unwrap();
    tx.commit().unwrap();
    let rows = huzhu::audit::list_for(&conn, "person", "1").unwrap();
    assert_eq!(rows.iter().map(|r| r.action.as_str()).collect::<Vec<_>>(), vec!["add", "update"], "each write leaves one audit row, in order");
    let upd = &rows[1];
    assert_eq!(upd.actor, ACTOR, "the audit row names who made the change");
    assert!(upd.before.as_deref().unwrap().contains("\"village_group\":\"\""), "before holds the old record");
    assert!(upd.after.as_deref().unwrap().contains("\"village_group\":\"3组\""), "after holds the new record");
    let e = conn.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "the audit log refuses deletes: {e}");
}

#[test]
fn an_id_number_is_found_only_by_what_the_list_shows_of_it_or_whole() {
    let (_d, mut conn) = test_db();
    add(&mut conn, &PersonInput { id_card: "11010519491231002X".into(), ..PersonInput::member("张秀英") }).unwrap();
    add(&mut conn, &PersonInput::member("李明")).unwrap();
    let shown = members::list(&conn, &PersonFilter::default(), today()).unwrap().rows[1].id_card_masked.clone();
    assert_eq!(shown.as_deref(), Some("110105********002X"), "the list shows the first six and last four");
    for hidden in ["19491231", "1101051949", "49123", "1231002"] {
        assert!(search(&conn, hidden).is_empty(), "{hidden}: the masked digits must not be searchable, or typing digit by digit recovers them");
    }
    for visible in ["110105", "002x", "002X", "11010519491231002x"] {
        assert_eq!(search(&conn, visible), vec!["张秀英"], "{visible}: what the list shows, or the whole number, finds the person");
    }
}

#[test]
fn search_by_name_pinyin_initials_number_and_phone() {
    let (_d, mut conn) = test_db();
    add(&mut conn, &PersonInput { phones: vec!["138 0013 8000".into()], ..PersonInput::member("张秀英") }).unwrap();
    add(&mut conn, &PersonInput::member("李明")).unwrap();
    add(&mut conn, &PersonInput::member("张建国")).unwrap();
    assert_eq!(search(&conn, "zxy"), vec!["张秀英"], "pinyin initials find a name");
    assert_eq!(search(&conn, "zhangxiuying"), vec!["张秀英"], "the full pinyin finds a name");
    assert_eq!(search(&conn, "Zhang Xiu"), vec!["张秀英"], "spaces and capitals are ignored");
    assert_eq!(search(&conn, "秀英"), vec!["张秀英"], "part of the name in characters finds it");
    assert_eq!(search(&conn, "2"), vec!["李明"], "a number finds that register number");
    assert_eq!(search(&conn, "8000"), vec!["张秀英"], "the last four digits find a phone");
    assert_eq!(search(&conn, "13800138000"), vec!["张秀英"], "the whole number finds it, spaces ignored");
    assert!(search(&conn, "00138").is_empty(), "digits the mask hides (138****8000) find nothing (issue 12)");
    assert_eq!(search(&conn, "zh"), vec!["张建国", "张秀英"], "sorted by pinyin");
    assert!(search(&conn, "%").is_empty(), "LIKE wildcards are taken literally");
}

#[test]
fn the_list_is_sorted_by_pinyin_not_code_point() {
    let (_d, mut conn) = test_db();
    for n in ["张三", "阿毛", "李四", "王五", "白玉"] {
        add(&mut conn, &PersonInput::member(n)).unwrap();
    }
    assert_eq!(search(&conn, ""), vec!["阿毛", "白玉", "李四", "王五", "张三"], "names sort by pinyin (a, bai, li, wang, zhang)");
}

#[test]
fn filters_for_group_living_age_band_and_volunteers() {
    let (_d, mut conn) = test_db();
    add(&mut conn, &PersonInput { birth_date: "1940-01-01".into(), living: Some(Living::Alone), village_group: "1组".into(), ..PersonInput::member("老一") }).unwrap();
    add(&mut conn, &PersonInput { birth_date: "1956-11-29".into(), volunteer: true, village_group: "2组".into(), ..PersonInput::member("老二") }).unwrap();
    add(&mut conn, &PersonInput { birth_date: "1956-11-30".into(), ..PersonInput::member("老三") }).unwrap();
    add(&mut conn, &PersonInput { birth_date: "2008-05-01".into(), ..PersonInput { is_member: false, ..PersonInput::member("小李") } }).unwrap();
    let names = |f: PersonFilter| -> Vec<String> { members::list(&conn, &f, today()).unwrap().rows.into_iter().map(|p| p.name).collect() };
    assert_eq!(names(PersonFilter { age_band: Some(AgeBand::From80To89), ..Default::default() }), vec!["老一"], "born 1940: in the 80-89 band");
    assert_eq!(names(PersonFilter { age_band: Some(AgeBand::From70To79), ..Default::default() }), vec!["老二"], "70 on the birthday itself");
    assert_eq!(names(PersonFilter { age_band: Some(AgeBand::From60To69), ..Default::default() }), vec!["老三"], "69 the day before the 70th birthday");
    assert_eq!(names(PersonFilter { living: Some(Living::Alone), ..Default::default() }), vec!["老一"], "the living filter finds who lives alone");
    assert_eq!(names(PersonFilter { village_group: Some("2组".into()), ..Default::default() }), vec!["老二"], "the group filter finds the group");
    assert_eq!(names(PersonFilter { volunteers_only: true, ..Default::default() }), vec!["老二", "小李"], "non-members are volunteers");
    assert_eq!(names(PersonFilter { members_only: true, ..Default::default() }), vec!["老二", "老三", "老一"], "members only leaves out non-member volunteers");
    assert_eq!(members::groups(&conn).unwrap(), vec!["1组", "2组"], "the groups in use, each once, in order");
}

/// The dues picker offers members only: the filter is applied before the limit, so non-members
/// who sort first do not take the places of members further down.
#[test]
fn members_only_is_filtered_before_the_limit() {
    let (_d, mut conn) = test_db();
    for n in ["阿毛", "阿宝", "安安"] {
        add(&mut conn, &PersonInput { is_member: false, volunteer: true, ..PersonInput::member(n) }).unwrap();
    }
    add(&mut conn, &PersonInput::member("张华")).unwrap();
    let page = |members_only| members::list(&conn, &PersonFilter { members_only, limit: 2, ..Default::default() }, today()).unwrap();
    assert!(page(false).rows.iter().all(|p| !p.is_member), "without the filter the first two (by pinyin) are non-members");
    let only = page(true);
    assert_eq!(only.rows.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["张华"], "with it, the member further down is offered");
    assert_eq!(only.total, 1, "and counted");
}

#[test]
fn the_deceased_leave_current_lists_but_are_never_deleted() {
    let (_d, mut conn) = test_db();
    let p = add(&mut conn, &PersonInput { birth_date: "1930-01-01".into(), ..PersonInput::member("陈老") }).unwrap();
    let death = day("2026-10-01");
    let tx = conn.transaction().unwrap();
    members::set_status(&tx, &actor(), p.member_no, &StatusInput::new(Status::Deceased, &death.to_string(), "病故"), today()).unwrap();
    tx.commit().unwrap();
    assert!(search(&conn, "").is_empty(), "the deceased are not in the current list");
    let all = members::list(&conn, &PersonFilter { status: StatusFilter::Deceased, ..Default::default() }, today()).unwrap();
    assert_eq!(all.rows.len(), 1, "the deceased are listed under their status");
    let p = members::get_by_no(&conn, MemberNo(1), today()).unwrap();
    assert_eq!(p.death_date, Some(death), "the date of death is kept");
    assert_eq!(p.age, Some(96), "age is counted to the date of death");
    assert_eq!(p.status_history.iter().map(|s| s.status).collect::<Vec<_>>(), vec![Status::Active, Status::Deceased], "the status history keeps every status in order");
    assert!(conn.execute("DELETE FROM person WHERE id = ?1", [p.id.0]).is_err(), "the database refuses to delete a person");
    assert!(conn.execute("DELETE FROM person_status", []).is_err(), "status history is append-only");
}

#[test]
fn a_status_change_in_the_future_or_to_the_same_status_is_refused() {
    let (_d, mut conn) = test_db();
    let p = add(&mut conn, &PersonInput::member("陈老")).unwrap();
    let tx = conn.transaction().unwrap();
    let future = day("2027-01-01");
    assert_eq!(members::set_status(&tx, &actor(), p.member_no, &StatusInput::new(Status::Left, &future.to_string(), ""), today()).unwrap_err().message_id(), "error-date-future", "a status change cannot be dated after today");
    assert_eq!(members::set_status(&tx, &actor(), p.member_no, &StatusInput::new(Status::Active, "", ""), today()).unwrap_err().message_id(), "error-status-unchanged", "a status cannot be changed to itself");
    assert_eq!(members::set_status(&tx, &actor(), MemberNo(99), &StatusInput::new(Status::Left, "", ""), today()).unwrap_err().message_id(), "error-person-not-found", "only someone in the register can change status");
    let e = members::set_status(&tx, &actor(), p.member_no, &StatusInput::new(Status::Left, "2026-02-30", ""), today()).unwrap_err();
    assert_eq!((e.message_id(), e.field()), ("error-date-invalid", Some("effective")), "a date as typed that does not exist is refused beside its field");
    let left = members::set_status(&tx, &actor(), p.member_no, &StatusInput::new(Status::Left, " ", "搬走"), today()).unwrap();
    assert_eq!(left.status_history.last().map(|s| s.effective), Some(today()), "a blank date is today");
}

#[test]
fn editing_keeps_the_number_and_replaces_family_contacts() {
    let (_d, mut conn) = test_db();
    let fam = |n: &str| FamilyContact { name: n.into(), relation: "儿子".into(), phone: "13900000000".into(), lives_away: true };
    let p = add(&mut conn, &PersonInput { family: vec![fam("林一"), fam("林二")], ..PersonInput::member("林老") }).unwrap();
    assert_eq!(p.family.len(), 2, "family contacts are saved with the person");
    let mut input = p.to_input();
    input.family = vec![fam("林三")];
    input.name = "林老汉".into();
    let tx = conn.transaction().unwrap();
    let q = members::update(&tx, &actor(), p.member_no, &input, today()).unwrap();
    tx.commit().unwrap();
    assert_eq!(q.member_no, p.member_no, "editing keeps the register number");
    assert_eq!(q.family, vec![fam("林三")], "the edited family list replaces the old one");
    assert_eq!(search(&conn, "llh"), vec!["林老汉"], "search keys follow the new name");
}

#[test]
fn the_search_index_sees_every_write_on_this_or_another_connection() {
    let (dir, mut conn) = test_db();
    let mut index = members::RegisterIndex::new();
    let f = PersonFilter::default();
    assert_eq!(index.search(&conn, &f, today()).unwrap().total, 0, "an empty register finds no one");
    add(&mut conn, &PersonInput::member("张秀英")).unwrap();
    assert_eq!(index.search(&conn, &f, today()).unwrap().total, 1, "a write on the same connection is seen");
    let mut other = huzhu::db::open(&db_path(&dir)).unwrap().conn;
    add(&mut other, &PersonInput::member("李明")).unwrap();
    let names: Vec<String> = index.search(&conn, &f, today()).unwrap().rows.into_iter().map(|p| p.name).collect();
    assert_eq!(names, vec!["李明", "张秀英"], "a write by another connection is seen");
}

#[test]
fn the_limit_caps_rows_but_not_the_total() {
    let (_d, mut conn) = test_db();
    for n in ["甲一", "甲二", "甲三"] {
        add(&mut conn, &PersonInput::member(n)).unwrap();
    }
    let page = members::list(&conn, &PersonFilter { limit: 2, ..Default::default() }, today()).unwrap();
    assert_eq!((page.rows.len(), page.total), (2, 3), "the limit caps the rows but the total counts all matches");
}
