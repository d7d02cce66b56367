//! Mediation (调解): the 会长 mediating family disputes, property and neighbour quarrels, and
//! pressing the village committee when an old person's rights are harmed. A case book (`cases`):
//! the parties (people on the register, or anyone by name), what it is about, who mediates, the
//! meetings with their notes, the outcome and the day closed; and the agreement (调解协议书) on
//! paper (`agreement`). Cases are sensitive: lists carry what a case is about and who is in it,
//! never its notes or summary (the access issue will add who may open a case at all).

mod cases;
mod agreement;

pub use cases::{MediationId, DisputeKind, MediationOutcome, Party, PartyInput, MediationNote, MediationCase, MediationLine, OpenInput, NoteInput, CloseInput, open, note, close, get, list};
pub use agreement::agreement_pdf;

/// The entities this area writes, as the audit log names them (one place, for the access
/// checks that will guard every audited write).
pub const AUDITED: &[&str] = &["mediation_case", "mediation_note"];
