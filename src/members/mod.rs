//! The register (会员花名册): members and non-member volunteers, with their family contacts and
//! status history. A person is never deleted; the deceased leave current lists but keep their
//! history. `person` (the record and how it is read), `input` (the add/edit form, its checks
//! and the writes), `status` (changes of status), `search` (the register list and its index).

mod person;
mod input;
mod status;
mod search;
mod privacy;

pub use person::{PersonId, MemberNo, Living, CareLevel, EconomicStatus, MaritalStatus, Status, FamilyContact, StatusChange, Person, get, id_of, get_by_no, count};
pub use input::{PersonInput, add, update, validate};
pub use status::{StatusInput, set_status};
pub(crate) use status::write_status;
pub use privacy::{PrivateField, Phones, mask_phone, mask_phones_in, reveal, reveal_phones};
pub use search::{AgeBand, PersonSummary, StatusFilter, PersonFilter, PersonPage, RegisterIndex, list, groups};
