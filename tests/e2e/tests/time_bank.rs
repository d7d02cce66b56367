//! The time bank through the window: deposits, transfers, and exchange between associations.

use std::path::Path;
use std::time::Duration;

use huzhu_e2e::*;

/// On the time bank page of the sample village: opens 蔡春生's account (no. 3).
async fn open_account_of_cai(c: &Client) {
    click(c, "nav-time-bank").await;
    type_into(c, "tb-pick-search", "caichunsheng").await;
    wait_for(c, "tb-pick-results").await;
    c.find(Locator::Css("[data-testid=\"tb-pick-result\"][data-member-no=\"3\"]")).await.unwrap().click().await.unwrap();
}

/// Deposits `hours` into the open account and waits for the balance to show them.
async fn deposit(c: &Client, hours: &str) {
    type_into(c, "tb-hours", hours).await;
    click(c, "tb-submit").await;
    assert!(text_when(c, "tb-balance", hours).await.contains(hours), "the deposit shows in the balance");
}

#[tokio::test(flavor = "multi_thread")]
async fn time_bank_deposit_and_transfer_move_hours_with_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-time-bank").await;
    wait_for(&c, "tb-fingerprint").await;
    type_into(&c, "tb-pick-search", "caichunsheng").await;
    wait_for(&c, "tb-pick-results").await;
    c.find(Locator::Css("[data-testid=\"tb-pick-result\"][data-member-no=\"3\"]")).await.unwrap().click().await.unwrap();
    wait_for(&c, "tb-entries-none").await;

    // Not a multiple of half an hour: refused beside the field.
    type_into(&c, "tb-hours", "0.3").await;
    click(&c, "tb-submit").await;
    let err = wait_for(&c, "tb-error-hours").await.text().await.unwrap();
    assert!(err.contains("半小时"), "the message names the half-hour step: {err}");

    type_into(&c, "tb-hours", "2.5").await;
    click(&c, "tb-submit").await;
    assert!(text_when(&c, "tb-balance", "2.5").await.contains("2.5"), "the deposit shows in the balance");

    click(&c, "tb-action-transfer").await;
    type_into(&c, "tb-hours", "1").await;
    type_into(&c, "tb-other-search", "chen").await;
    let to: i64 = wait_for(&c, "tb-other-result").await.attr("data-member-no").await.unwrap().unwrap().parse().unwrap();
    click(&c, "tb-other-result").await;
    type_into(&c, "tb-reason", "给父亲用").await;
    click(&c, "tb-submit").await;
    let done = wait_for(&c, "tb-done").await.text().await.unwrap();
    let to_name: String = rusqlite::Connection::open(&db).unwrap().query_row("SELECT name FROM person WHERE member_no = ?1", [to], |r| r.get(0)).unwrap();
    assert_eq!(done, format!("已转给 {to_name} 1 小时。"), "the transfer is confirmed with whom and how much");
    assert!(text_when(&c, "tb-balance", "1.5").await.contains("1.5"), "the transfer leaves 1.5 hours");
    let moved: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT e.half_hours FROM time_entry e JOIN time_account a ON a.id = e.account_id JOIN person p ON p.id = a.person_id
             WHERE e.kind = 'transfer_in' AND p.member_no = ?1",
            [to],
            |r| r.get(0),
        )
        .expect("the other person received a transfer");
    assert_eq!(moved, 2, "one hour (two half-hours) arrived in the account of the person picked");
    shot(&c, "timebank-account").await;
    c.close().await.unwrap();
}

/// 通存通兑 through the window, between two associations (two databases, two keys): the
/// receiving association reads out its key fingerprint, the issuing one exports a member's
/// hours addressed to it, the receiver imports the file after accepting the issuer's key, and
/// the same file is refused the second time.
#[tokio::test(flavor = "multi_thread")]
async fn time_bank_export_from_one_association_and_import_into_another() {
    let dir = tempfile::tempdir().unwrap();
    let from_db = dir.path().join("dongfeng.sqlite3");
    let to_db = dir.path().join("xishan.sqlite3");

    // The receiving association: a new database with a key of its own, whose fingerprint its
    // secretary reads out over the phone.
    let fingerprint = {
        let _driver = start_driver(&to_db, "zh-CN");
        let c = connect().await;
        type_into(&c, "association-name", "西山村老年协会").await;
        click(&c, "setup-start").await;
        // 设置 shows it, with a sentence saying what it is for…
        click(&c, "nav-settings").await;
        let fp = wait_for(&c, "settings-fingerprint").await.text().await.unwrap();
        let panel = wait_for(&c, "settings-key").await.text().await.unwrap();
        assert!(panel.contains("读给对方"), "the settings page says to read it out: {panel}");
        scroll_to(&c, "settings-key").await;
        shot(&c, "settings-fingerprint").await;
        // …and so does the time bank page: the same key.
        click(&c, "nav-time-bank").await;
        let on_bank = wait_for(&c, "tb-fingerprint").await.text().await.unwrap();
        assert_eq!(on_bank.trim(), fp.trim(), "the time bank page shows the same fingerprint");
        c.close().await.unwrap();
        fp
    };
    assert_eq!(fingerprint.split_whitespace().count(), 8, "the fingerprint is shown as eight groups: {fingerprint}");

    // The issuing association: deposit 2.5 hours for 蔡春生 (no. 3) and export them to it.
    let path = {
        let _driver = start_driver(&from_db, "zh-CN");
        let c = connect().await;
        click(&c, "setup-demo").await;
        open_account_of_cai(&c).await;
        deposit(&c, "2.5").await;
        click(&c, "tb-export").await;
        // The fingerprint has a field of its own, with a hint saying where the receiver reads it.
        let form = wait_for(&c, "tb-export-box").await.text().await.unwrap();
        assert!(form.contains("接收协会的密钥指纹") && form.contains("设置"), "the field is labelled and says where to read it: {form}");
        shot(&c, "timebank-export-form").await;

        // A fingerprint one digit short is refused beside the field, and nothing is written.
        let exchange_out = || -> i64 {
            rusqlite::Connection::open(&from_db).unwrap().query_row("SELECT count(*) FROM time_entry WHERE kind = 'exchange_out'", [], |r| r.get(0)).unwrap()
        };
        let short = &fingerprint[..fingerprint.len() - 1];
        type_into(&c, "tb-export-to", short).await;
        click(&c, "tb-export-confirm").await;
        let err = wait_for(&c, "error-to").await.text().await.unwrap();
        assert!(err.contains("不是密钥指纹") && err.contains(short), "a bad fingerprint gets the core's message, naming what was typed: {err}");
        wait_for(&c, "tb-export-form-error").await;
        shot(&c, "timebank-export-bad-fingerprint").await;
        assert_eq!(exchange_out(), 0, "a refused export records nothing");
        assert!(c.find(id("tb-exported")).await.is_err(), "and reports no file");
        assert!(text_when(&c, "tb-balance", "2.5").await.contains("2.5"), "the hours stay here");

        // Spaces optional, any case: the fingerprint run together in lower case is taken.
        type_into(&c, "tb-export-to", &fingerprint.to_lowercase().replace(' ', "")).await;
        click(&c, "tb-export-confirm").await;
        let path = wait_for(&c, "tb-exported-path").await.text().await.unwrap();
        assert!(text_when(&c, "tb-balance", "0").await.contains('0'), "export transfers the hours out");
        shot(&c, "timebank-exported").await;
        c.close().await.unwrap();
        path
    };
    assert!(Path::new(path.trim()).exists(), "the exchange file is where the screen says: {path}");

    // The receiving association imports it.
    let _driver = start_driver(&to_db, "zh-CN");
    let c = connect().await;
    click(&c, "nav-time-bank").await;
    type_into(&c, "tb-import-path", path.trim()).await;
    click(&c, "tb-import-check").await;
    let issuer = wait_for(&c, "tb-import-issuer").await.text().await.unwrap();
    assert!(issuer.contains("东风村老年协会"), "the issuer is shown: {issuer}");
    assert!(!wait_for(&c, "tb-import-fingerprint").await.text().await.unwrap().trim().is_empty(), "and its fingerprint");
    wait_for(&c, "tb-import-key-unknown").await;
    click(&c, "tb-import-accept").await;
    click(&c, "tb-import-do").await;
    wait_for(&c, "tb-imported").await;
    shot(&c, "timebank-imported").await;
    let conn = rusqlite::Connection::open(&to_db).unwrap();
    let person: i64 = conn.query_row("SELECT count(*) FROM person WHERE name = '蔡春生'", [], |r| r.get(0)).unwrap();
    assert_eq!(person, 1, "the person is registered in the receiving association");

    // The same file again is refused and credits nothing more.
    let entries = |conn: &rusqlite::Connection| -> i64 { conn.query_row("SELECT count(*) FROM time_entry", [], |r| r.get(0)).unwrap() };
    let before = entries(&conn);
    type_into(&c, "tb-import-path", path.trim()).await;
    click(&c, "tb-import-check").await;
    let refused = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("[data-testid=\"tb-import-already\"], [data-testid=\"tb-import-error\"]"))
        .await
        .expect("a second import of the same file is refused");
    assert!(!refused.text().await.unwrap().trim().is_empty(), "with a reason in words");
    assert_eq!(entries(&conn), before, "nothing is credited twice");
    c.close().await.unwrap();
}

/// The export form and the settings page's fingerprint in English at the largest text size:
/// labelled, with the hint, and a bad fingerprint refused beside the field in English.
#[tokio::test(flavor = "multi_thread")]
async fn the_fingerprint_screens_speak_english_at_the_largest_text_size() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;
    sample_village_at_largest_text(&c).await;
    let fp = wait_for(&c, "settings-fingerprint").await.text().await.unwrap();
    assert_eq!(fp.split_whitespace().count(), 8, "eight groups of four, as `huzhu assoc key` prints it: {fp}");
    let panel = wait_for(&c, "settings-key").await.text().await.unwrap();
    assert!(panel.contains("read this fingerprint out"), "the settings page says what it is for: {panel}");
    scroll_to(&c, "settings-key").await;
    shot(&c, "settings-fingerprint-en-large").await;

    open_account_of_cai(&c).await;
    deposit(&c, "2").await;
    click(&c, "tb-export").await;
    let form = wait_for(&c, "tb-export-box").await.text().await.unwrap();
    assert!(form.contains("Key fingerprint of the receiving association") && form.contains("Settings page"), "{form}");
    scroll_to(&c, "tb-export-box").await;
    shot(&c, "timebank-export-form-en-large").await;
    // Our own fingerprint is refused: the file must be addressed to the receiver.
    type_into(&c, "tb-export-to", &fp).await;
    click(&c, "tb-export-confirm").await;
    let err = wait_for(&c, "error-to").await.text().await.unwrap();
    assert!(err.contains("own fingerprint"), "the association's own fingerprint is refused beside the field: {err}");
    scroll_to(&c, "tb-export-box").await;
    shot(&c, "timebank-export-own-fingerprint-en-large").await;
    let out: i64 = rusqlite::Connection::open(&db).unwrap().query_row("SELECT count(*) FROM time_entry WHERE kind = 'exchange_out'", [], |r| r.get(0)).unwrap();
    assert_eq!(out, 0, "a refused export records nothing");
    c.close().await.unwrap();
}
