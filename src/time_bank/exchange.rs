//! Exchange between associations (通存通兑): a person's account leaves one association as a
//! signed file and is credited by another. The format is specified in docs/time-exchange.md so
//! other software can read and write it; in short: one JSON object in canonical form (RFC 8785
//! style: keys sorted, no spaces, integers only) followed by a line feed, with an ed25519
//! signature over the canonical form of the same object without its `signature` member.
//!
//! The file must be byte for byte its own canonical form. We could have accepted any JSON
//! layout and canonicalised it before checking the signature, but then a changed space or a
//! re-spelt escape would pass as "the same file"; requiring the exact bytes means any changed
//! byte is refused, which is what a secretary expects of a signed document.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::accounts::{balance, live};
use super::hours::{Hours, MAX_MOVE_HALF_HOURS};
use super::keys;
use super::ledger::{entries, post, EntryId, EntryKind, Holder, NewEntry, TimeEntry};
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::members::{self, MemberNo, PersonInput};
use crate::{association, id_card};

pub const FORMAT: &str = "huzhu-time-exchange";
/// Version 2 names the receiving association (`receiver`); version 1 files named none, so the
/// same file credited the same hours at every association that imported it, and are refused.
pub const VERSION: u64 = 2;
/// Files larger than this are not exchange files (a lifetime of entries is a few hundred KB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeFile {
    pub format: String,
    pub version: u64,
    /// 32 lowercase hex digits (16 random bytes).
    pub file_id: String,
    /// YYYY-MM-DD
    pub issued_on: String,
    pub issuer: Issuer,
    /// The receiving association's key fingerprint: 32 lowercase hex digits (the fingerprint
    /// `huzhu assoc key` prints, without spaces, in lower case).
    pub receiver: String,
    pub person: FilePerson,
    pub balance_half_hours: i64,
    pub entries: Vec<FileEntry>,
    /// 128 lowercase hex digits; absent from the signed form.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    pub name: String,
    /// 64 lowercase hex digits: the ed25519 public key.
    pub public_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilePerson {
    pub name: String,
    /// The 18-character resident ID number; how the receiving association finds the person.
    pub id_card: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub date: String,
    /// One of the entry kind codes (deposit, withdrawal, transfer_out…).
    pub kind: String,
    /// Signed: positive into the account, negative out of it. Never zero.
    pub half_hours: i64,
    /// The other person of a move, or "" (the pool, or none).
    pub counterparty: String,
    /// Kind of service, reason or witness, as recorded.
    pub note: String,
}

/// Writes `v` in canonical form: object members sorted by key (UTF-16 code units, as RFC 8785
/// says; our keys are ASCII, where that is plain byte order), no whitespace, strings escaped as
/// serde_json does (which matches RFC 8785), numbers as serde_json prints them (the format only
/// has integers).
pub fn canonical(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(':');
                if let Some(val) = map.get(k) {
                    write_canonical(val, out);
                }
            }
            out.push('}');
        }
    }
}

fn unreadable(detail: &str) -> Error {
    Error::invalid_with("file", "error-exchange-unreadable", vec![("detail", detail.to_string())])
}

/// What a file says once its signature and content are checked; nothing is written yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct VerifiedFile {
    pub file_id: String,
    #[ts(type = "string")]
    pub issued_on: NaiveDate,
    pub issuer_name: String,
    #[serde(skip)]
    #[ts(skip)]
    pub issuer_key: [u8; 32],
    pub fingerprint: String,
    pub person_name: String,
    pub id_card: String,
    pub hours: Hours,
    pub entries: usize,
    /// SHA-256 over the issuer key, the ID number and the entries: the same hours for the same
    /// person from the same issuer, whatever the file id.
    pub hours_sha256: String,
    /// The receiving association's fingerprint, as `huzhu assoc key` prints it.
    pub receiver: String,
    /// SHA-256 of the file's bytes (lowercase hex): the preview returns it and the import must
    /// be given it back, so a file changed after the secretary saw it is refused.
    pub sha256: String,
}

/// Reads and checks a file without touching any database: the exact canonical bytes, the
/// format and version, the signature, and the content (ID number, dates, kinds, the balance
/// equal to the sum of the entries). Never panics on any input.
pub fn inspect(bytes: &[u8], today: NaiveDate) -> Result<VerifiedFile> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(unreadable("too large"));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|_| unreadable("not JSON"))?;
    let Value::Object(map) = &value else { return Err(unreadable("not an object")) };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(unreadable("format"));
    }
    match map.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        // Signed and otherwise sound, but addressed to no one: it could be imported anywhere.
        Some(1) => return Err(Error::invalid("file", "error-exchange-version-1")),
        Some(v) => return Err(Error::invalid_with("file", "error-exchange-version", vec![("version", v.to_string())])),
        None => return Err(unreadable("version")),
    }
    let signature_text = map.get("signature").and_then(Value::as_str).ok_or_else(|| unreadable("signature"))?;
    let signature = keys::unhex::<64>(signature_text).ok_or_else(|| unreadable("signature"))?;
    let key_text = map
        .get("issuer")
        .and_then(|i| i.get("public_key"))
        .and_then(Value::as_str)
        .ok_or_else(|| unreadable("public_key"))?;
    let issuer_key = keys::unhex::<32>(key_text).ok_or_else(|| unreadable("public_key"))?;

    // Byte for byte canonical: any other spelling of the same content is a changed file.
    let whole = canonical(&value);
    if bytes != format!("{whole}\n").as_bytes() {
        return Err(Error::conflict("error-exchange-signature", vec![]));
    }
    let mut unsigned = map.clone();
    unsigned.remove("signature");
    let message = canonical(&Value::Object(unsigned));
    if !keys::verify(&issuer_key, message.as_bytes(), &signature) {
        return Err(Error::conflict("error-exchange-signature", vec![]));
    }

    let file: ExchangeFile = serde_json::from_value(value).map_err(|_| unreadable("fields"))?;
    if keys::unhex::<16>(&file.file_id).is_none() {
        return Err(unreadable("file_id"));
    }
    if keys::unhex::<16>(&file.receiver).is_none() {
        return Err(unreadable("receiver"));
    }
    let issued_on = NaiveDate::parse_from_str(&file.issued_on, "%Y-%m-%d").map_err(|_| unreadable("issued_on"))?;
    let name = file.person.name.trim();
    // A name from another association's file is held to the register's own rules: nothing
    // invisible that could make it look like someone else's.
    let visible = |n: &str| !n.chars().any(crate::kernel::fields::hidden);
    if name.is_empty()
        || name.chars().count() > 30
        || !visible(name)
        || file.issuer.name.trim().is_empty()
        || file.issuer.name.chars().count() > 60
        || !visible(&file.issuer.name)
    {
        return Err(unreadable("name"));
    }
    let card = id_card::parse(&file.person.id_card, today.max(issued_on)).map_err(|_| unreadable("id_card"))?;
    if card.number != file.person.id_card {
        return Err(unreadable("id_card"));
    }
    let mut sum: i64 = 0;
    for e in &file.entries {
        if NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").is_err()
            || EntryKind::from_code(&e.kind).is_none()
            || e.half_hours == 0
            || e.half_hours.unsigned_abs() > MAX_MOVE_HALF_HOURS as u64
        {
            return Err(unreadable("entries"));
        }
        sum = sum.checked_add(e.half_hours).ok_or_else(|| unreadable("entries"))?;
    }
    if file.balance_half_hours <= 0 || file.balance_half_hours > MAX_MOVE_HALF_HOURS {
        return Err(unreadable("balance"));
    }
    if sum != file.balance_half_hours {
        return Err(Error::conflict(
            "error-exchange-mismatch",
            vec![("balance", Hours(file.balance_half_hours).to_string()), ("sum", Hours(sum).to_string())],
        ));
    }
    let hours_sha256 = hours_digest(&issuer_key, &file.person.id_card, &file.entries)?;
    Ok(VerifiedFile {
        file_id: file.file_id,
        issued_on,
        issuer_name: file.issuer.name,
        issuer_key,
        fingerprint: keys::fingerprint(&issuer_key),
        receiver: grouped(&file.receiver),
        person_name: name.to_string(),
        id_card: file.person.id_card,
        hours: Hours(file.balance_half_hours),
        entries: file.entries.len(),
        hours_sha256,
        sha256: keys::sha256_hex(bytes),
    })
}

/// The fingerprint as `huzhu assoc key` prints it ("3F2A 9C01 …") from its 32 hex digits.
fn grouped(hex32: &str) -> String {
    hex32.to_uppercase().as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// A receiving association's fingerprint as a person types it (`huzhu time export --to`): as
/// `huzhu assoc key` prints it, spaces optional, any case. Returns the file's spelling (32
/// lowercase hex digits); anything else is refused, naming the field.
pub fn parse_receiver(field: &'static str, typed: &str) -> Result<String> {
    let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    if keys::unhex::<16>(&compact).is_none() {
        return Err(Error::invalid_with(field, "error-exchange-receiver-invalid", vec![("value", typed.trim().to_string())]));
    }
    Ok(compact)
}

fn hours_digest(issuer_key: &[u8; 32], id_card: &str, entries: &[FileEntry]) -> Result<String> {
    let v = serde_json::json!({
        "issuer_key": keys::hex(issuer_key),
        "id_card": id_card,
        "entries": serde_json::to_value(entries)?,
    });
    Ok(keys::sha256_hex(canonical(&v).as_bytes()))
}

fn file_entry(e: &TimeEntry) -> FileEntry {
    let party = |h: &Option<Holder>| match h {
        Some(Holder::Person { name, .. }) => name.clone(),
        _ => String::new(),
    };
    let note = [e.service_kind.as_str(), e.reason.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join("; ");
    FileEntry {
        date: e.date.to_string(),
        kind: e.kind.code().to_string(),
        half_hours: e.signed.half_hours(),
        counterparty: party(&e.counterparty),
        note,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Exported {
    pub file_id: String,
    pub person: MemberNo,
    pub name: String,
    pub hours: Hours,
    pub entry: EntryId,
    /// The file to write, exactly.
    #[serde(skip)]
    #[ts(skip)]
    pub bytes: Vec<u8>,
}

/// Exports a person's whole balance as a signed file and records an exchange_out entry that
/// brings the account to zero, so the hours cannot be spent twice. `exchange_files::export_file`
/// writes `bytes` to disk before committing, so a failed write leaves the account as it was.
/// `receiver` is the receiving association's fingerprint as typed (`parse_receiver`).
pub fn export(tx: &Transaction, actor: &Actor, no: MemberNo, receiver: &str, today: NaiveDate) -> Result<Exported> {
    let receiver = parse_receiver("to", receiver)?;
    let assoc = association::get(tx)?.filter(|a| !a.name.trim().is_empty())
        .ok_or_else(|| Error::conflict("error-exchange-no-association", vec![]))?;
    let person = members::get_by_no(tx, no, today)?;
    let holder = live(tx, "person", no, today)?;
    let Some(id_card) = person.id_card.clone().filter(|c| !c.is_empty()) else {
        return Err(Error::conflict("error-exchange-id-card-required", vec![("name", person.name)]));
    };
    let balance = balance(tx, no)?;
    if balance.half_hours() <= 0 {
        return Err(Error::conflict("error-exchange-nothing", vec![("name", person.name)]));
    }
    let key = keys::ensure(tx, actor)?;
    let public = key.verifying_key().to_bytes();
    if keys::fingerprint_hex(&public) == receiver {
        return Err(Error::invalid("to", "error-exchange-to-self"));
    }
    let file_id = keys::hex(&keys::random_bytes::<16>()?);
    let file = ExchangeFile {
        format: FORMAT.to_string(),
        version: VERSION,
        file_id: file_id.clone(),
        issued_on: today.to_string(),
        issuer: Issuer { name: assoc.name.clone(), public_key: keys::hex(&public) },
        receiver,
        person: FilePerson { name: person.name.clone(), id_card: id_card.clone() },
        balance_half_hours: balance.half_hours(),
        entries: entries(tx, no)?.iter().map(file_entry).collect(),
        signature: String::new(),
    };
    let mut value = serde_json::to_value(&file)?;
    let signature = keys::sign(&key, canonical(&value).as_bytes());
    if let Value::Object(m) = &mut value {
        m.insert("signature".into(), Value::String(keys::hex(&signature)));
    }
    let bytes = format!("{}\n", canonical(&value)).into_bytes();
    let hours_sha256 = hours_digest(&public, &id_card, &file.entries)?;

    let source = format!("exchange-out:{file_id}");
    let mut e = NewEntry::new(holder.account, EntryKind::ExchangeOut, -1, balance, today);
    e.source = Some(&source);
    let entry = post(tx, actor, &e)?;
    let row = ExchangeRow { file_id: &file_id, issuer_key: &public, issuer_name: &assoc.name, person: holder.id.0, hours: balance, entry, hours_sha256: &hours_sha256 };
    record_exchange(tx, actor, "out", &row)?;
    let out = Exported { file_id, person: no, name: person.name, hours: balance, entry, bytes };
    audit::record(tx, actor, "export", "time_exchange", &out.file_id, None::<&()>, Some(&out))?;
    Ok(out)
}

/// A file that left or arrived, as `time_exchange` keeps it: who issued it, whose hours, how
/// many, the ledger entry that moved them and the digest that recognises the same hours again.
struct ExchangeRow<'a> {
    file_id: &'a str,
    issuer_key: &'a [u8; 32],
    issuer_name: &'a str,
    person: i64,
    hours: Hours,
    entry: EntryId,
    hours_sha256: &'a str,
}

/// Records a file that left (`out`) or arrived (`in`).
fn record_exchange(tx: &Transaction, actor: &Actor, direction: &str, r: &ExchangeRow) -> Result<()> {
    tx.execute(
        "INSERT INTO time_exchange (file_id, direction, issuer_key, issuer_name, person_id, half_hours, entry_id,
            hours_sha256, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            r.file_id,
            direction,
            r.issuer_key.to_vec(),
            r.issuer_name,
            r.person,
            r.hours.half_hours(),
            r.entry.0,
            r.hours_sha256,
            audit::now_utc(),
            actor.name
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Imported {
    pub file: VerifiedFile,
    pub person: MemberNo,
    pub name: String,
    /// true when the person was not in the register and was added as a non-member
    pub created: bool,
    pub key_accepted: bool,
    pub entry: EntryId,
}

/// Imports a file: refuses bytes whose SHA-256 is not `expected_sha256` (the one the preview
/// showed: the file changed since), checks it (`inspect`), refuses our own files, files
/// addressed to another association, files from a key not yet accepted (unless `accept_key`,
/// which then remembers it; a refused import remembers nothing), a file already imported, and
/// hours this person already received; finds the person by ID number or adds them as a
/// non-member; credits the balance as exchange_in. On any refusal nothing is written.
pub fn import(
    tx: &Transaction,
    actor: &Actor,
    bytes: &[u8],
    expected_sha256: &str,
    accept_key: bool,
    today: NaiveDate,
) -> Result<Imported> {
    if !keys::sha256_hex(bytes).eq_ignore_ascii_case(expected_sha256.trim()) {
        return Err(Error::conflict("error-exchange-changed", vec![]));
    }
    let file = inspect(bytes, today)?;
    let own = keys::own_public(tx)?;
    if own == Some(file.issuer_key) {
        return Err(Error::conflict("error-exchange-own-file", vec![]));
    }
    if !addressed_here(own, &file) {
        return Err(Error::conflict("error-exchange-not-for-us", vec![("receiver", file.receiver.clone()), ("issuer", file.issuer_name.clone())]));
    }
    let mut key_accepted = false;
    if !keys::is_accepted(tx, &file.issuer_key)? {
        if !accept_key {
            return Err(Error::conflict(
                "error-exchange-unknown-key",
                vec![("issuer", file.issuer_name.clone()), ("fingerprint", file.fingerprint.clone())],
            ));
        }
        keys::accept(tx, actor, &file.issuer_key, &file.issuer_name)?;
        key_accepted = true;
    }
    let at: Option<String> = tx
        .query_row("SELECT recorded_at FROM time_exchange WHERE file_id = ?1", [&file.file_id], |r| r.get(0))
        .optional()?;
    if let Some(at) = at {
        return Err(Error::conflict(
            "error-exchange-already-imported",
            vec![("file", file.file_id.clone()), ("at", at.get(..10).unwrap_or(&at).to_string())],
        ));
    }
    let existing: Option<i64> =
        tx.query_row("SELECT member_no FROM person WHERE id_card = ?1", [&file.id_card], |r| r.get(0)).optional()?;
    let same_hours: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM time_exchange WHERE direction = 'in' AND hours_sha256 = ?1)",
        [&file.hours_sha256],
        |r| r.get(0),
    )?;
    if same_hours {
        return Err(Error::conflict(
            "error-exchange-person-has-hours",
            vec![("name", file.person_name.clone()), ("issuer", file.issuer_name.clone())],
        ));
    }
    let (no, created) = match existing {
        Some(no) => (MemberNo(no), false),
        None => {
            let input = PersonInput { name: file.person_name.clone(), id_card: file.id_card.clone(), is_member: false, ..Default::default() };
            (members::add(tx, actor, &input, today)?.member_no, true)
        }
    };
    let holder = live(tx, "person", no, today).map_err(|e| match e {
        Error::Conflict { id: "error-time-holder-deceased", .. } => {
            Error::conflict("error-exchange-person-deceased", vec![("name", file.person_name.clone()), ("no", no.to_string())])
        }
        other => other,
    })?;
    let source = format!("exchange-in:{}", file.file_id);
    let mut e = NewEntry::new(holder.account, EntryKind::ExchangeIn, 1, file.hours, today);
    e.reason = &file.issuer_name;
    e.source = Some(&source);
    let entry = post(tx, actor, &e)?;
    let row = ExchangeRow {
        file_id: &file.file_id,
        issuer_key: &file.issuer_key,
        issuer_name: &file.issuer_name,
        person: holder.id.0,
        hours: file.hours,
        entry,
        hours_sha256: &file.hours_sha256,
    };
    record_exchange(tx, actor, "in", &row)?;
    let out = Imported { file, person: no, name: holder.name, created, key_accepted, entry };
    audit::record(tx, actor, "import", "time_exchange", &out.file.file_id, None::<&()>, Some(&out))?;
    Ok(out)
}

/// What the import screen shows before the secretary decides: the checked file, whether its
/// key is already accepted here, and what importing would run into. Writes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub file: VerifiedFile,
    pub key_accepted: bool,
    /// A file this association issued itself (it cannot be imported here).
    pub own_file: bool,
    pub already_imported: bool,
    /// The file names this association as its receiver (else it cannot be imported here).
    pub addressed_here: bool,
    /// The person in this register with the file's ID number, if any (else one is added).
    pub person: Option<MemberNo>,
    pub person_name: Option<String>,
}

/// Checks a file (`inspect`) and looks up what it would meet in this database.
pub fn preview(conn: &Connection, bytes: &[u8], today: NaiveDate) -> Result<ImportPreview> {
    let file = inspect(bytes, today)?;
    let found: Option<(i64, String)> = conn
        .query_row("SELECT member_no, name FROM person WHERE id_card = ?1", [&file.id_card], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let own = keys::own_public(conn)?;
    Ok(ImportPreview {
        key_accepted: keys::is_accepted(conn, &file.issuer_key)?,
        own_file: own == Some(file.issuer_key),
        addressed_here: addressed_here(own, &file),
        already_imported: conn.query_row("SELECT EXISTS (SELECT 1 FROM time_exchange WHERE file_id = ?1)", [&file.file_id], |r| r.get(0))?,
        person: found.as_ref().map(|(no, _)| MemberNo(*no)),
        person_name: found.map(|(_, name)| name),
        file,
    })
}

/// Whether the file's receiver is this association's key. An association without a key yet
/// cannot have given anyone its fingerprint.
fn addressed_here(own: Option<[u8; 32]>, file: &VerifiedFile) -> bool {
    own.is_some_and(|k| keys::fingerprint(&k) == file.receiver)
}

/// How many exchange files were recorded (for tests that check nothing changed).
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM time_exchange", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_sorts_keys_and_drops_whitespace() {
        let v: Value = serde_json::from_str(r#"{ "b": [1, "x\n"], "a": {"d": true, "c": null}, "é": "中" }"#).unwrap();
        assert_eq!(canonical(&v), r#"{"a":{"c":null,"d":true},"b":[1,"x\n"],"é":"中"}"#);
    }

    #[test]
    fn garbage_is_refused_without_panicking() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        for bytes in [&b""[..], b"{", b"[]", b"null", b"{\"format\":\"huzhu-time-exchange\",\"version\":3}\n", b"\xff\xfe"] {
            assert!(inspect(bytes, today).is_err(), "{bytes:?} must be refused");
        }
        let e = inspect(b"{\"format\":\"huzhu-time-exchange\",\"version\":3}\n", today).unwrap_err();
        assert_eq!(e.message_id(), "error-exchange-version", "a newer version is named as such");
        let e = inspect(b"{\"format\":\"huzhu-time-exchange\",\"version\":1}\n", today).unwrap_err();
        assert_eq!(e.message_id(), "error-exchange-version-1", "a version-1 file is refused saying why");
    }

    #[test]
    fn a_receiver_is_typed_as_assoc_key_prints_it_spaces_optional_any_case() {
        let want = "3f2a9c0177b40e5d1a2b3c4d5e6f7081".to_string();
        for typed in ["3F2A 9C01 77B4 0E5D 1A2B 3C4D 5E6F 7081", "3f2a9c0177b40e5d1a2b3c4d5e6f7081", " 3F2A9C01 77b4 0e5d1A2B3C4D5E6F7081 "] {
            assert_eq!(parse_receiver("to", typed).unwrap(), want, "{typed:?} is a fingerprint");
        }
        for typed in ["", "3F2A 9C01", "3F2A 9C01 77B4 0E5D 1A2B 3C4D 5E6F 708G", "3F2A 9C01 77B4 0E5D 1A2B 3C4D 5E6F 70811"] {
            let e = parse_receiver("to", typed).unwrap_err();
            assert_eq!((e.field(), e.message_id()), (Some("to"), "error-exchange-receiver-invalid"), "{typed:?} is refused");
        }
    }
}
