//! The register through the window: first start, adding a person, search by initials, a bad ID
//! number refused beside its field, and the English interface.


use huzhu_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn first_start_add_a_member_find_by_initials_and_refuse_a_bad_id_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    // First start asks for the association.
    type_into(&c, "association-name", "东风村老年协会").await;
    click(&c, "setup-start").await;

    // Register 张秀英 through the form.
    click(&c, "nav-members").await;
    click(&c, "add-member").await;
    type_into(&c, "member-name", "张秀英").await;
    type_into(&c, "member-id-card", "11010519491231002X").await;
    click(&c, "member-save").await;
    let birth = wait_for(&c, "person-birth-date").await.text().await.unwrap();
    assert!(birth.contains("1949-12-31"), "birth date taken from the ID number: {birth}");
    assert_eq!(people_in(&db), 1);

    // Find her by pinyin initials.
    click(&c, "nav-members").await;
    type_into(&c, "member-search", "zxy").await;
    let rows = list_rows(&c, 1).await;
    assert_eq!(rows.len(), 1, "zxy finds one person: {rows:?}");
    assert!(rows[0].contains("张秀英"), "{rows:?}");

    // A bad ID number shows the localised error beside the field and saves nothing.
    click(&c, "add-member").await;
    type_into(&c, "member-name", "李四").await;
    type_into(&c, "member-id-card", "110105194912310021").await;
    click(&c, "member-save").await;
    let err = wait_for(&c, "error-id_card").await.text().await.unwrap();
    assert!(err.contains("校验位"), "the Chinese message for a wrong check digit: {err}");
    assert_eq!(people_in(&db), 1, "a refused form saves nothing");

    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn english_is_selectable_and_errors_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-members").await;
    let count = wait_for(&c, "member-count").await.text().await.unwrap();
    assert!(count.contains("people"), "the register speaks English: {count}");
    let before = people_in(&db);
    assert!(before >= 60, "the sample village was loaded");

    click(&c, "add-member").await;
    type_into(&c, "member-name", "Test").await;
    type_into(&c, "member-birth-date", "1949-02-30").await;
    click(&c, "member-save").await;
    let err = wait_for(&c, "error-birth_date").await.text().await.unwrap();
    assert!(err.contains("not a date"), "the English message for a bad date: {err}");
    assert_eq!(people_in(&db), before, "a refused form saves nothing");

    c.close().await.unwrap();
}
