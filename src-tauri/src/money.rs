//! Commands of the 财务 area: the cash book, dues, receipts, donations and statements. Each
//! parses its arguments, calls one core function and maps the error; printouts go through
//! `files::save_and_open` so the UI can show where the file is.

use chrono::NaiveDate;
use huzhu::i18n::Localizer;
use huzhu::members::MemberNo;
use huzhu::money::cash_book::{self, CashEntry, Category, EntryFilter, EntryInput};
use huzhu::money::donations::{self, Donation, DonationInput, Donor, HonourFilter};
use huzhu::money::dues::{self, DuesLine, DuesPayment, DuesPolicy, PolicyInput};
use huzhu::money::receipts::{self, PostedEntry, Receipt, ReceiptLayout};
use huzhu::money::statements::{self, Period, StatementFormat};
use huzhu::kernel::{Fen, Month};
use huzhu::Error;

use crate::files::{self, SavedFile};
use crate::state::{AppState, CmdResult, Shell};

/// A date as typed in a form: empty means today; anything else must be YYYY-MM-DD. The core
/// checks the rest (not in the future, not in a closed month…).
pub(crate) fn day(state: &AppState, field: &'static str, text: &str) -> CmdResult<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(huzhu::today());
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| state.report(&Error::invalid_with(field, "error-date-invalid", vec![("value", t.to_string())])))
}

/// Writes a printout to the output folder and opens it; an I/O failure is a localised error.
pub(crate) fn save(state: &AppState, name: &str, bytes: &[u8]) -> CmdResult<SavedFile> {
    files::save_and_open(&state.path, name, bytes).map_err(|e| state.report(&Error::Io(e)))
}

fn l10n(state: &AppState) -> Localizer {
    Localizer::new(state.lang())
}

pub fn cash_categories(state: &Shell) -> CmdResult<Vec<Category>> {
    state.read(cash_book::categories)
}

/// One month of the cash book (YYYY-MM), each line with the running balance after it.
pub fn cash_list(state: &Shell, month: String) -> CmdResult<Vec<CashEntry>> {
    let m = Month::parse("month", &month).map_err(|e| state.report(&e))?;
    state.read(|conn| cash_book::list(conn, &EntryFilter::month(m)))
}

/// The balance of the cash box now (all entries).
pub fn cash_balance(state: &Shell) -> CmdResult<Fen> {
    state.read(|conn| cash_book::balance(conn, None))
}

pub fn cash_add(state: &Shell, input: EntryInput, receipt: bool) -> CmdResult<PostedEntry> {
    state.write(|tx, actor| receipts::post_entry(tx, actor, &input, receipt, huzhu::today()))
}

pub fn cash_reverse(state: &Shell, voucher: String, reason: String, date: String) -> CmdResult<CashEntry> {
    let date = day(state, "date", &date)?;
    state.write(|tx, actor| receipts::reverse_entry(tx, actor, &voucher, &reason, date, huzhu::today()))
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

pub fn dues_pay(state: &Shell,
    no: MemberNo,
    years: Vec<i32>,
    amount: String,
    date: String,
    handler: String,
) -> CmdResult<DuesPayment> {
    let date = day(state, "date", &date)?;
    state.write(|tx, actor| dues::pay(tx, actor, no, &years, &amount, date, &handler, huzhu::today()))
}

pub fn dues_arrears_pdf(state: &Shell, year: i32) -> CmdResult<SavedFile> {
    let l = l10n(state);
    let bytes = state.read(|conn| dues::arrears_pdf(conn, year, &l, huzhu::today()))?;
    save(state, &l.format("file-name-arrears", &[("year", year.to_string())]), &bytes)
}

pub fn receipt_list(state: &Shell, year: Option<i32>) -> CmdResult<Vec<Receipt>> {
    state.read(|conn| receipts::list(conn, year))
}

/// Prints (or reprints, marked 补打) receipts; every print is recorded.
pub fn receipt_print(state: &Shell, numbers: Vec<String>, layout: ReceiptLayout) -> CmdResult<SavedFile> {
    let l = l10n(state);
    let bytes = state.write(|tx, actor| receipts::print(tx, actor, &numbers, layout, &l))?;
    let first = numbers.first().cloned().unwrap_or_default();
    let name = match numbers.len() {
        1 => l.format("file-name-receipt", &[("no", first)]),
        n => l.format("file-name-receipts", &[("no", first), ("count", n.to_string())]),
    };
    save(state, &name, &bytes)
}

pub fn receipt_void(state: &Shell, number: String, reason: String) -> CmdResult<Receipt> {
    state.write(|tx, actor| receipts::void(tx, actor, &number, &reason))
}

pub fn donation_add(state: &Shell,
    input: DonationInput,
) -> CmdResult<(Donation, CashEntry, Option<Receipt>)> {
    state.write(|tx, actor| donations::donate(tx, actor, &input, huzhu::today()))
}

pub fn donation_list(state: &Shell) -> CmdResult<Vec<Donation>> {
    state.read(donations::list)
}

pub fn honour_list(state: &Shell, filter: HonourFilter) -> CmdResult<Vec<Donor>> {
    state.read(|conn| donations::honour_list(conn, &filter))
}

pub fn honour_pdf(state: &Shell, filter: HonourFilter) -> CmdResult<SavedFile> {
    let l = l10n(state);
    let bytes = state.read(|conn| donations::honour_pdf(conn, &filter, &l, huzhu::today()))?;
    save(state, &l.format("file-name-honour", &[("date", huzhu::today().to_string())]), &bytes)
}

pub fn statement_file(state: &Shell, period: Period, format: StatementFormat) -> CmdResult<SavedFile> {
    let l = l10n(state);
    let bytes = state.read(|conn| statements::render(conn, period, format, &l, huzhu::today()))?;
    let which = period.code();
    let ext = match format {
        StatementFormat::Pdf => "pdf",
        StatementFormat::Xlsx => "xlsx",
    };
    save(state, &l.format("file-name-statement", &[("period", which), ("ext", ext.to_string())]), &bytes)
}
