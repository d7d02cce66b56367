//! The rota's fixtures: a small village with four volunteers and two elders, care cases as the
//! form sends them, and the calls whose shape is expected to change (recording an outcome).
//! The rota's types are named through here (`common::rota::Slot`…), so a renamed type is fixed
//! in this one file.

use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{CareLevel, Living, MemberNo, PersonInput};
use huzhu::rota;
use rusqlite::{Connection, Transaction};

#[allow(unused_imports)] // each test file uses some of them
pub use huzhu::rota::print::RosterOptions;
#[allow(unused_imports)]
pub use huzhu::rota::{
    CareCase, CaseInput, DutyKind, ShiftInput, ShiftSpec, Weekdays, RotaGenerateReport as GenerateReport, RotaSlot as Slot,
    RotaSlotId as SlotId, ShiftOutcomeKind as OutcomeKind, ShiftOutcomeRecord as OutcomeRecord,
    VolunteerAvailabilityInput as AvailabilityInput,
};

use super::{actor, add_person, day, set_association, test_db, today, write, Month, ASSOCIATION};

pub fn zh() -> Localizer {
    Localizer::new(Lang::ZhCn)
}

pub fn en() -> Localizer {
    Localizer::new(Lang::EnUs)
}

pub const DAY_SHIFT: &str = "白班@08:00-20:00";
pub const NIGHT_SHIFT: &str = "夜班@20:00-08:00";

/// Four volunteers and two elders, all in the register in this order. Volunteer 1 (张秀兰) does
/// care and visits, days only, every day; 2 (李建国, at most 20 shifts a month) and 3 (王子涵) do
/// care, days and nights, every day; 4 (陈桂英) does visits only, Monday to Friday, and is away
/// 16-18 November 2026. Elder 5 (林炎堃) is bedridden; elder 6 (黄玉喆) lives alone. Volunteer
/// n's phone is 1380000000n.
pub fn village() -> (tempfile::TempDir, Connection) {
    let (dir, mut conn) = test_db();
    set_association(&mut conn, ASSOCIATION);
    for (i, name) in ["张秀兰", "李建国", "王子涵", "陈桂英"].into_iter().enumerate() {
        let input = PersonInput { volunteer: true, phones: vec![format!("1380000000{}", i + 1)], village_group: "1组".into(), ..PersonInput::member(name) };
        add_person(&mut conn, &input).expect("add a volunteer");
    }
    let bedridden = PersonInput { care_level: Some(CareLevel::Severe), address: "后埔12号".into(), village_group: "1组".into(), ..PersonInput::member("林炎堃") };
    add_person(&mut conn, &bedridden).expect("add the bedridden elder");
    let alone = PersonInput { living: Some(Living::Alone), address: "溪边3号".into(), ..PersonInput::member("黄玉喆") };
    add_person(&mut conn, &alone).expect("add the elder living alone");
    let care = Some(vec![DutyKind::Care]);
    set_volunteer(&mut conn, 1, AvailabilityInput { kinds: Some(vec![DutyKind::Care, DutyKind::Visit]), weekdays: weekdays("1-7"), shifts: Some((true, false)), ..Default::default() });
    set_volunteer(&mut conn, 2, AvailabilityInput { kinds: care.clone(), shifts: Some((true, true)), max_shifts: Some("20".into()), ..Default::default() });
    set_volunteer(&mut conn, 3, AvailabilityInput { kinds: care, shifts: Some((true, true)), ..Default::default() });
    set_volunteer(&mut conn, 4, AvailabilityInput { kinds: Some(vec![DutyKind::Visit]), weekdays: weekdays("1-5"), away: vec![("2026-11-16".into(), "2026-11-18".into())], ..Default::default() });
    (dir, conn)
}

/// Weekdays ticked, written as on the command line: 1,2,3 or 1-5.
pub fn weekdays(s: &str) -> Option<Vec<u32>> {
    Some(Weekdays::parse("weekdays", s).unwrap_or_else(|_| panic!("test weekdays {s:?}")).days())
}

pub fn set_volunteer(conn: &mut Connection, no: i64, input: AvailabilityInput) {
    write(conn, |tx| rota::set_volunteer(tx, &actor(), MemberNo(no), &input, today())).expect("set a volunteer's availability");
}

/// A case as the form sends it: every day from `from` (to `until`), with shifts written
/// NAME@HH:MM-HH:MM (none: the kind's usual shifts).
pub fn case_input(recipient: i64, kind: DutyKind, from: &str, until: Option<&str>, shifts: &[&str]) -> CaseInput {
    CaseInput {
        recipient: Some(MemberNo(recipient)),
        kind,
        from: from.into(),
        until: until.unwrap_or_default().into(),
        shifts: shifts.iter().map(|s| ShiftInput::split("shift", s).unwrap_or_else(|_| panic!("test shift {s:?}"))).collect(),
        weekdays: Weekdays::ALL.days(),
        every_days: "1".into(),
        address: String::new(),
        medicines: String::new(),
        family_to_call: String::new(),
        notes: String::new(),
    }
}

pub fn add_case(conn: &mut Connection, input: &CaseInput) -> CareCase {
    write(conn, |tx| rota::add_case(tx, &actor(), input, &zh(), today())).expect("add a care case")
}

/// Generates the month, reasons in Chinese.
pub fn generate(conn: &mut Connection, m: Month) -> GenerateReport {
    generate_in(conn, m, &zh())
}

pub fn generate_in(conn: &mut Connection, m: Month, l10n: &Localizer) -> GenerateReport {
    write(conn, |tx| rota::generate(tx, &actor(), m, l10n)).expect("generate the month")
}

pub fn slots(conn: &Connection, m: Month) -> Vec<Slot> {
    rota::list_month(conn, m, huzhu::members::Phones::Masked).expect("list the month's slots")
}

/// The slot of `date` starting at `start` (HH:MM).
pub fn slot_at(slots: &[Slot], date: &str, start: &str) -> Slot {
    slots.iter().find(|s| s.date == day(date) && s.start == start).cloned().unwrap_or_else(|| panic!("a slot on {date} at {start}"))
}

/// The register numbers of the people on a slot.
pub fn people(s: &Slot) -> Vec<i64> {
    s.assigned.iter().map(|a| a.member_no.0).collect()
}

/// Records a shift done by the people on it (or `for_no`), or by `by` when someone covered, for
/// `hours` as typed (empty: the shift's length).
pub fn record_done(tx: &Transaction, slot: SlotId, for_no: Option<i64>, by: Option<i64>, hours: &str) -> huzhu::Result<Vec<OutcomeRecord>> {
    let kind = if by.is_some() { OutcomeKind::Covered } else { OutcomeKind::Done };
    let input = rota::OutcomeInput { slot, person: for_no.map(MemberNo), kind, by: by.map(MemberNo), hours: hours.into() };
    rota::record_outcome(tx, &actor(), &input, today())
}

/// Records a shift missed: no one served.
pub fn record_missed(tx: &Transaction, slot: SlotId, for_no: Option<i64>) -> huzhu::Result<Vec<OutcomeRecord>> {
    let input = rota::OutcomeInput { slot, person: for_no.map(MemberNo), kind: OutcomeKind::Missed, by: None, hours: String::new() };
    rota::record_outcome(tx, &actor(), &input, today())
}

/// A pairing as the form sends it: a visit every `every_days` days from `from`.
pub fn pairing(volunteer: i64, elder: i64, every_days: &str, from: &str) -> rota::PairingInput {
    rota::PairingInput { volunteer: Some(MemberNo(volunteer)), elder: Some(MemberNo(elder)), every_days: every_days.into(), from: from.into() }
}
