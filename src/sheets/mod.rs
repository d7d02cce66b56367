//! Spreadsheets in and out. `table` writes a list (columns and rows) as XLSX or CSV, so each
//! list only declares its columns (see `exports`); `grid` reads someone else's xls, xlsx, ods or
//! CSV into plain values with the row numbers Excel shows (see `roster`, the committee's roster).

pub mod grid;
pub mod table;

pub use grid::{Book, Grid, Value};
pub use table::{Cell, Column, SheetFormat, Table};
