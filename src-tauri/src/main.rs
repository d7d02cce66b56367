//! The desktop shell: a window showing ui/dist and thin commands over the `huzhu` core.
//! A command parses its arguments, calls one core function (inside a transaction when it
//! writes) and maps the error to an `ErrorReport` in the user's language. No rules live here.

// No console window behind the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod files;
mod money;
mod rota;
mod time_bank;

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use huzhu::association::{self, Association, Settings};
use huzhu::error::ErrorReport;
use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{self, MemberNo, Person, PersonFilter, PersonInput, PersonPage, Status};
use rusqlite::Connection;
use serde::Serialize;
use tauri::{Manager, State};

/// The open database (or why it could not be opened), its path, and the language the user
/// reads. The connection sits behind a Mutex: one secretary, one writer at a time.
struct AppState {
    db: Mutex<Result<Connection, huzhu::Error>>,
    path: PathBuf,
    lang: Mutex<Lang>,
    /// The register kept in memory for search-as-you-type; it reloads itself after any write.
    index: Mutex<members::RegisterIndex>,
}

type CmdResult<T> = Result<T, ErrorReport>;

impl AppState {
    fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn report(&self, e: &huzhu::Error) -> ErrorReport {
        e.to_report(&Localizer::new(self.lang()))
    }

    /// The connection, or the localised reason there is none (e.g. a database from a newer
    /// version), so every command answers with that reason instead of panicking.
    fn conn(&self) -> CmdResult<MutexGuard<'_, Result<Connection, huzhu::Error>>> {
        let guard = self.db.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(e) = guard.as_ref() {
            return Err(self.report(e));
        }
        Ok(guard)
    }

    /// Runs `f` on the connection (reads).
    fn read<T>(&self, f: impl FnOnce(&Connection) -> huzhu::Result<T>) -> CmdResult<T> {
        let guard = self.conn()?;
        let conn = guard.as_ref().map_err(|e| self.report(e))?;
        f(conn).map_err(|e| self.report(&e))
    }

    /// Runs `f` in one transaction, committed only when it succeeds; the actor is the
    /// configured secretary until sign-in exists.
    fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction, &huzhu::audit::Actor) -> huzhu::Result<T>,
    ) -> CmdResult<T> {
        let mut guard = self.conn()?;
        let conn = guard.as_mut().map_err(|e| self.report(e))?;
        let run = |conn: &mut Connection| -> huzhu::Result<T> {
            let actor = association::default_actor(conn)?;
            let tx = conn.transaction()?;
            let out = f(&tx, &actor)?;
            tx.commit()?;
            Ok(out)
        };
        run(conn).map_err(|e| self.report(&e))
    }
}

/// What the UI needs to draw its first screen. A transport DTO, so it lives in the shell.
#[derive(Serialize)]
struct AppInfo {
    association: Option<Association>,
    settings: Settings,
    db_path: String,
    data_folder: String,
    schema_version: i64,
    today: String,
    /// Set when the database could not be opened; the UI shows it instead of the app.
    open_error: Option<ErrorReport>,
}

#[tauri::command]
fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    let guard = state.db.lock().unwrap_or_else(|p| p.into_inner());
    let lang = state.lang();
    let (association, mut settings, open_error) = match guard.as_ref() {
        Ok(conn) => {
            let a = association::get(conn).map_err(|e| state.report(&e))?;
            let s = association::settings(conn).map_err(|e| state.report(&e))?;
            (a, s, None)
        }
        Err(e) => (None, Settings::default(), Some(state.report(e))),
    };
    // The language in force (HUZHU_LANG may have overridden the saved one at start).
    settings.lang = lang;
    Ok(AppInfo {
        association,
        settings,
        db_path: state.path.display().to_string(),
        data_folder: state.path.parent().map(|p| p.display().to_string()).unwrap_or_default(),
        schema_version: huzhu::db::schema_version(),
        today: huzhu::today().to_string(),
        open_error,
    })
}

#[tauri::command]
fn save_association(state: State<'_, AppState>, association: Association) -> CmdResult<Association> {
    state.write(|tx, actor| association::save(tx, actor, &association))
}

#[tauri::command]
fn load_demo(state: State<'_, AppState>) -> CmdResult<usize> {
    state.write(|tx, actor| huzhu::demo::build(tx, actor, 60, 1, huzhu::today()).map(|s| s.people))
}

#[tauri::command]
fn save_settings(app: tauri::AppHandle, state: State<'_, AppState>, settings: Settings) -> CmdResult<Settings> {
    let saved = state.write(|tx, actor| association::save_settings(tx, actor, &settings))?;
    *state.lang.lock().unwrap_or_else(|p| p.into_inner()) = saved.lang;
    set_title(&app, saved.lang);
    Ok(saved)
}

#[tauri::command]
fn member_list(state: State<'_, AppState>, filter: PersonFilter) -> CmdResult<PersonPage> {
    let mut index = state.index.lock().unwrap_or_else(|p| p.into_inner());
    state.read(|conn| index.search(conn, &filter, huzhu::today()))
}

#[tauri::command]
fn member_groups(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    state.read(members::groups)
}

#[tauri::command]
fn member_get(state: State<'_, AppState>, no: MemberNo) -> CmdResult<Person> {
    state.read(|conn| members::get_by_no(conn, no, huzhu::today()))
}

#[tauri::command]
fn member_add(state: State<'_, AppState>, input: PersonInput) -> CmdResult<Person> {
    state.write(|tx, actor| members::add(tx, actor, &input, huzhu::today()))
}

#[tauri::command]
fn member_update(state: State<'_, AppState>, no: MemberNo, input: PersonInput) -> CmdResult<Person> {
    state.write(|tx, actor| members::update(tx, actor, no, &input, huzhu::today()))
}

#[tauri::command]
fn member_set_status(
    state: State<'_, AppState>,
    no: MemberNo,
    status: Status,
    effective: String,
    note: String,
) -> CmdResult<Person> {
    let text = effective.trim();
    let effective = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        state.report(&huzhu::Error::invalid_with("effective", "error-date-invalid", vec![("value", text.to_string())]))
    })?;
    state.write(|tx, actor| members::set_status(tx, actor, no, status, effective, &note, huzhu::today()))
}

/// Opens a printout the app wrote earlier (only files in the app's output folder).
#[tauri::command]
fn open_file(state: State<'_, AppState>, path: String) -> bool {
    files::open_in_viewer(&state.path, std::path::Path::new(&path))
}

fn set_title(app: &tauri::AppHandle, lang: Lang) {
    if let Some(w) = app.get_webview_window("main") {
        // A title that fails to set is cosmetic; the app works on.
        let _ = w.set_title(&Localizer::new(lang).t("app-title"));
    }
}

/// HUZHU_LANG (zh-CN / en-US / zh / en) overrides the saved language for this run.
fn start_lang(db: &Result<Connection, huzhu::Error>) -> Lang {
    if let Some(l) = std::env::var("HUZHU_LANG").ok().as_deref().and_then(Lang::parse) {
        return l;
    }
    match db {
        Ok(conn) => association::settings(conn).map(|s| s.lang).unwrap_or_default(),
        Err(_) => std::env::var("LANG").ok().as_deref().and_then(Lang::parse).unwrap_or_default(),
    }
}

fn main() {
    let path = huzhu::db::resolve_path(None);
    // A database that cannot be opened (newer version, unreadable folder) must not stop the
    // window from opening: the UI shows the localised reason.
    let db = huzhu::db::open(&path);
    let lang = start_lang(&db);
    let state = AppState { db: Mutex::new(db), path, lang: Mutex::new(lang), index: Mutex::new(members::RegisterIndex::new()) };

    let result = tauri::Builder::default()
        .manage(state)
        .setup(move |app| {
            set_title(app.handle(), lang);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            rota::rota_list,
            rota::rota_unfilled,
            rota::rota_generate,
            rota::rota_candidates,
            rota::rota_assign,
            rota::rota_unassign,
            rota::rota_swap,
            rota::rota_lock,
            rota::rota_outcome,
            rota::rota_pdf,
            rota::rota_slips,
            rota::care_list,
            rota::care_add,
            rota::volunteer_list,
            rota::volunteer_set,
            rota::pair_add,
            rota::rota_overdue,
            rota::visit_log,
            app_info,
            save_association,
            load_demo,
            save_settings,
            member_list,
            member_groups,
            member_get,
            member_add,
            member_update,
            member_set_status,
            open_file,
            money::cash_categories,
            money::cash_list,
            money::cash_balance,
            money::cash_add,
            money::cash_reverse,
            money::dues_policy,
            money::dues_set_policy,
            money::dues_bill,
            money::dues_pay,
            money::dues_arrears_pdf,
            money::receipt_list,
            money::receipt_print,
            money::receipt_void,
            money::donation_add,
            money::donation_list,
            money::honour_list,
            money::honour_pdf,
            money::statement_file,
            time_bank::time_account,
            time_bank::time_overview,
            time_bank::time_deposit,
            time_bank::time_withdraw,
            time_bank::time_transfer,
            time_bank::time_donate,
            time_bank::time_reverse,
            time_bank::time_passbook,
            time_bank::time_export,
            time_bank::time_exchange_files,
            time_bank::time_import_preview,
            time_bank::time_import,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("huzhu-app: {e}");
        std::process::exit(1);
    }
}
