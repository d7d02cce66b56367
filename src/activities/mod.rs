//! Activities (活动): the gatherings and outings an association holds besides care — festival
//! parties, 重阳, sport and culture, trips, talks. An activity has a kind, a date, a place and a
//! budget (`activity`); who came, ticked from the register or only counted (`attendance`); what
//! it cost, each cost a cash-book expense posted in the same transaction (`costs`); and the
//! sign-in sheet printed beforehand (`sheet`). `kinds` names the kinds and the cost categories.

mod kinds;
mod activity;
mod attendance;
mod costs;
mod sheet;

pub use kinds::{ActivityKind, CostCategory};
pub use activity::{ActivityId, Activity, ActivityInput, add, get, list, in_period};
pub use attendance::{Attendee, AttendanceInput, attend, untick, attendees};
pub use costs::{ActivityCost, CostInput, add_cost, costs};
pub use sheet::sheet_pdf;

/// The entities this area writes, as the audit log names them (one place, for the access
/// checks that will guard every audited write).
pub const AUDITED: &[&str] = &["activity", "activity_attendance", "activity_cost"];
