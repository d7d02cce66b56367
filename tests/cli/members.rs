//! `huzhu member …`: the register from the command line.

use super::{huzhu, initialised, ok, refused, stdout};

#[test]
fn add_prints_the_number_and_show_gives_the_record_as_text_or_json() {
    let (_dir, db) = initialised();
    let out = ok(&db, &["member", "add", "--name", "张秀英", "--id-card", "11010519491231002X"]);
    assert_eq!(out, "1", "member add prints the new register number alone, for scripts");
    let p: serde_json::Value = serde_json::from_str(&ok(&db, &["member", "show", "1", "--json"])).expect("show --json prints JSON");
    assert_eq!((p["birth_date"].as_str(), p["gender"].as_str()), (Some("1949-12-31"), Some("female")), "the JSON record carries what the ID number gave");
    let text = ok(&db, &["member", "show", "1"]);
    assert!(text.contains("1949-12-31") && text.contains("女"), "the text record shows the birth date and the gender in words: {text}");
    let text = ok(&db, &["--lang", "en-US", "member", "show", "1"]);
    assert!(text.contains("Gender: Female") && text.contains("Birth date (solar): 1949-12-31"), "and in English with --lang en-US: {text}");
    assert!(text.contains("110105********002X") && !text.contains("11010519491231002X"), "the ID number is shown masked: {text}");
}

#[test]
fn a_bad_id_number_fails_clearly_in_either_language_and_saves_nothing() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "王五"]);
    let msg = refused(&db, &["member", "add", "--name", "张秀英", "--id-card", "110105194912310021"]);
    assert!(msg.contains("校验位"), "a wrong check digit is refused, in Chinese by default: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "member", "add", "--name", "张秀英", "--id-card", "110105194912310021"]);
    assert!(msg.contains("check digit"), "and in English with --lang en-US: {msg}");
}

#[test]
fn a_name_with_a_tab_or_a_hidden_mark_or_a_huge_address_is_refused_and_saves_nothing() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "王五"]);
    // A tab in a name would split the list's tab-separated line into wrong columns.
    let msg = refused(&db, &["member", "add", "--name", "张\t秀英"]);
    assert!(msg.contains("制表符") && msg.contains("第 2 个字"), "the message says what is wrong and where: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "member", "add", "--name", "\u{202E}英秀张"]);
    assert!(msg.contains("invisible") && msg.contains("character 1"), "a right-to-left override is refused, in English too: {msg}");
    let long = "东".repeat(40_000);
    let msg = refused(&db, &["member", "add", "--name", "李四", "--address", &long]);
    assert!(msg.contains("最多 100 个字"), "an address of 40,000 characters is refused naming the limit: {msg}");
    let list = ok(&db, &["member", "list"]);
    assert_eq!(list.lines().count(), 1, "nothing refused was saved: {list}");
}

#[test]
fn unknown_choices_dates_and_numbers_are_refused_naming_the_bad_value() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "王五"]);
    for (args, names) in [
        (vec!["member", "add", "--name", "甲", "--living", "月球"], "月球"),
        (vec!["member", "add", "--name", "甲", "--gender", "x"], "“x”"),
        (vec!["member", "add", "--name", "甲", "--birth", "1949-02-30"], "1949-02-30"),
        (vec!["member", "add", "--name", "甲", "--lunar", "13-40"], "农历生日"),
        (vec!["member", "set-status", "7", "deceased", "--date", "2026-01-01"], "编号为 7"),
        (vec!["member", "list", "--status", "asleep"], "asleep"),
    ] {
        let msg = refused(&db, &args);
        assert!(msg.contains(names), "{args:?} is refused with a message naming {names}: {msg}");
    }
    let msg = refused(&db, &["--lang", "en-US", "member", "add", "--name", "甲", "--living", "月球"]);
    assert!(msg.contains("not one of the choices"), "the choices are offered in English too: {msg}");
}

#[test]
fn list_searches_by_initials_and_set_status_moves_people_out_of_the_current_list() {
    let (_dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--id-card", "11010519491231002X"]);
    ok(&db, &["member", "add", "--name", "李明", "--group", "2组", "--living", "独居"]);
    let out = ok(&db, &["member", "list", "--search", "zxy"]);
    assert!(out.contains("张秀英") && !out.contains("李明"), "list --search finds by pinyin initials: {out}");
    assert!(!out.contains("11010519491231002X"), "the list never prints the whole ID number: {out}");
    let out = ok(&db, &["member", "set-status", "1", "deceased", "--date", "2026-11-01"]);
    assert!(out.contains('1'), "set-status confirms which number changed: {out}");
    assert!(!stdout(&huzhu(&db, &["member", "list"])).contains("张秀英"), "the deceased leave the current list");
    assert!(ok(&db, &["member", "list", "--status", "deceased"]).contains("张秀英"), "and are listed with --status deceased");
}
