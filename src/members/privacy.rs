//! Privacy of the register: ID numbers, phones and health notes are masked everywhere by
//! default (lists, detail, JSON, exports, wall printouts). A role that may see them (chair,
//! secretary) reveals one field of one person, and the reveal is recorded in the audit log
//! (which field, never the value).

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::person::{get_by_no, MemberNo, Person};
use crate::audit::{self, Actor};
use crate::error::Result;
use crate::kernel::choice::choice;

choice! {
    /// A field of a person that is masked until revealed.
    PrivateField {
        IdCard = "id_card" / "private-field-id-card" ["身份证"],
        Phones = "phones" / "private-field-phones" ["电话"],
        HealthNotes = "health_notes" / "private-field-health-notes" ["健康"],
        /// Every field at once, to edit the record.
        All = "all" / "private-field-all" ["全部"],
    }
}

/// What stands for hidden health notes (there are some, not shown).
pub const HIDDEN: &str = "••••••";

/// A phone as the lists show it: a mobile keeps its first three and last four digits
/// (138****5678), any other number its last four.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    if digits == 11 && chars.len() == 11 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[7..].iter().collect();
        return format!("{head}****{tail}");
    }
    if chars.len() <= 4 {
        return "*".repeat(chars.len());
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{}{tail}", "*".repeat(chars.len() - 4))
}

/// Whether a search for `q` (digits) finds the phone by what the mask shows of it (first three
/// of a mobile, last four) or the whole number; never by the hidden digits.
pub fn phone_found(phone_digits: &str, q: &str) -> bool {
    if phone_digits.is_empty() || q.is_empty() {
        return false;
    }
    if phone_digits == q {
        return true;
    }
    let n = phone_digits.len();
    let tail = &phone_digits[n.saturating_sub(4)..];
    let head = if n == 11 { &phone_digits[..3] } else { "" };
    tail.contains(q) || head.contains(q)
}

impl Person {
    /// This record as anyone may see it: the ID number and phones masked, health notes hidden.
    pub fn masked(mut self) -> Person {
        self.id_card = None;
        self.phones = self.phones.iter().map(|p| mask_phone(p)).collect();
        for f in &mut self.family {
            f.phone = mask_phone(&f.phone);
        }
        if !self.health_notes.is_empty() {
            self.health_notes = HIDDEN.to_string();
        }
        self
    }
}

/// One person's field in full, for a role that may see it; the reveal is recorded. `All` gives
/// the whole record (to edit it).
pub fn reveal(tx: &Transaction, actor: &Actor, no: MemberNo, field: PrivateField, today: NaiveDate) -> Result<Person> {
    let p = get_by_no(tx, no, today)?;
    audit::record(tx, actor, "reveal", "person", no, None::<&()>, Some(&field))?;
    let full = p.clone();
    let mut out = p.masked();
    match field {
        PrivateField::IdCard => out.id_card = full.id_card,
        PrivateField::Phones => {
            out.phones = full.phones;
            out.family = full.family;
        }
        PrivateField::HealthNotes => out.health_notes = full.health_notes,
        PrivateField::All => out = full,
    }
    Ok(out)
}
