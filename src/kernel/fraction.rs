//! Exact fractions, for shares that must add up to exactly the whole (the heirs of a time
//! account: ⅓ + ⅙ + the rest split in two). Always in lowest terms with a positive denominator;
//! the arithmetic is checked, so a result too large to hold is `None`, never a wrapped number.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fraction {
    num: i128,
    den: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    // The gcd of two i128 fits an i128 unless both are i128::MIN, which `new` refuses.
    i128::try_from(a).unwrap_or(1)
}

impl Fraction {
    pub const ZERO: Fraction = Fraction { num: 0, den: 1 };
    pub const ONE: Fraction = Fraction { num: 1, den: 1 };

    /// `num / den` in lowest terms; None when `den` is zero (or either is i128::MIN, whose
    /// sign cannot be flipped).
    pub fn new(num: i128, den: i128) -> Option<Fraction> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        let g = gcd(num, den).max(1);
        let sign = den.signum();
        Some(Fraction { num: sign * num / g, den: sign * den / g })
    }

    pub fn num(self) -> i128 {
        self.num
    }

    pub fn den(self) -> i128 {
        self.den
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    /// More than zero and at most one: a share of a whole.
    pub fn is_share(self) -> bool {
        self.num > 0 && self.num <= self.den
    }

    pub fn checked_add(self, o: Fraction) -> Option<Fraction> {
        let num = self.num.checked_mul(o.den)?.checked_add(o.num.checked_mul(self.den)?)?;
        Fraction::new(num, self.den.checked_mul(o.den)?)
    }

    pub fn checked_sub(self, o: Fraction) -> Option<Fraction> {
        self.checked_add(Fraction { num: o.num.checked_neg()?, den: o.den })
    }

    /// This fraction divided into `n` equal parts.
    pub fn checked_div(self, n: i128) -> Option<Fraction> {
        Fraction::new(self.num, self.den.checked_mul(n)?)
    }

    /// The fraction of `whole`, rounded down to a whole number.
    pub fn floor_of(self, whole: i128) -> Option<i128> {
        Some(whole.checked_mul(self.num)?.div_euclid(self.den))
    }

    /// A fraction as a person types it: "1/3", "50%", "33.5%", "0.5" or "1" — digits and at most
    /// one point, no signs or exponents. None for anything else.
    pub fn parse(s: &str) -> Option<Fraction> {
        let s = s.trim();
        let ok_chars = |x: &str| !x.is_empty() && x.len() <= 12 && x.chars().all(|c| c.is_ascii_digit() || c == '.');
        let (num, den): (Decimal, Decimal) = if let Some((a, b)) = s.split_once('/') {
            if !ok_chars(a) || !ok_chars(b) || a.contains('.') || b.contains('.') {
                return None;
            }
            (a.parse().ok()?, b.parse().ok()?)
        } else if let Some(p) = s.strip_suffix('%') {
            if !ok_chars(p) {
                return None;
            }
            (p.parse().ok()?, Decimal::ONE_HUNDRED)
        } else {
            if !ok_chars(s) {
                return None;
            }
            (Decimal::from_str(s).ok()?, Decimal::ONE)
        };
        // Clear decimals: scale both up until both are whole.
        let scale = num.scale().max(den.scale());
        let factor = Decimal::from_i128_with_scale(10i128.pow(scale), 0);
        use rust_decimal::prelude::ToPrimitive;
        Fraction::new((num * factor).trunc().to_i128()?, (den * factor).trunc().to_i128()?)
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(n: i128, d: i128) -> Fraction {
        Fraction::new(n, d).unwrap()
    }

    #[test]
    fn fractions_are_kept_in_lowest_terms_with_a_positive_denominator() {
        assert_eq!((fr(2, 6).num(), fr(2, 6).den()), (1, 3));
        assert_eq!(fr(3, -6), fr(-1, 2), "the sign moves to the numerator");
        assert_eq!(fr(0, 5), Fraction::ZERO);
        assert_eq!(Fraction::new(1, 0), None, "there is no fraction over zero");
        assert_eq!(fr(6, 4).to_string(), "3/2");
    }

    #[test]
    fn sums_and_parts_are_exact() {
        let third = fr(1, 3);
        let sixth = fr(1, 6);
        assert_eq!(third.checked_add(sixth), Some(fr(1, 2)));
        assert_eq!(Fraction::ONE.checked_sub(third.checked_add(sixth).unwrap()), Some(fr(1, 2)));
        assert_eq!(fr(1, 2).checked_div(3), Some(sixth), "the rest split three ways");
        assert_eq!(third.checked_add(third).unwrap().checked_add(third), Some(Fraction::ONE), "⅓ three times is exactly one");
        assert!(Fraction::ONE.checked_sub(fr(4, 3)).unwrap().is_negative());
        assert_eq!(third.floor_of(10), Some(3), "a third of 10 is 3, rounded down");
        assert_eq!(fr(2, 3).floor_of(10), Some(6));
        assert_eq!(fr(i128::MAX, 1).checked_add(Fraction::ONE), None, "an overflow is None, not a wrapped number");
    }

    #[test]
    fn shares_are_between_zero_and_one() {
        assert!(fr(1, 3).is_share() && Fraction::ONE.is_share());
        assert!(!Fraction::ZERO.is_share() && !fr(4, 3).is_share() && !fr(-1, 3).is_share());
    }

    #[test]
    fn fractions_parse_as_typed() {
        assert_eq!(Fraction::parse("1/3"), Some(fr(1, 3)));
        assert_eq!(Fraction::parse("50%"), Some(fr(1, 2)));
        assert_eq!(Fraction::parse("33.5%"), Some(fr(67, 200)));
        assert_eq!(Fraction::parse("0.25"), Some(fr(1, 4)));
        assert_eq!(Fraction::parse("1"), Some(Fraction::ONE));
        for bad in ["", "x", "1/0", "-1/2", "1.5/2", "1e2%", "1/2/3", "+1", "1234567890123/2"] {
            assert_eq!(Fraction::parse(bad), None, "{bad:?} is not a fraction");
        }
    }
}
