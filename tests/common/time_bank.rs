//! The time bank's fixtures: hours as typed, a deposit of service on a date, a balance in
//! half-hours, a death in the register.

use huzhu::members::{self, MemberNo, PersonInput, Status, StatusInput};
use huzhu::time_bank::{self as tb, DepositInput, EntryId, Hours, TransferInput};
use rusqlite::Connection;

use super::{actor, add_person, today, write};

/// Hours as the secretary types them for a move ("1.5"); panics on a typo in the test.
pub fn h(s: &str) -> Hours {
    Hours::parse_move(s).unwrap_or_else(|_| panic!("test hours {s:?}"))
}

/// A member with an ID number (needed to move an account between associations).
pub fn add_with_id_card(conn: &mut Connection, name: &str, id_card: &str) -> MemberNo {
    add_person(conn, &PersonInput { id_card: id_card.into(), ..PersonInput::member(name) }).expect("add a member").member_no
}

/// Banks `hours` of 陪护 given by `no` on `date`, confirmed by the family.
pub fn deposit(conn: &mut Connection, no: MemberNo, hours: &str, date: &str) -> huzhu::Result<EntryId> {
    let input = DepositInput {
        provider: no,
        hours: hours.into(),
        date: date.into(),
        recipient: None,
        service_kind: "陪护".into(),
        confirmed_by: "家属".into(),
    };
    write(conn, |tx| tb::deposit(tx, &actor(), &input, today()))
}

/// A transfer as the form sends it, dated today (the date left blank).
pub fn transfer(from: MemberNo, to: MemberNo, hours: &str, reason: &str) -> TransferInput {
    TransferInput { from, to: Some(to), hours: hours.into(), reason: reason.into(), date: String::new() }
}

/// The balance in half-hours, the time bank's own unit.
pub fn bal(conn: &Connection, no: MemberNo) -> i64 {
    tb::balance(conn, no).expect("read a balance").half_hours()
}

/// Records a death on 2026-10-01.
pub fn make_deceased(conn: &mut Connection, no: MemberNo) {
    write(conn, |tx| members::set_status(tx, &actor(), no, &StatusInput::new(Status::Deceased, "2026-10-01", "病故"), today())).expect("record the death");
}
