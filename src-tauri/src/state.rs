//! What every command works with: the open database (or why it could not be opened), its path,
//! the language the user reads, and the register index for search-as-you-type.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use huzhu::association;
use huzhu::db::{Damage, Health};
use huzhu::error::ErrorReport;
use huzhu::i18n::{Lang, Localizer};
use huzhu::kernel::Printout;
use huzhu::members;
use rusqlite::Connection;

use crate::files::{self, SavedFile};

/// The connection sits behind a Mutex: one secretary, one writer at a time. Commands run off the
/// window's thread (they are all async), so a long printout never freezes the window; the Mutex
/// makes them take turns at the database.
pub struct AppState {
    pub db: Mutex<Result<Connection, huzhu::Error>>,
    pub path: PathBuf,
    pub lang: Mutex<Lang>,
    /// The register kept in memory for search-as-you-type; it reloads itself after any write.
    pub index: Mutex<members::RegisterIndex>,
    /// The file last picked with the restore dialog (the UI never sends a path).
    pub picked: Mutex<Option<PathBuf>>,
    /// What the start-up checks found wrong with the open file (None: sound, or not open).
    pub damage: Mutex<Option<Damage>>,
    /// Who is signed in (once users exist); None before sign-in, after signing out, and while
    /// the app is locked. Every write's Actor is built from it.
    pub user: Mutex<Option<String>>,
}

/// Opens the database the way the app does at start and again after a restore. A missing file
/// is not made here: a mistyped path or an unplugged drive must not start a new, empty register
/// silently; the first-start screen asks (`create_db`).
pub fn open_db(path: &Path) -> Opening {
    split(huzhu::db::open(path))
}

/// Makes a new, empty data file (and its folder) at `path` and opens it: the first-start
/// screen's "new register", the one place the app creates a database.
pub fn create_db(path: &Path) -> Opening {
    split(huzhu::db::create(path))
}

/// The connection (or why there is none) and, when the start-up checks found damage, what they
/// found: the connection is then read-only and the UI shows its damaged-database screen.
pub type Opening = (Result<Connection, huzhu::Error>, Option<Damage>);

fn split(opened: huzhu::Result<huzhu::db::Opened>) -> Opening {
    match opened {
        Ok(o) => (Ok(o.conn), match o.health {
            Health::Sound => None,
            Health::Damaged(d) => Some(d),
        }),
        Err(e) => (Err(e), None),
    }
}

pub type CmdResult<T> = Result<T, ErrorReport>;

impl AppState {
    pub fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn l10n(&self) -> Localizer {
        Localizer::new(self.lang())
    }

    pub fn report(&self, e: &huzhu::Error) -> ErrorReport {
        e.to_report(&self.l10n())
    }

    /// The connection, or the localised reason there is none (e.g. a database from a newer
    /// version), so every command answers with that reason instead of panicking.
    pub fn conn(&self) -> CmdResult<MutexGuard<'_, Result<Connection, huzhu::Error>>> {
        let guard = self.db.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(e) = guard.as_ref() {
            return Err(self.report(e));
        }
        Ok(guard)
    }

    /// Who acts: before any user exists the configured secretary with the chair's rights; then
    /// the signed-in user (re-read, so a role changed or a user disabled takes effect at once),
    /// and nobody while signed out or locked.
    pub fn actor(&self, conn: &Connection) -> huzhu::Result<huzhu::audit::Actor> {
        if !huzhu::access::users::sign_in_on(conn)? {
            return association::default_actor(conn);
        }
        match self.user.lock().unwrap_or_else(|p| p.into_inner()).clone() {
            Some(name) => huzhu::access::users::current(conn, &name),
            None => Err(huzhu::Error::refused("error-access-signed-out", Vec::new())),
        }
    }

    /// Runs `f` on the connection (reads), for whoever is signed in (nobody may read the
    /// register while the app is locked).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> huzhu::Result<T>) -> CmdResult<T> {
        self.read_as(|conn, _| f(conn))
    }

    /// A read that needs to know who reads (a sensitive read checks the role).
    pub fn read_as<T>(&self, f: impl FnOnce(&Connection, &huzhu::audit::Actor) -> huzhu::Result<T>) -> CmdResult<T> {
        let guard = self.conn()?;
        let conn = guard.as_ref().map_err(|e| self.report(e))?;
        let run = || -> huzhu::Result<T> {
            let actor = self.actor(conn)?;
            f(conn, &actor)
        };
        run().map_err(|e| self.report(&e))
    }

    /// A read that needs nobody signed in (the sign-in screen's list of names).
    pub fn read_open<T>(&self, f: impl FnOnce(&Connection) -> huzhu::Result<T>) -> CmdResult<T> {
        let guard = self.conn()?;
        let conn = guard.as_ref().map_err(|e| self.report(e))?;
        f(conn).map_err(|e| self.report(&e))
    }

    /// Runs `f` in one transaction, committed only when it succeeds, as the signed-in user (the
    /// configured secretary before any user exists).
    pub fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction, &huzhu::audit::Actor) -> huzhu::Result<T>,
    ) -> CmdResult<T> {
        let mut guard = self.conn()?;
        let conn = guard.as_mut().map_err(|e| self.report(e))?;
        let run = |conn: &mut Connection| -> huzhu::Result<T> {
            let actor = self.actor(conn)?;
            // BEGIN IMMEDIATE: waits its turn behind another writer (the CLI, a backup).
            let out = huzhu::db::write(conn, |tx| f(tx, &actor));
            if let Err(e) = &out {
                // A second person's wrong PIN was undone with the write: count it on its own.
                huzhu::access::users::note_failure(conn, e, chrono::Utc::now())?;
            }
            out
        };
        run(conn).map_err(|e| self.report(&e))
    }

    /// Runs `f` on the connection itself, for the one write whose commit the core must control
    /// (an export: write the file, commit, remove the file if the commit fails).
    pub fn own<T>(&self, f: impl FnOnce(&mut Connection, &huzhu::audit::Actor) -> huzhu::Result<T>) -> CmdResult<T> {
        let mut guard = self.conn()?;
        let conn = guard.as_mut().map_err(|e| self.report(e))?;
        let run = |conn: &mut Connection| -> huzhu::Result<T> {
            let actor = self.actor(conn)?;
            f(conn, &actor)
        };
        run(conn).map_err(|e| self.report(&e))
    }

    /// Makes a printout with a read (`f` gets the reader's language) and saves and opens it.
    pub fn print(&self, f: impl FnOnce(&Connection, &Localizer) -> huzhu::Result<Printout>) -> CmdResult<SavedFile> {
        let l10n = self.l10n();
        let printout = self.read(|conn| f(conn, &l10n))?;
        self.save(&printout)
    }

    /// Makes a printout with a write (a print that is recorded, such as a receipt's) and saves
    /// and opens it.
    pub fn print_recorded(
        &self,
        f: impl FnOnce(&rusqlite::Transaction, &huzhu::audit::Actor, &Localizer) -> huzhu::Result<Printout>,
    ) -> CmdResult<SavedFile> {
        let l10n = self.l10n();
        let printout = self.write(|tx, actor| f(tx, actor, &l10n))?;
        self.save(&printout)
    }

    pub fn save(&self, printout: &Printout) -> CmdResult<SavedFile> {
        files::save_and_open(&self.path, printout).map_err(|e| self.report(&huzhu::Error::Io(e)))
    }
}

/// What a command function receives: the state, and the app handle for the few commands that
/// touch the window (its title).
pub struct Shell<'a> {
    pub state: &'a AppState,
    pub app: &'a tauri::AppHandle,
}

impl std::ops::Deref for Shell<'_> {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        self.state
    }
}

/// HUZHU_LANG (zh-CN / en-US / zh / en) overrides the saved language for this run.
pub fn start_lang(db: &Result<Connection, huzhu::Error>) -> Lang {
    if let Some(l) = std::env::var("HUZHU_LANG").ok().as_deref().and_then(Lang::parse) {
        return l;
    }
    match db {
        Ok(conn) => association::settings(conn).map(|s| s.lang).unwrap_or_default(),
        Err(_) => std::env::var("LANG").ok().as_deref().and_then(Lang::parse).unwrap_or_default(),
    }
}
