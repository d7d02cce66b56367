//! Mediation (调解): a case opened with its parties (from the register or by name), notes of the
//! meetings kept out of the list, closed once with its outcome; the agreement on paper with a
//! signature line for each party and the mediator.

mod common;

use common::pdf::{pdf_text, squash};
use common::{actor, add_member, refused, test_db_with_association, today, write};
use huzhu::i18n::{Lang, Localizer};
use huzhu::mediation::{self, CloseInput, DisputeKind, NoteInput, OpenInput, MediationOutcome, PartyInput};

fn open_input(no: huzhu::members::MemberNo) -> OpenInput {
    OpenInput {
        parties: vec![PartyInput { member: Some(no), name: String::new() }, PartyInput { member: None, name: "林建国".into() }],
        about: Some(DisputeKind::FamilySupport),
        summary: "儿子不付生活费".into(),
        mediator: "陈会长".into(),
        opened: "2026-11-02".into(),
    }
}

#[test]
fn a_case_is_opened_noted_and_closed_once_and_lists_keep_its_notes_out() {
    let (_d, mut conn) = test_db_with_association();
    let no = add_member(&mut conn, "林阿婆");
    let c = write(&mut conn, |tx| mediation::open(tx, &actor(), &open_input(no), today())).unwrap();
    assert_eq!(c.line.parties.iter().map(|p| (p.member_no, p.name.as_str())).collect::<Vec<_>>(), vec![(Some(no), "林阿婆"), (None, "林建国")], "a register member and a name");
    let c = write(&mut conn, |tx| mediation::note(tx, &actor(), c.line.id, &NoteInput { text: "第一次调解：儿子答应每月给 300 元".into(), date: "2026-11-05".into() }, today())).unwrap();
    assert_eq!(c.notes.len(), 1);

    let list = mediation::list(&conn).unwrap();
    let json = serde_json::to_string(&list).unwrap();
    assert!(!json.contains("300 元") && !json.contains("生活费"), "a list never carries the notes or the summary: {json}");
    assert_eq!((list[0].meetings, list[0].about), (1, DisputeKind::FamilySupport), "only what it is about and how many meetings");

    let closed = write(&mut conn, |tx| mediation::close(tx, &actor(), c.line.id, &CloseInput { outcome: Some(MediationOutcome::Agreed), date: "2026-11-10".into() }, today())).unwrap();
    assert_eq!((closed.line.outcome, closed.line.closed.map(|d| d.to_string())), (Some(MediationOutcome::Agreed), Some("2026-11-10".into())));
    let e = refused(&mut conn, |tx| mediation::close(tx, &actor(), c.line.id, &CloseInput { outcome: Some(MediationOutcome::Withdrawn), date: String::new() }, today()));
    assert_eq!(e.message_id(), "error-mediation-closed", "a case is closed once");
    let e = refused(&mut conn, |tx| mediation::note(tx, &actor(), c.line.id, &NoteInput { text: "又来了".into(), date: String::new() }, today()));
    assert_eq!(e.message_id(), "error-mediation-closed", "a closed case takes no notes");
}

#[test]
fn a_case_needs_two_parties_and_a_kind_and_a_bad_date_changes_nothing() {
    let (_d, mut conn) = test_db_with_association();
    let no = add_member(&mut conn, "林阿婆");
    let one = OpenInput { parties: vec![PartyInput { member: Some(no), name: String::new() }], ..open_input(no) };
    assert_eq!(refused(&mut conn, |tx| mediation::open(tx, &actor(), &one, today())).message_id(), "error-mediation-parties");
    let no_kind = OpenInput { about: None, ..open_input(no) };
    assert_eq!(refused(&mut conn, |tx| mediation::open(tx, &actor(), &no_kind, today())).message_id(), "error-mediation-about-required");
    let future = OpenInput { opened: "2027-01-01".into(), ..open_input(no) };
    assert_eq!(refused(&mut conn, |tx| mediation::open(tx, &actor(), &future, today())).field(), Some("opened"));
    let c = write(&mut conn, |tx| mediation::open(tx, &actor(), &open_input(no), today())).unwrap();
    let early = CloseInput { outcome: Some(MediationOutcome::Referred), date: "2026-10-01".into() };
    assert_eq!(refused(&mut conn, |tx| mediation::close(tx, &actor(), c.line.id, &early, today())).field(), Some("date"), "a case closes after it opened");
}

#[test]
fn the_agreement_has_the_parties_the_terms_and_a_line_to_sign_for_each() {
    let (_d, mut conn) = test_db_with_association();
    let no = add_member(&mut conn, "林阿婆");
    let c = write(&mut conn, |tx| mediation::open(tx, &actor(), &open_input(no), today())).unwrap();
    let terms = "一、林建国每月5日前给付母亲林阿婆生活费300元。\n二、林阿婆看病的费用由子女平均分担。";
    for lang in [Lang::ZhCn, Lang::EnUs] {
        let p = mediation::agreement_pdf(&conn, c.line.id, terms, &Localizer::new(lang), today()).unwrap();
        let (text, pages) = pdf_text(&p.bytes);
        let t = squash(&text);
        assert_eq!(pages, 1, "a short agreement is one page");
        for must in ["林阿婆", "林建国", "每月5日前给付母亲林阿婆生活费300元", "子女平均分担", common::ASSOCIATION] {
            assert!(t.contains(&squash(must)), "{lang:?}: the agreement has {must}: {text}");
        }
        let signs = if lang == Lang::ZhCn { ["甲方（签字）", "乙方（签字）", "调解人（签字）"] } else { ["PartyA(signature)", "PartyB(signature)", "Mediator(signature)"] };
        for s in signs {
            assert!(t.contains(s), "{lang:?}: a signature line {s}: {text}");
        }
        if lang == Lang::ZhCn {
            std::fs::write("/tmp/mediation-agreement.pdf", &p.bytes).ok();
        }
    }
    let e = mediation::agreement_pdf(&conn, c.line.id, "  ", &Localizer::new(Lang::ZhCn), today()).unwrap_err();
    assert_eq!(e.message_id(), "error-mediation-terms-required");
}
