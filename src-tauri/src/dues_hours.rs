//! Commands for paying dues with saved hours (the dues screen): the rate, a quote, the payment
//! and its slip. Each is one call into the core.

use huzhu::kernel::Fen;
use huzhu::members::MemberNo;
use huzhu::money::dues_hours::{self, HoursDuesInput, HoursDuesPayment, HoursQuote};

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

pub fn dues_hours_rate(state: &Shell) -> CmdResult<Option<Fen>> {
    state.read(dues_hours::hours_rate)
}

pub fn dues_set_hours_rate(state: &Shell, rate: String) -> CmdResult<Option<Fen>> {
    state.write(|tx, actor| dues_hours::set_hours_rate(tx, actor, &rate))
}

pub fn dues_hours_quote(state: &Shell, no: MemberNo, year: i32) -> CmdResult<HoursQuote> {
    state.read(|conn| dues_hours::quote(conn, no, year, huzhu::today()))
}

pub fn dues_pay_hours(state: &Shell, input: HoursDuesInput) -> CmdResult<HoursDuesPayment> {
    state.write(|tx, actor| dues_hours::pay_with_hours(tx, actor, &input, huzhu::today()))
}

pub fn dues_hours_slip(state: &Shell, slip_no: String) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| dues_hours::slip_pdf(conn, &slip_no, l10n))
}
