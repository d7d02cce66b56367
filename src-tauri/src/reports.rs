//! Commands of the 报表 area: the work report, the finance notice and the list of the very old.
//! Each builds its report in the core from the form as typed and writes it through
//! `files::save_and_open`, under the name the core gives it.

use huzhu::money::statements::StatementFormat;
use huzhu::reports::{self, EldersInput, NoticeInput, WorkReportInput};

use crate::files::SavedFile;
use crate::money::save;
use crate::state::{CmdResult, Shell};

pub fn report_work(state: &Shell, input: WorkReportInput, format: StatementFormat) -> CmdResult<SavedFile> {
    let l = state.l10n();
    let file = state.read(|conn| reports::work_report_file(conn, &input, format, &l, huzhu::today()))?;
    save(state, &file.name, &file.bytes)
}

pub fn report_notice(state: &Shell, input: NoticeInput) -> CmdResult<SavedFile> {
    let l = state.l10n();
    let file = state.read(|conn| reports::notice_file(conn, &input, &l, huzhu::today()))?;
    save(state, &file.name, &file.bytes)
}

pub fn report_elders(state: &Shell, input: EldersInput, format: StatementFormat) -> CmdResult<SavedFile> {
    let l = state.l10n();
    let file = state.read(|conn| reports::elders_file(conn, &input, format, &l, huzhu::today()))?;
    save(state, &file.name, &file.bytes)
}
