// The one list of the shell's commands. Everything else that names a command is made from it:
// - build.rs: the app manifest, so that every command needs an explicit grant;
// - capabilities/default.json: the grants (written by build.rs);
// - main.rs: the handlers, each a `#[tauri::command(async)]` that calls the function of the same
//   name in its area module with the same arguments (so no command runs on the window's thread);
// - ui/src/commands.ts: the UI's typed call map, argument names as Tauri expects them
//   (camelCase), written by `cargo test -p huzhu-app`.
// A test (commands::tests) fails when a generated file differs from this list.
//
// To add a command: add its line here, write `pub fn name(s: &Shell, args…) -> CmdResult<T>` in
// the area module — one line: take the core's form (`XxxInput`) or ids, call one core function,
// return its result (`state.read`, `state.write`, `state.print` for a printout) — name the types
// in commands.rs, run `cargo test -p huzhu-app`, commit the regenerated files.
//
// This file is included by build.rs as well, so it may hold nothing but the macro.
macro_rules! command_list {
    ($then:ident) => {
        $then! {
            app::app_info() -> AppInfo;
            app::save_association(association: Association) -> Association;
            app::load_demo() -> usize;
            app::save_settings(settings: Settings) -> Settings;
            app::open_file(path: String) -> bool;
            app::app_create() -> bool;

            members::member_list(filter: PersonFilter) -> PersonPage;
            members::member_groups() -> Vec<String>;
            members::member_get(no: MemberNo) -> Person;
            members::member_add(input: PersonInput) -> Person;
            members::member_update(no: MemberNo, input: PersonInput) -> Person;
            members::member_set_status(no: MemberNo, input: StatusInput) -> Person;
            members::member_reveal(no: MemberNo, field: PrivateField) -> Person;

            access::access_status() -> AccessStatus;
            access::access_sign_in(name: String, pin: String) -> User;
            access::access_sign_out(locked: bool) -> bool;
            access::access_recover(name: String, code: String, pin: String) -> bool;
            access::user_list() -> Vec<User>;
            access::user_add(input: UserInput) -> User;
            access::user_set_role(name: String, role: Role) -> User;
            access::user_disable(name: String) -> User;
            access::user_set_pin(name: String, pin: String) -> bool;
            access::user_change_pin(input: PinChange) -> bool;
            access::user_recovery_sheet() -> SavedFile;
            access::access_turn_on(input: UserInput) -> SavedFile;
            access::user_recovery_left() -> i64;
            access::access_settings() -> AccessSettings;
            access::access_save_settings(input: AccessSettingsInput) -> AccessSettings;
            access::audit_list(filter: AuditFilter) -> Vec<AuditLine>;
            access::audit_xlsx(filter: AuditFilter) -> SavedFile;

            money::cash_categories() -> Vec<CategoryChoice>;
            money::cash_list(month: String) -> Vec<CashLine>;
            money::cash_balance() -> Fen;
            money::cash_add(input: EntryInput, receipt: bool) -> PostedEntry;
            money::cash_reverse(voucher: String, input: ReversalInput) -> CashEntry;
            money::dues_policy(year: i32) -> Option<DuesPolicy>;
            money::dues_set_policy(input: PolicyInput) -> DuesPolicy;
            money::dues_bill(year: i32) -> Vec<DuesLine>;
            money::dues_pay(input: DuesPaymentInput) -> DuesPayment;
            money::dues_arrears_pdf(year: i32) -> SavedFile;
            money::receipt_list(year: Option<i32>) -> Vec<ReceiptLine>;
            money::receipt_print(numbers: Vec<String>, layout: ReceiptLayout) -> SavedFile;
            money::receipt_void(number: String, reason: String) -> Receipt;
            money::donation_add(input: DonationInput) -> (Donation, CashEntry, Option<Receipt>);
            money::donation_list() -> Vec<Donation>;
            money::honour_list(filter: HonourFilter) -> Vec<Donor>;
            money::honour_pdf(filter: HonourFilter) -> SavedFile;
            money::statement_file(input: StatementInput) -> SavedFile;

            rota::rota_month(month: Month) -> RotaMonth;
            rota::rota_generate(month: Month) -> RotaGenerateReport;
            rota::rota_candidates(slot: RotaSlotId) -> Vec<RotaCandidate>;
            rota::rota_assign(slot: RotaSlotId, no: MemberNo) -> RotaSlot;
            rota::rota_unassign(slot: RotaSlotId, no: MemberNo) -> RotaSlot;
            rota::rota_swap(slot_a: RotaSlotId, no_a: MemberNo, slot_b: RotaSlotId, no_b: MemberNo) -> (RotaSlot, RotaSlot);
            rota::rota_lock(slot: RotaSlotId, locked: bool) -> RotaSlot;
            rota::rota_outcome(input: OutcomeInput) -> Vec<ShiftOutcomeRecord>;
            rota::rota_pdf(month: Month, options: RosterOptions) -> SavedFile;
            rota::rota_slips(month: Month) -> SavedFile;
            rota::care_list() -> Vec<CareCase>;
            rota::care_reveal_family(id: CaseId) -> String;
            rota::care_blank(kind: DutyKind) -> CaseInput;
            rota::care_add(input: CaseInput) -> CareCase;
            rota::volunteer_list() -> Vec<VolunteerAvailability>;
            rota::volunteer_set(no: MemberNo, input: VolunteerAvailabilityInput) -> VolunteerAvailability;
            rota::pair_add(input: PairingInput) -> Pairing;
            rota::rota_overdue(days: String) -> Vec<OverdueElder>;
            rota::visit_log(input: ContactInput) -> ContactLog;

            time_bank::time_account(no: MemberNo) -> TimeAccount;
            time_bank::time_overview() -> BankOverview;
            time_bank::assoc_key() -> String;
            time_bank::time_deposit(input: DepositInput) -> EntryId;
            time_bank::time_withdraw(input: WithdrawalInput) -> EntryId;
            time_bank::time_transfer(input: TransferInput) -> (EntryId, EntryId);
            time_bank::time_donate(input: PoolDonationInput) -> EntryId;
            time_bank::time_reverse(id: EntryId, input: ReversalInput) -> Vec<EntryId>;
            time_bank::time_passbook(no: MemberNo) -> SavedFile;
            time_bank::time_export(no: MemberNo, to: String) -> ExportDone;
            time_bank::time_exchange_files() -> Vec<FoundFile>;
            time_bank::time_import_preview(path: String) -> ImportPreview;
            time_bank::time_import(path: String, sha256: String, accept_key: bool) -> Imported;

            reports::report_work(input: WorkReportInput, format: StatementFormat) -> SavedFile;
            reports::report_notice(input: NoticeInput) -> SavedFile;
            reports::report_elders(input: EldersInput, format: StatementFormat) -> SavedFile;

            backup::backup_status() -> BackupStatus;
            backup::backup_now() -> Written;
            backup::backup_to_usb() -> Option<Written>;
            backup::backup_list() -> Vec<CatalogueEntry>;
            backup::backup_newest_good() -> Option<CatalogueEntry>;
            backup::restore_pick() -> Option<RestorePreview>;
            backup::restore_preview(source: RestoreSource) -> RestorePreview;
            backup::restore_apply(source: RestoreSource) -> Restored;

            sheets::export_list(request: ExportRequest) -> SavedFile;
            sheets::roster_files() -> Vec<FoundFile>;
            sheets::roster_pick() -> Option<String>;
            sheets::roster_preview(path: String, sheet: Option<String>) -> RosterPreview;
            sheets::roster_import(path: String, sheet: Option<String>, digest: String) -> RosterImported;
            welfare::agenda(month: Month) -> Agenda;
            welfare::agenda_pdf(month: Month) -> SavedFile;
            welfare::welfare_standards() -> Vec<WelfareStandard>;
            welfare::welfare_set_standard(input: StandardInput) -> WelfareStandard;
            welfare::welfare_quote(input: PaymentInput) -> WelfareQuote;
            welfare::welfare_pay(input: PaymentInput) -> WelfarePayment;
            welfare::welfare_list(filter: WelfareFilter) -> Vec<WelfarePayment>;
            welfare::welfare_slips(vouchers: Vec<String>) -> SavedFile;
            welfare::welfare_sign_list(vouchers: Vec<String>, title: String) -> SavedFile;
            welfare::welfare_person(no: MemberNo) -> PersonWelfare;
            welfare::death_preview(input: DeathInput) -> DeathPlan;
            welfare::death_record(input: DeathInput) -> DeathPlan;
            welfare::death_correct(no: MemberNo, reason: String) -> DeathCorrection;
            welfare::hospital_stays() -> Vec<HospitalStay>;
            welfare::hospital_admit(input: AdmitInput) -> HospitalStay;
            welfare::hospital_discharge(no: MemberNo, date: String) -> HospitalStay;
            welfare::birthdays(month: Month, decades: bool) -> BirthdayList;
            welfare::birthdays_pay(month: Month, input: BatchInput) -> BatchResult;
            welfare::birthdays_pdf(month: Month, decades: bool) -> SavedFile;
            welfare::festival(festival: Festival, year: i32) -> FestivalList;
            welfare::festival_pay(festival: Festival, year: i32, input: BatchInput) -> BatchResult;

            requests::request_kinds() -> Vec<RequestKind>;
            requests::request_list(open_only: bool) -> Vec<HelpRequest>;
            requests::request_add(input: RequestInput) -> HelpRequest;
            requests::request_candidates(id: RequestId) -> Vec<RequestCandidate>;
            requests::request_assign(id: RequestId, no: MemberNo) -> HelpRequest;
            requests::request_done(id: RequestId, input: RequestDoneInput) -> HelpRequest;
            requests::request_cancel(id: RequestId, reason: String) -> HelpRequest;
            requests::request_volunteer(no: MemberNo) -> VolunteerRecord;
            requests::feedback_shift(input: ShiftFeedbackInput) -> Feedback;
            requests::feedback_open() -> Vec<Feedback>;
            requests::feedback_close(id: FeedbackId, input: FollowUpInput) -> Feedback;
            requests::training_list() -> Vec<TrainingSession>;
            requests::training_add(input: TrainingInput) -> TrainingSession;
            requests::training_attend(id: TrainingId, people: Vec<MemberNo>) -> TrainingSession;
            requests::standard_list() -> Vec<ServiceStandard>;
            requests::standard_set(target: StandardTarget, input: ServiceStandardInput) -> ServiceStandard;
            requests::request_add_kind(input: RequestKindInput) -> RequestKind;
            requests::request_set_offers(no: MemberNo, kinds: Option<Vec<String>>) -> Option<Vec<String>>;
            requests::request_recipient_pays() -> bool;
            requests::request_set_recipient_pays(on: bool) -> bool;

            activities::activity_list(year: Option<i32>) -> Vec<Activity>;
            activities::activity_add(input: ActivityInput) -> Activity;
            activities::activity_attend(id: ActivityId, input: AttendanceInput) -> Activity;
            activities::activity_untick(id: ActivityId, no: MemberNo) -> Activity;
            activities::activity_attendees(id: ActivityId) -> Vec<Attendee>;
            activities::activity_cost(id: ActivityId, input: CostInput) -> ActivityCost;
            activities::activity_costs(id: ActivityId) -> Vec<ActivityCost>;
            activities::activity_sheet(id: ActivityId) -> SavedFile;

            dues_hours::dues_hours_rate() -> Option<Fen>;
            dues_hours::dues_set_hours_rate(rate: String) -> Option<Fen>;
            dues_hours::dues_hours_quote(no: MemberNo, year: i32) -> HoursQuote;
            dues_hours::dues_pay_hours(input: HoursDuesInput) -> HoursDuesPayment;
            dues_hours::dues_hours_slip(slip_no: String) -> SavedFile;

            mediation::mediation_list() -> Vec<MediationLine>;
            mediation::mediation_get(id: MediationId) -> MediationCase;
            mediation::mediation_open(input: OpenInput) -> MediationCase;
            mediation::mediation_note(id: MediationId, input: NoteInput) -> MediationCase;
            mediation::mediation_close(id: MediationId, input: CloseInput) -> MediationCase;
            mediation::mediation_agreement(id: MediationId, terms: String) -> SavedFile;

            commendation::commend_ranking(year: i32) -> Commendation;
            commendation::commend_set_min_hours(hours: String) -> Hours;
            commendation::commend_certificates(year: i32) -> SavedFile;
            commendation::commend_list(year: i32) -> SavedFile;
        }
    };
}
