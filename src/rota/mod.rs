//! Care rotas (值班表): volunteers' availability, care cases and their shifts, pairings
//! (老伙伴结对), the month's slots and who is on them, what happened after the day, and the log
//! of visits and calls. The rules that choose people live in `generator` (pure, no database);
//! the other files load its input, check manual changes against the same rules, and write
//! everything in the caller's transaction with an audit row. One file per thing the secretary
//! names: `kinds` (duty kinds, weekdays, shifts), `volunteers`, `cases`, `pairings`, `slots`,
//! `generate`, `changes` (by hand), `outcomes` (after the day), `visits`, `screens`, and
//! `departures` (what a member's death changes on the rotas).

pub mod demo;
pub mod departures;
pub mod generator;
pub mod print;

mod kinds;
mod volunteers;
mod cases;
mod pairings;
mod slots;
mod generate;
mod changes;
mod outcomes;
mod visits;
mod screens;

pub use kinds::{DutyKind, Weekdays, parse_time, split_range, date_range, parse_kinds, parse_shift_kinds, ShiftInput, ShiftSpec, is_night, default_shifts, interval};
pub use volunteers::{VolunteerAvailabilityInput, VolunteerAvailability, availability, set_volunteer, list_volunteers};
pub use cases::{CaseId, CaseInput, blank_case, CareCase, add_case, get_case, list_cases, reveal_family, reveal_families, case_dates};
pub use pairings::{PairingInput, Pairing, add_pairing};
pub use slots::{RotaSlotId, RotaAssignee, ShiftOutcome, ShiftOutcomeKind, RotaSlot, slots_between, list_month, get_slot};
pub use generate::{DEFAULT_REST_HOURS, RotaUnfilledSlot, RotaGenerateReport, reason_text, load_input, generate};
pub use changes::{assign, unassign, swap, set_locked};
pub use outcomes::{Outcome, OutcomeInput, ShiftOutcomeRecord, record_outcome};
pub use visits::{DEFAULT_OVERDUE_DAYS, ContactInput, ContactLog, log_contact, OverdueElder, overdue};
pub use screens::{why_text, RotaMonth, month, unfilled, RotaCandidate, candidates};

#[cfg(test)]
mod tests;
