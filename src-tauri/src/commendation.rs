//! Commands of commendation (表彰), shown in the time bank: the year's ranking, the threshold,
//! the certificates and the list. Each is one call into the core.

use huzhu::commendation::{self, Commendation};
use huzhu::time_bank::Hours;

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

pub fn commend_ranking(state: &Shell, year: i32) -> CmdResult<Commendation> {
    state.read(|conn| commendation::ranking(conn, year, None))
}

pub fn commend_set_min_hours(state: &Shell, hours: String) -> CmdResult<Hours> {
    state.write(|tx, actor| commendation::set_min_hours(tx, actor, &hours))
}

pub fn commend_certificates(state: &Shell, year: i32) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| commendation::certificates_pdf(conn, &commendation::ranking(conn, year, None)?, l10n, huzhu::today()))
}

pub fn commend_list(state: &Shell, year: i32) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| commendation::list_pdf(conn, &commendation::ranking(conn, year, None)?, l10n, huzhu::today()))
}
