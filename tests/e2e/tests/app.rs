//! Drives the real Huzhu window: tauri-driver (WebDriver on 127.0.0.1:4444, in front of Debian's
//! WebKitWebDriver) starts the app binary named by HUZHU_APP_BIN on a fresh database file. Run
//! under Xvfb: `make e2e`. HUZHU_E2E_PORT moves the driver (and WebKitWebDriver to the port
//! after it), so two checkouts can run their suites at once.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// tauri-driver's port; WebKitWebDriver listens on the next one.
fn port() -> u16 {
    std::env::var("HUZHU_E2E_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(4444)
}

fn driver_addr() -> String {
    format!("127.0.0.1:{}", port())
}

struct Driver {
    child: Child,
}

impl Drop for Driver {
    /// Ends tauri-driver with the WebKitWebDriver and the app it started (one process group):
    /// a WebKitWebDriver left behind would keep port 4445, and the next test's driver would talk
    /// to the old app and its old database.
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.child.id())]).status();
        let _ = self.child.wait();
        let start = Instant::now();
        let native = format!("127.0.0.1:{}", port() + 1);
        while [driver_addr(), native.clone()].iter().any(|a| std::net::TcpStream::connect(a).is_ok())
            && start.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn app_bin() -> PathBuf {
    let bin = std::env::var_os("HUZHU_APP_BIN").map(PathBuf::from).expect("set HUZHU_APP_BIN to the built huzhu-app binary (make e2e does)");
    assert!(bin.exists(), "no app binary at {}", bin.display());
    bin
}

/// Starts tauri-driver with the app's environment (HUZHU_DB, HUZHU_LANG) and waits for it.
fn start_driver(db: &Path, lang: &str) -> Driver {
    use std::os::unix::process::CommandExt;
    assert!(std::net::TcpStream::connect(driver_addr()).is_err(), "port {} is taken: is another tauri-driver running?", port());
    let child = Command::new("tauri-driver")
        .args(["--port", &port().to_string(), "--native-port", &(port() + 1).to_string()])
        .process_group(0)
        .env("HUZHU_DB", db)
        .env("HUZHU_LANG", lang)
        // Printouts are written but not handed to a viewer: nothing to open under Xvfb.
        .env("HUZHU_NO_OPEN", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tauri-driver on PATH (cargo install tauri-driver --locked --version '^2')");
    let start = Instant::now();
    while std::net::TcpStream::connect(driver_addr()).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "tauri-driver did not start listening");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child }
}

async fn connect() -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert("tauri:options".into(), serde_json::json!({ "application": app_bin() }));
    // tauri-driver listens before its WebKitWebDriver is ready: the first requests may be cut off.
    let start = Instant::now();
    loop {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://{}", driver_addr()))
            .await
        {
            Ok(c) => return c,
            Err(e) if start.elapsed() < Duration::from_secs(30) => {
                eprintln!("waiting for the WebDriver session: {e}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => panic!("no WebDriver session with the app: {e}"),
        }
    }
}

fn id(testid: &str) -> Locator<'static> {
    Locator::Css(Box::leak(format!("[data-testid=\"{testid}\"]").into_boxed_str()))
}

async fn wait_for(c: &Client, testid: &str) -> fantoccini::elements::Element {
    c.wait().at_most(Duration::from_secs(15)).for_element(id(testid)).await.unwrap_or_else(|e| panic!("{testid} did not appear: {e}"))
}

async fn click(c: &Client, testid: &str) {
    wait_for(c, testid).await.click().await.unwrap_or_else(|e| panic!("click {testid}: {e}"));
}

async fn type_into(c: &Client, testid: &str, text: &str) {
    let el = wait_for(c, testid).await;
    el.clear().await.unwrap();
    el.send_keys(text).await.unwrap_or_else(|e| panic!("type into {testid}: {e}"));
}

/// Text of the rows of the register list, once it has settled on `expect_rows` rows.
async fn list_rows(c: &Client, expect_rows: usize) -> Vec<String> {
    let start = Instant::now();
    loop {
        let rows = c.find_all(id("member-row")).await.unwrap();
        let mut texts = Vec::new();
        for r in &rows {
            texts.push(r.text().await.unwrap_or_default());
        }
        if texts.len() == expect_rows || start.elapsed() > Duration::from_secs(10) {
            return texts;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

fn people_in(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap()
}

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

/// Saves a picture of the window when HUZHU_E2E_SHOTS names a folder (for looking at screens
/// reached by clicking); does nothing otherwise.
async fn shot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("HUZHU_E2E_SHOTS") {
        tokio::time::sleep(Duration::from_millis(300)).await;
        if let Ok(png) = c.screenshot().await {
            let _ = std::fs::write(Path::new(&dir).join(format!("{name}.png")), png);
        }
    }
}

/// The text of an element once it contains `want` (or whatever it says after 10 s).
async fn text_when(c: &Client, testid: &str, want: &str) -> String {
    let start = Instant::now();
    loop {
        let text = wait_for(c, testid).await.text().await.unwrap_or_default();
        if text.contains(want) || start.elapsed() > Duration::from_secs(10) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

fn cash_entries(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM cash_entry", [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn cash_income_with_receipt_changes_the_balance_and_a_reversal_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-money").await;
    assert_eq!(text_when(&c, "cash-balance", "¥0.00").await, "¥0.00", "a new cash book is empty");
    shot(&c, "money-cash-empty").await;

    // A bad amount is refused beside its field and saves nothing.
    type_into(&c, "cash-amount", "12.345").await;
    click(&c, "cash-save").await;
    let err = wait_for(&c, "error-amount").await.text().await.unwrap();
    assert!(err.contains("两位小数"), "the Chinese message for a third decimal: {err}");
    assert_eq!(cash_entries(&db), 0, "a refused entry saves nothing");

    // An income with a receipt.
    type_into(&c, "cash-amount", "1234.50").await;
    type_into(&c, "cash-party", "东风村委会").await;
    click(&c, "cash-with-receipt").await;
    click(&c, "cash-save").await;
    let posted = wait_for(&c, "cash-posted").await.text().await.unwrap();
    assert!(posted.contains("R20"), "the receipt number is shown: {posted}");
    assert_eq!(text_when(&c, "cash-balance", "¥1,234.50").await, "¥1,234.50", "the balance takes the income");
    click(&c, "cash-print-receipt").await;
    let path = wait_for(&c, "cash-receipt-file-path").await.text().await.unwrap();
    assert!(path.ends_with(".pdf") && Path::new(&path).exists(), "the receipt PDF is written where it says: {path}");
    shot(&c, "money-cash-posted").await;

    // Reverse it with a reason: the balance comes back and the line is marked.
    click(&c, "cash-reverse").await;
    type_into(&c, "cash-reverse-reason", "录入错误").await;
    click(&c, "cash-reverse-confirm").await;
    assert_eq!(text_when(&c, "cash-balance", "¥0.00").await, "¥0.00", "a reversal must bring the balance back");
    wait_for(&c, "cash-reversed-by").await;
    assert_eq!(cash_entries(&db), 2, "the original stays; the reversal is a second entry");
    shot(&c, "money-cash-reversed").await;

    for tab in ["dues", "receipts", "donations", "statements"] {
        click(&c, &format!("money-tab-{tab}")).await;
        shot(&c, &format!("money-{tab}")).await;
    }
    c.close().await.unwrap();
}

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
    click(&c, "tb-other-result").await;
    type_into(&c, "tb-reason", "给父亲用").await;
    click(&c, "tb-submit").await;
    let done = wait_for(&c, "tb-done").await.text().await.unwrap();
    assert!(done.contains('1'), "the transfer is confirmed: {done}");
    assert!(text_when(&c, "tb-balance", "1.5").await.contains("1.5"), "the transfer leaves 1.5 hours");
    shot(&c, "timebank-account").await;
    c.close().await.unwrap();
}

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

async fn click_slot(c: &Client, slot: i64) {
    let sel = format!("[data-testid=\"rota-slot\"][data-slot-id=\"{slot}\"]");
    c.find(Locator::Css(&sel)).await.unwrap_or_else(|e| panic!("slot {slot} on the calendar: {e}")).click().await.unwrap();
    let panel = format!("[data-testid=\"rota-panel\"][data-slot-id=\"{slot}\"]");
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&panel)).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn rota_month_is_generated_short_shifts_are_marked_and_two_people_swap() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-rota").await;
    // Next month is not generated yet.
    click(&c, "rota-next-month").await;
    wait_for(&c, "rota-empty").await;
    click(&c, "rota-generate").await;
    let report = wait_for(&c, "rota-report").await.text().await.unwrap();
    assert!(report.contains("排好了"), "the generator reports what it did: {report}");
    wait_for(&c, "rota-calendar").await;
    let slots = c.find_all(id("rota-slot")).await.unwrap();
    assert!(slots.len() > 50, "the demo village's month has its shifts on the calendar: {}", slots.len());
    let summary = wait_for(&c, "rota-summary").await.text().await.unwrap();
    let short = c.find_all(Locator::Css("[data-testid=\"rota-slot\"][data-unfilled=\"true\"]")).await.unwrap();
    let listed = c.find_all(id("rota-unfilled-item")).await.unwrap();
    assert_eq!(short.len(), listed.len(), "every short shift is marked on the calendar and listed with its reason ({summary})");
    shot(&c, "rota-calendar").await;

    // Swap the day-shift carers of two days a week apart (same weekday, so the same rules);
    // a pair the rules refuse shows its reason and changes nothing, and the next pair is tried.
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
            let cell = c.find(Locator::Css(&format!("[data-testid=\"rota-slot\"][data-slot-id=\"{b}\"]"))).await.unwrap().text().await.unwrap();
            let name_a = name_of(&db, *pa);
            assert!(cell.contains(&name_a), "the calendar shows {name_a} on the other shift now: {cell}");
            swapped = true;
            break;
        }
        assert_eq!(person_on(&db, *b), vec![*pb], "a refused swap changes nothing");
        click(&c, "rota-swap-cancel").await;
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
    for tab in ["cases", "volunteers", "pairings", "overdue"] {
        click(&c, &format!("rota-tab-{tab}")).await;
        shot(&c, &format!("rota-{tab}")).await;
    }
    c.close().await.unwrap();
}

/// 通存通兑 through the window, between two associations (two databases, two keys): export a
/// member's hours from one, import the file into the other after accepting its key, and see the
/// same file refused the second time.
#[tokio::test(flavor = "multi_thread")]
async fn time_bank_export_from_one_association_and_import_into_another() {
    let dir = tempfile::tempdir().unwrap();
    let from_db = dir.path().join("dongfeng.sqlite3");
    let to_db = dir.path().join("xishan.sqlite3");

    // The issuing association: deposit 2.5 hours for 蔡春生 (no. 3) and export them.
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
        click(&c, "tb-export-confirm").await;
        let path = wait_for(&c, "tb-exported-path").await.text().await.unwrap();
        assert!(text_when(&c, "tb-balance", "0").await.contains('0'), "export transfers the hours out");
        shot(&c, "timebank-exported").await;
        c.close().await.unwrap();
        path
    };
    assert!(Path::new(path.trim()).exists(), "the exchange file is where the screen says: {path}");

    // The receiving association: a new database with a key of its own.
    let _driver = start_driver(&to_db, "zh-CN");
    let c = connect().await;
    type_into(&c, "association-name", "西山村老年协会").await;
    click(&c, "setup-start").await;
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
