//! Requests for help (求助 / 服务需求): mutual aid that does not repeat — a ride to the township
//! hospital, medicine bought, a hand with the roof. One file per thing: `kinds` (the kinds the
//! association keeps), `help` (the requests and what happens to them: open → assigned → done /
//! cancelled), `matching` (who can take one, and why, by the rota's own rules), `offers` (the
//! kinds each volunteer offers), `page` (a volunteer's service as their page shows it), and
//! `standards_of` (a kind's standard and required training, for duty kinds and request kinds
//! alike, after checking the kind exists).

mod kinds;
mod help;
mod matching;
mod offers;
mod page;
mod standards_of;

pub use kinds::{SEEDED, RequestKind, RequestKindInput, label, list as kinds, resolve as resolve_kind, add_kind, retire_kind};
pub use help::{ASAP_DAYS, RequestId, RequestState, RequestInput, RequestDoneInput, HelpRequest, get, list, add, done, cancel, recipient_pays, set_recipient_pays, RequestFigures, figures};
pub use matching::{FAR, Need, Offer, Unable, Fit, Proposal, distance, unable, propose, RequestCandidate, candidates, assign};
pub use offers::{all as all_offers, of as offers_of, set as set_offers};
pub use page::{VolunteerRecord, volunteer_record};
pub use standards_of::{StandardTarget, resolve_target, set_standard, require_training};

/// The entity names this module writes in the audit log (the access issue gives each a
/// permission).
pub const ENTITIES: &[&str] = &["request_kind", "help_request", "volunteer_request_kind", "settings"];

/// Every entity the mutual-aid modules write in the audit log, in one place: requests, the
/// service standards, training and feedback.
pub const MUTUAL_AID_ENTITIES: &[&str] = &[
    "request_kind",
    "help_request",
    "volunteer_request_kind",
    "settings",
    crate::standards::ENTITY,
    "training_session",
    "training_attendance",
    "feedback",
    "feedback_followup",
];

/// Candidates for one request, read by id (the CLI's and the screen's way in).
pub fn candidates_for(conn: &rusqlite::Connection, id: RequestId, l10n: &crate::i18n::Localizer, today: chrono::NaiveDate) -> crate::Result<Vec<RequestCandidate>> {
    let r = get(conn, id, l10n, today)?;
    candidates(conn, &r, l10n, today)
}
