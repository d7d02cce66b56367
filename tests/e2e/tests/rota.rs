//! The rota through the window: generating a month, short shifts marked, swapping two carers.

use std::path::Path;
use std::time::{Duration, Instant};

use huzhu_e2e::*;

/// Who is on each slot of a care case's shift starting at `start`, by date: (date, slot id, person
/// member_no), for slots with exactly one person.
fn single_slots(db: &Path, start: &str) -> Vec<(String, i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT s.date, s.id, min(p.member_no) FROM rota_slot s JOIN rota_assignment a ON a.slot_id = s.id
             JOIN person p ON p.id = a.person_id JOIN care_case c ON c.id = s.case_id
             WHERE s.start = ?1 AND c.kind = 'care' GROUP BY s.id HAVING count(*) = 1 ORDER BY s.date",
        )
        .unwrap();
    stmt.query_map([start], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

fn person_on(db: &Path, slot: i64) -> Vec<i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT p.member_no FROM rota_assignment a JOIN person p ON p.id = a.person_id WHERE a.slot_id = ?1 ORDER BY 1")
        .unwrap();
    stmt.query_map([slot], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn name_of(db: &Path, no: i64) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT name FROM person WHERE member_no = ?1", [no], |r| r.get(0)).unwrap()
}

/// A hall duty on the last evening of next month that needs twenty people: more than the demo
/// village has hall volunteers, so the month always has a short slot, and it is late enough not
/// to take anyone's day shifts (the swap below uses those). Returns the shift's id.
fn add_short_case(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO care_case (recipient_id, kind, from_date, until_date, weekdays, every_days, created_at)
         SELECT min(id), 'hall', d, d, '1,2,3,4,5,6,7', 1, datetime('now')
         FROM person, (SELECT date('now', 'localtime', 'start of month', '+2 months', '-1 day') AS d)
         WHERE status = 'active'",
        [],
    )
    .unwrap();
    let case = conn.last_insert_rowid();
    conn.execute("INSERT INTO case_shift (case_id, position, name, start, end, people) VALUES (?1, 1, '搬桌椅', '21:00', '22:00', 20)", [case])
        .unwrap();
    conn.last_insert_rowid()
}

/// The slots of a shift, by id.
fn slots_of(db: &Path, shift: i64) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM rota_slot WHERE shift_id = ?1 ORDER BY id").unwrap();
    stmt.query_map([shift], |r| r.get::<_, i64>(0)).unwrap().map(|r| r.unwrap().to_string()).collect()
}

/// The text pdftotext extracts from a saved PDF.
fn pdf_text(path: &str) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// Whether the text holds a whole eleven-digit mobile number.
fn has_mobile(text: &str) -> bool {
    text.split(|ch: char| !ch.is_ascii_digit()).any(|run| run.len() == 11 && run.starts_with('1'))
}

/// The app on a new demo village's rota, at next month (not generated yet).
async fn demo_next_month(db: &Path) -> (Driver, Client) {
    let driver = start_driver(db, "zh-CN");
    let c = connect().await;
    click(&c, "setup-demo").await;
    click(&c, "nav-rota").await;
    click(&c, "rota-next-month").await;
    wait_for(&c, "rota-empty").await;
    (driver, c)
}

async fn click_slot(c: &Client, slot: i64) {
    let sel = format!("[data-testid=\"rota-slot\"][data-slot-id=\"{slot}\"]");
    let el = c.find(Locator::Css(&sel)).await.unwrap_or_else(|e| panic!("slot {slot} on the calendar: {e}"));
    // To the middle of the screen first, as a person scrolls: the driver would scroll it to the
    // top edge, under the sticky swap bar (a slot in the month's first week, as in January 2027).
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el).unwrap()]).await.unwrap();
    el.click().await.unwrap();
    let panel = format!("[data-testid=\"rota-panel\"][data-slot-id=\"{slot}\"]");
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&panel)).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn rota_month_is_generated_short_shifts_are_marked_and_two_people_swap() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    // Next month is not generated yet.
    let (_driver, c) = demo_next_month(&db).await;
    let big = add_short_case(&db);
    click(&c, "rota-generate").await;
    let report = wait_for(&c, "rota-report").await.text().await.unwrap();
    assert!(report.contains("排好了"), "the generator reports what it did: {report}");
    wait_for(&c, "rota-calendar").await;
    let slots = c.find_all(id("rota-slot")).await.unwrap();
    assert!(slots.len() > 50, "the demo village's month has its shifts on the calendar: {}", slots.len());
    let summary = wait_for(&c, "rota-summary").await.text().await.unwrap();
    let short = attrs(&c, "[data-testid=\"rota-slot\"][data-unfilled=\"true\"]", "data-slot-id").await;
    let listed = attrs(&c, "[data-testid=\"rota-unfilled-item\"]", "data-slot-id").await;
    assert_eq!(short, listed, "the slots marked short are exactly the ones listed with their reason ({summary})");
    let big_slots = slots_of(&db, big);
    assert_eq!(big_slots.len(), 1, "the twenty-person hall duty has its one slot");
    assert!(short.contains(&big_slots[0]), "the slot no village can fill is marked short: {short:?} ({summary})");
    shot(&c, "rota-calendar").await;

    // Swap the day-shift carers of two days; a pair the rules refuse shows its reason and
    // changes nothing, and the next pair is tried.
    let day = single_slots(&db, "08:00");
    let mut swapped = false;
    for (i, (date_a, a, pa)) in day.iter().enumerate() {
        let Some((_, b, pb)) = day[i + 1..].iter().find(|(d, _, p)| p != pa && d.as_str() > date_a.as_str()) else { continue };
        click_slot(&c, *a).await;
        click(&c, "rota-swap-pick").await;
        click_slot(&c, *b).await;
        click(&c, "rota-swap-pick").await;
        click(&c, "rota-swap-do").await;
        let start = Instant::now();
        while person_on(&db, *a) == vec![*pa] && c.find(id("rota-swap-error")).await.is_err() && start.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if person_on(&db, *a) == vec![*pb] {
            assert_eq!(person_on(&db, *b), vec![*pa], "the other person moved the other way");
            let done = wait_for(&c, "rota-swapped").await.text().await.unwrap();
            assert!(done.contains("对调"), "the swap is confirmed: {done}");
            // The calendar reloads after the swap is confirmed: give it a moment to redraw.
            let name_a = name_of(&db, *pa);
            let sel = format!("[data-testid=\"rota-slot\"][data-slot-id=\"{b}\"]");
            let shown = Instant::now();
            let mut cell = String::new();
            while shown.elapsed() < Duration::from_secs(10) {
                cell = c.find(Locator::Css(&sel)).await.unwrap().text().await.unwrap();
                if cell.contains(&name_a) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            assert!(cell.contains(&name_a), "the calendar shows {name_a} on the other shift now: {cell}");
            swapped = true;
            break;
        }
        assert_eq!(person_on(&db, *b), vec![*pb], "a refused swap changes nothing");
        click(&c, "rota-swap-cancel").await;
        // The second shift's panel is still open over the calendar: close it, as a person would,
        // to reach the next pair (January 2027's first pair is refused, its panel on the right).
        if let Ok(close) = c.find(id("rota-panel-close")).await {
            close.click().await.unwrap();
        }
        if i > 6 {
            break;
        }
    }
    assert!(swapped, "two carers could be swapped through the calendar");
    shot(&c, "rota-swapped").await;

    click(&c, "rota-print-roster").await;
    let path = wait_for(&c, "rota-saved-path").await.text().await.unwrap();
    assert!(path.ends_with(".pdf") && Path::new(&path).exists(), "the roster PDF is written where it says: {path}");
    if let Ok(item) = c.find(Locator::Css("[data-testid=\"rota-slot\"][data-unfilled=\"true\"]")).await {
        item.click().await.unwrap();
        wait_for(&c, "rota-panel-short").await;
        shot(&c, "rota-panel-short").await;
    }
    // Each tab shows what it is for: the demo village has volunteers, pairings and elders
    // living alone who were not seen for a week.
    for (tab, row) in [("cases", "case-row"), ("volunteers", "volunteer-row"), ("pairings", "pair-row"), ("overdue", "overdue-row")] {
        click(&c, &format!("rota-tab-{tab}")).await;
        assert!(count_when_shown(&c, row).await > 0, "the {tab} tab lists the demo village's {row}s");
        shot(&c, &format!("rota-{tab}")).await;
    }
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_roster_prints_phones_masked_unless_whole_numbers_are_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let (_driver, c) = demo_next_month(&db).await;
    click(&c, "rota-generate").await;
    wait_for(&c, "rota-calendar").await;

    click(&c, "rota-print-roster").await;
    let path = wait_for(&c, "rota-saved-path").await.text().await.unwrap();
    let masked = pdf_text(&path);
    assert!(masked.contains("****") && !has_mobile(&masked), "the roster masks the phones by default: {masked}");
    // 打印完整电话号码: the chair (no users yet) is offered it.
    click(&c, "rota-full-phones").await;
    shot(&c, "rota-full-phones").await;
    click(&c, "rota-print-roster").await;
    let start = Instant::now();
    let mut whole_path = path.clone();
    while whole_path == path && start.elapsed() < Duration::from_secs(15) {
        tokio::time::sleep(Duration::from_millis(200)).await;
        whole_path = wait_for(&c, "rota-saved-path").await.text().await.unwrap_or_default();
    }
    assert_ne!(whole_path, path, "the second roster is saved beside the first");
    let whole = pdf_text(&whole_path);
    assert!(has_mobile(&whole), "ticked, the phones are whole: {whole}");
    c.close().await.unwrap();
}

/// The whole first phone of a person in the register.
fn phone_of(db: &Path, no: i64) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let phones: String = conn.query_row("SELECT phones FROM person WHERE member_no = ?1", [no], |r| r.get(0)).unwrap();
    phones.split('\n').next().unwrap_or_default().to_string()
}

fn reveals(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT entity || ' ' || entity_id FROM audit_log WHERE action = 'reveal' ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// Clicks the Show button of the masked phone `testid` (the first with one) and returns what it
/// shows then, once the masked number is gone.
async fn reveal_first(c: &Client, testid: &str) -> String {
    let button = c.find(Locator::Css(&format!("[data-testid=\"{testid}-reveal\"]"))).await.unwrap_or_else(|e| panic!("a Show button beside {testid}: {e}"));
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&button).unwrap()]).await.unwrap();
    button.click().await.unwrap();
    let start = Instant::now();
    loop {
        let shown = c.find_all(id(testid)).await.unwrap();
        let mut texts = Vec::new();
        for el in shown {
            texts.push(el.text().await.unwrap_or_default());
        }
        if let Some(whole) = texts.iter().find(|t| !t.is_empty() && !t.contains('*')) {
            return whole.clone();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{testid} shown whole after Show: {texts:?}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn phones_on_the_slot_panel_the_overdue_list_and_the_cases_are_masked_and_shown_whole_with_one_click() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;
    sample_village_at_largest_text(&c).await;
    click(&c, "nav-rota").await;
    click(&c, "rota-next-month").await;
    wait_for(&c, "rota-empty").await;
    click(&c, "rota-generate").await;
    wait_for(&c, "rota-calendar").await;

    // The slot panel: the carer's phone masked, Show beside it; one click shows it whole.
    let (_, slot, no) = single_slots(&db, "08:00").into_iter().find(|(_, _, no)| !phone_of(&db, *no).is_empty()).expect("a day shift whose carer has a phone");
    click_slot(&c, slot).await;
    let masked = wait_for(&c, "rota-person-phone").await.text().await.unwrap();
    let whole = phone_of(&db, no);
    assert!(masked.contains('*') && masked != whole, "the panel masks the phone: {masked}");
    shot(&c, "rota-panel-phone-masked-xl").await;
    assert!(reveals(&db).is_empty());
    let shown = reveal_first(&c, "rota-person-phone").await;
    assert_eq!(shown, whole, "one click shows the carer's whole number");
    assert_eq!(reveals(&db), [format!("person {no}")], "the reveal is recorded, once");
    shot(&c, "rota-panel-phone-shown-xl").await;
    click(&c, "rota-panel-close").await;

    // The overdue list: the same, row by row.
    click(&c, "rota-tab-overdue").await;
    assert!(count_when_shown(&c, "overdue-row").await > 0);
    let phones = c.find_all(id("overdue-phone")).await.unwrap();
    let mut texts = Vec::new();
    for p in phones {
        texts.push(p.text().await.unwrap());
    }
    assert!(texts.iter().all(|t| !has_mobile(t)), "the overdue list masks every phone: {texts:?}");
    shot(&c, "rota-overdue-masked-xl").await;
    let shown = reveal_first(&c, "overdue-phone").await;
    assert!(has_mobile(&shown) || shown.chars().filter(char::is_ascii_digit).count() >= 7, "whole: {shown}");
    assert_eq!(reveals(&db).len(), 2, "the second reveal is recorded");
    shot(&c, "rota-overdue-shown-xl").await;

    // A care case's family to call: masked in the cases list, whole after Show, recorded on the case.
    click(&c, "rota-tab-cases").await;
    assert!(count_when_shown(&c, "case-row").await > 0);
    let family = wait_for(&c, "case-family-to-call").await.text().await.unwrap();
    assert!(family.contains('*') && !has_mobile(&family), "the family to call is masked: {family}");
    let shown = reveal_first(&c, "case-family-to-call").await;
    assert!(has_mobile(&shown) || shown.chars().filter(char::is_ascii_digit).count() >= 7, "whole: {shown}");
    assert!(reveals(&db).last().is_some_and(|r| r.starts_with("care_case ")), "recorded on the case: {:?}", reveals(&db));
    shot(&c, "rota-cases-family-shown-xl").await;
    c.close().await.unwrap();
}
