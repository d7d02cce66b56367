//! The shared pieces every area of the core repeats, written once: closed sets of choices
//! stored as text (`choice!`), months, money amounts (`Fen`), exact fractions and the form fields
//! a person types (`fields`). The kernel depends on no area (members, money, rota, time bank);
//! they all depend on it.

pub mod choice;
pub mod fen;
pub mod fields;
pub mod fraction;
pub mod gender;
pub mod month;

pub use fen::{Fen, MAX_AMOUNT};
pub use gender::Gender;
pub use month::{Month, Quarter};
