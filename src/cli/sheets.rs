//! `huzhu export …` (every list as XLSX or CSV) and `huzhu import members FILE` (the committee's
//! roster).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use huzhu::backup::BackupReason;
use huzhu::exports::{self, ExportRequest, ListExport};
use huzhu::kernel::Month;
use huzhu::members::MemberNo;
use huzhu::welfare::WelfareFilter;
use huzhu::roster::{self, RosterLine};
use huzhu::sheets::SheetFormat;
use huzhu::{Error, Result};
use serde::Serialize;

use super::members::RegisterFilter;
use super::donations::HonourArgs;
use super::{print_json, Ctx, Out};

/// Where an export goes and how numbers are shown, for every list.
#[derive(Args)]
pub struct ExportOut {
    // FILE.xlsx or FILE.csv (UTF-8 with a BOM, for Excel); an existing file only with --force.
    #[command(flatten)]
    out: Out,
    /// Whole ID and phone numbers (masked by default)
    #[arg(long = "full-id")]
    full_id: bool,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The register (会员花名册), with the filters of `member list`
    Members {
        #[command(flatten)]
        filter: RegisterFilter,
        #[command(flatten)]
        out: ExportOut,
    },
    /// Dues owed for a year (会费欠缴名单)
    Arrears {
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        out: ExportOut,
    },
    /// A month's rota (值班表)
    Rota {
        /// YYYY-MM
        #[arg(long)]
        month: String,
        #[command(flatten)]
        out: ExportOut,
    },
    /// Time-bank balances (时间储蓄余额表)
    Time {
        #[command(flatten)]
        out: ExportOut,
    },
    /// Donations (捐款明细)
    Donations {
        #[command(flatten)]
        filter: HonourArgs,
        #[command(flatten)]
        out: ExportOut,
    },
    /// Welfare payments (慰问发放明细), reversed ones marked and left out of the total
    Welfare {
        #[arg(long)]
        year: Option<i32>,
        /// condolence hospital sick birthday chongyang chunjie other (or 丧葬慰问, 住院慰问…)
        #[arg(long)]
        kind: Option<String>,
        /// Only this member's payments
        #[arg(long)]
        member: Option<i64>,
        #[command(flatten)]
        out: ExportOut,
    },
}

pub fn export(ctx: &mut Ctx, command: ExportCommand) -> Result<()> {
    let (list, out) = match command {
        ExportCommand::Members { filter, out } => (ListExport::Members { filter: filter.parse()? }, out),
        ExportCommand::Arrears { year, out } => (ListExport::Arrears { year }, out),
        ExportCommand::Rota { month, out } => (ListExport::Rota { month: Month::parse("month", &month)? }, out),
        ExportCommand::Time { out } => (ListExport::Time, out),
        ExportCommand::Donations { filter, out } => (ListExport::Donations { filter: filter.into() }, out),
        ExportCommand::Welfare { year, kind, member, out } => {
            let kind = kind.as_deref().map(super::welfare::kind).transpose()?;
            (ListExport::Welfare { filter: WelfareFilter { year, kind, member: member.map(MemberNo) } }, out)
        }
    };
    let format = SheetFormat::of_path(&out.out.path).ok_or_else(|| Error::invalid("out", "error-out-sheet-format"))?;
    let req = ExportRequest { list, format, full_numbers: out.full_id };
    let e = exports::export(&ctx.conn, &req, &ctx.l10n, ctx.today)?;
    // Recorded in the audit log in the transaction that writes the file: a refused export
    // (a role without whole numbers, a file that exists) leaves no row.
    let guard = ctx.guard();
    let overwrite = huzhu::output::Overwrite::from_force(out.out.force);
    ctx.write(|tx, actor, _| {
        exports::record(tx, actor, &req)?;
        huzhu::output::write(&out.out.path, &e.bytes, overwrite, &guard)
    })?;
    say!("{}", ctx.tr("cli-export-done", &[("rows", e.rows.to_string()), ("file", out.out.shown())]));
    Ok(())
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// The committee's roster (花名册): xls, xlsx or csv. Shows what would happen to each row;
    /// writes only with --yes
    Members {
        file: PathBuf,
        /// The sheet to read (default: the first with a header row)
        #[arg(long)]
        sheet: Option<String>,
        /// Import the rows marked add and update (rows with errors are left out)
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
}

/// `--json`: the rows as the issue gives them, `{"rows":[{"row","name","action","message"}]}`.
#[derive(Serialize)]
struct JsonRows<'a> {
    rows: &'a [RosterLine],
}

pub fn import(ctx: &mut Ctx, command: ImportCommand) -> Result<()> {
    let ImportCommand::Members { file, sheet, yes, json } = command;
    let bytes = roster::read_file(&file.to_string_lossy())?;
    let plan = roster::plan(&ctx.conn, &bytes, sheet.as_deref(), ctx.today)?;
    let preview = plan.preview(&ctx.l10n);
    if json {
        print_json(&JsonRows { rows: &preview.rows })?;
    } else {
        for r in &preview.rows {
            say!("{}\t{}\t{}\t{}", ctx.tr("cli-import-row", &[("row", r.row.to_string())]), r.name, ctx.t(r.action.label_id()), r.message);
        }
    }
    let c = preview.counts;
    let counts = [
        ("add", c.add.to_string()),
        ("update", c.update.to_string()),
        ("same", c.same.to_string()),
        ("skip", c.skip.to_string()),
        ("error", c.error.to_string()),
    ];
    eprintln!("{}", ctx.tr("cli-import-summary", &counts));
    if !yes {
        eprintln!("{}", ctx.t("cli-import-preview-only"));
        return Ok(());
    }
    // No backup, no import: the copy is made (and checked) before anything is written.
    huzhu::backup::before(&ctx.path, BackupReason::BeforeImport, huzhu::now())?;
    let digest = plan.digest.clone();
    let done = ctx.write(|tx, actor, today| roster::import(tx, actor, &bytes, sheet.as_deref(), Some(&digest), today))?;
    eprintln!("{}", ctx.tr("cli-import-done", &[("add", done.counts.add.to_string()), ("update", done.counts.update.to_string())]));
    Ok(())
}
