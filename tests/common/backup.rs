//! Backups' fixtures: a register with something in every area, a clock for file names, and a
//! look at a folder and at a file's bytes to show that a refused step left them as they were.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDateTime;
use huzhu::members::MemberNo;
use huzhu::money::cash_book;
use huzhu::money::dues::{self, PolicyInput};
use huzhu::money::receipts;
use huzhu::money::CashKind;
use huzhu::time_bank as tb;
use rusqlite::Connection;

use super::money::entry;
use super::time_bank::deposit;
use super::{actor, count, day, month, today, write};

/// A local time written "YYYY-MM-DD HH:MM:SS".
pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap_or_else(|_| panic!("test time {s:?} must be YYYY-MM-DD HH:MM:SS"))
}

/// The time the backups of the tests are made at: a morning of `today()`.
pub fn now() -> NaiveDateTime {
    at("2026-11-29 08:30:00")
}

/// Writes something in every area: the demo village (people, family contacts, volunteers, care
/// cases, pairings, and the sample year's welfare), the cash book with receipts (one voided), dues, a donation, a month
/// closed, a cash count, time-bank deposits and a transfer, a generated rota.
pub fn every_area(conn: &mut Connection) {
    write(conn, |tx| huzhu::demo::build(tx, &actor(), 40, 7, today())).expect("the demo village");
    let dues_in = cash_book::EntryInput { party: "王五".into(), ..entry(CashKind::Income, "会费", "30.00", "2026-10-08") };
    write(conn, |tx| receipts::post_entry(tx, &actor(), &dues_in, true, today())).expect("an income with its receipt");
    let spent = entry(CashKind::Expense, "慰问金", "200.00", "2026-10-12");
    write(conn, |tx| cash_book::add(tx, &actor(), &spent, today())).expect("an expense");
    write(conn, |tx| cash_book::close_month(tx, &actor(), month("2026-10"), today())).expect("October closed");
    let policy = PolicyInput { year: 2026, amount: "30".into(), exempt_age: "90".into(), exempt_statuses: vec![] };
    write(conn, |tx| dues::set_policy(tx, &actor(), &policy)).expect("a dues policy");
    // The sample year has dues paid already: pay for someone who still owes.
    let owing = dues::bill(conn, 2026).expect("the year's bill").into_iter().find(|l| l.owed > huzhu::kernel::Fen::ZERO).expect("someone owes dues");
    let paid = dues::DuesPaymentInput { member: Some(owing.member_no), years: "2026".into(), amount: owing.owed.yuan(), date: "2026-11-03".into(), handler: "李会计".into() };
    write(conn, |tx| dues::pay(tx, &actor(), &paid, today())).expect("dues paid");
    let gift = huzhu::money::donations::DonationInput { donor: "林德明".into(), amount: "500".into(), date: "2026-11-05".into(), receipt: true, ..Default::default() };
    let (_, _, receipt) = write(conn, |tx| huzhu::money::donations::donate(tx, &actor(), &gift, today())).expect("a donation");
    let receipt = receipt.expect("the donation's receipt");
    write(conn, |tx| receipts::void(tx, &actor(), &receipt.receipt_no, "写错了金额")).expect("a receipt voided");
    write(conn, |tx| cash_book::count_cash(tx, &actor(), "330.00", day("2026-11-20"), "", today())).expect("a cash count");
    deposit(conn, MemberNo(1), "8", "2026-11-10").expect("a deposit");
    deposit(conn, MemberNo(2), "3.5", "2026-11-11").expect("another deposit");
    let moved = tb::TransferInput { from: MemberNo(1), to: Some(MemberNo(2)), hours: "2".into(), reason: "帮忙".into(), date: "2026-11-12".into() };
    write(conn, |tx| tb::transfer(tx, &actor(), &moved, today())).expect("a transfer");
    write(conn, |tx| huzhu::rota::generate(tx, &actor(), month("2026-12"), &super::rota::zh())).expect("December's rota");
    assert!(count(conn, "rota_assignment") > 0, "the rota has people on it");
    // The rest of the tables: settings, a waiver, a pairing, a visit, a printed receipt, the
    // association's key, a shift done, a death and its inheritance.
    let settings = huzhu::association::Settings { lang: huzhu::i18n::Lang::EnUs, ..Default::default() };
    write(conn, |tx| huzhu::association::save_settings(tx, &actor(), &settings)).expect("settings");
    write(conn, |tx| dues::waive(tx, &actor(), 2026, MemberNo(3), "家境困难", today())).expect("a waiver");
    let zh = super::rota::zh();
    let pair = huzhu::rota::PairingInput { volunteer: Some(MemberNo(4)), elder: Some(MemberNo(5)), every_days: "7".into(), from: "2026-11-01".into() };
    write(conn, |tx| huzhu::rota::add_pairing(tx, &actor(), &pair, &zh, today())).expect("a pairing");
    let visit = huzhu::rota::ContactInput { elder: MemberNo(5), by: Some(MemberNo(4)), date: "2026-11-20".into(), call: false, notes: "聊天".into() };
    write(conn, |tx| huzhu::rota::log_contact(tx, &actor(), &visit, today())).expect("a visit");
    write(conn, |tx| receipts::print(tx, &actor(), &[receipt.receipt_no.clone()], receipts::ReceiptLayout::default(), &zh)).expect("a receipt printed");
    write(conn, |tx| tb::keys::ensure(tx, &actor()).map(|_| ())).expect("the association's key");
    write(conn, |tx| huzhu::rota::generate(tx, &actor(), month("2026-11"), &zh)).expect("November's rota");
    let done = super::rota::slots(conn, month("2026-11")).into_iter().find(|s| !super::rota::people(s).is_empty()).expect("a shift with people on it");
    write(conn, |tx| super::rota::record_done(tx, done.id, None, None, "")).expect("a shift done");
    let holder = super::add_member(conn, "王老伯");
    let heir = super::add_member(conn, "王小明");
    deposit(conn, holder, "2", "2026-11-10").expect("the holder's hours");
    super::time_bank::make_deceased(conn, holder);
    let heirs = [tb::HeirShare { heir, share: None }];
    write(conn, |tx| tb::inherit(tx, &actor(), holder, &heirs, "村主任", today(), today())).expect("an inheritance");
    // A death entered by mistake and corrected (the welfare area's death_correction).
    let mistaken = super::add_member(conn, "陈阿婆");
    let death = huzhu::welfare::DeathInput { member: Some(mistaken), date: "2026-11-25".into(), contact: String::new() };
    write(conn, |tx| huzhu::welfare::record_death(tx, &actor(), &death, today())).expect("a death recorded");
    write(conn, |tx| huzhu::welfare::correct_death(tx, &actor(), mistaken, "登记错了人", today())).expect("the death corrected");
    mutual_aid(conn, heir, &done);
    // Sign-in turned on (issue 12): a user and the recovery sheet's codes. Last, since from the
    // first user on a large payment needs a second person.
    let chair = huzhu::access::UserInput { name: "陈会长".into(), role: Some(huzhu::audit::Role::Chair), pin: "204817".into() };
    write(conn, |tx| huzhu::access::users::add(tx, &actor(), &chair)).expect("a user");
    write(conn, |tx| huzhu::access::recovery::make_codes(tx, &actor())).expect("recovery codes");
}

/// Mutual aid (issue 13): a standard, a training attended, a volunteer's offers, a request done
/// with feedback, and feedback on the shift done above.
fn mutual_aid(conn: &mut Connection, recipient: MemberNo, done: &super::rota::Slot) {
    use huzhu::requests::{self, RequestDoneInput, RequestInput, StandardTarget};
    let zh = super::rota::zh();
    let hall = StandardTarget::Duty(huzhu::rota::DutyKind::Hall);
    let text = huzhu::standards::ServiceStandardInput { text: "开门、烧水、登记来人".into(), training: String::new() };
    write(conn, |tx| requests::set_standard(tx, &actor(), &hall, &text)).expect("a standard");
    let session = huzhu::training::TrainingInput { topic: "心理关爱".into(), date: "2026-11-15".into(), ..Default::default() };
    let s = write(conn, |tx| huzhu::training::add(tx, &actor(), &session, today())).expect("a training");
    write(conn, |tx| huzhu::training::attend(tx, &actor(), s.id, &[MemberNo(4)])).expect("a training attended");
    write(conn, |tx| requests::set_offers(tx, &actor(), MemberNo(4), Some(&["代购".to_string(), "聊天陪伴".to_string()]))).expect("a volunteer's offers");
    let input = RequestInput { recipient: Some(recipient), kind: "聊天陪伴".into(), date: "2026-11-21".into(), ..Default::default() };
    let r = write(conn, |tx| requests::add(tx, &actor(), &input, &zh, today())).expect("a request");
    let who = requests::candidates_for(conn, r.id, &zh, today()).expect("candidates").into_iter().find(|c| c.able).expect("someone can go").no;
    write(conn, |tx| requests::assign(tx, &actor(), r.id, who, &zh, today())).expect("the request assigned");
    let finished = RequestDoneInput { hours: "1".into(), rating: Some(huzhu::feedback::Rating::Good), ..Default::default() };
    write(conn, |tx| requests::done(tx, &actor(), r.id, &finished, &zh, today())).expect("the request done");
    let person = super::rota::people(done).first().copied().map(MemberNo);
    let fb = huzhu::feedback::ShiftFeedbackInput { slot: done.id, person, rating: huzhu::feedback::Rating::Bad, note: "迟到".into() };
    write(conn, |tx| huzhu::feedback::add_for_shift(tx, &actor(), &fb, today())).expect("feedback on the shift");
}

/// The tables `every_area` leaves empty: those of the exchange between associations.
pub const EMPTY_TABLES: [&str; 2] = ["accepted_key", "time_exchange"];

/// Every file in a folder and below it, with its bytes: what "nothing changed, nothing left
/// behind" compares.
pub fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read a folder") {
            let p = e.expect("a folder entry").path();
            let rel = p.strip_prefix(dir).expect("below the folder").display().to_string();
            if p.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                stack.push(p);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

/// The names of the files in a folder, sorted (none when it does not exist).
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(r) => r.map(|e| e.expect("a folder entry").file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// Runs `PRAGMA integrity_check` on a file, read-only.
pub fn integrity(path: &Path) -> String {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open a backup");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity_check")
}
