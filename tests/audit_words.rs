//! The audit trail (操作记录) in words (issue 12): every action and kind of record the code writes
//! has a message in both languages; a realistic workload's every field reads in words and its
//! choices as their labels; the XLSX export and its times are in words too.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Reader, Xlsx};
use common::*;
use huzhu::access::users::{self, UserInput};
use huzhu::audit::permissions::{ACTION_AREAS, ENTITY_AREAS};
use huzhu::access::AccessSettingsInput;
use huzhu::audit::{self, Actor, AuditFilter, MoneyDuty, Role};
use huzhu::audit_words::{self, message_id};
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::Gender;
use huzhu::kernel::fields::ReversalInput;
use huzhu::members::{self, Living, MemberNo};
use huzhu::money::{cash_book, receipts};

const LANGS: [Lang; 2] = [Lang::ZhCn, Lang::EnUs];

/// The string literals in an expression (`"add"`, `if reprint { "reprint" } else { "print" }`).
fn literals(expr: &str) -> Vec<String> {
    expr.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// Actions passed to `audit::record` as a variable or computed: the file, the expression, and
/// what it can be. Each listed literal must still be in its file, so the list cannot go stale.
fn computed_actions() -> Vec<(&'static str, &'static str, Vec<String>)> {
    let codes = |all: Vec<&'static str>| all.into_iter().map(str::to_string).collect::<Vec<_>>();
    let lit = |all: &[&str]| all.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        ("src/time_bank/ledger.rs", "e.kind.code()", codes(huzhu::time_bank::EntryKind::ALL.iter().map(|k| k.code()).collect())),
        ("src/rota/outcomes.rs", "kind.code()", codes(huzhu::rota::ShiftOutcomeKind::ALL.iter().map(|k| k.code()).collect())),
        ("src/requests/kinds.rs", "action", lit(&["add", "restore", "retire"])),
        ("src/access/users.rs", "action", lit(&["change_pin", "reset_pin"])),
        ("src-tauri/src/access.rs", "action", lit(&["lock", "sign_out"])),
        ("src-tauri/src/reports.rs", "action", lit(&["export", "export_full"])),
        ("src/cli/reports.rs", "action", lit(&["export", "export_full"])),
        ("src/exports/mod.rs", "action", lit(&["export", "export_full"])),
        ("src/rota/print.rs", "action", lit(&["export", "export_full"])),
        // audit::record itself writes the approver's row.
        ("src/audit/mod.rs", "", lit(&["approve"])),
    ]
}

/// Every action the code can write, and every kind of record it names.
fn written_codes() -> (BTreeSet<String>, BTreeSet<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut actions, mut entities) = (BTreeSet::new(), BTreeSet::new());
    let computed = computed_actions();
    for (file, args) in audit_record_calls() {
        let (action, entity) = (&args[2], &args[3]);
        if action.starts_with('"') || action.starts_with("if ") {
            let found = literals(action);
            assert!(!found.is_empty(), "{file}: no action in {action}");
            actions.extend(found);
        } else {
            assert!(
                computed.iter().any(|(f, e, _)| *f == file && e == action),
                "{file}: audit::record's action `{action}` is computed: list what it can be in computed_actions()"
            );
        }
        entities.extend(literals(entity));
    }
    for (file, expr, codes) in computed {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for c in &codes {
            assert!(expr.ends_with(".code()") || text.contains(&format!("\"{c}\"")), "{file} no longer writes {c}: update computed_actions()");
        }
        actions.extend(codes);
    }
    // What the permission table knows: every entity, and the actions it names.
    entities.extend(ENTITY_AREAS.iter().map(|(e, _)| e.to_string()));
    actions.extend(ACTION_AREAS.iter().map(|(_, a, _)| a.to_string()));
    (actions, entities)
}

#[test]
fn every_action_and_kind_of_record_the_code_writes_has_words_in_both_languages() {
    let (actions, entities) = written_codes();
    // Guards the scan itself: it must see the literals, the computed kinds and the table.
    for a in ["add", "reprint", "unlock", "sign_out", "recover_failed", "deposit", "missed", "retire", "approve", "pay_hours"] {
        assert!(actions.contains(a), "the scan must see {a}: {actions:?}");
    }
    assert!(actions.len() > 60, "{actions:?}");
    assert!(entities.contains("shift_outcome") && entities.contains("backup") && entities.len() > 45, "{entities:?}");
    for lang in LANGS {
        let ids = huzhu::i18n::message_ids(lang);
        let missing: Vec<String> = actions
            .iter()
            .map(|a| message_id("action", a))
            .chain(entities.iter().map(|e| message_id("entity", e)))
            .filter(|id| !ids.contains(id))
            .collect();
        assert!(missing.is_empty(), "{lang:?} has no words for: {missing:?} (locales/*/audit-words.ftl)");
    }
}

/// A realistic workload: the sample village's year, then a member's record changed and a user
/// added, as the secretary and the chair do.
fn workload() -> (tempfile::TempDir, rusqlite::Connection) {
    let (dir, mut conn) = test_db();
    write(&mut conn, |tx| huzhu::demo::build(tx, &actor(), 60, 7, today())).expect("the demo village");
    let p = members::get_by_no(&conn, MemberNo(1), today()).unwrap();
    let mut input = p.to_input();
    input.gender = Some(if p.gender == Some(Gender::Female) { Gender::Male } else { Gender::Female });
    input.living = Some(if p.living == Some(Living::Alone) { Living::EmptyNest } else { Living::Alone });
    input.health_notes = "腿脚不便".into();
    input.id_card = String::new(); // its digits name the gender

    write(&mut conn, |tx| members::update(tx, &actor(), MemberNo(1), &input, today())).unwrap();
    let user = |name: &str, role| UserInput { name: name.into(), role: Some(role), pin: "530961".into() };
    write(&mut conn, |tx| users::add(tx, &actor(), &user("陈会长", Role::Chair))).unwrap();
    write(&mut conn, |tx| users::add(tx, &Actor::user("陈会长", Role::Chair), &user("李秘书", Role::Secretary))).unwrap();
    // The treasurer's month: a reversal (its receipt voided with it), a cash count, and the
    // approval and lock settings; the chair changes a user's role and disables them.
    let voucher: String = conn.query_row("SELECT e.voucher_no FROM cash_entry e JOIN receipt r ON r.cash_entry_id = e.id ORDER BY e.id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    let reversal = ReversalInput { reason: "记错了".into(), date: today().to_string() };
    write(&mut conn, |tx| receipts::reverse_entry(tx, &actor(), &voucher, &reversal, today())).unwrap();
    write(&mut conn, |tx| cash_book::count_cash(tx, &actor(), "100", today(), "", today())).unwrap();
    let settings = AccessSettingsInput { approve_above: "800".into(), lock_minutes: "10".into(), accountant_duty: MoneyDuty::Post, cashier_duty: MoneyDuty::Both };
    write(&mut conn, |tx| huzhu::access::settings::save(tx, &actor(), &settings)).unwrap();
    write(&mut conn, |tx| users::set_role(tx, &actor(), "李秘书", Role::Accountant)).unwrap();
    write(&mut conn, |tx| users::disable(tx, &actor(), "李秘书")).unwrap();
    (dir, conn)
}

#[test]
fn every_field_of_a_realistic_workload_reads_in_words_and_choices_as_their_labels() {
    let (_dir, conn) = workload();
    let entries = audit::list(&conn, &actor(), &AuditFilter::default(), usize::MAX).unwrap();
    assert!(entries.len() > 100, "the workload writes a year of entries: {}", entries.len());
    for lang in LANGS {
        let l10n = Localizer::new(lang);
        let mut missing = BTreeSet::new();
        let mut codes_left = BTreeSet::new();
        let mut json_left = BTreeSet::new();
        for e in &entries {
            let line = audit_words::line(e, &l10n);
            if line.action == e.action || line.entity == e.entity {
                missing.insert(format!("{} {}", e.action, e.entity));
            }
            for (c, w) in e.changes.iter().zip(&line.changes) {
                if w.field == c.field {
                    missing.insert(format!("{}.{}", e.entity, c.field));
                }
                // A record inside the record reads as its fields in words, not as JSON.
                for v in [&w.before, &w.after] {
                    let code_named = v.split(['，', '（', ',', '(', '；']).any(|part| {
                        part.split_once(": ").is_some_and(|(k, _)| !k.trim().is_empty() && k.trim().chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                    });
                    if v.contains('{') || v.contains('"') || code_named {
                        json_left.insert(format!("{}.{} = {v}", e.entity, c.field));
                    }
                }
                // A choice's value reads as its label, never as its code.
                if let Some(list) = audit_words::choice_of(&e.entity, &c.field) {
                    for v in [&w.before, &w.after] {
                        if list.values.iter().any(|(code, _)| v == code || v.contains(&format!("\"{code}\""))) {
                            codes_left.insert(format!("{}.{} = {v}", e.entity, c.field));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{lang:?}: no words for {missing:?}");
        assert!(codes_left.is_empty(), "{lang:?}: choice codes shown as codes: {codes_left:?}");
        assert!(json_left.is_empty(), "{lang:?}: values shown as JSON or with code names: {json_left:?}");
    }
    // What the secretary reads for the member's change.
    let zh = Localizer::new(Lang::ZhCn);
    let lines = audit_words::lines(&conn, &actor(), &AuditFilter::default(), usize::MAX, &zh).unwrap();
    let update = lines.iter().find(|l| l.action == "修改" && l.entity == "会员" && l.entity_id == "1").expect("the member's change");
    let gender = update.changes.iter().find(|c| c.field == "性别").expect("性别 changed");
    assert!([gender.before.as_str(), gender.after.as_str()] == ["女", "男"] || [gender.before.as_str(), gender.after.as_str()] == ["男", "女"], "{gender:?}");
    let living = update.changes.iter().find(|c| c.field == "居住状况").expect("居住状况 changed");
    assert!(living.after == "独居" || living.after == "空巢", "{living:?}");
    let health = update.changes.iter().find(|c| c.field == "健康情况").expect("健康情况 changed");
    assert_eq!((health.before.as_str(), health.after.as_str()), ("（不显示）", "已修改"), "withheld, in words");
    let user = lines.iter().find(|l| l.entity == "使用人" && l.entity_id == "李秘书" && l.action == "添加").expect("the user added");
    assert!(user.changes.iter().any(|c| c.field == "角色" && c.after == "秘书"), "{user:?}");
    assert!(lines.iter().any(|l| l.action == "存入" && l.entity == "时间储蓄记录"), "time bank kinds in words");
    assert!(lines.iter().any(|l| l.action == "冲销" && l.entity == "流水账"), "the cash book's reversal");
    assert!(lines.iter().any(|l| l.action == "作废" && l.entity == "收据"), "its receipt voided");
    let duty = lines.iter().find(|l| l.entity == "审批与锁屏设置").expect("the access settings");
    assert!(duty.changes.iter().any(|c| c.field == "会计的职责" && c.after == zh.t("money-duty-post")), "{duty:?}");
    assert!(lines.iter().any(|l| l.action == "改角色" && l.changes.iter().any(|c| c.field == "角色" && c.before == "秘书" && c.after == "会计")), "role change in words");
    assert!(lines.iter().any(|l| l.action == "停用" && l.entity == "使用人"));
    assert!(lines.iter().any(|l| l.action == "发放慰问金" && l.entity == "慰问金"), "a narrower word for one kind of record");
}

/// The first sheet's cells as text, row by row.
fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).expect("the sheet");
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

#[test]
fn the_xlsx_export_is_in_words_with_local_times() {
    let (_dir, mut conn) = workload();
    let zh = Localizer::new(Lang::ZhCn);
    let exports = "SELECT count(*) FROM audit_log WHERE action = 'export' AND entity_id = 'audit_trail'";
    let count = |conn: &rusqlite::Connection| conn.query_row(exports, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count(&conn), 0);
    let file = common::write(&mut conn, |tx| huzhu::exports::audit_trail(tx, &actor(), &AuditFilter::default(), &zh, today())).unwrap();
    assert_eq!(count(&conn), 1, "the export is recorded, as every export is");
    let rows = xlsx_rows(&file.bytes);
    let header = rows.iter().position(|r| r.iter().any(|c| c == &zh.t("audit-col-changes"))).expect("the header row");
    let col = |id: &str| rows[header].iter().position(|c| c == &zh.t(id)).unwrap_or_else(|| panic!("column {id}"));
    let (at, action, record, changes) = (col("audit-col-at"), col("audit-col-action"), col("audit-col-record"), col("audit-col-changes"));
    let body = &rows[header + 1..];
    assert!(body.len() > 100, "{}", body.len());
    let member = body.iter().find(|r| r[action] == "添加" && r[record].starts_with("会员 ")).expect("a row 添加 · 会员");
    assert!(member[changes].lines().any(|l| l == "性别: 女" || l == "性别: 男"), "{}", member[changes]);
    assert!(member[changes].lines().any(|l| l.starts_with("姓名: ")), "{}", member[changes]);
    let update = body.iter().find(|r| r[action] == "修改" && r[record] == "会员 1").expect("the member's change");
    assert!(update[changes].lines().any(|l| l == "性别: 女 → 男" || l == "性别: 男 → 女"), "{}", update[changes]);
    let time = regex_like_local_time(&member[at]);
    assert!(time, "local time written as 2026-11-30 20:59:22, got {}", member[at]);
    assert!(body.iter().all(|r| !r[record].starts_with("person ") && !r[action].is_ascii()), "no codes in the sheet");
}

/// 2026-11-30 20:59:22
fn regex_like_local_time(s: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").is_ok()
}
