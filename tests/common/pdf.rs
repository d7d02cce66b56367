//! Printed output is checked by the text pdftotext extracts and by the page count, never by bytes.

use std::process::Command;

/// The text of a PDF as pdftotext extracts it (reading order), and its page count.
pub fn pdf_text(bytes: &[u8]) -> (String, usize) {
    extract(bytes, &[])
}

/// The text with pdftotext's `-layout` (columns kept side by side on one line), and the page count.
pub fn pdf_layout_text(bytes: &[u8]) -> (String, usize) {
    extract(bytes, &["-layout"])
}

fn extract(bytes: &[u8], flags: &[&str]) -> (String, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).expect("write the PDF");
    let out = Command::new("pdftotext").args(flags).arg(&path).arg("-").output().expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success(), "pdftotext must read the PDF: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    // pdftotext ends every page with a form feed.
    let pages = text.matches('\u{c}').count();
    (text, pages)
}

/// The text without whitespace: pdftotext drops or adds spaces between CJK characters and
/// digits as it sees fit, so phrases are compared squashed.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
