//! The audit trail (操作记录) as an XLSX file: one row per entry, what changed in words.

use rusqlite::Connection;

use crate::audit::{self, Actor, AuditFilter};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Printout;
use crate::sheets::{Cell, Column, SheetFormat, Table};

/// At most this many entries in one file (the newest).
pub const MAX_ROWS: usize = 20_000;

pub fn audit_trail(conn: &Connection, actor: &Actor, filter: &AuditFilter, l10n: &Localizer, today: chrono::NaiveDate) -> Result<Printout> {
    let entries = audit::list(conn, actor, filter, MAX_ROWS)?;
    let columns = vec![
        Column::new(l10n.t("audit-col-at"), 22.0),
        Column::new(l10n.t("audit-col-user"), 12.0),
        Column::new(l10n.t("audit-col-area"), 12.0),
        Column::new(l10n.t("audit-col-action"), 16.0),
        Column::new(l10n.t("audit-col-record"), 22.0),
        Column::new(l10n.t("audit-col-changes"), 80.0),
    ];
    let rows = entries
        .iter()
        .map(|e| {
            let changes = e.changes.iter().map(|c| format!("{}: {} → {}", c.field, c.before, c.after)).collect::<Vec<_>>().join("\n");
            vec![
                Cell::text(&e.at),
                Cell::text(&e.actor),
                Cell::text(e.area.map(|a| l10n.t(a.label_id())).unwrap_or_default()),
                Cell::text(&e.action),
                Cell::text(format!("{} {}", e.entity, e.entity_id)),
                Cell::text(changes),
            ]
        })
        .collect();
    let title = l10n.t("audit-title");
    let table = Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: None };
    let name = l10n.format("file-name-audit", &[("date", today.to_string())]);
    Ok(Printout::new(&name, table.render(SheetFormat::Xlsx)?, 0))
}
