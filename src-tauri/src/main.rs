//! The desktop shell: a window showing ui/dist and thin commands over the `huzhu` core.
//! A command takes its arguments, calls one core function (inside a transaction when it
//! writes) and maps the error to an `ErrorReport` in the user's language. No rules live here.
//! The commands are listed once, in command_list.rs; see commands.rs for what is made from it.

// No console window behind the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

include!("command_list.rs");

mod app;
mod commands;
mod files;
mod members;
mod money;
mod reports;
mod rota;
mod state;
mod time_bank;

use std::sync::Mutex;

use state::AppState;

fn main() {
    let path = huzhu::db::resolve_path(None);
    // A database that cannot be opened (newer version, unreadable folder) must not stop the
    // window from opening: the UI shows the localised reason.
    let db = huzhu::db::open(&path);
    let lang = state::start_lang(&db);
    let state = AppState {
        db: Mutex::new(db),
        path,
        lang: Mutex::new(lang),
        index: Mutex::new(huzhu::members::RegisterIndex::new()),
    };

    let result = tauri::Builder::default()
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
