//! Commands of the 值班 area: the month's slots and what is short, generating, assigning,
//! swapping, locking, what happened after the day, printing the roster and slips, care cases,
//! volunteers' availability, pairings and elders overdue a visit. Months, dates, hours, weekdays
//! and shifts arrive as the secretary typed or ticked them and are parsed here with the core's
//! own parsers, so a bad one comes back as an error beside its field.

use chrono::NaiveDate;
use huzhu::i18n::Localizer;
use huzhu::members::MemberNo;
use huzhu::kernel::Month;
use huzhu::rota::{
    self, print::RosterOptions, VolunteerAvailability, VolunteerAvailabilityInput, RotaCandidate, CareCase, CaseInput, ContactLog, DutyKind,
    RotaGenerateReport, OverdueElder, ShiftOutcomeRecord, Pairing, ShiftSpec, RotaSlot, RotaSlotId, RotaUnfilledSlot, Weekdays,
};
use huzhu::Error;
use serde::Deserialize;
use ts_rs::TS;

use crate::files::{self, SavedFile};
use crate::state::{AppState, CmdResult, Shell};

fn l10n(state: &AppState) -> Localizer {
    Localizer::new(state.lang())
}

fn month(state: &AppState, text: &str) -> CmdResult<Month> {
    Month::parse("month", text).map_err(|e| state.report(&e))
}

fn date(state: &AppState, field: &'static str, text: &str) -> CmdResult<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| state.report(&Error::invalid_with(field, "error-date-invalid", vec![("value", t.to_string())])))
}

fn number(state: &AppState, field: &'static str, text: &str) -> CmdResult<u32> {
    let t = text.trim();
    t.parse::<u32>().map_err(|_| state.report(&Error::invalid_with(field, "error-number-invalid", vec![("value", t.to_string())])))
}

/// Ticked weekdays (1 = Monday … 7 = Sunday); none ticked is refused by the core's parser.
fn weekdays(state: &AppState, days: &[u32]) -> CmdResult<Weekdays> {
    let text = days.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
    Weekdays::parse("weekdays", &text).map_err(|e| state.report(&e))
}

pub fn rota_list(state: &Shell, month: String) -> CmdResult<Vec<RotaSlot>> {
    let m = self::month(state, &month)?;
    state.read(|conn| rota::list_month(conn, m))
}

pub fn rota_unfilled(state: &Shell, month: String) -> CmdResult<Vec<RotaUnfilledSlot>> {
    let m = self::month(state, &month)?;
    let l10n = l10n(state);
    state.read(|conn| rota::unfilled(conn, m, &l10n))
}

/// Fills the month, keeping locked, hand-made and recorded assignments.
pub fn rota_generate(state: &Shell, month: String) -> CmdResult<RotaGenerateReport> {
    let m = self::month(state, &month)?;
    let l10n = l10n(state);
    state.write(|tx, actor| rota::generate(tx, actor, m, &l10n))
}

pub fn rota_candidates(state: &Shell, slot: RotaSlotId) -> CmdResult<Vec<RotaCandidate>> {
    let l10n = l10n(state);
    state.read(|conn| rota::candidates(conn, slot, &l10n))
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

/// Done (by the person on the rota, or covered when `by` is someone else) or missed, with hours
/// as typed (empty: the shift's length).
pub fn rota_outcome(state: &Shell,
    slot: RotaSlotId,
    person: MemberNo,
    missed: bool,
    by: Option<MemberNo>,
    hours: String,
) -> CmdResult<Vec<ShiftOutcomeRecord>> {
    let minutes = match hours.trim() {
        "" => None,
        h => Some(huzhu::kernel::fields::hours_as_minutes("hours", h).map_err(|e| state.report(&e))?),
    };
    let outcome = match (missed, by) {
        (true, _) => rota::Outcome::Missed,
        (false, Some(by)) => rota::Outcome::Covered { by, minutes },
        (false, None) => rota::Outcome::Done { minutes },
    };
    state.write(|tx, actor| rota::record_outcome(tx, actor, slot, Some(person), outcome, huzhu::today()))
}

/// The monthly roster (A4 landscape, or A3 for the wall; large print) to Documents/Huzhu.
pub fn rota_pdf(state: &Shell, month: String, large: bool, a3: bool) -> CmdResult<SavedFile> {
    let m = self::month(state, &month)?;
    let l10n = l10n(state);
    let printed = state.read(|conn| rota::print::roster_pdf(conn, m, RosterOptions { large, a3 }, &l10n, huzhu::today()))?;
    let size = match (a3, large) {
        (true, _) => l10n.t("file-name-roster-a3"),
        (false, true) => l10n.t("file-name-roster-large"),
        _ => String::new(),
    };
    let name = format!("{}-{m}{size}.pdf", l10n.t("file-name-roster"));
    files::save_and_open(&state.path, &name, &printed.bytes).map_err(|e| state.report(&Error::Io(e)))
}

pub fn rota_slips(state: &Shell, month: String) -> CmdResult<SavedFile> {
    let m = self::month(state, &month)?;
    let l10n = l10n(state);
    let printed = state.read(|conn| rota::print::slips_pdf(conn, m, &l10n, huzhu::today()))?;
    let name = format!("{}-{m}.pdf", l10n.t("file-name-slips"));
    files::save_and_open(&state.path, &name, &printed.bytes).map_err(|e| state.report(&Error::Io(e)))
}

pub fn care_list(state: &Shell) -> CmdResult<Vec<CareCase>> {
    state.read(rota::list_cases)
}

/// One shift row of the care-case form, as typed.
#[derive(Deserialize, TS)]
#[ts(export)]
pub struct ShiftRow {
    name: String,
    start: String,
    end: String,
    people: String,
}

/// The care-case form as typed; the shell turns it into the core's `CaseInput`.
#[derive(Deserialize, TS)]
#[ts(export)]
pub struct CaseForm {
    recipient: Option<MemberNo>,
    kind: DutyKind,
    from: String,
    until: String,
    shifts: Vec<ShiftRow>,
    weekdays: Vec<u32>,
    every_days: String,
    address: String,
    medicines: String,
    family_to_call: String,
    notes: String,
}

pub fn care_add(state: &Shell, form: CaseForm) -> CmdResult<CareCase> {
    let recipient = form.recipient.ok_or_else(|| state.report(&Error::invalid("recipient", "error-rota-recipient-required")))?;
    let mut shifts = Vec::new();
    for s in &form.shifts {
        // The core's own NAME@HH:MM-HH:MMxN parser checks every part of a row.
        let spec = format!("{}@{}-{}x{}", s.name.trim(), s.start.trim(), s.end.trim(), s.people.trim());
        shifts.push(ShiftSpec::parse("shift", &spec).map_err(|e| state.report(&e))?);
    }
    let input = CaseInput {
        recipient,
        kind: form.kind,
        from: date(state, "from", &form.from)?,
        until: match form.until.trim() {
            "" => None,
            u => Some(date(state, "until", u)?),
        },
        shifts,
        weekdays: weekdays(state, &form.weekdays)?,
        every_days: number(state, "every_days", &form.every_days)?,
        address: form.address,
        medicines: form.medicines,
        family_to_call: form.family_to_call,
        notes: form.notes,
    };
    let l10n = l10n(state);
    state.write(|tx, actor| rota::add_case(tx, actor, &input, &l10n, huzhu::today()))
}

pub fn volunteer_list(state: &Shell) -> CmdResult<Vec<VolunteerAvailability>> {
    state.read(rota::list_volunteers)
}

/// What a volunteer can do, as ticked; `max_shifts` empty means no limit; an absence is added
/// when both its dates are given.
#[derive(Deserialize, TS)]
#[ts(export)]
pub struct VolunteerForm {
    kinds: Vec<DutyKind>,
    weekdays: Vec<u32>,
    day: bool,
    night: bool,
    max_shifts: String,
    away_from: String,
    away_until: String,
}

pub fn volunteer_set(state: &Shell, no: MemberNo, form: VolunteerForm) -> CmdResult<VolunteerAvailability> {
    let max_shifts = match form.max_shifts.trim() {
        "" => None,
        m => Some(number(state, "max_shifts", m)?),
    };
    let away = match (form.away_from.trim(), form.away_until.trim()) {
        ("", "") => vec![],
        (a, "") => vec![(date(state, "away", a)?, date(state, "away", a)?)],
        (a, b) => vec![(date(state, "away", a)?, date(state, "away", b)?)],
    };
    let input = VolunteerAvailabilityInput {
        kinds: Some(form.kinds),
        weekdays: Some(weekdays(state, &form.weekdays)?),
        shifts: Some((form.day, form.night)),
        max_shifts: Some(max_shifts),
        away,
    };
    state.write(|tx, actor| rota::set_volunteer(tx, actor, no, &input, huzhu::today()))
}

pub fn pair_add(state: &Shell,
    volunteer: Option<MemberNo>,
    elder: Option<MemberNo>,
    every_days: String,
    from: String,
) -> CmdResult<Pairing> {
    let volunteer = volunteer.ok_or_else(|| state.report(&Error::invalid("volunteer", "error-rota-volunteer-required")))?;
    let elder = elder.ok_or_else(|| state.report(&Error::invalid("elder", "error-rota-recipient-required")))?;
    let every = number(state, "every_days", &every_days)?;
    let from = date(state, "from", &from)?;
    let l10n = l10n(state);
    state.write(|tx, actor| rota::add_pairing(tx, actor, volunteer, elder, every, from, &l10n, huzhu::today()))
}

pub fn rota_overdue(state: &Shell, days: i64) -> CmdResult<Vec<OverdueElder>> {
    state.read(|conn| rota::overdue(conn, days, huzhu::today()))
}

pub fn visit_log(state: &Shell, elder: MemberNo, by: Option<MemberNo>, date: String, call: bool, notes: String) -> CmdResult<ContactLog> {
    let day = self::date(state, "date", &date)?;
    state.write(|tx, actor| rota::log_contact(tx, actor, elder, by, day, call, &notes, huzhu::today()))
}
