//! Importing the committee's roster (导入花名册): an xls, xlsx or CSV file typed by many hands
//! over years, read into the register.
//!
//! `headers` finds the header row under the title rows and knows the usual headings and their
//! synonyms; `cells` reads ID numbers, dates, phones and names in every form they are typed in;
//! `notes` reads the 备注 column (a death, with its date when given; 五保/低保/特困); `plan` is
//! the preview — each row with what importing will do (add, update a person matched by ID
//! number or by name and birth date, same, skip, error with its reason) — and `apply` carries the
//! plan out in one transaction, audited. Importing the same file twice adds no one: the second
//! time every row is "same".

mod apply;
mod cells;
mod files;
mod headers;
mod notes;
mod plan;

pub use apply::{import, RosterImported};
pub use files::{files_in, import_file, preview_file, read_file};
pub use plan::{plan, Plan, PlannedRow, RosterAction, RosterCounts, RosterLine, RosterPreview, RowMessage};
