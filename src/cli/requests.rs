//! `huzhu request|feedback|training|standard …`: requests for help, feedback on services,
//! training, and the written standard of each kind of service.

use clap::Subcommand;
use huzhu::feedback::{self, FeedbackId, FollowUpInput, Rating, ShiftFeedbackInput};
use huzhu::i18n::Localizer;
use huzhu::members::MemberNo;
use huzhu::requests::{self, HelpRequest, RequestDoneInput, RequestId, RequestInput, RequestKindInput};
use huzhu::rota::RotaSlotId;
use huzhu::standards::ServiceStandardInput;
use huzhu::training::{self, TrainingId, TrainingInput};
use huzhu::Result;

use super::{bad_choice, print_json, Ctx};

#[derive(Subcommand)]
pub enum RequestCommand {
    /// Record a request for help; prints its id
    Add {
        /// Who needs help (register number)
        #[arg(long = "for")]
        recipient: i64,
        /// The kind: 陪诊 代购 助洁 助餐 理发 维修 聊天陪伴 其他 (or the association's own)
        #[arg(long)]
        kind: String,
        /// YYYY-MM-DD (default: as soon as possible)
        #[arg(long, default_value = "")]
        date: String,
        /// HH:MM (with --to)
        #[arg(long, default_value = "")]
        from: String,
        #[arg(long, default_value = "")]
        to: String,
        #[arg(long = "where", default_value = "")]
        place: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Volunteers who can take a request, those able first, with the reason for each
    Candidates {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Give a request to a volunteer
    Assign { id: i64, no: i64 },
    /// Mark a request done with the hours spent (credited to the volunteer's time bank)
    Done {
        id: i64,
        #[arg(long)]
        hours: String,
        /// good | ok | bad
        #[arg(long)]
        feedback: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// YYYY-MM-DD (default: the request's day, or today)
        #[arg(long, default_value = "")]
        date: String,
    },
    /// Cancel a request that is not done
    Cancel {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// List requests (pending first; overdue ones marked)
    List {
        /// Only open and assigned ones
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// The kinds of help the association keeps
    Kinds {
        /// Add a kind of the association's own
        #[arg(long)]
        add: Option<String>,
        /// Retire a kind (no new requests of it)
        #[arg(long)]
        retire: Option<String>,
    },
    /// The kinds a volunteer offers (none given: show them; --all: every kind)
    Offers {
        no: i64,
        /// Kinds, comma separated
        #[arg(long, conflicts_with = "all")]
        kinds: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// Whether a done request draws its hours from the recipient's own account: on | off
    Pays { on_off: String },
}

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Record the recipient's feedback on a done shift; a complaint (bad) opens a follow-up
    Add {
        #[arg(long)]
        shift: i64,
        /// good | ok | bad
        #[arg(long)]
        rating: String,
        /// Whose service, when several served the shift
        #[arg(long = "for")]
        person: Option<i64>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Close a complaint's follow-up, saying what was done
    Close {
        id: i64,
        #[arg(long)]
        action: String,
        #[arg(long, default_value = "")]
        date: String,
    },
    /// Complaints whose follow-up is still open
    Open {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum TrainingCommand {
    /// Record a training session; prints its id
    Add {
        #[arg(long)]
        topic: String,
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        trainer: String,
        #[arg(long, default_value = "")]
        hours: String,
    },
    /// Mark people as having attended
    Attend {
        id: i64,
        #[arg(required = true)]
        nos: Vec<i64>,
    },
    /// Make a duty kind (care, visit, hall) or request kind require a training (--topic "" for none)
    Require {
        kind: String,
        #[arg(long)]
        topic: String,
    },
    /// Every session with who attended
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum StandardCommand {
    /// Write the standard of a duty kind or request kind (what the volunteer does and checks)
    Set {
        kind: String,
        #[arg(long)]
        text: String,
    },
    /// Every standard written, as JSON
    List,
}

fn rating(s: &str) -> Result<Rating> {
    Rating::parse(s).ok_or_else(|| bad_choice("rating", s, &["good", "ok", "bad"]))
}

fn when(r: &HelpRequest, l10n: &Localizer) -> String {
    match (r.date, r.from.is_empty()) {
        (None, _) => l10n.t("request-asap"),
        (Some(d), true) => d.to_string(),
        (Some(d), false) => format!("{d} {}-{}", r.from, r.to),
    }
}

pub fn request(ctx: &mut Ctx, command: RequestCommand) -> Result<()> {
    let l10n = Localizer::new(ctx.l10n.lang());
    match command {
        RequestCommand::Add { recipient, kind, date, from, to, place, notes } => {
            let input = RequestInput { recipient: Some(MemberNo(recipient)), kind, date, from, to, place, notes };
            let r = ctx.write(|tx, actor, today| requests::add(tx, actor, &input, &l10n, today))?;
            say!("{}", r.id);
            Ok(())
        }
        RequestCommand::Candidates { id, json } => {
            let c = requests::candidates_for(&ctx.conn, RequestId(id), &l10n, ctx.today)?;
            if json {
                return print_json(&c);
            }
            if c.is_empty() {
                say!("{}", ctx.t("cli-request-no-candidates"));
            }
            for x in c {
                say!("{}{:>4}  {}  {}", if x.able { "✓" } else { "✗" }, x.no, x.name, x.reason);
            }
            Ok(())
        }
        RequestCommand::Assign { id, no } => {
            let r = ctx.write(|tx, actor, today| requests::assign(tx, actor, RequestId(id), MemberNo(no), &l10n, today))?;
            say!("{}", ctx.tr("cli-request-assigned", &[("id", id.to_string()), ("name", r.volunteer_name)]));
            Ok(())
        }
        RequestCommand::Done { id, hours, feedback, note, date } => {
            let input = RequestDoneInput { hours, date, rating: feedback.as_deref().map(rating).transpose()?, note };
            let r = ctx.write(|tx, actor, today| requests::done(tx, actor, RequestId(id), &input, &l10n, today))?;
            let hours = r.hours.map(|h| h.to_string()).unwrap_or_default();
            say!("{}", ctx.tr("cli-request-done", &[("id", id.to_string()), ("name", r.volunteer_name), ("hours", hours)]));
            Ok(())
        }
        RequestCommand::Cancel { id, reason } => {
            ctx.write(|tx, actor, today| requests::cancel(tx, actor, RequestId(id), &reason, &l10n, today))?;
            say!("{}", ctx.tr("cli-request-cancelled", &[("id", id.to_string())]));
            Ok(())
        }
        RequestCommand::List { open, json } => {
            let list = requests::list(&ctx.conn, open, &l10n, ctx.today)?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                say!("{}", ctx.t("cli-request-none"));
            }
            for r in list {
                let overdue = if r.overdue { format!("  [{}]", ctx.t("cli-request-overdue")) } else { String::new() };
                say!(
                    "{:>4}  {}  {}  {}  {}  {}  {}{}",
                    r.id,
                    ctx.t(r.state.label_id()),
                    r.kind_label,
                    r.recipient_name,
                    when(&r, &l10n),
                    r.place,
                    r.volunteer_name,
                    overdue
                );
            }
            Ok(())
        }
        RequestCommand::Kinds { add, retire } => {
            if let Some(name) = add {
                let k = ctx.write(|tx, actor, _| requests::add_kind(tx, actor, &RequestKindInput { name }, &l10n))?;
                say!("{}", ctx.tr("cli-request-kind-added", &[("name", k.label)]));
            }
            if let Some(kind) = retire {
                let code = requests::resolve_kind(&ctx.conn, "kind", &kind)?;
                ctx.write(|tx, actor, _| requests::retire_kind(tx, actor, &code, &l10n))?;
            }
            for k in requests::kinds(&ctx.conn, &l10n)? {
                let retired = if k.retired { format!(" ({})", ctx.t("request-state-cancelled")) } else { String::new() };
                say!("{}\t{}{}\t{}", k.code, k.label, retired, k.training);
            }
            Ok(())
        }
        RequestCommand::Offers { no, kinds, all } => {
            let name: String = ctx.conn.query_row("SELECT name FROM person WHERE member_no = ?1", [no], |r| r.get(0)).unwrap_or_default();
            let offered = if kinds.is_some() || all {
                let list: Option<Vec<String>> = kinds.map(|k| k.split([',', '，']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect());
                ctx.write(|tx, actor, _| requests::set_offers(tx, actor, MemberNo(no), list.as_deref()))?
            } else {
                requests::offers_of(&ctx.conn, MemberNo(no))?
            };
            match offered {
                None => say!("{}", ctx.tr("cli-request-offers-all", &[("name", name)])),
                Some(codes) => {
                    let kinds = requests::kinds(&ctx.conn, &l10n)?;
                    let labels: Vec<String> = codes.iter().map(|c| kinds.iter().find(|k| &k.code == c).map_or(c.clone(), |k| k.label.clone())).collect();
                    say!("{}", ctx.tr("cli-request-offers", &[("name", name), ("kinds", labels.join("、"))]));
                }
            }
            Ok(())
        }
        RequestCommand::Pays { on_off } => {
            let on = match on_off.trim() {
                "on" | "开" => true,
                "off" | "关" => false,
                other => return Err(bad_choice("on_off", other, &["on", "off"])),
            };
            ctx.write(|tx, actor, _| requests::set_recipient_pays(tx, actor, on))?;
            say!("{}", ctx.t(if on { "cli-request-pays-on" } else { "cli-request-pays-off" }));
            Ok(())
        }
    }
}

pub fn feedback_cmd(ctx: &mut Ctx, command: FeedbackCommand) -> Result<()> {
    match command {
        FeedbackCommand::Add { shift, rating: r, person, note } => {
            let input = ShiftFeedbackInput { slot: RotaSlotId(shift), person: person.map(MemberNo), rating: rating(&r)?, note };
            let f = ctx.write(|tx, actor, today| feedback::add_for_shift(tx, actor, &input, today))?;
            say!("{}", ctx.tr("cli-feedback-added", &[("id", f.id.to_string())]));
            if f.followup_open {
                say!("{}", ctx.tr("cli-feedback-followup", &[("id", f.id.to_string())]));
            }
            Ok(())
        }
        FeedbackCommand::Close { id, action, date } => {
            let input = FollowUpInput { action, date };
            ctx.write(|tx, actor, today| feedback::close_followup(tx, actor, FeedbackId(id), &input, today))?;
            say!("{}", ctx.tr("cli-feedback-closed", &[("id", id.to_string())]));
            Ok(())
        }
        FeedbackCommand::Open { json } => {
            let list = feedback::open_followups(&ctx.conn)?;
            if json {
                return print_json(&list);
            }
            for f in list {
                say!("{:>4}  {}  {}  {}", f.id, f.date, f.volunteer_name, f.note);
            }
            Ok(())
        }
    }
}

pub fn training_cmd(ctx: &mut Ctx, command: TrainingCommand) -> Result<()> {
    match command {
        TrainingCommand::Add { topic, date, trainer, hours } => {
            let input = TrainingInput { topic, date, trainer, hours };
            let s = ctx.write(|tx, actor, today| training::add(tx, actor, &input, today))?;
            say!("{}", s.id);
            Ok(())
        }
        TrainingCommand::Attend { id, nos } => {
            let people: Vec<MemberNo> = nos.into_iter().map(MemberNo).collect();
            let s = ctx.write(|tx, actor, _| training::attend(tx, actor, TrainingId(id), &people))?;
            say!("{}", ctx.tr("cli-training-attended", &[("id", id.to_string()), ("count", s.attendees.len().to_string())]));
            Ok(())
        }
        TrainingCommand::Require { kind, topic } => {
            let target = requests::resolve_target(&ctx.conn, &kind)?;
            let st = ctx.write(|tx, actor, _| requests::require_training(tx, actor, &target, &topic))?;
            if st.training.is_empty() {
                say!("{}", ctx.tr("cli-training-not-required", &[("kind", kind)]));
            } else {
                say!("{}", ctx.tr("cli-training-required", &[("kind", kind), ("topic", st.training)]));
            }
            Ok(())
        }
        TrainingCommand::List { json } => {
            let list = training::list(&ctx.conn)?;
            if json {
                return print_json(&list);
            }
            for s in list {
                let names: Vec<String> = s.attendees.iter().map(|a| a.name.clone()).collect();
                say!("{:>4}  {}  {}  {}  {}  {}", s.id, s.date, s.topic, s.trainer, s.hours, names.join("、"));
            }
            Ok(())
        }
    }
}

pub fn standard_cmd(ctx: &mut Ctx, command: StandardCommand) -> Result<()> {
    match command {
        StandardCommand::Set { kind, text } => {
            let target = requests::resolve_target(&ctx.conn, &kind)?;
            ctx.write(|tx, actor, _| {
                let (scope, code) = match &target {
                    requests::StandardTarget::Duty(k) => (huzhu::standards::ServiceScope::Duty, k.code().to_string()),
                    requests::StandardTarget::Request(c) => (huzhu::standards::ServiceScope::Request, c.clone()),
                };
                let training = huzhu::standards::get(tx, scope, &code)?.training;
                requests::set_standard(tx, actor, &target, &ServiceStandardInput { text, training })
            })?;
            say!("{}", ctx.tr("cli-standard-set", &[("kind", kind)]));
            Ok(())
        }
        StandardCommand::List => print_json(&huzhu::standards::all(&ctx.conn)?),
    }
}
