//! Phones masked on every read that reaches a screen, a JSON output or the command line (issue
//! 12): the rota's slots, the elders overdue a visit, a care case's family to call, hospital
//! stays, the month's birthdays, a death's possible heirs. Each read is serialised as the shell
//! and `--json` send it: the whole number never appears, the masked one does. A whole number is
//! a recorded reveal: refused to a viewer (nothing written), one audit row for a permitted role.

mod common;

use common::rota::{add_case, case_input, generate, village, DutyKind, DAY_SHIFT};
use common::{actor, month, refused, today, write};
use huzhu::audit::permissions;
use huzhu::audit::{Actor, Area, Role};
use huzhu::members::{self, FamilyContact, MemberNo, Phones};
use huzhu::rota;
use huzhu::welfare::{self, AdmitInput, DeathInput};
use rusqlite::Connection;

/// Volunteer 1's phone (the rota village's), on shifts in December.
const VOLUNTEER: &str = "13800000001";
const VOLUNTEER_MASKED: &str = "138****0001";
/// The elder living alone (6): overdue a visit, in hospital, a birthday in December.
const ELDER: &str = "13612345678";
const ELDER_MASKED: &str = "136****5678";
/// Typed on the care case of the bedridden elder (5): not a person of the register.
const CASE_FAMILY: &str = "儿子 林小明 13912345678";
const CASE_FAMILY_MASKED: &str = "儿子 林小明 139****5678";
/// Volunteer 2's son, a possible heir.
const HEIR: &str = "13700000002";
const HEIR_MASKED: &str = "137****0002";

fn viewer() -> Actor {
    Actor::user("孙查看", Role::Viewer)
}

fn secretary() -> Actor {
    Actor::user("李秘书", Role::Secretary)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

/// The whole number is nowhere in the read as it is sent, the masked one is.
fn masked<T: serde::Serialize>(what: &str, v: &T, whole: &str, shown: &str) {
    let s = json(v);
    let start: String = s.chars().take(300).collect();
    assert!(!s.contains(whole), "{what}: the whole number {whole} must not be in {start}…");
    assert!(s.contains(shown), "{what}: the masked number {shown} must be in {start}…");
}

fn reveals(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn.prepare("SELECT actor, entity, entity_id FROM audit_log WHERE action = 'reveal' ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

/// The rota village with December made, a care case for elder 5 with the family typed on it, elder
/// 6 (living alone, never visited) with a phone, a birth date in December and in hospital, and
/// volunteer 2 with a son in the register's family contacts.
fn village_with_phones() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = village();
    let mut case = case_input(5, DutyKind::Care, "2026-11-01", None, &[DAY_SHIFT]);
    case.family_to_call = CASE_FAMILY.into();
    add_case(&mut conn, &case);
    generate(&mut conn, month("2026-12"));
    write(&mut conn, |tx| {
        let mut p = members::get_by_no(tx, MemberNo(6), today())?.to_input();
        p.phones = vec![ELDER.into()];
        p.birth_date = "1946-12-08".into();
        members::update(tx, &actor(), MemberNo(6), &p, today())?;
        let mut v = members::get_by_no(tx, MemberNo(2), today())?.to_input();
        v.family = vec![FamilyContact { name: "李文华".into(), relation: "儿子".into(), phone: HEIR.into(), lives_away: true }];
        members::update(tx, &actor(), MemberNo(2), &v, today())?;
        welfare::admit(tx, &actor(), &AdmitInput { member: Some(MemberNo(6)), date: "2026-11-20".into(), hospital: "县医院".into(), notes: String::new() }, today())
    })
    .unwrap();
    (dir, conn)
}

fn death_of_2() -> DeathInput {
    DeathInput { member: Some(MemberNo(2)), date: "2026-11-28".into(), contact: String::new() }
}

#[test]
fn every_read_that_reaches_a_screen_or_json_masks_the_phones() {
    let (_dir, mut conn) = village_with_phones();
    let dec = month("2026-12");
    let cal = rota::month(&conn, dec, &common::rota::zh()).unwrap();
    assert!(cal.slots.iter().any(|s| s.assigned.iter().any(|a| a.member_no == MemberNo(1))), "volunteer 1 is on December's rota");
    masked("the rota calendar (slot panel)", &cal, VOLUNTEER, VOLUNTEER_MASKED);
    masked("rota list --json", &rota::list_month(&conn, dec, Phones::Masked).unwrap(), VOLUNTEER, VOLUNTEER_MASKED);
    let slot = cal.slots.iter().find(|s| s.assigned.iter().any(|a| a.member_no == MemberNo(1))).unwrap();
    masked("one slot", &rota::get_slot(&conn, slot.id).unwrap(), VOLUNTEER, VOLUNTEER_MASKED);
    masked("the overdue list", &rota::overdue(&conn, "7", today(), Phones::Masked).unwrap(), ELDER, ELDER_MASKED);
    masked("the cases list", &rota::list_cases(&conn, Phones::Masked).unwrap(), CASE_FAMILY, CASE_FAMILY_MASKED);
    masked("hospital stays", &welfare::stays(&conn, None, today(), Phones::Masked).unwrap(), ELDER, ELDER_MASKED);
    masked("in hospital now", &welfare::in_hospital(&conn, today(), Phones::Masked).unwrap(), ELDER, ELDER_MASKED);
    masked("December's birthdays", &welfare::birthdays(&conn, dec, false, Phones::Masked).unwrap(), ELDER, ELDER_MASKED);
    masked("the person's welfare page", &welfare::for_person(&conn, MemberNo(6), today()).unwrap(), ELDER, ELDER_MASKED);
    let agenda = huzhu::agenda::agenda(&conn, dec, today(), None).unwrap();
    masked("the agenda (birthdays, hospital, overdue)", &agenda, ELDER, ELDER_MASKED);
    assert!(!json(&agenda).contains(VOLUNTEER), "the agenda's shifts name no whole phone");
    masked("a death's preview (possible heirs)", &welfare::death_preview(&conn, &death_of_2(), today()).unwrap(), HEIR, HEIR_MASKED);
    let recorded = write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death_of_2(), today())).unwrap();
    masked("a death as recorded", &recorded, HEIR, HEIR_MASKED);
    masked("the death on the person's page", &welfare::death_record(&conn, MemberNo(2)).unwrap(), HEIR, HEIR_MASKED);
    let kept: String = conn.query_row("SELECT effects FROM death_record", [], |r| r.get(0)).unwrap();
    assert!(!kept.contains(HEIR), "the death's record keeps the heirs' phones masked: {kept}");
    // A death recorded before this kept them whole (a copy of the record as it was then, the
    // records being append-only): read masked all the same.
    conn.execute(
        "INSERT INTO death_record (person_id, date, contact, status_before, effects, recorded_at, recorded_by)
         SELECT person_id, date, contact, status_before, replace(effects, ?1, ?2), recorded_at, recorded_by FROM death_record",
        [HEIR_MASKED, HEIR],
    )
    .unwrap();
    masked("an older death on the person's page", &welfare::death_record(&conn, MemberNo(2)).unwrap(), HEIR, HEIR_MASKED);
    // Whole for the printouts, which mask by their own option.
    assert!(json(&rota::list_month(&conn, dec, Phones::Whole).unwrap()).contains(VOLUNTEER));
}

#[test]
fn a_list_is_shown_whole_only_to_a_role_that_may_and_the_reveal_is_recorded() {
    let (_dir, mut conn) = village_with_phones();
    for who in [viewer(), Actor::user("王会计", Role::Accountant)] {
        let e = refused(&mut conn, |tx| members::reveal_phones(tx, &who, "rota:2026-12"));
        assert_eq!(e.code(), "refused", "{who:?}");
        let e = refused(&mut conn, |tx| rota::reveal_family(tx, &who, rota::CaseId(1)));
        assert_eq!(e.code(), "refused", "{who:?}: a case's family to call");
        let e = refused(&mut conn, |tx| {
            let mut plan = welfare::death_preview(tx, &death_of_2(), today())?;
            welfare::reveal_heirs(tx, &who, &mut plan, today())
        });
        assert_eq!(e.code(), "refused", "{who:?}: a death's heirs");
    }
    assert!(reveals(&conn).is_empty());
    assert_eq!(permissions::area_of("care_case", "reveal"), Some(Area::Sensitive), "a case's family whole is a sensitive read");

    let phones = write(&mut conn, |tx| members::reveal_phones(tx, &secretary(), "rota:2026-12")).unwrap();
    assert_eq!(phones, Phones::Whole);
    assert_eq!(reveals(&conn), vec![("李秘书".into(), "person".into(), "rota:2026-12".into())], "one reveal, named");

    let family = write(&mut conn, |tx| rota::reveal_family(tx, &secretary(), rota::CaseId(1))).unwrap();
    assert_eq!(family, CASE_FAMILY, "the family to call whole");
    assert_eq!(reveals(&conn).last().unwrap(), &("李秘书".into(), "care_case".into(), "1".into()));
    assert_eq!(reveals(&conn).len(), 2);

    let plan = write(&mut conn, |tx| {
        let mut plan = welfare::death_preview(tx, &death_of_2(), today())?;
        welfare::reveal_heirs(tx, &secretary(), &mut plan, today())?;
        Ok(plan)
    })
    .unwrap();
    assert_eq!(plan.heirs[0].phone, HEIR, "the heir's phone whole");
    assert_eq!(reveals(&conn).last().unwrap(), &("李秘书".into(), "person".into(), "2".into()), "a reveal of the person's phones");
    assert_eq!(reveals(&conn).len(), 3);
}
