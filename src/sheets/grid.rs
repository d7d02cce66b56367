//! Reading a spreadsheet someone else made: xls, xlsx and ods through calamine, CSV through
//! `csv`. The result is a grid of plain values per sheet with the row numbers Excel shows, so a
//! message can say "row 7" and the secretary finds row 7.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use chrono::{Duration, NaiveDate};

use crate::error::{Error, Result};

/// The largest file taken: a roster of 10,000 people is about 1 MB as XLSX; anything past this
/// is not a roster, and reading it would only make the window wait.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// One cell as read. Dates come only from cells formatted as dates; everything else a person may
/// have meant as a date (1941.3.5, 19410305, a serial number under a Chinese date format) is
/// read as text or a number and interpreted by whoever knows what the column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Value {
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as a person would read it in the cell: numbers without a trailing ".0".
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_string(),
            Value::Number(f) => number_text(*f),
            Value::Date(d) => d.to_string(),
        }
    }
}

/// A number as Excel shows it in a General cell: 13812345678, 3, 1941.3.
pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// One sheet's cells. `first_row` is the row number Excel shows for `rows[0]` (1-based), since
/// a sheet's used range may start below row 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub sheet: String,
    pub first_row: u32,
    pub rows: Vec<Vec<Value>>,
}

impl Grid {
    /// The row number Excel shows for `rows[i]`.
    pub fn row_number(&self, i: usize) -> u32 {
        self.first_row + i as u32
    }
}

/// An opened file: a workbook, or the one table of a CSV file.
pub enum Book {
    Workbook(Box<Sheets<Cursor<Vec<u8>>>>),
    Csv(Grid),
}

/// Opens a spreadsheet from its bytes. The kind is told by the content, not the name: an .xls
/// that is really an XLSX (WPS does this) or a CSV saved as .xls still opens.
pub fn open(bytes: Vec<u8>) -> Result<Book> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::invalid("file", "error-sheet-too-large"));
    }
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if zip || ole {
        let book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| Error::invalid("file", "error-sheet-unreadable"))?;
        return Ok(Book::Workbook(Box::new(book)));
    }
    Ok(Book::Csv(read_csv(&bytes)?))
}

impl Book {
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Workbook(b) => b.sheet_names(),
            Book::Csv(g) => vec![g.sheet.clone()],
        }
    }

    /// The cells of the sheet named `name`.
    pub fn grid(&mut self, name: &str) -> Result<Grid> {
        match self {
            Book::Csv(g) => Ok(g.clone()),
            Book::Workbook(b) => {
                let range = b
                    .worksheet_range(name)
                    .map_err(|_| Error::invalid_with("sheet", "error-sheet-missing", vec![("sheet", name.to_string())]))?;
                let first_row = range.start().map(|(r, _)| r + 1).unwrap_or(1);
                let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
                let rows = range
                    .rows()
                    .map(|cells| {
                        // Columns keep their place in the sheet, so column C is always index 2.
                        let mut row = vec![Value::Empty; first_col];
                        row.extend(cells.iter().map(value_of));
                        row
                    })
                    .collect();
                Ok(Grid { sheet: name.to_string(), first_row, rows })
            }
        }
    }
}

fn value_of(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(if *b { "TRUE".into() } else { "FALSE".into() }),
        Data::DateTime(dt) if dt.is_datetime() => {
            // calamine knows whether the workbook counts from 1900 or from 1904 (old Macs).
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into()).map(Value::Date).unwrap_or(Value::Number(dt.as_f64()))
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).map(Value::Date).unwrap_or(Value::Text(s.clone())),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(_) => Value::Empty,
    }
}

/// The date of an Excel serial day number (1900 system): day 1 is 1900-01-01, and Excel counts a
/// 29 February 1900 that never was, so from day 61 on the count is one ahead. Days before 61
/// are no one's birth date in a roster; they are refused (None) rather than guessed.
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_signed(Duration::days(serial.floor() as i64))
}

fn read_csv(bytes: &[u8]) -> Result<Grid> {
    let text = decode_text(bytes);
    // Tab-separated text (copied out of Excel, or saved as "Unicode text") has no commas to
    // split on; take whichever separator the first line uses more.
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches('\t').count() > first.matches(',').count() { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| Error::invalid("file", "error-sheet-unreadable"))?;
        rows.push(record.iter().map(|s| if s.trim().is_empty() { Value::Empty } else { Value::Text(s.to_string()) }).collect());
    }
    Ok(Grid { sheet: "CSV".into(), first_row: 1, rows })
}

/// CSV text in whatever encoding it came: UTF-8 (with or without a BOM), UTF-16 with a BOM
/// ("Unicode text" from Excel), else GB18030, a superset of the GBK that Excel and WPS use for
/// CSV on Chinese Windows.
fn decode_text(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_days_are_dates_counting_the_leap_day_that_never_was() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(serial_date(15040.0), d(1941, 3, 5));
        assert_eq!(serial_date(61.0), d(1900, 3, 1), "day 61 is 1 March 1900 (day 60 is Excel's 29 February)");
        assert_eq!(serial_date(46355.75), d(2026, 11, 29), "the time of day is dropped");
        assert_eq!(serial_date(12.0), None);
        assert_eq!(serial_date(f64::NAN), None);
    }

    #[test]
    fn csv_in_gbk_utf8_and_with_tabs_reads_the_same() {
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,性别\r\n张秀英,女\r\n");
        for bytes in [gbk.into_owned(), "\u{feff}姓名,性别\n张秀英,女\n".as_bytes().to_vec(), "姓名\t性别\n张秀英\t女\n".as_bytes().to_vec()] {
            let g = read_csv(&bytes).unwrap();
            assert_eq!(g.rows[1], vec![Value::Text("张秀英".into()), Value::Text("女".into())], "{bytes:?}");
        }
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(13812345678.0), "13812345678");
        assert_eq!(number_text(1941.3), "1941.3");
        assert_eq!(number_text(3.0), "3");
    }
}
