//! How ID and phone numbers appear in an export: whole only when asked for (DESIGN.md,
//! privacy), else by the one mask of each that the lists use (`id_card::mask`,
//! `members::mask_phone`). Its own file so each list's file can use it without depending on
//! `exports` itself.

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
            crate::members::mask_phone(p)
        }
    }
}
