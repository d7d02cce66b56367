//! Shared fixtures for the integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use huzhu::audit::Actor;
use rusqlite::Connection;

/// A fresh database file with the real migrations, in a temp folder kept alive by the guard.
pub fn test_db() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = huzhu::db::open(&dir.path().join("test.sqlite3")).expect("open test db");
    (dir, conn)
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

pub fn actor() -> Actor {
    Actor::new("测试秘书")
}

pub fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}
