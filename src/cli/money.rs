//! `huzhu cash|dues|receipt|statement …`: the treasurer's commands.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use huzhu::members::{EconomicStatus, MemberNo};
use huzhu::money::cash_book::{self, EntryFilter, EntryInput};
use huzhu::money::dues::{self, DuesPaymentInput, PolicyInput};
use huzhu::money::dues_hours::{self, HoursDuesInput};
use huzhu::money::receipts::{self, ReceiptLayout};
use huzhu::money::statements::{self, StatementFormat, StatementInput};
use huzhu::kernel::fields::{self, ReversalInput};
use huzhu::kernel::{Fen, Month};
use huzhu::money::CashKind;
use huzhu::{Error, Result};

use super::{bad_choice, print_json, write_out, Ctx, Out};

#[derive(Subcommand)]
pub enum CashCommand {
    /// Post an income or expense; prints the voucher number (and the receipt number with --receipt)
    Add {
        /// income | expense (收入 | 支出)
        #[arg(long)]
        kind: String,
        #[arg(long)]
        category: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        party: String,
        #[arg(long, default_value = "")]
        handler: String,
        /// 审批人, for expenses
        #[arg(long, default_value = "")]
        approver: String,
        #[arg(long, default_value = "")]
        memo: String,
        /// Issue a numbered receipt for this income
        #[arg(long)]
        receipt: bool,
    },
    /// Reverse (冲销) a posted entry; prints the reversal's voucher number
    Reverse {
        voucher: String,
        #[arg(long)]
        reason: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
    },
    /// List entries with the running balance
    List {
        /// YYYY-MM
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The balance at the end of a day (default: everything), e.g. 1234.50
    Balance {
        #[arg(long)]
        date: Option<String>,
    },
    /// Record a cash count (盘点) and show any difference from the book
    Count {
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Close a month (月结): no more entries dated in it
    Close {
        #[arg(long)]
        month: String,
    },
    /// List, add, rename or delete categories
    Categories {
        /// Add a category of this kind (needs --name)
        #[arg(long)]
        add: Option<String>,
        /// Rename this category (needs --name)
        #[arg(long)]
        rename: Option<String>,
        /// Delete this unused category
        #[arg(long)]
        delete: Option<String>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum DuesCommand {
    /// Set a year's dues policy
    Policy {
        #[arg(long)]
        year: i32,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Members this old or older (on 31 December) pay nothing
        #[arg(long = "exempt-age")]
        exempt_age: Option<u32>,
        /// Exempt economic statuses, comma separated: 五保,低保,特困 (wubao,dibao,tekun)
        #[arg(long, value_delimiter = ',')]
        exempt: Vec<String>,
    },
    /// Waive one member's dues for a year, with the reason
    Waive {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        member: i64,
        #[arg(long)]
        reason: String,
    },
    /// Who owes what for a year
    Bill {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Record a cash payment (prints the receipt number), or with --with-hours pay a year's dues
    /// from the member's saved hours (prints the slip number; no cash moves)
    Pay {
        #[arg(long)]
        member: i64,
        /// One year or several: --year 2025,2026
        #[arg(long, value_delimiter = ',', required = true)]
        year: Vec<i32>,
        #[arg(long, allow_hyphen_values = true, required_unless_present = "with_hours", conflicts_with = "with_hours")]
        amount: Option<String>,
        /// Pay what is owed for the year with saved hours, at the association's rate (dues hours-rate)
        #[arg(long = "with-hours")]
        with_hours: bool,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        handler: String,
    },
    /// The rate at which saved hours pay dues, in yuan an hour ("off" turns it off); without
    /// a rate, shows it
    HoursRate { rate: Option<String> },
    /// Print the slip (收据) of dues paid with hours: dues slip S2026-0001 --out F.pdf
    Slip {
        number: String,
        #[command(flatten)]
        out: Out,
    },
    /// The arrears list (欠费名单) by village group; --out prints it
    Arrears {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the --out file if it already exists
        #[arg(long, requires = "out")]
        force: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ReceiptCommand {
    /// Print receipts (three to an A4 page, or one to an A5 page); reprints say 补打
    Pdf {
        #[arg(required = true)]
        numbers: Vec<String>,
        #[command(flatten)]
        out: Out,
        #[arg(long)]
        a5: bool,
    },
    /// Void a receipt; it keeps its number and prints 作废
    Void {
        number: String,
        #[arg(long)]
        reason: String,
    },
    /// Issue a receipt for an income entry (e.g. again after voiding a spoiled one)
    Issue {
        voucher: String,
        #[arg(long, default_value = "")]
        payer: String,
        #[arg(long, default_value = "")]
        purpose: String,
        #[arg(long, default_value = "")]
        handler: String,
    },
    /// List receipts
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct StatementArgs {
    /// YYYY-MM
    #[arg(long, conflicts_with = "year")]
    month: Option<String>,
    #[arg(long)]
    year: Option<i32>,
    /// --out FILE.pdf or FILE.xlsx
    #[command(flatten)]
    out: Out,
}

fn opt_date(field: &'static str, s: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    s.map(|d| fields::date(field, d)).transpose()
}

pub(super) fn write_file(ctx: &Ctx, path: &Path, force: bool, bytes: &[u8]) -> Result<()> {
    write_out(ctx, path, force, bytes)?;
    eprintln!("{}", ctx.tr("cli-file-written", &[("file", path.display().to_string())]));
    Ok(())
}

fn print_entries(ctx: &Ctx, entries: &[cash_book::CashEntry]) {
    for e in entries {
        let signed = e.signed;
        say!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.voucher_no,
            e.date,
            ctx.t(e.kind.label_id()),
            e.category_label(&ctx.l10n),
            signed.plain(),
            e.balance.map(|b| b.plain()).unwrap_or_default(),
            e.party,
            e.receipt_no.clone().unwrap_or_default(),
            match &e.reverses {
                Some(of) => format!("{} ({})", ctx.tr("statement-reversal-of", &[("voucher", of.clone())]), e.reason),
                None => e.memo.clone(),
            }
        );
    }
}

pub fn cash(ctx: &mut Ctx, command: CashCommand) -> Result<()> {
    match command {
        CashCommand::Add { kind, category, amount, date, party, handler, approver, memo, receipt } => {
            let k = CashKind::parse(&kind).ok_or_else(|| bad_choice("kind", &kind, &["income", "expense", "收入", "支出"]))?;
            let approver_pin = super::access::approver_pin(ctx, &approver)?;
            let input = EntryInput { kind: Some(k), category, amount, date: date.unwrap_or_default(), party, handler, approver, memo, approver_pin };
            let posted = ctx.write(|tx, actor, today| receipts::post_entry(tx, actor, &input, receipt, today))?;
            match posted.receipt {
                Some(r) => say!("{} {}", posted.entry.voucher_no, r.receipt_no),
                None => say!("{}", posted.entry.voucher_no),
            }
            Ok(())
        }
        CashCommand::Reverse { voucher, reason, date } => {
            let input = ReversalInput { reason, date: date.unwrap_or_default() };
            let e = ctx.write(|tx, actor, today| receipts::reverse_entry(tx, actor, &voucher, &input, today))?;
            eprintln!("{}", ctx.tr("cli-reversed", &[("voucher", voucher.clone()), ("reversal", e.voucher_no.clone())]));
            say!("{}", e.voucher_no);
            Ok(())
        }
        CashCommand::List { month, json } => {
            let filter = match month.as_deref() {
                Some(m) => EntryFilter::month(Month::parse("month", m)?),
                None => EntryFilter::default(),
            };
            let entries = cash_book::list(&ctx.conn, &filter)?;
            if json {
                return print_json(&entries);
            }
            print_entries(ctx, &entries);
            Ok(())
        }
        CashCommand::Balance { date } => {
            let on = opt_date("date", date.as_deref())?;
            say!("{}", cash_book::balance(&ctx.conn, on)?.plain());
            Ok(())
        }
        CashCommand::Count { amount, date, note } => {
            let date = opt_date("date", date.as_deref())?;
            let c = ctx.write(|tx, actor, today| cash_book::count_cash(tx, actor, &amount, date.unwrap_or(today), &note, today))?;
            let result = match c.difference.0.signum() {
                0 => ctx.t("cli-cash-count-even"),
                1 => ctx.tr("cli-cash-count-over", &[("diff", c.difference.yuan())]),
                _ => ctx.tr("cli-cash-count-short", &[("diff", Fen(-c.difference.0).yuan())]),
            };
            say!(
                "{}",
                ctx.tr(
                    "cli-cash-count",
                    &[("date", c.date.to_string()), ("counted", c.counted.yuan()), ("book", c.book.yuan()), ("result", result)]
                )
            );
            Ok(())
        }
        CashCommand::Close { month } => {
            let m = Month::parse("month", &month)?;
            let c = ctx.write(|tx, actor, today| cash_book::close_month(tx, actor, m, today))?;
            say!("{}", ctx.tr("cli-month-closed", &[("month", c.month), ("balance", c.balance.yuan())]));
            Ok(())
        }
        CashCommand::Categories { add, rename, delete, name, json } => {
            let need_name = || name.clone().ok_or_else(|| Error::invalid("name", "error-category-name-required"));
            if let Some(kind) = add {
                let k = CashKind::parse(&kind).ok_or_else(|| bad_choice("kind", &kind, &["income", "expense"]))?;
                let n = need_name()?;
                let c = ctx.write(|tx, actor, _| cash_book::add_category(tx, actor, k, &n))?;
                say!("{}", ctx.tr("cli-category-added", &[("name", c.name)]));
                return Ok(());
            }
            if let Some(old) = rename {
                let n = need_name()?;
                let c = ctx.write(|tx, actor, _| cash_book::rename_category(tx, actor, &old, &n))?;
                say!("{}", ctx.tr("cli-category-renamed", &[("name", c.name)]));
                return Ok(());
            }
            if let Some(old) = delete {
                ctx.write(|tx, actor, _| cash_book::delete_category(tx, actor, &old))?;
                say!("{}", ctx.tr("cli-category-deleted", &[("name", old)]));
                return Ok(());
            }
            let cats = cash_book::categories(&ctx.conn)?;
            if json {
                return print_json(&cats);
            }
            for c in &cats {
                say!("{}\t{}\t{}", ctx.t(c.kind.label_id()), c.label(&ctx.l10n), c.used);
            }
            Ok(())
        }
    }
}

fn exempt_status(s: &str) -> Result<EconomicStatus> {
    match EconomicStatus::parse(s) {
        Some(st) if st != EconomicStatus::Ordinary => Ok(st),
        _ => Err(bad_choice("exempt", s, &["五保", "低保", "特困"])),
    }
}

pub fn dues(ctx: &mut Ctx, command: DuesCommand) -> Result<()> {
    match command {
        DuesCommand::Policy { year, amount, exempt_age, exempt } => {
            let exempt_statuses = exempt.iter().filter(|s| !s.trim().is_empty()).map(|s| exempt_status(s)).collect::<Result<Vec<_>>>()?;
            let input = PolicyInput { year, amount, exempt_age: exempt_age.map(|a| a.to_string()).unwrap_or_default(), exempt_statuses };
            let p = ctx.write(|tx, actor, _| dues::set_policy(tx, actor, &input))?;
            say!("{}", ctx.tr("cli-policy-saved", &[("year", p.year.to_string()), ("amount", p.amount.yuan())]));
            Ok(())
        }
        DuesCommand::Waive { year, member, reason } => {
            ctx.write(|tx, actor, today| dues::waive(tx, actor, year, MemberNo(member), &reason, today))?;
            say!("{}", ctx.tr("cli-waived", &[("no", member.to_string()), ("year", year.to_string())]));
            Ok(())
        }
        DuesCommand::Bill { year, json } => {
            let lines = dues::bill(&ctx.conn, year)?;
            if json {
                return print_json(&lines);
            }
            print_dues_lines(ctx, &lines);
            Ok(())
        }
        DuesCommand::Pay { member, year, amount: _, date, handler: _, with_hours: true } => {
            let [year] = year[..] else {
                return Err(Error::invalid("year", "error-dues-hours-one-year"));
            };
            let input = HoursDuesInput { member: Some(MemberNo(member)), year, date: date.unwrap_or_default() };
            let p = ctx.write(|tx, actor, today| dues_hours::pay_with_hours(tx, actor, &input, today))?;
            eprintln!(
                "{}",
                ctx.tr(
                    "cli-dues-hours-paid",
                    &[("name", p.name.clone()), ("year", p.year.to_string()), ("amount", p.amount.yuan()), ("hours", p.hours.to_string()), ("slip", p.slip_no.clone())]
                )
            );
            say!("{}", p.slip_no);
            Ok(())
        }
        DuesCommand::HoursRate { rate } => {
            let rate = match rate {
                Some(r) => ctx.write(|tx, actor, _| dues_hours::set_hours_rate(tx, actor, &r))?,
                None => dues_hours::hours_rate(&ctx.conn)?,
            };
            match rate {
                Some(r) => say!("{}", ctx.tr("dues-hours-rate", &[("rate", r.yuan())])),
                None => say!("{}", ctx.t("dues-hours-rate-off")),
            }
            Ok(())
        }
        DuesCommand::Slip { number, out } => {
            let p = dues_hours::slip_pdf(&ctx.conn, &number, &ctx.l10n)?;
            write_file(ctx, &out.path, out.force, &p.bytes)
        }
        DuesCommand::Pay { member, year, amount, date, handler, with_hours: false } => {
            let amount = amount.unwrap_or_default();
            let years = year.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
            let input = DuesPaymentInput { member: Some(MemberNo(member)), years, amount, date: date.unwrap_or_default(), handler };
            let p = ctx.write(|tx, actor, today| dues::pay(tx, actor, &input, today))?;
            say!("{}", p.receipt.receipt_no);
            Ok(())
        }
        DuesCommand::Arrears { year, out, force, json } => {
            if let Some(path) = out {
                let p = dues::arrears_pdf(&ctx.conn, year, &ctx.l10n, ctx.today)?;
                return write_file(ctx, &path, force, &p.bytes);
            }
            let lines = dues::arrears(&ctx.conn, year)?;
            if json {
                return print_json(&lines);
            }
            print_dues_lines(ctx, &lines);
            Ok(())
        }
    }
}

fn print_dues_lines(ctx: &Ctx, lines: &[dues::DuesLine]) {
    for l in lines {
        let exemption = l.exemption.as_ref().map(|e| e.label(&ctx.l10n)).unwrap_or_default();
        let (due, paid, owed) = (l.due.plain(), l.paid.plain(), l.owed.plain());
        say!("{}\t{}\t{}\t{due}\t{paid}\t{owed}\t{exemption}", l.member_no, l.name, l.village_group);
    }
    let sum = |f: fn(&dues::DuesLine) -> Fen| lines.iter().map(f).sum::<Fen>().yuan();
    eprintln!(
        "{}",
        ctx.tr(
            "cli-bill-total",
            &[("count", lines.len().to_string()), ("due", sum(|l| l.due)), ("paid", sum(|l| l.paid)), ("owed", sum(|l| l.owed))]
        )
    );
    // Dues paid with saved hours, beside the cash, when there are any (--json gives both per line).
    let hours: Fen = lines.iter().map(|l| l.paid_hours).sum();
    if hours > Fen::ZERO {
        eprintln!("{}", ctx.tr("cli-bill-paid-split", &[("cash", sum(|l| l.paid_cash)), ("hours", hours.yuan())]));
    }
}

pub fn receipt(ctx: &mut Ctx, command: ReceiptCommand) -> Result<()> {
    match command {
        ReceiptCommand::Pdf { numbers, out, a5 } => {
            let layout = if a5 { ReceiptLayout::A5 } else { ReceiptLayout::A4Three };
            let lang = ctx.l10n.lang();
            let p = ctx.write(|tx, actor, _| {
                let l10n = huzhu::i18n::Localizer::new(lang);
                receipts::print(tx, actor, &numbers, layout, &l10n)
            })?;
            write_file(ctx, &out.path, out.force, &p.bytes)
        }
        ReceiptCommand::Void { number, reason } => {
            let r = ctx.write(|tx, actor, _| receipts::void(tx, actor, &number, &reason))?;
            say!("{}", ctx.tr("cli-receipt-voided", &[("receipt", r.receipt_no)]));
            Ok(())
        }
        ReceiptCommand::Issue { voucher, payer, purpose, handler } => {
            let r = ctx.write(|tx, actor, _| receipts::issue_for_voucher(tx, actor, &voucher, &payer, &purpose, &handler))?;
            say!("{}", r.receipt_no);
            Ok(())
        }
        ReceiptCommand::List { year, json } => {
            if json {
                return print_json(&receipts::list(&ctx.conn, year)?);
            }
            for line in receipts::lines(&ctx.conn, year, &ctx.l10n)? {
                let r = &line.receipt;
                say!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    r.receipt_no,
                    r.date,
                    r.payer,
                    r.amount.plain(),
                    line.purpose_label,
                    if r.voided { ctx.t("receipt-void") } else { String::new() }
                );
            }
            Ok(())
        }
    }
}

pub fn statement(ctx: &mut Ctx, a: StatementArgs) -> Result<()> {
    if a.month.is_none() && a.year.is_none() {
        return Err(Error::invalid("period", "error-period-required"));
    }
    let ext = a.out.path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        Some("pdf") => StatementFormat::Pdf,
        Some("xlsx") => StatementFormat::Xlsx,
        _ => return Err(Error::invalid("out", "error-out-format")),
    };
    let input = StatementInput {
        by_year: a.year.is_some(),
        month: a.month.unwrap_or_default(),
        year: a.year.map(|y| y.to_string()).unwrap_or_default(),
        format,
    };
    let p = statements::file(&ctx.conn, &input, &ctx.l10n, ctx.today)?;
    write_file(ctx, &a.out.path, a.out.force, &p.bytes)
}
