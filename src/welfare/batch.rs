//! Paying a list at once — the month's decade birthdays, the 重阳 gifts, the 春节 visits: one
//! payment and one voucher each, all in one transaction, then one list to print and sign.

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::payments::{post_payment, NewPayment, WelfarePayment, WelfareQuote};
use crate::audit::Actor;
use crate::error::Result;
use crate::kernel::choice::choice;
use crate::kernel::fields;
use crate::members::{MemberNo, Person};

/// What a batch form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct BatchInput {
    /// YYYY-MM-DD; empty for today.
    pub date: String,
    /// Empty: whoever is signed in.
    pub handler: String,
    pub approver: String,
    /// The approver's PIN, when a gift is above the approval amount (sign-in on); never stored.
    pub approver_pin: String,
    /// Who to pay, when the secretary chose (the 春节 list); empty: everyone listed.
    pub members: Vec<MemberNo>,
}

choice! {
    /// Why someone on the list was not paid.
    BatchSkipWhy {
        AlreadyPaid = "already_paid" / "welfare-skip-already-paid" [],
        NoStandard = "no_standard" / "welfare-skip-no-standard" [],
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchSkip {
    pub member_no: MemberNo,
    pub name: String,
    pub why: BatchSkipWhy,
    /// The earlier payment's voucher, when already paid.
    pub voucher: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchResult {
    pub paid: Vec<WelfarePayment>,
    pub skipped: Vec<BatchSkip>,
}

impl BatchResult {
    pub fn vouchers(&self) -> Vec<String> {
        self.paid.iter().map(|p| p.voucher_no.clone()).collect()
    }
}

/// Pays each line at its standard's amount; those already paid for the occasion, or with no
/// standard that fits, are listed as skipped. Any other refusal (a closed month, an approver
/// needed and not named) refuses the whole batch.
pub(crate) fn pay_lines(tx: &Transaction, actor: &Actor, lines: Vec<(Person, WelfareQuote)>, input: &BatchInput, today: NaiveDate) -> Result<BatchResult> {
    let date = fields::ledger_date("date", &input.date, today)?;
    let handler = fields::text("handler", &input.handler, 30)?;
    let approver = fields::text("approver", &input.approver, 30)?;
    let actor = &crate::access::approval::approve(tx, actor, &approver, &input.approver_pin, chrono::Utc::now())?;
    let mut out = BatchResult::default();
    for (person, quote) in lines {
        if !input.members.is_empty() && !input.members.contains(&person.member_no) {
            continue;
        }
        let skip = |why, voucher| BatchSkip { member_no: person.member_no, name: person.name.clone(), why, voucher };
        if quote.paid.is_some() {
            out.skipped.push(skip(BatchSkipWhy::AlreadyPaid, quote.paid.clone()));
            continue;
        }
        if quote.standard.is_none() {
            out.skipped.push(skip(BatchSkipWhy::NoStandard, None));
            continue;
        }
        let paid = post_payment(
            tx,
            actor,
            NewPayment {
                person: &person,
                quote,
                amount: None,
                reason: String::new(),
                date,
                receiver: String::new(),
                handler: handler.clone(),
                approver: approver.clone(),
                goods: String::new(),
            },
        )?;
        out.paid.push(paid);
    }
    Ok(out)
}
