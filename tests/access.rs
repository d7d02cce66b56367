//! People and access (issue 12): the permission table enforced at `audit::record`, every role
//! against every audited entity and against real writes; two-person approval; Argon2id PHC
//! strings; the growing wait after wrong PINs; recovery codes; the audit trail's reads.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::money::entry;
use common::{actor, refused, snapshot, today, write};
use huzhu::access::{approval, recovery, settings, users, AccessSettingsInput, UserInput};
use huzhu::association::{self, Settings};
use huzhu::audit::permissions::{self, ENTITY_AREAS};
use huzhu::audit::{self, Actor, Area, AuditFilter, MoneyDuty, Role};
use huzhu::members::{self, PersonInput};
use huzhu::money::{cash_book, CashKind};
use huzhu::welfare::{self, WelfareKind};
use rusqlite::{Connection, Transaction};

const CHAIR_PIN: &str = "204817";
const PIN: &str = "530961";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-29T08:00:00Z").unwrap().with_timezone(&Utc)
}

fn add_user(conn: &mut Connection, name: &str, role: Role, pin: &str) {
    write(conn, |tx| users::add(tx, &actor(), &UserInput { name: name.into(), role: Some(role), pin: pin.into() }))
        .unwrap_or_else(|e| panic!("add user {name}: {e:?}"));
}

/// A database with sign-in on: a chair and one user of every other role.
fn with_users() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = common::test_db_with_association();
    add_user(&mut conn, "陈会长", Role::Chair, CHAIR_PIN);
    for (name, role) in [("李秘书", Role::Secretary), ("王会计", Role::Accountant), ("赵出纳", Role::Cashier), ("孙查看", Role::Viewer)] {
        write(&mut conn, |tx| users::add(tx, &Actor::user("陈会长", Role::Chair), &UserInput { name: name.into(), role: Some(role), pin: PIN.into() }))
            .unwrap();
    }
    (dir, conn)
}

#[test]
fn every_role_against_every_audited_entity_is_what_the_table_says_and_a_refusal_writes_nothing() {
    let (_dir, mut conn) = common::test_db();
    for (entity, area) in ENTITY_AREAS {
        for role in Role::ALL {
            let allowed = permissions::may(&conn, *role, *area).unwrap();
            let before = snapshot(&conn);
            let out = write(&mut conn, |tx| audit::record(tx, &Actor::user("某人", *role), "test", entity, 1, None::<&()>, Some(&1)));
            assert_eq!(out.is_ok(), allowed, "{role:?} writing {entity} ({area:?}): the table says allowed = {allowed}, got {out:?}");
            if !allowed {
                assert_eq!(out.unwrap_err().code(), "refused", "a refusal is Error::Refused");
                assert!(snapshot(&conn) == before, "a refused write of {entity} by {role:?} must change no row");
            }
        }
    }
    // An entity nobody listed: the chair only.
    for role in Role::ALL {
        let out = write(&mut conn, |tx| audit::record(tx, &Actor::user("某人", *role), "add", "unlisted_thing", 1, None::<&()>, Some(&1)));
        assert_eq!(out.is_ok(), *role == Role::Chair, "an unlisted entity is refused for {role:?} unless chair");
    }
}

#[test]
fn the_rights_of_each_role_are_those_of_issue_12() {
    let conn = common::memory_db();
    let may = |r, a| permissions::may(&conn, r, a).unwrap();
    for a in Area::ALL {
        assert!(may(Role::Chair, *a), "the chair may do everything ({a:?})");
    }
    for a in [Area::Register, Area::Rota, Area::Welfare, Area::TimeBank, Area::Money, Area::Reports] {
        assert!(may(Role::Secretary, a), "the secretary does {a:?}");
    }
    assert!(!may(Role::Secretary, Area::Users), "users are the chair's");
    for r in [Role::Accountant, Role::Cashier] {
        assert!(may(r, Area::Money) && may(r, Area::Reports), "{r:?} keeps the cash book");
        for a in [Area::Register, Area::Welfare, Area::Rota, Area::TimeBank, Area::Users, Area::Sensitive, Area::Settings] {
            assert!(!may(r, a), "{r:?} may not touch {a:?}");
        }
    }
    for a in Area::ALL {
        assert_eq!(may(Role::Viewer, *a), matches!(a, Area::Reports | Area::Session), "the viewer only reads and prints ({a:?})");
    }
    assert!(!permissions::may_approve(&conn, Role::Secretary).unwrap(), "the secretary does not approve");
    assert!(permissions::may_approve(&conn, Role::Chair).unwrap());
}

/// Every entity string passed to `audit::record` in src/ and src-tauri/src is in the
/// permission table, so a new area cannot slip through unlisted (it would be refused for all
/// but the chair).
#[test]
fn every_audited_entity_in_the_code_is_in_the_permission_table() {
    let mut found = std::collections::BTreeSet::new();
    for (file, args) in common::audit_record_calls() {
        // The entity is the fourth argument.
        let entity = args[3].as_str();
        if let Some(lit) = entity.strip_prefix('"').and_then(|e| e.strip_suffix('"')) {
            found.insert((lit.to_string(), file));
        } else if !["entity"].contains(&entity) {
            panic!("{file}: audit::record's entity must be a string literal so this test can see it, got {entity}");
        }
    }
    assert!(found.len() > 20, "the scan must see the audited entities: {found:?}");
    let missing: Vec<_> = found.iter().filter(|(e, _)| permissions::area_of(e, "add").is_none()).collect();
    assert!(missing.is_empty(), "audited entities missing from the permission table (src/audit/permissions.rs): {missing:?}");
}

/// Real writes of each area × every role: allowed or refused as the table says; refused ones
/// change no row.
#[test]
fn real_writes_by_each_role_follow_the_table() {
    type Sample = (&'static str, Area, fn(&Transaction, &Actor) -> huzhu::Result<()>);
    let samples: &[Sample] = &[
        ("member add", Area::Register, |tx, a| members::add(tx, a, &PersonInput::member("新成员"), today()).map(|_| ())),
        ("cash add", Area::Money, |tx, a| cash_book::add(tx, a, &entry(CashKind::Income, "会费", "30", "2026-11-02"), today()).map(|_| ())),
        ("welfare standard", Area::Welfare, |tx, a| {
            welfare::set_standard(tx, a, &common::welfare::standard(WelfareKind::Sick, "100", "", "", ""), today()).map(|_| ())
        }),
        ("settings", Area::Settings, |tx, a| association::save_settings(tx, a, &Settings::default()).map(|_| ())),
        ("user add", Area::Users, |tx, a| users::add(tx, a, &UserInput { name: "新人".into(), role: Some(Role::Viewer), pin: "864209".into() }).map(|_| ())),
        ("access settings", Area::Users, |tx, a| {
            settings::save(tx, a, &AccessSettingsInput { approve_above: "800".into(), lock_minutes: "5".into(), ..Default::default() }).map(|_| ())
        }),
    ];
    let (_dir, mut conn) = with_users();
    for (what, area, f) in samples {
        for role in Role::ALL {
            let a = Actor::user("某人", *role);
            let allowed = permissions::may(&conn, *role, *area).unwrap();
            if allowed {
                let tx = conn.transaction().unwrap();
                f(&tx, &a).unwrap_or_else(|e| panic!("{role:?} may do {what}: {e:?}"));
                // Not committed: every role starts from the same data.
            } else {
                let e = refused(&mut conn, |tx| f(tx, &a));
                assert_eq!(e.code(), "refused", "{role:?} doing {what}: {e:?}");
            }
        }
    }
}

#[test]
fn the_accountant_and_cashier_post_or_approve_as_the_association_sets() {
    let (_dir, mut conn) = with_users();
    let chair = Actor::user("陈会长", Role::Chair);
    let input = AccessSettingsInput { approve_above: "1000".into(), lock_minutes: "10".into(), accountant_duty: MoneyDuty::Approve, cashier_duty: MoneyDuty::Post };
    write(&mut conn, |tx| settings::save(tx, &chair, &input)).unwrap();
    let income = entry(CashKind::Income, "会费", "30", "2026-11-02");
    let e = refused(&mut conn, |tx| cash_book::add(tx, &Actor::user("王会计", Role::Accountant), &income, today()));
    assert_eq!(e.code(), "refused", "an accountant who only approves may not post");
    write(&mut conn, |tx| cash_book::add(tx, &Actor::user("赵出纳", Role::Cashier), &income, today())).expect("the cashier posts");
    assert!(permissions::may_approve(&conn, Role::Accountant).unwrap() && !permissions::may_approve(&conn, Role::Cashier).unwrap());
}

#[test]
fn an_expense_above_the_approval_amount_needs_a_second_users_pin_and_the_audit_names_both() {
    let (_dir, mut conn) = with_users();
    let secretary = Actor::user("李秘书", Role::Secretary);
    let big = entry(CashKind::Expense, "办公用品", "1500", "2026-11-02");
    let e = refused(&mut conn, |tx| cash_book::add(tx, &secretary, &big, today()));
    assert_eq!((e.code(), e.field()), ("invalid", Some("approver_pin")), "one person alone cannot post 1500 yuan: {e:?}");
    // Under the amount, one person is enough.
    write(&mut conn, |tx| cash_book::add(tx, &secretary, &entry(CashKind::Expense, "办公用品", "900", "2026-11-02"), today())).unwrap();
    // The secretary cannot approve their own payment, nor can a viewer or a wrong PIN.
    for (approver, pin) in [("李秘书", PIN), ("孙查看", PIN)] {
        let input = cash_book::EntryInput { approver: approver.into(), approver_pin: pin.into(), ..big.clone() };
        let e = refused(&mut conn, |tx| cash_book::add(tx, &secretary, &input, today()));
        assert_ne!(e.code(), "storage", "{approver} may not approve: {e:?}");
    }
    let wrong = cash_book::EntryInput { approver: "陈会长".into(), approver_pin: "999111".into(), ..big.clone() };
    let e = refused(&mut conn, |tx| cash_book::add(tx, &secretary, &wrong, today()));
    assert_eq!(e.message_id(), "error-access-wrong-pin");
    // With the chair's PIN it posts.
    let approved = cash_book::EntryInput { approver: "陈会长".into(), approver_pin: CHAIR_PIN.into(), ..big };
    let posted = write(&mut conn, |tx| cash_book::add(tx, &secretary, &approved, today())).expect("approved by the chair it posts");
    assert_eq!(posted.approver, "陈会长", "the cash book names the approver who gave their PIN");
    let rows = audit::list_for(&conn, "cash_entry", &posted.voucher_no).unwrap();
    let who: Vec<_> = rows.iter().map(|r| (r.actor.as_str(), r.action.as_str())).collect();
    assert_eq!(who, [("李秘书", "add"), ("陈会长", "approve")], "the audit names both people");
}

#[test]
fn a_welfare_payment_above_the_standards_limit_needs_an_approvers_pin() {
    let (_dir, mut conn) = with_users();
    let no = common::add_member(&mut conn, "张秀英");
    let std = huzhu::welfare::StandardInput { approve_above: "300".into(), ..common::welfare::standard(WelfareKind::Sick, "500", "", "", "2026-01-01") };
    common::welfare::set_standard(&mut conn, &std);
    let secretary = Actor::user("李秘书", Role::Secretary);
    let input = common::welfare::payment(no, WelfareKind::Sick, "2026-11-03");
    let e = refused(&mut conn, |tx| welfare::pay(tx, &secretary, &input, today()));
    assert_eq!(e.field(), Some("approver_pin"), "500 above the standard's 300 needs a second person: {e:?}");
    let input = welfare::PaymentInput { approver: "陈会长".into(), approver_pin: CHAIR_PIN.into(), ..input };
    let p = write(&mut conn, |tx| welfare::pay(tx, &secretary, &input, today())).expect("approved");
    assert_eq!(p.approver, "陈会长");
}

#[test]
fn before_any_user_exists_nothing_needs_approval_and_the_secretary_acts_as_chair() {
    let (_dir, mut conn) = common::test_db();
    assert!(!users::sign_in_on(&conn).unwrap());
    common::money::post(&mut conn, &entry(CashKind::Expense, "办公用品", "5000", "2026-11-02")).expect("no users: works as before");
    assert!(approval::require(&conn, &actor(), huzhu::kernel::Fen(10_000_000), None).is_ok());
    let e = refused(&mut conn, |tx| users::add(tx, &actor(), &UserInput { name: "李秘书".into(), role: Some(Role::Secretary), pin: PIN.into() }));
    assert_eq!(e.message_id(), "error-access-first-user-chair");
}

#[test]
fn pins_are_argon2id_phc_strings_with_owasps_parameters() {
    let phc = users::hash_secret("204817").unwrap();
    assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "PHC string with OWASP's parameters: {phc}");
    assert_eq!(phc.split('$').count(), 6, "$argon2id$v$params$salt$hash: {phc}");
    assert_ne!(users::hash_secret("204817").unwrap(), phc, "a fresh salt every time");
    assert!(users::verify_secret(&phc, "204817").unwrap());
    assert!(!users::verify_secret(&phc, "204818").unwrap());
    let (_dir, conn) = with_users();
    let stored: String = conn.query_row("SELECT secret FROM app_user WHERE name = '陈会长'", [], |r| r.get(0)).unwrap();
    assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$") && !stored.contains(CHAIR_PIN), "only the hash is stored");
}

#[test]
fn pin_rules() {
    for bad in ["", "12345", "111111", "123456", "987654", "abc"] {
        assert!(users::check_secret("pin", bad).is_err(), "{bad:?} is refused");
    }
    for good in ["204817", "my long password"] {
        assert!(users::check_secret("pin", good).is_ok(), "{good:?} is accepted");
    }
}

#[test]
fn wrong_pins_make_the_wait_grow_and_a_right_pin_after_it_signs_in() {
    let (_dir, mut conn) = with_users();
    let mut t = now();
    let mut waits = Vec::new();
    for _ in 0..4 {
        let e = users::sign_in(&mut conn, "李秘书", "000999", t, true).unwrap_err();
        assert_eq!(e.message_id(), "error-access-wrong-pin");
        let secs: i64 = e.args().iter().find(|(k, _)| *k == "seconds").unwrap().1.parse().unwrap();
        waits.push(secs);
        // Too early: refused without checking the PIN, even the right one.
        let early = users::sign_in(&mut conn, "李秘书", PIN, t + Duration::milliseconds(secs * 1000 - 500), true).unwrap_err();
        assert_eq!(early.message_id(), "error-access-wait", "an attempt before the wait is over is refused");
        t += Duration::seconds(secs);
    }
    assert!(waits.windows(2).all(|w| w[1] > w[0]), "the wait grows: {waits:?}");
    assert_eq!(users::wait_after(50), users::WAIT_MAX_SECS, "but never beyond the cap (no lockout)");
    let a = users::sign_in(&mut conn, "李秘书", PIN, t, true).expect("the right PIN after the wait");
    assert_eq!((a.name.as_str(), a.role), ("李秘书", Role::Secretary));
    let e = users::sign_in(&mut conn, "李秘书", "000999", t, true).unwrap_err();
    assert_eq!(e.args().iter().find(|(k, _)| *k == "seconds").unwrap().1, "1", "a success starts the count again");
    let failed: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'", [], |r| r.get(0)).unwrap();
    assert_eq!(failed, 5, "failed sign-ins are recorded");
}

#[test]
fn the_last_chair_stays_and_disabled_users_cannot_sign_in() {
    let (_dir, mut conn) = with_users();
    let chair = Actor::user("陈会长", Role::Chair);
    let e = refused(&mut conn, |tx| users::disable(tx, &chair, "陈会长"));
    assert_eq!(e.message_id(), "error-access-last-chair");
    let e = refused(&mut conn, |tx| users::set_role(tx, &chair, "陈会长", Role::Viewer));
    assert_eq!(e.message_id(), "error-access-last-chair");
    write(&mut conn, |tx| users::disable(tx, &chair, "孙查看")).unwrap();
    let e = users::sign_in(&mut conn, "孙查看", PIN, now(), true).unwrap_err();
    assert_eq!(e.message_id(), "error-access-user-disabled");
    let e = refused(&mut conn, |tx| users::set_role(tx, &Actor::user("李秘书", Role::Secretary), "李秘书", Role::Chair));
    assert_eq!(e.code(), "refused", "a secretary cannot make themselves chair");
}

#[test]
fn a_recovery_code_resets_one_pin_once() {
    let (_dir, mut conn) = with_users();
    let chair = Actor::user("陈会长", Role::Chair);
    let codes = write(&mut conn, |tx| recovery::make_codes(tx, &chair)).unwrap();
    assert_eq!(codes.len(), 10);
    let stored: String = conn.query_row("SELECT secret FROM recovery_code LIMIT 1", [], |r| r.get(0)).unwrap();
    assert!(stored.starts_with("$argon2id$"), "codes are stored hashed");
    recovery::reset_pin(&mut conn, "陈会长", &codes[3], "736150", now()).unwrap();
    users::sign_in(&mut conn, "陈会长", "736150", now(), true).expect("the new PIN works");
    let e = recovery::reset_pin(&mut conn, "李秘书", &codes[3], "736150", now()).unwrap_err();
    assert_eq!(e.message_id(), "error-access-code-wrong", "a code is used up");
    users::sign_in(&mut conn, "李秘书", PIN, now(), true).expect("a refused code leaves the PIN as it was");
    assert_eq!(recovery::unused(&conn).unwrap(), 9);
    let pdf = recovery::sheet_pdf(&codes, common::ASSOCIATION, today(), &huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn)).unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
}

#[test]
fn the_audit_trail_is_for_the_chair_and_secretary_and_health_notes_are_not_copied() {
    let (_dir, mut conn) = with_users();
    let secretary = Actor::user("李秘书", Role::Secretary);
    let input = PersonInput { health_notes: "高血压，糖尿病".into(), ..PersonInput::member("张秀英") };
    let p = write(&mut conn, |tx| members::add(tx, &secretary, &input, today())).unwrap();
    let text: String = conn.query_row("SELECT group_concat(coalesce(after, ''), ' ') FROM audit_log", [], |r| r.get(0)).unwrap();
    assert!(!text.contains("高血压"), "health notes are recorded as changed, not copied");
    let entries = audit::list(&conn, &secretary, &AuditFilter { user: "李秘书".into(), area: Some(Area::Register), ..Default::default() }, 50).unwrap();
    assert_eq!(entries.len(), 1, "the secretary's register entries: {entries:?}");
    assert_eq!(entries[0].entity_id, p.member_no.to_string());
    assert!(entries[0].changes.iter().any(|c| c.field == "health_notes" && c.after == "(changed)"));
    assert!(entries[0].changes.iter().any(|c| c.field == "name" && c.after == "张秀英"), "before/after in words");
    for role in [Role::Viewer, Role::Accountant, Role::Cashier] {
        let e = audit::list(&conn, &Actor::user("x", role), &AuditFilter::default(), 10).unwrap_err();
        assert_eq!(e.code(), "refused", "{role:?} may not read the audit trail");
    }
}

#[test]
fn id_numbers_phones_and_health_notes_are_masked_until_revealed_by_a_role_that_may_and_the_reveal_is_recorded() {
    use huzhu::members::PrivateField;
    let (_dir, mut conn) = with_users();
    let input = PersonInput {
        id_card: "11010519491231002X".into(),
        phones: vec!["13800138000".into()],
        health_notes: "高血压".into(),
        ..PersonInput::member("张秀英")
    };
    let p = write(&mut conn, |tx| members::add(tx, &actor(), &input, today())).unwrap();
    let masked = members::get_by_no(&conn, p.member_no, today()).unwrap().masked();
    assert_eq!(masked.id_card, None, "no full ID number in the masked record");
    assert_eq!(masked.id_card_masked.as_deref(), Some("110105********002X"));
    assert_eq!(masked.phones, ["138****8000"]);
    assert!(!masked.health_notes.contains("高血压"), "health notes hidden");
    let json = serde_json::to_string(&masked).unwrap();
    assert!(!json.contains("19491231") && !json.contains("00138") && !json.contains("高血压"), "nothing hidden leaks into JSON: {json}");
    for role in [Role::Viewer, Role::Accountant, Role::Cashier] {
        let e = refused(&mut conn, |tx| members::reveal(tx, &Actor::user("某人", role), p.member_no, PrivateField::IdCard, today()));
        assert_eq!(e.code(), "refused", "{role:?} may not reveal an ID number");
    }
    let secretary = Actor::user("李秘书", Role::Secretary);
    let shown = write(&mut conn, |tx| members::reveal(tx, &secretary, p.member_no, PrivateField::IdCard, today())).unwrap();
    assert_eq!(shown.id_card.as_deref(), Some("11010519491231002X"), "the one field revealed");
    assert_eq!(shown.phones, ["138****8000"], "and only that field");
    let rows = audit::list_for(&conn, "person", &p.member_no.to_string()).unwrap();
    let reveal = rows.iter().find(|r| r.action == "reveal").expect("the reveal is recorded");
    assert_eq!((reveal.actor.as_str(), reveal.after.as_deref()), ("李秘书", Some("\"id_card\"")), "who revealed which field, not the value");
}

#[test]
fn an_export_with_whole_numbers_is_a_sensitive_read_and_every_export_is_recorded() {
    use huzhu::exports::{self, ExportRequest, ListExport};
    use huzhu::sheets::SheetFormat;
    let (_dir, mut conn) = with_users();
    let req = |full| ExportRequest { list: ListExport::Members { filter: Default::default() }, format: SheetFormat::Csv, full_numbers: full };
    let viewer = Actor::user("孙查看", Role::Viewer);
    write(&mut conn, |tx| exports::record(tx, &viewer, &req(false))).expect("a viewer exports masked lists");
    let e = refused(&mut conn, |tx| exports::record(tx, &viewer, &req(true)));
    assert_eq!(e.code(), "refused", "but not whole numbers");
    write(&mut conn, |tx| exports::record(tx, &Actor::user("李秘书", Role::Secretary), &req(true))).expect("the secretary may");
    let n: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE entity = 'export'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2);
}

#[test]
fn a_wrong_approver_pin_undone_with_its_write_still_counts_toward_the_wait() {
    let (_dir, mut conn) = with_users();
    let secretary = Actor::user("李秘书", Role::Secretary);
    let wrong = cash_book::EntryInput { approver: "陈会长".into(), approver_pin: "999111".into(), ..entry(CashKind::Expense, "办公用品", "1500", "2026-11-02") };
    let e = refused(&mut conn, |tx| cash_book::add(tx, &secretary, &wrong, today()));
    // The approval checks the wait against the clock, so the failure is counted at the clock's now.
    users::note_failure(&mut conn, &e, Utc::now()).unwrap();
    let failures: i64 = conn.query_row("SELECT failures FROM app_user WHERE name = '陈会长'", [], |r| r.get(0)).unwrap();
    assert_eq!(failures, 1, "the approver's wrong PIN is counted in a transaction of its own");
    let right = cash_book::EntryInput { approver_pin: CHAIR_PIN.into(), ..wrong };
    let e = refused(&mut conn, |tx| cash_book::add(tx, &secretary, &right, today()));
    assert_eq!(e.message_id(), "error-access-wait", "even the right PIN waits its turn: {e:?}");
}

#[test]
fn wrong_recovery_codes_make_the_wait_grow_whoever_is_named_and_a_right_code_after_it_works() {
    let (_dir, mut conn) = with_users();
    let chair = Actor::user("陈会长", Role::Chair);
    let codes = write(&mut conn, |tx| recovery::make_codes(tx, &chair)).unwrap();
    let mut t = now();
    let mut waits = Vec::new();
    for name in ["李秘书", "王会计", "李秘书"] {
        let e = recovery::reset_pin(&mut conn, name, "1111-2222-3333", "736150", t).unwrap_err();
        assert_eq!(e.message_id(), "error-access-code-wrong");
        let secs: i64 = e.args().iter().find(|(k, _)| *k == "seconds").unwrap().1.parse().unwrap();
        waits.push(secs);
        // Too early, even with a right code and for another user: refused, the code not used.
        let early = recovery::reset_pin(&mut conn, "赵出纳", &codes[0], "736150", t + Duration::milliseconds(secs * 1000 - 500)).unwrap_err();
        assert_eq!(early.message_id(), "error-access-wait", "an attempt before the wait is over is refused");
        t += Duration::seconds(secs);
    }
    assert!(waits.windows(2).all(|w| w[1] > w[0]), "the wait grows across users: {waits:?}");
    assert_eq!(recovery::unused(&conn).unwrap(), 10, "no code was used by the refused attempts");
    let failed: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE action = 'recover_failed'", [], |r| r.get(0)).unwrap();
    assert_eq!(failed, 3, "wrong codes are recorded");
    recovery::reset_pin(&mut conn, "赵出纳", &codes[0], "736150", t).expect("the right code after the wait");
    users::sign_in(&mut conn, "赵出纳", "736150", t, true).expect("the new PIN works");
    let e = recovery::reset_pin(&mut conn, "李秘书", "1111-2222-3333", "736150", t).unwrap_err();
    assert_eq!(e.args().iter().find(|(k, _)| *k == "seconds").unwrap().1, "1", "a right code starts the count again");
}

#[test]
fn a_user_changes_their_own_pin_with_the_current_one_and_a_wrong_one_counts() {
    use users::PinChange;
    let (_dir, mut conn) = with_users();
    let secretary = Actor::user("李秘书", Role::Secretary);
    let change = |current: &str, new: &str, again: &str| PinChange { current: current.into(), new: new.into(), again: again.into() };
    for (input, field, id) in [
        (change("", "736150", "736150"), "current", "error-access-pin-required"),
        (change(PIN, "736150", "736151"), "again", "error-access-pin-mismatch"),
        (change(PIN, "111111", "111111"), "new", "error-access-pin-simple"),
    ] {
        let e = refused(&mut conn, |tx| users::change_own(tx, &secretary, &input, now()));
        assert_eq!((e.field(), e.message_id()), (Some(field), id), "{input:?}");
    }
    // A wrong current PIN: refused inside the write, counted on its own as the shell does.
    let e = refused(&mut conn, |tx| users::change_own(tx, &secretary, &change("000999", "736150", "736150"), now()));
    assert_eq!(e.message_id(), "error-access-wrong-pin");
    users::note_failure(&mut conn, &e, now()).unwrap();
    let failures: i64 = conn.query_row("SELECT failures FROM app_user WHERE name = '李秘书'", [], |r| r.get(0)).unwrap();
    assert_eq!(failures, 1, "a wrong current PIN counts toward the wait");
    users::sign_in(&mut conn, "李秘书", PIN, now() + Duration::seconds(2), true).expect("the old PIN still works after refusals");
    write(&mut conn, |tx| users::change_own(tx, &secretary, &change(PIN, "736150", "736150"), now() + Duration::seconds(3))).unwrap();
    assert_eq!(users::sign_in(&mut conn, "李秘书", PIN, now() + Duration::seconds(4), true).unwrap_err().message_id(), "error-access-wrong-pin");
    users::sign_in(&mut conn, "李秘书", "736150", now() + Duration::seconds(10), true).expect("the new PIN works");
    let changed: i64 = conn.query_row("SELECT count(*) FROM audit_log WHERE action = 'change_pin' AND actor = '李秘书'", [], |r| r.get(0)).unwrap();
    assert_eq!(changed, 1, "the change is recorded");
    // Before sign-in is on there is no PIN to change.
    let (_d, mut plain) = common::test_db_with_association();
    let e = refused(&mut plain, |tx| users::change_own(tx, &actor(), &change(PIN, "736150", "736150"), now()));
    assert_eq!(e.message_id(), "error-access-sign-in-needed");
}

#[test]
fn the_sample_village_is_refused_once_sign_in_is_on() {
    let (_dir, mut conn) = common::test_db_with_association();
    add_user(&mut conn, "陈会长", Role::Chair, CHAIR_PIN);
    let before = snapshot(&conn);
    let e = refused(&mut conn, |tx| huzhu::demo::build(tx, &Actor::user("陈会长", Role::Chair), 40, 7, today()));
    assert_eq!(e.message_id(), "error-demo-sign-in-on");
    assert_eq!(snapshot(&conn), before, "nothing of the sample village is written");
}

#[test]
fn turning_sign_in_on_adds_the_chair_with_a_recovery_sheet_once() {
    let (_dir, mut conn) = common::test_db_with_association();
    let l10n = huzhu::i18n::Localizer::new(huzhu::i18n::Lang::ZhCn);
    let before = snapshot(&conn);
    let viewer = UserInput { name: "孙查看".into(), role: Some(Role::Viewer), pin: PIN.into() };
    let e = refused(&mut conn, |tx| recovery::turn_on(tx, &actor(), &viewer, common::ASSOCIATION, today(), &l10n));
    assert_eq!(e.message_id(), "error-access-first-user-chair");
    assert_eq!(snapshot(&conn), before, "a refused first user makes no codes either");
    let chair = UserInput { name: "陈会长".into(), role: Some(Role::Chair), pin: CHAIR_PIN.into() };
    let (user, sheet) = write(&mut conn, |tx| recovery::turn_on(tx, &actor(), &chair, common::ASSOCIATION, today(), &l10n)).unwrap();
    assert_eq!((user.name.as_str(), user.role), ("陈会长", Role::Chair));
    assert!(sheet.bytes.starts_with(b"%PDF") && sheet.pages == 1, "one page of codes");
    assert_eq!(recovery::unused(&conn).unwrap(), 10, "sign-in is never on without a sheet");
    assert!(users::sign_in_on(&conn).unwrap());
    let e = refused(&mut conn, |tx| recovery::turn_on(tx, &Actor::user("陈会长", Role::Chair), &UserInput { name: "李秘书".into(), role: Some(Role::Chair), pin: PIN.into() }, common::ASSOCIATION, today(), &l10n));
    assert_eq!(e.message_id(), "error-access-already-on", "only once: the chair adds the others one by one");
}

#[test]
fn the_trail_is_read_by_this_computers_days_and_a_mistyped_date_is_named() {
    let (_dir, conn) = with_users();
    let chair = Actor::user("陈会长", Role::Chair);
    let today = chrono::Local::now().date_naive();
    let days = |from: String, to: String| audit::list(&conn, &chair, &AuditFilter { from, to, ..Default::default() }, 500);
    let all = days(String::new(), String::new()).unwrap().len();
    assert!(all >= 5, "adding the users is recorded: {all}");
    assert_eq!(days(today.to_string(), today.to_string()).unwrap().len(), all, "today's entries are today's");
    assert!(days(today.succ_opt().unwrap().to_string(), String::new()).unwrap().is_empty(), "none from tomorrow on");
    assert!(days(String::new(), today.pred_opt().unwrap().to_string()).unwrap().is_empty(), "none until yesterday");
    for (from, to, field) in [("2026-13-01", "", "from"), ("", "12/01/2026", "to")] {
        let e = days(from.into(), to.into()).unwrap_err();
        assert_eq!((e.field(), e.message_id()), (Some(field), "error-date-invalid"), "{from:?} {to:?}");
    }
}
