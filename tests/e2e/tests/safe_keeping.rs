//! Safe keeping through the window (issue 9): a backup made from 设置 / 备份与恢复, then restored
//! from the list with its preview shown and confirmed — the person added after the backup is
//! gone, and the screens show the restored register.
//!
//! The USB backup and "restore from a file" open the system's dialogs, which WebDriver cannot
//! drive; what they do after the dialog is the core's `backup::to_folder` and
//! `backup::restore::preview`/`apply`, tested in tests/backup.rs and tests/restore.rs.

use huzhu_e2e::*;

async fn add_person(c: &Client, name: &str, birth: &str) {
    click(c, "nav-members").await;
    click(c, "add-member").await;
    type_into(c, "member-name", name).await;
    type_into(c, "member-birth-date", birth).await;
    click(c, "member-save").await;
    wait_for(c, "person-birth-date").await;
}

fn backups_in(db: &std::path::Path) -> Vec<String> {
    let dir = db.parent().unwrap().join("backups");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.retain(|n| n.starts_with("huzhu-") && n.ends_with(".sqlite3"));
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_made_in_settings_is_restored_after_its_preview_is_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver_no_file(&db, "zh-CN");
    let c = connect().await;

    // No data file: the first-start screen asks, and nothing is made until it is answered.
    wait_for(&c, "first-start").await;
    shot(&c, "first-start").await;
    assert!(!db.exists(), "the app makes no data file without asking");
    start_new_register(&c, "东风村老年协会").await;
    add_person(&c, "张秀英", "1949-12-31").await;
    assert_eq!(people_in(&db), 1);

    // The first screen says when the last backup was made and warns: no USB copy yet.
    click(&c, "nav-members").await;
    let warning = wait_for(&c, "backup-line-warning").await.text().await.unwrap();
    assert!(warning.contains("U盘"), "a register never copied to a USB stick is warned about: {warning}");
    shot(&c, "backup-line").await;

    // 立即备份 on the settings page.
    click(&c, "nav-settings").await;
    let before = backups_in(&db).len();
    click(&c, "backup-now").await;
    let path = wait_for(&c, "backup-done-path").await.text().await.unwrap();
    assert!(path.contains("backups"), "the copy is written to the data folder's backups/: {path}");
    assert_eq!(backups_in(&db).len(), before + 1, "one more file in backups/");
    shot(&c, "backup-done").await;

    // A change after the backup…
    add_person(&c, "李四", "1950-01-01").await;
    assert_eq!(people_in(&db), 2);

    // …is undone by restoring the backup: its preview is shown first, and nothing changes
    // until it is confirmed.
    click(&c, "nav-settings").await;
    let row = wait_for(&c, "backup-row").await;
    // Newest first: the copy made by hand above.
    row.find(id("backup-restore")).await.unwrap().click().await.unwrap();
    let people = wait_for(&c, "restore-preview-people").await.text().await.unwrap();
    assert_eq!(people.trim(), "1", "the preview shows the people in the backup, not the register now");
    let assoc = wait_for(&c, "restore-preview-association").await.text().await.unwrap();
    assert_eq!(assoc, "东风村老年协会");
    shot(&c, "restore-preview").await;
    assert_eq!(people_in(&db), 2, "a preview changes nothing");

    click(&c, "restore-confirm").await;
    let notice = wait_for(&c, "app-notice").await.text().await.unwrap();
    assert!(notice.contains("已经恢复"), "the app says the restore was made: {notice}");
    assert_eq!(people_in(&db), 1, "the person added after the backup is gone");
    // The app starts again on the month at a glance; the register is one click away.
    click(&c, "nav-members").await;
    let rows = list_rows(&c, 1).await;
    assert_eq!(rows.len(), 1, "the register on screen is the restored one: {rows:?}");
    assert!(rows[0].contains("张秀英"), "{rows:?}");
    assert!(
        backups_in(&db).iter().any(|n| n.contains("before-restore")),
        "the data as it was before the restore is kept in backups/: {:?}",
        backups_in(&db)
    );

    // The app goes on writing into the restored file.
    add_person(&c, "王五", "1951-02-03").await;
    assert_eq!(people_in(&db), 2);

    c.close().await.unwrap();
}

/// The same screens in English at the largest text size, for looking at (HUZHU_E2E_SHOTS).
#[tokio::test(flavor = "multi_thread")]
async fn the_backup_screens_speak_english_at_the_largest_text_size() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;

    type_into(&c, "association-name", "Dongfeng Village Elder Association").await;
    click(&c, "setup-start").await;
    click(&c, "nav-settings").await;
    click(&c, "settings-size-extra_large").await;
    wait_for(&c, "settings-saved").await;
    add_person(&c, "Zhang Xiuying", "1949-12-31").await;

    click(&c, "nav-members").await;
    let line = wait_for(&c, "backup-line").await.text().await.unwrap();
    assert!(line.contains("Last backup"), "the backup line speaks English: {line}");
    shot(&c, "backup-line-en-large").await;

    click(&c, "nav-settings").await;
    click(&c, "backup-now").await;
    wait_for(&c, "backup-done").await;
    let row = wait_for(&c, "backup-row").await;
    row.find(id("backup-restore")).await.unwrap().click().await.unwrap();
    let people = wait_for(&c, "restore-preview-people").await.text().await.unwrap();
    assert_eq!(people.trim(), "1");
    let explain = wait_for(&c, "restore-box").await.text().await.unwrap();
    assert!(explain.contains("kept as a backup first"), "the preview says the data now is kept: {explain}");
    shot(&c, "restore-preview-en-large").await;
    click(&c, "restore-cancel").await;
    assert_eq!(people_in(&db), 1, "a cancelled restore changes nothing");

    c.close().await.unwrap();
}

/// A register set up in the window (the sample village, so there is something to lose), copied
/// with 立即备份, the app closed, then damaged outside Huzhu the way someone with the sqlite3
/// tool would before editing a posted entry: the cash book's no-update trigger dropped.
/// `extra_large` saves the largest text size first (a damaged file cannot save settings).
async fn damaged_register(db: &std::path::Path, lang: &str, extra_large: bool) -> i64 {
    {
        let _driver = start_driver(db, lang);
        let c = connect().await;
        click(&c, "setup-demo").await;
        wait_for(&c, "nav-members").await;
        click(&c, "nav-settings").await;
        if extra_large {
            click(&c, "settings-size-extra_large").await;
            wait_for(&c, "settings-saved").await;
        }
        click(&c, "backup-now").await;
        wait_for(&c, "backup-done-path").await;
        c.close().await.unwrap();
    }
    assert!(!backups_in(db).is_empty(), "a good backup to offer");
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("DROP TRIGGER cash_entry_no_update").unwrap();
    drop(conn);
    people_in(db)
}

fn trigger_present(db: &std::path::Path, name: &str) -> bool {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| r.get::<_, i64>(0))
        .unwrap()
        == 1
}

/// A dropped trigger is found at start: the app opens on the damaged-database screen, names the
/// trigger, offers the newest good backup with its preview, and refuses every write, also when
/// the secretary chooses to look at the records.
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_register_opens_read_only_naming_the_problem_and_offering_the_newest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let people = damaged_register(&db, "zh-CN", false).await;
    assert!(people > 0);

    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;
    wait_for(&c, "damaged").await;
    let lines = wait_for(&c, "damaged-lines").await.text().await.unwrap();
    assert!(
        lines.contains("触发器 cash_entry_no_update 缺失"),
        "the screen names the dropped trigger in the reader's language: {lines}"
    );
    let newest = wait_for(&c, "damaged-newest").await.text().await.unwrap();
    assert!(newest.contains(&format!("{people} 人")), "the newest good backup is offered with what it holds: {newest}");
    shot(&c, "damaged").await;

    // Its preview, before anything changes.
    click(&c, "damaged-restore-newest").await;
    let shown = wait_for(&c, "restore-preview-people").await.text().await.unwrap();
    assert_eq!(shown.trim(), people.to_string(), "the preview shows the backup's people");
    shot(&c, "damaged-restore-preview").await;
    click(&c, "restore-cancel").await;
    assert!(!trigger_present(&db, "cash_entry_no_update"), "a preview changes nothing");

    // Looking at the records works; saving does not.
    click(&c, "damaged-look").await;
    click(&c, "nav-members").await;
    assert!(count_when_shown(&c, "member-row").await > 0, "the records can be read");
    click(&c, "add-member").await;
    type_into(&c, "member-name", "王新来").await;
    type_into(&c, "member-birth-date", "1950-01-01").await;
    click(&c, "member-save").await;
    let refused = wait_for(&c, "member-form-error").await.text().await.unwrap();
    assert!(refused.contains("只能查看"), "a write is refused, saying the file is read only: {refused}");
    shot(&c, "damaged-write-refused").await;
    assert_eq!(people_in(&db), people, "nothing is written into a damaged file");
    // Every screen says so at the top, with the way back to restoring.
    let banner = wait_for(&c, "read-only").await.text().await.unwrap();
    assert!(banner.contains("只能查看"), "looking at a damaged file is marked on every screen: {banner}");
    click(&c, "read-only-back").await;
    wait_for(&c, "damaged-restore-newest").await;
    c.close().await.unwrap();
}

/// The same screen in English at the largest text size, then the newest backup restored from
/// it: the app is back on a sound register and writes again.
#[tokio::test(flavor = "multi_thread")]
async fn the_damaged_screen_speaks_english_and_restores_the_newest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let people = damaged_register(&db, "en-US", true).await;

    let _driver = start_driver(&db, "en-US");
    let c = connect().await;
    let lines = wait_for(&c, "damaged-lines").await.text().await.unwrap();
    assert!(lines.contains("trigger cash_entry_no_update is missing"), "the problem in English: {lines}");
    let newest = wait_for(&c, "damaged-newest").await.text().await.unwrap();
    assert!(newest.contains(&format!("{people} people")), "{newest}");
    shot(&c, "damaged-en-large").await;

    click(&c, "damaged-restore-newest").await;
    wait_for(&c, "restore-preview-people").await;
    shot(&c, "damaged-restore-preview-en-large").await;
    click(&c, "restore-confirm").await;
    wait_for(&c, "app-notice").await;
    assert!(trigger_present(&db, "cash_entry_no_update"), "the restored file has its trigger back");
    assert!(
        backups_in(&db).iter().any(|n| n.contains("before-restore") || n.contains("damaged")),
        "the damaged file is kept in backups/: {:?}",
        backups_in(&db)
    );
    add_person(&c, "Wang Xinlai", "1950-01-01").await;
    assert_eq!(people_in(&db), people + 1, "the restored register takes writes again");
    shot(&c, "damaged-restored-en-large").await;
    c.close().await.unwrap();
}
