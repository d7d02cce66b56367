//! How ID and phone numbers appear in an export: whole only when asked for (DESIGN.md,
//! privacy). Its own file so each list's file can use it without depending on `exports` itself.

/// Whether numbers are shown whole or masked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mask {
    pub(super) full: bool,
}

impl Mask {
    pub(super) fn id_card(self, n: &str) -> String {
        if self.full {
            n.to_string()
        } else {
            crate::id_card::mask(n)
        }
    }

    pub(super) fn phone(self, p: &str) -> String {
        if self.full {
            p.to_string()
        } else {
            mask_phone(p)
        }
    }
}

/// A phone number with all but its last four digits hidden, and the first three of a mobile
/// number kept so it can still be told from another (138****5678).
pub fn mask_phone(p: &str) -> String {
    let total = p.chars().filter(char::is_ascii_digit).count();
    let keep_head = if total == 11 && p.trim_start().starts_with('1') { 3 } else { 0 };
    let mut seen = 0;
    p.chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= keep_head || seen > total.saturating_sub(4) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_their_last_four_digits_and_a_mobile_its_first_three() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0595-22334455"), "****-****4455");
        assert_eq!(mask_phone("123"), "123");
    }
}
