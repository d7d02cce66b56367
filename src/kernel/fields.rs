//! Form fields as a person types them, read once here with their error ids: each parser takes
//! the form field's name (so the UI shows the message beside it) and the text as typed.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::fen::{self, Fen, MAX_AMOUNT};
use crate::error::{Error, Result};

/// Parses an amount as a person types it: "123.45", "¥1,234.50", "100". It must be more than
/// zero, have at most two decimals and not exceed `MAX_AMOUNT`; anything else is a localised
/// error for `field`.
pub fn amount(field: &'static str, text: &str) -> Result<Fen> {
    let t = text.trim();
    let cleaned: String = t.trim_start_matches(['¥', '￥']).chars().filter(|c| *c != ',' && *c != '，').collect();
    let bad = || Error::invalid_with(field, "error-amount-invalid", vec![("value", t.to_string())]);
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+') {
        return Err(bad());
    }
    let d = Decimal::from_str(&cleaned).map_err(|_| bad())?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(Error::invalid_with(field, "error-amount-negative", vec![("value", t.to_string())]));
    }
    if d.normalize().scale() > 2 {
        return Err(Error::invalid_with(field, "error-amount-decimals", vec![("value", t.to_string())]));
    }
    let fen = fen::parse_signed(&cleaned).ok_or_else(bad)?;
    if fen.0 <= 0 {
        return Err(Error::invalid(field, "error-amount-zero"));
    }
    if fen > MAX_AMOUNT {
        return Err(Error::invalid_with(field, "error-amount-too-large", vec![("max", MAX_AMOUNT.yuan())]));
    }
    Ok(fen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly() {
        assert_eq!(amount("amount", "123.45").unwrap(), Fen(12345));
        assert_eq!(amount("amount", "¥1,234.50").unwrap(), Fen(123450));
        assert_eq!(amount("amount", "100").unwrap(), Fen(10000));
        assert_eq!(amount("amount", "0.1").unwrap(), Fen(10), "0.1 must be exactly ten fen");
        assert_eq!(amount("amount", "12.340").unwrap(), Fen(1234), "a trailing zero is not a third decimal");
        assert_eq!(amount("amount", "99999999.99").unwrap(), MAX_AMOUNT);
    }

    #[test]
    fn bad_amounts_are_refused_with_their_reason() {
        let id = |s: &str| amount("amount", s).unwrap_err().message_id();
        assert_eq!(id("12.345"), "error-amount-decimals", "more than two decimals is refused, not rounded");
        assert_eq!(id("-5"), "error-amount-negative", "a negative amount is refused");
        assert_eq!(id("abc"), "error-amount-invalid");
        assert_eq!(id(""), "error-amount-invalid");
        assert_eq!(id("1e5"), "error-amount-invalid", "scientific notation is not an amount a person types");
        assert_eq!(id("0"), "error-amount-zero");
        assert_eq!(id("0.00"), "error-amount-zero");
        assert_eq!(id("100000000"), "error-amount-too-large");
        assert_eq!(amount("amount", "abc").unwrap_err().field(), Some("amount"));
    }
}
