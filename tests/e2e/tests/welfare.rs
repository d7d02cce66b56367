//! Welfare through the window: the month at a glance is the first screen; a death recorded from
//! the member's page (what it will do shown first), the condolence confirmed, the shifts the
//! volunteer leaves short on the rota, and the agenda changed; the 慰问 area's tabs.

use std::path::Path;
use std::time::{Duration, Instant};

use huzhu_e2e::*;

/// A living member on a shift after today, and that shift: (member_no, slot id).
fn volunteer_on_a_later_shift(db: &Path) -> (i64, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT p.member_no, s.id FROM rota_assignment a JOIN person p ON p.id = a.person_id JOIN rota_slot s ON s.id = a.slot_id
         WHERE s.date > date('now', 'localtime') AND p.is_member = 1 AND p.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM hospital_stay h WHERE h.person_id = p.id AND h.discharged IS NULL)
         ORDER BY s.date, s.id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("the generated rotas have someone on a later shift")
}

fn status_of(db: &Path, no: i64) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT status FROM person WHERE member_no = ?1", [no], |r| r.get(0)).unwrap()
}

fn condolences_paid(db: &Path, no: i64) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT count(*) FROM welfare_payment w JOIN person p ON p.id = w.person_id WHERE p.member_no = ?1 AND w.kind = 'condolence'",
        [no],
        |r| r.get(0),
    )
    .unwrap()
}

/// The number in a text such as "缺 3 人次".
fn number_in(s: &str) -> i64 {
    s.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_death_from_the_members_page_its_condolence_the_short_shifts_and_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    // The sample village opens on the month at a glance, with its own recent death awaiting a
    // condolence and the month's decade birthdays.
    click(&c, "setup-demo").await;
    let title = text_when(&c, "agenda-title", "本月要事").await;
    assert!(title.contains("本月要事"), "the first screen is the month at a glance: {title}");
    wait_for(&c, "agenda-death").await;
    assert!(!c.find_all(id("agenda-birthday")).await.unwrap().is_empty(), "the month's birthdays are listed");
    shot(&c, "agenda-sample").await;

    // Rotas for this month and the next, so someone is on a later shift.
    click(&c, "nav-rota").await;
    click(&c, "rota-generate").await;
    wait_for(&c, "rota-report").await;
    click(&c, "rota-next-month").await;
    click(&c, "rota-generate").await;
    wait_for(&c, "rota-report").await;
    let (no, slot) = volunteer_on_a_later_shift(&db);

    click(&c, "nav-agenda").await;
    let before = number_in(&text_when(&c, "agenda-short-count", "").await);

    // Record the death from the member's page: first what it will do, then the confirmation.
    click(&c, "nav-members").await;
    type_into(&c, "member-search", &no.to_string()).await;
    // Let the search settle before clicking a row it may still replace.
    tokio::time::sleep(Duration::from_millis(800)).await;
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(&format!("[data-testid=\"member-row\"][data-member-no=\"{no}\"] [data-testid=\"member-row-name\"]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(&c, "death-open").await;
    type_into(&c, "death-contact", "林建华").await;
    click(&c, "death-preview").await;
    let plan = wait_for(&c, "death-plan").await.text().await.unwrap();
    assert!(plan.contains("已故") && plan.contains("林建华"), "the preview says what will change and who receives the condolence: {plan}");
    assert!(!c.find_all(id("death-shift-left")).await.unwrap().is_empty(), "the shifts they leave short are listed before anything is done");
    assert_eq!(status_of(&db, no), "active", "the preview changes nothing");
    shot(&c, "death-preview").await;
    click(&c, "death-confirm").await;
    wait_for(&c, "death-record").await;
    assert_eq!(status_of(&db, no), "deceased", "confirmed, the death is recorded");

    // The condolence from the standard, confirmed (above the approval limit: the chair approves).
    type_into(&c, "condolence-approver", "陈会长").await;
    click(&c, "condolence-pay").await;
    let paid = text_when(&c, "condolence-paid", "林建华").await;
    assert!(paid.contains("¥1,000.00") && paid.contains("林建华"), "the condolence is paid to the family contact: {paid}");
    assert_eq!(condolences_paid(&db, no), 1, "one condolence payment");
    click(&c, "condolence-slip").await;
    let path = wait_for(&c, "condolence-file-path").await.text().await.unwrap();
    assert!(path.ends_with(".pdf") && Path::new(&path).exists(), "the 领款单 is written where it says: {path}");
    shot(&c, "death-recorded").await;

    // The shift they were on is short now, on the rota.
    click(&c, "nav-rota").await;
    let selector = format!("[data-testid=\"rota-slot\"][data-slot-id=\"{slot}\"]");
    wait_for(&c, "rota-calendar").await;
    let start = Instant::now();
    let mut moved = false;
    let short = loop {
        if let Ok(el) = c.find(Locator::Css(&selector)).await {
            break el.attr("data-unfilled").await.unwrap().unwrap_or_default();
        }
        assert!(start.elapsed() < Duration::from_secs(15), "slot {slot} is on this month's or next month's calendar");
        if !moved && start.elapsed() > Duration::from_secs(2) {
            click(&c, "rota-next-month").await;
            moved = true;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert_eq!(short, "true", "the shift the volunteer left is marked short on the rota");
    shot(&c, "rota-after-death").await;

    // And the agenda counts it.
    click(&c, "nav-agenda").await;
    let after = number_in(&text_when(&c, "agenda-short-count", "").await);
    let start = Instant::now();
    let mut after = after;
    while after <= before && start.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(300)).await;
        after = number_in(&wait_for(&c, "agenda-short-count").await.text().await.unwrap());
    }
    assert!(after > before, "the agenda's short shifts grow once the volunteer is gone: {before} → {after}");
    shot(&c, "agenda-after-death").await;

    click(&c, "agenda-print").await;
    let path = wait_for(&c, "agenda-file-path").await.text().await.unwrap();
    assert!(path.ends_with(".pdf") && Path::new(&path).exists(), "the agenda page is written where it says: {path}");

    // The 慰问 area's tabs, opened from the agenda and the rail.
    click(&c, "agenda-open-birthdays").await;
    wait_for(&c, "birthdays-table").await;
    shot(&c, "welfare-birthdays").await;
    for tab in ["payments", "festivals", "hospital", "standards"] {
        click(&c, &format!("welfare-tab-{tab}")).await;
        shot(&c, &format!("welfare-{tab}")).await;
    }
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_agenda_and_welfare_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "en-US");
    let c = connect().await;
    click(&c, "setup-demo").await;
    let title = text_when(&c, "agenda-title", "20").await;
    wait_for(&c, "agenda-death").await;
    shot(&c, "agenda-en").await;
    assert!(!title.contains("本月"), "the agenda speaks English: {title}");
    click(&c, "nav-welfare").await;
    wait_for(&c, "welfare-table").await;
    shot(&c, "welfare-payments-en").await;
    click(&c, "welfare-tab-birthdays").await;
    wait_for(&c, "birthdays-table").await;
    shot(&c, "welfare-birthdays-en").await;
    c.close().await.unwrap();
}
