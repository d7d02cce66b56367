//! Commands of the 财务 area: the cash book, dues, receipts, donations and statements. Each
//! takes the core's form (or ids), calls one core function and returns its result; printouts
//! are made and named by the core and saved by `Shell::print`.

use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::money::cash_book::{self, CashEntry, CashLine, CategoryChoice, EntryInput};
use huzhu::money::donations::{self, Donation, DonationInput, Donor, HonourFilter};
use huzhu::money::dues::{self, DuesLine, DuesPayment, DuesPaymentInput, DuesPolicy, PolicyInput};
use huzhu::money::receipts::{self, PostedEntry, Receipt, ReceiptLayout, ReceiptLine};
use huzhu::money::statements::{self, StatementInput};

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

pub fn cash_categories(state: &Shell) -> CmdResult<Vec<CategoryChoice>> {
    state.read(|conn| cash_book::category_choices(conn, &state.l10n()))
}

/// One month of the cash book (YYYY-MM as typed), each line with the running balance after it.
pub fn cash_list(state: &Shell, month: String) -> CmdResult<Vec<CashLine>> {
    state.read(|conn| cash_book::month_lines(conn, &month, &state.l10n()))
}

/// The balance of the cash box now (all entries).
pub fn cash_balance(state: &Shell) -> CmdResult<Fen> {
    state.read(|conn| cash_book::balance(conn, None))
}

pub fn cash_add(state: &Shell, input: EntryInput, receipt: bool) -> CmdResult<PostedEntry> {
    state.write(|tx, actor| receipts::post_entry(tx, actor, &input, receipt, huzhu::today()))
}

pub fn cash_reverse(state: &Shell, voucher: String, input: ReversalInput) -> CmdResult<CashEntry> {
    state.write(|tx, actor| receipts::reverse_entry(tx, actor, &voucher, &input, huzhu::today()))
}

pub fn dues_policy(state: &Shell, year: i32) -> CmdResult<Option<DuesPolicy>> {
    state.read(|conn| dues::policy(conn, year))
}

pub fn dues_set_policy(state: &Shell, input: PolicyInput) -> CmdResult<DuesPolicy> {
    state.write(|tx, actor| dues::set_policy(tx, actor, &input))
}

pub fn dues_bill(state: &Shell, year: i32) -> CmdResult<Vec<DuesLine>> {
    state.read(|conn| dues::bill(conn, year))
}

pub fn dues_pay(state: &Shell, input: DuesPaymentInput) -> CmdResult<DuesPayment> {
    state.write(|tx, actor| dues::pay(tx, actor, &input, huzhu::today()))
}

pub fn dues_arrears_pdf(state: &Shell, year: i32) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| dues::arrears_pdf(conn, year, l10n, huzhu::today()))
}

pub fn receipt_list(state: &Shell, year: Option<i32>) -> CmdResult<Vec<ReceiptLine>> {
    state.read(|conn| receipts::lines(conn, year, &state.l10n()))
}

/// Prints (or reprints, marked 补打) receipts; every print is recorded.
pub fn receipt_print(state: &Shell, numbers: Vec<String>, layout: ReceiptLayout) -> CmdResult<SavedFile> {
    state.print_recorded(|tx, actor, l10n| receipts::print(tx, actor, &numbers, layout, l10n))
}

pub fn receipt_void(state: &Shell, number: String, reason: String) -> CmdResult<Receipt> {
    state.write(|tx, actor| receipts::void(tx, actor, &number, &reason))
}

pub fn donation_add(state: &Shell, input: DonationInput) -> CmdResult<(Donation, CashEntry, Option<Receipt>)> {
    state.write(|tx, actor| donations::donate(tx, actor, &input, huzhu::today()))
}

pub fn donation_list(state: &Shell) -> CmdResult<Vec<Donation>> {
    state.read(donations::list)
}

pub fn honour_list(state: &Shell, filter: HonourFilter) -> CmdResult<Vec<Donor>> {
    state.read(|conn| donations::honour_list(conn, &filter))
}

pub fn honour_pdf(state: &Shell, filter: HonourFilter) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| donations::honour_pdf(conn, &filter, l10n, huzhu::today()))
}

pub fn statement_file(state: &Shell, input: StatementInput) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| statements::file(conn, &input, l10n, huzhu::today()))
}
