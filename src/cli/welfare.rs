//! `huzhu welfare|hospital|birthdays|festival …` and `huzhu member died|undo-death`: welfare
//! and life events.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use huzhu::calendar::{self, AgeCount, LunarDay};
use huzhu::kernel::Month;
use huzhu::members::MemberNo;
use huzhu::welfare::{
    self, AdmitInput, BatchInput, BatchResult, DeathInput, DeathPlan, Festival, PaymentInput, StandardInput, WelfareFilter, WelfareKind,
};
use huzhu::Result;

use super::money::write_file;
use super::{bad_choice, print_json, Ctx, Out};

pub(super) fn kind(s: &str) -> Result<WelfareKind> {
    WelfareKind::parse(s).ok_or_else(|| bad_choice("kind", s, &WelfareKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>()))
}

#[derive(Subcommand)]
pub enum WelfareCommand {
    /// Set a welfare standard (慰问标准) from a date; the earlier one stays for past payments
    Standard {
        /// condolence | hospital | sick | birthday | chongyang | chunjie | other (or 丧葬慰问, 住院慰问…)
        #[arg(long)]
        kind: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// The age band it applies to, from (inclusive)
        #[arg(long = "age-from")]
        age_from: Option<String>,
        /// … to (inclusive)
        #[arg(long = "age-to")]
        age_to: Option<String>,
        /// Goods given with it: 花圈, 面线, 鸡蛋…
        #[arg(long, default_value = "")]
        goods: String,
        /// A payment above this needs the 会长's approval (an approver)
        #[arg(long = "approve-above")]
        approve_above: Option<String>,
        /// YYYY-MM-DD it applies from (default: today)
        #[arg(long)]
        from: Option<String>,
    },
    /// List the standards
    Standards {
        #[arg(long)]
        json: bool,
    },
    /// Pay welfare (posts the cash-book expense); prints the voucher number
    Pay {
        #[arg(long)]
        member: i64,
        #[arg(long)]
        kind: String,
        /// Default: the standard's amount (another amount needs --reason)
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        #[arg(long, default_value = "")]
        reason: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        /// Who received it (a family member for a condolence)
        #[arg(long, default_value = "")]
        receiver: String,
        #[arg(long, default_value = "")]
        handler: String,
        #[arg(long, default_value = "")]
        approver: String,
        /// Goods given (default: the standard's)
        #[arg(long, default_value = "")]
        goods: String,
    },
    /// List welfare payments, newest first
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Print the 领款单 of payments (three to an A4 page), or with --list one signing list
    Slip {
        #[arg(required = true)]
        vouchers: Vec<String>,
        #[command(flatten)]
        out: Out,
        /// One signing list (签领表) instead of slips
        #[arg(long)]
        list: bool,
        /// The signing list's title
        #[arg(long, default_value = "")]
        title: String,
    },
    /// How ages are counted for birthdays and gifts: full (周岁, the default) or nominal (虚岁)
    Ages { count: Option<String> },
}

#[derive(Subcommand)]
pub enum HospitalCommand {
    /// Record an admission to hospital
    Admit {
        no: i64,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        hospital: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Record the discharge
    Discharge {
        no: i64,
        #[arg(long)]
        date: Option<String>,
    },
    /// Members in hospital now (--all: every stay)
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
        /// Phone numbers whole (chair or secretary; recorded)
        #[arg(long)]
        full: bool,
    },
}

/// What a batch payment needs on the command line.
#[derive(Args)]
pub struct PayArgs {
    /// Pay the gifts (one payment and voucher each); prints the voucher numbers
    #[arg(long)]
    pay: bool,
    /// The payments' date, YYYY-MM-DD (default: today)
    #[arg(long)]
    date: Option<String>,
    #[arg(long, default_value = "")]
    handler: String,
    #[arg(long, default_value = "")]
    approver: String,
}

impl PayArgs {
    fn input(&self, ctx: &Ctx, members: Vec<i64>) -> Result<BatchInput> {
        Ok(BatchInput {
            date: self.date.clone().unwrap_or_default(),
            handler: self.handler.clone(),
            approver: self.approver.clone(),
            approver_pin: super::access::approver_pin(ctx, &self.approver)?,
            members: members.into_iter().map(MemberNo).collect(),
        })
    }
}

#[derive(Args)]
pub struct BirthdaysArgs {
    /// YYYY-MM
    #[arg(long)]
    month: String,
    /// Only the decade birthdays (60, 70, 80, 90, 100)
    #[arg(long)]
    decades: bool,
    #[arg(long)]
    json: bool,
    /// Phone numbers whole (chair or secretary; recorded)
    #[arg(long)]
    full: bool,
    /// Print the list as PDF
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace the --out file if it already exists
    #[arg(long, requires = "out")]
    force: bool,
    #[command(flatten)]
    pay: PayArgs,
}

#[derive(Args)]
pub struct FestivalArgs {
    /// chongyang | chunjie (重阳 | 春节)
    festival: String,
    #[arg(long)]
    year: i32,
    #[arg(long)]
    json: bool,
    /// With --pay: only these members (the 春节 list as chosen), comma separated
    #[arg(long, value_delimiter = ',')]
    member: Vec<i64>,
    #[command(flatten)]
    pay: PayArgs,
}

pub fn welfare(ctx: &mut Ctx, command: WelfareCommand) -> Result<()> {
    match command {
        WelfareCommand::Standard { kind: k, amount, age_from, age_to, goods, approve_above, from } => {
            let input = StandardInput {
                kind: Some(kind(&k)?),
                amount,
                age_from: age_from.unwrap_or_default(),
                age_to: age_to.unwrap_or_default(),
                goods,
                approve_above: approve_above.unwrap_or_default(),
                from: from.unwrap_or_default(),
            };
            let s = ctx.write(|tx, actor, today| welfare::set_standard(tx, actor, &input, today))?;
            say!(
                "{}",
                ctx.tr(
                    "cli-welfare-standard-set",
                    &[("kind", ctx.t(s.kind.label_id())), ("band", s.band_label(&ctx.l10n)), ("amount", s.amount.yuan()), ("from", s.from.to_string())]
                )
            );
            Ok(())
        }
        WelfareCommand::Standards { json } => {
            let all = welfare::standards(&ctx.conn, ctx.today)?;
            if json {
                return print_json(&all);
            }
            if all.is_empty() {
                eprintln!("{}", ctx.t("cli-welfare-no-standards"));
            }
            for s in &all {
                let state = if s.in_force {
                    ctx.t("cli-welfare-in-force")
                } else if s.from > ctx.today {
                    ctx.t("cli-welfare-pending")
                } else {
                    ctx.t("cli-welfare-replaced")
                };
                say!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    ctx.t(s.kind.label_id()),
                    s.band_label(&ctx.l10n),
                    s.amount.plain(),
                    s.goods,
                    s.approve_above.map(|a| a.plain()).unwrap_or_default(),
                    s.from,
                    state
                );
            }
            Ok(())
        }
        WelfareCommand::Pay { member, kind: k, amount, reason, date, receiver, handler, approver, goods } => {
            let approver_pin = super::access::approver_pin(ctx, &approver)?;
            let input = PaymentInput {
                approver_pin,
                member: Some(MemberNo(member)),
                kind: Some(kind(&k)?),
                amount: amount.unwrap_or_default(),
                reason,
                date: date.unwrap_or_default(),
                receiver,
                handler,
                approver,
                goods,
            };
            let p = ctx.write(|tx, actor, today| welfare::pay(tx, actor, &input, today))?;
            say!("{}", p.voucher_no);
            Ok(())
        }
        WelfareCommand::List { year, kind: k, json } => {
            let filter = WelfareFilter { year, kind: k.as_deref().map(kind).transpose()?, member: None };
            let rows = welfare::list(&ctx.conn, &filter)?;
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                eprintln!("{}", ctx.t("cli-welfare-none"));
                return Ok(());
            }
            for w in &rows {
                say!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    w.voucher_no,
                    w.date,
                    w.member_no,
                    w.name,
                    ctx.t(w.kind.label_id()),
                    w.amount.plain(),
                    w.goods,
                    w.receiver,
                    w.reversed_by.as_ref().map(|v| ctx.tr("cli-welfare-reversed", &[("voucher", v.clone())])).unwrap_or_default()
                );
            }
            let live: Vec<_> = rows.iter().filter(|w| w.reversed_by.is_none()).collect();
            let total: huzhu::kernel::Fen = live.iter().map(|w| w.amount).sum();
            eprintln!("{}", ctx.tr("cli-welfare-total", &[("count", live.len().to_string()), ("total", total.yuan())]));
            Ok(())
        }
        WelfareCommand::Slip { vouchers, out, list, title } => {
            let p = if list {
                welfare::sign_list_pdf(&ctx.conn, &vouchers, &title, &ctx.l10n, ctx.today)?
            } else {
                welfare::slips_pdf(&ctx.conn, &vouchers, &ctx.l10n)?
            };
            write_file(ctx, &out.path, out.force, &p.bytes)
        }
        WelfareCommand::Ages { count } => {
            if let Some(c) = count {
                let c = AgeCount::parse(&c).ok_or_else(|| bad_choice("age_count", &c, &["full", "nominal", "周岁", "虚岁"]))?;
                ctx.write(|tx, actor, _| {
                    let mut s = huzhu::association::settings(tx)?;
                    s.age_count = c;
                    huzhu::association::save_settings(tx, actor, &s)
                })?;
            }
            let c = welfare::age_count(&ctx.conn)?;
            say!("{}", ctx.tr("cli-welfare-age-count", &[("count", ctx.t(c.label_id()))]));
            Ok(())
        }
    }
}

fn print_plan(ctx: &Ctx, p: &DeathPlan) {
    say!("{}", ctx.tr("cli-death-status", &[("before", ctx.t(p.status_before.label_id()))]));
    for c in &p.rota.cases_ended {
        say!(
            "{}",
            ctx.tr(
                "cli-death-case-ended",
                &[
                    ("case", c.case_id.0.to_string()),
                    ("recipient", c.recipient_name.clone()),
                    ("kind", ctx.t(c.kind.label_id())),
                    ("slots", c.slots_removed.to_string())
                ]
            )
        );
    }
    for pr in &p.rota.pairings_ended {
        say!("{}", ctx.tr("cli-death-pairing-ended", &[("volunteer", pr.volunteer_name.clone()), ("elder", pr.elder_name.clone())]));
    }
    for s in &p.rota.shifts_left {
        say!(
            "{}",
            ctx.tr(
                "cli-death-shift-left",
                &[
                    ("date", s.date.to_string()),
                    ("start", s.start.clone()),
                    ("end", s.end.clone()),
                    ("shift", s.shift.clone()),
                    ("recipient", s.recipient_name.clone()),
                    ("short", s.short.to_string())
                ]
            )
        );
    }
    if let Some(stay) = p.hospital_stay {
        say!("{}", ctx.tr("cli-death-hospital", &[("stay", stay.to_string())]));
    }
    match p.time_balance {
        Some(h) => say!("{}", ctx.tr("cli-death-time", &[("hours", h.to_string())])),
        None => say!("{}", ctx.t("cli-death-no-time")),
    }
    for h in &p.heirs {
        let args = [("relation", h.relation.clone()), ("name", h.name.clone()), ("phone", h.phone.clone()), ("no", h.member_no.map(|n| n.to_string()).unwrap_or_default())];
        say!("{}", ctx.tr(if h.member_no.is_some() { "cli-death-heir-no" } else { "cli-death-heir" }, &args));
    }
    match &p.dues {
        Some(d) => say!("{}", ctx.tr("cli-death-dues", &[("year", d.year.to_string()), ("owed", d.owed.yuan())])),
        None => say!("{}", ctx.t("cli-death-no-dues")),
    }
    match &p.condolence.standard {
        Some(s) => say!(
            "{}",
            ctx.tr(
                "cli-death-condolence",
                &[("amount", s.amount.yuan()), ("goods", s.goods.clone()), ("receiver", p.condolence.receiver.clone()), ("no", p.member_no.to_string())]
            )
        ),
        None => say!("{}", ctx.t("cli-death-no-standard")),
    }
}

/// `huzhu member died NO --date D [--contact NAME] [--yes] [--full]`: without --yes only says
/// what it would do; the possible heirs' phones masked unless --full (recorded).
pub fn died(ctx: &mut Ctx, no: i64, date: String, contact: String, yes: bool, full: bool) -> Result<()> {
    let input = DeathInput { member: Some(MemberNo(no)), date, contact };
    if !yes {
        let mut p = welfare::death_preview(&ctx.conn, &input, ctx.today)?;
        if full {
            ctx.write(|tx, actor, today| welfare::reveal_heirs(tx, actor, &mut p, today))?;
        }
        say!("{}", ctx.tr("cli-death-preview", &[("name", p.name.clone()), ("no", no.to_string()), ("date", p.date.to_string())]));
        print_plan(ctx, &p);
        eprintln!("{}", ctx.t("cli-death-confirm"));
        return Ok(());
    }
    let p = ctx.write(|tx, actor, today| {
        let mut p = welfare::record_death(tx, actor, &input, today)?;
        if full {
            welfare::reveal_heirs(tx, actor, &mut p, today)?;
        }
        Ok(p)
    })?;
    say!("{}", ctx.tr("cli-death-done", &[("name", p.name.clone())]));
    print_plan(ctx, &p);
    Ok(())
}

/// `huzhu member undo-death NO --reason TEXT`: a death entered by mistake.
pub fn undo_death(ctx: &mut Ctx, no: i64, reason: String) -> Result<()> {
    let c = ctx.write(|tx, actor, today| welfare::correct_death(tx, actor, MemberNo(no), &reason, today))?;
    say!("{}", ctx.tr("cli-death-corrected", &[("name", c.name.clone()), ("status", ctx.t(c.status.label_id()))]));
    if !c.reversals.is_empty() {
        say!("{}", ctx.tr("cli-death-reversed", &[("vouchers", c.reversals.join(", "))]));
    }
    for s in &c.shifts_to_restore {
        say!(
            "{}",
            ctx.tr(
                "cli-death-restore-shift",
                &[("date", s.date.to_string()), ("start", s.start.clone()), ("end", s.end.clone()), ("shift", s.shift.clone()), ("recipient", s.recipient_name.clone())]
            )
        );
    }
    Ok(())
}

pub fn hospital(ctx: &mut Ctx, command: HospitalCommand) -> Result<()> {
    match command {
        HospitalCommand::Admit { no, date, hospital, notes } => {
            let input = AdmitInput { member: Some(MemberNo(no)), date: date.unwrap_or_default(), hospital, notes };
            let s = ctx.write(|tx, actor, today| welfare::admit(tx, actor, &input, today))?;
            say!("{}", ctx.tr("cli-hospital-admitted", &[("name", s.name), ("date", s.admitted.to_string())]));
            Ok(())
        }
        HospitalCommand::Discharge { no, date } => {
            let date = date.unwrap_or_default();
            let s = ctx.write(|tx, actor, today| welfare::discharge(tx, actor, MemberNo(no), &date, today))?;
            say!(
                "{}",
                ctx.tr(
                    "cli-hospital-discharged",
                    &[("name", s.name), ("date", s.discharged.map(|d| d.to_string()).unwrap_or_default()), ("days", s.days.to_string())]
                )
            );
            Ok(())
        }
        HospitalCommand::List { all, json, full } => {
            let phones = ctx.phones(full, "hospital")?;
            let rows = if all { welfare::stays(&ctx.conn, None, ctx.today, phones)? } else { welfare::in_hospital(&ctx.conn, ctx.today, phones)? };
            if json {
                return print_json(&rows);
            }
            for s in &rows {
                say!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    s.member_no,
                    s.name,
                    s.hospital,
                    s.admitted,
                    s.discharged.map(|d| d.to_string()).unwrap_or_default(),
                    s.days
                );
            }
            Ok(())
        }
    }
}

fn print_batch(ctx: &Ctx, r: &BatchResult) {
    for p in &r.paid {
        say!("{}", p.voucher_no);
    }
    for s in &r.skipped {
        eprintln!("{}", ctx.tr("cli-welfare-skipped", &[("name", s.name.clone()), ("no", s.member_no.to_string()), ("why", ctx.t(s.why.label_id()))]));
    }
    let total: huzhu::kernel::Fen = r.paid.iter().map(|p| p.amount).sum();
    eprintln!("{}", ctx.tr("cli-welfare-paid", &[("count", r.paid.len().to_string()), ("total", total.yuan())]));
}

/// The birthdays' JSON: number, name, the solar date in the month, age, decade (and the rest).
pub fn birthdays(ctx: &mut Ctx, args: BirthdaysArgs) -> Result<()> {
    let month = Month::parse("month", &args.month)?;
    if args.pay.pay {
        let input = args.pay.input(ctx, Vec::new())?;
        let r = ctx.write(|tx, actor, today| welfare::pay_decades(tx, actor, month, &input, today))?;
        print_batch(ctx, &r);
        return Ok(());
    }
    if let Some(out) = &args.out {
        let p = welfare::birthdays_pdf(&ctx.conn, month, args.decades, &ctx.l10n, ctx.today)?;
        return write_file(ctx, out, args.force, &p.bytes);
    }
    let phones = ctx.phones(args.full, &format!("birthdays:{month}"))?;
    let list = welfare::birthdays(&ctx.conn, month, args.decades, phones)?;
    if args.json {
        return print_json(&list.lines);
    }
    if list.lines.is_empty() {
        eprintln!("{}", ctx.tr("cli-birthdays-none", &[("month", month.to_string())]));
    }
    let lunar = |l: Option<LunarDay>| l.map(|l| calendar::format_lunar_day(l, ctx.l10n.lang())).unwrap_or_default();
    for b in &list.lines {
        say!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            b.date,
            b.member_no,
            b.name,
            b.age.map(|a| a.to_string()).unwrap_or_default(),
            if b.decade { ctx.t("welfare-decade-mark") } else { String::new() },
            lunar(b.lunar)
        );
    }
    Ok(())
}

pub fn festival(ctx: &mut Ctx, args: FestivalArgs) -> Result<()> {
    let f = Festival::parse(&args.festival).ok_or_else(|| bad_choice("festival", &args.festival, &["chongyang", "chunjie", "重阳", "春节"]))?;
    if args.pay.pay {
        let input = args.pay.input(ctx, args.member.clone())?;
        let r = ctx.write(|tx, actor, today| welfare::pay_festival(tx, actor, f, args.year, &input, today))?;
        print_batch(ctx, &r);
        return Ok(());
    }
    let list = welfare::festival(&ctx.conn, f, args.year, ctx.today)?;
    if args.json {
        return print_json(&list);
    }
    let (m, d) = f.lunar_day();
    let lunar = calendar::format_lunar_day(LunarDay { month: m, day: d, leap: false }, ctx.l10n.lang());
    eprintln!("{}", ctx.tr("cli-festival-date", &[("festival", ctx.t(f.label_id())), ("date", list.date.to_string()), ("lunar", lunar)]));
    if list.standards.is_empty() {
        eprintln!("{}", ctx.tr("cli-festival-standard-none", &[("festival", ctx.t(f.label_id()))]));
    }
    for l in &list.lines {
        say!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            l.member_no,
            l.name,
            l.age.map(|a| a.to_string()).unwrap_or_default(),
            l.amount.map(|a| a.plain()).unwrap_or_default(),
            l.poor.map(|p| ctx.t(p.label_id())).unwrap_or_default(),
            l.paid.clone().unwrap_or_default()
        );
    }
    eprintln!("{}", ctx.tr("cli-festival-total", &[("count", list.lines.len().to_string()), ("total", list.total.yuan()), ("paid", list.paid.to_string())]));
    Ok(())
}
