//! The kinds of help each volunteer offers. A volunteer with no list offers every kind; the
//! secretary narrows it for someone who, say, only gives haircuts.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, Transaction};

use super::kinds;
use crate::audit::{self, Actor};
use crate::error::Result;
use crate::members::{self, MemberNo};

/// The narrowed lists, by person row id (those offering every kind are left out).
pub fn all(conn: &Connection) -> Result<BTreeMap<i64, Vec<String>>> {
    let mut stmt = conn.prepare_cached("SELECT person_id, kind FROM volunteer_request_kind ORDER BY person_id, kind")?;
    let mut out: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (p, k) = row?;
        out.entry(p).or_default().push(k);
    }
    Ok(out)
}

/// The kinds one volunteer offers; None: every kind.
pub fn of(conn: &Connection, no: MemberNo) -> Result<Option<Vec<String>>> {
    let pid = members::id_of(conn, no)?;
    Ok(all(conn)?.remove(&pid.0))
}

/// Sets the kinds a volunteer offers, as typed or picked (codes or labels); None: every kind.
pub fn set(tx: &Transaction, actor: &Actor, no: MemberNo, offered: Option<&[String]>) -> Result<Option<Vec<String>>> {
    let pid = members::id_of(tx, no)?;
    let before = of(tx, no)?;
    let codes = match offered {
        None | Some([]) => None,
        Some(list) => Some(list.iter().map(|k| kinds::resolve(tx, "kinds", k)).collect::<Result<Vec<_>>>()?),
    };
    tx.execute("DELETE FROM volunteer_request_kind WHERE person_id = ?1", [pid.0])?;
    for k in codes.iter().flatten() {
        tx.execute("INSERT OR IGNORE INTO volunteer_request_kind (person_id, kind) VALUES (?1, ?2)", params![pid.0, k])?;
    }
    let after = of(tx, no)?;
    audit::record(tx, actor, "set", "volunteer_request_kind", no, Some(&before), Some(&after))?;
    Ok(after)
}
