//! The yearly cap on deposited hours per person; hours beyond it go to the common pool.

use rusqlite::{Connection, OptionalExtension, Transaction};

use super::hours::Hours;
use crate::audit::{self, Actor};
use crate::error::{Error, Result, Unreadable};

/// The yearly cap on deposited hours per person (hours beyond it go to the pool), if set.
pub fn yearly_cap(conn: &Connection) -> Result<Option<Hours>> {
    let v: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = 'time_yearly_cap_half_hours'", [], |r| r.get(0))
        .optional()?;
    match v {
        None => Ok(None),
        // Only a positive count is ever written (set_yearly_cap); anything else is damaged.
        Some(s) => match s.parse::<i64>() {
            Ok(n) if n > 0 => Ok(Some(Hours(n))),
            _ => Err(Unreadable::new("setting time_yearly_cap_half_hours", s).into()),
        },
    }
}

/// Sets or clears (`None`) the yearly cap.
pub fn set_yearly_cap(tx: &Transaction, actor: &Actor, cap: Option<Hours>) -> Result<Option<Hours>> {
    if let Some(c) = cap {
        if c.0 <= 0 || c.0 > 2 * 24 * 366 {
            return Err(Error::invalid_with("cap", "error-time-cap-invalid", vec![("value", c.to_string())]));
        }
    }
    let before = yearly_cap(tx)?;
    match cap {
        Some(c) => tx.execute(
            "INSERT INTO setting (key, value) VALUES ('time_yearly_cap_half_hours', ?1)
             ON CONFLICT (key) DO UPDATE SET value = ?1",
            [c.0.to_string()],
        )?,
        None => tx.execute("DELETE FROM setting WHERE key = 'time_yearly_cap_half_hours'", [])?,
    };
    audit::record(tx, actor, "update", "time_yearly_cap", 1, Some(&before), Some(&cap))?;
    Ok(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_reads_back_and_an_unreadable_one_is_an_error_not_no_cap() {
        let mut conn = crate::db::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        assert_eq!(yearly_cap(&tx).unwrap(), None);
        set_yearly_cap(&tx, &Actor::new("test"), Some(Hours(40))).unwrap();
        assert_eq!(yearly_cap(&tx).unwrap(), Some(Hours(40)));
        tx.execute("UPDATE setting SET value = 'twenty' WHERE key = 'time_yearly_cap_half_hours'", []).unwrap();
        assert_eq!(yearly_cap(&tx).unwrap_err().code(), "corrupt", "an unreadable cap does not lift the cap");
    }
}
