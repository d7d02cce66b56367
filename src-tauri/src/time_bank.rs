//! Commands of the 时间银行 area: a person's account, deposits, withdrawals, transfers,
//! donations to the pool, reversals, the passbook, and exchange files (通存通兑). Hours and
//! dates arrive as the secretary typed them in the core's forms; the core reads them, so a bad
//! one comes back as an error beside its field.

use huzhu::kernel::fields::ReversalInput;
use huzhu::members::MemberNo;
use huzhu::output::Guard;
use huzhu::time_bank::exchange::{ImportPreview, Imported};
use huzhu::time_bank::exchange_files::{self, ExportDone, ExportTarget, FoundFile};
use huzhu::time_bank::{
    self as tb, passbook, BankOverview, DepositInput, EntryId, PoolDonationInput, TimeAccount, TransferInput, WithdrawalInput,
};

use crate::files::{self, SavedFile};
use crate::state::{CmdResult, Shell};

pub fn time_account(state: &Shell, no: MemberNo) -> CmdResult<TimeAccount> {
    state.read(|conn| tb::account(conn, no, &state.l10n(), huzhu::today()))
}

/// The pool, the yearly cap and this association's key fingerprint (the key is made on first use).
pub fn time_overview(state: &Shell) -> CmdResult<BankOverview> {
    state.write(tb::overview)
}

/// This association's key fingerprint, for the settings page (the key is made on first use).
pub fn assoc_key(state: &Shell) -> CmdResult<String> {
    state.write(tb::keys::own_fingerprint)
}

pub fn time_deposit(state: &Shell, input: DepositInput) -> CmdResult<EntryId> {
    state.write(|tx, actor| tb::deposit(tx, actor, &input, huzhu::today()))
}

pub fn time_withdraw(state: &Shell, input: WithdrawalInput) -> CmdResult<EntryId> {
    state.write(|tx, actor| tb::withdraw(tx, actor, &input, huzhu::today()))
}

pub fn time_transfer(state: &Shell, input: TransferInput) -> CmdResult<(EntryId, EntryId)> {
    state.write(|tx, actor| tb::transfer(tx, actor, &input, huzhu::today()))
}

pub fn time_donate(state: &Shell, input: PoolDonationInput) -> CmdResult<EntryId> {
    state.write(|tx, actor| tb::donate(tx, actor, &input, huzhu::today()))
}

pub fn time_reverse(state: &Shell, id: EntryId, input: ReversalInput) -> CmdResult<Vec<EntryId>> {
    state.write(|tx, actor| tb::reverse(tx, actor, id, &input, huzhu::today()))
}

pub fn time_passbook(state: &Shell, no: MemberNo) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| passbook::pdf(conn, no, l10n, huzhu::today()))
}

/// Exports the person's whole balance to a signed file in the output folder, addressed to the
/// receiving association's fingerprint `to` (the core writes the file before it commits and
/// removes it if the commit fails).
pub fn time_export(state: &Shell, no: MemberNo, to: String) -> CmdResult<ExportDone> {
    state.own(|conn, actor| {
        exchange_files::export_file(conn, actor, no, &to, ExportTarget::Folder(&files::output_dir(&state.path)), &Guard::new(&state.path), huzhu::today())
    })
}

/// The exchange files in the output folder (Documents/Huzhu), newest first.
pub fn time_exchange_files(state: &Shell) -> CmdResult<Vec<FoundFile>> {
    Ok(exchange_files::files_in(&files::output_dir(&state.path)))
}

pub fn time_import_preview(state: &Shell, path: String) -> CmdResult<ImportPreview> {
    state.read(|conn| exchange_files::preview_file(conn, &path, huzhu::today()))
}

/// `sha256` is the one the preview returned: a file changed since is refused.
pub fn time_import(state: &Shell, path: String, sha256: String, accept_key: bool) -> CmdResult<Imported> {
    state.write(|tx, actor| exchange_files::import_file(tx, actor, &path, &sha256, accept_key, huzhu::today()))
}
