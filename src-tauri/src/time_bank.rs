//! Commands of the 时间银行 area: a person's account, deposits, withdrawals, transfers,
//! donations to the pool, reversals, the passbook, and exchange files (通存通兑). Hours and
//! dates arrive as the secretary typed them and are parsed here, so a bad one comes back as an
//! error beside its field rather than as a failed call.

use std::path::PathBuf;

use huzhu::members::MemberNo;
use huzhu::time_bank::exchange::{self, ImportPreview, Imported};
use huzhu::time_bank::{self as tb, passbook, BankOverview, DepositInput, EntryId, Hours, TimeAccount, WithdrawalInput};
use huzhu::Error;
use serde::Serialize;
use ts_rs::TS;

use crate::files::{self, SavedFile};
use crate::money::{day, save};
use crate::state::{AppState, CmdResult, Shell};

fn service_hours(state: &AppState, text: &str) -> CmdResult<Hours> {
    Hours::parse(text).map_err(|e| state.report(&e))
}

fn move_hours(state: &AppState, text: &str) -> CmdResult<Hours> {
    Hours::parse_move(text).map_err(|e| state.report(&e))
}

pub fn time_account(state: &Shell, no: MemberNo) -> CmdResult<TimeAccount> {
    state.read(|conn| tb::account(conn, no, huzhu::today()))
}

/// The pool, the yearly cap and this association's key fingerprint (the key is made on first use).
pub fn time_overview(state: &Shell) -> CmdResult<BankOverview> {
    state.write(tb::overview)
}

#[allow(clippy::too_many_arguments)]
pub fn time_deposit(state: &Shell,
    provider: MemberNo,
    hours: String,
    date: String,
    recipient: Option<MemberNo>,
    service_kind: String,
    confirmed_by: String,
) -> CmdResult<EntryId> {
    let input = DepositInput {
        provider,
        hours: service_hours(state, &hours)?,
        date: day(state, "date", &date)?,
        recipient,
        service_kind,
        confirmed_by,
    };
    state.write(|tx, actor| tb::deposit(tx, actor, &input, huzhu::today()))
}

pub fn time_withdraw(state: &Shell,
    holder: MemberNo,
    hours: String,
    date: String,
    recipient: Option<MemberNo>,
    service_kind: String,
    consent: String,
) -> CmdResult<EntryId> {
    let input = WithdrawalInput {
        holder,
        hours: service_hours(state, &hours)?,
        date: day(state, "date", &date)?,
        recipient,
        service_kind,
        consent,
    };
    state.write(|tx, actor| tb::withdraw(tx, actor, &input, huzhu::today()))
}

pub fn time_transfer(state: &Shell,
    from: MemberNo,
    to: MemberNo,
    hours: String,
    reason: String,
    date: String,
) -> CmdResult<(EntryId, EntryId)> {
    let hours = move_hours(state, &hours)?;
    let date = day(state, "date", &date)?;
    state.write(|tx, actor| tb::transfer(tx, actor, from, to, hours, &reason, date, huzhu::today()))
}

pub fn time_donate(state: &Shell, person: MemberNo, hours: String, date: String) -> CmdResult<EntryId> {
    let hours = move_hours(state, &hours)?;
    let date = day(state, "date", &date)?;
    state.write(|tx, actor| tb::donate(tx, actor, person, hours, date, huzhu::today()))
}

pub fn time_reverse(state: &Shell, id: EntryId, reason: String, date: String) -> CmdResult<Vec<EntryId>> {
    let date = day(state, "date", &date)?;
    state.write(|tx, actor| tb::reverse(tx, actor, id, &reason, date, huzhu::today()))
}

pub fn time_passbook(state: &Shell, no: MemberNo) -> CmdResult<SavedFile> {
    let l = huzhu::i18n::Localizer::new(state.lang());
    let (bytes, _pages) = state.read(|conn| passbook::pdf(conn, no, &l, huzhu::today()))?;
    save(state, &l.format("file-name-passbook", &[("no", no.to_string())]), &bytes)
}

/// What an export wrote: the file to hand over and the hours that left this association.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct ExportDone {
    path: String,
    name: String,
    hours: Hours,
    file_id: String,
}

/// Exports the person's whole balance to a signed file in the output folder, addressed to the
/// receiving association's fingerprint `to`. The file is written inside the transaction, so if
/// it cannot be written the hours stay.
pub fn time_export(state: &Shell, no: MemberNo, to: String) -> CmdResult<ExportDone> {
    state.write(|tx, actor| {
        let e = exchange::export(tx, actor, no, &to, huzhu::today())?;
        let short = e.file_id.get(..6).unwrap_or(&e.file_id);
        let path = files::output_path(&state.path, &format!("{}-{}-{short}.huzhu-time.json", e.name, huzhu::today()))?;
        std::fs::write(&path, &e.bytes)?;
        Ok(ExportDone { path: path.display().to_string(), name: e.name, hours: e.hours, file_id: e.file_id })
    })
}

/// An exchange file found in the output folder, offered for import.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct FoundFile {
    path: String,
    name: String,
}

/// The .json / .hzt files in the output folder (Documents/Huzhu), newest first.
pub fn time_exchange_files(state: &Shell) -> CmdResult<Vec<FoundFile>> {
    let dir = files::output_dir(&state.path);
    let mut found: Vec<(std::time::SystemTime, FoundFile)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| {
                    let p = e.path();
                    p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json") || x.eq_ignore_ascii_case("hzt"))
                })
                .map(|e| {
                    let modified = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
                    let name = e.file_name().to_string_lossy().to_string();
                    (modified, FoundFile { path: e.path().display().to_string(), name })
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort_by(|a, b| b.0.cmp(&a.0));
    Ok(found.into_iter().map(|(_, f)| f).collect())
}

/// Reads an exchange file the secretary named (quotes pasted around a path are dropped).
fn read_exchange_file(state: &AppState, path: &str) -> CmdResult<Vec<u8>> {
    let p = PathBuf::from(path.trim().trim_matches('"'));
    if path.trim().is_empty() {
        return Err(state.report(&Error::invalid("file", "error-exchange-file-required")));
    }
    std::fs::read(&p).map_err(|_| {
        state.report(&Error::invalid_with("file", "error-exchange-file-unreadable", vec![("path", p.display().to_string())]))
    })
}

pub fn time_import_preview(state: &Shell, path: String) -> CmdResult<ImportPreview> {
    let bytes = read_exchange_file(state, &path)?;
    state.read(|conn| exchange::preview(conn, &bytes, huzhu::today()))
}

/// `sha256` is the one the preview returned: a file changed since is refused.
pub fn time_import(state: &Shell, path: String, sha256: String, accept_key: bool) -> CmdResult<Imported> {
    let bytes = read_exchange_file(state, &path)?;
    state.write(|tx, actor| exchange::import(tx, actor, &bytes, &sha256, accept_key, huzhu::today()))
}
