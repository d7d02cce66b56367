//! The association itself (name, village, township, county, secretary) and the app settings
//! kept with its data (language, text size).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Actor};
use crate::calendar::AgeCount;
use crate::error::{Result, Unreadable};
use crate::i18n::Lang;
use crate::kernel::choice::choice;
use crate::kernel::fields;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Association {
    pub name: String,
    pub village: String,
    pub township: String,
    pub county: String,
    /// Who keeps the books; recorded as the actor of writes until sign-in exists.
    pub secretary: String,
}

impl Association {
    fn checked(&self) -> Result<Association> {
        Ok(Association {
            name: fields::required("name", &self.name, 60, "error-association-name-required")?,
            village: fields::text("village", &self.village, 60)?,
            township: fields::text("township", &self.township, 60)?,
            county: fields::text("county", &self.county, 60)?,
            secretary: fields::text("secretary", &self.secretary, 60)?,
        })
    }
}

pub fn get(conn: &Connection) -> Result<Option<Association>> {
    Ok(conn
        .query_row("SELECT name, village, township, county, secretary FROM association WHERE id = 1", [], |r| {
            Ok(Association {
                name: r.get(0)?,
                village: r.get(1)?,
                township: r.get(2)?,
                county: r.get(3)?,
                secretary: r.get(4)?,
            })
        })
        .optional()?)
}

/// Creates or updates the association's details.
pub fn save(tx: &Transaction, actor: &Actor, input: &Association) -> Result<Association> {
    let a = input.checked()?;
    let before = get(tx)?;
    tx.execute(
        "INSERT INTO association (id, name, village, township, county, secretary, created_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = ?1, village = ?2, township = ?3, county = ?4, secretary = ?5",
        params![a.name, a.village, a.township, a.county, a.secretary, audit::now_utc()],
    )?;
    audit::record(tx, actor, if before.is_some() { "update" } else { "add" }, "association", 1, before.as_ref(), Some(&a))?;
    Ok(a)
}

/// Who writes are recorded as: the configured secretary, or a neutral word.
pub fn default_actor(conn: &Connection) -> Result<Actor> {
    let name = get(conn)?.map(|a| a.secretary).unwrap_or_default();
    Ok(Actor::new(name))
}

choice! {
    /// How large the app's text is, for eyes that need it larger.
    #[derive(Default)]
    TextSize {
        #[default]
        Normal = "normal" / "text-size-normal" [],
        Large = "large" / "text-size-large" [],
        ExtraLarge = "extra_large" / "text-size-extra-large" [],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Settings {
    pub lang: Lang,
    pub text_size: TextSize,
    /// How ages are counted for birthdays and gifts (周岁 unless the association chooses 虚岁).
    pub age_count: AgeCount,
}

pub fn settings(conn: &Connection) -> Result<Settings> {
    let mut stmt = conn.prepare("SELECT key, value FROM setting")?;
    let mut s = Settings::default();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (k, v) = row?;
        match k.as_str() {
            "lang" => s.lang = Lang::parse(&v).ok_or_else(|| Unreadable::new("setting lang", v.as_str()))?,
            "text_size" => s.text_size = TextSize::from_code(&v).ok_or_else(|| Unreadable::new("setting text_size", v.as_str()))?,
            "age_count" => s.age_count = AgeCount::from_code(&v).ok_or_else(|| Unreadable::new("setting age_count", v.as_str()))?,
            _ => {}
        }
    }
    Ok(s)
}

pub fn save_settings(tx: &Transaction, actor: &Actor, s: &Settings) -> Result<Settings> {
    let before = settings(tx)?;
    for (k, v) in [("lang", s.lang.tag()), ("text_size", s.text_size.code()), ("age_count", s.age_count.code())] {
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![k, v],
        )?;
    }
    audit::record(tx, actor, "update", "settings", 1, Some(&before), Some(s))?;
    Ok(*s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_an_unreadable_one_is_an_error_not_the_default() {
        let mut conn = crate::db::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        let s = Settings { lang: Lang::EnUs, text_size: TextSize::ExtraLarge, age_count: AgeCount::Nominal };
        save_settings(&tx, &Actor::new("test"), &s).unwrap();
        assert_eq!(settings(&tx).unwrap(), s, "settings read back as saved");
        tx.execute("UPDATE setting SET value = 'huge' WHERE key = 'text_size'", []).unwrap();
        let e = settings(&tx).unwrap_err();
        assert_eq!((e.code(), e.args()[1].1.as_str()), ("corrupt", "huge"), "an unknown text size is not quietly normal");
    }
}
