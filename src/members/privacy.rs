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

/// A phone as everything shows it unless the whole number is asked for (lists, search results,
/// exports, reports, wall printouts): the one mask, so the same number never shows more in one
/// place than in another. It shows exactly the digits search finds it by (`phone_found`): an
/// eleven-digit mobile keeps its first three and last four digits (138****5678), any other number
/// its last four (0595-22334455 → ****-****4455); a number of four digits or fewer shows none.
/// Spaces and dashes stay where they are.
pub fn mask_phone(phone: &str) -> String {
    let total = phone.chars().filter(char::is_ascii_digit).count();
    let head = if total == 11 { 3 } else { 0 };
    let tail = if total > 4 { 4 } else { 0 };
    let mut seen = 0;
    phone
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= head || seen > total - tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Phone numbers inside a line of text (a care case's 家属联系: 儿子 张明 13900001111): each run
/// of five digits or more, spaces and dashes between them included, masked as `mask_phone` masks
/// a number; the rest of the text as it is.
pub fn mask_phones_in(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits, and spaces or dashes followed by a digit.
        let mut end = i;
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], ' ' | '-')) {
            if chars[j].is_ascii_digit() {
                end = j + 1;
            }
            j += 1;
        }
        let run: String = chars[i..end].iter().collect();
        if run.chars().filter(char::is_ascii_digit).count() >= 5 {
            out.push_str(&mask_phone(&run));
        } else {
            out.push_str(&run);
        }
        i = end;
    }
    out
}

/// How a read shows phone numbers: masked, as everyone sees them, or whole (after a permitted
/// role's recorded reveal, `reveal_phones`; and for the printouts and exports, which mask by
/// their own option).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phones {
    Masked,
    Whole,
}

impl Phones {
    /// One phone number as this read shows it. A number already masked stays as it is.
    pub fn show(self, phone: &str) -> String {
        match self {
            Phones::Whole => phone.to_string(),
            Phones::Masked if phone.contains('*') => phone.to_string(),
            Phones::Masked => mask_phone(phone),
        }
    }

    /// A line of text with phone numbers in it (a care case's family to call) as this read
    /// shows it.
    pub fn show_in(self, text: &str) -> String {
        match self {
            Phones::Whole => text.to_string(),
            Phones::Masked => mask_phones_in(text),
        }
    }
}

/// Whole phone numbers in one read of a list of register people (the command line's `--full`):
/// recorded as one reveal of the phones of `what` (e.g. `rota:2026-12`), refused, with nothing
/// written, to a role that may not see them.
pub fn reveal_phones(tx: &Transaction, actor: &Actor, what: &str) -> Result<Phones> {
    audit::record(tx, actor, "reveal", "person", what, None::<&()>, Some(&PrivateField::Phones))?;
    Ok(Phones::Whole)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_shows_exactly_the_digits_search_finds_it_by() {
        assert_eq!(mask_phone("13812345678"), "138****5678", "a mobile keeps its first three and last four");
        assert_eq!(mask_phone("138 1234 5678"), "138 **** 5678", "spaced as it was typed");
        assert_eq!(mask_phone("0595-22334455"), "****-****4455", "a landline keeps its last four only");
        assert_eq!(mask_phone("22334455"), "****4455");
        assert_eq!(mask_phone("1234"), "****", "four digits or fewer: none shown");
        assert_eq!(mask_phone(""), "");
        // Every digit the mask shows is one search finds the number by, and no other.
        for phone in ["13812345678", "0595-22334455", "+86 595 2233 4455", "95555"] {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            let shown: String = mask_phone(phone).chars().filter(char::is_ascii_digit).collect();
            let n = digits.len();
            let head = if n == 11 { &digits[..3] } else { "" };
            assert_eq!(shown, format!("{head}{}", &digits[n - 4..]), "{phone}");
            assert!(phone_found(&digits, &digits[n - 4..]) && !phone_found(&digits, &digits[n - 5..n - 1]), "{phone}");
        }
    }

    #[test]
    fn numbers_inside_text_are_masked_and_the_rest_kept() {
        assert_eq!(mask_phones_in("儿子 林小明 13912345678"), "儿子 林小明 139****5678");
        assert_eq!(mask_phones_in("女儿 0595-22334455，或 139 1234 5678"), "女儿 ****-****4455，或 139 **** 5678");
        assert_eq!(mask_phones_in("3号楼 2单元"), "3号楼 2单元", "short numbers are not phones");
        assert_eq!(mask_phones_in("侄子 13912345678 转 2"), "侄子 139****5678 转 2", "a run ends where its digits end");
    }
}
