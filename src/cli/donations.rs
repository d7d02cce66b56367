//! `huzhu donate|donors …`: gifts to the association and the honour list (捐款芳名榜).

use clap::{Args, Subcommand};
use huzhu::money::donations::{self, DonationInput, HonourFilter};
use huzhu::Result;

use super::money::write_file;
use super::{print_json, Ctx, Out};

/// Which gifts the honour list shows: the core's `HonourFilter`, from the command line.
#[derive(Args)]
pub struct HonourArgs {
    /// First day, YYYY-MM-DD
    #[arg(long, default_value = "")]
    from: String,
    /// Last day, YYYY-MM-DD
    #[arg(long, default_value = "")]
    to: String,
    /// Only gifts for this purpose
    #[arg(long, default_value = "")]
    purpose: String,
}

impl From<HonourArgs> for HonourFilter {
    fn from(a: HonourArgs) -> HonourFilter {
        HonourFilter { from: a.from, to: a.to, purpose: a.purpose }
    }
}

#[derive(Subcommand)]
pub enum DonorsCommand {
    /// The honour list poster (捐款芳名榜)
    Pdf {
        #[command(flatten)]
        filter: HonourArgs,
        #[command(flatten)]
        out: Out,
    },
    /// The honour list as text, largest gifts first
    List {
        #[command(flatten)]
        filter: HonourArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct DonateArgs {
    #[arg(long)]
    donor: String,
    #[arg(long, allow_hyphen_values = true)]
    amount: String,
    #[arg(long)]
    date: Option<String>,
    #[arg(long, default_value = "")]
    purpose: String,
    #[arg(long, default_value = "")]
    handler: String,
    /// Issue a receipt too
    #[arg(long)]
    receipt: bool,
}

pub fn donors(ctx: &mut Ctx, command: DonorsCommand) -> Result<()> {
    match command {
        DonorsCommand::Pdf { filter, out } => {
            let f = HonourFilter::from(filter);
            let p = donations::honour_pdf(&ctx.conn, &f, &ctx.l10n, ctx.today)?;
            write_file(ctx, &out.path, out.force, &p.bytes)
        }
        DonorsCommand::List { filter, json } => {
            let f = HonourFilter::from(filter);
            let list = donations::honour_list(&ctx.conn, &f)?;
            if json {
                return print_json(&list);
            }
            for d in &list {
                say!("{}\t{}\t{}", d.donor, d.amount.plain(), d.gifts);
            }
            Ok(())
        }
    }
}

pub fn donate(ctx: &mut Ctx, a: DonateArgs) -> Result<()> {
    let input = DonationInput {
        donor: a.donor,
        amount: a.amount,
        date: a.date.unwrap_or_default(),
        purpose: a.purpose,
        handler: a.handler,
        receipt: a.receipt,
    };
    let (_, entry, receipt) = ctx.write(|tx, actor, today| donations::donate(tx, actor, &input, today))?;
    match receipt {
        Some(r) => say!("{} {}", entry.voucher_no, r.receipt_no),
        None => say!("{}", entry.voucher_no),
    }
    Ok(())
}
