//! The cash book through the window: an income with its receipt, and its reversal.

use std::path::Path;

use huzhu_e2e::*;

fn cash_entries(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM cash_entry", [], |r| r.get(0)).unwrap()
}

/// The cash balance in the database, in fen.
fn balance_fen(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT coalesce(sum(signed_fen), 0) FROM cash_entry", [], |r| r.get(0)).unwrap()
}

/// An amount as the screen writes it: ¥1,234.50.
fn shown(fen: i64) -> String {
    let yuan = (fen.abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}¥{grouped}.{:02}", if fen < 0 { "-" } else { "" }, fen.abs() % 100)
}

#[tokio::test(flavor = "multi_thread")]
async fn cash_income_with_receipt_changes_the_balance_and_a_reversal_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    // The sample village comes with a year of its cash book.
    click(&c, "setup-demo").await;
    click(&c, "nav-money").await;
    let start_fen = balance_fen(&db);
    let start = shown(start_fen);
    let entries = cash_entries(&db);
    assert!(entries > 12, "the sample village has a year of cash entries: {entries}");
    assert_eq!(text_when(&c, "cash-balance", &start).await, start, "the screen shows the cash book's balance");
    shot(&c, "money-cash-sample").await;

    // A bad amount is refused beside its field and saves nothing.
    type_into(&c, "cash-amount", "12.345").await;
    click(&c, "cash-save").await;
    let err = wait_for(&c, "error-amount").await.text().await.unwrap();
    assert!(err.contains("两位小数"), "the Chinese message for a third decimal: {err}");
    assert_eq!(cash_entries(&db), entries, "a refused entry saves nothing");

    // An income with a receipt.
    type_into(&c, "cash-amount", "1234.50").await;
    type_into(&c, "cash-party", "东风村委会").await;
    click(&c, "cash-with-receipt").await;
    click(&c, "cash-save").await;
    let posted = wait_for(&c, "cash-posted").await.text().await.unwrap();
    assert!(posted.contains("R20"), "the receipt number is shown: {posted}");
    let receipt: String = rusqlite::Connection::open(&db).unwrap().query_row("SELECT receipt_no FROM receipt ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    let after = shown(start_fen + 123_450);
    assert_eq!(text_when(&c, "cash-balance", &after).await, after, "the balance takes the income");
    click(&c, "cash-print-receipt").await;
    let path = wait_for(&c, "cash-receipt-file-path").await.text().await.unwrap();
    assert!(path.ends_with(".pdf") && Path::new(&path).exists(), "the receipt PDF is written where it says: {path}");
    shot(&c, "money-cash-posted").await;

    // Reverse it with a reason: the balance comes back and the line is marked.
    // The month holds the sample village's entries too: reverse the one just posted.
    let voucher: String = rusqlite::Connection::open(&db).unwrap().query_row("SELECT voucher_no FROM cash_entry ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    let button = format!("[data-testid=\"cash-row\"][data-voucher=\"{voucher}\"] [data-testid=\"cash-reverse\"]");
    c.find(Locator::Css(&button)).await.unwrap_or_else(|e| panic!("the reverse button of {voucher}: {e}")).click().await.unwrap();
    type_into(&c, "cash-reverse-reason", "录入错误").await;
    click(&c, "cash-reverse-confirm").await;
    assert_eq!(text_when(&c, "cash-balance", &start).await, start, "a reversal must bring the balance back");
    wait_for(&c, "cash-reversed-by").await;
    assert_eq!(cash_entries(&db), entries + 2, "the original stays; the reversal is a second entry");
    shot(&c, "money-cash-reversed").await;

    // Each tab shows what it is for. Dues: the sample village's policy for the year, paid by most.
    click(&c, "money-tab-dues").await;
    wait_for(&c, "dues-policy-form").await;
    wait_for(&c, "dues-row").await;
    shot(&c, "money-dues").await;
    // Receipts: the one just issued (among the sample year's), voided by the reversal.
    click(&c, "money-tab-receipts").await;
    let row = Locator::Css(Box::leak(format!("[data-testid=\"receipt-row\"][data-receipt=\"{receipt}\"]").into_boxed_str()));
    let row = c.wait().at_most(std::time::Duration::from_secs(15)).for_element(row).await.unwrap_or_else(|e| panic!("the receipts tab lists the receipt issued above ({receipt}): {e}"));
    assert!(row.text().await.unwrap().contains("录入错误"), "voided by the reversal, with its reason");
    shot(&c, "money-receipts").await;
    // Donations: the sample year's gifts.
    click(&c, "money-tab-donations").await;
    wait_for(&c, "donation-form").await;
    wait_for(&c, "donation-row").await;
    shot(&c, "money-donations").await;
    // Statements: this month's statement is written as a PDF (the button says it is working).
    click(&c, "money-tab-statements").await;
    click(&c, "statement-pdf").await;
    let path = wait_for(&c, "statement-file-path").await.text().await.unwrap();
    assert!(path.ends_with(".pdf") && Path::new(&path).exists(), "the statement PDF is written where it says: {path}");
    assert!(path.contains("收支明细表-"), "named by the core, in the reader's language: {path}");
    shot(&c, "money-statements").await;
    c.close().await.unwrap();
}
