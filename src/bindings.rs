//! What the UI gets from the core beyond the types ts-rs writes: every closed set of choices,
//! in the core's order with each value's label id (`ui/src/bindings/choices.ts`), so menus are
//! made from the core's lists instead of copies. The file is written by the test
//! `export_bindings_choices`, which `make bindings-check` runs with the ts-rs exports.

use crate::kernel::choice::ChoiceList;
use crate::kernel::Gender;
use crate::{activities, audit, mediation, association, backup, calendar, feedback, members, money, requests, roster, rota, sheets, standards, time_bank, welfare};

/// Every `choice!` enum of the core, in the order the generated file lists them.
pub fn choice_lists() -> Vec<ChoiceList> {
    vec![
        ChoiceList::of::<Gender>(),
        ChoiceList::of::<members::Living>(),
        ChoiceList::of::<members::CareLevel>(),
        ChoiceList::of::<members::EconomicStatus>(),
        ChoiceList::of::<members::MaritalStatus>(),
        ChoiceList::of::<members::Status>(),
        ChoiceList::of::<members::StatusFilter>(),
        ChoiceList::of::<members::AgeBand>(),
        ChoiceList::of::<association::TextSize>(),
        ChoiceList::of::<money::CashKind>(),
        ChoiceList::of::<money::receipts::ReceiptLayout>(),
        ChoiceList::of::<money::statements::StatementFormat>(),
        ChoiceList::of::<money::statements::PeriodKind>(),
        ChoiceList::of::<time_bank::EntryKind>(),
        ChoiceList::of::<rota::DutyKind>(),
        ChoiceList::of::<rota::ShiftOutcomeKind>(),
        ChoiceList::of::<sheets::SheetFormat>(),
        ChoiceList::of::<roster::RosterAction>(),
        ChoiceList::of::<calendar::AgeCount>(),
        ChoiceList::of::<welfare::WelfareKind>(),
        ChoiceList::of::<welfare::Festival>(),
        ChoiceList::of::<welfare::BatchSkipWhy>(),
        ChoiceList::of::<backup::BackupReason>(),
        ChoiceList::of::<backup::BackupProblem>(),
        ChoiceList::of::<backup::UsbWarning>(),
        ChoiceList::of::<requests::RequestState>(),
        ChoiceList::of::<feedback::Rating>(),
        ChoiceList::of::<standards::ServiceScope>(),
        ChoiceList::of::<audit::Role>(),
        ChoiceList::of::<audit::Area>(),
        ChoiceList::of::<audit::MoneyDuty>(),
        ChoiceList::of::<members::PrivateField>(),
        ChoiceList::of::<activities::ActivityKind>(),
        ChoiceList::of::<activities::CostCategory>(),
        ChoiceList::of::<mediation::DisputeKind>(),
        ChoiceList::of::<mediation::MediationOutcome>(),
    ]
}

/// The text of `ui/src/bindings/choices.ts`.
pub fn choices_typescript() -> String {
    crate::kernel::choice::typescript(&choice_lists())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localizer};

    /// Writes ui/src/bindings/choices.ts beside the ts-rs bindings (named like ts-rs' own
    /// export tests so that `cargo test --lib export_bindings` writes it too).
    #[test]
    fn export_bindings_choices() {
        let dir = std::env::var("TS_RS_EXPORT_DIR")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings").to_string());
        let path = std::path::Path::new(&dir).join("choices.ts");
        std::fs::write(&path, choices_typescript()).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }

    #[test]
    fn every_choice_round_trips_its_codes_and_has_its_labels_in_both_languages() {
        let langs = Lang::ALL.map(Localizer::new);
        for list in choice_lists() {
            let mut codes = std::collections::BTreeSet::new();
            for (code, label) in &list.values {
                assert_eq!((list.reads_back)(code), Some(*code), "{}: every code must read back as its value", list.name);
                assert!(codes.insert(code), "{}: the code {code} is used twice", list.name);
                for l in &langs {
                    assert!(l.has(label), "{}: the label {label} is missing in {:?}", list.name, l.lang());
                }
            }
            assert_eq!((list.reads_back)("no such code"), None, "{}: an unknown code is no value", list.name);
        }
    }

    #[test]
    fn a_choice_reads_its_code_in_any_case_and_the_usual_words() {
        assert_eq!(members::Living::parse(" 独居 "), Some(members::Living::Alone), "an alias is accepted");
        assert_eq!(members::Living::parse("EMPTY_NEST"), Some(members::Living::EmptyNest), "the code in any letter case");
        assert_eq!(members::Living::parse("alone!"), None);
        assert_eq!(members::Living::from_code("Alone"), None, "stored codes are exact");
        assert_eq!(serde_json::to_string(&members::Living::EmptyNest).unwrap(), "\"empty_nest\"", "JSON carries the code");
    }
}
