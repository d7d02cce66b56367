//! The register list: search by name, pinyin, initials, number or phone, the filters, and
//! the in-memory index that keeps it fast.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::privacy::{mask_phone, phone_found};
use super::person::{CareLevel, Living, MemberNo, PersonId, Status};
use crate::calendar;
use crate::error::Result;
use crate::kernel::choice::choice;
use crate::kernel::Gender;
use crate::{id_card, names};

choice! {
    /// 60-69, 70-79, 80-89, 90+ (and the under-sixties, who are often volunteers: last in
    /// menus, as an association of elders looks for them least).
    AgeBand {
        From60To69 = "from60_to69" / "age-band-from-60-to-69" ["60-69"],
        From70To79 = "from70_to79" / "age-band-from-70-to-79" ["70-79"],
        From80To89 = "from80_to89" / "age-band-from-80-to-89" ["80-89"],
        From90 = "from90" / "age-band-from-90" ["90+", "90-"],
        Under60 = "under60" / "age-band-under-60" ["under_60", "<60", "0-59"],
    }
}

impl AgeBand {
    pub fn bounds(self) -> (u32, Option<u32>) {
        match self {
            AgeBand::Under60 => (0, Some(59)),
            AgeBand::From60To69 => (60, Some(69)),
            AgeBand::From70To79 => (70, Some(79)),
            AgeBand::From80To89 => (80, Some(89)),
            AgeBand::From90 => (90, None),
        }
    }
}

/// One line of the register list. ID numbers are masked and health notes left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonSummary {
    pub id: PersonId,
    pub member_no: MemberNo,
    pub is_member: bool,
    pub name: String,
    pub gender: Option<Gender>,
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    pub age: Option<u32>,
    pub id_card_masked: Option<String>,
    pub phone: String,
    pub village_group: String,
    pub living: Option<Living>,
    pub care_level: Option<CareLevel>,
    pub volunteer: bool,
    pub status: Status,
}

choice! {
    /// Which statuses a list shows. `Current` (the default) leaves out those who left or died.
    #[derive(Default)]
    StatusFilter {
        #[default]
        Current = "current" / "status-filter-current" [],
        All = "all" / "status-filter-all" [],
        Active = "active" / "status-active" ["在册", "正常"],
        Suspended = "suspended" / "status-suspended" ["暂停"],
        Left = "left" / "status-left" ["退会", "迁出"],
        Deceased = "deceased" / "status-deceased" ["已故", "去世"],
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct PersonFilter {
    /// name, pinyin, pinyin initials, register number or phone
    pub search: String,
    pub status: StatusFilter,
    pub village_group: Option<String>,
    pub living: Option<Living>,
    pub care_level: Option<CareLevel>,
    pub age_band: Option<AgeBand>,
    pub volunteers_only: bool,
    /// Members only, leaving out non-member volunteers (who pay no dues), before the limit.
    pub members_only: bool,
    /// at most this many rows (0 = no limit)
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonPage {
    pub rows: Vec<PersonSummary>,
    /// how many match, which may be more than `rows` holds
    pub total: u32,
}

/// One person as the search index holds them: the list row plus the keys it is found by.
#[derive(Debug, Clone)]
struct IndexEntry {
    row: PersonSummary,
    pinyin: String,
    initials: String,
    no_text: String,
    phone_digits: String,
    id_card: String,
    death_date: Option<NaiveDate>,
}

/// An ID number (lower case) is found by what the list shows of it — `id_card::mask` keeps the
/// first six and the last four characters — or by the whole number typed. Matching any run of
/// digits let a search, digit by digit, recover the hidden birth date and sequence number.
fn id_card_found(id: &str, q: &str) -> bool {
    if id.is_empty() || q.is_empty() {
        return false;
    }
    // A checked ID number is ASCII (15 or 18 characters), so byte ranges are characters.
    if id == q {
        return true;
    }
    if !id.is_ascii() || id.len() < 10 {
        return false;
    }
    id[..6].contains(q) || id[id.len() - 4..].contains(q)
}

impl IndexEntry {
    fn matches_text(&self, raw: &str, norm: &str, letters: bool, digits: bool) -> bool {
        if self.row.name.contains(raw) {
            return true;
        }
        if letters && (self.pinyin.contains(norm) || self.initials.starts_with(norm)) {
            return true;
        }
        if digits
            && (self.no_text == norm
                || self.phone_digits.split('\n').any(|p| phone_found(p, norm))
                || id_card_found(&self.id_card, norm))
        {
            return true;
        }
        false
    }

    fn age_on(&self, today: NaiveDate) -> Option<u32> {
        self.row.birth_date.map(|b| calendar::age(b, self.death_date.unwrap_or(today)))
    }
}

/// The register in memory, in pinyin order, for search-as-you-type. SQLite's LIKE over five
/// columns plus a sort took 10-40 ms per keystroke on 10,000 people (benches/search.rs); a scan
/// of prepared keys in memory takes well under the 5 ms budget. The index notices any write (on
/// this connection or another) and reloads itself, so it is never stale.
#[derive(Debug, Default)]
pub struct RegisterIndex {
    stamp: Option<(i64, u64)>,
    entries: Vec<IndexEntry>,
}

impl RegisterIndex {
    pub fn new() -> RegisterIndex {
        RegisterIndex::default()
    }

    fn stamp(conn: &Connection) -> Result<(i64, u64)> {
        let data_version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, conn.total_changes()))
    }

    fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let stamp = Self::stamp(conn)?;
        if self.stamp == Some(stamp) {
            return Ok(());
        }
        let mut stmt = conn.prepare(
            "SELECT id, member_no, is_member, name, gender, birth_date, id_card, phones, village_group,
                    living, care_level, volunteer, status, death_date, name_pinyin, name_initials
             FROM person ORDER BY name_sort, name, member_no",
        )?;
        self.entries = stmt
            .query_map([], |r| {
                let id_card: Option<String> = r.get(6)?;
                let phones: String = r.get(7)?;
                let no: i64 = r.get(1)?;
                Ok(IndexEntry {
                    no_text: no.to_string(),
                    row: PersonSummary {
                        id: PersonId(r.get(0)?),
                        member_no: MemberNo(no),
                        is_member: r.get(2)?,
                        name: r.get(3)?,
                        gender: r.get(4)?,
                        birth_date: r.get(5)?,
                        age: None,
                        id_card_masked: id_card.as_deref().map(id_card::mask),
                        phone: mask_phone(phones.split('\n').next().unwrap_or_default()),
                        village_group: r.get(8)?,
                        living: r.get(9)?,
                        care_level: r.get(10)?,
                        volunteer: r.get(11)?,
                        status: r.get(12)?,
                    },
                    death_date: r.get(13)?,
                    pinyin: r.get(14)?,
                    initials: r.get(15)?,
                    phone_digits: phones.chars().filter(|c| c.is_ascii_digit() || *c == '\n').collect(),
                    id_card: id_card.unwrap_or_default().to_ascii_lowercase(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        // Read the stamp again: the rows above are at least as new as it.
        self.stamp = Some(Self::stamp(conn)?);
        Ok(())
    }

    /// The register list: searched (name, pinyin, initials, number, phone, ID number), filtered
    /// and in pinyin order.
    pub fn search(&mut self, conn: &Connection, filter: &PersonFilter, today: NaiveDate) -> Result<PersonPage> {
        self.refresh(conn)?;
        let raw = filter.search.trim();
        let norm = names::normalise_query(raw);
        let letters = !norm.is_empty() && norm.chars().all(|c| c.is_ascii_alphabetic());
        // Digits, or an ID number ending in its check character x.
        let id_like = norm.strip_suffix('x').unwrap_or(&norm);
        let digits = !id_like.is_empty() && id_like.chars().all(|c| c.is_ascii_digit());
        let group = filter.village_group.as_deref().filter(|g| !g.is_empty());
        let band = filter.age_band.map(AgeBand::bounds);
        let limit = if filter.limit == 0 { usize::MAX } else { filter.limit as usize };
        let mut rows = Vec::new();
        let mut total = 0u32;
        for e in &self.entries {
            let r = &e.row;
            let status_ok = match filter.status {
                StatusFilter::Current => matches!(r.status, Status::Active | Status::Suspended),
                StatusFilter::All => true,
                StatusFilter::Active => r.status == Status::Active,
                StatusFilter::Suspended => r.status == Status::Suspended,
                StatusFilter::Left => r.status == Status::Left,
                StatusFilter::Deceased => r.status == Status::Deceased,
            };
            if !status_ok
                || (filter.volunteers_only && !r.volunteer)
                || (filter.members_only && !r.is_member)
                || group.is_some_and(|g| r.village_group != g)
                || filter.living.is_some_and(|l| r.living != Some(l))
                || filter.care_level.is_some_and(|c| r.care_level != Some(c))
            {
                continue;
            }
            // Age bands count full years today, even for the deceased (their age now).
            if let Some((lo, hi)) = band {
                match r.birth_date.map(|b| calendar::age(b, today)) {
                    Some(a) if a >= lo && hi.is_none_or(|h| a <= h) => {}
                    _ => continue,
                }
            }
            if !raw.is_empty() && !e.matches_text(raw, &norm, letters, digits) {
                continue;
            }
            total += 1;
            if rows.len() < limit {
                let mut row = r.clone();
                row.age = e.age_on(today);
                rows.push(row);
            }
        }
        Ok(PersonPage { rows, total })
    }
}

/// The register list, for one-off callers (the CLI). The app keeps a `RegisterIndex`.
pub fn list(conn: &Connection, filter: &PersonFilter, today: NaiveDate) -> Result<PersonPage> {
    RegisterIndex::new().search(conn, filter, today)
}

/// The village groups in use, for the filter.
pub fn groups(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT village_group FROM person WHERE village_group <> ''")?;
    let mut rows = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
    // "2组" before "10组": by the leading number when there is one, then by pinyin.
    rows.sort_by_cached_key(|g| {
        let digits: String = g.chars().take_while(|c| c.is_ascii_digit()).collect();
        (digits.parse::<u64>().unwrap_or(u64::MAX), names::keys(g).sort, g.clone())
    });
    Ok(rows)
}
