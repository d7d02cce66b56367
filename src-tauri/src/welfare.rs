//! Commands of the 慰问 area and the first screen (本月要事): welfare standards and payments,
//! a member's death and its correction, hospital stays, birthdays, the festival gifts, the
//! month at a glance. Each is one call into the core; printouts are made and named by the core
//! and saved by `Shell::print`.

use huzhu::agenda::{self, Agenda};
use huzhu::kernel::Month;
use huzhu::members::{MemberNo, Phones};
use huzhu::welfare::{
    self, AdmitInput, BatchInput, BatchResult, BirthdayList, DeathCorrection, DeathInput, DeathPlan, Festival, FestivalList, HospitalStay,
    PaymentInput, PersonWelfare, StandardInput, WelfareFilter, WelfarePayment, WelfareQuote, WelfareStandard,
};

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

/// The data file's backup status for the agenda's backup line; a reminder only, so a backups/
/// folder that cannot be read leaves the line out rather than the agenda.
fn backup_status(state: &Shell) -> Option<huzhu::backup::BackupStatus> {
    huzhu::backup::status(&state.path, huzhu::now()).ok()
}

pub fn agenda(state: &Shell, month: Month) -> CmdResult<Agenda> {
    let backup = backup_status(state);
    state.read(|conn| agenda::agenda(conn, month, huzhu::today(), backup.as_ref()))
}

pub fn agenda_pdf(state: &Shell, month: Month) -> CmdResult<SavedFile> {
    let backup = backup_status(state);
    state.print(|conn, l10n| agenda::agenda_pdf(conn, month, l10n, huzhu::today(), backup.as_ref()))
}

pub fn welfare_standards(state: &Shell) -> CmdResult<Vec<WelfareStandard>> {
    state.read(|conn| welfare::standards(conn, huzhu::today()))
}

pub fn welfare_set_standard(state: &Shell, input: StandardInput) -> CmdResult<WelfareStandard> {
    state.write(|tx, actor| welfare::set_standard(tx, actor, &input, huzhu::today()))
}

pub fn welfare_quote(state: &Shell, input: PaymentInput) -> CmdResult<WelfareQuote> {
    state.read(|conn| welfare::quote_input(conn, &input, huzhu::today()))
}

pub fn welfare_pay(state: &Shell, input: PaymentInput) -> CmdResult<WelfarePayment> {
    state.write(|tx, actor| welfare::pay(tx, actor, &input, huzhu::today()))
}

pub fn welfare_list(state: &Shell, filter: WelfareFilter) -> CmdResult<Vec<WelfarePayment>> {
    state.read(|conn| welfare::list(conn, &filter))
}

pub fn welfare_slips(state: &Shell, vouchers: Vec<String>) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| welfare::slips_pdf(conn, &vouchers, l10n))
}

pub fn welfare_sign_list(state: &Shell, vouchers: Vec<String>, title: String) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| welfare::sign_list_pdf(conn, &vouchers, &title, l10n, huzhu::today()))
}

pub fn welfare_person(state: &Shell, no: MemberNo) -> CmdResult<PersonWelfare> {
    state.read(|conn| welfare::for_person(conn, no, huzhu::today()))
}

pub fn death_preview(state: &Shell, input: DeathInput) -> CmdResult<DeathPlan> {
    state.read(|conn| welfare::death_preview(conn, &input, huzhu::today()))
}

pub fn death_record(state: &Shell, input: DeathInput) -> CmdResult<DeathPlan> {
    state.write(|tx, actor| welfare::record_death(tx, actor, &input, huzhu::today()))
}

pub fn death_correct(state: &Shell, no: MemberNo, reason: String) -> CmdResult<DeathCorrection> {
    state.write(|tx, actor| welfare::correct_death(tx, actor, no, &reason, huzhu::today()))
}

pub fn hospital_stays(state: &Shell) -> CmdResult<Vec<HospitalStay>> {
    state.read(|conn| welfare::stays(conn, None, huzhu::today(), Phones::Masked))
}

pub fn hospital_admit(state: &Shell, input: AdmitInput) -> CmdResult<HospitalStay> {
    state.write(|tx, actor| welfare::admit(tx, actor, &input, huzhu::today()))
}

pub fn hospital_discharge(state: &Shell, no: MemberNo, date: String) -> CmdResult<HospitalStay> {
    state.write(|tx, actor| welfare::discharge(tx, actor, no, &date, huzhu::today()))
}

pub fn birthdays(state: &Shell, month: Month, decades: bool) -> CmdResult<BirthdayList> {
    state.read(|conn| welfare::birthdays(conn, month, decades, Phones::Masked))
}

pub fn birthdays_pay(state: &Shell, month: Month, input: BatchInput) -> CmdResult<BatchResult> {
    state.write(|tx, actor| welfare::pay_decades(tx, actor, month, &input, huzhu::today()))
}

pub fn birthdays_pdf(state: &Shell, month: Month, decades: bool) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| welfare::birthdays_pdf(conn, month, decades, l10n, huzhu::today()))
}

pub fn festival(state: &Shell, festival: Festival, year: i32) -> CmdResult<FestivalList> {
    state.read(|conn| welfare::festival(conn, festival, year, huzhu::today()))
}

pub fn festival_pay(state: &Shell, festival: Festival, year: i32, input: BatchInput) -> CmdResult<BatchResult> {
    state.write(|tx, actor| welfare::pay_festival(tx, actor, festival, year, &input, huzhu::today()))
}
