//! The association's own signing key (ed25519) and the keys of other associations it has
//! accepted. The key is made on first need from the operating system's randomness and kept in
//! the database; its fingerprint is what secretaries read to each other over the phone before
//! accepting a file.

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::audit::{self, Actor};
use crate::error::{Error, Result, Unreadable};

/// Lowercase hex, the only spelling the exchange format accepts.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Strict lowercase hex of exactly `N` bytes; anything else (upper case, odd length) is `None`,
/// so no two spellings of one key or signature exist.
pub fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    let b = s.as_bytes();
    if b.len() != N * 2 {
        return None;
    }
    let val = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = (val(b[2 * i])? << 4) | val(b[2 * i + 1])?;
    }
    Some(out)
}

/// The fingerprint of a public key: the first 16 bytes of its SHA-256, as eight groups of four
/// upper-case hex digits ("3F2A 9C01 …"), easy to read aloud.
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    let digest = Sha256::digest(public_key);
    let h = hex(&digest[..16]).to_uppercase();
    h.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The fingerprint as the exchange file spells it: the same 16 bytes as 32 lowercase hex digits.
pub fn fingerprint_hex(public_key: &[u8; 32]) -> String {
    hex(&Sha256::digest(public_key)[..16])
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(b)
}

fn stored(conn: &Connection) -> Result<Option<SigningKey>> {
    let secret: Option<Vec<u8>> =
        conn.query_row("SELECT secret_key FROM association_key WHERE id = 1", [], |r| r.get(0)).optional()?;
    match secret {
        None => Ok(None),
        Some(s) => {
            // Never put key material into a message: say only what is wrong with it.
            let bytes = <[u8; 32]>::try_from(s.as_slice()).map_err(|_| Unreadable::new("association key", format!("{} bytes", s.len())))?;
            Ok(Some(SigningKey::from_bytes(&bytes)))
        }
    }
}

/// The association's signing key, made (and audited) on first need.
pub fn ensure(tx: &Transaction, actor: &Actor) -> Result<SigningKey> {
    if let Some(k) = stored(tx)? {
        return Ok(k);
    }
    let key = SigningKey::from_bytes(&random_bytes::<32>()?);
    let public = key.verifying_key().to_bytes();
    tx.execute(
        "INSERT INTO association_key (id, secret_key, public_key, created_at) VALUES (1, ?1, ?2, ?3)",
        params![key.to_bytes().to_vec(), public.to_vec(), audit::now_utc()],
    )?;
    audit::record(tx, actor, "create", "association_key", 1, None::<&()>, Some(&fingerprint(&public)))?;
    Ok(key)
}

/// This association's fingerprint as `huzhu assoc key` prints it, the key made on first need:
/// what the settings page and the time bank page show, to be read out to an association that
/// will send hours here.
pub fn own_fingerprint(tx: &Transaction, actor: &Actor) -> Result<String> {
    Ok(fingerprint(&ensure(tx, actor)?.verifying_key().to_bytes()))
}

/// The signing key if one exists yet (reads never create it).
pub fn own(conn: &Connection) -> Result<Option<SigningKey>> {
    stored(conn)
}

pub fn own_public(conn: &Connection) -> Result<Option<[u8; 32]>> {
    Ok(stored(conn)?.map(|k| k.verifying_key().to_bytes()))
}

pub fn sign(key: &SigningKey, message: &[u8]) -> [u8; 64] {
    key.sign(message).to_bytes()
}

/// Checks a signature strictly (no malleable or small-order forms).
pub fn verify(public_key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(vk) = VerifyingKey::from_bytes(public_key) else { return false };
    let sig = ed25519_dalek::Signature::from_bytes(signature);
    vk.verify_strict(message, &sig).is_ok()
}

/// Whether another association's key has been accepted here.
pub fn is_accepted(conn: &Connection, public_key: &[u8; 32]) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM accepted_key WHERE public_key = ?1)", [public_key.to_vec()], |r| r.get(0))?)
}

/// Remembers another association's key, after the secretary has checked its fingerprint.
pub fn accept(tx: &Transaction, actor: &Actor, public_key: &[u8; 32], association_name: &str) -> Result<()> {
    if is_accepted(tx, public_key)? {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO accepted_key (public_key, association_name, accepted_at, accepted_by) VALUES (?1, ?2, ?3, ?4)",
        params![public_key.to_vec(), association_name, audit::now_utc(), actor.name],
    )?;
    audit::record(tx, actor, "accept", "accepted_key", fingerprint(public_key), None::<&()>, Some(&association_name))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_strict_lowercase() {
        assert_eq!(hex(&[0, 0xab, 0xff]), "00abff");
        assert_eq!(unhex::<3>("00abff"), Some([0, 0xab, 0xff]));
        assert_eq!(unhex::<3>("00ABFF"), None, "upper case is a second spelling and refused");
        assert_eq!(unhex::<3>("00abf"), None);
        assert_eq!(unhex::<2>("00abff"), None);
        assert_eq!(unhex::<1>("g0"), None);
    }

    #[test]
    fn fingerprints_read_as_eight_groups_of_four() {
        let f = fingerprint(&[7u8; 32]);
        assert_eq!(f.len(), 8 * 4 + 7, "{f}");
        assert!(f.split(' ').all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())));
        assert_ne!(fingerprint(&[7u8; 32]), fingerprint(&[8u8; 32]));
    }

    #[test]
    fn a_key_is_made_once_and_signs_what_verifies() {
        let mut conn = crate::db::open_in_memory().unwrap();
        let actor = Actor::new("t");
        let tx = conn.transaction().unwrap();
        let k1 = ensure(&tx, &actor).unwrap();
        let k2 = ensure(&tx, &actor).unwrap();
        assert_eq!(k1.to_bytes(), k2.to_bytes(), "the key is made on first need only");
        let pk = k1.verifying_key().to_bytes();
        let sig = sign(&k1, b"hello");
        assert!(verify(&pk, b"hello", &sig));
        assert!(!verify(&pk, b"hellO", &sig), "a changed message must not verify");
        let mut bad = sig;
        bad[0] ^= 1;
        assert!(!verify(&pk, b"hello", &bad), "a changed signature must not verify");
    }
}
