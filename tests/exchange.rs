//! Moving a time-bank account between two associations (通存通兑): signed export files, the
//! key check, refusals that change nothing, and fuzzing of the import parser.

mod common;

use common::time_bank::{add_with_id_card, bal, deposit, h, transfer};
use common::{actor, add_member, count, set_association, snapshot, test_db, today, write, Snapshot};
use huzhu::i18n::{Lang, Localizer};
use huzhu::members::{self, MemberNo};
use huzhu::time_bank::{self as tb, exchange, keys, EntryKind};
use proptest::prelude::*;
use rusqlite::Connection;

struct TwoAssociations {
    _a_dir: tempfile::TempDir,
    _b_dir: tempfile::TempDir,
    a: Connection,
    b: Connection,
    person_a: MemberNo,
    /// B's key fingerprint as `huzhu assoc key` prints it: where A's files are addressed.
    to_b: String,
}

const ID_CARD: &str = "350102195003070022";
/// A well-formed fingerprint of no association in these tests.
const ANY_RECEIVER: &str = "0123 4567 89AB CDEF 0123 4567 89AB CDEF";

fn two_associations() -> TwoAssociations {
    let (a_dir, mut a) = test_db();
    let (b_dir, mut b) = test_db();
    set_association(&mut a, "东山村老年协会");
    set_association(&mut b, "西湖村老年协会");
    add_member(&mut b, "陈伯"); // so numbers differ between the two registers
    let person_a = add_with_id_card(&mut a, "张秀英", ID_CARD);
    let other = add_member(&mut a, "李明");
    deposit(&mut a, person_a, "10", "2026-03-01").unwrap();
    deposit(&mut a, person_a, "2.5", "2026-04-01").unwrap();
    write(&mut a, |tx| tb::transfer(tx, &actor(), &transfer(person_a, other, "1", "给父亲"), today())).unwrap();
    let to_b = fingerprint_of(&mut b);
    TwoAssociations { _a_dir: a_dir, _b_dir: b_dir, a, b, person_a, to_b }
}

/// An association's fingerprint (its key made on first need, as `huzhu assoc key` does).
fn fingerprint_of(conn: &mut Connection) -> String {
    let key = write(conn, |tx| keys::ensure(tx, &actor())).unwrap();
    keys::fingerprint(&key.verifying_key().to_bytes())
}

fn export(conn: &mut Connection, no: MemberNo, to: &str) -> huzhu::Result<Vec<u8>> {
    write(conn, |tx| exchange::export(tx, &actor(), no, to, today())).map(|e| e.bytes)
}

/// Imports `bytes` as previewed: the expected SHA-256 is that of the same bytes.
fn import(conn: &mut Connection, bytes: &[u8], accept: bool) -> huzhu::Result<exchange::Imported> {
    write(conn, |tx| exchange::import(tx, &actor(), bytes, &keys::sha256_hex(bytes), accept, today()))
}

fn person_by_card(conn: &Connection, card: &str) -> Option<MemberNo> {
    conn.query_row("SELECT member_no FROM person WHERE id_card = ?1", [card], |r| r.get(0)).ok().map(MemberNo)
}

#[test]
fn an_account_moves_between_two_associations_once() {
    let mut t = two_associations();
    assert_eq!(tb::balance(&t.a, t.person_a).unwrap().to_string(), "11.5", "the account to move holds 10 + 2.5 - 1 hours");
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    assert_eq!(bal(&t.a, t.person_a), 0, "exporting brings the balance to zero so the hours cannot be spent twice");
    let text = std::str::from_utf8(&file).unwrap();
    assert!(text.starts_with("{\"balance_half_hours\":23,\"entries\":[") && text.ends_with(",\"version\":2}\n"), "the file is canonical JSON, keys sorted: {text}");
    let out = tb::entries(&t.a, t.person_a).unwrap();
    assert_eq!(out.last().map(|e| e.kind), Some(EntryKind::ExchangeOut), "the export is an entry of its own in the ledger");
    let e = export(&mut t.a, t.person_a, &t.to_b).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-nothing", "an emptied account cannot be exported again");

    // An unknown key is refused, showing the issuer and fingerprint, and nothing changes.
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &file, false).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-unknown-key", "a file signed by a key not yet accepted is refused");
    let fp = keys::fingerprint(&keys::own_public(&t.a).unwrap().unwrap());
    let args = e.args();
    assert!(args.iter().any(|(k, v)| *k == "fingerprint" && *v == fp), "the refusal names the fingerprint to check: {args:?}");
    assert!(args.iter().any(|(k, v)| *k == "issuer" && v == "东山村老年协会"), "the refusal names the issuing association");
    let en = e.localize(&Localizer::new(Lang::EnUs));
    assert!(en.contains(&fp) && en.contains("--accept-key"), "the English refusal gives the fingerprint and how to accept the key: {en}");
    assert_eq!(snapshot(&t.b), before, "a refused import changes nothing");

    // Accepted: the person is created as a non-member and credited.
    let r = import(&mut t.b, &file, true).unwrap();
    assert!(r.created && r.key_accepted, "an accepted import adds the person and keeps the key");
    let no_b = person_by_card(&t.b, ID_CARD).expect("the person is added by ID number");
    assert_eq!(no_b, r.person, "the import reports the person it credited");
    assert!(!members::get_by_no(&t.b, no_b, today()).unwrap().is_member, "an imported stranger is added as a non-member");
    assert_eq!(tb::balance(&t.b, no_b).unwrap().to_string(), "11.5", "the hours arrive whole");
    assert_eq!(tb::entries(&t.b, no_b).unwrap()[0].kind, EntryKind::ExchangeIn, "the hours arrive as one exchange entry");

    // The same file twice: refused, nothing changes.
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &file, true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-already-imported", "a file is imported once");
    assert_eq!(snapshot(&t.b), before, "a second import of a file changes nothing");

    // Back into its own issuer: refused.
    let e = import(&mut t.a, &file, true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-own-file", "a file does not go back into the association that issued it");
}

#[test]
fn an_existing_person_is_matched_by_id_number() {
    let mut t = two_associations();
    let existing = add_with_id_card(&mut t.b, "张秀英", ID_CARD);
    deposit(&mut t.b, existing, "1", "2026-05-01").unwrap();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    let people = count(&t.b, "person");
    let r = import(&mut t.b, &file, true).unwrap();
    assert_eq!((r.person, r.created), (existing, false), "a person already in the register is credited, not added again");
    assert_eq!(count(&t.b, "person"), people, "no duplicate person is created");
    assert_eq!(tb::balance(&t.b, existing).unwrap().to_string(), "12.5", "the hours add to what they hold: 1 + 11.5");
}

#[test]
fn altered_files_are_refused_and_change_nothing() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    let text = String::from_utf8(file.clone()).unwrap();
    let before = snapshot(&t.b);

    // One changed hour value (23 half-hours → 43), not re-signed.
    let more = text.replacen("\"balance_half_hours\":23", "\"balance_half_hours\":43", 1);
    assert_ne!(more, text, "the test did alter the file");
    let more_entries = more.replacen("\"half_hours\":20", "\"half_hours\":40", 1);
    for altered in [&more, &more_entries] {
        let e = import(&mut t.b, altered.as_bytes(), true).unwrap_err();
        assert!(
            matches!(e.message_id(), "error-exchange-signature" | "error-exchange-mismatch"),
            "a changed hour must be refused, got {e:?}"
        );
    }
    let e = import(&mut t.b, more_entries.as_bytes(), true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-signature", "consistent but altered hours fail the signature");
    let zh = e.localize(&Localizer::new(Lang::ZhCn));
    assert!(zh.contains("签名") && zh.contains("没有导入"), "the refusal says the signature failed and nothing was imported: {zh}");

    // Every single changed byte is refused (a flipped bit at each position).
    for i in 0..file.len() {
        let mut m = file.clone();
        m[i] ^= 0x01;
        assert!(import(&mut t.b, &m, true).is_err(), "a file with byte {i} changed must be refused");
    }
    // Layout changes that keep the same JSON content are still refused: only the exact bytes count.
    let pretty = serde_json::to_vec_pretty(&serde_json::from_slice::<serde_json::Value>(&file).unwrap()).unwrap();
    assert_eq!(import(&mut t.b, &pretty, true).unwrap_err().message_id(), "error-exchange-signature", "only the exact bytes signed count: the same JSON laid out again is refused");
    let upper_sig = {
        let v: serde_json::Value = serde_json::from_slice(&file).unwrap();
        let sig = v["signature"].as_str().unwrap().to_string();
        text.replacen(&sig, &sig.to_uppercase(), 1)
    };
    assert!(import(&mut t.b, upper_sig.as_bytes(), true).is_err(), "a second spelling of the signature is refused");
    assert_eq!(snapshot(&t.b), before, "no altered file changed anything");

    // The untouched file still imports after all that.
    import(&mut t.b, &file, true).unwrap();
}

#[test]
fn a_file_signed_by_another_key_is_refused_unless_accepted() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    // A forger re-signs altered hours with a key of their own: the signature is valid, but the
    // key is unknown, so it is refused until a secretary accepts it (after the phone check).
    let forged = {
        let mut v: serde_json::Value = serde_json::from_slice(&file).unwrap();
        let key = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
        let m = v.as_object_mut().unwrap();
        m.remove("signature");
        m.insert("balance_half_hours".into(), 200.into());
        m.insert("entries".into(), serde_json::json!([{"counterparty": "", "date": "2026-01-01", "half_hours": 200, "kind": "deposit", "note": ""}]));
        m["issuer"]["public_key"] = keys::hex(&key.verifying_key().to_bytes()).into();
        let sig = keys::sign(&key, exchange::canonical(&v).as_bytes());
        v.as_object_mut().unwrap().insert("signature".into(), keys::hex(&sig).into());
        format!("{}\n", exchange::canonical(&v)).into_bytes()
    };
    // Its own key accepted, the real file goes in first…
    import(&mut t.b, &file, true).unwrap();
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &forged, false).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-unknown-key", "a file from an unknown key is refused");
    assert_eq!(snapshot(&t.b), before, "a forged file changes nothing");
}

#[test]
fn the_same_hours_cannot_be_credited_twice_under_another_file_id() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    import(&mut t.b, &file, true).unwrap();
    // The issuer (say, restored from a backup) signs the same account again with a new file id.
    let again = {
        let mut v: serde_json::Value = serde_json::from_slice(&file).unwrap();
        let key = keys::own(&t.a).unwrap().unwrap();
        let m = v.as_object_mut().unwrap();
        m.remove("signature");
        m.insert("file_id".into(), "00112233445566778899aabbccddeeff".into());
        let sig = keys::sign(&key, exchange::canonical(&v).as_bytes());
        v.as_object_mut().unwrap().insert("signature".into(), keys::hex(&sig).into());
        format!("{}\n", exchange::canonical(&v)).into_bytes()
    };
    assert!(exchange::inspect(&again, today()).is_ok(), "the re-issued file is itself genuine");
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &again, false).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-person-has-hours", "an account already credited from the issuer is not credited again under another file id");
    assert_eq!(snapshot(&t.b), before, "a refused re-issue changes nothing");
}

#[test]
fn export_needs_an_association_name_an_id_number_and_hours() {
    let (_dir, mut conn) = test_db();
    let a = add_member(&mut conn, "张秀英");
    deposit(&mut conn, a, "1", "2026-03-01").unwrap();
    assert_eq!(export(&mut conn, a, ANY_RECEIVER).unwrap_err().message_id(), "error-exchange-no-association", "a file names its association, so one must be set up");
    set_association(&mut conn, "东山村老年协会");
    let before = snapshot(&conn);
    assert_eq!(export(&mut conn, a, ANY_RECEIVER).unwrap_err().message_id(), "error-exchange-id-card-required", "a person is matched by ID number in the other register, so one is needed");
    assert_eq!(snapshot(&conn), before, "a refused export changes nothing");
}

// ---------------------------------------------------------------- fuzzing the import parser

fn fuzz_fixture() -> (TwoAssociations, Vec<u8>) {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    (t, file)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    /// Random bytes never panic the parser and never import.
    #[test]
    fn fuzz_random_bytes_never_import(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        prop_assert!(exchange::inspect(&bytes, today()).is_err(), "random bytes are never a valid file");
    }

    /// JSON-shaped random text (the parser's interesting paths) never imports either.
    #[test]
    fn fuzz_json_like_text_never_imports(s in r#"\{"(format|version|issuer|signature|entries)":[\[\]{}"0-9a-z:,\-\\ ]{0,200}\}\n?"#) {
        prop_assert!(exchange::inspect(s.as_bytes(), today()).is_err(), "JSON-shaped text without a valid signature is never a valid file");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    /// A valid file with random edits (bytes changed, inserted, deleted, cut short) never
    /// imports, never panics, and never changes the receiving database.
    #[test]
    fn fuzz_mutated_valid_files_never_import(
        edits in proptest::collection::vec((0usize..100_000, any::<u8>(), 0u8..4), 1..6)
    ) {
        // One pair of databases for all cases: building them per case would dominate the run.
        type Fixture = (TwoAssociations, Vec<u8>, Snapshot);
        thread_local! {
            static FIXTURE: std::cell::RefCell<Option<Fixture>> = const { std::cell::RefCell::new(None) };
        }
        FIXTURE.with(|f| {
            let mut f = f.borrow_mut();
            let (t, file, before) = f.get_or_insert_with(|| {
                let (t, file) = fuzz_fixture();
                let before = snapshot(&t.b);
                (t, file, before)
            });
            let mut m = file.clone();
            for (pos, byte, how) in &edits {
                let i = pos % (m.len().max(1));
                match how {
                    0 => { if let Some(x) = m.get_mut(i) { *x = *byte; } }
                    1 => m.insert(i, *byte),
                    2 => { if !m.is_empty() { m.remove(i); } }
                    _ => m.truncate(i),
                }
            }
            if m == *file {
                return Ok(());
            }
            let r = import(&mut t.b, &m, true);
            prop_assert!(r.is_err(), "a mutated file must never import");
            prop_assert_eq!(&snapshot(&t.b), before, "a refused file must change nothing");
            Ok(())
        })?;
    }
}

#[test]
fn an_import_preview_names_the_issuer_and_what_importing_would_meet() {
    let mut two = two_associations();
    let bytes = export(&mut two.a, two.person_a, &two.to_b).unwrap();
    let p = exchange::preview(&two.b, &bytes, today()).unwrap();
    assert_eq!((p.key_accepted, p.own_file, p.already_imported, p.person), (false, false, false, None), "before import the preview shows an unknown key, a foreign file not yet imported, no matching person");
    assert_eq!((p.file.hours, p.file.issuer_name.as_str()), (h("11.5"), "东山村老年协会"), "the preview shows the hours and the issuer");
    assert_eq!(count(&two.b, "time_exchange"), 0, "a preview writes nothing");
    import(&mut two.b, &bytes, true).unwrap();
    let p = exchange::preview(&two.b, &bytes, today()).unwrap();
    assert!(p.key_accepted && p.already_imported && p.person.is_some(), "after import the preview says so");
    assert!(exchange::preview(&two.a, &bytes, today()).unwrap().own_file, "the issuer sees its own file");
}


// ---------------------------------------------------------------- addressed files (version 2)

/// A file re-signed by A's own key after `edit` changed its object: genuine, but different.
fn resigned(t: &TwoAssociations, file: &[u8], edit: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(file).unwrap();
    let key = keys::own(&t.a).unwrap().unwrap();
    let m = v.as_object_mut().unwrap();
    m.remove("signature");
    edit(m);
    let sig = keys::sign(&key, exchange::canonical(&v).as_bytes());
    v.as_object_mut().unwrap().insert("signature".into(), keys::hex(&sig).into());
    format!("{}\n", exchange::canonical(&v)).into_bytes()
}

#[test]
fn a_file_names_its_receiver_and_only_that_association_can_import_it() {
    let mut t = two_associations();
    let (_c_dir, mut c) = test_db();
    set_association(&mut c, "南山村老年协会");
    let to_c = fingerprint_of(&mut c);
    let file = export(&mut t.a, t.person_a, &to_c).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&file).unwrap();
    assert_eq!(v["receiver"].as_str().unwrap(), to_c.replace(' ', "").to_lowercase(), "the file names the receiver's fingerprint as 32 lowercase hex digits");

    let before = snapshot(&t.b);
    let p = exchange::preview(&t.b, &file, today()).unwrap();
    assert!(!p.addressed_here, "the preview says the file is for another association");
    assert_eq!(p.file.receiver, to_c, "and names it by its fingerprint as printed");
    let e = import(&mut t.b, &file, true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-not-for-us", "a file addressed to another association is refused");
    let en = e.localize(&Localizer::new(Lang::EnUs));
    assert!(en.contains("another association") && en.contains(&to_c), "the message says so and names the receiver: {en}");
    assert_eq!(snapshot(&t.b), before, "a file for another association changes nothing, not even its key is remembered");

    let r = import(&mut c, &file, true).unwrap();
    assert_eq!(r.file.hours, h("11.5"), "the association it is addressed to imports it");
}

#[test]
fn the_receiver_is_typed_as_assoc_key_prints_it_and_a_malformed_one_is_refused() {
    let mut t = two_associations();
    let before = snapshot(&t.a);
    for bad in ["", "1234", "ZZZZ 9C01 77B4 0E5D 1A2B 3C4D 5E6F 7081", "3F2A 9C01 77B4 0E5D 1A2B 3C4D 5E6F 7081 00"] {
        let e = export(&mut t.a, t.person_a, bad).unwrap_err();
        assert_eq!((e.field(), e.message_id()), (Some("to"), "error-exchange-receiver-invalid"), "{bad:?} is not a fingerprint");
    }
    assert_eq!(snapshot(&t.a), before, "a malformed receiver changes nothing");
    let own = fingerprint_of(&mut t.a);
    let before_own = snapshot(&t.a);
    let e = export(&mut t.a, t.person_a, &own).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-to-self", "a file cannot be addressed to the issuer itself");
    assert_eq!(snapshot(&t.a), before_own, "an export to the issuer itself changes nothing");
    // Lower case without spaces works as well as the printed form.
    let compact = t.to_b.replace(' ', "").to_lowercase();
    let file = export(&mut t.a, t.person_a, &compact).unwrap();
    import(&mut t.b, &file, true).unwrap();
}

#[test]
fn a_version_1_file_is_refused_saying_why() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    let old = resigned(&t, &file, |m| {
        m.remove("receiver");
        m.insert("version".into(), 1.into());
    });
    let before = snapshot(&t.b);
    let e = import(&mut t.b, &old, true).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-version-1", "a version-1 file (addressed to no one) is refused");
    let zh = e.localize(&Localizer::new(Lang::ZhCn));
    assert!(zh.contains("第 1 版") && zh.contains("重新导出"), "the message says why and what to do: {zh}");
    assert_eq!(snapshot(&t.b), before, "and nothing changes");
}

#[test]
fn the_import_is_bound_to_the_bytes_the_preview_showed() {
    let mut t = two_associations();
    let file = export(&mut t.a, t.person_a, &t.to_b).unwrap();
    let p = exchange::preview(&t.b, &file, today()).unwrap();
    assert_eq!(p.file.sha256, keys::sha256_hex(&file), "the preview returns the file's SHA-256");
    assert!(p.addressed_here, "the file is for B");
    // Between preview and import the file is swapped for another genuine one.
    let swapped = resigned(&t, &file, |m| {
        m.insert("file_id".into(), "ffeeddccbbaa99887766554433221100".into());
    });
    let before = snapshot(&t.b);
    let e = write(&mut t.b, |tx| exchange::import(tx, &actor(), &swapped, &p.file.sha256, true, today())).unwrap_err();
    assert_eq!(e.message_id(), "error-exchange-changed", "a file changed since the preview is refused");
    assert_eq!(snapshot(&t.b), before, "and nothing changes");
    let upper = p.file.sha256.to_uppercase();
    write(&mut t.b, |tx| exchange::import(tx, &actor(), &file, &upper, true, today())).expect("the previewed bytes import");
}

/// Writing the file and recording the export are one step for both front ends: the core writes
/// the file before it commits, so a file that cannot be written leaves the hours where they
/// were; into a folder, it names the file itself; and the secretary's typed path is read for an
/// import with quotes dropped and a clear message when it cannot be; the file goes through
/// `output::write` (never onto the database), and the import is bound to the previewed SHA-256.
#[test]
fn an_export_file_is_written_with_its_entry_or_not_at_all() {
    use huzhu::output::{Guard, Overwrite};
    use huzhu::time_bank::exchange_files::{self, ExportTarget};
    let mut t = two_associations();
    let guard = Guard::new(&common::db_path(&t._a_dir));
    let before = snapshot(&t.a);
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("no-such-folder").join("out.json");
    let e = exchange_files::export_file(&mut t.a, &actor(), t.person_a, &t.to_b, ExportTarget::File(&nowhere, Overwrite::No), &guard, today()).unwrap_err();
    assert_eq!(e.message_id(), "error-io", "a file that cannot be written is an error: {e:?}");
    assert_eq!(snapshot(&t.a), before, "and nothing is recorded: the hours stay");
    let onto_db = common::db_path(&t._a_dir);
    let e = exchange_files::export_file(&mut t.a, &actor(), t.person_a, &t.to_b, ExportTarget::File(&onto_db, Overwrite::Force), &guard, today()).unwrap_err();
    assert_eq!(e.message_id(), "error-output-protected", "an export never lands on the database, even forced");
    assert_eq!(snapshot(&t.a), before, "and nothing is recorded");

    let done = exchange_files::export_file(&mut t.a, &actor(), t.person_a, &t.to_b, ExportTarget::Folder(dir.path()), &guard, today()).unwrap();
    assert_eq!(bal(&t.a, t.person_a), 0, "the export is committed with its file");
    assert_eq!(done.hours.to_string(), "11.5");
    let name = format!("张秀英-{}-{}.huzhu-time.json", today(), &done.file_id[..6]);
    assert_eq!(std::path::Path::new(&done.path), dir.path().join(&name), "in a folder the core names the file");
    let found = exchange_files::files_in(dir.path());
    assert_eq!(found.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), [name.as_str()], "the folder offers the file for import");

    let quoted = format!("  \"{}\" ", done.path);
    let p = exchange_files::preview_file(&t.b, &quoted, today()).unwrap();
    assert_eq!(p.file.person_name, "张秀英", "a pasted path in quotes is read");
    let e = exchange_files::preview_file(&t.b, " ", today()).unwrap_err();
    assert_eq!((e.message_id(), e.field()), ("error-exchange-file-required", Some("file")));
    let e = exchange_files::preview_file(&t.b, &nowhere.display().to_string(), today()).unwrap_err();
    assert_eq!((e.message_id(), e.field()), ("error-input-unreadable", Some("file")), "a path that leads nowhere says so");
    let imported = write(&mut t.b, |tx| exchange_files::import_file(tx, &actor(), &done.path, &p.file.sha256, true, today())).unwrap();
    assert_eq!(imported.file.hours.to_string(), "11.5", "the file written is the file imported");
}
