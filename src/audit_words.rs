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
        entity_id: record_words(l10n, &e.entity, &e.entity_id),
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

/// Which record: its number, or for an export the list's name (会员名册, 操作记录…).
pub fn record_words(l10n: &Localizer, entity: &str, id: &str) -> String {
    if entity == "export" {
        words(l10n, "list", None, id)
    } else {
        id.to_string()
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
    // A reveal records which field of the person was shown, as its bare value.
    ("person", "value", ChoiceList::of::<members::PrivateField>),
    ("", "state", ChoiceList::of::<requests::RequestState>),
    ("", "rating", ChoiceList::of::<feedback::Rating>),
    ("", "scope", ChoiceList::of::<standards::ServiceScope>),
    ("", "kinds", ChoiceList::of::<rota::DutyKind>),
    ("export", "format", ChoiceList::of::<crate::sheets::SheetFormat>),
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

/// Fields that hold a whole record of another kind (a dues payment's cash-book line, a death's
/// condolence payment): its fields are named and its choices read as that kind's.
const NESTED: &[(&str, &str, &str)] = &[
    ("dues", "entry", "cash_entry"),
    ("dues", "receipt", "receipt"),
    ("person", "condolence", "welfare_payment"),
    ("welfare_payment", "standard", "welfare_standard"),
    ("person", "rota", "care_case"),
];

/// A recorded value as a person reads it: a choice's code as its label (a list of codes as its
/// labels), a record inside the record as its fields in words (a lunar date as a date, a person
/// by name), a time in local time, a withheld health note as words, anything else as recorded.
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
    if text.starts_with('{') || text.starts_with('[') {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
            return render(l10n, &e.entity, field, &v);
        }
    }
    scalar(l10n, &e.entity, field, text)
}

/// One recorded text: a choice's label, a time in local time, or itself.
fn scalar(l10n: &Localizer, entity: &str, field: &str, s: &str) -> String {
    if let Some(list) = choice_of(entity, field) {
        if let Some((_, id)) = list.values.iter().find(|(c, _)| *c == s) {
            return l10n.t(id);
        }
    }
    if s.len() >= 20 && s.as_bytes().get(10) == Some(&b'T') && chrono::DateTime::parse_from_rfc3339(s).is_ok() {
        return local_time(s);
    }
    s.to_string()
}

fn render(l10n: &Localizer, entity: &str, field: &str, v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "✓" } else { "✗" }.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => scalar(l10n, entity, field, s),
        Value::Array(items) => {
            let sep = if items.iter().any(|i| i.is_object() || i.is_array()) { "；" } else { "、" };
            let nested = NESTED.iter().find(|(e, f, _)| *e == entity && *f == field).map_or(entity, |(_, _, n)| n);
            let each = items.iter().map(|i| if i.is_object() { render(l10n, nested, field, i) } else { render(l10n, entity, field, i) });
            each.filter(|s| !s.is_empty()).collect::<Vec<_>>().join(sep)
        }
        Value::Object(m) => {
            let entity = NESTED.iter().find(|(e, f, _)| *e == entity && *f == field).map_or(entity, |(_, _, n)| n);
            object(l10n, entity, m)
        }
    }
}

/// A record inside a record, in words: 王子涵（关系: 儿子，电话: 136…）.
fn object(l10n: &Localizer, entity: &str, m: &serde_json::Map<String, serde_json::Value>) -> String {
    use serde_json::Value;
    let num = |k: &str| m.get(k).map(|v| v.to_string()).unwrap_or_default();
    // A lunar date (农历): {"year", "month", "day", "leap"}.
    if m.contains_key("month") && m.contains_key("day") && m.keys().all(|k| ["year", "month", "day", "leap"].contains(&k.as_str())) {
        let leap = if m.get("leap") == Some(&Value::Bool(true)) { l10n.t("audit-value-leap") } else { String::new() };
        let mut args = vec![("month", num("month")), ("day", num("day")), ("leap", leap)];
        if !m.contains_key("year") {
            return l10n.format("audit-value-lunar-day", &args);
        }
        args.push(("year", num("year")));
        return l10n.format("audit-value-lunar-date", &args);
    }
    // The time bank's accounts: the pool, or a person named in the record.
    let kind = m.get("kind").and_then(Value::as_str);
    if kind == Some("pool") && m.len() == 1 {
        return l10n.t("audit-value-pool");
    }
    let sep = if l10n.lang() == crate::i18n::Lang::ZhCn { "，" } else { ", " };
    let parts = m
        .iter()
        .filter(|(k, _)| k.as_str() != "name" && !(k.as_str() == "kind" && kind == Some("person")))
        .map(|(k, v)| {
            let words = render(l10n, entity, k, v);
            // A record inside this one keeps its fields together: 慰问标准: （金额: 1000.00，…）.
            let grouped = (v.is_object() || v.as_array().is_some_and(|a| a.iter().any(|i| i.is_object()))) && !words.is_empty();
            (k, if grouped && words.contains(": ") { l10n.format("audit-value-group", &[("parts", words)]) } else { words })
        })
        .filter(|(_, s)| !s.is_empty())
        .map(|(k, s)| format!("{}: {s}", field_words(l10n, entity, k)))
        .collect::<Vec<_>>()
        .join(sep);
    match m.get("name").and_then(Value::as_str) {
        Some(name) if parts.is_empty() => name.to_string(),
        Some(name) => l10n.format("audit-value-named", &[("name", name.to_string()), ("parts", parts)]),
        None => parts,
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
    fn an_export_names_its_list() {
        let l10n = Localizer::new(Lang::ZhCn);
        assert_eq!(record_words(&l10n, "export", "audit_trail"), "操作记录");
        assert_eq!(record_words(&l10n, "export", "members"), "会员名册");
        assert_eq!(record_words(&l10n, "person", "members"), "members", "only exports name a list");
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
        assert_eq!(value_words(&l10n, &entry("reveal", "person"), "value", "id_card"), "身份证号", "which field a reveal showed");
        assert_eq!(value_words(&l10n, &entry("update", "person"), "health_notes", "(changed)"), "已修改");
        assert_eq!(value_words(&l10n, &entry("update", "person"), "name", "female"), "female", "not a choice field");
        let person = entry("update", "person");
        assert_eq!(value_words(&l10n, &person, "lunar_birth_date", r#"{"day":10,"leap":true,"month":8,"year":1937}"#), "农历1937年闰8月10日");
        assert_eq!(value_words(&l10n, &person, "lunar_birthday", r#"{"day":10,"leap":false,"month":8}"#), "农历8月10日");
        assert_eq!(
            value_words(&l10n, &person, "family", r#"[{"lives_away":true,"name":"王子涵","phone":"136","relation":"儿子"}]"#),
            "王子涵（在外地: ✓，电话: 136，关系: 儿子）"
        );
        assert_eq!(value_words(&l10n, &person, "status_history", r#"[{"effective":"2021-11-01","note":"","status":"active"}]"#), "生效日期: 2021-11-01，状态: 在册");
        assert_eq!(
            value_words(&l10n, &entry("died", "person"), "condolence", r#"{"name":"王来娣","standard":{"amount":"1000.00","goods":"花圈"}}"#),
            "王来娣（慰问标准: （金额: 1000.00，物品: 花圈））"
        );
        let time = entry("deposit", "time_entry");
        assert_eq!(value_words(&l10n, &time, "holder", r#"{"kind":"pool"}"#), "公益池");
        assert_eq!(value_words(&l10n, &time, "holder", r#"{"kind":"person","name":"吕德明","no":4}"#), "吕德明（编号: 4）");
        assert_eq!(value_words(&l10n, &entry("pay", "dues"), "entry", r#"{"kind":"income","amount":"30.00"}"#), "金额: 30.00，收入还是支出: 收入");
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
