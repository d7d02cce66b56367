//! `huzhu agenda`: the month at a glance (本月要事), as text, JSON or one A4 page.

use std::path::PathBuf;

use clap::Args;
use huzhu::agenda;
use huzhu::kernel::Month;
use huzhu::Result;

use super::money::write_file;
use super::{print_json, Ctx};

#[derive(Args)]
pub struct AgendaArgs {
    /// YYYY-MM (default: this month)
    #[arg(long)]
    month: Option<String>,
    #[arg(long)]
    json: bool,
    /// Print it as one A4 page
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace the --out file if it already exists
    #[arg(long, requires = "out")]
    force: bool,
}

pub fn agenda_cmd(ctx: &mut Ctx, args: AgendaArgs) -> Result<()> {
    let month = match &args.month {
        Some(m) => Month::parse("month", m)?,
        None => Month::of(ctx.today),
    };
    // The backup line is a reminder: a backups/ folder that cannot be read leaves it out.
    let backup = huzhu::backup::status(&ctx.path, huzhu::now()).ok();
    if let Some(out) = &args.out {
        let p = agenda::agenda_pdf(&ctx.conn, month, &ctx.l10n, ctx.today, backup.as_ref())?;
        return write_file(ctx, out, args.force, &p.bytes);
    }
    let a = agenda::agenda(&ctx.conn, month, ctx.today, backup.as_ref())?;
    if args.json {
        return print_json(&a);
    }
    let t = |id: &str, args: &[(&str, String)]| ctx.tr(id, args);
    say!("{}", t("agenda-title", &[("year", month.year.to_string()), ("month", month.month.to_string())]));
    say!("{}: {}", ctx.t("agenda-box-cash"), a.cash_balance.yuan());
    let decades = a.birthdays.iter().filter(|b| b.decade).count();
    say!("{}", t("agenda-birthdays", &[("count", a.birthdays.len().to_string()), ("decades", decades.to_string())]));
    for b in &a.birthdays {
        let mark = if b.decade { ctx.t("welfare-decade-mark") } else { String::new() };
        say!("  {}\t{}\t{}\t{}\t{}", b.date, b.member_no, b.name, b.age.map(|x| x.to_string()).unwrap_or_default(), mark);
    }
    say!("{}", ctx.t("agenda-deaths"));
    for d in &a.unpaid_deaths {
        say!("  {}\t{}\t{}\t{}", d.member_no, d.name, d.date, d.proposed.map(|p| p.yuan()).unwrap_or_default());
    }
    say!("{}", ctx.t("agenda-hospital"));
    for h in &a.in_hospital {
        say!("  {}\t{}\t{}\t{}", h.member_no, h.name, h.hospital, h.admitted);
    }
    match &a.dues {
        Some(d) => say!("{}", t("agenda-dues", &[("year", d.year.to_string()), ("people", d.people.to_string()), ("total", d.total.yuan())])),
        None => say!("{}", t("agenda-dues-no-policy", &[("year", month.year.to_string())])),
    }
    say!("{}", ctx.t("agenda-shifts"));
    for m in &a.shifts {
        if !m.generated {
            say!("  {}", t("agenda-shifts-not-generated", &[("month", m.month.month.to_string())]));
        }
        for s in &m.short {
            say!("  {}\t{}\t{}-{}\t{}\t{}\t{}", s.slot, s.date, s.start, s.end, s.shift, s.recipient_name, s.short);
        }
    }
    say!("{}", t("agenda-overdue", &[("days", a.overdue_days.to_string())]));
    for o in &a.overdue {
        say!("  {}\t{}\t{}", o.member_no, o.name, o.days.map(|d| d.to_string()).unwrap_or_default());
    }
    say!("{}", ctx.t("agenda-festivals"));
    for f in &a.festivals {
        say!("  {}\t{}\t{}\t{}\t{}", ctx.t(f.festival.label_id()), f.date, f.eligible, f.total.plain(), f.paid);
    }
    Ok(())
}
