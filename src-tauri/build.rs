// Listing the commands in the app manifest makes Tauri generate an `allow-<command>` permission
// for each and refuse any command that capabilities/ does not grant (the pattern of Tauri's own
// examples/api). Keep this list in step with `generate_handler!` in src/main.rs.
const COMMANDS: &[&str] = &[
    "rota_list",
    "rota_unfilled",
    "rota_generate",
    "rota_candidates",
    "rota_assign",
    "rota_unassign",
    "rota_swap",
    "rota_lock",
    "rota_outcome",
    "rota_pdf",
    "rota_slips",
    "care_list",
    "care_add",
    "volunteer_list",
    "volunteer_set",
    "pair_add",
    "rota_overdue",
    "visit_log",
    "app_info",
    "save_association",
    "load_demo",
    "save_settings",
    "member_list",
    "member_groups",
    "member_get",
    "member_add",
    "member_update",
    "member_set_status",
    "open_file",
    "cash_categories",
    "cash_list",
    "cash_balance",
    "cash_add",
    "cash_reverse",
    "dues_policy",
    "dues_set_policy",
    "dues_bill",
    "dues_pay",
    "dues_arrears_pdf",
    "receipt_list",
    "receipt_print",
    "receipt_void",
    "donation_add",
    "donation_list",
    "honour_list",
    "honour_pdf",
    "statement_file",
    "time_account",
    "time_overview",
    "time_deposit",
    "time_withdraw",
    "time_transfer",
    "time_donate",
    "time_reverse",
    "time_passbook",
    "time_export",
    "time_exchange_files",
    "time_import_preview",
    "time_import",
];

fn main() {
    if let Err(e) = tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    ) {
        // try_build's error says which file or permission is wrong; show it and stop.
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
