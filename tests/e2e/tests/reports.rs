//! The 报表 area through the window: the work report and the finance notice printed from the
//! sample village, and a bad period refused beside its field.

use std::path::Path;
use std::process::Command;

use huzhu_e2e::*;

/// The text of a written PDF, without whitespace (pdftotext spaces CJK text as it likes).
fn pdf_text(path: &str) -> String {
    let out = Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "pdftotext reads {path}");
    String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_work_report_and_the_finance_notice_are_printed_from_the_reports_area() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.sqlite3");
    let _driver = start_driver(&db, "zh-CN");
    let c = connect().await;

    click(&c, "setup-demo").await;
    click(&c, "nav-reports").await;
    wait_for(&c, "work-report-form").await;
    shot(&c, "reports-work").await;

    // A month that does not exist is refused beside the period.
    click(&c, "work-report-period-month").await;
    type_into(&c, "work-report-period-text", "2026-13").await;
    click(&c, "work-report-pdf").await;
    let err = wait_for(&c, "error-period").await.text().await.unwrap();
    assert!(err.contains("2026-13"), "the message names the month typed: {err}");

    // The year's report with the secretary's notes.
    click(&c, "work-report-period-year").await;
    type_into(&c, "work-report-period-text", "2026").await;
    type_into(&c, "work-report-notes", "本年度开展重阳节敬老活动。").await;
    click(&c, "work-report-pdf").await;
    let path = wait_for(&c, "work-report-file-path").await.text().await.unwrap();
    assert!(path.ends_with("工作报告-2026.pdf") && Path::new(&path).exists(), "the report is written where it says: {path}");
    let text = pdf_text(&path);
    for must in ["2026年度工作报告", "一、会员情况", "四、财务收支", "本年度开展重阳节敬老活动。"] {
        assert!(text.contains(must), "the printed report shows {must}");
    }
    shot(&c, "reports-work-written").await;
    click(&c, "work-report-xlsx").await;
    let xlsx = text_when(&c, "work-report-file-path", ".xlsx").await;
    assert!(Path::new(&xlsx).exists(), "the workbook is written too: {xlsx}");

    // The finance notice for a quarter, on A3.
    click(&c, "reports-tab-notice").await;
    click(&c, "notice-period-quarter").await;
    type_into(&c, "notice-period-text", "2026-3").await;
    click(&c, "notice-a3").await;
    click(&c, "notice-pdf").await;
    let path = wait_for(&c, "notice-file-path").await.text().await.unwrap();
    assert!(path.ends_with("收支公示-2026-Q3.pdf") && Path::new(&path).exists(), "the notice is written: {path}");
    let text = pdf_text(&path);
    for must in ["财务收支公示", "2026年第3季度", "上期结余", "本期结余（大写）", "会长：", "监督："] {
        assert!(text.contains(must), "the notice shows {must}");
    }
    shot(&c, "reports-notice-written").await;

    click(&c, "reports-tab-elders").await;
    click(&c, "elders-pdf").await;
    let path = wait_for(&c, "elders-file-path").await.text().await.unwrap();
    assert!(pdf_text(&path).contains("高龄老人名单"), "the list of the very old is written: {path}");
    shot(&c, "reports-elders-written").await;
    c.close().await.unwrap();
}
