//! What every printout and export is: the bytes to write and the file name to give them, in
//! the reader's language. The core names its files so the CLI, the shell and the tests agree on
//! one name (收据-R2026-0003.pdf); only where the file lands is the front end's business.

/// A finished document: its file name (localised, safe on Windows) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printout {
    pub name: String,
    pub bytes: Vec<u8>,
    /// Pages of a PDF (for "wrote N pages"); 0 for a spreadsheet.
    pub pages: usize,
}

impl Printout {
    /// A printout named `name`; characters Windows refuses in a file name become `-`.
    pub fn new(name: &str, bytes: Vec<u8>, pages: usize) -> Printout {
        Printout { name: safe_name(name), bytes, pages }
    }
}

/// A file name Windows accepts: no `:` `/` `\` `*` `?` `"` `<` `>` `|` and no control
/// characters (a person's name is part of some file names).
pub fn safe_name(name: &str) -> String {
    name.chars()
        .map(|c| if matches!(c, ':' | '/' | '\\' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_on_windows() {
        assert_eq!(safe_name("收据-R2026-0003.pdf"), "收据-R2026-0003.pdf", "a plain name is kept");
        assert_eq!(safe_name("a:b/c\\d*e?f\"g<h>i|j\tk"), "a-b-c-d-e-f-g-h-i-j-k", "every character Windows refuses is replaced");
        assert_eq!(Printout::new("x:y.pdf", vec![1], 1).name, "x-y.pdf", "a printout's name is made safe");
    }
}
