//! `huzhu init | demo | check` and the database file itself: creating it, refusing a newer one,
//! and surviving a kill in the middle of a write.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::{command, huzhu, initialised, ok, refused, stderr, stdout};
use crate::common::count;

/// People in the register. (A read-write connection, though it only reads: closing it folds the
/// -wal file back into the database and removes it, as the program itself does.)
fn people(db: &Path) -> i64 {
    count(&rusqlite::Connection::open(db).expect("open the database"), "person")
}

#[test]
fn init_demo_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub").join("t.db");
    let out = ok(&db, &["init", "--name", "东风村老年协会", "--village", "东风村"]);
    assert_eq!(out, "已设置协会：东风村老年协会", "init creates the database (and its folder) and says so in Chinese by default");
    let msg = refused(&db, &["init", "--name", " "]);
    assert!(msg.contains("名称"), "an empty name is refused, saying what is missing: {msg}");
    let msg = refused(&db, &["--lang", "en-US", "init", "--name", " "]);
    assert!(msg.to_lowercase().contains("name"), "the same refusal in English: {msg}");
    let out = ok(&db, &["demo", "--people", "30", "--seed", "3"]);
    assert_eq!(out, "已生成示例数据：30 人。", "demo says how many people it added");
    assert_eq!(people(&db), 30, "demo adds that many people");
    let msg = refused(&db, &["demo", "--people", "5"]);
    assert!(msg.contains("空的登记簿"), "a second demo into a register with people is refused, saying why: {msg}");
    let out = ok(&db, &["--lang", "en-US", "check"]);
    assert!(out.starts_with("The database is sound"), "check reports a sound database: {out}");
    let usage = huzhu(&db, &["demo", "--people", "many"]);
    assert_eq!(usage.status.code(), Some(2), "an argument that is not a number is a usage error (exit 2): {}", stderr(&usage));
    assert_eq!(people(&db), 30, "a usage error changes nothing");
}

#[test]
fn an_empty_data_file_is_not_taken_for_an_empty_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    std::fs::write(&db, b"").unwrap();
    let o = huzhu(&db, &["member", "list"]);
    assert_eq!(o.status.code(), Some(1), "a command on an empty file fails: {}", stdout(&o));
    assert!(stderr(&o).contains("文件是空的"), "saying the file is empty: {}", stderr(&o));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "and leaves it as it was (a backup can be restored onto it)");
    ok(&db, &["init", "--name", "东风村老年协会"]);
    assert_eq!(people(&db), 0, "init makes a new register in it on purpose");
}

#[test]
fn a_database_from_a_newer_version_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    ok(&db, &["init", "--name", "东风村老年协会"]);
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = huzhu(&db, &["member", "list"]);
    assert_eq!(o.status.code(), Some(1), "a newer database is refused: {}", stderr(&o));
    assert!(stderr(&o).contains("更新版本"), "the message says the file is from a newer version: {}", stderr(&o));
    let o = huzhu(&db, &["--lang", "en-US", "member", "list"]);
    assert!(stderr(&o).contains("newer"), "and in English: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing is listed");
    assert_eq!(std::fs::read(&db).unwrap(), before, "not one byte of a newer database is changed");
}

// ---------------------------------------------------------------------------------------------
// Killing a write

/// What the -wal file holds, read as SQLite's recovery reads it: frames are valid while their
/// salts match the header's and their running checksum holds; a frame whose header gives the
/// database size is a commit.
#[derive(Debug, Default, PartialEq)]
pub struct Wal {
    /// Valid frames up to and including the last commit: kept by recovery.
    pub committed: usize,
    /// Valid frames after the last commit: a transaction that had begun writing and did not
    /// commit. Recovery throws them away.
    pub uncommitted: usize,
}

pub fn read_wal(path: &Path) -> Wal {
    let Ok(b) = std::fs::read(path) else { return Wal::default() };
    if b.len() < 32 {
        return Wal::default();
    }
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let magic = be(0);
    assert!(magic == 0x377f_0682 || magic == 0x377f_0683, "a -wal file starts with SQLite's magic number: {magic:#x}");
    // The checksums run over 32-bit words in the byte order the magic number names.
    let big_endian = magic & 1 == 1;
    let checksum = |data: &[u8], (mut s0, mut s1): (u32, u32)| {
        for w in data.chunks_exact(8) {
            let word = |x: &[u8]| {
                let a = [x[0], x[1], x[2], x[3]];
                if big_endian { u32::from_be_bytes(a) } else { u32::from_le_bytes(a) }
            };
            s0 = s0.wrapping_add(word(&w[..4])).wrapping_add(s1);
            s1 = s1.wrapping_add(word(&w[4..])).wrapping_add(s0);
        }
        (s0, s1)
    };
    let mut sum = checksum(&b[..24], (0, 0));
    if sum != (be(24), be(28)) {
        return Wal::default(); // a header SQLite would not trust: no frames
    }
    let page = be(8) as usize;
    let (salt1, salt2) = (be(16), be(20));
    let (mut frames, mut last_commit) = (0, 0);
    let mut at = 32;
    while at + 24 + page <= b.len() {
        if (be(at + 8), be(at + 12)) != (salt1, salt2) {
            break;
        }
        sum = checksum(&b[at..at + 8], sum);
        sum = checksum(&b[at + 24..at + 24 + page], sum);
        if sum != (be(at + 16), be(at + 20)) {
            break;
        }
        frames += 1;
        if be(at + 4) != 0 {
            last_commit = frames;
        }
        at += 24 + page;
    }
    Wal { committed: last_commit, uncommitted: frames - last_commit }
}

/// The -wal reader the kill test relies on tells committed frames from uncommitted ones: a
/// connection held open (so its -wal file stays) commits a few rows, then starts a transaction
/// too big for a tiny page cache, which must spill to the -wal file before any commit.
#[test]
fn the_wal_reader_tells_committed_from_uncommitted_frames() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let wal = dir.path().join("w.sqlite3-wal");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.pragma_update(None, "cache_size", 10).unwrap();
    conn.execute_batch("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a');").unwrap();
    let committed = read_wal(&wal);
    assert!(committed.committed > 0 && committed.uncommitted == 0, "committed writes are committed frames: {committed:?}");
    let tx = conn.transaction().unwrap();
    for _ in 0..2000 {
        tx.execute("INSERT INTO t VALUES (?1)", [&"x".repeat(500)]).unwrap();
    }
    let open = read_wal(&wal);
    assert_eq!(open.committed, committed.committed, "the commits before are still read as committed: {open:?}");
    assert!(open.uncommitted > 0, "an open transaction's spilled pages are uncommitted frames: {open:?}");
    tx.commit().unwrap();
    let done = read_wal(&wal);
    assert!(done.uncommitted == 0 && done.committed > open.committed, "after its commit they are committed: {done:?}");
}

/// Killing the program in the middle of a write leaves either the whole write or none of it,
/// and a sound database; and the test proves that its kills did land in the middle of a write.
///
/// The write is `demo --people 3000`: one transaction adding 3,000 people, several megabytes,
/// far more than SQLite's page cache (2 MB unless a pragma says otherwise). Once the cache is
/// full, SQLite spills changed pages into the -wal file before the commit, as frames without a
/// commit mark. The test watches the -wal file grow and kills the process (SIGKILL) once it
/// holds a given number of frames. Then, before anything opens the database again, it reads the
/// -wal file as SQLite's recovery would (salts and running checksums, see `read_wal`): valid
/// frames after the last commit are proof that the transaction had begun writing to disk and
/// had not committed when the kill landed. For such a run the count of people must be exactly
/// the count before, and `huzhu check` must pass. For every run the count is either before or
/// before + 3,000, never between (a write that committed in pieces would fail here).
///
/// Why this is reliable on a loaded machine: nothing is timed. The watcher acts only on what it
/// sees on disk, and a slow machine slows the writer as much as the watcher; from the first
/// spilled frame to the commit takes the writer about two seconds (a debug build on two cores),
/// against a millisecond between the watcher's looks. A kill that still comes too late (the
/// writer committed first) is checked for all-or-nothing like any other run but does not count
/// as a kill mid-write; two of the four kills must be proven mid-write. One more run is left
/// to finish, to show that the write does add the 3,000 people when it is not killed.
#[test]
fn killing_during_a_write_leaves_all_or_nothing() {
    const PEOPLE: i64 = 3000;
    // The sample village only goes into an empty register, so the base holds other records
    // (three cash entries) and no people.
    let (dir, base) = initialised();
    for amount in ["10", "20", "30"] {
        ok(&base, &["cash", "add", "--kind", "income", "--category", "其他收入", "--amount", amount, "--date", "2026-03-01"]);
    }
    let before = people(&base);
    assert_eq!(before, 0, "the base holds no people yet");
    assert!(!Path::new(&format!("{}-wal", base.display())).exists(), "the base database was closed cleanly: no -wal file to copy");

    // Frames to wait for before the kill (None: let the write finish).
    let mut mid_write = 0;
    for (run, frames) in [Some(2u64), Some(150), Some(350), Some(600), None].into_iter().enumerate() {
        let db = dir.path().join(format!("run{run}.sqlite3"));
        std::fs::copy(&base, &db).unwrap();
        let wal_path = dir.path().join(format!("run{run}.sqlite3-wal"));
        let mut child = command(&db)
            .args(["demo", "--people", &PEOPLE.to_string(), "--seed", &run.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let killed = loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "run {run}: an unkilled demo finishes cleanly");
                break false;
            }
            let size = std::fs::metadata(&wal_path).map(|m| m.len()).unwrap_or(0);
            if frames.is_some_and(|f| size >= 32 + f * (24 + 4096)) {
                child.kill().unwrap();
                child.wait().unwrap();
                break true;
            }
            assert!(started.elapsed() < Duration::from_secs(300), "run {run}: the demo neither wrote nor finished in five minutes");
            std::thread::sleep(Duration::from_millis(1));
        };
        // Read the -wal file before anything opens the database and recovers it.
        let wal = read_wal(&wal_path);
        let o = huzhu(&db, &["check"]);
        assert!(o.status.success(), "run {run}: the database is sound after the kill: {}", stderr(&o));
        let after = people(&db);
        assert!(after == before || after == before + PEOPLE, "run {run}: a killed write is all or nothing: {before} → {after} ({wal:?})");
        if killed && wal.uncommitted > 0 {
            mid_write += 1;
            assert_eq!(after, before, "run {run}: a write killed before its commit leaves nothing ({wal:?})");
        }
        if !killed {
            assert_eq!(after, before + PEOPLE, "run {run}: the write, left to finish, adds everyone");
        }
    }
    assert!(mid_write >= 2, "at least two of the four kills must be proven to have landed mid-write (uncommitted frames in the -wal file), got {mid_write}");
}
