//! Commands of the 调解 area: the case book and the agreement. Each is one call into the core;
//! the list carries no notes (the core leaves them out).

use huzhu::mediation::{self, MediationCase, MediationId, MediationLine, CloseInput, NoteInput, OpenInput};

use crate::files::SavedFile;
use crate::state::{CmdResult, Shell};

pub fn mediation_list(state: &Shell) -> CmdResult<Vec<MediationLine>> {
    state.read(mediation::list)
}

pub fn mediation_get(state: &Shell, id: MediationId) -> CmdResult<MediationCase> {
    // The meeting notes are a sensitive read (chair and secretary).
    state.read_as(|conn, actor| {
        huzhu::audit::permissions::check_read(conn, actor, huzhu::audit::Area::Mediation)?;
        mediation::get(conn, id)
    })
}

pub fn mediation_open(state: &Shell, input: OpenInput) -> CmdResult<MediationCase> {
    state.write(|tx, actor| mediation::open(tx, actor, &input, huzhu::today()))
}

pub fn mediation_note(state: &Shell, id: MediationId, input: NoteInput) -> CmdResult<MediationCase> {
    state.write(|tx, actor| mediation::note(tx, actor, id, &input, huzhu::today()))
}

pub fn mediation_close(state: &Shell, id: MediationId, input: CloseInput) -> CmdResult<MediationCase> {
    state.write(|tx, actor| mediation::close(tx, actor, id, &input, huzhu::today()))
}

pub fn mediation_agreement(state: &Shell, id: MediationId, terms: String) -> CmdResult<SavedFile> {
    state.print(|conn, l10n| mediation::agreement_pdf(conn, id, &terms, l10n, huzhu::today()))
}
