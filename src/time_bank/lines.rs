//! The passbook's lines as a person reads them, on the screen and on paper alike: each entry
//! with what its counterparty / note column says and the running balance after it. Written once
//! here so the account screen, the printed passbook and `huzhu time entries` cannot drift apart.

use serde::Serialize;
use ts_rs::TS;

use super::hours::Hours;
use super::ledger::{EntryKind, Holder, TimeEntry};
use crate::i18n::Localizer;
use crate::members::MemberNo;

/// One line of a passbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PassbookLine {
    pub entry: TimeEntry,
    /// The counterparty / note column, in the reader's language.
    pub note: String,
    /// The balance after this line, in posting order.
    pub balance: Hours,
}

/// The lines of `holder`'s entries (in posting order), with their notes and running balance.
pub fn passbook_lines(entries: Vec<TimeEntry>, holder: MemberNo, l10n: &Localizer) -> Vec<PassbookLine> {
    let mut running = Hours::ZERO;
    entries
        .into_iter()
        .map(|entry| {
            running = Hours::from_half_hours(running.half_hours() + entry.signed.half_hours());
            PassbookLine { note: note(&entry, holder, l10n), balance: running, entry }
        })
        .collect()
}

fn name_of(h: &Holder, l10n: &Localizer) -> String {
    match h {
        Holder::Person { name, .. } => name.clone(),
        Holder::Pool => l10n.t("time-pool"),
    }
}

/// The counterparty / note column: whom a service was for, whose care was paid, which line a
/// reversal undoes, the other account of a move; then the reason. (Whether the line was
/// reversed since is shown apart: a mark on paper, a badge on the screen.)
fn note(e: &TimeEntry, holder: MemberNo, l10n: &Localizer) -> String {
    let mut parts: Vec<String> = Vec::new();
    match e.kind {
        EntryKind::Deposit => {
            if let Some(r) = &e.recipient {
                parts.push(l10n.format("passbook-recipient", &[("name", name_of(r, l10n))]));
            }
            parts.push(e.service_kind.clone());
        }
        EntryKind::Withdrawal => {
            if let Some(Holder::Person { no, name }) = &e.recipient {
                if *no != holder {
                    parts.push(l10n.format("passbook-for", &[("name", name.clone())]));
                }
            }
            parts.push(e.service_kind.clone());
        }
        EntryKind::Reversal => {
            if let Some(id) = e.reverses {
                parts.push(l10n.format("passbook-reverses", &[("id", id.to_string())]));
            }
        }
        _ => parts.push(e.counterparty.as_ref().map(|h| name_of(h, l10n)).unwrap_or_default()),
    }
    parts.push(e.reason.clone());
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" ")
}
