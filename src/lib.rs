//! Huzhu (互助): the core of the app for village elder associations. Every rule lives here and is
//! tested without the desktop shell; the shell and the CLI only call these functions.

pub mod access;
pub mod activities;
pub mod agenda;
pub mod association;
pub mod audit;
pub mod audit_words;
pub mod backup;
pub mod bindings;
pub mod calendar;
pub mod commendation;
pub mod chain;
pub mod db;
pub mod demo;
mod demo_year;
mod demo_activities;
pub mod error;
pub mod exports;
pub mod feedback;
pub mod i18n;
pub mod id_card;
pub mod input;
pub mod kernel;
pub mod mediation;
pub mod members;
pub mod money;
pub mod names;
pub mod output;
pub mod pdf;
pub mod reports;
pub mod requests;
pub mod rota;
pub mod roster;
pub mod sheets;
pub mod standards;
pub mod time_bank;
pub mod training;
pub mod viewer;
pub mod welfare;

pub use error::{Error, Result};

/// Today's date on this computer, for the edges (CLI, shell) to pass in; business logic never
/// reads the clock itself.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The time on this computer's clock, local, for the edges to pass to the backups (whose file
/// names and status line people read).
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}
