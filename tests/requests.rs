//! Requests for help: recorded, matched to volunteers by the rota's own rules, assigned, done
//! (crediting the volunteer's time bank once, in the same transaction) or cancelled; the
//! recipient-pays rule; training a kind requires; feedback and complaints' follow-ups.

mod common;

use common::rota::{add_case, case_input, generate, people, set_volunteer, slot_at, slots, village, zh, AvailabilityInput, DutyKind, DAY_SHIFT};
use common::{actor, count, day, month, refused, today, write};
use huzhu::feedback::{self, FollowUpInput, Rating};
use huzhu::members::MemberNo;
use huzhu::requests::{self, HelpRequest, RequestDoneInput, RequestId, RequestInput, RequestState, StandardTarget};
use huzhu::time_bank;
use huzhu::training::{self, TrainingInput};
use rusqlite::Connection;

fn input(recipient: i64, kind: &str, date: &str, from: &str, to: &str) -> RequestInput {
    RequestInput { recipient: Some(MemberNo(recipient)), kind: kind.into(), date: date.into(), from: from.into(), to: to.into(), place: "卫生院".into(), notes: String::new() }
}

fn add(conn: &mut Connection, i: &RequestInput) -> HelpRequest {
    write(conn, |tx| requests::add(tx, &actor(), i, &zh(), today())).expect("add a request")
}

fn assign(conn: &mut Connection, id: RequestId, no: i64) -> huzhu::Result<HelpRequest> {
    write(conn, |tx| requests::assign(tx, &actor(), id, MemberNo(no), &zh(), today()))
}

fn done_input(hours: &str, rating: Option<Rating>, note: &str) -> RequestDoneInput {
    RequestDoneInput { hours: hours.into(), date: String::new(), rating, note: note.into() }
}

fn balance(conn: &Connection, no: i64) -> String {
    time_bank::balance(conn, MemberNo(no)).expect("balance").to_string()
}

fn able(conn: &Connection, id: RequestId) -> Vec<i64> {
    requests::candidates_for(conn, id, &zh(), today()).expect("candidates").into_iter().filter(|c| c.able).map(|c| c.no.0).collect()
}

#[test]
fn a_done_request_credits_the_volunteer_once_and_can_then_neither_change_nor_be_cancelled() {
    let (_d, mut conn) = village();
    let r = add(&mut conn, &input(6, "代购", "2026-11-28", "09:00", "11:00"));
    assert_eq!((r.state, r.kind.as_str(), r.overdue), (RequestState::Open, "shopping", true), "a Chinese label finds the kind; a past day still open is overdue");
    let cands = requests::candidates_for(&conn, r.id, &zh(), today()).unwrap();
    assert!(cands.iter().all(|c| c.no.0 != 6), "the recipient is never proposed to serve themself");
    assert_eq!(able(&conn, r.id), vec![1, 2, 3], "volunteer 4 does not work on Saturdays; the others are equal and go by number");
    let four = cands.iter().find(|c| c.no.0 == 4).expect("volunteer 4 listed");
    assert!(!four.able && four.reason.contains("星期六"), "the reason says why not: {}", four.reason);

    assign(&mut conn, r.id, 1).expect("assign the first proposed");
    let before = count(&conn, "time_entry");
    let done = write(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("2", Some(Rating::Good), "很好"), &zh(), today())).expect("done");
    assert_eq!((done.state, done.hours.map(|h| h.to_string()), done.rating), (RequestState::Done, Some("2".into()), Some(Rating::Good)));
    assert_eq!(balance(&conn, 1), "2", "the volunteer's account is credited with the hours");
    assert_eq!(count(&conn, "time_entry"), before + 1, "one entry, no more");
    let source: String = conn.query_row("SELECT source FROM time_entry ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(source, format!("request:{}", r.id), "the entry names the request it came from");

    let e = refused(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("2", None, ""), &zh(), today()));
    assert_eq!(e.message_id(), "error-request-already-done", "a done request is never credited twice");
    let e = refused(&mut conn, |tx| requests::cancel(tx, &actor(), r.id, "弄错了", &zh(), today()));
    assert_eq!(e.message_id(), "error-request-already-done", "cancelling is refused after done");
    let e = conn.execute("UPDATE help_request SET minutes = 600 WHERE id = ?1", [r.id.0]).unwrap_err();
    assert!(e.to_string().contains("never changed"), "the database itself keeps a done request as it is: {e}");
}

#[test]
fn a_request_is_cancelled_only_with_a_reason_and_an_unassigned_one_cannot_be_done() {
    let (_d, mut conn) = village();
    let r = add(&mut conn, &input(5, "escort", "", "", ""));
    assert_eq!((r.date, r.overdue), (None, false), "as soon as possible, taken today: not overdue yet");
    let e = refused(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("1", None, ""), &zh(), today()));
    assert_eq!(e.message_id(), "error-request-not-assigned");
    let e = refused(&mut conn, |tx| requests::cancel(tx, &actor(), r.id, " ", &zh(), today()));
    assert_eq!(e.message_id(), "error-request-cancel-reason");
    let c = write(&mut conn, |tx| requests::cancel(tx, &actor(), r.id, "家人陪同了", &zh(), today())).unwrap();
    assert_eq!((c.state, c.cancel_reason.as_str()), (RequestState::Cancelled, "家人陪同了"));
    let e = refused(&mut conn, |tx| requests::assign(tx, &actor(), r.id, MemberNo(1), &zh(), today()));
    assert_eq!(e.message_id(), "error-request-already-cancelled");
}

#[test]
fn bad_input_is_refused_naming_the_field_and_changes_nothing() {
    let (_d, mut conn) = village();
    for (i, field, id) in [
        (RequestInput { recipient: None, ..input(5, "代购", "", "", "") }, "recipient", "error-request-recipient-required"),
        (input(5, "", "", "", ""), "kind", "error-request-kind-required"),
        (input(5, "挑水", "", "", ""), "kind", "error-choice-invalid"),
        (input(5, "代购", "2026-13-01", "", ""), "date", "error-date-invalid"),
        (input(5, "代购", "", "09:00", "10:00"), "date", "error-request-hours-need-date"),
        (input(5, "代购", "2026-12-01", "9点", "10:00"), "from", "error-rota-time-invalid"),
    ] {
        let e = refused(&mut conn, |tx| requests::add(tx, &actor(), &i, &zh(), today()));
        assert_eq!((e.field(), e.message_id()), (Some(field), id), "{i:?}");
    }
}

#[test]
fn when_the_recipient_pays_the_hours_move_from_them_to_the_volunteer_and_a_short_balance_is_refused() {
    let (_d, mut conn) = village();
    write(&mut conn, |tx| requests::set_recipient_pays(tx, &actor(), true)).unwrap();
    let r = add(&mut conn, &input(6, "助洁", "2026-11-27", "14:00", "16:00"));
    assign(&mut conn, r.id, 2).unwrap();
    let e = refused(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("2", None, ""), &zh(), today()));
    assert_eq!(e.message_id(), "error-time-insufficient", "the recipient has no hours: refused, nothing changed");

    common::time_bank::deposit(&mut conn, MemberNo(6), "3", "2026-10-01").expect("the recipient banked hours earlier");
    let total = |c: &Connection| -> i64 { c.query_row("SELECT sum(signed_half_hours) FROM time_entry", [], |r| r.get(0)).unwrap() };
    let before = total(&conn);
    write(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("2", None, ""), &zh(), today())).expect("done, paid with the recipient's hours");
    assert_eq!((balance(&conn, 6), balance(&conn, 2)), ("1".into(), "2".into()), "2 hours move from the recipient to the volunteer");
    assert_eq!(total(&conn), before, "hours are conserved: what the volunteer gains the recipient gives");
}

#[test]
fn a_volunteer_on_a_rota_shift_then_is_not_proposed_and_cannot_be_assigned() {
    let (_d, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-02", Some("2026-12-02"), &[DAY_SHIFT]));
    generate(&mut conn, month("2026-12"));
    let on = people(&slot_at(&slots(&conn, month("2026-12")), "2026-12-02", "08:00"));
    assert_eq!(on.len(), 1, "the day shift has someone");
    let r = add(&mut conn, &input(6, "代购", "2026-12-02", "10:00", "11:00"));
    assert!(!able(&conn, r.id).contains(&on[0]), "the volunteer on the shift is not proposed");
    let e = refused(&mut conn, |tx| requests::assign(tx, &actor(), r.id, MemberNo(on[0]), &zh(), today()));
    assert_eq!(e.message_id(), "error-request-cannot-busy");

    // The next morning after a night shift: the rota's rest rule holds for requests too.
    let late = add(&mut conn, &input(6, "代购", "2026-12-02", "21:00", "22:00"));
    assert!(!able(&conn, late.id).contains(&on[0]), "a day shift until 20:00 leaves too little rest before 21:00");
}

#[test]
fn narrowed_offers_absences_and_day_or_night_keep_volunteers_off() {
    let (_d, mut conn) = village();
    write(&mut conn, |tx| requests::set_offers(tx, &actor(), MemberNo(2), Some(&["理发".to_string()]))).unwrap();
    set_volunteer(&mut conn, 3, AvailabilityInput { away: vec![("2026-12-01".into(), "2026-12-03".into())], ..Default::default() });
    let r = add(&mut conn, &input(5, "代购", "2026-12-02", "09:00", "10:00"));
    assert_eq!(able(&conn, r.id), vec![1, 4], "2 only cuts hair, 3 is away");
    let night = add(&mut conn, &input(5, "聊天陪伴", "2026-12-02", "20:00", "21:30"));
    assert!(!able(&conn, night.id).contains(&1), "volunteer 1 does days only");
    let cut = add(&mut conn, &input(5, "理发", "2026-12-04", "09:00", "10:00"));
    assert!(able(&conn, cut.id).contains(&2), "2 is proposed for a haircut");
}

#[test]
fn a_kind_that_requires_training_is_proposed_only_to_the_trained_and_the_reason_says_so() {
    let (_d, mut conn) = village();
    let target = write(&mut conn, |tx| {
        let t = requests::resolve_target(tx, "陪诊")?;
        requests::require_training(tx, &actor(), &t, "护理基础")?;
        Ok(t)
    })
    .unwrap();
    assert_eq!(target, StandardTarget::Request("escort".into()));
    let s = write(&mut conn, |tx| training::add(tx, &actor(), &TrainingInput { topic: "护理基础".into(), date: "2026-11-20".into(), trainer: "卫生院王医生".into(), hours: "2".into() }, today())).unwrap();
    write(&mut conn, |tx| training::attend(tx, &actor(), s.id, &[MemberNo(3)])).unwrap();
    let r = add(&mut conn, &input(5, "陪诊", "2026-12-02", "09:00", "11:00"));
    let cands = requests::candidates_for(&conn, r.id, &zh(), today()).unwrap();
    let able: Vec<i64> = cands.iter().filter(|c| c.able).map(|c| c.no.0).collect();
    assert_eq!(able, vec![3], "only the trained volunteer");
    assert!(cands[0].reason.contains("护理基础"), "the explanation says they are trained: {}", cands[0].reason);
    assert!(cands.iter().any(|c| !c.able && c.reason.contains("未参加“护理基础”培训")), "and why the others are not proposed");
}

#[test]
fn a_duty_that_requires_training_is_given_by_the_rota_only_to_the_trained() {
    let (_d, mut conn) = village();
    write(&mut conn, |tx| requests::require_training(tx, &actor(), &StandardTarget::Duty(DutyKind::Care), "护理基础")).unwrap();
    let s = write(&mut conn, |tx| training::add(tx, &actor(), &TrainingInput { topic: "护理基础".into(), date: "2026-11-20".into(), ..Default::default() }, today())).unwrap();
    write(&mut conn, |tx| training::attend(tx, &actor(), s.id, &[MemberNo(2)])).unwrap();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-12-01", Some("2026-12-03"), &[DAY_SHIFT]));
    let report = generate(&mut conn, month("2026-12"));
    let on: Vec<i64> = slots(&conn, month("2026-12")).iter().flat_map(people).collect();
    assert!(!on.is_empty() && on.iter().all(|p| *p == 2), "only the trained volunteer is on care shifts: {on:?}");
    assert!(report.unfilled.is_empty(), "one trained volunteer covers three day shifts");
}

#[test]
fn a_complaint_opens_a_follow_up_that_is_closed_with_what_was_done_and_the_quarter_counts_it() {
    let (_d, mut conn) = village();
    let r = add(&mut conn, &input(6, "维修", "2026-11-25", "", ""));
    assign(&mut conn, r.id, 3).unwrap();
    let e = refused(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("1.5", None, "来晚了"), &zh(), today()));
    assert_eq!(e.field(), Some("rating"), "a note without a rating is refused");
    write(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("1.5", Some(Rating::Bad), "来晚了"), &zh(), today())).unwrap();
    let open = feedback::open_followups(&conn).unwrap();
    assert_eq!(open.len(), 1, "a complaint opens a follow-up");
    assert_eq!((open[0].volunteer.0, open[0].request), (3, Some(r.id.0)));
    let e = refused(&mut conn, |tx| feedback::close_followup(tx, &actor(), open[0].id, &FollowUpInput::default(), today()));
    assert_eq!(e.message_id(), "error-feedback-action-required");
    write(&mut conn, |tx| feedback::close_followup(tx, &actor(), open[0].id, &FollowUpInput { action: "会长上门道歉并重修".into(), date: String::new() }, today())).unwrap();
    assert!(feedback::open_followups(&conn).unwrap().is_empty(), "closed with what was done");
    let s = feedback::summary(&conn, day("2026-10-01"), day("2026-12-31")).unwrap();
    assert_eq!((s.good, s.ok, s.bad, s.followups_closed, s.followups_open), (0, 0, 1, 1, 0));
    let q = huzhu::kernel::Quarter::parse("quarter", "2026-Q4").unwrap();
    assert_eq!(feedback::quarter_summary(&conn, q).unwrap(), s, "the quarter's summary is the same count");
    let report = huzhu::reports::work::build(&conn, huzhu::money::statements::Period::Quarter(q), "", &zh(), today()).unwrap();
    assert_eq!((report.services.feedback.bad, report.services.requests.done, report.services.requests.hours.to_string()), (1, 1, "1.5".into()), "the work report carries the quarter's requests and feedback");
    let pdf = huzhu::reports::work_pdf(&report, &zh()).unwrap();
    let (text, _) = common::pdf::pdf_text(&pdf);
    let text = common::pdf::squash(&text);
    assert!(text.contains("服务评价") && text.contains("不满意1"), "the report's PDF prints the feedback line: {text}");
    let page = requests::volunteer_record(&conn, MemberNo(3)).unwrap();
    assert_eq!((page.requests_done, page.balance.to_string(), page.feedback.len()), (1, "1.5".into(), 1), "the volunteer's page shows hours, services and feedback");
}

#[test]
fn feedback_on_a_shift_is_about_whoever_served_it_once_and_only_after_it_was_done() {
    use common::rota::{record_done, slot_at};
    use huzhu::feedback::ShiftFeedbackInput;
    let (_d, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-20", Some("2026-11-20"), &[DAY_SHIFT]));
    generate(&mut conn, month("2026-11"));
    let s = slot_at(&slots(&conn, month("2026-11")), "2026-11-20", "08:00");
    let on = people(&s)[0];
    let fb = |rating| ShiftFeedbackInput { slot: s.id, person: None, rating, note: "翻身及时".into() };
    let e = refused(&mut conn, |tx| feedback::add_for_shift(tx, &actor(), &fb(Rating::Good), today()));
    assert_eq!(e.message_id(), "error-feedback-shift-not-done", "no feedback before the shift is recorded done");
    let other = [1, 2, 3].into_iter().find(|n| *n != on).unwrap();
    write(&mut conn, |tx| record_done(tx, s.id, None, Some(other), "")).expect("covered by someone else");
    let f = write(&mut conn, |tx| feedback::add_for_shift(tx, &actor(), &fb(Rating::Good), today())).expect("feedback");
    assert_eq!(f.volunteer.0, other, "the feedback is about who served, the one who covered");
    let e = refused(&mut conn, |tx| feedback::add_for_shift(tx, &actor(), &fb(Rating::Bad), today()));
    assert_eq!(e.message_id(), "error-feedback-already", "one feedback per service");
    let audited: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE entity = 'feedback'", [], |r| r.get(0)).unwrap();
    assert_eq!(audited, 1, "the feedback is audited under its entity name");
    assert!(requests::MUTUAL_AID_ENTITIES.contains(&"feedback"), "and the entity is in the module's list");
}

#[test]
fn the_lowest_load_this_month_comes_first_counting_requests_and_rota_shifts() {
    let (_d, mut conn) = village();
    let first = add(&mut conn, &input(5, "代购", "2026-11-23", "09:00", "10:00"));
    assert_eq!(able(&conn, first.id), vec![1, 2, 3, 4], "all equal: by register number");
    assign(&mut conn, first.id, 3).unwrap();
    let second = add(&mut conn, &input(6, "代购", "2026-11-24", "09:00", "10:00"));
    assert_eq!(able(&conn, second.id), vec![1, 2, 4, 3], "volunteer 3 has a request this month: last");
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-10", Some("2026-11-10"), &[DAY_SHIFT]));
    generate(&mut conn, month("2026-11"));
    let on = people(&slot_at(&slots(&conn, month("2026-11")), "2026-11-10", "08:00"));
    assert_eq!(on, vec![1], "the rota gives the shift to volunteer 1 (it does not count requests)");
    assert_eq!(able(&conn, second.id), vec![2, 4, 1, 3], "a rota shift this month counts as much as a request");
}

#[test]
fn a_done_request_counts_as_a_service_in_the_years_commendation() {
    let (_d, mut conn) = village();
    let r = add(&mut conn, &input(6, "理发", "2026-11-20", "", ""));
    assign(&mut conn, r.id, 2).unwrap();
    write(&mut conn, |tx| requests::done(tx, &actor(), r.id, &done_input("1", None, ""), &zh(), today())).unwrap();
    let c = huzhu::commendation::ranking(&conn, 2026, None).unwrap();
    let line = c.lines.iter().find(|l| l.member_no.0 == 2).expect("the volunteer is ranked");
    assert_eq!((line.services, line.hours.to_string()), (1, "1".into()), "the request is one service and its hour is counted");
}
