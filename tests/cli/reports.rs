//! `huzhu report | notice | elders`: the reports to the village committee and the wall.

use super::{huzhu, initialised, ok, refused, stderr};
use crate::common::pdf::{pdf_text, squash};

/// A database with a few people and entries in 2026.
fn village() -> (tempfile::TempDir, std::path::PathBuf) {
    let (d, db) = initialised();
    ok(&db, &["member", "add", "--name", "林阿婆", "--gender", "女", "--birth", "1931-02-10", "--group", "二组", "--living", "独居", "--joined", "2020-01-01"]);
    ok(&db, &["member", "add", "--name", "陈水生", "--gender", "男", "--birth", "1946-06-01", "--id-card", "350521194606010017", "--phone", "13900001234", "--joined", "2020-01-01"]);
    ok(&db, &["member", "add", "--name", "王小明", "--birth", "1990-01-01", "--joined", "2026-02-01"]);
    ok(&db, &["cash", "add", "--kind", "income", "--category", "村委会拨款", "--amount", "5000", "--date", "2026-01-05"]);
    ok(&db, &["cash", "add", "--kind", "expense", "--category", "慰问金", "--amount", "1234.50", "--date", "2026-03-12"]);
    (d, db)
}

fn path(d: &tempfile::TempDir, name: &str) -> String {
    d.path().join(name).to_str().expect("a UTF-8 path").to_string()
}

#[test]
fn report_writes_the_work_report_as_pdf_or_xlsx_with_the_notes() {
    let (d, db) = village();
    let pdf = path(&d, "r.pdf");
    let o = huzhu(&db, &["report", "--year", "2026", "--out", &pdf, "--notes", "今年新建了老年活动中心。"]);
    assert!(o.status.success() && stderr(&o).contains("已生成"), "report says it wrote the file: {}", stderr(&o));
    let (text, _) = pdf_text(&std::fs::read(&pdf).expect("the report file exists"));
    let flat = squash(&text);
    for must in ["2026年度工作报告", "一、会员情况", "期末余额", "3,765.50", "今年新建了老年活动中心。"] {
        assert!(flat.contains(must), "the report shows {must}: {text}");
    }
    let xlsx = path(&d, "r.xlsx");
    ok(&db, &["report", "--month", "2026-03", "--out", &xlsx]);
    assert!(std::fs::read(&xlsx).expect("the workbook exists").starts_with(b"PK"), "the .xlsx is a workbook");
    ok(&db, &["report", "--quarter", "2026-Q1", "--out", &path(&d, "q.pdf")]);

    let msg = refused(&db, &["report", "--year", "2026", "--out", &path(&d, "r.txt")]);
    assert!(msg.contains(".pdf") && msg.contains(".xlsx"), "the report is PDF or XLSX only: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "report", "--out", &pdf]);
    assert!(msg.contains("--month") && msg.contains("--quarter") && msg.contains("--year"), "a period is required, in English too: {msg}");
    let msg = refused(&db, &["report", "--month", "2026-13", "--out", &pdf]);
    assert!(msg.contains("2026-13"), "a bad month is named: {msg}");
    let both = huzhu(&db, &["report", "--month", "2026-03", "--year", "2026", "--out", &pdf]);
    assert_eq!(both.status.code(), Some(2), "two periods at once are a usage error: {}", stderr(&both));
}

#[test]
fn notice_writes_one_page_for_a_month_quarter_or_year() {
    let (d, db) = village();
    let pdf = path(&d, "n.pdf");
    ok(&db, &["notice", "--quarter", "2026-1", "--out", &pdf]);
    let (text, pages) = pdf_text(&std::fs::read(&pdf).expect("the notice exists"));
    assert_eq!(pages, 1, "the notice is one page");
    let flat = squash(&text);
    for must in ["财务收支公示", "2026年第1季度", "本期收入", "5,000.00", "本期结余（大写）：叁仟柒佰陆拾伍元伍角整", "会长：", "监督："] {
        assert!(flat.contains(must), "the notice shows {must}: {text}");
    }
    // The file written above stays unless --force (every --out goes through output::write).
    let msg = refused(&db, &["notice", "--month", "2026-03", "--out", &pdf, "--a3"]);
    assert!(msg.contains("--force"), "an existing notice is not written over without --force: {msg}");
    ok(&db, &["notice", "--month", "2026-03", "--out", &pdf, "--a3", "--force"]);
    ok(&db, &["--lang", "en-US", "notice", "--year", "2026", "--out", &pdf, "--force"]);
    let (en, _) = pdf_text(&std::fs::read(&pdf).expect("the notice exists"));
    assert!(en.contains("Balance carried forward"), "the English notice: {en}");
    let msg = refused(&db, &["notice", "--year", "2026", "--out", &path(&d, "n.xlsx")]);
    assert!(msg.contains(".pdf"), "the notice is a PDF only: {msg}");
    let msg = refused(&db, &["notice", "--quarter", "2026-5", "--out", &pdf]);
    assert!(msg.contains("2026-5"), "a bad quarter is named: {msg}");
}

#[test]
fn elders_lists_the_very_old_with_ids_masked_unless_asked() {
    let (d, db) = village();
    let pdf = path(&d, "e.pdf");
    ok(&db, &["elders", "--age", "80", "--as-of", "2026-11-29", "--since", "2026-01-01", "--out", &pdf]);
    let (text, _) = pdf_text(&std::fs::read(&pdf).expect("the list exists"));
    let flat = squash(&text);
    assert!(flat.contains("林阿婆") && flat.contains("陈水生") && !flat.contains("王小明"), "80 and over only: {text}");
    assert!(flat.contains("350521********0017") && !flat.contains("350521194606010017"), "the ID is masked: {text}");
    assert!(flat.contains("139****1234"), "the phone is masked: {text}");
    assert!(flat.contains("新满80周岁：1人") && flat.contains("陈水生（2026-06-01）"), "the change since January: {text}");
    ok(&db, &["elders", "--as-of", "2026-11-29", "--out", &pdf, "--full-id", "--force"]);
    let (text, _) = pdf_text(&std::fs::read(&pdf).expect("the list exists"));
    assert!(squash(&text).contains("350521194606010017"), "--full-id prints the number: {text}");
    let xlsx = path(&d, "e.xlsx");
    ok(&db, &["elders", "--age", "90", "--as-of", "2026-11-29", "--out", &xlsx]);
    assert!(std::fs::read(&xlsx).expect("the workbook exists").starts_with(b"PK"));
    let msg = refused(&db, &["elders", "--age", "abc", "--out", &pdf]);
    assert!(msg.contains("abc"), "a bad age is named: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "elders", "--as-of", "2026-01-01", "--since", "2026-02-01", "--out", &pdf]);
    assert!(msg.contains("earlier date"), "since must come first: {msg}");
}
