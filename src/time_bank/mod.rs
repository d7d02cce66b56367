//! The time bank (时间储蓄): hours of care given are banked and drawn later by the giver or their
//! family, moved to others (transfer), given to the common pool (公益时间池) or inherited, and
//! carried to another association in a signed file (see `exchange` and docs/time-exchange.md).
//!
//! Hours are counted in exact half-hours (`Hours`). The ledger (`time_entry`) is append-only:
//! balances are sums of entries, corrections are reversals, and the database itself refuses an
//! edit, a delete or an entry that would leave any account below zero. Every write here adds an
//! audit row in the caller's transaction.
//!
//! One file per thing: `hours` (the unit), `ledger` (entries and how they are posted),
//! `accounts` (balances, frozen accounts), `services` (deposits and withdrawals), `moves`
//! (transfer, donation to the pool, grant from it), `reversal`, `inheritance`, `cap` (the yearly
//! cap), `lines` (the passbook's lines as a person reads them), besides `exchange` (the signed file), `exchange_files` (writing and finding it on disk),
//! `keys` and `passbook`.

pub mod exchange;
pub mod exchange_files;
pub mod keys;
pub mod passbook;

mod hours;
mod ledger;
mod accounts;
mod services;
mod moves;
mod reversal;
mod cap;
mod inheritance;
mod lines;

pub use hours::{MAX_SERVICE_HALF_HOURS, MAX_MOVE_HALF_HOURS, Hours};
pub use ledger::{POOL_ACCOUNT, EntryId, EntryKind, Holder, TimeEntry, entry, entries, pool_entries};
pub use accounts::{balance, pool_balance, total_hours, is_frozen, AccountBalance, balances, TimeAccount, account, BankOverview, overview};
pub(crate) use accounts::{freeze_on_death, balance_of, lift_freeze, inherited_from};
pub use services::{DepositInput, deposit, credit_service, WithdrawalInput, withdraw};
pub use moves::{TransferInput, transfer, PoolDonationInput, donate, grant, pay_into_pool};
pub use reversal::reverse;
pub use cap::{yearly_cap, set_yearly_cap};
pub use inheritance::{HeirShare, InheritedShare, Inheritance, inherit};
pub use lines::{PassbookLine, passbook_lines};
