//! Commands of the app itself: what the first screen needs, the association's details and
//! settings, the sample village, and opening a printout again.

use huzhu::association::{self, Association, Settings};
use huzhu::error::ErrorReport;
use huzhu::i18n::Lang;
use serde::Serialize;
use tauri::Manager;
use ts_rs::TS;

use crate::files;
use crate::state::{CmdResult, Shell};

/// What the UI needs to draw its first screen. A transport DTO, so it lives in the shell.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    association: Option<Association>,
    settings: Settings,
    db_path: String,
    data_folder: String,
    #[ts(type = "number")]
    schema_version: i64,
    today: String,
    /// Set when the database could not be opened; the UI shows it instead of the app.
    open_error: Option<ErrorReport>,
    /// There is no data file yet: the UI shows the first-start screen (new register, or
    /// restore a backup), never an empty register made without asking.
    db_missing: bool,
    /// What the checks made at start found wrong with the data file, one line each in the
    /// user's language; the UI then shows its damaged-database screen (the file is open read
    /// only). Filled from the core's `db::Health` once issue 9's store part is merged; until
    /// then there is no such check at start and this is None.
    damage: Option<Vec<String>>,
}

pub fn app_info(state: &Shell) -> CmdResult<AppInfo> {
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
        db_missing: huzhu::db::is_missing(&state.path),
        damage: state.damage.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(|d| d.lines(&state.l10n())),
    })
}

/// 新建登记册 on the first-start screen. Nothing happens when a database is already open.
pub fn app_create(state: &Shell) -> CmdResult<bool> {
    let mut db = state.db.lock().unwrap_or_else(|p| p.into_inner());
    if db.is_ok() {
        return Ok(false);
    }
    let (opened, damage) = crate::state::create_db(&state.path);
    *db = opened;
    *state.damage.lock().unwrap_or_else(|p| p.into_inner()) = damage;
    db.as_ref().map(|_| true).map_err(|e| state.report(e))
}

pub fn save_association(state: &Shell, association: Association) -> CmdResult<Association> {
    state.write(|tx, actor| association::save(tx, actor, &association))
}

pub fn load_demo(state: &Shell) -> CmdResult<usize> {
    state.write(|tx, actor| huzhu::demo::build(tx, actor, 60, 1, huzhu::today()).map(|s| s.people))
}

pub fn save_settings(state: &Shell, settings: Settings) -> CmdResult<Settings> {
    let saved = state.write(|tx, actor| association::save_settings(tx, actor, &settings))?;
    *state.lang.lock().unwrap_or_else(|p| p.into_inner()) = saved.lang;
    set_title(state.app, saved.lang);
    Ok(saved)
}

/// Opens a printout the app wrote earlier: a PDF, XLSX or CSV in the app's output folder;
/// anything else is refused with the localised reason.
pub fn open_file(state: &Shell, path: String) -> CmdResult<bool> {
    files::open_in_viewer(&state.path, std::path::Path::new(&path)).map_err(|e| state.report(&e))
}

pub fn set_title(app: &tauri::AppHandle, lang: Lang) {
    if let Some(w) = app.get_webview_window("main") {
        // A title that fails to set is cosmetic; the app works on.
        let _ = w.set_title(&huzhu::i18n::Localizer::new(lang).t("app-title"));
    }
}

/// Shows the main window in front (a second launch of the app calls this in the first one).
pub fn bring_forward(app: &tauri::AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        // Each step is cosmetic on its own; a window that cannot be raised stays usable.
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
