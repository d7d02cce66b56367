//! Activities through the window: record a gathering, tick who came from the register, post a
//! cost (it lands in the cash book under 活动经费), print the sign-in sheet; and a member's dues
//! paid with saved hours on the dues screen (no cash moves).

use std::path::Path;
use std::time::Duration;

use huzhu_e2e::*;

/// Picks the `index`th option of a `<select>` as a person would (Svelte listens to change).
async fn choose(c: &Client, testid: &str, index: usize) {
    let el = wait_for(c, testid).await;
    c.execute(
        "arguments[0].selectedIndex = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
        vec![serde_json::to_value(&el).unwrap(), serde_json::json!(index)],
    )
    .await
    .unwrap_or_else(|e| panic!("choose in {testid}: {e}"));
}

fn one<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_activity_its_attendance_a_cost_in_the_cash_book_and_the_sign_in_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-activities").await;
    wait_for(&c, "activity-form").await;

    // A name is required: refused beside the field, nothing saved.
    click(&c, "activity-save").await;
    wait_for(&c, "activity-form-error").await;
    let before: i64 = one(&db, "SELECT count(*) FROM activity");

    type_into(&c, "activity-name", "重阳敬老宴").await;
    choose(&c, "activity-kind", 2).await; // 重阳活动
    type_into(&c, "activity-place", "老年活动中心").await;
    type_into(&c, "activity-budget", "3000").await;
    click(&c, "activity-save").await;
    wait_for(&c, "activity-detail").await;
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM activity"), before + 1, "the activity is saved");
    assert_eq!(one::<String>(&db, "SELECT kind FROM activity ORDER BY id DESC LIMIT 1"), "chongyang");

    // Tick 蔡春生 (no. 3) from the register.
    type_into(&c, "attend-person-search", "caichunsheng").await;
    wait_for(&c, "attend-person-results").await;
    c.find(Locator::Css("[data-testid=\"attend-person-result\"][data-member-no=\"3\"]")).await.unwrap().click().await.unwrap();
    click(&c, "attend-save").await;
    let list = text_when(&c, "attend-list", "蔡春生").await;
    assert!(list.contains("蔡春生"), "the ticked member is listed: {list}");
    let summary = text_when(&c, "activity-summary", "出席 1 人").await;
    assert!(summary.contains("出席 1 人"), "the attendance counts the tick: {summary}");

    // A bad amount is refused; a good one is posted to the cash book under 活动经费.
    type_into(&c, "cost-amount", "abc").await;
    click(&c, "cost-save").await;
    wait_for(&c, "cost-form-error").await;
    let amount = wait_for(&c, "cost-amount").await;
    amount.clear().await.unwrap();
    amount.send_keys("1200").await.unwrap();
    type_into(&c, "cost-party", "村口饭店").await;
    click(&c, "cost-save").await;
    let saved = text_when(&c, "cost-saved", "¥1,200.00").await;
    assert!(saved.contains("¥1,200.00"), "the cost is confirmed with its voucher: {saved}");
    let (category, source): (String, String) = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row(
            "SELECT c.code, e.source FROM cash_entry e JOIN cash_category c ON c.id = e.category_id ORDER BY e.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    assert_eq!(category, "events", "a 重阳 activity's cost is 活动经费");
    assert!(source.starts_with("activity:"), "the cash entry names the activity: {source}");
    let spent = text_when(&c, "activity-spent", "1,200.00").await;
    assert!(spent.contains("1,200.00"), "the list shows what it cost: {spent}");
    shot(&c, "activity-detail").await;

    click(&c, "activity-sheet").await;
    let path = text_when(&c, "activity-file-path", ".pdf").await;
    assert!(path.contains("签到表"), "the sign-in sheet is written: {path}");
    assert!(Path::new(path.trim()).exists(), "and exists: {path}");
    scroll_to(&c, "activity-table").await;
    shot(&c, "activities").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dues_paid_with_hours_on_the_dues_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-money").await;
    click(&c, "money-tab-dues").await;
    wait_for(&c, "dues-hours").await;
    // The sample village takes hours at ¥10; the rate is saved again as typed.
    type_into(&c, "dues-hours-rate", "10").await;
    click(&c, "dues-hours-rate-save").await;
    wait_for(&c, "dues-hours-form").await;

    // Someone who owes this year's dues and has enough hours saved.
    // The sample village's policy is ¥30 (80 and over and 五保 exempt): at ¥10 an hour, 3 hours.
    let (no, owed_fen): (i64, i64) = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row(
            "SELECT p.member_no, d.amount_fen FROM person p
               JOIN dues_policy d ON d.year = CAST(strftime('%Y', 'now', 'localtime') AS INTEGER)
               JOIN time_account a ON a.person_id = p.id
             WHERE p.is_member = 1 AND p.status = 'active' AND coalesce(p.economic_status, 'ordinary') = 'ordinary'
               AND p.birth_date > printf('%04d-12-31', d.year - 80)
               AND NOT EXISTS (SELECT 1 FROM dues_payment x WHERE x.person_id = p.id AND x.year = d.year)
               AND NOT EXISTS (SELECT 1 FROM dues_hours_payment x WHERE x.person_id = p.id AND x.year = d.year)
               AND NOT EXISTS (SELECT 1 FROM dues_waiver w WHERE w.person_id = p.id AND w.year = d.year)
               AND (SELECT sum(signed_half_hours) FROM time_entry e WHERE e.account_id = a.id) >= 6
             ORDER BY p.member_no LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the sample village has a member who owes dues and has 3 hours saved")
    };
    let cash_before: i64 = one(&db, "SELECT count(*) FROM cash_entry");
    let name: String = one(&db, &format!("SELECT name FROM person WHERE member_no = {no}"));
    type_into(&c, "dues-hours-pick-search", &no.to_string()).await;
    wait_for(&c, "dues-hours-pick-results").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    c.find(Locator::Css(&format!("[data-testid=\"dues-hours-pick-result\"][data-member-no=\"{no}\"]"))).await.unwrap().click().await.unwrap();
    let quote = text_when(&c, "dues-hours-quote", &name).await;
    assert!(quote.contains(&name), "what it would take is shown first: {quote}");
    scroll_to(&c, "dues-hours").await;
    shot(&c, "dues-hours-quote").await;
    click(&c, "dues-hours-save").await;
    let paid = text_when(&c, "dues-hours-paid", "S").await;
    assert!(paid.contains(&name) && paid.contains('S'), "paid, with the slip number: {paid}");
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM cash_entry"), cash_before, "no cash moved");
    let settled: i64 = one(&db, &format!("SELECT sum(h.amount_fen) FROM dues_hours_payment h JOIN person p ON p.id = h.person_id WHERE p.member_no = {no}"));
    assert_eq!(settled, owed_fen, "what was owed is settled with hours");
    click(&c, "dues-hours-print").await;
    wait_for(&c, "dues-hours-file").await;
    shot(&c, "dues-hours-paid").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mediation_case_opened_noted_closed_with_its_agreement_and_the_list_keeps_the_notes_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-mediation").await;
    wait_for(&c, "mediation-form").await;
    let cases: i64 = one(&db, "SELECT count(*) FROM mediation_case");

    // One party only: refused.
    type_into(&c, "mediation-party-search", "caichunsheng").await;
    wait_for(&c, "mediation-party-results").await;
    c.find(Locator::Css("[data-testid=\"mediation-party-result\"][data-member-no=\"3\"]")).await.unwrap().click().await.unwrap();
    choose(&c, "mediation-about", 1).await; // 家庭赡养
    click(&c, "mediation-save").await;
    wait_for(&c, "mediation-form-error").await;
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM mediation_case"), cases, "a refused case saves nothing");

    type_into(&c, "mediation-party-name", "蔡建国").await;
    click(&c, "mediation-party-add").await;
    type_into(&c, "mediation-mediator", "陈会长").await;
    type_into(&c, "mediation-summary", "儿子不付生活费").await;
    click(&c, "mediation-save").await;
    wait_for(&c, "mediation-case").await;
    type_into(&c, "mediation-note", "第一次调解：儿子答应每月给三百元").await;
    click(&c, "mediation-note-save").await;
    let notes = text_when(&c, "mediation-notes", "三百元").await;
    assert!(notes.contains("三百元"), "the note is on the case: {notes}");
    let table = text_when(&c, "mediation-table", "蔡建国").await;
    assert!(table.contains("家庭赡养") && table.contains("蔡建国"), "the list shows what it is about and who: {table}");
    assert!(!table.contains("三百元") && !table.contains("生活费"), "the list never shows the notes or the summary: {table}");

    type_into(&c, "mediation-terms", "蔡建国每月5日前给付生活费三百元。").await;
    click(&c, "mediation-agreement-save").await;
    let path = text_when(&c, "mediation-file-path", ".pdf").await;
    assert!(path.contains("调解协议书") && Path::new(path.trim()).exists(), "the agreement is written: {path}");
    choose(&c, "mediation-outcome", 1).await; // 达成协议
    click(&c, "mediation-close-save").await;
    wait_for(&c, "mediation-closed").await;
    assert_eq!(one::<String>(&db, "SELECT outcome FROM mediation_case ORDER BY id DESC LIMIT 1"), "agreed");
    shot(&c, "mediation").await;

    // The year's commendation in the time bank.
    click(&c, "nav-time-bank").await;
    scroll_to(&c, "commend").await;
    click(&c, "commend-open").await;
    wait_for(&c, "commend-summary").await;
    type_into(&c, "commend-threshold", "5").await;
    click(&c, "commend-threshold-save").await;
    let summary = text_when(&c, "commend-summary", "5 小时").await;
    assert!(summary.contains("5 小时"), "the threshold is saved and applied: {summary}");
    assert!(!c.find_all(id("commend-row")).await.unwrap().is_empty(), "the sample village's volunteers are ranked");
    click(&c, "commend-certificates").await;
    let path = text_when(&c, "commend-file-path", ".pdf").await;
    assert!(path.contains("奖状") && Path::new(path.trim()).exists(), "the certificates are written: {path}");
    scroll_to(&c, "commend-table").await;
    shot(&c, "commendation").await;
}
