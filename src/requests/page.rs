//! What a volunteer's page shows of their service: hours in the time bank, shifts and requests
//! done, the training they have, the kinds of help they offer, and the feedback about them.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::offers;
use crate::error::Result;
use crate::feedback::{self, Feedback};
use crate::members::{self, MemberNo};
use crate::time_bank::{self, Hours};
use crate::training;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VolunteerRecord {
    pub member_no: MemberNo,
    /// Hours in their time-bank account now.
    pub balance: Hours,
    /// Rota shifts they served (done or covered) and requests they did.
    pub shifts_done: i64,
    pub requests_done: i64,
    pub trainings: Vec<String>,
    /// Request kinds offered (codes); None: every kind.
    pub offers: Option<Vec<String>>,
    pub feedback: Vec<Feedback>,
}

pub fn volunteer_record(conn: &Connection, no: MemberNo) -> Result<VolunteerRecord> {
    let pid = members::id_of(conn, no)?;
    let shifts_done: i64 = conn.query_row("SELECT count(*) FROM shift_outcome WHERE worker_id = ?1", [pid.0], |r| r.get(0))?;
    let requests_done: i64 = conn.query_row("SELECT count(*) FROM help_request WHERE volunteer_id = ?1 AND state = 'done'", [pid.0], |r| r.get(0))?;
    Ok(VolunteerRecord {
        member_no: no,
        balance: time_bank::balance(conn, no)?,
        shifts_done,
        requests_done,
        trainings: training::topics_of(conn, no)?,
        offers: offers::of(conn, no)?,
        feedback: feedback::for_volunteer(conn, no)?,
    })
}
