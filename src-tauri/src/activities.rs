//! Commands of the 活动 area: activities, their attendance, costs and sign-in sheet. Each is one
//! call into the core; the sheet is made and named by the core and saved by `Shell::print`.

use huzhu::activities::{self, Activity, ActivityCost, ActivityId, ActivityInput, AttendanceInput, Attendee, CostInput};
use huzhu::members::MemberNo;

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

pub fn activity_list(state: &Shell, year: Option<i32>) -> CmdResult<Vec<Activity>> {
    state.read(|conn| activities::list(conn, year))
}

pub fn activity_add(state: &Shell, input: ActivityInput) -> CmdResult<Activity> {
    state.write(|tx, actor| activities::add(tx, actor, &input, huzhu::today()))
}

pub fn activity_attend(state: &Shell, id: ActivityId, input: AttendanceInput) -> CmdResult<Activity> {
    state.write(|tx, actor| activities::attend(tx, actor, id, &input, huzhu::today()))
}

pub fn activity_untick(state: &Shell, id: ActivityId, no: MemberNo) -> CmdResult<Activity> {
    state.write(|tx, actor| activities::untick(tx, actor, id, no))
}

pub fn activity_attendees(state: &Shell, id: ActivityId) -> CmdResult<Vec<Attendee>> {
    state.read(|conn| activities::attendees(conn, id))
}

pub fn activity_cost(state: &Shell, id: ActivityId, input: CostInput) -> CmdResult<ActivityCost> {
    state.write(|tx, actor| activities::add_cost(tx, actor, id, &input, huzhu::today()))
}

pub fn activity_costs(state: &Shell, id: ActivityId) -> CmdResult<Vec<ActivityCost>> {
    state.read(|conn| activities::costs(conn, id))
}

pub fn activity_sheet(state: &Shell, id: ActivityId) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| activities::sheet_pdf(conn, id, l10n, huzhu::today()))
}
