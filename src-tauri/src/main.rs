//! The desktop shell: a window showing ui/dist and thin commands over the `huzhu` core.
//! A command takes its arguments, calls one core function (inside a transaction when it
//! writes) and maps the error to an `ErrorReport` in the user's language. No rules live here.
//! The commands are listed once, in command_list.rs; see commands.rs for what is made from it.

// No console window behind the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

include!("command_list.rs");

mod access;
mod activities;
mod app;
mod backup;
mod commands;
mod commendation;
mod dues_hours;
mod files;
mod mediation;
mod members;
mod money;
mod reports;
mod requests;
mod rota;
mod sheets;
mod state;
mod time_bank;
mod welfare;

use std::sync::Mutex;

use state::AppState;

fn main() {
    let path = huzhu::db::resolve_path(None);
    let now = huzhu::now();
    // A database that cannot be opened (newer version, unreadable folder) must not stop the
    // window from opening: the UI shows the localised reason. An older one is copied into
    // backups/ before it is migrated, and not migrated when the copy fails.
    let (db, damage) = match huzhu::backup::before_migration(&path, now) {
        Ok(_) => state::open_db(&path),
        Err(e) => (Err(e), None),
    };
    if db.is_ok() && damage.is_none() {
        // The first start of the day copies the database, on a thread of its own: the copy has
        // its own connection and holds up no write of the window's.
        let daily = path.clone();
        std::thread::spawn(move || {
            if let Err(e) = huzhu::backup::daily_if_due(&daily, now) {
                eprintln!("huzhu-app: daily backup: {e}");
            }
        });
    }
    let lang = state::start_lang(&db);
    let state = AppState {
        db: Mutex::new(db),
        path,
        lang: Mutex::new(lang),
        index: Mutex::new(huzhu::members::RegisterIndex::new()),
        picked: Mutex::new(None),
        damage: Mutex::new(damage),
        user: Mutex::new(None),
    };

    let mut builder = tauri::Builder::default();
    // One window per register. HUZHU_DB names a database on purpose (tests, e2e suites running
    // side by side, a second register opened deliberately): those runs are not merged into one.
    if std::env::var_os("HUZHU_DB").is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| app::bring_forward(app)));
    }
    let result = builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(move |app| {
            app::set_title(app.handle(), lang);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("huzhu-app: {e}");
        std::process::exit(1);
    }
}
