//! `huzhu report|notice|elders …`: the reports to the village committee and the wall.

use std::path::Path;

use clap::Args;
use huzhu::money::statements::{Period, StatementFormat};
use huzhu::reports::{self, elders, work, EldersInput};
use huzhu::{Error, Result};

use super::{write_out, Ctx, Out};

#[derive(Args)]
pub struct ReportArgs {
    /// YYYY-MM
    #[arg(long, conflicts_with_all = ["quarter", "year"])]
    month: Option<String>,
    /// YYYY-Q (2026-3 or 2026-Q3)
    #[arg(long, conflicts_with = "year")]
    quarter: Option<String>,
    #[arg(long)]
    year: Option<i32>,
    // --out FILE.pdf or FILE.xlsx [--force]
    #[command(flatten)]
    out: Out,
    /// The notes paragraph (其他说明)
    #[arg(long, default_value = "")]
    notes: String,
}

#[derive(Args)]
pub struct NoticeArgs {
    /// YYYY-MM
    #[arg(long, conflicts_with_all = ["quarter", "year"])]
    month: Option<String>,
    /// YYYY-Q (2026-3 or 2026-Q3)
    #[arg(long, conflicts_with = "year")]
    quarter: Option<String>,
    #[arg(long)]
    year: Option<i32>,
    // --out FILE.pdf [--force]
    #[command(flatten)]
    out: Out,
    /// Print on A3 instead of A4
    #[arg(long)]
    a3: bool,
}

#[derive(Args)]
pub struct EldersArgs {
    /// The age (周岁) from which people are listed
    #[arg(long, default_value_t = elders::DEFAULT_AGE.to_string())]
    age: String,
    /// The date the ages are counted on (YYYY-MM-DD; default today)
    #[arg(long, default_value = "")]
    as_of: String,
    /// An earlier date: also list who came of age, was registered, died or left since
    #[arg(long, default_value = "")]
    since: String,
    // --out FILE.pdf or FILE.xlsx [--force]
    #[command(flatten)]
    out: Out,
    /// Print ID numbers and phones in full (masked by default)
    #[arg(long)]
    full_id: bool,
}

/// PDF or XLSX, from the name of the file asked for.
fn format_of(out: &Path, xlsx_allowed: bool) -> Result<StatementFormat> {
    match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("pdf") => Ok(StatementFormat::Pdf),
        Some("xlsx") if xlsx_allowed => Ok(StatementFormat::Xlsx),
        _ if xlsx_allowed => Err(Error::invalid("out", "error-out-format")),
        _ => Err(Error::invalid("out", "error-out-pdf")),
    }
}

/// Through `huzhu::output::write` (never over the database or a backup, an existing file only
/// with --force), like every other --out.
fn write_file(ctx: &Ctx, out: &Out, bytes: &[u8]) -> Result<()> {
    write_out(ctx, &out.path, out.force, bytes)?;
    eprintln!("{}", ctx.tr("cli-file-written", &[("file", out.shown())]));
    Ok(())
}

pub fn report(ctx: &mut Ctx, a: ReportArgs) -> Result<()> {
    let period = Period::from_flags(a.month.as_deref(), a.quarter.as_deref(), a.year)?;
    let format = format_of(&a.out.path, true)?;
    let r = work::build(&ctx.conn, period, &a.notes, &ctx.l10n, ctx.today)?;
    let file = reports::work_report_bytes(&r, format, &ctx.l10n)?;
    write_file(ctx, &a.out, &file.bytes)
}

pub fn notice(ctx: &mut Ctx, a: NoticeArgs) -> Result<()> {
    let period = Period::from_flags(a.month.as_deref(), a.quarter.as_deref(), a.year)?;
    format_of(&a.out.path, false)?;
    let bytes = reports::notice(&ctx.conn, period, a.a3, &ctx.l10n, ctx.today)?;
    write_file(ctx, &a.out, &bytes)
}

pub fn elders(ctx: &mut Ctx, a: EldersArgs) -> Result<()> {
    let format = format_of(&a.out.path, true)?;
    let input = EldersInput { age: a.age, as_of: a.as_of, since: a.since, full_id: a.full_id };
    let file = reports::elders_file(&ctx.conn, &input, format, &ctx.l10n, ctx.today)?;
    // Recorded with the file's writing; whole ID and phone numbers are a sensitive read.
    let action = if input.full_id { "export_full" } else { "export" };
    a.out.write_recorded(ctx, &file.bytes, |tx, actor| huzhu::audit::record(tx, actor, action, "export", "elders", None::<&()>, Some(&input)))?;
    eprintln!("{}", ctx.tr("cli-file-written", &[("file", a.out.shown())]));
    Ok(())
}
