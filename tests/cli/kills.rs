//! Killing the program (SIGKILL, as a power cut or a crash would stop it) at 200 random moments
//! across the writes of every area: member add, cash add with a receipt, rota generate, time
//! transfer, backup and restore. After each kill, before anything else opens the database:
//! every row the program reported as written is there, `integrity_check` passes, and every file
//! in `backups/` is a complete, sound copy, or a partial file left by a backup or restore that was
//! killed (and the next backup removes it).
//!
//! How it knows its kills landed in the middle of something, not between commands: for a write,
//! just before the kill it tries to take the database's write lock itself (`BEGIN IMMEDIATE`,
//! no waiting); finding it taken means the program had begun writing; if afterwards not one
//! audit row was added (every write adds one in its own transaction), the kill landed before
//! the commit. For a backup or a restore, a partial file was present at the kill. The test
//! requires a number of each kind.
//!
//! Moments are random (seeded, printed on failure) within the time a command takes on this
//! machine, measured first; a command that finishes before its moment is not counted as a kill.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rusqlite::Connection;

use super::database::read_wal;
use super::{command, ok};
use crate::common::backup::names_in;

const KILLS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Op {
    MemberAdd,
    CashAdd,
    RotaGenerate,
    TimeTransfer,
    Backup,
    Restore,
}

const OPS: [Op; 6] = [Op::MemberAdd, Op::CashAdd, Op::RotaGenerate, Op::TimeTransfer, Op::Backup, Op::Restore];

impl Op {
    fn writes_database(self) -> bool {
        !matches!(self, Op::Backup | Op::Restore)
    }
}

/// What the program reported as written.
#[derive(Debug, Clone, Default)]
struct Reported {
    members: BTreeSet<i64>,
    vouchers: BTreeSet<String>,
    receipts: BTreeSet<String>,
    time_entries: BTreeSet<i64>,
    /// Shifts of each month generated.
    rota: BTreeMap<String, i64>,
}

fn query_set<T: rusqlite::types::FromSql + Ord>(conn: &Connection, sql: &str) -> BTreeSet<T> {
    conn.prepare(sql).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

impl Reported {
    /// The reports missing from the database, as lines (empty when nothing is lost).
    fn missing_from(&self, conn: &Connection) -> Vec<String> {
        let mut lost = Vec::new();
        let members: BTreeSet<i64> = query_set(conn, "SELECT member_no FROM person");
        lost.extend(self.members.difference(&members).map(|m| format!("member {m}")));
        let vouchers: BTreeSet<String> = query_set(conn, "SELECT voucher_no FROM cash_entry");
        lost.extend(self.vouchers.difference(&vouchers).map(|v| format!("voucher {v}")));
        let receipts: BTreeSet<String> = query_set(conn, "SELECT receipt_no FROM receipt");
        lost.extend(self.receipts.difference(&receipts).map(|r| format!("receipt {r}")));
        let entries: BTreeSet<i64> = query_set(conn, "SELECT id FROM time_entry");
        lost.extend(self.time_entries.difference(&entries).map(|e| format!("time entry {e}")));
        for (month, slots) in &self.rota {
            let n: i64 = conn.query_row("SELECT count(*) FROM rota_slot WHERE substr(date, 1, 7) = ?1", [month], |r| r.get(0)).unwrap();
            if n < *slots {
                lost.push(format!("rota {month}: {n} of {slots} shifts"));
            }
        }
        lost
    }

    /// Takes in what a command printed (its whole output, or what it printed before the kill).
    fn read(&mut self, op: Op, out: &str) {
        let line = out.lines().next().unwrap_or("").trim();
        match op {
            Op::MemberAdd => self.members.extend(line.parse::<i64>().ok()),
            Op::CashAdd => {
                let mut parts = line.split_whitespace();
                if let (Some(v), Some(r)) = (parts.next(), parts.next()) {
                    self.vouchers.insert(v.to_string());
                    self.receipts.insert(r.to_string());
                }
            }
            Op::TimeTransfer => {
                // "… (entries 12, 13)"
                if let Some(ids) = line.split("(entries ").nth(1) {
                    self.time_entries.extend(ids.trim_end_matches(')').split(", ").filter_map(|s| s.parse::<i64>().ok()));
                }
            }
            Op::RotaGenerate => {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(out) {
                    let month = v["month"].as_str().unwrap_or_default().to_string();
                    self.rota.insert(month, v["slots"].as_i64().unwrap_or_default());
                }
            }
            Op::Backup | Op::Restore => {}
        }
    }
}

/// Whether another connection holds the database's write lock right now.
fn write_lock_taken(probe: &Connection) -> bool {
    match probe.execute_batch("BEGIN IMMEDIATE") {
        Ok(()) => {
            probe.execute_batch("ROLLBACK").unwrap();
            false
        }
        Err(e) => {
            assert_eq!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy), "the probe fails only for a taken lock: {e}");
            true
        }
    }
}

fn audit_rows(db: &Path) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap()
}

fn partials(dir: &Path) -> Vec<String> {
    names_in(dir).into_iter().filter(|n| n.starts_with(".huzhu-partial")).collect()
}

struct Village {
    _dir: tempfile::TempDir,
    db: PathBuf,
    backups: PathBuf,
    giver: i64,
    taker: i64,
}

fn village() -> Village {
    let (dir, db) = super::initialised();
    ok(&db, &["demo", "--people", "400", "--seed", "5"]);
    let giver: i64 = ok(&db, &["member", "add", "--name", "时间多"]).parse().unwrap();
    let taker: i64 = ok(&db, &["member", "add", "--name", "时间少"]).parse().unwrap();
    for (who, day) in [(giver, "2026-09-01"), (giver, "2026-09-02"), (giver, "2026-09-03"), (taker, "2026-09-04"), (taker, "2026-09-05")] {
        ok(&db, &["time", "deposit", "--person", &who.to_string(), "--hours", "24", "--date", day]);
    }
    let backups = huzhu::backup::folder(&db);
    Village { _dir: dir, db, backups, giver, taker }
}

/// The arguments of one command of `op`; `backup` is the file to restore.
fn args_of(op: Op, v: &Village, rng: &mut impl Rng, n: usize, backup: Option<&str>) -> Vec<String> {
    let date = format!("2026-{:02}-{:02}", rng.random_range(1..=10), rng.random_range(1..=28));
    let s = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let mut args = s(&["--lang", "en-US"]);
    args.extend(match op {
        Op::MemberAdd => s(&["member", "add", "--name", &format!("加入{n}")]),
        Op::CashAdd => s(&["cash", "add", "--kind", "income", "--category", "会费", "--amount", "1.50", "--date", &date, "--party", "王五", "--receipt"]),
        Op::RotaGenerate => s(&["rota", "generate", "--month", &date[..7], "--json"]),
        Op::TimeTransfer => {
            let (from, to) = if n % 2 == 0 { (v.giver, v.taker) } else { (v.taker, v.giver) };
            let hours = if n % 2 == 0 { "1" } else { "0.5" };
            s(&["time", "transfer", "--from", &from.to_string(), "--to", &to.to_string(), "--hours", hours, "--reason", "互相帮忙"])
        }
        Op::Backup => s(&["backup"]),
        Op::Restore => s(&["restore", backup.expect("a backup to restore"), "--yes"]),
    });
    args
}

#[test]
fn killing_any_write_at_random_moments_loses_nothing_committed_and_leaves_sound_files() {
    let v = village();
    let clock = || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1);
    let seed: u64 = std::env::var("HUZHU_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(clock);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let ctx = |msg: String| format!("{msg} (seed {seed}: HUZHU_KILL_SEED={seed} repeats this run)");

    let mut reported = Reported::default();
    // Each backup written, with what had been reported when it was made.
    let mut backups: Vec<(String, Reported)> = Vec::new();
    // Backups already checked sound (a backup never changes once named).
    let mut checked: BTreeSet<String> = BTreeSet::new();

    // How long each command takes here, from a few runs left to finish.
    let mut typical: BTreeMap<Op, Duration> = BTreeMap::new();
    for (i, op) in OPS.iter().enumerate() {
        let mut times = Vec::new();
        for k in 0..3 {
            let file = backups.last().map(|(p, _)| p.clone());
            let args = args_of(*op, &v, &mut rng, 10_000 + i * 10 + k, file.as_deref());
            let started = Instant::now();
            let out = command(&v.db).args(&args).output().unwrap();
            times.push(started.elapsed());
            assert!(out.status.success(), "{}", ctx(format!("{op:?} runs: {}", String::from_utf8_lossy(&out.stderr))));
            let out = String::from_utf8_lossy(&out.stdout).to_string();
            match op {
                Op::Backup => backups.push((out.trim().to_string(), reported.clone())),
                Op::Restore => reported = backups.last().unwrap().1.clone(),
                _ => reported.read(*op, &out),
            }
        }
        times.sort();
        typical.insert(*op, times[1]);
    }

    let (mut kills, mut runs) = (0, 0);
    // Partial files a killed backup or restore left, which the next one removes: in backups/
    // (any backup or restore cleans it) and beside the database (the next restore does).
    let (mut partials_in_backups, mut partial_beside_db) = (false, false);
    let mut mid_write: BTreeMap<Op, usize> = BTreeMap::new();
    let started = Instant::now();
    // At least KILLS kills; under a heavily loaded machine fewer land inside the short writes,
    // so it goes on (up to twice as many) until enough are proven to have landed mid-write.
    let proven = |m: &std::collections::BTreeMap<Op, usize>| {
        m.iter().filter(|(op, _)| op.writes_database()).map(|(_, n)| n).sum::<usize>() >= 10
            && m.get(&Op::Backup).copied().unwrap_or(0) >= 3
            && m.get(&Op::Restore).copied().unwrap_or(0) >= 3
    };
    while kills < KILLS || (kills < 2 * KILLS && !proven(&mid_write)) {
        assert!(started.elapsed() < Duration::from_secs(600), "{}", ctx(format!("only {kills} kills landed in ten minutes ({runs} runs)")));
        runs += 1;
        let op = OPS[rng.random_range(0..OPS.len())];
        let restoring = if op == Op::Restore { Some(backups[rng.random_range(0..backups.len())].clone()) } else { None };
        let args = args_of(op, &v, &mut rng, runs, restoring.as_ref().map(|(p, _)| p.as_str()));
        // Half the moments anywhere in the command's time, half in its second half, where the
        // write itself is (start-up and opening the database come first): a short write is a
        // small target.
        let share = if rng.random_bool(0.5) { rng.random_range(0.0..1.1) } else { rng.random_range(0.5..1.0) };
        // A third of the writes are hunted instead: from half their usual time on, the probe
        // looks for the write lock and the kill comes the moment it is seen taken. A write is a
        // few milliseconds at the end of a command that spends most of its time starting up and
        // checking the file, so a moment drawn at random rarely lands inside it.
        let hunt = op.writes_database() && rng.random_bool(0.33);
        let moment = if hunt { typical[&op] * 3 } else { typical[&op].mul_f64(share) };
        // The probe is another program's connection; a restore refuses a database in use, so
        // none is open while one runs.
        let probe = op.writes_database().then(|| {
            let c = Connection::open(&v.db).unwrap();
            c.busy_timeout(Duration::ZERO).unwrap();
            c
        });
        let audit_before = audit_rows(&v.db);

        let mut child = command(&v.db).args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let spawned = Instant::now();
        let mut killed = false;
        let (mut lock_taken, mut partial_there) = (false, false);
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let seen = hunt && spawned.elapsed() >= typical[&op] / 2 && probe.as_ref().is_some_and(write_lock_taken);
            if seen || spawned.elapsed() >= moment {
                lock_taken = seen || probe.as_ref().is_some_and(write_lock_taken);
                partial_there = !partials(&v.backups).is_empty() || !partials(v.db.parent().unwrap()).is_empty();
                child.kill().unwrap();
                killed = true;
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        // What the kill left, read before anything opens the database again.
        let wal = read_wal(&PathBuf::from(format!("{}-wal", v.db.display())));
        drop(probe);
        let what = format!("run {runs}, {op:?} {args:?}, killed {killed} after {moment:?}");
        if !op.writes_database() {
            partials_in_backups = killed;
        }
        if op == Op::Restore {
            partial_beside_db = killed;
        }
        if !killed {
            assert!(out.status.success(), "{}", ctx(format!("{what}: an unkilled command succeeds: {}", String::from_utf8_lossy(&out.stderr))));
        }

        // Every reported row is there, and the file is sound.
        let conn = Connection::open(&v.db).unwrap();
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "{}", ctx(format!("{what}: the database is sound")));
        match op {
            Op::Backup => {
                if !stdout.trim().is_empty() {
                    backups.push((stdout.trim().to_string(), reported.clone()));
                }
            }
            Op::Restore => {
                let (file, held) = restoring.as_ref().unwrap();
                let restored = stdout.contains("Restored from");
                // A restore killed before its rename leaves the database as it was; after, it
                // holds the backup. Which one it is shows in what the database holds.
                if restored || !reported.missing_from(&conn).is_empty() {
                    let lost = held.missing_from(&conn);
                    assert!(lost.is_empty(), "{}", ctx(format!("{what}: the database holds the backup {file} restored: lost {lost:?}")));
                    reported = held.clone();
                }
            }
            _ => reported.read(op, &stdout),
        }
        let lost = reported.missing_from(&conn);
        assert!(lost.is_empty(), "{}", ctx(format!("{what}: nothing reported as written is lost: {lost:?}")));
        let audit_after: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
        drop(conn);

        // Every file in backups/ is a complete copy, the lock, the USB record, or the partial
        // file of a backup or restore that was just killed.
        for name in names_in(&v.backups) {
            let path = v.backups.join(&name);
            if huzhu::backup::BackupName::parse(&name).is_some() {
                if checked.insert(name.clone()) {
                    let c = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
                    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
                    assert_eq!(ok, "ok", "{}", ctx(format!("{what}: the backup {name} is complete and sound")));
                }
            } else if name.starts_with(".huzhu-partial") {
                assert!(partials_in_backups, "{}", ctx(format!("{what}: a partial file {name} is left only by a killed backup or restore")));
            } else {
                assert!(name == ".huzhu-backup.lock", "{}", ctx(format!("{what}: an unexpected file {name} in backups/")));
            }
        }
        if !op.writes_database() && !killed {
            assert!(partials(&v.backups).is_empty(), "{}", ctx(format!("{what}: a backup or restore removes what a killed one left in backups/")));
        }
        for (file, _) in &backups {
            assert!(Path::new(file).exists(), "{}", ctx(format!("{what}: the backup {file} reported as written is there")));
        }
        let db_partials = partials(v.db.parent().unwrap());
        assert!(db_partials.is_empty() || partial_beside_db, "{}", ctx(format!("{what}: partial files beside the database: {db_partials:?}")));
        if op == Op::Restore && !killed {
            assert!(db_partials.is_empty(), "{}", ctx(format!("{what}: a restore removes what a killed one left beside the database")));
        }

        if killed {
            kills += 1;
            let landed = if op.writes_database() { lock_taken && audit_after == audit_before } else { partial_there };
            if landed || wal.uncommitted > 0 {
                *mid_write.entry(op).or_default() += 1;
            }
        }
    }
    eprintln!("{kills} kills in {runs} runs ({:?}); proven mid-write: {mid_write:?}; seed {seed}", started.elapsed());
    let writes: usize = mid_write.iter().filter(|(op, _)| op.writes_database()).map(|(_, n)| n).sum();
    assert!(writes >= 10, "{}", ctx(format!("at least 10 kills must land inside a write transaction, got {mid_write:?}")));
    assert!(mid_write.get(&Op::Backup).copied().unwrap_or(0) >= 3, "{}", ctx(format!("at least 3 kills must land while a backup was being written, got {mid_write:?}")));
    assert!(mid_write.get(&Op::Restore).copied().unwrap_or(0) >= 3, "{}", ctx(format!("at least 3 kills must land while a restore was being written, got {mid_write:?}")));
}
