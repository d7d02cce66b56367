//! The shared pieces every area of the core repeats, written once: closed sets of choices
//! stored as text (`choice!`), months, money amounts (`Fen`), exact fractions, the form fields
//! a person types (`fields`) and what a printout is (`Printout`: bytes and a file name). The
//! kernel depends on no area (members, money, rota, time bank); they all depend on it.

pub mod choice;
pub mod fen;
pub mod fields;
pub mod fraction;
pub mod gender;
pub mod month;
pub mod printout;

pub use fen::{Fen, MAX_AMOUNT};
pub use gender::Gender;
pub use month::{Month, Quarter};
pub use printout::Printout;
