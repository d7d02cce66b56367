//! The shared pieces every area of the core repeats, written once: closed sets of choices
//! stored as text (`choice!`). The kernel depends on no area (members, money, rota, time bank);
//! they all depend on it.

pub mod choice;
