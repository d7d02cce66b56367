//! Amounts in capital numerals (大写金额) as receipts and vouchers write them, after the banking
//! rules for filling in bills (《支付结算办法》, 正确填写票据和结算凭证的基本规定):
//!
//! - 元 then 整 when there are no 角 or 分; 整 after 角 too (壹仟贰佰叁拾肆元伍角整); none
//!   after 分.
//! - A zero between digits is written 零, a run of zeros once (¥1,005.00 → 壹仟零伍元整,
//!   ¥6,007.14 → 陆仟零柒元壹角肆分).
//! - 角 zero and 分 not: 零 after 元 (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分). 元 zero and 角
//!   not: the rules allow 零 or none; we write it (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分),
//!   because it leaves no room to add a digit.
//! - 万 (or 亿) digit zero followed by a 仟: the rules allow one 零 or none; we write none and
//!   let 万 mark the place (¥107,000.53 → 壹拾万柒仟元零伍角叁分), which is the rules' own
//!   first example.
//! - A leading 拾 is written 壹拾 (10 → 壹拾元整), so nothing can be put in front of it.
//! - No 元 when there are no yuan (¥0.50 → 伍角整, ¥0.01 → 壹分); nothing at all is 零元整.

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 4] = ["", "万", "亿", "万亿"];

/// The capital-numeral form of a non-negative amount in fen. Amounts up to 9,999,999,999,999,999
/// yuan are written; the app refuses single amounts over ¥99,999,999.99 long before that.
pub fn capital(fen: i64) -> String {
    let fen = fen.unsigned_abs();
    let yuan = fen / 100;
    let jiao = (fen / 10 % 10) as usize;
    let fen_digit = (fen % 10) as usize;
    let mut out = integer_words(yuan);
    if yuan == 0 && jiao == 0 && fen_digit == 0 {
        return "零元整".to_string();
    }
    if yuan > 0 {
        out.push('元');
    }
    if jiao == 0 && fen_digit == 0 {
        out.push('整');
        return out;
    }
    if jiao > 0 {
        if yuan > 0 && yuan % 10 == 0 {
            out.push('零');
        }
        out.push(DIGITS[jiao]);
        out.push('角');
    } else if yuan > 0 {
        out.push('零');
    }
    if fen_digit > 0 {
        out.push(DIGITS[fen_digit]);
        out.push('分');
    } else {
        out.push('整');
    }
    out
}

/// 1234 → 壹仟贰佰叁拾肆; 0 → "".
fn integer_words(n: u64) -> String {
    if n == 0 {
        return String::new();
    }
    // Groups of four digits, most significant first.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 10_000) as usize);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut pending_zero = false;
    let mut started = false;
    for (gi, &g) in groups.iter().enumerate().rev() {
        for place in (0..4).rev() {
            let d = g / 10usize.pow(place as u32) % 10;
            if d == 0 {
                if started {
                    pending_zero = true;
                }
                continue;
            }
            if pending_zero {
                out.push('零');
                pending_zero = false;
            }
            out.push(DIGITS[d]);
            out.push_str(PLACES[place]);
            started = true;
        }
        if g != 0 && gi > 0 {
            out.push_str(GROUPS[gi.min(GROUPS.len() - 1)]);
            // A zero in the group's last place is told by the 万/亿 itself when a 仟 follows
            // (壹拾万柒仟); zeros further down still get their 零 (壹拾万零柒佰).
            let next_thousands = groups.get(gi - 1).is_some_and(|n| n / 1000 > 0);
            if next_thousands {
                pending_zero = false;
            }
        } else if g != 0 && gi == 0 {
            // the units group: nothing after it
        }
        if g == 0 && started {
            pending_zero = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_cases_follow_the_banking_rules() {
        let cases: &[(i64, &str)] = &[
            (123450, "壹仟贰佰叁拾肆元伍角整"),
            (100500, "壹仟零伍元整"),
            (1000, "壹拾元整"),
            (1, "壹分"),
            (10, "壹角整"),
            (50, "伍角整"),
            (0, "零元整"),
            (10000005, "壹拾万元零伍分"),
            (140950, "壹仟肆佰零玖元伍角整"),
            (600714, "陆仟零柒元壹角肆分"),
            (168032, "壹仟陆佰捌拾元零叁角贰分"),
            (10700053, "壹拾万柒仟元零伍角叁分"),
            (1640902, "壹万陆仟肆佰零玖元零贰分"),
            (32504, "叁佰贰拾伍元零肆分"),
            (10000, "壹佰元整"),
            (100, "壹元整"),
            (1500, "壹拾伍元整"),
            (11000, "壹佰壹拾元整"),
            (1000000, "壹万元整"),
            (1000100, "壹万零壹元整"),
            (1001000, "壹万零壹拾元整"),
            (10000000, "壹拾万元整"),
            (10070000, "壹拾万零柒佰元整"),
            (100000000, "壹佰万元整"),
            (100070000, "壹佰万零柒佰元整"),
            (1000000000, "壹仟万元整"),
            (1000100000, "壹仟万壹仟元整"),
            (9999999999, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
            (10000000000, "壹亿元整"),
            (10000000100, "壹亿零壹元整"),
            (20001000000, "贰亿零壹万元整"),
            (1010, "壹拾元零壹角整"),
            (1001, "壹拾元零壹分"),
            (1011, "壹拾元零壹角壹分"),
            (1111, "壹拾壹元壹角壹分"),
        ];
        for &(fen, want) in cases {
            assert_eq!(capital(fen), want, "capital numerals of {fen} fen must follow the banking rules");
        }
    }

    /// Reads capital numerals back into fen, independently of how they were written: the test
    /// oracle for the property below.
    fn read_back(s: &str) -> i64 {
        let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|p| p as i64);
        let mut total: i64 = 0; // in fen
        let mut section: i64 = 0; // yuan below the current 万/亿
        let mut high: i64 = 0; // yuan in 万 and 亿 groups
        let mut current: i64 = 0;
        for c in s.chars() {
            if let Some(d) = digit(c) {
                current = d;
                continue;
            }
            match c {
                '拾' => { section += current * 10; current = 0; }
                '佰' => { section += current * 100; current = 0; }
                '仟' => { section += current * 1000; current = 0; }
                '万' => { high += (section + current) * 10_000; section = 0; current = 0; }
                '亿' => { high = (high + section + current) * 100_000_000; section = 0; current = 0; }
                '元' => { total += (high + section + current) * 100; high = 0; section = 0; current = 0; }
                '角' => { total += current * 10; current = 0; }
                '分' => { total += current; current = 0; }
                '整' => {}
                other => panic!("unexpected character {other} in {s}"),
            }
        }
        total
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn every_amount_from_one_fen_to_a_hundred_million_reads_back(fen in 1i64..=9_999_999_999) {
            let s = capital(fen);
            prop_assert_eq!(read_back(&s), fen, "capital numerals must read back to the same amount: {}", s);
            prop_assert!(!s.contains("零零"), "a run of zeros is written with one 零: {}", s);
            prop_assert!(!s.starts_with('零'), "capital numerals never start with 零: {}", s);
            prop_assert!(!s.starts_with('拾'), "a leading 拾 is written 壹拾: {}", s);
            prop_assert_eq!(s.ends_with('整'), fen % 10 == 0, "整 ends an amount with no 分, and only such: {}", s);
            prop_assert!(!s.contains("零元") && !s.contains("零万") && !s.contains("零亿"), "零 never stands before a unit: {}", s);
            if fen >= 100 && fen % 100 != 0 && fen / 10 % 10 == 0 {
                prop_assert!(s.contains("元零"), "角 zero and 分 not: 零 after 元: {}", s);
            }
        }
    }

    #[test]
    fn the_largest_and_smallest_amounts() {
        assert_eq!(capital(1), "壹分", "¥0.01 is 壹分");
        assert_eq!(capital(9_999_999_999), "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分", "¥99,999,999.99 in full");
    }
}
