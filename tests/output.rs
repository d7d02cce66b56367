//! Nothing the app writes lands on the database, its -wal/-shm or a backup, and nothing is
//! overwritten without asking (issue 9): `huzhu::output::write`, through which every `--out`
//! of the CLI and every printout of the app goes.

mod common;

use std::path::{Path, PathBuf};

use huzhu::output::{self, Guard, Overwrite};

struct Place {
    _dir: tempfile::TempDir,
    root: PathBuf,
    db: PathBuf,
    guard: Guard,
}

/// A data folder with a database (open, so its -wal and -shm exist) and a backup.
fn place() -> (Place, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let db = root.join("huzhu.sqlite3");
    let conn = huzhu::db::create(&db).unwrap().conn;
    std::fs::create_dir(root.join("backups")).unwrap();
    std::fs::write(root.join("backups").join("huzhu-2026-11-28-080000.sqlite3"), b"a backup").unwrap();
    let guard = Guard::new(&db);
    (Place { _dir: dir, root, db, guard }, conn)
}

fn refused(p: &Place, target: &Path, overwrite: Overwrite) {
    let before = std::fs::read(target).ok();
    let e = output::write(target, b"%PDF-1.7 a printout", overwrite, &p.guard).unwrap_err();
    assert_eq!((e.field(), e.message_id()), (Some("out"), "error-output-protected"), "{} must be refused ({overwrite:?}): {e:?}", target.display());
    assert_eq!(std::fs::read(target).ok(), before, "{} is unchanged", target.display());
}

#[test]
fn the_database_its_working_files_and_backups_are_never_written_even_with_force() {
    let (p, conn) = place();
    assert!(p.root.join("huzhu.sqlite3-wal").exists(), "the open database has its -wal file");
    for overwrite in [Overwrite::No, Overwrite::Force] {
        for target in [
            p.db.clone(),
            p.root.join("huzhu.sqlite3-wal"),
            p.root.join("huzhu.sqlite3-shm"),
            p.root.join("huzhu.sqlite3-journal"),
            p.root.join("backups").join("huzhu-2026-11-28-080000.sqlite3"),
            p.root.join("backups").join("new.pdf"),
            p.root.join("backups").join("sub").join("new.pdf"),
            p.root.join("backups"),
            // The same files by other spellings.
            p.root.join("backups").join("..").join("huzhu.sqlite3"),
            p.root.join(".").join("huzhu.sqlite3-wal"),
            p.root.join("elsewhere").join("..").join("backups").join("x.pdf"),
        ] {
            refused(&p, &target, overwrite);
        }
    }
    #[cfg(unix)]
    {
        let link = p.root.join("roster.pdf");
        std::os::unix::fs::symlink(&p.db, &link).unwrap();
        refused(&p, &link, Overwrite::Force);
        let link_dir = p.root.join("prints");
        std::os::unix::fs::symlink(p.root.join("backups"), &link_dir).unwrap();
        refused(&p, &link_dir.join("roster.pdf"), Overwrite::Force);
    }
    assert!(huzhu::db::check(&conn).unwrap().is_sound(), "the database is sound afterwards");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let (p, _conn) = place();
    let target = p.root.join("roster.pdf");
    std::fs::write(&target, b"the old roster").unwrap();
    let e = output::write(&target, b"new", Overwrite::No, &p.guard).unwrap_err();
    assert_eq!(e.message_id(), "error-output-exists", "an existing file is not replaced without --force");
    assert_eq!(std::fs::read(&target).unwrap(), b"the old roster", "and is unchanged");
    output::write(&target, b"new", Overwrite::Force, &p.guard).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"new", "with force it is replaced");
    let e = output::write(&p.root, b"new", Overwrite::Force, &p.guard).unwrap_err();
    assert_eq!(e.message_id(), "error-output-folder", "a folder is never replaced");
}

#[test]
fn a_new_file_is_written_whole_for_its_owner_only_and_leaves_no_temporary_file() {
    let (p, _conn) = place();
    let target = p.root.join("out").join("名单.pdf");
    std::fs::create_dir(p.root.join("out")).unwrap();
    output::write(&target, b"%PDF-1.7 the roster", Overwrite::No, &p.guard).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7 the roster");
    let names: Vec<String> = std::fs::read_dir(p.root.join("out")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["名单.pdf"], "no temporary file is left beside it");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the file is readable by its owner only");
    }
    let e = output::write(&p.root.join("no-such-folder").join("x.pdf"), b"x", Overwrite::No, &p.guard).unwrap_err();
    assert_eq!(e.code(), "io", "a missing folder is a file error, not a silent mkdir: {e:?}");
}

#[test]
fn unique_names_never_replace_a_printout() {
    let (p, _conn) = place();
    let first = output::unique_name(&p.root, "收据.pdf");
    output::write(&first, b"1", Overwrite::No, &p.guard).unwrap();
    let second = output::unique_name(&p.root, "收据.pdf");
    assert_eq!(second, p.root.join("收据-2.pdf"), "the second printout of the same name gets -2");
    output::write(&second, b"2", Overwrite::No, &p.guard).unwrap();
    assert_eq!(std::fs::read(&first).unwrap(), b"1", "the first is kept");
}
