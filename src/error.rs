//! The one error type of the core. Every variant names a Fluent message id (locales/*/errors.ftl)
//! and its arguments, so the UI and the CLI show a sentence in the user's language and never
//! parse English. `code()` is the stable machine-readable kind the UI can branch on.

use std::fmt;

use serde::Serialize;

use crate::i18n::Localizer;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Arguments of a localised message, in order. Values are already formatted for display.
pub type Args = Vec<(&'static str, String)>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user gave something the rules refuse. `field` names the form field it belongs to
    /// (so the UI can show it beside that field), `id` the message.
    #[error("invalid {field}: {id} {args:?}")]
    Invalid { field: &'static str, id: &'static str, args: Args },

    #[error("not found: {id} {args:?}")]
    NotFound { id: &'static str, args: Args },

    /// A rule about the state of the data, not the shape of the input (a closed month, a
    /// duplicate ID number, an already reversed entry…).
    #[error("conflict: {id} {args:?}")]
    Conflict { id: &'static str, args: Args },

    /// The acting user's role may not do this, or must wait before trying a PIN again
    /// (src/access). Nothing was changed.
    #[error("refused: {id} {args:?}")]
    Refused { id: &'static str, args: Args },

    #[error("database version {found} is newer than this program knows ({known})")]
    DbTooNew { found: i64, known: i64 },

    /// The database file is not there. Only `db::create` makes one, so a mistyped path never
    /// starts a new, empty register.
    #[error("no database file at {path}")]
    DbMissing { path: String },

    /// The file is not an SQLite database (or its first page is destroyed).
    #[error("{path} is not a database")]
    NotADatabase { path: String },

    /// A write to a database the start-up checks found damaged (it was opened read-only).
    /// `problems` are the checks' findings, already in the reader's language (may be empty).
    #[error("database damaged: {problems:?}")]
    DbDamaged { problems: Vec<String> },

    #[error("storage: {0}")]
    Storage(rusqlite::Error),

    /// A value read back from the database that the program cannot understand (a list of
    /// weekdays, a time of day, a choice's code…): the file was changed outside the app or is
    /// damaged. Never replaced by a default, which would quietly change what the records say.
    #[error("stored {what} unreadable: {value:?}")]
    Corrupt { what: &'static str, value: String },

    /// Turning a value into JSON (the audit log, the CLI's --json) or back failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),

    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn invalid(field: &'static str, id: &'static str) -> Self {
        Error::Invalid { field, id, args: Vec::new() }
    }

    pub fn invalid_with(field: &'static str, id: &'static str, args: Args) -> Self {
        Error::Invalid { field, id, args }
    }

    pub fn not_found(id: &'static str, key: impl fmt::Display) -> Self {
        Error::NotFound { id, args: vec![("key", key.to_string())] }
    }

    pub fn conflict(id: &'static str, args: Args) -> Self {
        Error::Conflict { id, args }
    }

    pub fn refused(id: &'static str, args: Args) -> Self {
        Error::Refused { id, args }
    }

    /// Stable, machine-readable kind for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::Refused { .. } => "refused",
            Error::DbTooNew { .. } => "db_too_new",
            Error::DbMissing { .. } => "db_missing",
            Error::NotADatabase { .. } => "not_a_database",
            Error::DbDamaged { .. } => "db_damaged",
            Error::Storage(_) | Error::Migration(_) => "storage",
            Error::Corrupt { .. } => "corrupt",
            Error::Json(_) => "json",
            Error::Io(_) => "io",
        }
    }

    /// The form field an invalid input belongs to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn message_id(&self) -> &'static str {
        match self {
            Error::Invalid { id, .. } | Error::NotFound { id, .. } | Error::Conflict { id, .. } | Error::Refused { id, .. } => id,
            Error::DbTooNew { .. } => "error-db-too-new",
            Error::DbMissing { .. } => "error-db-missing",
            Error::NotADatabase { .. } => "error-db-not-a-database",
            Error::DbDamaged { problems } if problems.is_empty() => "error-db-read-only",
            Error::DbDamaged { .. } => "error-db-damaged",
            Error::Storage(_) | Error::Migration(_) => "error-storage",
            Error::Corrupt { .. } => "error-stored-unreadable",
            Error::Json(_) => "error-json",
            Error::Io(_) => "error-io",
        }
    }

    pub fn args(&self) -> Args {
        match self {
            Error::Invalid { args, .. } | Error::NotFound { args, .. } | Error::Conflict { args, .. } | Error::Refused { args, .. } => {
                args.clone()
            }
            Error::DbTooNew { found, known } => {
                vec![("found", found.to_string()), ("known", known.to_string())]
            }
            Error::DbMissing { path } | Error::NotADatabase { path } => vec![("path", path.clone())],
            Error::DbDamaged { problems } => {
                vec![("problems", problems.iter().map(|p| format!("\n  - {p}")).collect::<String>())]
            }
            Error::Storage(e) => vec![("detail", e.to_string())],
            Error::Corrupt { what, value } => vec![("what", what.to_string()), ("value", value.clone())],
            Error::Json(e) => vec![("detail", e.to_string())],
            Error::Migration(e) => vec![("detail", e.to_string())],
            Error::Io(e) => vec![("detail", e.to_string())],
        }
    }

    /// The sentence a person reads, in the localizer's language.
    pub fn localize(&self, l10n: &Localizer) -> String {
        l10n.format(self.message_id(), &self.args())
    }

    pub fn to_report(&self, l10n: &Localizer) -> ErrorReport {
        ErrorReport {
            code: self.code().to_string(),
            message: self.localize(l10n),
            field: self.field().map(str::to_string),
        }
    }
}

/// A database error, unless it carries a stored value the core could not read (see
/// `Unreadable`), which is `Error::Corrupt`.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e {
            if let Some(u) = inner.downcast_ref::<Unreadable>() {
                return Error::Corrupt { what: u.what, value: u.value.clone() };
            }
        }
        Error::Storage(e)
    }
}

/// A stored value the core cannot read back: what it is (table.column, or the kind of value)
/// and the text found. It travels through rusqlite's row reading (`sql`, `at`) and becomes
/// `Error::Corrupt` when it reaches the core's error type.
#[derive(Debug, thiserror::Error)]
#[error("stored {what} unreadable: {value:?}")]
pub struct Unreadable {
    pub what: &'static str,
    pub value: String,
}

impl Unreadable {
    pub fn new(what: &'static str, value: impl Into<String>) -> Unreadable {
        Unreadable { what, value: value.into() }
    }

    /// As the error of a `FromSql` implementation.
    pub fn sql(self) -> rusqlite::types::FromSqlError {
        rusqlite::types::FromSqlError::Other(Box::new(self))
    }

    /// As the error of a row-reading closure, for column `col`.
    pub fn at(self, col: usize) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(self))
    }
}

impl From<Unreadable> for Error {
    fn from(u: Unreadable) -> Error {
        Error::Corrupt { what: u.what, value: u.value }
    }
}

/// What the shell sends to the UI for a failed command.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ErrorReport {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_value_that_does_not_read_back_is_corrupt_and_other_database_errors_are_storage() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let e: Error = conn.query_row("SELECT 'nonbinary'", [], |r| r.get::<_, crate::kernel::Gender>(0)).unwrap_err().into();
        assert_eq!((e.code(), e.message_id()), ("corrupt", "error-stored-unreadable"), "a choice's unknown code is damaged data");
        assert_eq!(e.args(), vec![("what", "Gender".to_string()), ("value", "nonbinary".to_string())]);
        let e: Error = conn.query_row("SELECT * FROM no_such_table", [], |r| r.get::<_, i64>(0)).unwrap_err().into();
        assert_eq!(e.code(), "storage");
    }

    #[test]
    fn json_failures_are_not_file_errors() {
        let e: Error = serde_json::from_str::<u32>("x").unwrap_err().into();
        assert_eq!((e.code(), e.message_id()), ("json", "error-json"));
    }
}
