//! The schema: the embedded migrations, and whether a file's schema is the one they make. Every
//! table, index, trigger and view is compared, by its `sql` in `sqlite_master`, with what the
//! migrations produce for the same version on an in-memory database (built once per process and
//! version). A dropped trigger is how a posted row gets edited; an altered table or an added
//! trigger changes what the rules enforce. All of them are reported, by name.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex};

use include_dir::{include_dir, Dir};
use rusqlite::{Connection, Transaction};
use rusqlite_migration::{Migrations, MigrationsBuilder};

use super::health::{Problem, SchemaObject};
use crate::chain;

static MIGRATIONS_DIR: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/db/migrations");

/// Migration 05 (safe keeping) seals the ledger rows written before it, in Rust.
const SAFE_KEEPING: usize = 5;

pub static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    // The directory is embedded at compile time and validated by a test, so this cannot fail
    // for a user.
    MigrationsBuilder::from_directory(&MIGRATIONS_DIR)
        .expect("embedded migrations are well-formed")
        .edit(SAFE_KEEPING, |m| m.set_up_hook(|tx: &Transaction| Ok(chain::seal_existing(tx)?)))
        .finalize()
});

/// The schema version this binary writes (the number of migrations).
pub fn schema_version() -> i64 {
    MIGRATIONS_DIR.dirs().count() as i64
}

/// (kind, name) → the SQL that made it.
type Schema = BTreeMap<(String, String), String>;

fn read(conn: &Connection) -> rusqlite::Result<Schema> {
    // SQLite's own objects (sqlite_sequence, sqlite_stat1, automatic indexes) are not ours.
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), normalise(&r.get::<_, String>(2)?))))?;
    rows.collect()
}

/// The SQL with each run of whitespace outside quotes made one space: SQLite keeps the text as
/// it was typed, and a trigger put back with other indentation is the same trigger. Anything
/// else (a changed condition, a word more or less) still differs.
fn normalise(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut space = false;
    for c in sql.trim().chars() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c.is_whitespace() => space = true,
            None => {
                if space {
                    out.push(' ');
                    space = false;
                }
                if matches!(c, '\'' | '"' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// The schema the migrations make up to `version`, built once per process and version.
fn reference(version: usize) -> Result<Arc<Schema>, String> {
    static CACHE: LazyLock<Mutex<HashMap<usize, Arc<Schema>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(s) = cache.get(&version) {
        return Ok(s.clone());
    }
    let mut conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    MIGRATIONS.to_version(&mut conn, version).map_err(|e| format!("embedded migrations: {e}"))?;
    let schema = Arc::new(read(&conn).map_err(|e| e.to_string())?);
    cache.insert(version, schema.clone());
    Ok(schema)
}

/// What differs between the file's schema and the migrations' at the file's version. A file
/// whose version the binary does not know was refused before this is called.
pub(super) fn compare(conn: &Connection) -> Vec<Problem> {
    match try_compare(conn) {
        Ok(p) => p,
        Err(detail) => vec![Problem::Unreadable { detail }],
    }
}

fn try_compare(conn: &Connection) -> Result<Vec<Problem>, String> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| e.to_string())?;
    let Ok(version) = usize::try_from(version) else {
        return Ok(vec![Problem::Unreadable { detail: format!("user_version {version}") }]);
    };
    let expected = reference(version)?;
    let found = read(conn).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for ((kind, name), sql) in expected.iter() {
        let object = SchemaObject::from_type(kind);
        match found.get(&(kind.clone(), name.clone())) {
            None => problems.push(Problem::Missing { object, name: name.clone() }),
            Some(s) if s != sql => problems.push(Problem::Altered { object, name: name.clone() }),
            Some(_) => {}
        }
    }
    for (kind, name) in found.keys() {
        if !expected.contains_key(&(kind.clone(), name.clone())) {
            problems.push(Problem::Unexpected { object: SchemaObject::from_type(kind), name: name.clone() });
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn whitespace_outside_quotes_does_not_count_but_words_and_quoted_text_do() {
        let a = "CREATE TRIGGER t BEFORE UPDATE ON x\nWHEN OLD.h IS NULL\nBEGIN\n    SELECT RAISE(ABORT, 'no  way');\nEND";
        let b = "CREATE TRIGGER t BEFORE UPDATE ON x\n         WHEN OLD.h IS NULL\n BEGIN SELECT RAISE(ABORT, 'no  way'); END";
        assert_eq!(normalise(a), normalise(b), "indentation is not a change");
        assert_ne!(normalise(a), normalise(&a.replace("'no  way'", "'no way'")), "text inside quotes is compared as written");
        assert_ne!(normalise(a), normalise(&a.replace("IS NULL", "IS NOT NULL")), "a changed condition differs");
    }
}
