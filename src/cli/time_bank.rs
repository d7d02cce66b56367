//! `huzhu time …` and `huzhu assoc key`: the time bank (时间储蓄) from the command line.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use huzhu::kernel::fields::{self, ReversalInput};
use huzhu::members::MemberNo;
use huzhu::output::Overwrite;
use huzhu::time_bank::exchange_files::{self, ExportTarget};
use huzhu::time_bank::{self, exchange, keys, passbook, DepositInput, HeirShare, Hours, PoolDonationInput, TransferInput, WithdrawalInput};
use huzhu::Result;

use super::{print_json, Ctx, Out};

/// What a deposit and a withdrawal both name.
#[derive(Args)]
pub struct ServiceArgs {
    /// Whose account
    #[arg(long)]
    person: i64,
    /// In half-hour steps: 2 or 2.5
    #[arg(long, allow_hyphen_values = true)]
    hours: String,
    /// YYYY-MM-DD
    #[arg(long)]
    date: String,
    /// Who received the service (a deposit) or the care (a withdrawal)
    #[arg(long)]
    recipient: Option<i64>,
    /// Kind of service (陪护, 探望, 理发…)
    #[arg(long, default_value = "")]
    kind: String,
}

/// What a transfer and a grant both give: the hours, why, and when.
#[derive(Args)]
pub struct MoveArgs {
    #[arg(long, allow_hyphen_values = true)]
    hours: String,
    #[arg(long)]
    reason: String,
    /// YYYY-MM-DD (default: today)
    #[arg(long)]
    date: Option<String>,
}

#[derive(Subcommand)]
pub enum TimeCommand {
    /// Bank hours of service given; prints the entry id
    Deposit {
        #[command(flatten)]
        service: ServiceArgs,
        /// Who confirmed it was given
        #[arg(long = "confirmed-by", default_value = "")]
        confirmed_by: String,
    },
    /// Draw hours for care received; --recipient pays for someone else's care with the holder's consent
    Withdraw {
        #[command(flatten)]
        service: ServiceArgs,
        /// How the holder consented (default: recorded as consent given, by the acting secretary)
        #[arg(long, default_value = "")]
        consent: String,
    },
    /// Move hours to another person, with the reason
    Transfer {
        #[arg(long)]
        from: i64,
        #[arg(long)]
        to: i64,
        #[command(flatten)]
        hours: MoveArgs,
    },
    /// Give hours to the common pool (公益时间池)
    Donate {
        #[arg(long)]
        person: i64,
        #[arg(long, allow_hyphen_values = true)]
        hours: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Grant hours from the common pool
    Grant {
        #[arg(long)]
        person: i64,
        #[command(flatten)]
        hours: MoveArgs,
    },
    /// Pass a deceased holder's hours to the heirs: --heir NO[:SHARE]... (1/2, 50%, 0.5)
    Inherit {
        #[arg(long)]
        deceased: i64,
        #[arg(long, num_args = 1.., required = true)]
        heir: Vec<String>,
        #[arg(long)]
        witness: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Reverse an entry (and the entries written with it), with the reason
    Reverse {
        entry: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// A person's balance, e.g. 12.5
    Balance {
        no: i64,
        #[arg(long)]
        json: bool,
    },
    /// A person's entries (the passbook as text)
    Entries {
        no: i64,
        #[arg(long)]
        json: bool,
    },
    /// The common pool's balance
    Pool {
        #[arg(long)]
        json: bool,
    },
    /// Show or set the yearly deposit cap (hours beyond it go to the pool)
    Cap {
        #[arg(long, conflicts_with = "off")]
        hours: Option<String>,
        #[arg(long)]
        off: bool,
    },
    /// Print the passbook (存折) as PDF
    Passbook {
        no: i64,
        #[command(flatten)]
        out: Out,
    },
    /// Check a savings card's verification code: the number, balance and date printed on it
    Verify {
        no: i64,
        #[arg(long)]
        code: String,
        #[arg(long, allow_hyphen_values = true)]
        balance: String,
        /// The date printed on the card (YYYY-MM-DD)
        #[arg(long)]
        date: String,
    },
    /// Export a person's hours to a signed file for another association; the account goes to zero
    Export {
        no: i64,
        /// The receiving association's key fingerprint, as its `huzhu assoc key` prints it
        #[arg(long)]
        to: String,
        #[command(flatten)]
        out: Out,
    },
    /// Import a signed file from another association
    Import {
        file: PathBuf,
        /// Accept (and remember) the issuer's key after checking its fingerprint by phone
        #[arg(long = "accept-key")]
        accept_key: bool,
    },
}

#[derive(Subcommand)]
pub enum AssocCommand {
    /// Print this association's public key fingerprint (made on first use)
    Key {
        #[arg(long)]
        json: bool,
    },
}

fn day(field: &'static str, s: &Option<String>, today: NaiveDate) -> Result<NaiveDate> {
    fields::date_or(field, s.as_deref().unwrap_or_default(), today)
}

fn no(n: i64) -> MemberNo {
    MemberNo(n)
}

pub fn run(ctx: &mut Ctx, command: TimeCommand) -> Result<()> {
    match command {
        TimeCommand::Deposit { service: ServiceArgs { person, hours, date, recipient, kind }, confirmed_by } => {
            let input = DepositInput { provider: no(person), hours, date, recipient: recipient.map(no), service_kind: kind, confirmed_by };
            let id = ctx.write(|tx, actor, today| time_bank::deposit(tx, actor, &input, today))?;
            say!("{id}");
            Ok(())
        }
        TimeCommand::Withdraw { service: ServiceArgs { person, hours, date, recipient, kind }, consent } => {
            let l10n = &ctx.l10n;
            let holder_name = huzhu::members::get_by_no(&ctx.conn, no(person), ctx.today)?.name;
            let actor = ctx.actor()?;
            let consent = if consent.trim().is_empty() && recipient.is_some_and(|r| r != person) {
                l10n.format("time-consent-default", &[("name", holder_name), ("actor", actor.name.clone())])
            } else {
                consent
            };
            let input = WithdrawalInput { holder: no(person), hours, date, recipient: recipient.map(no), service_kind: kind, consent };
            let id = ctx.write(|tx, actor, today| time_bank::withdraw(tx, actor, &input, today))?;
            say!("{id}");
            Ok(())
        }
        TimeCommand::Transfer { from, to, hours: MoveArgs { hours, reason, date } } => {
            let input = TransferInput { from: no(from), to: Some(no(to)), hours, reason, date: date.unwrap_or_default() };
            let (o, i) = ctx.write(|tx, actor, today| time_bank::transfer(tx, actor, &input, today))?;
            let hours = Hours::parse_move(&input.hours)?;
            say!(
                "{}",
                ctx.tr(
                    "cli-time-bank-transfer",
                    &[("from", from.to_string()), ("to", to.to_string()), ("hours", hours.to_string()), ("out", o.to_string()), ("in", i.to_string())]
                )
            );
            Ok(())
        }
        TimeCommand::Donate { person, hours, date } => {
            let input = PoolDonationInput { person: no(person), hours, date: date.unwrap_or_default() };
            let id = ctx.write(|tx, actor, today| time_bank::donate(tx, actor, &input, today))?;
            let hours = Hours::parse_move(&input.hours)?;
            say!("{}", ctx.tr("cli-time-bank-donated", &[("hours", hours.to_string()), ("id", id.to_string())]));
            Ok(())
        }
        TimeCommand::Grant { person, hours: MoveArgs { hours, reason, date } } => {
            let hours = Hours::parse_move(&hours)?;
            let date = day("date", &date, ctx.today)?;
            let id = ctx.write(|tx, actor, today| time_bank::grant(tx, actor, no(person), hours, &reason, date, today))?;
            let name = huzhu::members::get_by_no(&ctx.conn, no(person), ctx.today)?.name;
            say!("{}", ctx.tr("cli-time-bank-granted", &[("name", name), ("hours", hours.to_string()), ("id", id.to_string())]));
            Ok(())
        }
        TimeCommand::Inherit { deceased, heir, witness, date } => {
            let heirs = heir.iter().map(|h| HeirShare::parse(h)).collect::<Result<Vec<_>>>()?;
            let date = day("date", &date, ctx.today)?;
            let r = ctx.write(|tx, actor, today| time_bank::inherit(tx, actor, no(deceased), &heirs, &witness, date, today))?;
            let name = huzhu::members::get_by_no(&ctx.conn, no(deceased), ctx.today)?.name;
            say!("{}", ctx.tr("cli-time-bank-inherited", &[("name", name), ("hours", r.hours.to_string())]));
            for s in &r.shares {
                let share = format!("{}/{}", s.share_num, s.share_den);
                say!(
                    "{}",
                    ctx.tr(
                        "cli-time-bank-heir-line",
                        &[("no", s.heir.to_string()), ("name", s.name.clone()), ("share", share), ("hours", s.hours.to_string())]
                    )
                );
            }
            Ok(())
        }
        TimeCommand::Reverse { entry, reason, date } => {
            let input = ReversalInput { reason, date: date.unwrap_or_default() };
            let ids = ctx.write(|tx, actor, today| time_bank::reverse(tx, actor, time_bank::EntryId(entry), &input, today))?;
            let ids = ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
            say!("{}", ctx.tr("cli-time-bank-reversed", &[("ids", ids)]));
            Ok(())
        }
        TimeCommand::Balance { no: n, json } => {
            let b = time_bank::balance(&ctx.conn, no(n))?;
            if json {
                let frozen = time_bank::is_frozen(&ctx.conn, no(n))?;
                print_json(&serde_json::json!({"person": n, "balance": b, "half_hours": b.half_hours(), "frozen": frozen}))
            } else {
                say!("{b}");
                Ok(())
            }
        }
        TimeCommand::Entries { no: n, json } => {
            let list = time_bank::entries(&ctx.conn, no(n))?;
            if json {
                return print_json(&list);
            }
            for line in time_bank::passbook_lines(list, no(n), &ctx.l10n) {
                let e = &line.entry;
                say!("{}\t{}\t{}\t{}\t{}\t{}", e.id, e.date, ctx.t(e.kind.label_id()), e.signed, line.balance, line.note);
            }
            Ok(())
        }
        TimeCommand::Pool { json } => {
            let b = time_bank::pool_balance(&ctx.conn)?;
            if json {
                print_json(&serde_json::json!({"balance": b, "half_hours": b.half_hours()}))
            } else {
                say!("{}", ctx.tr("cli-time-bank-pool", &[("hours", b.to_string())]));
                Ok(())
            }
        }
        TimeCommand::Cap { hours, off } => {
            let cap = if off {
                ctx.write(|tx, actor, _| time_bank::set_yearly_cap(tx, actor, None))?
            } else if let Some(h) = hours {
                let h = Hours::parse_within("cap", &h, 2 * 24 * 366)?;
                ctx.write(|tx, actor, _| time_bank::set_yearly_cap(tx, actor, Some(h)))?
            } else {
                time_bank::yearly_cap(&ctx.conn)?
            };
            match cap {
                Some(c) => say!("{}", ctx.tr("cli-time-bank-cap", &[("hours", c.to_string())])),
                None => say!("{}", ctx.t("cli-time-bank-cap-none")),
            }
            Ok(())
        }
        TimeCommand::Passbook { no: n, out } => {
            // The card carries a code signed with the association key: make it on first need.
            ctx.write(|tx, actor, _| keys::ensure(tx, actor).map(|_| ()))?;
            let p = passbook::pdf(&ctx.conn, no(n), &ctx.l10n, ctx.today)?;
            out.write(ctx, &p.bytes)?;
            say!("{}", ctx.tr("cli-time-bank-passbook", &[("path", out.shown()), ("pages", p.pages.to_string())]));
            Ok(())
        }
        TimeCommand::Verify { no: n, code, balance, date } => {
            let balance = if balance.trim() == "0" { Hours::ZERO } else { Hours::parse_move(&balance)? };
            let date = fields::date("date", &date)?;
            if passbook::check_code(&ctx.conn, no(n), balance, date, &code)? {
                say!("{}", ctx.t("cli-time-bank-code-ok"));
                Ok(())
            } else {
                Err(huzhu::Error::conflict("error-time-code-mismatch", vec![("code", code)]))
            }
        }
        TimeCommand::Export { no: n, to, out } => {
            ctx.writable()?;
            let actor = ctx.actor()?;
            let guard = ctx.guard();
            let target = ExportTarget::File(&out.path, Overwrite::from_force(out.force));
            let e = exchange_files::export_file(&mut ctx.conn, &actor, no(n), &to, target, &guard, ctx.today)?;
            say!(
                "{}",
                ctx.tr(
                    "cli-time-bank-exported",
                    &[("name", e.name), ("hours", e.hours.to_string()), ("path", e.path), ("file", e.file_id)]
                )
            );
            Ok(())
        }
        TimeCommand::Import { file, accept_key } => {
            // Read once (a regular file, size-capped); what is shown and what is imported are
            // the same bytes, bound by their SHA-256.
            let bytes = exchange_files::read_file(&file.to_string_lossy())?;
            let sha256 = keys::sha256_hex(&bytes);
            // Show who issued it before anything else, also when the import is refused.
            if let Ok(v) = exchange::inspect(&bytes, ctx.today) {
                say!("{}", ctx.tr("cli-time-bank-issuer", &[("issuer", v.issuer_name.clone())]));
                say!("{}", ctx.tr("cli-time-bank-fingerprint", &[("fingerprint", v.fingerprint.clone())]));
            }
            let r = ctx.write(|tx, actor, today| exchange::import(tx, actor, &bytes, &sha256, accept_key, today))?;
            if r.key_accepted {
                say!("{}", ctx.t("cli-time-bank-key-accepted"));
            }
            if r.created {
                say!("{}", ctx.tr("cli-time-bank-imported-new", &[("no", r.person.to_string())]));
            }
            say!(
                "{}",
                ctx.tr(
                    "cli-time-bank-imported",
                    &[("name", r.name), ("no", r.person.to_string()), ("hours", r.file.hours.to_string()), ("id", r.entry.to_string())]
                )
            );
            Ok(())
        }
    }
}

pub fn assoc(ctx: &mut Ctx, command: AssocCommand) -> Result<()> {
    match command {
        AssocCommand::Key { json } => {
            let key = ctx.write(|tx, actor, _| keys::ensure(tx, actor))?;
            let public = key.verifying_key().to_bytes();
            let fp = keys::fingerprint(&public);
            if json {
                print_json(&serde_json::json!({"fingerprint": fp, "public_key": keys::hex(&public)}))
            } else {
                say!("{fp}");
                Ok(())
            }
        }
    }
}
