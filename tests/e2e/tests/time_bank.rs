//! The time bank through the window: deposits, transfers, and exchange between associations.

use std::path::Path;
use std::time::Duration;

use huzhu_e2e::*;

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
        click(&c, "nav-time-bank").await;
        let fp = wait_for(&c, "tb-fingerprint").await.text().await.unwrap();
        c.close().await.unwrap();
        fp
    };
    assert_eq!(fingerprint.split_whitespace().count(), 8, "the fingerprint is shown as eight groups: {fingerprint}");

    // The issuing association: deposit 2.5 hours for 蔡春生 (no. 3) and export them to it.
    let path = {
        let _driver = start_driver(&from_db, "zh-CN");
        let c = connect().await;
        click(&c, "setup-demo").await;
        click(&c, "nav-time-bank").await;
        type_into(&c, "tb-pick-search", "caichunsheng").await;
        wait_for(&c, "tb-pick-results").await;
        c.find(Locator::Css("[data-testid=\"tb-pick-result\"][data-member-no=\"3\"]")).await.unwrap().click().await.unwrap();
        type_into(&c, "tb-hours", "2.5").await;
        click(&c, "tb-submit").await;
        assert!(text_when(&c, "tb-balance", "2.5").await.contains("2.5"));
        click(&c, "tb-export").await;
        type_into(&c, "tb-export-reason", &fingerprint.to_lowercase().replace(' ', "")).await;
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
