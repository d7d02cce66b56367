//! `huzhu mediation open|note|close|agreement|list|show`: the mediation case book (调解).

use clap::Subcommand;
use huzhu::mediation::{self, MediationId, MediationLine, CloseInput, DisputeKind, NoteInput, OpenInput, MediationOutcome, PartyInput};
use huzhu::members::MemberNo;
use huzhu::Result;

use super::money::write_file;
use super::{bad_choice, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum MediationCommand {
    /// Open a case; prints its id
    Open {
        /// A party: a register number, or a name (two or more)
        #[arg(long = "party", required = true)]
        parties: Vec<String>,
        /// What it is about: family_support | property | neighbours | rights | other (or 赡养, 财产,
        /// 邻里, 权益…); any other words are kept as the case's summary under "other"
        #[arg(long)]
        about: String,
        /// A line saying what the dispute is (shown only on the case itself)
        #[arg(long, default_value = "")]
        summary: String,
        #[arg(long, default_value = "")]
        mediator: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
    },
    /// Record a meeting and what was said
    Note {
        id: i64,
        #[arg(long)]
        text: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
    },
    /// Close a case: agreed | referred | withdrawn (or 达成协议, 移交村委会, 撤回)
    Close {
        id: i64,
        #[arg(long)]
        outcome: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
    },
    /// Print the agreement (调解协议书) with the terms typed
    Agreement {
        id: i64,
        #[arg(long)]
        terms: String,
        #[command(flatten)]
        out: Out,
    },
    /// The case book: what each case is about and who is in it (never the notes)
    List {
        #[arg(long)]
        json: bool,
    },
    /// One case with its notes
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

fn names(l: &MediationLine) -> String {
    l.parties.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join("、")
}

pub fn mediation(ctx: &mut Ctx, command: MediationCommand) -> Result<()> {
    match command {
        MediationCommand::Open { parties, about, summary, mediator, date } => {
            let (kind, summary) = match DisputeKind::parse(&about) {
                Some(k) => (k, summary),
                None if summary.is_empty() => (DisputeKind::Other, about.clone()),
                None => {
                    return Err(bad_choice("about", &about, &DisputeKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>()));
                }
            };
            let parties = parties
                .iter()
                .map(|p| match p.trim().parse::<i64>() {
                    Ok(n) => PartyInput { member: Some(MemberNo(n)), name: String::new() },
                    Err(_) => PartyInput { member: None, name: p.clone() },
                })
                .collect();
            let input = OpenInput { parties, about: Some(kind), summary, mediator, opened: date.unwrap_or_default() };
            let c = ctx.write(|tx, actor, today| mediation::open(tx, actor, &input, today))?;
            eprintln!(
                "{}",
                ctx.tr("cli-mediation-opened", &[("id", c.line.id.0.to_string()), ("about", ctx.t(c.line.about.label_id())), ("parties", names(&c.line))])
            );
            say!("{}", c.line.id.0);
            Ok(())
        }
        MediationCommand::Note { id, text, date } => {
            let input = NoteInput { text, date: date.unwrap_or_default() };
            let c = ctx.write(|tx, actor, today| mediation::note(tx, actor, MediationId(id), &input, today))?;
            say!("{}", ctx.tr("cli-mediation-noted", &[("id", id.to_string()), ("count", c.notes.len().to_string())]));
            Ok(())
        }
        MediationCommand::Close { id, outcome, date } => {
            let o = MediationOutcome::parse(&outcome).ok_or_else(|| bad_choice("outcome", &outcome, &MediationOutcome::ALL.iter().map(|k| k.code()).collect::<Vec<_>>()))?;
            let input = CloseInput { outcome: Some(o), date: date.unwrap_or_default() };
            let c = ctx.write(|tx, actor, today| mediation::close(tx, actor, MediationId(id), &input, today))?;
            let closed = c.line.closed.map(|d| d.to_string()).unwrap_or_default();
            say!("{}", ctx.tr("cli-mediation-closed", &[("id", id.to_string()), ("outcome", ctx.t(o.label_id())), ("date", closed)]));
            Ok(())
        }
        MediationCommand::Agreement { id, terms, out } => {
            let p = mediation::agreement_pdf(&ctx.conn, MediationId(id), &terms, &ctx.l10n, ctx.today)?;
            write_file(ctx, &out.path, out.force, &p.bytes)
        }
        MediationCommand::List { json } => {
            let all = mediation::list(&ctx.conn)?;
            if json {
                return print_json(&all);
            }
            if all.is_empty() {
                eprintln!("{}", ctx.t("cli-mediation-none"));
            }
            for l in &all {
                let state = match l.outcome {
                    Some(o) => format!("{} {}", ctx.t(o.label_id()), l.closed.map(|d| d.to_string()).unwrap_or_default()),
                    None => ctx.t("cli-mediation-open"),
                };
                say!(
                    "{}",
                    ctx.tr(
                        "cli-mediation-line",
                        &[("id", l.id.0.to_string()), ("opened", l.opened.to_string()), ("about", ctx.t(l.about.label_id())), ("parties", names(l)), ("state", state)]
                    )
                );
            }
            Ok(())
        }
        MediationCommand::Show { id, json } => {
            // The meeting notes are a sensitive read (chair and secretary).
            huzhu::audit::permissions::check_read(&ctx.conn, &ctx.actor, huzhu::audit::Area::Mediation)?;
            let c = mediation::get(&ctx.conn, MediationId(id))?;
            if json {
                return print_json(&c);
            }
            say!("{}\t{}\t{}\t{}", c.line.id.0, c.line.opened, ctx.t(c.line.about.label_id()), names(&c.line));
            if !c.summary.is_empty() {
                say!("{}", c.summary);
            }
            for n in &c.notes {
                say!("{}\t{}", n.date, n.text);
            }
            Ok(())
        }
    }
}
