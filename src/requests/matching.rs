//! Who can take a request for help: a pure function (`propose`) from the request and the
//! volunteers (their availability, absences, the times they are taken, their training, the kinds
//! they offer, their load this month) to the proposals in order, each with its reason; and the
//! reads that build its input from the database. The rules about time are the rota's own
//! (`rota::generator::block_time`, with the rota's rest between two services), so a volunteer
//! is never proposed for a request that clashes with their shift.
//!
//! Order: those able first — nearest village group first (the same group, then groups whose
//! numbers are closer: 2组 is next to 1组 and 3组), then the lowest load this month (rota shifts
//! and requests), then the register number — and then those who cannot, each with why.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::help::{self, HelpRequest, RequestId, RequestState};
use super::offers;
use crate::audit::{self, Actor};
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::kernel::Month;
use crate::members::{self, MemberNo};
use crate::rota::generator::{self, Block, Volunteer};
use crate::rota::{self, DEFAULT_REST_HOURS};
use crate::standards::{self, ServiceScope};

/// The request as the matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub night: bool,
    pub kind: String,
    /// The recipient's village group.
    pub group: String,
    pub training: Option<String>,
    /// The recipient (never proposed to serve themself).
    pub recipient: i64,
}

/// A volunteer as the matching sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub volunteer: Volunteer,
    /// The register number (the last tie-break, and what the screen shows).
    pub no: i64,
    /// The request kinds they offer; None: every kind.
    pub kinds: Option<Vec<String>>,
    /// The times they are already taken (rota shifts, other requests).
    pub busy: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// Services this month (rota shifts and requests).
    pub load: u32,
}

/// Why someone cannot take the request, in the order the rules are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Unable {
    Recipient,
    Kind,
    Untrained,
    Weekday,
    DayNight,
    Away,
    Busy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// May take it: how far their group is from the recipient's (0: the same) and their load.
    Able { distance: u32, load: u32 },
    Unable(Unable),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub person: i64,
    pub no: i64,
    pub fit: Fit,
}

/// Distance between two village groups: 0 for the same, the difference of their numbers when
/// both have one (1组 and 3组: 2), else `FAR` (a group we cannot place).
pub const FAR: u32 = 1000;

pub fn distance(a: &str, b: &str) -> u32 {
    if a.trim() == b.trim() && !a.trim().is_empty() {
        return 0;
    }
    let num = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>().parse::<u32>().ok();
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x.abs_diff(y).min(FAR - 1),
        _ => FAR,
    }
}

/// The first rule that keeps an offer off the need.
pub fn unable(o: &Offer, need: &Need, rest_minutes: i64) -> Option<Unable> {
    if o.volunteer.id == need.recipient {
        return Some(Unable::Recipient);
    }
    if o.kinds.as_ref().is_some_and(|k| !k.contains(&need.kind)) {
        return Some(Unable::Kind);
    }
    if !generator::trained(&o.volunteer, need.training.as_deref()) {
        return Some(Unable::Untrained);
    }
    generator::block_time(&o.volunteer, (need.start, need.end), need.night, &o.busy, rest_minutes, || false).map(|b| match b {
        Block::Weekday => Unable::Weekday,
        Block::DayNight => Unable::DayNight,
        Block::Away => Unable::Away,
        // block_time gives only these, and Busy (its monthly limit is never asked for here).
        _ => Unable::Busy,
    })
}

/// Every offer as a proposal, in order (see the module's doc). The same input in any order
/// gives the same proposals.
pub fn propose(need: &Need, offers: &[Offer], rest_minutes: i64) -> Vec<Proposal> {
    let mut out: Vec<Proposal> = offers
        .iter()
        .map(|o| Proposal {
            person: o.volunteer.id,
            no: o.no,
            fit: match unable(o, need, rest_minutes) {
                Some(u) => Fit::Unable(u),
                None => Fit::Able { distance: distance(&o.volunteer.group, &need.group), load: o.load },
            },
        })
        .collect();
    out.sort_by_key(|p| match p.fit {
        Fit::Able { distance, load } => (0, distance, load, Unable::Recipient, p.no, p.person),
        Fit::Unable(u) => (1, 0, 0, u, p.no, p.person),
    });
    out.dedup_by_key(|p| p.person);
    out
}

/// A volunteer as a choice for a request, in the shape `request candidates --json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestCandidate {
    pub no: MemberNo,
    pub name: String,
    pub able: bool,
    /// Why they come where they do, or why they cannot, in words.
    pub reason: String,
}

/// The matching's input for a request, read from the database: the rota's volunteers for the
/// request's month (with their absences, training and shifts), the kinds each offers, their
/// other requests.
pub fn load(conn: &Connection, r: &HelpRequest, today: NaiveDate) -> Result<(Need, Vec<Offer>)> {
    let (start, end, night) = r.window(today)?;
    let month = Month::of(start.date());
    let (input, _) = rota::load_input(conn, month)?;
    let training = standards::required_trainings(conn, ServiceScope::Request)?.remove(&r.kind);
    let recipient = members::id_of(conn, r.recipient)?.0;
    let need = Need { start, end, night, kind: r.kind.clone(), group: r.village_group.clone(), training, recipient };
    let offered = offers::all(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT volunteer_id, id, state, date, from_time, to_time, taken_on FROM help_request
         WHERE volunteer_id IS NOT NULL AND state IN ('assigned', 'done') AND id <> ?1",
    )?;
    let mut busy: BTreeMap<i64, Vec<(NaiveDateTime, NaiveDateTime)>> = BTreeMap::new();
    let mut load: BTreeMap<i64, u32> = BTreeMap::new();
    let others = stmt
        .query_map([r.id.0], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, RequestState>(2)?, row.get::<_, Option<NaiveDate>>(3)?, row.get::<_, Option<String>>(4)?, row.get::<_, Option<String>>(5)?, row.get::<_, NaiveDate>(6)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (p, state, date, from, to, taken) in others {
        let day = date.unwrap_or(taken);
        if Month::of(day) == month {
            *load.entry(p).or_default() += 1;
        }
        // Only an assigned request with hours holds its volunteer's time.
        if let (RequestState::Assigned, Some(d), Some(a), Some(b)) = (state, date, from, to) {
            let (a, b) = (rota::parse_time("from", &a)?, rota::parse_time("to", &b)?);
            busy.entry(p).or_default().push(rota::interval(d, a, b));
        }
    }
    let nos: BTreeMap<i64, i64> = conn.prepare_cached("SELECT id, member_no FROM person")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for v in input.volunteers {
        let mine: Vec<_> = input.kept.iter().filter(|k| k.person == v.id).collect();
        let mut b: Vec<_> = mine.iter().map(|k| (k.start, k.end)).collect();
        b.extend(busy.remove(&v.id).unwrap_or_default());
        let shifts = mine.iter().filter(|k| k.in_month).count() as u32;
        out.push(Offer {
            no: nos.get(&v.id).copied().unwrap_or(0),
            kinds: offered.get(&v.id).cloned(),
            busy: b,
            load: shifts + load.get(&v.id).copied().unwrap_or(0),
            volunteer: v,
        });
    }
    Ok((need, out))
}

fn why_able(distance: u32, load: u32, group: &str, need: &Need, l10n: &Localizer) -> String {
    let near = match distance {
        0 => "same",
        FAR => "other",
        _ => "near",
    };
    l10n.format(
        "request-why-able",
        &[
            ("near", near.into()),
            ("group", if group.is_empty() { "—".into() } else { group.to_string() }),
            ("distance", distance.to_string()),
            ("load", load.to_string()),
            ("trained", if need.training.is_some() { "yes" } else { "no" }.into()),
            ("topic", need.training.clone().unwrap_or_default()),
        ],
    )
}

/// The error that says why `name` cannot take the request (also the reason a proposal shows).
pub fn error_for(u: Unable, name: &str, need: &Need, kind_label: &str) -> Error {
    let n = ("name", name.to_string());
    match u {
        Unable::Recipient => Error::conflict("error-request-cannot-self", vec![n]),
        Unable::Kind => Error::conflict("error-request-cannot-kind", vec![n, ("kind", kind_label.to_string())]),
        Unable::Untrained => Error::conflict("error-request-cannot-training", vec![n, ("topic", need.training.clone().unwrap_or_default())]),
        Unable::Weekday => Error::conflict("error-rota-cannot-weekday", vec![n, ("weekday", generator::weekday_code(need.start.date()).into())]),
        Unable::DayNight => Error::conflict("error-rota-cannot-shift", vec![n, ("shift", if need.night { "night" } else { "day" }.into())]),
        Unable::Away => Error::conflict("error-rota-cannot-away", vec![n, ("date", need.start.date().to_string())]),
        Unable::Busy => Error::conflict("error-request-cannot-busy", vec![n]),
    }
}

/// The proposals for a request, those able first, each with its reason in words.
pub fn candidates(conn: &Connection, r: &HelpRequest, l10n: &Localizer, today: NaiveDate) -> Result<Vec<RequestCandidate>> {
    let (need, offers) = load(conn, r, today)?;
    let by_id: BTreeMap<i64, &Offer> = offers.iter().map(|o| (o.volunteer.id, o)).collect();
    Ok(propose(&need, &offers, DEFAULT_REST_HOURS * 60)
        .into_iter()
        .filter(|p| p.fit != Fit::Unable(Unable::Recipient))
        .filter_map(|p| {
            let o = by_id.get(&p.person)?;
            let name = o.volunteer.name.clone();
            Some(match p.fit {
                Fit::Able { distance, load } => RequestCandidate { no: MemberNo(p.no), able: true, reason: why_able(distance, load, &o.volunteer.group, &need, l10n), name },
                Fit::Unable(u) => RequestCandidate { no: MemberNo(p.no), able: false, reason: error_for(u, &name, &need, &r.kind_label).localize(l10n), name },
            })
        })
        .collect())
}

/// Gives the request to a volunteer (or to another one), after checking, by the same rules as
/// the proposals, that they can take it.
pub fn assign(tx: &Transaction, actor: &Actor, id: RequestId, no: MemberNo, l10n: &Localizer, today: NaiveDate) -> Result<HelpRequest> {
    let before = help::get(tx, id, l10n, today)?;
    help::pending(&before)?;
    if before.volunteer == Some(no) {
        return Err(Error::conflict("error-request-already-assigned", vec![("id", id.to_string()), ("name", before.volunteer_name.clone())]));
    }
    let pid = check_able(tx, &before, no, today)?;
    tx.execute("UPDATE help_request SET state = 'assigned', volunteer_id = ?2 WHERE id = ?1", params![id.0, pid])?;
    let after = help::get(tx, id, l10n, today)?;
    audit::record(tx, actor, "assign", "help_request", id, Some(&before), Some(&after))?;
    Ok(after)
}

/// Checks that `no` can take the request (a volunteer with availability, and no rule against
/// it); returns their person row id.
fn check_able(conn: &Connection, r: &HelpRequest, no: MemberNo, today: NaiveDate) -> Result<i64> {
    let pid = members::id_of(conn, no)?.0;
    let (need, offers) = load(conn, r, today)?;
    let Some(o) = offers.iter().find(|o| o.volunteer.id == pid) else {
        let name: String = conn.query_row("SELECT name FROM person WHERE id = ?1", [pid], |r| r.get(0))?;
        return Err(Error::conflict("error-rota-not-volunteer", vec![("no", no.to_string()), ("name", name)]));
    };
    if let Some(u) = unable(o, &need, DEFAULT_REST_HOURS * 60) {
        return Err(error_for(u, &o.volunteer.name, &need, &r.kind_label));
    }
    Ok(pid)
}
