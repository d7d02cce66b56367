//! People and access through the window (issue 12): turn sign-in on by adding the chair, sign in
//! as a viewer (no money screens, masked ID numbers), the app locks after idle time and unlocks
//! with the PIN, and a large payment posts only with a second user's (the chair's) PIN.

use std::path::Path;
use std::time::Duration;

use huzhu_e2e::*;

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

async fn sign_in(c: &Client, name: &str, pin: &str) {
    click(c, &format!("sign-in-user-{name}")).await;
    type_into(c, "sign-in-pin-input", pin).await;
    click(c, "sign-in-pin-key-ok").await;
    wait_for(c, "signed-in-as").await;
}

async fn add_user(c: &Client, name: &str, role: &str, pin: &str) {
    type_into(c, "user-name", name).await;
    wait_for(c, "user-role").await.select_by_value(role).await.unwrap();
    type_into(c, "user-pin", pin).await;
    click(c, "user-add").await;
    wait_for(c, &format!("user-row-{name}")).await;
}

/// Waits for the lock screen to go (the screens stay underneath it while locked).
async fn unlocked(c: &Client) {
    let start = std::time::Instant::now();
    while c.find(id("lock-screen")).await.is_ok() {
        assert!(start.elapsed() < Duration::from_secs(10), "the PIN unlocks the app");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_viewer_lock_unlock_and_a_large_payment_approved_by_the_chair() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    // A short idle time, so the lock can be seen without waiting minutes.
    std::env::set_var("HUZHU_LOCK_SECONDS", "8");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-settings").await;
    wait_for(&c, "users-panel").await;
    shot(&c, "access-users-none").await;
    // The first user (the chair) turns sign-in on: the recovery sheet is made at once (its file
    // named on the screen), and the chair, who just chose the PIN, stays signed in.
    type_into(&c, "user-name", "陈会长").await;
    type_into(&c, "user-pin", "204817").await;
    click(&c, "user-add").await;
    let keep = wait_for(&c, "recovery-keep").await.text().await.unwrap();
    assert!(keep.contains("打印"), "the chair is told to print the sheet: {keep}");
    let file = wait_for(&c, "recovery-sheet-file").await.text().await.unwrap();
    assert!(file.contains(".pdf"), "the sheet's file is named: {file}");
    assert_eq!(count(&db, "SELECT count(*) FROM recovery_code WHERE used_at IS NULL"), 10, "ten codes are made with sign-in");
    let who = wait_for(&c, "signed-in-as").await.text().await.unwrap();
    assert!(who.contains("陈会长"), "the chair is signed in: {who}");
    shot(&c, "access-turned-on").await;
    add_user(&c, "孙查看", "viewer", "530961").await;
    add_user(&c, "李秘书", "secretary", "864209").await;
    shot(&c, "access-users").await;
    assert_eq!(count(&db, "SELECT count(*) FROM app_user"), 3);

    // The viewer: no money screen, masked ID numbers.
    click(&c, "sign-out").await;
    wait_for(&c, "sign-in").await;
    shot(&c, "access-sign-in").await;
    click(&c, "sign-in-user-孙查看").await;
    type_into(&c, "sign-in-pin-input", "111999").await;
    click(&c, "sign-in-pin-key-ok").await;
    let err = wait_for(&c, "sign-in-error").await.text().await.unwrap();
    assert!(err.contains("秒"), "a wrong PIN says how long to wait: {err}");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    type_into(&c, "sign-in-pin-input", "530961").await;
    click(&c, "sign-in-pin-key-ok").await;
    wait_for(&c, "signed-in-as").await;
    assert!(c.find(id("nav-money")).await.is_err(), "the viewer sees no money screen");
    assert!(c.find(id("nav-audit")).await.is_err(), "nor the audit trail");
    click(&c, "nav-members").await;
    assert!(count_when_shown(&c, "member-row").await > 0, "the register list shows");
    let mut rows = Vec::new();
    for r in c.find_all(id("member-row")).await.unwrap() {
        rows.push(r.text().await.unwrap_or_default());
    }
    assert!(rows.iter().any(|r| r.contains("********")), "ID numbers are masked: {rows:?}");
    let longest_run = |r: &str| r.split(|ch: char| !ch.is_ascii_digit()).map(str::len).max().unwrap_or(0);
    assert!(rows.iter().all(|r| longest_run(r) < 15), "no whole ID number on the viewer's list: {rows:?}");
    shot(&c, "access-viewer-members").await;
    click(&c, "nav-rota").await;
    wait_for(&c, "rota-print-roster").await;
    assert!(c.find(id("rota-full-phones")).await.is_err(), "the viewer is not offered whole phone numbers on the roster");

    // Idle: the app locks, naming who was signed in; the PIN unlocks it.
    let who = wait_for(&c, "lock-who").await.text().await.unwrap();
    assert!(who.contains("孙查看"), "the lock screen names who was signed in: {who}");
    shot(&c, "access-locked").await;
    type_into(&c, "sign-in-pin-input", "530961").await;
    click(&c, "sign-in-pin-key-ok").await;
    unlocked(&c).await;

    // The secretary posts a large expense: refused alone, posted with the chair's PIN.
    click(&c, "sign-out").await;
    sign_in(&c, "李秘书", "864209").await;
    click(&c, "nav-money").await;
    let before = count(&db, "SELECT count(*) FROM cash_entry");
    wait_for(&c, "cash-kind-expense").await.click().await.unwrap();
    type_into(&c, "cash-amount", "1500").await;
    click(&c, "cash-save").await;
    let err = wait_for(&c, "error-approver_pin").await.text().await.unwrap();
    assert!(err.contains("审批"), "one person alone cannot post 1500 yuan: {err}");
    assert_eq!(count(&db, "SELECT count(*) FROM cash_entry"), before);
    type_into(&c, "cash-approver", "陈会长").await;
    type_into(&c, "cash-approver-pin", "204817").await;
    shot(&c, "access-approval").await;
    click(&c, "cash-save").await;
    wait_for(&c, "cash-posted").await;
    assert_eq!(count(&db, "SELECT count(*) FROM cash_entry"), before + 1);
    assert_eq!(count(&db, "SELECT count(*) FROM audit_log WHERE action = 'approve' AND actor = '陈会长'"), 1, "the audit names the approver");

    // The audit trail (操作记录): the secretary may read it.
    click(&c, "nav-audit").await;
    let n = count_when_shown(&c, "audit-entry-1").await;
    let _ = n;
    wait_for(&c, "audit-screen").await;
    shot(&c, "access-audit").await;
}

/// The sign-in, users, my-PIN, lock and audit screens in English at the largest text size (for
/// looking at them: HUZHU_E2E_SHOTS), a PIN changed with the current one, and a birthday batch
/// above the approval amount paid only with a second user's PIN typed in its approver box.
#[tokio::test(flavor = "multi_thread")]
async fn the_access_screens_in_english_at_the_largest_text_and_a_birthday_batch_approved_in_its_box() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    // Long enough not to lock while the steps run (the other test of this file sets a short one).
    std::env::set_var("HUZHU_LOCK_SECONDS", "3600");
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;

    sample_village_at_largest_text(&c).await;
    type_into(&c, "user-name", "Chen").await;
    type_into(&c, "user-pin", "204817").await;
    click(&c, "user-add").await;
    let keep = wait_for(&c, "recovery-keep").await.text().await.unwrap();
    assert!(keep.contains("print it now"), "the chair is told to print the sheet, in English: {keep}");
    shot(&c, "access-turned-on-en-xl").await;
    add_user(&c, "Li", "secretary", "864209").await;
    // Every birthday gift is above 50 yuan: the batch needs a second person.
    type_into(&c, "access-approve-above", "50").await;
    click(&c, "access-settings-save").await;
    shot(&c, "access-users-en-xl").await;

    // My PIN: a wrong current PIN is refused (and waits), the right one changes it.
    type_into(&c, "my-pin-current", "111999").await;
    type_into(&c, "my-pin-new", "736150").await;
    type_into(&c, "my-pin-again", "736150").await;
    click(&c, "my-pin-save").await;
    let err = wait_for(&c, "my-pin-error").await.text().await.unwrap();
    assert!(err.contains("Wrong PIN") && err.contains("seconds"), "a wrong current PIN is refused: {err}");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    type_into(&c, "my-pin-current", "204817").await;
    type_into(&c, "my-pin-new", "736150").await;
    type_into(&c, "my-pin-again", "736150").await;
    click(&c, "my-pin-save").await;
    wait_for(&c, "my-pin-saved").await;
    scroll_to(&c, "my-pin").await;
    shot(&c, "access-my-pin-en-xl").await;

    // Locked at once by the button: the new PIN unlocks, the old one no longer does.
    click(&c, "lock-now").await;
    let who = wait_for(&c, "lock-who").await.text().await.unwrap();
    assert!(who.contains("Chen"), "the lock screen names who was signed in: {who}");
    shot(&c, "access-locked-en-xl").await;
    type_into(&c, "sign-in-pin-input", "204817").await;
    click(&c, "sign-in-pin-key-ok").await;
    let err = wait_for(&c, "sign-in-error").await.text().await.unwrap();
    assert!(err.contains("Wrong PIN"), "the old PIN no longer unlocks: {err}");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    type_into(&c, "sign-in-pin-input", "736150").await;
    click(&c, "sign-in-pin-key-ok").await;
    unlocked(&c).await;

    // The secretary pays the month's decade birthdays: refused alone, paid with Chen's PIN.
    click(&c, "sign-out").await;
    let who = wait_for(&c, "sign-in").await.text().await.unwrap();
    assert!(who.contains("Who are you"), "the sign-in screen speaks English: {who}");
    shot(&c, "access-sign-in-en-xl").await;
    sign_in(&c, "Li", "864209").await;
    click(&c, "nav-welfare").await;
    click(&c, "welfare-tab-birthdays").await;
    wait_for(&c, "birthdays-table").await;
    let gifts = "SELECT count(*) FROM welfare_payment WHERE kind = 'birthday'";
    let before = count(&db, gifts);
    click(&c, "birthdays-pay").await;
    let err = wait_for(&c, "birthdays-error").await.text().await.unwrap();
    assert!(err.contains("approve"), "one person alone cannot pay gifts above 50 yuan: {err}");
    assert_eq!(count(&db, gifts), before, "nothing is paid without the approval");
    type_into(&c, "birthdays-approver", "Chen").await;
    type_into(&c, "birthdays-approver-pin", "736150").await;
    scroll_to(&c, "birthdays-pay").await;
    shot(&c, "access-birthdays-approver-en-xl").await;
    click(&c, "birthdays-pay").await;
    wait_for(&c, "birthdays-done").await;
    assert!(count(&db, gifts) > before, "the decade birthdays are paid");
    assert!(count(&db, "SELECT count(*) FROM audit_log WHERE action = 'approve' AND actor = 'Chen'") > 0, "the audit names the approver");

    // The secretary reveals one person's ID number: shown whole, and the reveal recorded.
    click(&c, "nav-members").await;
    assert!(count_when_shown(&c, "member-row").await > 0);
    click(&c, "member-row-name").await;
    let masked = wait_for(&c, "person-id-card").await.text().await.unwrap();
    assert!(masked.contains("****"), "the detail masks the ID number: {masked}");
    let reveals = "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND actor = 'Li'";
    assert_eq!(count(&db, reveals), 0);
    click(&c, "reveal-id_card").await;
    let start = std::time::Instant::now();
    let mut whole = masked.clone();
    while whole.contains('*') && start.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(150)).await;
        whole = wait_for(&c, "person-id-card").await.text().await.unwrap();
    }
    assert!(!whole.contains('*') && whole.chars().filter(char::is_ascii_digit).count() >= 17, "revealed whole: {whole}");
    assert_eq!(count(&db, reveals), 1, "the reveal is recorded");
    shot(&c, "access-revealed-en-xl").await;

    // The audit trail, one entry opened.
    click(&c, "nav-audit").await;
    wait_for(&c, "audit-screen").await;
    let first = c.wait().at_most(Duration::from_secs(15)).for_element(fantoccini::Locator::Css("[data-testid^='audit-entry-']")).await.unwrap();
    first.click().await.unwrap();
    let changes = wait_for(&c, "audit-changes").await.text().await.unwrap();
    assert!(!changes.contains('{'), "what changed is in words, not JSON: {changes}");
    assert!(changes.contains("ID number") && !changes.contains("id_card"), "the newest entry, the reveal, names the field in words: {changes}");
    shot(&c, "access-audit-en-xl").await;

    // Exported to Excel: the file is named, and the export is recorded as every export is.
    click(&c, "audit-export").await;
    let file = wait_for(&c, "audit-file").await.text().await.unwrap();
    assert!(file.contains(".xlsx"), "the trail's file is named: {file}");
    assert_eq!(count(&db, "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity_id = 'audit_trail' AND actor = 'Li'"), 1);
}
