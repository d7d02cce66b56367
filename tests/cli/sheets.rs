//! `huzhu export …` and `huzhu import members …` from the command line: files written, the
//! JSON rows of an import, nothing written without --yes, refusals with exit code 1.

use super::{db_snapshot, huzhu, initialised, ok, refused, stderr};

const ROSTER: &str = "东风村老年人花名册,,,\n姓名,性别,身份证号码,备注\n张秀英,女,11010519491231002x,\n李明,男,1.10105E+17,\n陈阿婆,女,,五保户\n合计,,,3人\n";

#[test]
fn import_previews_without_yes_prints_json_rows_and_writes_only_with_yes() {
    let (dir, db) = initialised();
    let file = dir.path().join("花名册.csv");
    std::fs::write(&file, ROSTER).unwrap();
    let f = file.to_str().unwrap();
    let before = db_snapshot(&db);
    let out = ok(&db, &["import", "members", f, "--json"]);
    assert_eq!(db_snapshot(&db), before, "import without --yes writes nothing");
    let v: serde_json::Value = serde_json::from_str(&out).expect("--json prints JSON");
    let rows = v["rows"].as_array().expect("{\"rows\": [...]}");
    let brief: Vec<(u64, &str, &str)> = rows.iter().map(|r| (r["row"].as_u64().unwrap(), r["name"].as_str().unwrap(), r["action"].as_str().unwrap())).collect();
    assert_eq!(brief, [(3, "张秀英", "add"), (4, "李明", "error"), (5, "陈阿婆", "add"), (6, "合计", "skip")], "rows numbered as the sheet shows them");
    assert!(rows[1]["message"].as_str().unwrap().contains("文本"), "the reason says how to fix it: {}", rows[1]["message"]);

    let o = huzhu(&db, &["import", "members", f, "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let people = ok(&db, &["member", "list", "--json"]);
    let people: serde_json::Value = serde_json::from_str(&people).unwrap();
    assert_eq!(people.as_array().unwrap().len(), 2, "the two good rows are imported, the refused one is not");
    let o = huzhu(&db, &["--lang", "en-US", "import", "members", f, "--yes"]);
    assert!(stderr(&o).contains("0 added"), "importing the same file twice adds no one: {}", stderr(&o));
}

#[test]
fn import_of_a_missing_or_unreadable_file_is_refused() {
    let (dir, db) = initialised();
    refused(&db, &["import", "members", dir.path().join("none.xlsx").to_str().unwrap()]);
    let junk = dir.path().join("junk.xlsx");
    std::fs::write(&junk, b"PK\x03\x04junk").unwrap();
    let msg = refused(&db, &["import", "members", junk.to_str().unwrap(), "--yes"]);
    assert!(msg.contains("读不出"), "{msg}");
}

#[test]
fn every_list_exports_to_xlsx_and_csv() {
    let (dir, db) = initialised();
    ok(&db, &["member", "add", "--name", "张秀英", "--id-card", "11010519491231002X", "--phone", "13812345678"]);
    ok(&db, &["dues", "policy", "--year", "2026", "--amount", "20"]);
    for (args, name) in [
        (vec!["export", "members", "--group", "1组"], "members"),
        (vec!["export", "members"], "members-all"),
        (vec!["export", "arrears", "--year", "2026"], "arrears"),
        (vec!["export", "rota", "--month", "2026-11"], "rota"),
        (vec!["export", "time"], "time"),
        (vec!["export", "donations", "--from", "2026-01-01"], "donations"),
    ] {
        for ext in ["xlsx", "csv"] {
            let out = dir.path().join(format!("{name}.{ext}"));
            let mut a = args.clone();
            a.extend(["--out", out.to_str().unwrap()]);
            ok(&db, &a);
            let bytes = std::fs::read(&out).unwrap_or_else(|_| panic!("{a:?} writes its file"));
            match ext {
                "csv" => assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "{a:?}: CSV with a BOM"),
                _ => assert_eq!(&bytes[..2], b"PK", "{a:?}: an XLSX"),
            }
        }
    }
    let csv = String::from_utf8(std::fs::read(dir.path().join("members-all.csv")).unwrap()).unwrap();
    assert!(csv.contains("110105********002X") && !csv.contains("11010519491231002X"), "masked by default: {csv}");
    let full = dir.path().join("full.csv");
    ok(&db, &["export", "members", "--full-id", "--out", full.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&full).unwrap().contains("11010519491231002X"), "--full-id gives the whole number");
}

#[test]
fn an_export_to_a_file_that_is_not_xlsx_or_csv_is_refused() {
    let (dir, db) = initialised();
    let msg = refused(&db, &["export", "time", "--out", dir.path().join("t.pdf").to_str().unwrap()]);
    assert!(msg.contains(".xlsx"), "{msg}");
    let msg = refused(&db, &["export", "rota", "--month", "2026-13", "--out", dir.path().join("t.csv").to_str().unwrap()]);
    assert!(msg.contains("2026-13"), "{msg}");
    assert!(!dir.path().join("t.csv").exists(), "nothing is written for a refused export");
}
