//! What is wrong with a database file, in words a secretary can read: damaged pages, missing or
//! altered tables, indexes and triggers, ledger rows that no longer match their seal.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::chain::{self, Ledger};
use crate::i18n::Localizer;

/// A kind of object in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SchemaObject {
    Table,
    Index,
    Trigger,
    View,
}

impl SchemaObject {
    pub(super) fn from_type(t: &str) -> SchemaObject {
        match t {
            "index" => SchemaObject::Index,
            "trigger" => SchemaObject::Trigger,
            "view" => SchemaObject::View,
            _ => SchemaObject::Table,
        }
    }

    fn label_id(self) -> &'static str {
        match self {
            SchemaObject::Table => "store-object-table",
            SchemaObject::Index => "store-object-index",
            SchemaObject::Trigger => "store-object-trigger",
            SchemaObject::View => "store-object-view",
        }
    }
}

/// One thing found wrong with the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Problem {
    /// A line of SQLite's `quick_check` / `integrity_check`: a damaged page or index.
    Page { detail: String },
    /// A table, index or trigger the migrations make is not there.
    Missing { object: SchemaObject, name: String },
    /// It is there, but not as the migrations made it.
    Altered { object: SchemaObject, name: String },
    /// Something the migrations do not make (a trigger added by hand…).
    Unexpected { object: SchemaObject, name: String },
    /// Rows that point at rows that do not exist.
    ForeignKeys { count: usize },
    /// The first ledger row whose seal does not match (it, or one before it, was changed).
    Chain { ledger: Ledger, row: String },
    /// A check could not even be run; SQLite's words.
    Unreadable { detail: String },
}

impl Problem {
    /// The problem as one line in the reader's language, e.g. "trigger cash_entry_no_update is
    /// missing" / "触发器 cash_entry_no_update 缺失".
    pub fn localize(&self, l10n: &Localizer) -> String {
        let object = |o: &SchemaObject| l10n.t(o.label_id());
        match self {
            Problem::Page { detail } => l10n.format("store-problem-page", &[("detail", detail.clone())]),
            Problem::Missing { object: o, name } => {
                l10n.format("store-problem-missing", &[("object", object(o)), ("name", name.clone())])
            }
            Problem::Altered { object: o, name } => {
                l10n.format("store-problem-altered", &[("object", object(o)), ("name", name.clone())])
            }
            Problem::Unexpected { object: o, name } => {
                l10n.format("store-problem-unexpected", &[("object", object(o)), ("name", name.clone())])
            }
            Problem::ForeignKeys { count } => l10n.format("store-problem-foreign-keys", &[("count", count.to_string())]),
            Problem::Chain { ledger, row } => {
                let id = match ledger {
                    Ledger::Cash => "store-problem-chain-cash",
                    Ledger::Time => "store-problem-chain-time",
                    Ledger::Audit => "store-problem-chain-audit",
                };
                l10n.format(id, &[("row", row.clone())])
            }
            Problem::Unreadable { detail } => l10n.format("store-problem-unreadable", &[("detail", detail.clone())]),
        }
    }
}

/// Why a database was opened read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Damage {
    pub problems: Vec<Problem>,
}

impl Damage {
    /// One localised line per problem.
    pub fn lines(&self, l10n: &Localizer) -> Vec<String> {
        self.problems.iter().map(|p| p.localize(l10n)).collect()
    }
}

/// What the start-up checks found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", content = "damage", rename_all = "snake_case")]
#[ts(export)]
pub enum Health {
    Sound,
    /// Opened read-only: reads work, writes are refused.
    Damaged(Damage),
}

impl Health {
    pub fn is_sound(&self) -> bool {
        matches!(self, Health::Sound)
    }
}

/// What `huzhu check` reports.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub problems: Vec<Problem>,
    pub schema_version: i64,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Rows that point at rows that do not exist.
pub(super) fn foreign_keys(conn: &Connection) -> Vec<Problem> {
    let count = || -> rusqlite::Result<usize> {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        let mut n = 0;
        while rows.next()?.is_some() {
            n += 1;
        }
        Ok(n)
    };
    match count() {
        Ok(0) => Vec::new(),
        Ok(count) => vec![Problem::ForeignKeys { count }],
        Err(e) => vec![Problem::Unreadable { detail: e.to_string() }],
    }
}

/// SQLite's page check (`quick_check` or `integrity_check`), at most 20 findings.
pub(super) fn pages(conn: &Connection, pragma: &str) -> Vec<Problem> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(&format!("PRAGMA {pragma}(20)"))?;
        let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
        lines.collect()
    };
    match run() {
        Ok(lines) if lines == ["ok"] => Vec::new(),
        Ok(lines) => lines.into_iter().map(|detail| Problem::Page { detail }).collect(),
        Err(e) => vec![Problem::Page { detail: e.to_string() }],
    }
}

/// Each ledger's first broken row. A file from before the chains (version < 5) has none to check.
pub(super) fn chains(conn: &Connection) -> Vec<Problem> {
    let mut problems = Vec::new();
    for ledger in Ledger::ALL {
        let has_chain = conn
            .query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM pragma_table_info('{}') WHERE name = 'hash')", ledger.table()),
                [],
                |r| r.get::<_, bool>(0),
            )
            .unwrap_or(false);
        if !has_chain {
            continue;
        }
        match chain::verify(conn, ledger) {
            Ok(None) => {}
            Ok(Some(b)) => problems.push(Problem::Chain { ledger, row: b.row }),
            Err(e) => problems.push(Problem::Unreadable { detail: e.to_string() }),
        }
    }
    problems
}
