//! Commands of the 报表 area: the work report, the finance notice and the list of the very old.
//! Each builds its printout in the core from the form as typed (the core names the file) and
//! the shell saves and opens it.

use huzhu::money::statements::StatementFormat;
use huzhu::reports::{self, EldersInput, NoticeInput, WorkReportInput};

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

pub fn report_work(state: &Shell, input: WorkReportInput, format: StatementFormat) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| reports::work_report_file(conn, &input, format, l10n, huzhu::today()))
}

pub fn report_notice(state: &Shell, input: NoticeInput) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| reports::notice_file(conn, &input, l10n, huzhu::today()))
}

pub fn report_elders(state: &Shell, input: EldersInput, format: StatementFormat) -> CmdResult<SavedFile> {
    let l10n = state.l10n();
    let file = state.read(|conn| reports::elders_file(conn, &input, format, &l10n, huzhu::today()))?;
    let action = if input.full_id { "export_full" } else { "export" };
    state.write(|tx, actor| huzhu::audit::record(tx, actor, action, "export", "elders", None::<&()>, Some(&input)))?;
    state.save(&file)
}
