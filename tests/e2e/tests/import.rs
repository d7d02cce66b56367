//! The committee's roster through the window: a file named by its path, the preview with each
//! row's action, confirming, and the people in the register; then the register exported.

use huzhu_e2e::*;

const ROSTER: &str = "东风村老年人花名册,,,,\n序号,姓名,性别,身份证号码,备注\n1,张秀英,女,11010519491231002x,\n2,李  明,男,,五保户\n3,王五,男,1.10105E+17,\n,合计,,,\n";

#[tokio::test(flavor = "multi_thread")]
async fn import_a_roster_preview_confirm_and_see_the_people() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let file = dir.path().join("花名册.csv");
    std::fs::write(&file, ROSTER).unwrap();
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    type_into(&c, "association-name", "东风村老年协会").await;
    click(&c, "setup-start").await;
    click(&c, "nav-members").await;
    click(&c, "roster-import-open").await;
    type_into(&c, "roster-path", file.to_str().unwrap()).await;
    click(&c, "roster-preview").await;

    let counts = text_when(&c, "roster-counts", "新增").await;
    assert!(counts.contains("新增 2 人") && counts.contains("有错 1 行"), "the preview counts each action: {counts}");
    let rows = c.find_all(id("roster-row")).await.unwrap();
    let mut actions = Vec::new();
    for r in &rows {
        actions.push(r.attr("data-action").await.unwrap().unwrap_or_default());
    }
    assert_eq!(actions, ["add", "add", "error", "skip"], "one line per row with its action");
    let table = wait_for(&c, "roster-table").await.text().await.unwrap();
    assert!(table.contains("文本"), "the refused row says how to fix the sheet: {table}");
    shot(&c, "roster-preview").await;
    assert_eq!(people_in(&db), 0, "a preview writes nothing");

    click(&c, "roster-confirm").await;
    let done = text_when(&c, "roster-imported", "2").await;
    assert!(done.contains("新增 2 人"), "{done}");
    assert_eq!(people_in(&db), 2, "the two good rows are in the register");

    shot(&c, "roster-imported").await;
    click(&c, "roster-see-people").await;
    let rows = list_rows(&c, 2).await;
    assert!(rows.iter().any(|r| r.contains("张秀英")) && rows.iter().any(|r| r.contains("李明")), "the imported people are listed: {rows:?}");

    // The register exports as it is listed.
    click(&c, "members-export-xlsx").await;
    let path = wait_for(&c, "members-export-file-path").await.text().await.unwrap();
    assert!(path.ends_with(".xlsx"), "the export was written: {path}");
    assert!(std::path::Path::new(&path).exists(), "{path}");
    shot(&c, "members-exported").await;

    c.close().await.unwrap();
}

/// The same screens in English with large text (for looking at them: HUZHU_E2E_SHOTS), and the
/// English preview's words.
#[tokio::test(flavor = "multi_thread")]
async fn the_import_screen_in_english_with_large_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let file = dir.path().join("roster.csv");
    std::fs::write(&file, ROSTER).unwrap();
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;

    type_into(&c, "association-name", "Dongfeng Elders").await;
    click(&c, "setup-start").await;
    click(&c, "nav-settings").await;
    click(&c, "settings-size-large").await;
    wait_for(&c, "settings-saved").await;
    click(&c, "nav-members").await;
    click(&c, "roster-import-open").await;
    shot(&c, "roster-empty-en-large").await;
    type_into(&c, "roster-path", file.to_str().unwrap()).await;
    click(&c, "roster-preview").await;
    let counts = text_when(&c, "roster-counts", "Add").await;
    assert!(counts.contains("Add 2") && counts.contains("errors 1"), "the English preview counts each action: {counts}");
    shot(&c, "roster-preview-en-large").await;
    click(&c, "roster-confirm").await;
    let done = text_when(&c, "roster-imported", "2 added").await;
    assert!(done.contains("2 added"), "{done}");
    click(&c, "roster-see-people").await;
    list_rows(&c, 2).await;
    shot(&c, "members-en-large").await;
    c.close().await.unwrap();
}
