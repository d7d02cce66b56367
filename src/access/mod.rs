//! People and access (issue 12): the users who sign in (`users`), the second person on a large
//! payment (`approval`), the recovery codes (`recovery`) and the association's access settings
//! (`settings`). What each role may do is the permission table in `audit::permissions`, checked
//! by `audit::record` on every write: it lives beside the audit log because the log is the one
//! place every write passes, and `access` writes audit rows itself (the other way round would be
//! a cycle).

pub mod approval;
pub mod recovery;
pub mod settings;
pub mod users;

pub use settings::{AccessSettings, AccessSettingsInput};
pub use users::{User, UserInput};
