//! A member's welfare as their page shows it: payments, hospital stays (and whether they are in
//! hospital now), and a recorded death.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::deaths::{record_of, DeathRecord};
use super::hospital::{stays, HospitalStay};
use super::payments::{list, WelfareFilter, WelfarePayment};
use crate::error::Result;
use crate::members::MemberNo;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonWelfare {
    pub payments: Vec<WelfarePayment>,
    pub stays: Vec<HospitalStay>,
    /// The stay they are in now.
    pub in_hospital: Option<HospitalStay>,
    pub death: Option<DeathRecord>,
}

pub fn for_person(conn: &Connection, no: MemberNo, today: NaiveDate) -> Result<PersonWelfare> {
    let stays = stays(conn, Some(no), today, crate::members::Phones::Masked)?;
    Ok(PersonWelfare {
        payments: list(conn, &WelfareFilter { member: Some(no), ..Default::default() })?,
        in_hospital: stays.iter().find(|s| s.discharged.is_none()).cloned(),
        stays,
        death: record_of(conn, no)?,
    })
}
