//! 18-digit resident identity numbers (GB 11643-1999): region, birth date, sequence (odd = male),
//! and an ISO 7064 MOD 11-2 check character.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::kernel::Gender;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// A validated ID number, normalised to upper case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdCard {
    pub number: String,
    pub birth_date: NaiveDate,
    pub gender: Gender,
}

pub fn check_char(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += c.to_digit(10)? * w;
    }
    Some(CHECK[(sum % 11) as usize])
}

/// Parses and validates an ID number; `today` bounds the birth date.
pub fn parse(input: &str, today: NaiveDate) -> Result<IdCard> {
    let number: String = input.trim().to_ascii_uppercase();
    let err = |id| Error::invalid("id_card", id);
    if number.chars().count() != 18 {
        return Err(err("error-id-card-length"));
    }
    // Eighteen characters may be more than eighteen bytes (年, full-width digits): split only
    // what is ASCII, or the split lands inside a character and panics (a fuzzed roster cell did).
    if !number.is_ascii() {
        return Err(err("error-id-card-chars"));
    }
    let (body, last) = number.split_at(17);
    if !body.chars().all(|c| c.is_ascii_digit()) || !last.chars().all(|c| c.is_ascii_digit() || c == 'X') {
        return Err(err("error-id-card-chars"));
    }
    let birth_date = NaiveDate::parse_from_str(&body[6..14], "%Y%m%d").map_err(|_| err("error-id-card-birth"))?;
    if birth_date > today || birth_date.format("%Y").to_string().as_str() < "1880" {
        return Err(err("error-id-card-birth"));
    }
    if check_char(body) != last.chars().next() {
        return Err(err("error-id-card-checksum"));
    }
    let seq = body[16..17].parse::<u32>().unwrap_or(0);
    let gender = if seq % 2 == 1 { Gender::Male } else { Gender::Female };
    Ok(IdCard { number, birth_date, gender })
}

/// The 18-digit number of a first-generation 15-digit one (before 1999: two-digit year, no
/// check character): the century 19 goes in after the region and the check character is
/// computed (GB 11643-1999 says how). None if it is not 15 digits.
pub fn upgrade_15(number: &str) -> Option<String> {
    if number.len() != 15 || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let body = format!("{}19{}", &number[..6], &number[6..]);
    Some(format!("{body}{}", check_char(&body)?))
}

/// The form shown in lists and committee reports: region code and last four kept.
pub fn mask(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    #[test]
    fn a_valid_number_gives_birth_date_and_gender() {
        let id = parse("11010519491231002x", today()).unwrap();
        assert_eq!(id.number, "11010519491231002X", "a lower-case x is normalised");
        assert_eq!(id.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
        assert_eq!(id.gender, Gender::Female, "an even sequence digit means female");
    }

    #[test]
    fn a_wrong_check_character_is_refused() {
        let e = parse("110105194912310021", today()).unwrap_err();
        assert_eq!(e.message_id(), "error-id-card-checksum");
        assert_eq!(e.field(), Some("id_card"));
    }

    #[test]
    fn wrong_length_letters_and_impossible_dates_are_refused() {
        assert_eq!(parse("1101051949123100", today()).unwrap_err().message_id(), "error-id-card-length");
        assert_eq!(parse("11010519491231A02X", today()).unwrap_err().message_id(), "error-id-card-chars");
        // 1949-02-30 does not exist; make the checksum right so only the date is wrong.
        let body = "11010519490230002";
        let n = format!("{body}{}", check_char(body).unwrap());
        assert_eq!(parse(&n, today()).unwrap_err().message_id(), "error-id-card-birth");
        let body = "11010520300101002";
        let n = format!("{body}{}", check_char(body).unwrap());
        assert_eq!(parse(&n, today()).unwrap_err().message_id(), "error-id-card-birth", "born in the future");
    }

    #[test]
    fn a_fifteen_digit_number_becomes_the_eighteen_digit_one() {
        assert_eq!(upgrade_15("110105491231002").as_deref(), Some("11010519491231002X"));
        assert_eq!(upgrade_15("11010549123100"), None);
    }

    #[test]
    fn masking_keeps_region_and_last_four() {
        assert_eq!(mask("11010519491231002X"), "110105********002X");
    }

    proptest! {
        #[test]
        fn any_single_digit_change_is_caught(pos in 0usize..17, delta in 1u32..10) {
            let good = "11010519491231002X";
            let mut chars: Vec<char> = good.chars().collect();
            let d = chars[pos].to_digit(10).unwrap();
            chars[pos] = char::from_digit((d + delta) % 10, 10).unwrap();
            let bad: String = chars.into_iter().collect();
            prop_assert!(parse(&bad, today()).is_err(), "{bad} must not pass");
        }
    }
}
