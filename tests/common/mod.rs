//! The one fixture module of the integration tests: one fixed "today", one actor, one way to make
//! a test database and to show that a refused write left nothing behind. Every test file starts
//! with `mod common;`.
//!
//! Paths into the core that are expected to move (e.g. `Month`, which is leaving `huzhu::money`)
//! are re-exported from here, so a moved path is fixed in one place.
#![allow(dead_code)]

pub mod backup;
pub mod money;
pub mod pdf;
pub mod rota;
pub mod time_bank;
pub mod welfare;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use huzhu::association::{self, Association};
use huzhu::audit::Actor;
use huzhu::members::{self, MemberNo, Person, PersonInput};
use rusqlite::{Connection, Transaction};

#[allow(unused_imports)] // not every test file names a month
pub use huzhu::kernel::Month;

/// The date every test runs on. A Sunday near the end of November 2026: the months before it
/// are past (shifts there can be recorded done), December is still ahead, and the year is
/// not over (a month in it can be open).
pub fn today() -> NaiveDate {
    day("2026-11-29")
}

/// A date written YYYY-MM-DD.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("test date {s:?} must be YYYY-MM-DD"))
}

/// A month written YYYY-MM.
pub fn month(s: &str) -> Month {
    Month::parse("month", s).unwrap_or_else(|_| panic!("test month {s:?} must be YYYY-MM"))
}

/// Who every write in the tests is done by (the audit log names them).
pub const ACTOR: &str = "测试秘书";

pub fn actor() -> Actor {
    Actor::new(ACTOR)
}

/// The association the printed documents name.
pub const ASSOCIATION: &str = "东风村老年协会";

/// A fresh database file with the real migrations, in a temp folder kept alive by the guard.
pub fn test_db() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = huzhu::db::create(&db_path(&dir)).expect("create the test db").conn;
    (dir, conn)
}

/// An in-memory database with the real migrations, for property tests that make hundreds of
/// databases (a file's synchronous commits would dominate their run).
pub fn memory_db() -> Connection {
    huzhu::db::open_in_memory().expect("open an in-memory test db")
}

/// The file `test_db` made in its folder (to open a second connection on it).
pub fn db_path(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("test.sqlite3")
}

/// `test_db` with the association's details saved, as everything that prints needs.
pub fn test_db_with_association() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = test_db();
    set_association(&mut conn, ASSOCIATION);
    (dir, conn)
}

pub fn set_association(conn: &mut Connection, name: &str) {
    write(conn, |tx| association::save(tx, &actor(), &Association { name: name.into(), secretary: "李会计".into(), ..Default::default() }))
        .expect("save the association");
}

/// Runs `f` in one transaction, committing only on success, as the CLI and the shell do
/// (`db::write`: it begins IMMEDIATE).
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> huzhu::Result<T>) -> huzhu::Result<T> {
    huzhu::db::write(conn, f)
}

/// Runs a write that must be refused: checks that it was, and that it changed nothing at all
/// (its transaction is dropped, as the CLI and the shell drop it); returns the error.
pub fn refused<T: fmt::Debug>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> huzhu::Result<T>) -> huzhu::Error {
    let before = snapshot(conn);
    match write(conn, f) {
        Ok(v) => panic!("the write must be refused, but it went through: {v:?}"),
        Err(e) => {
            assert_eq!(snapshot(conn), before, "a refused write must change nothing ({e:?})");
            e
        }
    }
}

/// Adds a person to the register on `today()`.
pub fn add_person(conn: &mut Connection, input: &PersonInput) -> huzhu::Result<Person> {
    write(conn, |tx| members::add(tx, &actor(), input, today()))
}

/// Adds a member with nothing but a name; returns the register number.
pub fn add_member(conn: &mut Connection, name: &str) -> MemberNo {
    add_person(conn, &PersonInput::member(name)).expect("add a member").member_no
}

pub fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).expect("count rows")
}

/// Every row of every table, to show that a refused write changed nothing: not a row added,
/// removed or edited anywhere (the audit log included). Kept as a row count and a digest of the
/// rows' contents per table, cheap enough to take before every step of a property test.
#[derive(PartialEq, Eq)]
pub struct Snapshot(BTreeMap<String, (i64, u64)>);

pub fn snapshot(conn: &Connection) -> Snapshot {
    use std::hash::{Hash, Hasher};
    let sql = snapshot_sql(conn);
    let mut stmt = conn.prepare_cached(&sql).expect("read every table");
    let all = stmt
        .query_map([], |r| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            r.get_ref(2)?.as_bytes().unwrap_or_default().hash(&mut h);
            Ok((r.get::<_, String>(0)?, (r.get::<_, i64>(1)?, h.finish())))
        })
        .and_then(|rows| rows.collect())
        .expect("read every table");
    Snapshot(all)
}

/// One query that reads every table: per table its name, its row count and all its cells quoted
/// into one text (SQLite's quote() tells NULL, numbers, text and blobs apart). Built once per
/// schema (every test database has the same migrations) and kept for the thread.
fn snapshot_sql(conn: &Connection) -> String {
    thread_local! {
        static SQL: std::cell::RefCell<Option<(i64, String)>> = const { std::cell::RefCell::new(None) };
    }
    let version: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0)).expect("read the schema version");
    SQL.with(|cached| {
        if let Some((v, sql)) = &*cached.borrow() {
            if *v == version {
                return sql.clone();
            }
        }
        let tables: Vec<(String, String)> = conn
            .prepare(
                "SELECT m.name, group_concat('quote(\"' || p.name || '\")', ' || '','' || ')
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' GROUP BY m.name ORDER BY m.name",
            )
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .expect("list tables and columns");
        let sql = tables
            .iter()
            .map(|(t, cells)| format!("SELECT '{t}', count(*), coalesce(group_concat({cells}, char(10)), '') FROM \"{t}\""))
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        *cached.borrow_mut() = Some((version, sql.clone()));
        sql
    })
}

/// Row counts and the digest per table: enough to see which table changed when two differ.
impl fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (t, (n, digest)) in &self.0 {
            m.entry(t, &format_args!("{n} rows #{digest:016x}"));
        }
        m.finish()
    }
}

/// The arguments of every `audit::record(` call in the core (src/) and the shell
/// (src-tauri/src/), split at their top-level commas, with the file they are in (relative to
/// the repository): for the checks that every entity is in the permission table and every
/// action and entity has words.
pub fn audit_record_calls() -> Vec<(String, Vec<String>)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    walk(&root.join("src-tauri/src"), &mut files);
    let mut calls = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.strip_prefix(root).unwrap().display().to_string();
        for (i, _) in text.match_indices("audit::record(") {
            let (mut depth, mut args, mut cur) = (0i32, Vec::new(), String::new());
            for c in text[i + "audit::record(".len()..].chars() {
                match c {
                    '(' | '{' | '[' | '<' => depth += 1,
                    ')' | '}' | ']' | '>' if depth == 0 => break,
                    ')' | '}' | ']' | '>' => depth -= 1,
                    ',' if depth == 0 => {
                        args.push(std::mem::take(&mut cur).trim().to_string());
                        continue;
                    }
                    _ => {}
                }
                cur.push(c);
            }
            if args.len() >= 4 {
                calls.push((name.clone(), args));
            }
        }
    }
    calls
}
