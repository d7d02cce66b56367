//! Commands of the 求助 area: requests for help (taken on a call, the proposed volunteers,
//! assigned, done with hours and feedback, cancelled), a volunteer's service record, complaints'
//! follow-ups, training and the service standards. Each is one call into the core.

use huzhu::feedback::{self, Feedback, FeedbackId, FollowUpInput, ShiftFeedbackInput};
use huzhu::members::MemberNo;
use huzhu::requests::{self, HelpRequest, RequestCandidate, RequestDoneInput, RequestId, RequestInput, RequestKind, RequestKindInput, StandardTarget, VolunteerRecord};
use huzhu::standards::{self, ServiceStandard, ServiceStandardInput};
use huzhu::training::{self, TrainingId, TrainingInput, TrainingSession};

use crate::state::{CmdResult, Shell};

pub fn request_kinds(state: &Shell) -> CmdResult<Vec<RequestKind>> {
    state.read(|conn| requests::kinds(conn, &state.l10n()))
}

pub fn request_list(state: &Shell, open_only: bool) -> CmdResult<Vec<HelpRequest>> {
    state.read(|conn| requests::list(conn, open_only, &state.l10n(), huzhu::today()))
}

pub fn request_add(state: &Shell, input: RequestInput) -> CmdResult<HelpRequest> {
    state.write(|tx, actor| requests::add(tx, actor, &input, &state.l10n(), huzhu::today()))
}

pub fn request_candidates(state: &Shell, id: RequestId) -> CmdResult<Vec<RequestCandidate>> {
    state.read(|conn| requests::candidates_for(conn, id, &state.l10n(), huzhu::today()))
}

pub fn request_assign(state: &Shell, id: RequestId, no: MemberNo) -> CmdResult<HelpRequest> {
    state.write(|tx, actor| requests::assign(tx, actor, id, no, &state.l10n(), huzhu::today()))
}

pub fn request_done(state: &Shell, id: RequestId, input: RequestDoneInput) -> CmdResult<HelpRequest> {
    state.write(|tx, actor| requests::done(tx, actor, id, &input, &state.l10n(), huzhu::today()))
}

pub fn request_cancel(state: &Shell, id: RequestId, reason: String) -> CmdResult<HelpRequest> {
    state.write(|tx, actor| requests::cancel(tx, actor, id, &reason, &state.l10n(), huzhu::today()))
}

pub fn request_volunteer(state: &Shell, no: MemberNo) -> CmdResult<VolunteerRecord> {
    state.read(|conn| requests::volunteer_record(conn, no))
}

pub fn feedback_shift(state: &Shell, input: ShiftFeedbackInput) -> CmdResult<Feedback> {
    state.write(|tx, actor| feedback::add_for_shift(tx, actor, &input, huzhu::today()))
}

pub fn feedback_open(state: &Shell) -> CmdResult<Vec<Feedback>> {
    state.read(feedback::open_followups)
}

pub fn feedback_close(state: &Shell, id: FeedbackId, input: FollowUpInput) -> CmdResult<Feedback> {
    state.write(|tx, actor| feedback::close_followup(tx, actor, id, &input, huzhu::today()))
}

pub fn training_list(state: &Shell) -> CmdResult<Vec<TrainingSession>> {
    state.read(training::list)
}

pub fn training_add(state: &Shell, input: TrainingInput) -> CmdResult<TrainingSession> {
    state.write(|tx, actor| training::add(tx, actor, &input, huzhu::today()))
}

pub fn training_attend(state: &Shell, id: TrainingId, people: Vec<MemberNo>) -> CmdResult<TrainingSession> {
    state.write(|tx, actor| training::attend(tx, actor, id, &people))
}

pub fn standard_list(state: &Shell) -> CmdResult<Vec<ServiceStandard>> {
    state.read(standards::all)
}

pub fn standard_set(state: &Shell, target: StandardTarget, input: ServiceStandardInput) -> CmdResult<ServiceStandard> {
    state.write(|tx, actor| requests::set_standard(tx, actor, &target, &input))
}

pub fn request_add_kind(state: &Shell, input: RequestKindInput) -> CmdResult<RequestKind> {
    state.write(|tx, actor| requests::add_kind(tx, actor, &input, &state.l10n()))
}

/// The request kinds a volunteer offers (codes); None: every kind.
pub fn request_set_offers(state: &Shell, no: MemberNo, kinds: Option<Vec<String>>) -> CmdResult<Option<Vec<String>>> {
    state.write(|tx, actor| requests::set_offers(tx, actor, no, kinds.as_deref()))
}

/// Whether a done request draws its hours from the recipient's own account.
pub fn request_recipient_pays(state: &Shell) -> CmdResult<bool> {
    state.read(requests::recipient_pays)
}

pub fn request_set_recipient_pays(state: &Shell, on: bool) -> CmdResult<bool> {
    state.write(|tx, actor| requests::set_recipient_pays(tx, actor, on))
}
