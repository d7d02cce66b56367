//! `huzhu volunteer|care|pair|rota|visit …`: care rotas.

use clap::Subcommand;
use huzhu::i18n::Localizer;
use huzhu::members::{MemberNo, Phones};
use huzhu::kernel::Month;
use huzhu::rota::{
    self, print::RosterOptions, CaseInput, ContactInput, DutyKind, OutcomeInput, PairingInput, RotaSlotId, ShiftInput, ShiftOutcomeKind,
    VolunteerAvailabilityInput, Weekdays,
};
use huzhu::{Error, Result};

use super::{bad_choice, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum VolunteerCommand {
    /// Set what a volunteer can do (unset options keep their value; new volunteers: all kinds,
    /// every day, day shifts only, no limit) and add planned absences
    Set {
        no: i64,
        /// care,visit,hall
        #[arg(long)]
        kinds: Option<String>,
        /// Weekdays 1 = Monday … 7 = Sunday: 1,2,3 or 1-5
        #[arg(long)]
        days: Option<String>,
        /// day,night
        #[arg(long)]
        shifts: Option<String>,
        /// Most shifts in a month (0 = none; "none" removes the limit)
        #[arg(long = "max-shifts")]
        max_shifts: Option<String>,
        /// An absence YYYY-MM-DD..YYYY-MM-DD (may be given more than once)
        #[arg(long)]
        away: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a volunteer's availability
    Show { no: i64 },
}

#[derive(Subcommand)]
pub enum CareCommand {
    /// Add a care case; prints its id
    Add {
        #[arg(long)]
        recipient: i64,
        /// care | visit | hall
        #[arg(long)]
        kind: String,
        /// YYYY-MM-DD
        #[arg(long)]
        from: String,
        #[arg(long)]
        until: Option<String>,
        /// NAME@HH:MM-HH:MM[xN], e.g. 白班@08:00-20:00 or 夜班@20:00-08:00x2 (repeatable)
        #[arg(long)]
        shift: Vec<String>,
        /// Weekdays 1..7 (default: every day)
        #[arg(long)]
        days: Option<String>,
        /// Every K days from --from (default 1)
        #[arg(long = "every-days", default_value_t = 1)]
        every_days: u32,
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "")]
        medicines: String,
        /// Family to call
        #[arg(long, default_value = "")]
        family: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// List care cases
    List {
        #[arg(long)]
        json: bool,
        /// Phone numbers whole (chair or secretary; recorded)
        #[arg(long)]
        full: bool,
    },
}

#[derive(Subcommand)]
pub enum PairCommand {
    /// Pair a volunteer with an elder (老伙伴结对)
    Add {
        #[arg(long)]
        volunteer: i64,
        #[arg(long)]
        elder: i64,
        #[arg(long = "every-days", default_value_t = 7)]
        every_days: u32,
        /// First visit, YYYY-MM-DD (default: today)
        #[arg(long)]
        from: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum RotaCommand {
    /// Fill the month (keeps locked, hand-made and recorded assignments); prints unfilled slots
    Generate {
        #[arg(long)]
        month: String,
        #[arg(long)]
        json: bool,
    },
    /// Every slot of the month with the people on it
    List {
        #[arg(long)]
        month: String,
        #[arg(long)]
        json: bool,
        /// Phone numbers whole (chair or secretary; recorded)
        #[arg(long)]
        full: bool,
    },
    /// The monthly roster as a PDF (A4 landscape; --a3 for the wall)
    Pdf {
        #[arg(long)]
        month: String,
        #[command(flatten)]
        out: Out,
        #[arg(long)]
        large: bool,
        #[arg(long)]
        a3: bool,
        /// Print whole phone numbers, so the door sheet's can be rung (masked by default;
        /// chair or secretary; recorded)
        #[arg(long)]
        full_phones: bool,
    },
    /// Per-volunteer slips to cut out
    Slips {
        #[arg(long)]
        month: String,
        #[command(flatten)]
        out: Out,
    },
    /// Mark a shift done (or covered by --by NO), with hours (default: the shift's length)
    Done {
        slot: i64,
        /// Who actually served, when someone covered
        #[arg(long)]
        by: Option<i64>,
        /// Whose shift it was, when the slot has several people
        #[arg(long = "for")]
        for_no: Option<i64>,
        #[arg(long)]
        hours: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Mark a shift missed
    Missed {
        slot: i64,
        #[arg(long = "for")]
        for_no: Option<i64>,
    },
    /// Put someone on a slot by hand (every hard rule is checked)
    Assign { slot: i64, no: i64 },
    /// Take someone off a slot
    Unassign { slot: i64, no: i64 },
    /// Swap two people: NO_A from SLOT_A to SLOT_B and NO_B the other way
    Swap { slot_a: i64, no_a: i64, slot_b: i64, no_b: i64 },
    /// Lock a slot so regeneration leaves it alone
    Lock { slot: i64 },
    Unlock { slot: i64 },
    /// Why each person on a slot was chosen
    Why {
        slot: i64,
        #[arg(long)]
        json: bool,
    },
    /// Elders living alone with no visit or call for N days
    Overdue {
        #[arg(long, default_value_t = rota::DEFAULT_OVERDUE_DAYS)]
        days: i64,
        #[arg(long)]
        json: bool,
        /// Phone numbers whole (chair or secretary; recorded)
        #[arg(long)]
        full: bool,
    },
}

#[derive(Subcommand)]
pub enum VisitCommand {
    /// Log a visit (or a call with --call) to an elder
    Log {
        #[arg(long)]
        elder: i64,
        #[arg(long)]
        by: Option<i64>,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        call: bool,
        #[arg(long, default_value = "")]
        notes: String,
    },
}

fn lang_copy(ctx: &Ctx) -> Localizer {
    Localizer::new(ctx.l10n.lang())
}

fn name_of(ctx: &Ctx, no: MemberNo) -> String {
    huzhu::members::get_by_no(&ctx.conn, no, ctx.today).map(|p| p.name).unwrap_or_else(|_| no.to_string())
}

pub fn volunteer(ctx: &mut Ctx, command: VolunteerCommand) -> Result<()> {
    match command {
        VolunteerCommand::Set { no, kinds, days, shifts, max_shifts, away, json } => {
            let input = VolunteerAvailabilityInput {
                kinds: kinds.as_deref().map(|k| rota::parse_kinds("kinds", k)).transpose()?,
                weekdays: days.as_deref().map(|d| Weekdays::parse("weekdays", d).map(Weekdays::days)).transpose()?,
                shifts: shifts.as_deref().map(|s| rota::parse_shift_kinds("shifts", s)).transpose()?,
                max_shifts,
                away: away.iter().map(|a| rota::split_range("away", a)).collect::<Result<_>>()?,
            };
            let a = ctx.write(|tx, actor, today| rota::set_volunteer(tx, actor, MemberNo(no), &input, today))?;
            if json {
                return print_json(&a);
            }
            say!("{}", ctx.tr("cli-rota-volunteer-set", &[("name", a.name)]));
            Ok(())
        }
        VolunteerCommand::Show { no } => {
            let a = rota::availability(&ctx.conn, MemberNo(no))?
                .ok_or_else(|| Error::conflict("error-rota-not-volunteer", vec![("no", no.to_string()), ("name", name_of(ctx, MemberNo(no)))]))?;
            print_json(&a)
        }
    }
}

pub fn care(ctx: &mut Ctx, command: CareCommand) -> Result<()> {
    match command {
        CareCommand::Add { recipient, kind, from, until, shift, days, every_days, address, medicines, family, notes } => {
            let kind = DutyKind::parse(&kind).ok_or_else(|| bad_choice("kind", &kind, &["care", "visit", "hall"]))?;
            let input = CaseInput {
                recipient: Some(MemberNo(recipient)),
                kind,
                from,
                until: until.unwrap_or_default(),
                shifts: shift.iter().map(|s| ShiftInput::split("shift", s)).collect::<Result<_>>()?,
                weekdays: days.as_deref().map(|d| Weekdays::parse("weekdays", d)).transpose()?.unwrap_or(Weekdays::ALL).days(),
                every_days: every_days.to_string(),
                address,
                medicines,
                family_to_call: family,
                notes,
            };
            let l10n = lang_copy(ctx);
            let c = ctx.write(|tx, actor, today| rota::add_case(tx, actor, &input, &l10n, today))?;
            say!("{}", c.id.0);
            Ok(())
        }
        CareCommand::List { json, full } => {
            let cases = if full { ctx.write(|tx, actor, _| rota::reveal_families(tx, actor))? } else { rota::list_cases(&ctx.conn, Phones::Masked)? };
            if json {
                return print_json(&cases);
            }
            for c in cases {
                let shifts: Vec<String> = c.shifts.iter().map(|s| format!("{}@{}-{}x{}", s.name, s.start.format("%H:%M"), s.end.format("%H:%M"), s.people)).collect();
                say!("{}\t{}\t{} ({})\t{}..{}\t{}", c.id.0, ctx.t(c.kind.label_id()), c.recipient_name, c.recipient, c.from, c.until.map(|u| u.to_string()).unwrap_or_default(), shifts.join(" "));
            }
            Ok(())
        }
    }
}

pub fn pair(ctx: &mut Ctx, command: PairCommand) -> Result<()> {
    match command {
        PairCommand::Add { volunteer, elder, every_days, from } => {
            let input = PairingInput { volunteer: Some(MemberNo(volunteer)), elder: Some(MemberNo(elder)), every_days: every_days.to_string(), from: from.unwrap_or_default() };
            let l10n = lang_copy(ctx);
            let p = ctx.write(|tx, actor, today| rota::add_pairing(tx, actor, &input, &l10n, today))?;
            say!(
                "{}",
                ctx.tr(
                    "cli-rota-pair-added",
                    &[
                        ("volunteer", name_of(ctx, p.volunteer)),
                        ("elder", name_of(ctx, p.elder)),
                        ("days", p.every_days.to_string()),
                        ("case", p.case_id.0.to_string()),
                    ]
                )
            );
            Ok(())
        }
    }
}


pub fn rota_cmd(ctx: &mut Ctx, command: RotaCommand) -> Result<()> {
    match command {
        RotaCommand::Generate { month, json } => {
            let month = Month::parse("month", &month)?;
            let l10n = lang_copy(ctx);
            let r = ctx.write(|tx, actor, _| rota::generate(tx, actor, month, &l10n))?;
            if json {
                return print_json(&r);
            }
            say!(
                "{}",
                ctx.tr(
                    "cli-rota-generated",
                    &[
                        ("month", month.to_string()),
                        ("slots", r.slots.to_string()),
                        ("assigned", r.assigned.to_string()),
                        ("kept", r.kept.to_string()),
                        ("unfilled", r.unfilled.len().to_string()),
                    ]
                )
            );
            for u in &r.unfilled {
                say!(
                    "{}",
                    ctx.tr(
                        "cli-rota-unfilled",
                        &[
                            ("slot", u.slot.to_string()),
                            ("date", u.date.to_string()),
                            ("start", u.start.clone()),
                            ("end", u.end.clone()),
                            ("name", u.recipient_name.clone()),
                            ("shift", u.shift.clone()),
                            ("missing", u.missing.to_string()),
                            ("reason", u.reason.clone()),
                        ]
                    )
                );
            }
            Ok(())
        }
        RotaCommand::List { month, json, full } => {
            let month = Month::parse("month", &month)?;
            let phones = ctx.phones(full, &format!("rota:{month}"))?;
            let slots = rota::list_month(&ctx.conn, month, phones)?;
            if json {
                return print_json(&slots);
            }
            for s in slots {
                let people: Vec<String> = s.assigned.iter().map(|a| format!("{} {}", a.member_no, a.name)).collect();
                let mut line = format!("{}\t{}\t{}-{}\t{}\t{}\t{}", s.id, s.date, s.start, s.end, s.recipient_name, s.shift, people.join(", "));
                if s.short() > 0 {
                    line.push_str(&format!("\t{}", ctx.t("rota-vacant")));
                }
                if s.locked {
                    line.push_str("\t🔒");
                }
                say!("{line}");
            }
            Ok(())
        }
        RotaCommand::Pdf { month, out, large, a3, full_phones } => {
            let month = Month::parse("month", &month)?;
            let opts = RosterOptions { large, a3, full_phones };
            let p = rota::print::roster_pdf(&ctx.conn, month, opts, &ctx.l10n, ctx.today)?;
            out.write_recorded(ctx, &p.bytes, |tx, actor| rota::print::record(tx, actor, month, opts))?;
            say!("{}", ctx.tr("cli-rota-written", &[("file", out.shown()), ("pages", p.pages.to_string())]));
            Ok(())
        }
        RotaCommand::Slips { month, out } => {
            let month = Month::parse("month", &month)?;
            let p = rota::print::slips_pdf(&ctx.conn, month, &ctx.l10n, ctx.today)?;
            out.write(ctx, &p.bytes)?;
            say!("{}", ctx.tr("cli-rota-written", &[("file", out.shown()), ("pages", p.pages.to_string())]));
            Ok(())
        }
        RotaCommand::Done { slot, by, for_no, hours, json } => {
            let kind = if by.is_some() { ShiftOutcomeKind::Covered } else { ShiftOutcomeKind::Done };
            let input = OutcomeInput { slot: RotaSlotId(slot), person: for_no.map(MemberNo), kind, by: by.map(MemberNo), hours: hours.unwrap_or_default() };
            let recs = ctx.write(|tx, actor, today| rota::record_outcome(tx, actor, &input, today))?;
            print_outcomes(ctx, &recs, json)
        }
        RotaCommand::Missed { slot, for_no } => {
            let input = OutcomeInput { slot: RotaSlotId(slot), person: for_no.map(MemberNo), kind: ShiftOutcomeKind::Missed, by: None, hours: String::new() };
            let recs = ctx.write(|tx, actor, today| rota::record_outcome(tx, actor, &input, today))?;
            print_outcomes(ctx, &recs, false)
        }
        RotaCommand::Assign { slot, no } => {
            ctx.write(|tx, actor, _| rota::assign(tx, actor, RotaSlotId(slot), MemberNo(no)))?;
            say!("{}", ctx.tr("cli-rota-assigned", &[("name", name_of(ctx, MemberNo(no))), ("slot", slot.to_string())]));
            Ok(())
        }
        RotaCommand::Unassign { slot, no } => {
            ctx.write(|tx, actor, _| rota::unassign(tx, actor, RotaSlotId(slot), MemberNo(no)))?;
            say!("{}", ctx.tr("cli-rota-unassigned", &[("name", name_of(ctx, MemberNo(no))), ("slot", slot.to_string())]));
            Ok(())
        }
        RotaCommand::Swap { slot_a, no_a, slot_b, no_b } => {
            ctx.write(|tx, actor, _| rota::swap(tx, actor, RotaSlotId(slot_a), MemberNo(no_a), RotaSlotId(slot_b), MemberNo(no_b)))?;
            say!("{}", ctx.tr("cli-rota-swapped", &[("a", slot_a.to_string()), ("b", slot_b.to_string())]));
            Ok(())
        }
        RotaCommand::Lock { slot } => {
            ctx.write(|tx, actor, _| rota::set_locked(tx, actor, RotaSlotId(slot), true))?;
            say!("{}", ctx.tr("cli-rota-locked", &[("slot", slot.to_string())]));
            Ok(())
        }
        RotaCommand::Unlock { slot } => {
            ctx.write(|tx, actor, _| rota::set_locked(tx, actor, RotaSlotId(slot), false))?;
            say!("{}", ctx.tr("cli-rota-unlocked", &[("slot", slot.to_string())]));
            Ok(())
        }
        RotaCommand::Why { slot, json } => {
            let s = rota::get_slot(&ctx.conn, RotaSlotId(slot))?;
            let rows: Vec<serde_json::Value> = s
                .assigned
                .iter()
                .map(|a| serde_json::json!({"member_no": a.member_no.0, "name": a.name, "why": rota::why_text(&a.why, &ctx.l10n), "rule": a.why}))
                .collect();
            if json {
                return print_json(&rows);
            }
            for a in &s.assigned {
                say!("{} {}: {}", a.member_no, a.name, rota::why_text(&a.why, &ctx.l10n));
            }
            Ok(())
        }
        RotaCommand::Overdue { days, json, full } => {
            let phones = ctx.phones(full, "overdue")?;
            let list = rota::overdue(&ctx.conn, &days.to_string(), ctx.today, phones)?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                say!("{}", ctx.tr("cli-rota-overdue-none", &[("days", days.to_string())]));
            }
            for o in list {
                say!(
                    "{}",
                    ctx.tr(
                        "cli-rota-overdue",
                        &[
                            ("no", o.member_no.to_string()),
                            ("name", o.name),
                            ("days", o.days.map(|d| d.to_string()).unwrap_or_else(|| "never".into())),
                            ("phone", o.phone),
                            ("address", o.address),
                        ]
                    )
                );
            }
            Ok(())
        }
    }
}

fn print_outcomes(ctx: &Ctx, recs: &[rota::ShiftOutcomeRecord], json: bool) -> Result<()> {
    if json {
        return print_json(&recs);
    }
    for r in recs {
        let name = name_of(ctx, r.worker.unwrap_or(r.person));
        say!(
            "{}",
            ctx.tr(
                "cli-rota-outcome",
                &[
                    ("slot", r.slot.to_string()),
                    ("name", name),
                    ("outcome", r.kind.code().to_string()),
                    ("hours", format!("{}", r.minutes as f64 / 60.0)),
                ]
            )
        );
        if r.worker.is_some() && r.time_entry.is_none() {
            eprintln!("{}", ctx.t("cli-rota-time-bank-pending"));
        }
    }
    Ok(())
}

pub fn visit(ctx: &mut Ctx, command: VisitCommand) -> Result<()> {
    match command {
        VisitCommand::Log { elder, by, date, call, notes } => {
            let input = ContactInput { elder: MemberNo(elder), by: by.map(MemberNo), date: date.unwrap_or_default(), call, notes };
            let c = ctx.write(|tx, actor, today| rota::log_contact(tx, actor, &input, today))?;
            let date = c.date;
            say!(
                "{}",
                ctx.tr(
                    "cli-rota-visit-logged",
                    &[("date", date.to_string()), ("kind", if call { "call" } else { "visit" }.into()), ("name", name_of(ctx, MemberNo(elder)))]
                )
            );
            Ok(())
        }
    }
}
