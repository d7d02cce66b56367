//! The audit trail (操作记录) in words, as a person reads it: on the screen, in the XLSX export
//! and from `huzhu audit`. Each action, kind of record and field is a message whose id is built
//! from its code (`audit-action-<code>`, `audit-entity-<code>`, `audit-field-<code>`, underscores
//! as hyphens; locales/*/audit-words.ftl), with an optional narrower message for one kind of
//! record (`audit-action-<entity>-<code>`: closing a month is 结账, a mediation case 结案).
//! Values of choice fields come out as their choice's label (female → 女), times in local time.
//! A code with no message shows as itself: honest, never a crash. JSON keeps the codes (it is
//! for machines): `audit::list` is that view.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::audit::{self, Actor, Area, AuditEntry, AuditFilter};
use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::choice::ChoiceList;
use crate::kernel::Gender;
use crate::{activities, association, calendar, feedback, mediation, members, money, requests, rota, standards, time_bank, welfare};

/// One entry of the audit trail in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditLine {
    #[ts(type = "number")]
    pub id: i64,
    /// Local time, written as the app writes dates: 2026-11-30 20:59:22.
    pub when: String,
    pub actor: String,
    pub area: Option<Area>,
    /// The area in words ("" when the entry has none).
    pub area_words: String,
    /// What was done, in words (添加, 冲销, 登录…).
    pub action: String,
    /// The kind of record in words (会员, 流水账…).
    pub entity: String,
    pub entity_id: String,
    pub changes: Vec<ChangeLine>,
}

/// One field that changed, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChangeLine {
    /// The field's code (a key for the screen; two codes may read the same).
    pub code: String,
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The entries `filter` selects, newest first (at most `limit`), in words.
pub fn lines(conn: &Connection, actor: &Actor, filter: &AuditFilter, limit: usize, l10n: &Localizer) -> Result<Vec<AuditLine>> {
    Ok(audit::list(conn, actor, filter, limit)?.iter().map(|e| line(e, l10n)).collect())
}

/// One entry in words.
pub fn line(e: &AuditEntry, l10n: &Localizer) -> AuditLine {
    AuditLine {
        id: e.id,
        when: local_time(&e.at),
        actor: e.actor.clone(),
        area: e.area,
        area_words: e.area.map(|a| l10n.t(a.label_id())).unwrap_or_default(),
        action: action_words(l10n, &e.action, &e.entity),
        entity: entity_words(l10n, &e.entity),
        entity_id: e.entity_id.clone(),
        changes: e
            .changes
            .iter()
            .map(|c| ChangeLine {
                code: c.field.clone(),
                field: field_words(l10n, &e.entity, &c.field),
                before: value_words(l10n, e, &c.field, &c.before),
                after: value_words(l10n, e, &c.field, &c.after),
            })
            .collect(),
    }
}

/// What changed, one field a piece (性别: 男 → 女; a field that was empty: 性别: 女), joined by
/// `sep`.
pub fn changes_text(line: &AuditLine, sep: &str) -> String {
    line.changes
        .iter()
        .map(|c| if c.before.is_empty() { format!("{}: {}", c.field, c.after) } else { format!("{}: {} → {}", c.field, c.before, c.after) })
        .collect::<Vec<_>>()
        .join(sep)
}

/// The message id of a code: `audit-<family>-<code>` with underscores as hyphens.
pub fn message_id(family: &str, code: &str) -> String {
    format!("audit-{family}-{}", code.replace('_', "-"))
}

/// The words of `code` in `family`: the message for this kind of record if there is one, else
/// the general one, else the code itself.
fn words(l10n: &Localizer, family: &str, entity: Option<&str>, code: &str) -> String {
    if let Some(entity) = entity {
        let narrow = message_id(family, &format!("{entity}_{code}"));
        if l10n.has(&narrow) {
            return l10n.t(&narrow);
        }
    }
    let id = message_id(family, code);
    if l10n.has(&id) {
        l10n.t(&id)
    } else {
        code.to_string()
    }
}

/// What was done: 添加, 冲销, 恢复码重设密码…
pub fn action_words(l10n: &Localizer, action: &str, entity: &str) -> String {
    words(l10n, "action", Some(entity), action)
}

/// The kind of record: 会员, 流水账, 值班…
pub fn entity_words(l10n: &Localizer, entity: &str) -> String {
    words(l10n, "entity", None, entity)
}

/// A field's name: 性别, 金额, 审批人…
pub fn field_words(l10n: &Localizer, entity: &str, field: &str) -> String {
    words(l10n, "field", Some(entity), field)
}

/// Which fields hold a choice: (entity, field, the choice); entity "" for any record.
const CHOICE_FIELDS: &[(&str, &str, fn() -> ChoiceList)] = &[
    ("", "gender", ChoiceList::of::<Gender>),
    ("", "living", ChoiceList::of::<members::Living>),
    ("", "care_level", ChoiceList::of::<members::CareLevel>),
    ("", "economic_status", ChoiceList::of::<members::EconomicStatus>),
    ("", "exempt_statuses", ChoiceList::of::<members::EconomicStatus>),
    ("", "marital_status", ChoiceList::of::<members::MaritalStatus>),
    ("", "status", ChoiceList::of::<members::Status>),
    ("", "status_before", ChoiceList::of::<members::Status>),
    ("", "role", ChoiceList::of::<audit::Role>),
    ("", "accountant_duty", ChoiceList::of::<audit::MoneyDuty>),
    ("", "cashier_duty", ChoiceList::of::<audit::MoneyDuty>),
    ("", "text_size", ChoiceList::of::<association::TextSize>),
    ("", "age_count", ChoiceList::of::<calendar::AgeCount>),
    ("", "about", ChoiceList::of::<mediation::DisputeKind>),
    ("mediation_case", "outcome", ChoiceList::of::<mediation::MediationOutcome>),
    ("", "state", ChoiceList::of::<requests::RequestState>),
    ("", "rating", ChoiceList::of::<feedback::Rating>),
    ("", "scope", ChoiceList::of::<standards::ServiceScope>),
    ("", "kinds", ChoiceList::of::<rota::DutyKind>),
    ("activity", "kind", ChoiceList::of::<activities::ActivityKind>),
    ("activity_cost", "category", ChoiceList::of::<activities::CostCategory>),
    ("cash_entry", "kind", ChoiceList::of::<money::CashKind>),
    ("cash_category", "kind", ChoiceList::of::<money::CashKind>),
    ("care_case", "kind", ChoiceList::of::<rota::DutyKind>),
    ("rota_slot", "kind", ChoiceList::of::<rota::DutyKind>),
    ("time_entry", "kind", ChoiceList::of::<time_bank::EntryKind>),
    ("shift_outcome", "kind", ChoiceList::of::<rota::ShiftOutcomeKind>),
    ("welfare_payment", "kind", ChoiceList::of::<welfare::WelfareKind>),
    ("welfare_standard", "kind", ChoiceList::of::<welfare::WelfareKind>),
];

/// The choice a field of a kind of record holds, if it holds one.
pub fn choice_of(entity: &str, field: &str) -> Option<ChoiceList> {
    CHOICE_FIELDS
        .iter()
        .find(|(e, f, _)| *e == entity && *f == field)
        .or_else(|| CHOICE_FIELDS.iter().find(|(e, f, _)| e.is_empty() && *f == field))
        .map(|(_, _, list)| list())
}

/// A recorded value as a person reads it: a choice's code as its label (a list of codes as its
/// labels), a withheld health note as words, anything else as recorded.
pub fn value_words(l10n: &Localizer, e: &AuditEntry, field: &str, text: &str) -> String {
    match text {
        "(withheld)" => return l10n.t("audit-value-withheld"),
        "(changed)" => return l10n.t("audit-value-changed"),
        "(unchanged)" => return l10n.t("audit-value-unchanged"),
        _ => {}
    }
    // The approver's own row names the action they approved.
    if e.action == "approve" && field == "action" {
        return action_words(l10n, text, &e.entity);
    }
    let Some(list) = choice_of(&e.entity, field) else {
        return text.to_string();
    };
    let label = |code: &str| list.values.iter().find(|(c, _)| *c == code).map(|(_, id)| l10n.t(id));
    if let Some(words) = label(text) {
        return words;
    }
    match serde_json::from_str::<Vec<String>>(text) {
        Ok(codes) if text.starts_with('[') => codes.iter().map(|c| label(c).unwrap_or_else(|| c.clone())).collect::<Vec<_>>().join("、"),
        _ => text.to_string(),
    }
}

/// An RFC 3339 time in this computer's local time, as the app writes it (2026-11-30 20:59:22);
/// anything else as given.
pub fn local_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|_| at.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::TimeZone;

    fn entry(action: &str, entity: &str) -> AuditEntry {
        AuditEntry {
            id: 1,
            at: "2026-11-30T12:59:22.000Z".into(),
            actor: "李秘书".into(),
            action: action.into(),
            entity: entity.into(),
            entity_id: "12".into(),
            area: audit::permissions::area_of(entity, action),
            changes: Vec::new(),
        }
    }

    #[test]
    fn a_code_without_a_message_shows_as_itself() {
        let l10n = Localizer::new(Lang::ZhCn);
        assert_eq!(action_words(&l10n, "no_such_action", "person"), "no_such_action");
        assert_eq!(entity_words(&l10n, "no_such_thing"), "no_such_thing");
        assert_eq!(field_words(&l10n, "person", "no_such_field"), "no_such_field");
    }

    #[test]
    fn a_narrower_message_for_one_kind_of_record_comes_first() {
        let l10n = Localizer::new(Lang::ZhCn);
        assert_eq!(action_words(&l10n, "close", "month"), "结账");
        assert_eq!(action_words(&l10n, "close", "mediation_case"), "结案");
        assert_eq!(action_words(&l10n, "add", "person"), "添加");
    }

    #[test]
    fn choice_values_and_lists_of_them_read_as_labels() {
        let l10n = Localizer::new(Lang::ZhCn);
        assert_eq!(value_words(&l10n, &entry("add", "person"), "gender", "female"), "女");
        assert_eq!(value_words(&l10n, &entry("add", "cash_entry"), "kind", "expense"), "支出");
        assert_eq!(value_words(&l10n, &entry("deposit", "time_entry"), "kind", "deposit"), "存入");
        assert_eq!(value_words(&l10n, &entry("add", "dues_policy"), "exempt_statuses", r#"["wubao","dibao"]"#), "五保、低保");
        assert_eq!(value_words(&l10n, &entry("approve", "cash_entry"), "action", "add"), "添加");
        assert_eq!(value_words(&l10n, &entry("update", "person"), "health_notes", "(changed)"), "已修改");
        assert_eq!(value_words(&l10n, &entry("update", "person"), "name", "female"), "female", "not a choice field");
    }

    #[test]
    fn times_are_written_as_the_app_writes_dates() {
        let t = local_time("2026-11-30T12:59:22.000Z");
        let local = chrono::NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M:%S").unwrap_or_else(|_| panic!("written as 2026-11-30 20:59:22: {t}"));
        let utc = chrono::NaiveDateTime::parse_from_str("2026-11-30 12:59:22", "%Y-%m-%d %H:%M:%S").unwrap();
        let offset = chrono::Local.offset_from_utc_datetime(&utc).local_minus_utc();
        assert_eq!(local - utc, chrono::Duration::seconds(offset.into()), "this computer's local time: {t}");
        assert_eq!(local_time("not a time"), "not a time");
    }
}
