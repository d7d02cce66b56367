//! Welfare and life events (慰问): the standards the association sets (`standards`), payments
//! that post their cash-book expense (`payments`, `batch`), a member's death as one action and
//! its correction (`deaths`), hospital stays (`hospital`), the month's birthdays (`birthdays`,
//! ages counted as the association counts in `ages`), the festival gifts of 重阳 and 春节
//! (`festivals`), what goes on paper (`slips`: the 领款单, the signing list, the birthday list)
//! and a member's welfare on their page (`summary`). `kinds` names the kinds of welfare.

mod kinds;
mod ages;
mod standards;
mod hospital;
mod payments;
mod batch;
mod deaths;
mod birthdays;
mod festivals;
mod slips;
mod summary;

pub use kinds::{WelfareKind, Festival};
pub use ages::{age_count, age_on, birthday_in, birthday_in_year, is_decade};
pub use standards::{StandardId, WelfareStandard, StandardInput, set_standard, all as standards, in_force, standard_for};
pub use hospital::{HospitalStay, AdmitInput, admit, discharge, in_hospital, stays};
pub use payments::{WelfarePayment, PaymentInput, WelfareQuote, WelfareFilter, quote, quote_input, pay, get as get_payment, get_by_voucher, list};
pub use batch::{BatchInput, BatchSkipWhy, BatchSkip, BatchResult};
pub use deaths::{DeathInput, PossibleHeir, DeathDues, DeathPlan, DeathRecord, DeathCorrection, UnpaidDeath, preview as death_preview, record as record_death, record_of as death_record, correct as correct_death, unpaid as unpaid_deaths, reveal_heirs};
pub use birthdays::{BirthdayLine, BirthdayList, birthdays, pay_decades};
pub use festivals::{FestivalLine, FestivalList, festival, festival_date, pay_festival};
pub use slips::{slips_pdf, sign_list_pdf, birthdays_pdf};
pub use summary::{PersonWelfare, for_person};
