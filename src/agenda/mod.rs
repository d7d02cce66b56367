//! The month at a glance (本月要事): what the secretary needs to act on this month, gathered from
//! every area — birthdays (decades marked), deaths without a condolence, members in hospital,
//! dues owed, shifts short of people this month and next, elders living alone no one has
//! contacted for a while, the next 重阳 and 春节 and how many get gifts, the cash balance, and the
//! last backups. It is the app's first screen and prints as one A4 page (`print`) for the
//! association's monthly meeting. Nothing here writes.

mod glance;
mod print;

pub use glance::{Agenda, AgendaDues, AgendaOwing, AgendaShortSlot, AgendaShifts, AgendaFestival, AgendaBackup, agenda};
pub use print::agenda_pdf;
