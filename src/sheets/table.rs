//! A list as a sheet: the columns a list declares and its rows, written as XLSX or as CSV. Every
//! list the app exports (the register, dues owed, a month's rota, time-bank balances, donations)
//! is a `Table`; this file is the only one that knows either file format.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use crate::error::{Error, Result};
use crate::kernel::choice::choice;
use crate::kernel::Fen;

choice! {
    /// The two forms a list is exported in.
    SheetFormat {
        Xlsx = "xlsx" / "sheets-format-xlsx" [],
        Csv = "csv" / "sheets-format-csv" [],
    }
}

impl SheetFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.code()
    }

    /// The format an output file's name asks for (`--out list.xlsx`), if it names one.
    pub fn of_path(path: &Path) -> Option<SheetFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        SheetFormat::from_code(&ext)
    }
}

/// One cell of a list. Money stays in fen and hours in an exact decimal until the file is
/// written; dates are written as real date cells so Excel sorts and filters them as dates.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Whole(i64),
    Money(Fen),
    Decimal(Decimal),
    Date(NaiveDate),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map(Cell::Date).unwrap_or(Cell::Empty)
    }

    /// As CSV writes it (and as a person would type it).
    fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => guard_formula(s),
            Cell::Whole(n) => n.to_string(),
            Cell::Money(f) => f.plain(),
            Cell::Decimal(d) => d.normalize().to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// Text that Excel would run as a formula when it opens a CSV (`=HYPERLINK(…)`, `@SUM(…)`) gets
/// an apostrophe in front, as OWASP advises for CSV files. A leading + or - is left alone when a
/// digit follows, so phone numbers (+86…) and negative figures stay as they are.
fn guard_formula(s: &str) -> String {
    let mut chars = s.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars.next().is_some_and(|c| c.is_ascii_digit() || c == ' '),
        _ => false,
    };
    if risky {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A column: its heading and its width in Excel's character units.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: f64,
}

impl Column {
    pub fn new(header: impl Into<String>, width: f64) -> Column {
        Column { header: header.into(), width }
    }
}

/// A list ready to write: a title (the first row of the XLSX, above the headings; not in the
/// CSV, whose first line is the headings so other programs can read it), the name of the sheet,
/// the columns, the rows and an optional totals row computed by the list itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub sheet: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub totals: Option<Vec<Cell>>,
}

impl Table {
    pub fn render(&self, format: SheetFormat) -> Result<Vec<u8>> {
        match format {
            SheetFormat::Xlsx => self.xlsx(),
            SheetFormat::Csv => self.csv(),
        }
    }

    /// UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK
    /// and every name turns into mojibake. Lines end in CRLF, as Excel writes them.
    fn csv(&self) -> Result<Vec<u8>> {
        let mut out = vec![0xEF, 0xBB, 0xBF];
        {
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
            let csv_err = |e: csv::Error| Error::Io(std::io::Error::other(e));
            w.write_record(self.columns.iter().map(|c| c.header.as_str())).map_err(csv_err)?;
            for row in self.rows.iter().chain(self.totals.iter()) {
                w.write_record(row.iter().map(Cell::plain)).map_err(csv_err)?;
            }
            w.flush()?;
        }
        Ok(out)
    }

    fn xlsx(&self) -> Result<Vec<u8>> {
        let mut wb = Workbook::new();
        let title_fmt = Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center);
        let head = Format::new().set_bold().set_border_bottom(FormatBorder::Thin).set_text_wrap();
        let money = Format::new().set_num_format("#,##0.00");
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let decimal = Format::new().set_num_format("0.0#");
        let bold = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        let bold_money = Format::new().set_bold().set_num_format("#,##0.00").set_border_top(FormatBorder::Thin);
        let bold_decimal = Format::new().set_bold().set_num_format("0.0#").set_border_top(FormatBorder::Thin);
        // Text cells are written as text: an ID number or a phone number must never become a
        // number (Excel keeps 15 digits and would lose the rest of an ID number).
        let text = Format::new().set_num_format("@");

        let sheet = wb.add_worksheet();
        sheet.set_name(sheet_name(&self.sheet)).map_err(xlsx_err)?;
        let last_col = self.columns.len().saturating_sub(1) as u16;
        if last_col > 0 {
            sheet.merge_range(0, 0, 0, last_col, &self.title, &title_fmt).map_err(xlsx_err)?;
        } else {
            sheet.write_with_format(0, 0, &self.title, &title_fmt).map_err(xlsx_err)?;
        }
        for (i, c) in self.columns.iter().enumerate() {
            sheet.write_with_format(1, i as u16, &c.header, &head).map_err(xlsx_err)?;
            sheet.set_column_width(i as u16, c.width).map_err(xlsx_err)?;
        }
        sheet.set_freeze_panes(2, 0).map_err(xlsx_err)?;
        let mut row = 2u32;
        for cells in &self.rows {
            for (i, cell) in cells.iter().enumerate() {
                let col = i as u16;
                match cell {
                    Cell::Empty => continue,
                    Cell::Text(s) => sheet.write_string_with_format(row, col, s, &text),
                    Cell::Whole(n) => sheet.write_number(row, col, *n as f64),
                    Cell::Money(f) => sheet.write_number_with_format(row, col, yuan(*f), &money),
                    Cell::Decimal(d) => sheet.write_number_with_format(row, col, d.to_f64().unwrap_or_default(), &decimal),
                    Cell::Date(d) => sheet.write_datetime_with_format(row, col, excel_date(*d)?, &date),
                }
                .map_err(xlsx_err)?;
            }
            row += 1;
        }
        if !self.rows.is_empty() {
            sheet.autofilter(1, 0, row - 1, last_col).map_err(xlsx_err)?;
        }
        // The totals are values computed by the list, not =SUM formulas: a reader that does not
        // recalculate (or a committee's older WPS) still shows the right figure.
        if let Some(totals) = &self.totals {
            for (i, cell) in totals.iter().enumerate() {
                let col = i as u16;
                match cell {
                    Cell::Empty => sheet.write_blank(row, col, &bold),
                    Cell::Text(s) => sheet.write_string_with_format(row, col, s, &bold),
                    Cell::Whole(n) => sheet.write_number_with_format(row, col, *n as f64, &bold),
                    Cell::Money(f) => sheet.write_number_with_format(row, col, yuan(*f), &bold_money),
                    Cell::Decimal(d) => sheet.write_number_with_format(row, col, d.to_f64().unwrap_or_default(), &bold_decimal),
                    Cell::Date(d) => sheet.write_datetime_with_format(row, col, excel_date(*d)?, &bold),
                }
                .map_err(xlsx_err)?;
            }
        }
        wb.save_to_buffer().map_err(xlsx_err)
    }
}

fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Io(std::io::Error::other(e))
}

/// Only for the spreadsheet cell, which stores doubles; a list's money has two decimals, which
/// a double shows exactly at this size.
fn yuan(f: Fen) -> f64 {
    f.0 as f64 / 100.0
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(xlsx_err)
}

/// Excel refuses sheet names over 31 characters or with any of []:*?/\ in them.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    if cleaned.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "会员花名册".into(),
            sheet: "花名册".into(),
            columns: vec![Column::new("姓名", 10.0), Column::new("金额", 10.0), Column::new("日期", 12.0)],
            rows: vec![vec![Cell::text("张秀英"), Cell::Money(Fen(12345)), Cell::Date(NaiveDate::from_ymd_opt(1949, 12, 31).unwrap())]],
            totals: Some(vec![Cell::text("合计"), Cell::Money(Fen(12345)), Cell::Empty]),
        }
    }

    #[test]
    fn csv_is_utf8_with_a_byte_order_mark_headings_first_and_crlf() {
        let bytes = table().render(SheetFormat::Csv).unwrap();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "Excel needs the BOM to read UTF-8");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "姓名,金额,日期\r\n张秀英,123.45,1949-12-31\r\n合计,123.45,\r\n");
    }

    #[test]
    fn text_that_excel_would_run_as_a_formula_is_defused_but_phones_are_not() {
        assert_eq!(guard_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("-cmd"), "'-cmd");
        assert_eq!(guard_formula("+86 138 0000 0000"), "+86 138 0000 0000", "a phone number keeps its plus");
        assert_eq!(guard_formula("-5.00"), "-5.00", "a negative figure stays a figure");
    }

    #[test]
    fn sheet_names_excel_refuses_are_cleaned() {
        assert_eq!(sheet_name("2026/11 值班表"), "202611 值班表");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("::"), "Sheet1");
    }

    #[test]
    fn formats_follow_the_file_name() {
        assert_eq!(SheetFormat::of_path(Path::new("a/名单.XLSX")), Some(SheetFormat::Xlsx));
        assert_eq!(SheetFormat::of_path(Path::new("名单.csv")), Some(SheetFormat::Csv));
        assert_eq!(SheetFormat::of_path(Path::new("名单.pdf")), None);
    }
}
