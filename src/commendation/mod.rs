//! Commendation (表彰): at the year's end, volunteers ranked by the hours of service they gave
//! (time-bank deposits of the year, reversals left out) and the rota shifts they did or covered,
//! with the association's threshold (a setting: e.g. 100 hours → 优秀志愿者) (`ranking`); a
//! certificate (奖状) for each volunteer commended and the list for the annual meeting
//! (`certificate`). Requests for help and the recipients' feedback (issue 13, part A) are not
//! counted yet: they are not on this branch.

mod ranking;
mod certificate;

pub use ranking::{CommendLine, Commendation, DEFAULT_MIN_HOURS, min_hours, set_min_hours, ranking};
pub use certificate::{certificates_pdf, list_pdf};

/// The entities this area writes, as the audit log names them (one place, for the access
/// checks that will guard every audited write).
pub const AUDITED: &[&str] = &["commend_min_hours"];
