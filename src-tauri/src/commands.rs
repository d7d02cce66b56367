//! The command handlers, made from the one list in command_list.rs: each command is a
//! `#[tauri::command(async)]` (run on Tauri's thread pool, never on the window's thread) that
//! calls the function of the same name in its area module. The tests below write the UI's call
//! map (ui/src/commands.ts) from the same list and check the grants in capabilities/default.json.

// The types named in command_list.rs.
#[allow(unused_imports)]
use crate::app::AppInfo;
use crate::access::AccessStatus;
use huzhu::access::users::PinChange;
use huzhu::access::{AccessSettings, AccessSettingsInput, User, UserInput};
use huzhu::audit::{AuditFilter, Role};
use huzhu::audit_words::AuditLine;
use crate::backup::RestoreSource;
use huzhu::backup::{BackupStatus, CatalogueEntry, RestorePreview, Restored, Written};
use crate::files::SavedFile;
use crate::state::{AppState, CmdResult, Shell};
use huzhu::exports::ExportRequest;
use huzhu::roster::{RosterImported, RosterPreview};
use huzhu::association::{Association, Settings};
use huzhu::kernel::fields::ReversalInput;
use huzhu::kernel::{Fen, Month};
use huzhu::members::{MemberNo, Person, PersonFilter, PersonInput, PersonPage, PrivateField, StatusInput};
use huzhu::money::cash_book::{CashEntry, CashLine, CategoryChoice, EntryInput};
use huzhu::money::donations::{Donation, DonationInput, Donor, HonourFilter};
use huzhu::money::dues::{DuesLine, DuesPayment, DuesPaymentInput, DuesPolicy, PolicyInput};
use huzhu::money::receipts::{PostedEntry, Receipt, ReceiptLayout, ReceiptLine};
use huzhu::money::statements::StatementInput;
use huzhu::rota::print::RosterOptions;
use huzhu::rota::{
    CareCase, CaseId, CaseInput, ContactInput, ContactLog, DutyKind, OutcomeInput, OverdueElder, Pairing, PairingInput, RotaCandidate, RotaGenerateReport,
    RotaMonth, RotaSlot, RotaSlotId, ShiftOutcomeRecord, VolunteerAvailability, VolunteerAvailabilityInput,
};
use huzhu::time_bank::exchange::{ImportPreview, Imported};
use huzhu::time_bank::exchange_files::{ExportDone, FoundFile};
use huzhu::time_bank::{BankOverview, DepositInput, EntryId, PoolDonationInput, TimeAccount, TransferInput, WithdrawalInput};
use huzhu::agenda::Agenda;
use huzhu::commendation::Commendation;
use huzhu::time_bank::Hours;
use huzhu::mediation::{MediationCase, MediationId, MediationLine, CloseInput, NoteInput, OpenInput};
use huzhu::money::dues_hours::{HoursDuesInput, HoursDuesPayment, HoursQuote};
use huzhu::activities::{Activity, ActivityCost, ActivityId, ActivityInput, AttendanceInput, Attendee, CostInput};
use huzhu::welfare::{
    AdmitInput, BatchInput, BatchResult, BirthdayList, DeathCorrection, DeathInput, DeathPlan, Festival, FestivalList, HospitalStay,
    PaymentInput, PersonWelfare, StandardInput, WelfareFilter, WelfarePayment, WelfareQuote, WelfareStandard,
};
use huzhu::money::statements::StatementFormat;
use huzhu::reports::{EldersInput, NoticeInput, WorkReportInput};
use huzhu::feedback::{Feedback, FeedbackId, FollowUpInput, ShiftFeedbackInput};
use huzhu::requests::{HelpRequest, RequestCandidate, RequestDoneInput, RequestId, RequestInput, RequestKind, RequestKindInput, StandardTarget, VolunteerRecord};
use huzhu::standards::{ServiceStandard, ServiceStandardInput};
use huzhu::training::{TrainingId, TrainingInput, TrainingSession};

macro_rules! shell_commands {
    ($($area:ident :: $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty;)*) => {
        /// One handler per command; the argument names are the ones the UI sends (camelCase).
        mod handlers {
            use super::*;
            $(
                #[tauri::command(async)]
                #[allow(clippy::too_many_arguments)]
                pub fn $name(app: tauri::AppHandle, state: tauri::State<'_, AppState>, $($arg: $ty),*) -> CmdResult<$ret> {
                    crate::$area::$name(&Shell { state: &state, app: &app }, $($arg),*)
                }
            )*
        }

        /// The invoke handler of every listed command.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(handlers::$name),*]
        }

        /// Each command's name, arguments and result as TypeScript types.
        #[cfg(test)]
        fn signatures() -> Vec<typescript::Signature> {
            vec![$(typescript::Signature {
                name: stringify!($name),
                args: vec![$((stringify!($arg), typescript::Ty::of::<$ty>())),*],
                ret: typescript::Ty::of::<$ret>(),
            }),*]
        }
    };
}

command_list!(shell_commands);

#[cfg(test)]
mod typescript {
    //! Writes ui/src/commands.ts from the command list, with ts-rs's names for the types.

    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use ts_rs::{Config, TypeVisitor, TS};

    pub struct Ty {
        pub name: String,
        /// TypeScript type name → file (relative to ui/src/bindings) of every exported type named.
        pub imports: BTreeMap<String, PathBuf>,
    }

    fn config() -> Config {
        // Ids and counts travel as JSON numbers (the core's own bindings say so too).
        Config::new().with_large_int("number")
    }

    /// Collects the exported types a type's name mentions (the type itself, or the element
    /// types of Vec, Option and tuples).
    struct Collect<'a>(&'a Config, &'a mut BTreeMap<String, PathBuf>);

    impl TypeVisitor for Collect<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            match T::output_path() {
                Some(path) => {
                    self.1.insert(T::ident(self.0), path);
                }
                None => T::visit_generics(self),
            }
        }
    }

    impl Ty {
        pub fn of<T: TS + 'static>() -> Ty {
            let cfg = config();
            let mut imports = BTreeMap::new();
            Collect(&cfg, &mut imports).visit::<T>();
            Ty { name: T::name(&cfg), imports }
        }
    }

    pub struct Signature {
        pub name: &'static str,
        pub args: Vec<(&'static str, Ty)>,
        pub ret: Ty,
    }

    /// Tauri's name for an argument: snake_case in Rust, camelCase in the UI.
    fn camel(snake: &str) -> String {
        let mut out = String::new();
        let mut up = false;
        for c in snake.chars() {
            if c == '_' {
                up = true;
            } else if up {
                out.extend(c.to_uppercase());
                up = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    pub fn render(signatures: &[Signature]) -> String {
        let mut imports = BTreeMap::new();
        for s in signatures {
            for (_, t) in &s.args {
                imports.extend(t.imports.clone());
            }
            imports.extend(s.ret.imports.clone());
        }
        let mut out = String::from(
            "// Written by `cargo test -p huzhu-app` from src-tauri/src/command_list.rs: do not edit.\n\
             // Each command's arguments (as Tauri names them) and result, for the typed `call` in api.ts.\n",
        );
        for (name, path) in &imports {
            let file = path.with_extension("");
            out.push_str(&format!("import type {{ {name} }} from './bindings/{}';\n", file.display()));
        }
        out.push_str("\nexport type NoArgs = Record<string, never>;\n\nexport type Commands = {\n");
        for s in signatures {
            let args = if s.args.is_empty() {
                "NoArgs".to_string()
            } else {
                let fields: Vec<String> = s.args.iter().map(|(a, t)| format!("{}: {}", camel(a), t.name)).collect();
                format!("{{ {} }}", fields.join("; "))
            };
            out.push_str(&format!("  {}: [{}, {}];\n", s.name, args, s.ret.name));
        }
        out.push_str("};\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("src-tauri has a parent")
    }

    /// Compares a generated file with the committed one; on a difference, writes the new text
    /// (so the next run passes once it is committed) and fails naming the file.
    fn check_generated(rel: &str, wanted: &str) {
        let path = root().join(rel);
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != wanted {
            std::fs::write(&path, wanted).expect("write the generated file");
            panic!("{rel} did not match src-tauri/src/command_list.rs; it has been rewritten: review and commit it");
        }
    }

    #[test]
    fn ui_call_map_is_made_from_the_command_list() {
        check_generated("ui/src/commands.ts", &typescript::render(&signatures()));
    }

    #[test]
    fn every_listed_command_is_granted_and_nothing_else() {
        let text = std::fs::read_to_string(root().join("src-tauri/capabilities/default.json")).expect("capability file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("capability file is JSON");
        let granted: Vec<String> = json["permissions"]
            .as_array()
            .expect("permissions list")
            .iter()
            .map(|p| p.as_str().unwrap_or_default().to_string())
            .collect();
        let wanted: Vec<String> = signatures().iter().map(|s| format!("allow-{}", s.name.replace('_', "-"))).collect();
        assert_eq!(granted, wanted, "capabilities/default.json must grant exactly the listed commands, in order");
    }

    #[test]
    fn command_names_are_unique() {
        let mut names: Vec<&str> = signatures().iter().map(|s| s.name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "a command is listed twice in command_list.rs");
    }
}
