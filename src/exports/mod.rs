//! Every list exports (导出): the register with its filters, dues owed, a month's rota, the
//! time-bank balances, the donations and the welfare payments, each as XLSX or CSV. Each list's file here only says
//! which columns it has and what goes in them; `sheets::Table` writes the file.
//!
//! ID numbers and phone numbers are masked unless the full numbers are asked for (DESIGN.md,
//! privacy): a list handed to the village committee often travels further than the secretary
//! means it to.

mod arrears;
mod audit_trail;
mod donations;
mod mask;
mod register;
mod rota;
mod time;
mod welfare;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::{Month, Printout};
use crate::members::PersonFilter;
use crate::money::donations::HonourFilter;
use crate::sheets::{SheetFormat, Table};
use crate::welfare::WelfareFilter;

pub use audit_trail::audit_trail;
use mask::Mask;

/// Which list, with the filters of its screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "list")]
#[ts(export)]
pub enum ListExport {
    /// The register (会员花名册) as its screen shows it, with its search and filters.
    Members { filter: PersonFilter },
    /// Dues owed for a year (会费欠缴名单).
    Arrears { year: i32 },
    /// A month's rota (值班表).
    Rota { month: Month },
    /// Every time-bank account's balance (时间储蓄余额表) and the pool.
    Time,
    /// Donations (捐款明细), in a period and for a purpose when given.
    Donations { filter: HonourFilter },
    /// Welfare payments (慰问发放明细), by year, kind and member when given.
    Welfare { filter: WelfareFilter },
}

/// What to export and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub list: ListExport,
    pub format: SheetFormat,
    /// Whole ID and phone numbers instead of masked ones.
    pub full_numbers: bool,
}

/// An exported list: the file's bytes and the name it is offered under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub name: String,
    pub bytes: Vec<u8>,
    pub rows: usize,
}

impl Exported {
    /// The file as the app saves and opens it.
    pub fn printout(self) -> Printout {
        Printout::new(&self.name, self.bytes, 0)
    }
}

/// Records an export in the audit log before it is made. Whole ID and phone numbers are a
/// sensitive read (chair or secretary: the permission table refuses anyone else).
pub fn record(tx: &rusqlite::Transaction, actor: &crate::audit::Actor, req: &ExportRequest) -> Result<()> {
    let list = match &req.list {
        ListExport::Members { .. } => "members",
        ListExport::Arrears { .. } => "arrears",
        ListExport::Rota { .. } => "rota",
        ListExport::Time => "time",
        ListExport::Donations { .. } => "donations",
        ListExport::Welfare { .. } => "welfare",
    };
    let action = if req.full_numbers { "export_full" } else { "export" };
    crate::audit::record(tx, actor, action, "export", list, None::<&()>, Some(req))
}

/// Makes the list and writes it in the format asked for.
pub fn export(conn: &Connection, req: &ExportRequest, l10n: &Localizer, today: NaiveDate) -> Result<Exported> {
    let mask = Mask { full: req.full_numbers };
    let (table, name) = match &req.list {
        ListExport::Members { filter } => register::table(conn, filter, mask, l10n, today)?,
        ListExport::Arrears { year } => arrears::table(conn, *year, l10n)?,
        ListExport::Rota { month } => rota::table(conn, *month, mask, l10n)?,
        ListExport::Time => time::table(conn, l10n)?,
        ListExport::Donations { filter } => donations::table(conn, filter, l10n)?,
        ListExport::Welfare { filter } => welfare::table(conn, filter, l10n)?,
    };
    let assoc = crate::association::get(conn)?.map(|a| a.name).unwrap_or_default();
    let table = Table {
        title: l10n.format("export-title-line", &[("association", assoc), ("title", table.title), ("date", today.to_string())]),
        ..table
    };
    let ext = req.format.extension();
    Ok(Exported {
        name: l10n.format("file-name-export", &[("list", name), ("date", today.to_string()), ("ext", ext.to_string())]),
        rows: table.rows.len(),
        bytes: table.render(req.format)?,
    })
}
