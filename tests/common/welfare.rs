//! The welfare fixtures: standards and payments as the forms send them, posted on `today()`.

use huzhu::members::MemberNo;
use huzhu::welfare::{self, PaymentInput, StandardInput, WelfareKind, WelfarePayment, WelfareStandard};
use rusqlite::Connection;

use super::{actor, today, write};

/// A standard of `kind`: `amount`, for ages `from`–`to` ("" for no limit), from `date` ("" for today).
pub fn standard(kind: WelfareKind, amount: &str, from: &str, to: &str, date: &str) -> StandardInput {
    StandardInput { kind: Some(kind), amount: amount.into(), age_from: from.into(), age_to: to.into(), from: date.into(), ..Default::default() }
}

pub fn set_standard(conn: &mut Connection, input: &StandardInput) -> WelfareStandard {
    write(conn, |tx| welfare::set_standard(tx, &actor(), input, today())).expect("set a welfare standard")
}

/// A payment of `kind` to member `no` on `date`, at the standard's amount.
pub fn payment(no: MemberNo, kind: WelfareKind, date: &str) -> PaymentInput {
    PaymentInput { member: Some(no), kind: Some(kind), date: date.into(), ..Default::default() }
}

pub fn pay(conn: &mut Connection, input: &PaymentInput) -> huzhu::Result<WelfarePayment> {
    write(conn, |tx| welfare::pay(tx, &actor(), input, today()))
}
