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
    // The first user (the chair) turns sign-in on: the app asks who is using it.
    type_into(&c, "user-name", "陈会长").await;
    type_into(&c, "user-pin", "204817").await;
    click(&c, "user-add").await;
    wait_for(&c, "sign-in").await;
    shot(&c, "access-sign-in").await;
    sign_in(&c, "陈会长", "204817").await;
    click(&c, "nav-settings").await;
    add_user(&c, "孙查看", "viewer", "530961").await;
    add_user(&c, "李秘书", "secretary", "864209").await;
    shot(&c, "access-users").await;
    assert_eq!(count(&db, "SELECT count(*) FROM app_user"), 3);

    // The viewer: no money screen, masked ID numbers.
    click(&c, "sign-out").await;
    wait_for(&c, "sign-in").await;
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
    let start = std::time::Instant::now();
    while c.find(id("lock-screen")).await.is_ok() {
        assert!(start.elapsed() < Duration::from_secs(10), "the PIN unlocks the app");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

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
