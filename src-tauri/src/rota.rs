//! Commands of the 值班 area: the month's calendar, generating, assigning, swapping, locking,
//! what happened after the day, printing the roster and slips, care cases, volunteers'
//! availability, pairings and elders overdue a visit. Forms arrive as the core's input types,
//! exactly as the secretary typed or ticked them; the core reads them and names the field of
//! any error.

use huzhu::kernel::Month;
use huzhu::members::{MemberNo, Phones};
use huzhu::rota::{
    self, print::RosterOptions, CareCase, CaseId, CaseInput, ContactInput, ContactLog, DutyKind, OutcomeInput, OverdueElder, Pairing, PairingInput,
    RotaCandidate, RotaGenerateReport, RotaMonth, RotaSlot, RotaSlotId, ShiftOutcomeRecord, VolunteerAvailability,
    VolunteerAvailabilityInput,
};

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

/// The month for the calendar: every slot with its people and why, and what is still short.
pub fn rota_month(state: &Shell, month: Month) -> CmdResult<RotaMonth> {
    state.read(|conn| rota::month(conn, month, &state.l10n()))
}

/// Fills the month, keeping locked, hand-made and recorded assignments.
pub fn rota_generate(state: &Shell, month: Month) -> CmdResult<RotaGenerateReport> {
    state.write(|tx, actor| rota::generate(tx, actor, month, &state.l10n()))
}

pub fn rota_candidates(state: &Shell, slot: RotaSlotId) -> CmdResult<Vec<RotaCandidate>> {
    state.read(|conn| rota::candidates(conn, slot, &state.l10n()))
}

pub fn rota_assign(state: &Shell, slot: RotaSlotId, no: MemberNo) -> CmdResult<RotaSlot> {
    state.write(|tx, actor| rota::assign(tx, actor, slot, no))
}

pub fn rota_unassign(state: &Shell, slot: RotaSlotId, no: MemberNo) -> CmdResult<RotaSlot> {
    state.write(|tx, actor| rota::unassign(tx, actor, slot, no))
}

pub fn rota_swap(state: &Shell, slot_a: RotaSlotId, no_a: MemberNo, slot_b: RotaSlotId, no_b: MemberNo) -> CmdResult<(RotaSlot, RotaSlot)> {
    state.write(|tx, actor| rota::swap(tx, actor, slot_a, no_a, slot_b, no_b))
}

pub fn rota_lock(state: &Shell, slot: RotaSlotId, locked: bool) -> CmdResult<RotaSlot> {
    state.write(|tx, actor| rota::set_locked(tx, actor, slot, locked))
}

/// Done, covered or missed, with the hours as typed (empty: the shift's length).
pub fn rota_outcome(state: &Shell, input: OutcomeInput) -> CmdResult<Vec<ShiftOutcomeRecord>> {
    state.write(|tx, actor| rota::record_outcome(tx, actor, &input, huzhu::today()))
}

/// The monthly roster (A4 landscape, or A3 for the wall; large print) to Documents/Huzhu;
/// recorded, and refused with whole phone numbers to a role that may not see them.
pub fn rota_pdf(state: &Shell, month: Month, options: RosterOptions) -> CmdResult<SavedFile> {
    state.print_recorded(|tx, actor, l10n| {
        rota::print::record(tx, actor, month, options)?;
        rota::print::roster_pdf(tx, month, options, l10n, huzhu::today())
    })
}

pub fn rota_slips(state: &Shell, month: Month) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| rota::print::slips_pdf(conn, month, l10n, huzhu::today()))
}

/// The care cases, the phone numbers in their family to call masked.
pub fn care_list(state: &Shell) -> CmdResult<Vec<CareCase>> {
    state.read(|conn| rota::list_cases(conn, Phones::Masked))
}

/// One case's family to call with its phone numbers whole, for a role that may; recorded.
pub fn care_reveal_family(state: &Shell, id: CaseId) -> CmdResult<String> {
    state.write(|tx, actor| rota::reveal_family(tx, actor, id))
}

/// The care-case form as it starts for a kind of duty (its usual shifts, named in the
/// reader's language).
pub fn care_blank(state: &Shell, kind: DutyKind) -> CmdResult<CaseInput> {
    Ok(rota::blank_case(kind, &state.l10n(), huzhu::today()))
}

pub fn care_add(state: &Shell, input: CaseInput) -> CmdResult<CareCase> {
    state.write(|tx, actor| rota::add_case(tx, actor, &input, &state.l10n(), huzhu::today()))
}

pub fn volunteer_list(state: &Shell) -> CmdResult<Vec<VolunteerAvailability>> {
    state.read(rota::list_volunteers)
}

pub fn volunteer_set(state: &Shell, no: MemberNo, input: VolunteerAvailabilityInput) -> CmdResult<VolunteerAvailability> {
    state.write(|tx, actor| rota::set_volunteer(tx, actor, no, &input, huzhu::today()))
}

pub fn pair_add(state: &Shell, input: PairingInput) -> CmdResult<Pairing> {
    state.write(|tx, actor| rota::add_pairing(tx, actor, &input, &state.l10n(), huzhu::today()))
}

/// Elders living alone not seen for `days` days (as typed).
pub fn rota_overdue(state: &Shell, days: String) -> CmdResult<Vec<OverdueElder>> {
    state.read(|conn| rota::overdue(conn, &days, huzhu::today(), Phones::Masked))
}

pub fn visit_log(state: &Shell, input: ContactInput) -> CmdResult<ContactLog> {
    state.write(|tx, actor| rota::log_contact(tx, actor, &input, huzhu::today()))
}
