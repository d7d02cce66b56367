//! `huzhu activity add|attend|cost|sheet|list`: activities (活动), their attendance, costs and the
//! sign-in sheet.

use clap::Subcommand;
use huzhu::activities::{self, ActivityId, ActivityInput, ActivityKind, AttendanceInput, CostCategory, CostInput};
use huzhu::members::MemberNo;
use huzhu::Result;

use super::money::write_file;
use super::{bad_choice, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum ActivityCommand {
    /// Record an activity (planned or held); prints its id
    Add {
        #[arg(long)]
        name: String,
        /// festival | chongyang | recreation | trip | lecture | other (or 节日联欢, 重阳活动, 文体, 外出旅游, 讲座, 其他)
        #[arg(long)]
        kind: String,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        place: String,
        #[arg(long)]
        budget: Option<String>,
    },
    /// Tick who came (register numbers), or give the head count with --count
    Attend {
        id: i64,
        people: Vec<i64>,
        #[arg(long)]
        count: Option<String>,
    },
    /// Post a cost of the activity to the cash book (活动经费, or 外出旅游 for a trip)
    Cost {
        id: i64,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// events | trips (or 活动经费, 外出旅游); default: by the activity's kind
        #[arg(long)]
        category: Option<String>,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        /// Who was paid
        #[arg(long, default_value = "")]
        party: String,
        /// What for
        #[arg(long, default_value = "")]
        memo: String,
    },
    /// Print the sign-in sheet (签到表) to sign at the door
    Sheet {
        id: i64,
        #[command(flatten)]
        out: Out,
    },
    /// The year's activities (default: this year)
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
}

fn kind(s: &str) -> Result<ActivityKind> {
    ActivityKind::parse(s).ok_or_else(|| bad_choice("kind", s, &ActivityKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>()))
}

fn category(s: &str) -> Result<CostCategory> {
    CostCategory::parse(s).ok_or_else(|| bad_choice("category", s, &CostCategory::ALL.iter().map(|k| k.code()).collect::<Vec<_>>()))
}

pub fn activity(ctx: &mut Ctx, command: ActivityCommand) -> Result<()> {
    match command {
        ActivityCommand::Add { name, kind: k, date, place, budget } => {
            let input = ActivityInput { name, kind: Some(kind(&k)?), date: date.unwrap_or_default(), place, budget: budget.unwrap_or_default() };
            let a = ctx.write(|tx, actor, today| activities::add(tx, actor, &input, today))?;
            eprintln!("{}", ctx.tr("cli-activity-added", &[("id", a.id.0.to_string()), ("name", a.name.clone()), ("date", a.date.to_string())]));
            say!("{}", a.id.0);
            Ok(())
        }
        ActivityCommand::Attend { id, people, count } => {
            let input = AttendanceInput { people: people.into_iter().map(MemberNo).collect(), count: count.unwrap_or_default() };
            let a = ctx.write(|tx, actor, today| activities::attend(tx, actor, ActivityId(id), &input, today))?;
            say!("{}", ctx.tr("cli-activity-attended", &[("id", id.to_string()), ("count", a.attendance.to_string())]));
            Ok(())
        }
        ActivityCommand::Cost { id, amount, category: c, date, party, memo } => {
            let input = CostInput { amount, category: c.as_deref().map(category).transpose()?, date: date.unwrap_or_default(), party, memo, handler: String::new() };
            let c = ctx.write(|tx, actor, today| activities::add_cost(tx, actor, ActivityId(id), &input, today))?;
            let a = activities::get(&ctx.conn, ActivityId(id))?;
            say!(
                "{}",
                ctx.tr(
                    "cli-activity-cost",
                    &[
                        ("voucher", c.voucher_no.clone()),
                        ("amount", c.amount.yuan()),
                        ("category", ctx.t(c.category.label_id())),
                        ("id", id.to_string()),
                        ("spent", a.spent.yuan())
                    ]
                )
            );
            Ok(())
        }
        ActivityCommand::Sheet { id, out } => {
            let p = activities::sheet_pdf(&ctx.conn, ActivityId(id), &ctx.l10n, ctx.today)?;
            write_file(ctx, &out.path, out.force, &p.bytes)
        }
        ActivityCommand::List { year, json } => {
            let year = year.unwrap_or_else(|| chrono::Datelike::year(&ctx.today));
            let all = activities::list(&ctx.conn, Some(year))?;
            if json {
                return print_json(&all);
            }
            if all.is_empty() {
                eprintln!("{}", ctx.t("cli-activity-none"));
            }
            for a in &all {
                say!(
                    "{}",
                    ctx.tr(
                        "cli-activity-line",
                        &[
                            ("id", a.id.0.to_string()),
                            ("date", a.date.to_string()),
                            ("kind", ctx.t(a.kind.label_id())),
                            ("name", a.name.clone()),
                            ("count", a.attendance.to_string()),
                            ("spent", a.spent.yuan())
                        ]
                    )
                );
            }
            Ok(())
        }
    }
}
