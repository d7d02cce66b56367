//! Activities (活动): a cost and its cash-book expense are one (the activity's spending, the cash
//! book and the statement agree; a reversal in the cash book stops the activity counting it);
//! attendance by ticks or by count; the sign-in sheet on paper.

mod common;

use common::pdf::{pdf_text, squash};
use common::{actor, add_member, count, refused, test_db_with_association, today, write};
use huzhu::activities::{self, ActivityInput, ActivityKind, AttendanceInput, CostCategory, CostInput};
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::Fen;
use huzhu::money::cash_book;
use huzhu::money::receipts;
use huzhu::money::statements::{self, Period};
use huzhu::Error;

fn activity(name: &str, kind: ActivityKind, date: &str) -> ActivityInput {
    ActivityInput { name: name.into(), kind: Some(kind), date: date.into(), place: "老年活动中心".into(), budget: "2000".into() }
}

fn cost(amount: &str, date: &str) -> CostInput {
    CostInput { amount: amount.into(), date: date.into(), party: "村口饭店".into(), memo: "聚餐".into(), ..Default::default() }
}

#[test]
fn costs_post_to_the_cash_book_and_the_activity_the_cash_book_and_the_statement_agree() {
    let (_d, mut conn) = test_db_with_association();
    let a = write(&mut conn, |tx| activities::add(tx, &actor(), &activity("重阳敬老宴", ActivityKind::Chongyang, "2026-10-29"), today())).unwrap();
    let trip = write(&mut conn, |tx| activities::add(tx, &actor(), &activity("清源山一日游", ActivityKind::Trip, "2026-11-10"), today())).unwrap();
    let c1 = write(&mut conn, |tx| activities::add_cost(tx, &actor(), a.id, &cost("1,200.50", "2026-10-29"), today())).unwrap();
    let c2 = write(&mut conn, |tx| activities::add_cost(tx, &actor(), a.id, &cost("300", "2026-10-30"), today())).unwrap();
    let c3 = write(&mut conn, |tx| activities::add_cost(tx, &actor(), trip.id, &cost("800", "2026-11-10"), today())).unwrap();
    assert_eq!((c1.category, c3.category), (CostCategory::Events, CostCategory::Trips), "a trip's cost goes to 外出旅游, others to 活动经费");

    let e = cash_book::get_by_voucher(&conn, &c1.voucher_no).expect("the cost's voucher is a cash entry");
    assert_eq!((e.amount, e.category_code.as_deref(), e.source.as_str()), (Fen(120050), Some("events"), format!("activity:{}", a.id.0).as_str()), "the entry is the cost, under 活动经费, naming the activity");
    let e3 = cash_book::get_by_voucher(&conn, &c3.voucher_no).unwrap();
    assert_eq!(e3.category_code.as_deref(), Some("trips"));
    assert_eq!(activities::get(&conn, a.id).unwrap().spent, Fen(150050), "the activity's spending is the sum of its costs");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(-230050), "the cash book falls by every cost");

    let s = statements::build(&conn, Period::Year(2026)).unwrap();
    let events = s.categories.iter().find(|c| c.category_code.as_deref() == Some("events")).expect("the statement has 活动经费");
    let trips = s.categories.iter().find(|c| c.category_code.as_deref() == Some("trips")).expect("the statement has 外出旅游");
    assert_eq!((events.total, trips.total), (Fen(150050), Fen(80000)), "the statement's categories are the activities' costs");

    // A mistaken cost is reversed in the cash book; the activity stops counting it.
    write(&mut conn, |tx| receipts::reverse_entry(tx, &actor(), &c2.voucher_no, &ReversalInput::new("重复记账", "2026-11-01"), today())).unwrap();
    assert_eq!(activities::get(&conn, a.id).unwrap().spent, Fen(120050), "a reversed cost no longer counts");
    let costs = activities::costs(&conn, a.id).unwrap();
    assert!(costs[1].reversed_by.is_some(), "the cost shows its reversal");
    assert_eq!(cash_book::balance(&conn, None).unwrap(), Fen(-200050), "the cash book and the activities agree after the reversal");
}

#[test]
fn a_bad_cost_changes_nothing() {
    let (_d, mut conn) = test_db_with_association();
    let a = write(&mut conn, |tx| activities::add(tx, &actor(), &activity("春节联欢", ActivityKind::Festival, "2026-02-10"), today())).unwrap();
    for (amount, date) in [("abc", "2026-02-10"), ("0", "2026-02-10"), ("100", "2026-12-31")] {
        let e = refused(&mut conn, |tx| activities::add_cost(tx, &actor(), a.id, &cost(amount, date), today()));
        assert!(matches!(e, Error::Invalid { .. }), "{amount} on {date}: {e:?}");
    }
    let e = refused(&mut conn, |tx| activities::add_cost(tx, &actor(), activities::ActivityId(99), &cost("10", ""), today()));
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    assert_eq!(count(&conn, "cash_entry"), 0, "no cash entry without its activity");
}

#[test]
fn attendance_is_the_count_when_given_else_the_ticks() {
    let (_d, mut conn) = test_db_with_association();
    let a = write(&mut conn, |tx| activities::add(tx, &actor(), &activity("健康讲座", ActivityKind::Lecture, "2026-11-20"), today())).unwrap();
    let (m1, m2) = (add_member(&mut conn, "张秀英"), add_member(&mut conn, "林德明"));
    let input = AttendanceInput { people: vec![m1, m2, m1], count: String::new() };
    let after = write(&mut conn, |tx| activities::attend(tx, &actor(), a.id, &input, today())).unwrap();
    assert_eq!((after.ticked, after.attendance), (2, 2), "someone ticked twice counts once");
    let after = write(&mut conn, |tx| activities::attend(tx, &actor(), a.id, &AttendanceInput { people: vec![], count: "35".into() }, today())).unwrap();
    assert_eq!((after.ticked, after.counted, after.attendance), (2, Some(35), 35), "a head count is the attendance");
    refused(&mut conn, |tx| activities::attend(tx, &actor(), a.id, &AttendanceInput::default(), today()));
    refused(&mut conn, |tx| activities::attend(tx, &actor(), a.id, &AttendanceInput { people: vec![huzhu::members::MemberNo(999)], count: String::new() }, today()));
    let after = write(&mut conn, |tx| activities::untick(tx, &actor(), a.id, m2)).unwrap();
    assert_eq!(after.ticked, 1);
    assert_eq!(activities::list(&conn, Some(2026)).unwrap().len(), 1);
    assert_eq!(activities::list(&conn, Some(2025)).unwrap().len(), 0, "the year's list holds only that year");
}

#[test]
fn the_sign_in_sheet_lists_the_members_with_a_column_to_sign() {
    let (_d, mut conn) = test_db_with_association();
    add_member(&mut conn, "张秀英");
    add_member(&mut conn, "林德明");
    let a = write(&mut conn, |tx| activities::add(tx, &actor(), &activity("重阳敬老宴", ActivityKind::Chongyang, "2026-10-29"), today())).unwrap();
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let p = activities::sheet_pdf(&conn, a.id, &Localizer::new(lang), today()).unwrap();
        let (text, pages) = pdf_text(&p.bytes);
        let t = squash(&text);
        assert_eq!(pages, 1, "two members fit one page");
        for must in ["重阳敬老宴", "张秀英", "林德明", common::ASSOCIATION, "2026-10-29"] {
            assert!(t.contains(&squash(must)), "{lang:?}: the sheet shows {must}: {text}");
        }
        let sign = if lang == Lang::ZhCn { "签名" } else { "Signature" };
        assert!(t.contains(sign), "{lang:?}: the sheet has a signature column: {text}");
        assert!(p.name.ends_with(".pdf") && p.name.contains("重阳敬老宴"), "{}", p.name);
    }
    let p = activities::sheet_pdf(&conn, a.id, &Localizer::new(Lang::ZhCn), today()).unwrap();
    std::fs::write("/tmp/activity-sheet.pdf", &p.bytes).ok();
}

#[test]
fn the_work_report_lists_the_years_activities_with_attendance_and_cost() {
    let (_d, mut conn) = test_db_with_association();
    let a = write(&mut conn, |tx| activities::add(tx, &actor(), &activity("重阳敬老宴", ActivityKind::Chongyang, "2026-10-29"), today())).unwrap();
    write(&mut conn, |tx| activities::add(tx, &actor(), &activity("去年的联欢", ActivityKind::Festival, "2025-02-10"), today())).unwrap();
    write(&mut conn, |tx| activities::attend(tx, &actor(), a.id, &AttendanceInput { people: vec![], count: "42".into() }, today())).unwrap();
    write(&mut conn, |tx| activities::add_cost(tx, &actor(), a.id, &cost("1500", "2026-10-29"), today())).unwrap();
    let zh = Localizer::new(Lang::ZhCn);
    let r = huzhu::reports::work::build(&conn, Period::Year(2026), "", &zh, today()).unwrap();
    assert_eq!(r.activities.len(), 1, "only the year's activities: {:?}", r.activities);
    assert_eq!((r.activities[0].attendance, r.activities[0].spent), (42, Fen(150000)));
    let pdf = huzhu::reports::work_pdf(&r, &zh).unwrap();
    let (text, _) = pdf_text(&pdf);
    let t = squash(&text);
    assert!(t.contains("本期活动1次") && t.contains("重阳敬老宴") && t.contains("42人"), "the report's PDF lists the activity: {text}");
}
