//! Requests for help through the window: a phone request taken for an elder, the proposed
//! volunteer assigned, the request marked done with feedback, and the hours seen on the
//! volunteer's account (their page shows the balance and the feedback).

use std::time::Duration;

use huzhu_e2e::*;

/// A current member of the sample village who is not a rota volunteer: someone to ask for help.
fn an_elder(db: &std::path::Path) -> (i64, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT p.member_no, p.name FROM person p WHERE p.status = 'active' AND p.is_member = 1
           AND NOT EXISTS (SELECT 1 FROM volunteer_availability a WHERE a.person_id = p.id)
         ORDER BY p.member_no LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("the sample village has elders who are not volunteers")
}

/// A person's time-bank balance in half hours.
fn half_hours(db: &std::path::Path, no: i64) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT coalesce(sum(e.signed_half_hours), 0) FROM time_entry e JOIN time_account a ON a.id = e.account_id
         JOIN person p ON p.id = a.person_id WHERE p.member_no = ?1",
        [no],
        |r| r.get(0),
    )
    .unwrap()
}

async fn select(c: &fantoccini::Client, testid: &str, value: &str) {
    wait_for(c, testid).await;
    c.find(Locator::Css(&format!("[data-testid=\"{testid}\"] option[value=\"{value}\"]"))).await.unwrap().click().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_request_is_assigned_to_the_proposed_volunteer_done_with_feedback_and_credited() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;
    click(&c, "setup-demo").await;
    wait_for(&c, "agenda-title").await;
    let (elder, name) = an_elder(&db);

    // The phone call: who, what, as soon as possible, where.
    click(&c, "nav-requests").await;
    type_into(&c, "request-who-search", &name).await;
    let css = format!("[data-testid=\"request-who-result\"][data-member-no=\"{elder}\"]");
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&css)).await.expect("the elder is found by name").click().await.unwrap();
    select(&c, "request-kind", "shopping").await;
    click(&c, "request-asap").await;
    type_into(&c, "request-where", "镇上药店").await;
    type_into(&c, "request-notes", "买降压药").await;
    click(&c, "request-save").await;
    let added = text_when(&c, "request-added", "已登记").await;
    assert!(added.contains("已登记求助"), "the request is taken: {added}");

    // The proposed volunteers, those who can go first, each with the reason.
    wait_for(&c, "request-assign").await;
    let first = c.find(Locator::Css("tr[data-testid=\"request-candidate\"]")).await.unwrap();
    let volunteer: i64 = first.attr("data-member-no").await.unwrap().unwrap().parse().unwrap();
    let reason = first.text().await.unwrap();
    assert!(reason.contains("本月已服务"), "the first proposal says why it comes first: {reason}");
    shot(&c, "requests-proposed").await;
    c.find(Locator::Css(&format!("tr[data-testid=\"request-candidate\"][data-member-no=\"{volunteer}\"] [data-testid=\"request-assign\"]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let state = text_when(&c, "request-state", "已派").await;
    assert!(state.contains("已派"), "the request is assigned: {state}");

    // Done, with the hours and the recipient's feedback.
    let before = half_hours(&db, volunteer);
    type_into(&c, "request-hours", "2").await;
    select(&c, "request-rating", "good").await;
    type_into(&c, "request-feedback-note", "很及时").await;
    click(&c, "request-done-save").await;
    let state = text_when(&c, "request-state", "已完成").await;
    assert!(state.contains("已完成"), "the request is done: {state}");
    shot(&c, "requests-done").await;
    assert_eq!(half_hours(&db, volunteer), before + 4, "2 hours are credited to the volunteer's time bank, once");

    // The volunteer's page shows the hours and the feedback.
    click(&c, "request-volunteer-page").await;
    let balance = text_when(&c, "volunteer-balance", "").await;
    let expect = if (before + 4) % 2 == 0 { format!("{}", (before + 4) / 2) } else { format!("{}.5", (before + 4) / 2) };
    assert!(balance.contains(&expect), "the volunteer's page shows the balance {expect}: {balance}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fb = text_when(&c, "volunteer-feedback-row", "满意").await;
    assert!(fb.contains("很及时"), "and the feedback: {fb}");
    scroll_to(&c, "volunteer-service").await;
    shot(&c, "requests-volunteer-page").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn in_english_a_kind_that_requires_training_proposes_no_untrained_volunteer_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;
    click(&c, "setup-demo").await;
    wait_for(&c, "agenda-title").await;
    let (elder, name) = an_elder(&db);

    // A training, and a kind of help that requires it.
    click(&c, "nav-requests").await;
    click(&c, "requests-tab-training").await;
    type_into(&c, "training-topic", "Basic nursing").await;
    type_into(&c, "training-trainer", "Dr Wang").await;
    type_into(&c, "training-hours", "2").await;
    click(&c, "training-save").await;
    let row = text_when(&c, "training-row", "Basic nursing").await;
    assert!(row.contains("Dr Wang"), "the session is listed: {row}");
    shot(&c, "requests-en-training").await;
    click(&c, "requests-tab-standards").await;
    let escort = Locator::Css("[data-testid=\"standard-row\"][data-kind=\"request:escort\"]");
    let card = c.wait().at_most(Duration::from_secs(10)).for_element(escort).await.unwrap();
    card.find(Locator::Css("[data-testid=\"standard-text\"]")).await.unwrap().send_keys("Meet at the gate, carry the records, wait until seen.").await.unwrap();
    card.find(Locator::Css("[data-testid=\"standard-training\"]")).await.unwrap().send_keys("Basic nursing").await.unwrap();
    card.find(Locator::Css("[data-testid=\"standard-save\"]")).await.unwrap().click().await.unwrap();
    wait_for(&c, "standard-saved").await;
    shot(&c, "requests-en-standards").await;

    // An escort request: no one has the training yet, so no one can go, and each says why.
    click(&c, "requests-tab-requests").await;
    type_into(&c, "request-who-search", &name).await;
    let css = format!("[data-testid=\"request-who-result\"][data-member-no=\"{elder}\"]");
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&css)).await.unwrap().click().await.unwrap();
    select(&c, "request-kind", "escort").await;
    type_into(&c, "request-from", "08:00").await;
    type_into(&c, "request-to", "11:00").await;
    click(&c, "request-save").await;
    wait_for(&c, "request-candidate").await;
    assert!(c.find_all(id("request-assign")).await.unwrap().is_empty(), "no untrained volunteer is proposed");
    let why = text_when(&c, "request-candidate", "training").await;
    assert!(why.contains("has not had the training “Basic nursing”"), "the reason says so: {why}");
    shot(&c, "requests-en-untrained").await;
}
