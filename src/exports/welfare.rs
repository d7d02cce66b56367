//! Welfare payments (慰问发放明细): every payment the filter selects, newest first as the screen
//! lists them, with the total of those still standing. A reversed payment stays on the list, marked
//! with its reversal, because the cash book shows both lines; it is left out of the total.

use rusqlite::Connection;

use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Fen;
use crate::sheets::{Cell, Column, Table};
use crate::welfare::{self, WelfareFilter};

pub(super) fn table(conn: &Connection, f: &WelfareFilter, l10n: &Localizer) -> Result<(Table, String)> {
    let payments = welfare::list(conn, f)?;
    let columns = [
        ("welfare-col-date", 11.0),
        ("welfare-col-no", 7.0),
        ("welfare-col-name", 10.0),
        ("welfare-col-group", 8.0),
        ("welfare-col-kind", 10.0),
        ("welfare-col-amount", 11.0),
        ("welfare-col-goods", 16.0),
        ("welfare-ui-receiver", 10.0),
        ("welfare-ui-handler", 10.0),
        ("welfare-ui-approver", 10.0),
        ("money-col-voucher", 11.0),
        ("export-col-reversed", 20.0),
    ]
    .into_iter()
    .map(|(id, w)| Column::new(l10n.t(id), w))
    .collect();
    let rows = payments
        .iter()
        .map(|p| {
            let reversed = p
                .reversed_by
                .as_ref()
                .map(|v| l10n.format("export-reversed-by", &[("voucher", v.clone()), ("reason", p.reversal_reason.clone())]))
                .unwrap_or_default();
            vec![
                Cell::Date(p.date),
                Cell::Whole(p.member_no.0),
                Cell::text(&p.name),
                Cell::text(&p.village_group),
                Cell::text(l10n.t(p.kind.label_id())),
                Cell::Money(p.amount),
                Cell::text(&p.goods),
                Cell::text(&p.receiver),
                Cell::text(&p.handler),
                Cell::text(&p.approver),
                Cell::text(&p.voucher_no),
                Cell::text(reversed),
            ]
        })
        .collect();
    let standing: Vec<_> = payments.iter().filter(|p| p.reversed_by.is_none()).collect();
    let total = standing.iter().map(|p| p.amount).fold(Fen::ZERO, |a, b| a + b);
    let mut totals = vec![Cell::text(l10n.t("export-total")), Cell::Empty, Cell::text(l10n.format("export-gifts", &[("count", standing.len().to_string())]))];
    totals.extend([Cell::Empty, Cell::Empty, Cell::Money(total)]);
    totals.extend(std::iter::repeat_n(Cell::Empty, 6));
    let title = match f.year {
        Some(year) => l10n.format("export-title-welfare-year", &[("year", year.to_string())]),
        None => l10n.t("export-title-welfare"),
    };
    Ok((Table { sheet: title.clone(), title: title.clone(), columns, rows, totals: Some(totals) }, title))
}
