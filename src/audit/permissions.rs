//! Who may do what: the one table that maps every entity the code audits to an area, and the
//! rights of each role over each area. `audit::record` checks it on every write (every write
//! records an audit row in its own transaction, so a refusal there undoes the whole write);
//! sensitive reads (a full ID number, phone or health note; the audit trail) check `may` too.
//!
//! An entity missing from the table is refused for everyone but the chair, and a test lists the
//! entity strings used in src/ and checks each is here, so a new area cannot slip through.

use rusqlite::{Connection, OptionalExtension};

use super::actor::{Actor, Role};
use crate::error::{Error, Result};
use crate::kernel::choice::choice;

choice! {
    /// What a write or a read touches, as the permission table and the audit screen group it.
    Area {
        Register = "register" / "area-register" ["名册"],
        Rota = "rota" / "area-rota" ["值班"],
        Welfare = "welfare" / "area-welfare" ["慰问"],
        TimeBank = "time_bank" / "area-time-bank" ["时间储蓄"],
        Money = "money" / "area-money" ["财务"],
        Settings = "settings" / "area-settings" ["设置"],
        Users = "users" / "area-users" ["使用人"],
        Reports = "reports" / "area-reports" ["报表"],
        /// Activities (活动): gatherings and trips, attendance, their costs.
        Activities = "activities" / "area-activities" ["活动"],
        /// Mediation (调解): the case book and its meeting notes (sensitive: chair and secretary).
        Mediation = "mediation" / "area-mediation" ["调解"],
        /// Full ID numbers, phones and health notes; the audit trail.
        Sensitive = "sensitive" / "area-sensitive" ["敏感信息"],
        /// Signing in and out, locking: everyone.
        Session = "session" / "area-session" ["登录"],
    }
}

choice! {
    /// What the accountant or the cashier does with money (the association's choice).
    #[derive(Default)]
    MoneyDuty {
        /// Posts entries, dues, receipts.
        Post = "post" / "money-duty-post" ["记账"],
        /// Approves large payments.
        Approve = "approve" / "money-duty-approve" ["审批"],
        #[default]
        Both = "both" / "money-duty-both" ["两者"],
    }
}

/// Every audited entity and its area; `(entity, action)` rows in `ACTION_AREAS` come first.
pub const ENTITY_AREAS: &[(&str, Area)] = &[
    ("person", Area::Register),
    ("roster", Area::Register),
    ("hospital_stay", Area::Welfare),
    ("welfare_payment", Area::Welfare),
    ("welfare_standard", Area::Welfare),
    ("rota_slot", Area::Rota),
    ("rota_month", Area::Rota),
    ("shift_outcome", Area::Rota),
    ("contact_log", Area::Rota),
    ("care_case", Area::Rota),
    ("volunteer_availability", Area::Rota),
    ("pairing", Area::Rota),
    ("time_entry", Area::TimeBank),
    ("time_exchange", Area::TimeBank),
    ("accepted_key", Area::TimeBank),
    ("time_account", Area::TimeBank),
    ("time_inheritance", Area::TimeBank),
    ("cash_entry", Area::Money),
    ("cash_count", Area::Money),
    ("cash_category", Area::Money),
    ("month", Area::Money),
    ("donation", Area::Money),
    ("dues", Area::Money),
    ("dues_policy", Area::Money),
    ("receipt", Area::Money),
    ("dues_hours_payment", Area::Money),
    ("dues_hours_rate", Area::Money),
    // Mutual aid day to day (issue 13 A): requests for help, the standards and trainings they
    // rest on, and the feedback on services are the care the secretary organises, as the rota.
    ("request_kind", Area::Rota),
    ("help_request", Area::Rota),
    ("volunteer_request_kind", Area::Rota),
    ("service_standard", Area::Rota),
    ("training_session", Area::Rota),
    ("training_attendance", Area::Rota),
    ("feedback", Area::Rota),
    ("feedback_followup", Area::Rota),
    ("activity", Area::Activities),
    ("activity_attendance", Area::Activities),
    ("activity_cost", Area::Activities),
    ("mediation_case", Area::Mediation),
    ("mediation_note", Area::Mediation),
    ("commend_min_hours", Area::Settings),
    ("association", Area::Settings),
    ("settings", Area::Settings),
    ("association_key", Area::Settings),
    ("time_yearly_cap", Area::Settings),
    ("user", Area::Users),
    ("recovery_code", Area::Users),
    ("access_settings", Area::Users),
    ("export", Area::Reports),
    ("session", Area::Session),
    ("audit_log", Area::Sensitive),
    // Making a backup copy (reads everything, changes nothing).
    ("backup", Area::Reports),
];

/// Actions that belong to another area than their entity's.
pub const ACTION_AREAS: &[(&str, &str, Area)] = &[
    // Showing one person's full ID number, phone or health note.
    ("person", "reveal", Area::Sensitive),
    // Showing a care case's family to call with its phone numbers whole.
    ("care_case", "reveal", Area::Sensitive),
    // An export with whole ID and phone numbers.
    ("export", "export_full", Area::Sensitive),
    // A recovery code resets one user's PIN: whoever holds the sheet, before anyone signs in.
    ("user", "recover", Area::Session),
    ("user", "recover_failed", Area::Session),
    // Putting a backup in place of the data file replaces every record: the chair's.
    ("backup", "restore", Area::Users),
];

/// The area of an audited write; None for an entity nobody listed.
pub fn area_of(entity: &str, action: &str) -> Option<Area> {
    ACTION_AREAS
        .iter()
        .find(|(e, a, _)| *e == entity && *a == action)
        .map(|(_, _, area)| *area)
        .or_else(|| ENTITY_AREAS.iter().find(|(e, _)| *e == entity).map(|(_, area)| *area))
}

/// What the association lets the accountant or the cashier do with money.
pub fn money_duty(conn: &Connection, role: Role) -> Result<MoneyDuty> {
    let key = match role {
        Role::Accountant => "accountant_duty",
        Role::Cashier => "cashier_duty",
        _ => return Ok(MoneyDuty::Both),
    };
    let v: Option<String> = conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    match v {
        None => Ok(MoneyDuty::default()),
        Some(v) => MoneyDuty::from_code(&v).ok_or_else(|| Error::Corrupt { what: "setting money duty", value: v }),
    }
}

/// Whether `role` may act in `area` (the rights table of issue 12).
pub fn may(conn: &Connection, role: Role, area: Area) -> Result<bool> {
    use Area::*;
    Ok(match role {
        Role::Chair => true,
        Role::Secretary => {
            matches!(area, Register | Rota | Welfare | TimeBank | Money | Activities | Mediation | Settings | Reports | Sensitive | Session)
        }
        Role::Accountant | Role::Cashier => match area {
            Money => money_duty(conn, role)? != MoneyDuty::Approve,
            Reports | Session => true,
            _ => false,
        },
        Role::Viewer => matches!(area, Reports | Session),
    })
}

/// Whether `role` may be the second person on a large payment.
pub fn may_approve(conn: &Connection, role: Role) -> Result<bool> {
    Ok(match role {
        Role::Chair => true,
        Role::Accountant | Role::Cashier => money_duty(conn, role)? != MoneyDuty::Post,
        Role::Secretary | Role::Viewer => false,
    })
}

/// Refuses `actor` an action the table does not give their role.
pub fn check(conn: &Connection, actor: &Actor, action: &str, entity: &str) -> Result<()> {
    let allowed = match area_of(entity, action) {
        Some(area) => may(conn, actor.role, area)?,
        None => actor.role == Role::Chair,
    };
    if allowed {
        return Ok(());
    }
    let area = area_of(entity, action).map(|a| a.code()).unwrap_or("other");
    Err(Error::refused(
        "error-access-refused",
        vec![("name", actor.name.clone()), ("role", actor.role.code().to_string()), ("area", area.to_string())],
    ))
}

/// Refuses a sensitive read (`area` is usually `Sensitive`) the actor's role may not make.
pub fn check_read(conn: &Connection, actor: &Actor, area: Area) -> Result<()> {
    if may(conn, actor.role, area)? {
        return Ok(());
    }
    Err(Error::refused(
        "error-access-refused",
        vec![("name", actor.name.clone()), ("role", actor.role.code().to_string()), ("area", area.code().to_string())],
    ))
}
