//! The audit trail (操作记录) as an XLSX file: one row per entry, all of it in words
//! (`audit_words`), the time in local time.

use rusqlite::Transaction;

use crate::audit::{Actor, AuditFilter};
use crate::audit_words;
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Printout;
use crate::sheets::{Cell, Column, SheetFormat, Table};

/// At most this many entries in one file (the newest).
pub const MAX_ROWS: usize = 20_000;

/// The file, and the export recorded in `tx` (an export is recorded as every export is; the
/// trail holds what people's records were, so reading it is the chair's and secretary's).
pub fn audit_trail(tx: &Transaction, actor: &Actor, filter: &AuditFilter, l10n: &Localizer, today: chrono::NaiveDate) -> Result<Printout> {
    let lines = audit_words::lines(tx, actor, filter, MAX_ROWS, l10n)?;
    crate::audit::record(tx, actor, "export", "export", "audit_trail", None::<&()>, Some(filter))?;
    let columns = vec![
        Column::new(l10n.t("audit-col-at"), 22.0),
        Column::new(l10n.t("audit-col-user"), 12.0),
        Column::new(l10n.t("audit-col-area"), 12.0),
        Column::new(l10n.t("audit-col-action"), 16.0),
        Column::new(l10n.t("audit-col-record"), 22.0),
        Column::new(l10n.t("audit-col-changes"), 80.0),
    ];
    let rows = lines
        .iter()
        .map(|e| {
            vec![
                Cell::text(&e.when),
                Cell::text(&e.actor),
                Cell::text(&e.area_words),
                Cell::text(&e.action),
                Cell::text(format!("{} {}", e.entity, e.entity_id)),
                Cell::text(audit_words::changes_text(e, "\n")),
            ]
        })
        .collect();
    let title = l10n.t("audit-title");
    let table = Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: None };
    let name = l10n.format("file-name-audit", &[("date", today.to_string())]);
    Ok(Printout::new(&name, table.render(SheetFormat::Xlsx)?, 0))
}
