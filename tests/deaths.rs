//! "A member dies": each consequence checked in the database — the status, the rota (shifts
//! left short, cases and pairings ended), the time bank (frozen, heirs listed), dues (billing
//! stops after the year), the condolence proposed, one audit row — a refused death changes no
//! row, and a death entered by mistake is corrected.

mod common;

use common::rota::{add_case, case_input, generate, pairing, slots, village, zh, DutyKind, DAY_SHIFT, NIGHT_SHIFT};
use common::time_bank::deposit;
use common::welfare::{pay, payment, set_standard, standard};
use common::{actor, count, day, month, refused, snapshot, today, write};
use huzhu::kernel::Fen;
use huzhu::members::{self, FamilyContact, MemberNo, Status};
use huzhu::money::dues::{self, PolicyInput};
use huzhu::rota;
use huzhu::time_bank as tb;
use huzhu::welfare::{self, DeathInput, WelfareKind};
use rusqlite::Connection;

const DIED: &str = "2026-11-28";

fn death(no: i64, date: &str, contact: &str) -> DeathInput {
    DeathInput { member: Some(MemberNo(no)), date: date.into(), contact: contact.into() }
}

/// The rota village with a care case for the bedridden elder (5), volunteer 1 paired with the
/// elder living alone (6), December's rota made, dues set for 2026 and 2027, a condolence
/// standard, and volunteer 2 (李建国) with a family and hours in the time bank.
fn village_with_a_month() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = village();
    add_case(&mut conn, &case_input(5, DutyKind::Care, "2026-11-01", None, &[DAY_SHIFT, NIGHT_SHIFT]));
    write(&mut conn, |tx| rota::add_pairing(tx, &actor(), &pairing(1, 6, "7", "2026-11-01"), &zh(), today())).expect("pair 1 with 6");
    generate(&mut conn, month("2026-12"));
    for year in [2026, 2027] {
        write(&mut conn, |tx| dues::set_policy(tx, &actor(), &PolicyInput { year, amount: "50".into(), ..Default::default() })).unwrap();
    }
    set_standard(&mut conn, &huzhu::welfare::StandardInput { goods: "花圈".into(), ..standard(WelfareKind::Condolence, "500", "", "", "2026-01-01") });
    write(&mut conn, |tx| {
        let p = members::get_by_no(tx, MemberNo(2), today())?;
        let mut input = p.to_input();
        input.birth_date = "1958-04-02".into();
        input.family = vec![
            FamilyContact { name: "李文华".into(), relation: "儿子".into(), phone: "13900000001".into(), lives_away: true },
            FamilyContact { name: "李秀梅".into(), relation: "女儿".into(), phone: "13900000002".into(), lives_away: false },
        ];
        members::update(tx, &actor(), MemberNo(2), &input, today())
    })
    .unwrap();
    deposit(&mut conn, MemberNo(2), "6", "2026-11-10").expect("bank some hours");
    (dir, conn)
}

fn on_after(conn: &Connection, no: i64, after: &str) -> usize {
    slots(conn, month("2026-12"))
        .iter()
        .chain(slots(conn, month("2026-11")).iter())
        .filter(|s| s.date > day(after) && s.assigned.iter().any(|a| a.member_no.0 == no))
        .count()
}

#[test]
fn a_volunteer_dies_and_every_consequence_is_in_the_database_with_one_audit_row() {
    let (_d, mut conn) = village_with_a_month();
    assert!(on_after(&conn, 2, DIED) > 0, "the volunteer was on December's rota");
    let before = snapshot(&conn);
    let preview = welfare::death_preview(&conn, &death(2, DIED, "李文华"), today()).unwrap();
    assert_eq!(snapshot(&conn), before, "the preview writes nothing");
    assert!(!preview.rota.shifts_left.is_empty(), "the preview lists the shifts that will be short");

    let audits = count(&conn, "audit_log");
    let plan = write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, DIED, "李文华"), today())).unwrap();
    assert_eq!(count(&conn, "audit_log"), audits + 1, "the whole action is one audit row");
    assert_eq!(plan.rota.shifts_left, preview.rota.shifts_left, "it did what the preview said");

    let p = members::get_by_no(&conn, MemberNo(2), today()).unwrap();
    assert_eq!((p.status, p.death_date), (Status::Deceased, Some(day(DIED))), "deceased with the date");
    assert_eq!(on_after(&conn, 2, DIED), 0, "no shift after the death keeps the volunteer");
    let unfilled: Vec<i64> = rota::unfilled(&conn, month("2026-12"), &zh()).unwrap().iter().map(|u| u.slot.0).collect();
    for s in &plan.rota.shifts_left {
        assert!(s.short >= 1, "a slot they left is short");
        assert!(unfilled.contains(&s.slot.0), "slot {} is listed like any unfilled slot", s.slot.0);
    }
    assert!(tb::is_frozen(&conn, MemberNo(2)).unwrap(), "the time-bank account is frozen");
    assert_eq!(plan.time_balance.map(|h| h.to_string()), Some("6".to_string()), "the frozen hours are named");
    let heirs: Vec<&str> = plan.heirs.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(heirs, ["李文华", "李秀梅"], "the family contacts are listed as possible heirs");
    assert!(dues::bill(&conn, 2026).unwrap().iter().any(|l| l.member_no.0 == 2), "the year of death is still billed");
    assert!(!dues::bill(&conn, 2027).unwrap().iter().any(|l| l.member_no.0 == 2), "no later year is billed");
    assert_eq!(plan.dues.as_ref().map(|d| (d.year, d.owed)), Some((2026, Fen(5000))), "the dues still owed for the year are named");
    let c = &plan.condolence;
    assert_eq!((c.standard.as_ref().map(|s| s.amount), c.receiver.as_str()), (Some(Fen(50000)), "李文华"), "the condolence is proposed from the standard, to the contact");
    assert_eq!(count(&conn, "welfare_payment"), 0, "proposed, not paid: the secretary confirms it");
    let e = refused(&mut conn, |tx| tb::deposit(tx, &actor(), &tb::DepositInput {
        provider: MemberNo(2),
        hours: "1".into(),
        date: DIED.into(),
        recipient: None,
        service_kind: String::new(),
        confirmed_by: String::new(),
    }, today()));
    assert_eq!(e.code(), "conflict", "nothing is banked for the dead");
}

#[test]
fn a_recipient_dies_and_their_care_ends_and_a_paired_volunteer_dies_and_the_pairing_ends() {
    let (_d, mut conn) = village_with_a_month();
    let plan = write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(5, DIED, ""), today())).unwrap();
    let case = &plan.rota.cases_ended[0];
    assert_eq!(case.recipient.0, 5);
    assert!(case.slots_removed > 0, "December's slots of the case were removed");
    let c = rota::get_case(&conn, case.case_id, huzhu::members::Phones::Masked).unwrap();
    assert_eq!(c.until, Some(day(DIED)), "the care case ends on the date of death");
    assert!(slots(&conn, month("2026-12")).iter().all(|s| s.recipient.0 != 5), "no December slot cares for the dead");
    assert!(plan.rota.shifts_left.is_empty(), "a recipient leaves no one's shift short");

    let plan = write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(1, DIED, ""), today())).unwrap();
    assert_eq!(plan.rota.pairings_ended.len(), 1, "the pairing of the volunteer ends");
    let active: bool = conn.query_row("SELECT active FROM pairing", [], |r| r.get(0)).unwrap();
    assert!(!active, "the pairing is ended in the database");
    assert!(plan.rota.cases_ended.iter().any(|c| c.recipient.0 == 6), "the pairing's visits end with it");
}

#[test]
fn a_refused_death_changes_no_row() {
    let (_d, mut conn) = village_with_a_month();
    let e = refused(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, "2026-11-30", ""), today()));
    assert_eq!((e.message_id(), e.field()), ("error-date-future", Some("date")), "a death is not recorded ahead");
    let e = refused(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, "1950-01-01", ""), today()));
    assert_eq!(e.message_id(), "error-death-before-birth", "nor before the birth");
    let e = refused(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, "2026-11-3x", ""), today()));
    assert_eq!(e.message_id(), "error-date-invalid");
    write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, DIED, ""), today())).unwrap();
    let e = refused(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, DIED, ""), today()));
    assert_eq!(e.message_id(), "error-welfare-already-deceased", "nor twice");
    let e = refused(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(99, DIED, ""), today()));
    assert_eq!(e.code(), "not_found");
}

#[test]
fn a_death_entered_by_mistake_is_corrected_with_a_reason() {
    let (_d, mut conn) = village_with_a_month();
    let plan = write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(1, DIED, "张家"), today())).unwrap();
    let w = pay(&mut conn, &payment(MemberNo(1), WelfareKind::Condolence, DIED)).unwrap();
    assert_eq!(w.receiver, "张家", "the condolence goes to the contact recorded with the death");
    let e = refused(&mut conn, |tx| welfare::correct_death(tx, &actor(), MemberNo(1), " ", today()));
    assert_eq!(e.message_id(), "error-reason-required", "a correction needs its reason");

    let c = write(&mut conn, |tx| welfare::correct_death(tx, &actor(), MemberNo(1), "登记错了人", today())).unwrap();
    let p = members::get_by_no(&conn, MemberNo(1), today()).unwrap();
    assert_eq!((p.status, p.death_date), (Status::Active, None), "the status is restored");
    let after = welfare::get_by_voucher(&conn, &w.voucher_no).unwrap();
    assert_eq!(c.reversals.len(), 1, "the condolence is reversed");
    assert_eq!(after.reversed_by.as_ref(), c.reversals.first(), "through the cash book, shown on the payment");
    assert_eq!(huzhu::money::cash_book::balance(&conn, None).unwrap(), Fen::ZERO, "the money is back in the book");
    assert_eq!(c.shifts_to_restore, plan.rota.shifts_left, "the shifts they came off are listed to fill again");
    let active: bool = conn.query_row("SELECT active FROM pairing", [], |r| r.get(0)).unwrap();
    assert!(active, "the pairing is active again");
    let visits = plan.rota.cases_ended.iter().find(|x| x.recipient.0 == 6).unwrap();
    assert_eq!(rota::get_case(&conn, visits.case_id, huzhu::members::Phones::Masked).unwrap().until, None, "the pairing's visits run on again");
    deposit(&mut conn, MemberNo(1), "1", "2026-11-28").expect("the account is no longer frozen");
    let e = refused(&mut conn, |tx| welfare::correct_death(tx, &actor(), MemberNo(1), "再来一次", today()));
    assert_eq!(e.message_id(), "error-welfare-no-death-record", "a corrected death cannot be corrected again");

    // Alive after all, and later really dies: the account is frozen again.
    write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(1, DIED, ""), today())).unwrap();
    assert!(tb::is_frozen(&conn, MemberNo(1)).unwrap(), "a second, real death freezes the account again");
}

#[test]
fn a_death_whose_hours_were_inherited_is_not_corrected_until_the_inheritance_is_reversed() {
    let (_d, mut conn) = village_with_a_month();
    write(&mut conn, |tx| welfare::record_death(tx, &actor(), &death(2, DIED, ""), today())).unwrap();
    let heirs = [tb::HeirShare::parse("3").unwrap()];
    write(&mut conn, |tx| tb::inherit(tx, &actor(), MemberNo(2), &heirs, "村委会", day(DIED), today())).unwrap();
    let e = refused(&mut conn, |tx| welfare::correct_death(tx, &actor(), MemberNo(2), "登记错了", today()));
    assert_eq!(e.message_id(), "error-welfare-death-inherited", "the inheritance is reversed first");
}
