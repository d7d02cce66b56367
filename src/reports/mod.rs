//! Reports to the village committee and the wall (报表): the work report (工作报告 / 年度报表) of a
//! month, quarter or year as PDF and XLSX, the finance notice for the hall wall (收支公示), and the
//! list of the very old (高龄名单). Each is built from the other areas' records, read only; the
//! money figures are always the statement's (`money::statements::build`).
//!
//! `work` builds the work report's figures and `work_pdf` / `work_xlsx` lay them out; `notice` and
//! `elders` hold their own figures and layout; `register` reads the register as it stood on a
//! day, `layout` is the page cursor and the bar charts.

mod layout;
mod register;
pub mod elders;
pub mod notice;
pub mod work;
mod work_pdf;
mod work_xlsx;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::i18n::Localizer;
use crate::kernel::Printout;
use crate::money::statements::{Period, StatementFormat};

pub use elders::{ElderChange, ElderChangeKind, ElderLine, EldersInput, EldersList};
pub use notice::{notice, NoticeInput};
pub use work::{WorkReport, WorkReportInput};
pub use work_pdf::pdf as work_pdf;
pub use work_xlsx::xlsx as work_xlsx;

fn ext(format: StatementFormat) -> &'static str {
    match format {
        StatementFormat::Pdf => "pdf",
        StatementFormat::Xlsx => "xlsx",
    }
}

/// The work report of the period the form names, as PDF or XLSX.
pub fn work_report_file(
    conn: &Connection,
    input: &WorkReportInput,
    format: StatementFormat,
    l10n: &Localizer,
    today: NaiveDate,
) -> Result<Printout> {
    let r = work::build_input(conn, input, l10n, today)?;
    work_report_bytes(&r, format, l10n)
}

pub fn work_report_bytes(r: &WorkReport, format: StatementFormat, l10n: &Localizer) -> Result<Printout> {
    let bytes = match format {
        StatementFormat::Pdf => work_pdf(r, l10n)?,
        StatementFormat::Xlsx => work_xlsx(r, l10n)?,
    };
    let name = l10n.format("file-name-work-report", &[("period", r.period.code()), ("ext", ext(format).to_string())]);
    Ok(Printout::new(&name, bytes, 0))
}

/// The finance notice for the wall (always a PDF).
pub fn notice_file(conn: &Connection, input: &NoticeInput, l10n: &Localizer, today: NaiveDate) -> Result<Printout> {
    let period = Period::parse(&input.period)?;
    let bytes = notice::notice(conn, period, input.a3, l10n, today)?;
    Ok(Printout::new(&l10n.format("file-name-notice", &[("period", period.code())]), bytes, 1))
}

/// The list of the very old, as PDF or XLSX.
pub fn elders_file(
    conn: &Connection,
    input: &EldersInput,
    format: StatementFormat,
    l10n: &Localizer,
    today: NaiveDate,
) -> Result<Printout> {
    let list = elders::build_input(conn, input, today)?;
    let bytes = match format {
        StatementFormat::Pdf => elders::pdf(conn, &list, l10n, today)?,
        StatementFormat::Xlsx => elders::xlsx(conn, &list, l10n)?,
    };
    let name = l10n.format(
        "file-name-elders",
        &[("age", list.age.to_string()), ("date", list.as_of.to_string()), ("ext", ext(format).to_string())],
    );
    Ok(Printout::new(&name, bytes, 0))
}
