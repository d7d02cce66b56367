//! Commands of the 会员 area: the register list and search, one person, add, update, status.

use huzhu::members::{self, MemberNo, Person, PersonFilter, PersonInput, PersonPage, PrivateField, StatusInput};

use crate::state::{CmdResult, Shell};

pub fn member_list(state: &Shell, filter: PersonFilter) -> CmdResult<PersonPage> {
    let mut index = state.index.lock().unwrap_or_else(|p| p.into_inner());
    state.read(|conn| index.search(conn, &filter, huzhu::today()))
}

pub fn member_groups(state: &Shell) -> CmdResult<Vec<String>> {
    state.read(members::groups)
}

pub fn member_get(state: &Shell, no: MemberNo) -> CmdResult<Person> {
    state.read(|conn| members::get_by_no(conn, no, huzhu::today()).map(Person::masked))
}

pub fn member_add(state: &Shell, input: PersonInput) -> CmdResult<Person> {
    state.write(|tx, actor| members::add(tx, actor, &input, huzhu::today()).map(Person::masked))
}

pub fn member_update(state: &Shell, no: MemberNo, input: PersonInput) -> CmdResult<Person> {
    state.write(|tx, actor| members::update(tx, actor, no, &input, huzhu::today()).map(Person::masked))
}

pub fn member_set_status(state: &Shell, no: MemberNo, input: StatusInput) -> CmdResult<Person> {
    state.write(|tx, actor| members::set_status(tx, actor, no, &input, huzhu::today()).map(Person::masked))
}

/// One field of one person in full (all of them, to edit the record), for a role that may; the
/// reveal is recorded.
pub fn member_reveal(state: &Shell, no: MemberNo, field: PrivateField) -> CmdResult<Person> {
    state.write(|tx, actor| members::reveal(tx, actor, no, field, huzhu::today()))
}
