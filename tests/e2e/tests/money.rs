//! The cash book through the window: an income with its receipt, and its reversal.

use std::path::Path;

use huzhu_e2e::*;

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
    let receipt: String = rusqlite::Connection::open(&db).unwrap().query_row("SELECT receipt_no FROM receipt", [], |r| r.get(0)).unwrap();
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

    // Each tab shows what it is for. Dues: the demo village has no policy for this year yet.
    click(&c, "money-tab-dues").await;
    wait_for(&c, "dues-policy-form").await;
    wait_for(&c, "dues-no-policy").await;
    shot(&c, "money-dues").await;
    // Receipts: the one just issued, voided by the reversal.
    click(&c, "money-tab-receipts").await;
    let row = wait_for(&c, "receipt-row").await;
    assert_eq!(row.attr("data-receipt").await.unwrap().as_deref(), Some(receipt.as_str()), "the receipts tab lists the receipt issued above");
    assert!(text_when(&c, "receipt-voided", "录入错误").await.contains("录入错误"), "voided by the reversal, with its reason");
    shot(&c, "money-receipts").await;
    click(&c, "money-tab-donations").await;
    wait_for(&c, "donation-form").await;
    wait_for(&c, "donations-none").await;
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
