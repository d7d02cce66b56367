//! What every end-to-end test needs: tauri-driver (WebDriver on 127.0.0.1:4444, in front of
//! Debian's WebKitWebDriver) starting the app binary named by HUZHU_APP_BIN on a fresh database
//! file, and small helpers to find, click and type by `data-testid`. Run under Xvfb: `make e2e`.
//! HUZHU_E2E_PORT moves the driver (and WebKitWebDriver to the port after it), so two checkouts
//! can run their suites at once. Each area's tests are in tests/<area>.rs.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use fantoccini::{Client, Locator};
use fantoccini::ClientBuilder;

/// tauri-driver's port; WebKitWebDriver listens on the next one.
pub fn port() -> u16 {
    std::env::var("HUZHU_E2E_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(4444)
}

pub fn driver_addr() -> String {
    format!("127.0.0.1:{}", port())
}

pub struct Driver {
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

pub fn app_bin() -> PathBuf {
    let bin = std::env::var_os("HUZHU_APP_BIN").map(PathBuf::from).expect("set HUZHU_APP_BIN to the built huzhu-app binary (make e2e does)");
    assert!(bin.exists(), "no app binary at {}", bin.display());
    bin
}

/// Starts tauri-driver with the app's environment (HUZHU_DB, HUZHU_LANG) and waits for it, on
/// a data file made here when there is none: a SQLite database holding nothing yet, which the
/// app opens as a register to set up. The app itself never makes a data file without asking
/// (its first-start screen, tested in safe_keeping.rs with `start_driver_no_file`), and takes
/// an empty (0-byte) file for a lost one; the other suites begin at setting up the association.
pub fn start_driver(db: &Path, lang: &str) -> Driver {
    if !db.exists() {
        // SQLite writes a file only when something changes: a table made and dropped leaves a
        // database with its header and no schema.
        rusqlite::Connection::open(db)
            .and_then(|c| c.execute_batch("CREATE TABLE e2e_seed (x); DROP TABLE e2e_seed;"))
            .expect("a new SQLite database for the app to open");
    }
    start_driver_no_file(db, lang)
}

/// Starts tauri-driver as `start_driver` does, leaving a missing data file missing.
pub fn start_driver_no_file(db: &Path, lang: &str) -> Driver {
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

pub async fn connect() -> Client {
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

pub fn id(testid: &str) -> Locator<'static> {
    Locator::Css(Box::leak(format!("[data-testid=\"{testid}\"]").into_boxed_str()))
}

pub async fn wait_for(c: &Client, testid: &str) -> fantoccini::elements::Element {
    c.wait().at_most(Duration::from_secs(15)).for_element(id(testid)).await.unwrap_or_else(|e| panic!("{testid} did not appear: {e}"))
}

pub async fn click(c: &Client, testid: &str) {
    let el = wait_for(c, testid).await;
    // Wholly into view first, as a person scrolls: the driver clicks the middle of an element,
    // and does not scroll one cut off at the edge of an inner scroller (the rail's areas).
    c.execute("arguments[0].scrollIntoView({block: 'nearest'});", vec![serde_json::to_value(&el).unwrap()])
        .await
        .unwrap_or_else(|e| panic!("scroll to {testid}: {e}"));
    el.click().await.unwrap_or_else(|e| panic!("click {testid}: {e}"));
}

pub async fn type_into(c: &Client, testid: &str, text: &str) {
    let el = wait_for(c, testid).await;
    el.clear().await.unwrap();
    el.send_keys(text).await.unwrap_or_else(|e| panic!("type into {testid}: {e}"));
}

/// Text of the rows of the register list, once it has settled on `expect_rows` rows.
pub async fn list_rows(c: &Client, expect_rows: usize) -> Vec<String> {
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

/// How many elements carry `testid`, once there is at least one (0 after 10 s): for a list a
/// screen must show something in.
pub async fn count_when_shown(c: &Client, testid: &str) -> usize {
    let start = Instant::now();
    loop {
        let n = c.find_all(id(testid)).await.map(|v| v.len()).unwrap_or(0);
        if n > 0 || start.elapsed() > Duration::from_secs(10) {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The value of `attr` on every element matching the CSS selector, sorted.
pub async fn attrs(c: &Client, css: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.attr(attr).await.unwrap().unwrap_or_default());
    }
    out.sort();
    out
}

pub fn people_in(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0)).unwrap()
}

/// Saves a picture of the window when HUZHU_E2E_SHOTS names a folder (for looking at screens
/// reached by clicking); does nothing otherwise.
pub async fn shot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("HUZHU_E2E_SHOTS") {
        tokio::time::sleep(Duration::from_millis(300)).await;
        if let Ok(png) = c.screenshot().await {
            let _ = std::fs::write(Path::new(&dir).join(format!("{name}.png")), png);
        }
    }
}

/// The text of an element once it contains `want` (or whatever it says after 10 s).
pub async fn text_when(c: &Client, testid: &str, want: &str) -> String {
    let start = Instant::now();
    loop {
        let text = wait_for(c, testid).await.text().await.unwrap_or_default();
        if text.contains(want) || start.elapsed() > Duration::from_secs(10) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// The first start with no data file: 新建登记册, then set up the association.
pub async fn start_new_register(c: &Client, association: &str) {
    click(c, "first-start-new").await;
    type_into(c, "association-name", association).await;
    click(c, "setup-start").await;
    wait_for(c, "nav-members").await;
}

/// Brings an element into view (for a `shot` of something below the fold).
pub async fn scroll_to(c: &Client, testid: &str) {
    let el = wait_for(c, testid).await;
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el).unwrap()]).await.unwrap_or_else(|e| panic!("scroll to {testid}: {e}"));
}

/// The sample village set up at first start, then the largest text size saved (the screens to
/// look at in large text).
pub async fn sample_village_at_largest_text(c: &Client) {
    click(c, "setup-demo").await;
    click(c, "nav-settings").await;
    click(c, "settings-size-extra_large").await;
    wait_for(c, "settings-saved").await;
}
