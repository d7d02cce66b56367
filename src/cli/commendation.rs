//! `huzhu commend --year Y [--min-hours H] [--json] [--out F.pdf] [--list F.pdf]`: the year's
//! volunteers ranked, the certificates (奖状) and the list for the annual meeting.

use std::path::PathBuf;

use clap::Args;
use huzhu::commendation;
use huzhu::time_bank::Hours;
use huzhu::Result;

use super::money::write_file;
use super::{print_json, Ctx};

#[derive(Args)]
pub struct CommendArgs {
    #[arg(long)]
    year: i32,
    /// The hours to reach for this run (default: the association's threshold, 100 unless set)
    #[arg(long = "min-hours")]
    min_hours: Option<String>,
    /// Save --min-hours as the association's threshold
    #[arg(long, requires = "min_hours")]
    save: bool,
    #[arg(long)]
    json: bool,
    /// Write a certificate (奖状) for each volunteer commended
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the list for the annual meeting
    #[arg(long)]
    list: Option<PathBuf>,
    /// Replace the --out / --list files if they exist
    #[arg(long)]
    force: bool,
}

pub fn commend(ctx: &mut Ctx, a: CommendArgs) -> Result<()> {
    let min = match &a.min_hours {
        Some(h) if a.save => {
            let h = ctx.write(|tx, actor, _| commendation::set_min_hours(tx, actor, h))?;
            eprintln!("{}", ctx.tr("cli-commend-threshold", &[("hours", h.to_string())]));
            None
        }
        Some(h) => Some(Hours::parse_move(h)?),
        None => None,
    };
    let r = commendation::ranking(&ctx.conn, a.year, min)?;
    if let Some(path) = &a.out {
        let p = commendation::certificates_pdf(&ctx.conn, &r, &ctx.l10n, ctx.today)?;
        write_file(ctx, path, a.force, &p.bytes)?;
    }
    if let Some(path) = &a.list {
        let p = commendation::list_pdf(&ctx.conn, &r, &ctx.l10n, ctx.today)?;
        write_file(ctx, path, a.force, &p.bytes)?;
    }
    if a.json {
        return print_json(&r);
    }
    for l in &r.lines {
        let title = if l.commended { ctx.t("commend-title-excellent") } else { String::new() };
        say!(
            "{}",
            ctx.tr(
                "cli-commend-line",
                &[
                    ("rank", l.rank.to_string()),
                    ("no", l.member_no.to_string()),
                    ("name", l.name.clone()),
                    ("hours", l.hours.to_string()),
                    ("services", l.services.to_string()),
                    ("title", title)
                ]
            )
            .trim_end()
        );
    }
    let commended = r.lines.iter().filter(|l| l.commended).count();
    eprintln!(
        "{}",
        ctx.tr(
            "cli-commend-summary",
            &[("year", a.year.to_string()), ("count", r.lines.len().to_string()), ("commended", commended.to_string()), ("hours", r.min_hours.to_string())]
        )
    );
    Ok(())
}
