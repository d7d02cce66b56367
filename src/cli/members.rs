//! `huzhu member …`

use clap::{Args, Subcommand};
use huzhu::calendar;
use huzhu::kernel::Gender;
use huzhu::members::{self, AgeBand, CareLevel, Living, MemberNo, PersonFilter, PersonInput, Status, StatusFilter, StatusInput};
use huzhu::Result;

use super::{bad_choice, print_json, Ctx};

/// Where and how a person lives: what `member add` records and `member list` filters by.
#[derive(Args)]
pub struct Circumstances {
    /// Village group (村民小组)
    #[arg(long)]
    group: Option<String>,
    /// 独居 | 空巢 | 与子女同住 | 机构
    #[arg(long)]
    living: Option<String>,
    /// 能力完好 | 轻度失能 | 中度失能 | 重度失能
    #[arg(long)]
    care: Option<String>,
}

impl Circumstances {
    fn living(&self) -> Result<Option<Living>> {
        choice("living", self.living.as_deref(), Living::parse, &["独居", "空巢", "与子女同住", "机构"])
    }

    fn care_level(&self) -> Result<Option<CareLevel>> {
        choice("care_level", self.care.as_deref(), CareLevel::parse, &["能力完好", "轻度失能", "中度失能", "重度失能"])
    }
}

#[derive(Subcommand)]
pub enum MemberCommand {
    /// Register a person; prints the new register number
    Add {
        #[arg(long)]
        name: String,
        /// 男 or 女
        #[arg(long)]
        gender: Option<String>,
        /// YYYY-MM-DD (solar)
        #[arg(long)]
        birth: Option<String>,
        /// Lunar birthday as month-day, 闰 or r before a leap month: 11-4, 闰4-15
        #[arg(long)]
        lunar: Option<String>,
        /// 18-digit resident ID number; birth date and gender are taken from it
        #[arg(long = "id-card")]
        id_card: Option<String>,
        #[arg(long)]
        phone: Vec<String>,
        #[arg(long)]
        address: Option<String>,
        #[command(flatten)]
        circumstances: Circumstances,
        #[arg(long)]
        volunteer: bool,
        /// A volunteer who is not a member (student, younger villager)
        #[arg(long = "non-member")]
        non_member: bool,
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        joined: Option<String>,
    },
    /// List the register (current members by default)
    List {
        #[command(flatten)]
        filter: RegisterFilter,
        #[arg(long)]
        json: bool,
    },
    /// Show one person's whole record (ID number, phones and health notes masked)
    Show {
        no: i64,
        #[arg(long)]
        json: bool,
        /// Show the ID number, phones and health notes in full (chair or secretary; recorded)
        #[arg(long)]
        full: bool,
    },
    /// Record a change of status: active | suspended | left | deceased
    SetStatus {
        no: i64,
        status: String,
        /// YYYY-MM-DD (default: today); for deceased, the date of death
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record a death and all it changes (rotas, pairings, time bank, dues); without --yes it
    /// only prints what it would do
    Died {
        no: i64,
        /// The date of death, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// Who in the family to contact
        #[arg(long, default_value = "")]
        contact: String,
        #[arg(long)]
        yes: bool,
        /// The possible heirs' phone numbers whole (chair or secretary; recorded)
        #[arg(long)]
        full: bool,
    },
    /// Correct a death entered by mistake: status restored, condolence reversed, shifts listed
    UndoDeath {
        no: i64,
        #[arg(long)]
        reason: String,
    },
}

/// The register list's search and filters, as `member list` and `export members` take them.
#[derive(Args)]
pub struct RegisterFilter {
    #[arg(long, default_value = "")]
    search: String,
    /// current | all | active | suspended | left | deceased
    #[arg(long)]
    status: Option<String>,
    #[command(flatten)]
    circumstances: Circumstances,
    /// 60-69 | 70-79 | 80-89 | 90+
    #[arg(long = "age-band")]
    age_band: Option<String>,
    #[arg(long)]
    volunteers: bool,
}

impl RegisterFilter {
    pub fn parse(self) -> Result<PersonFilter> {
        let RegisterFilter { search, status, circumstances, age_band, volunteers } = self;
        Ok(PersonFilter {
            search,
            status: choice("status", status.as_deref(), StatusFilter::parse, &["current", "all", "active", "suspended", "left", "deceased"])?
                .unwrap_or_default(),
            living: circumstances.living()?,
            care_level: circumstances.care_level()?,
            village_group: circumstances.group,
            age_band: choice("age_band", age_band.as_deref(), AgeBand::parse, &["under_60", "60-69", "70-79", "80-89", "90+"])?,
            volunteers_only: volunteers,
            members_only: false,
            limit: 0,
        })
    }
}

fn choice<T: Copy>(field: &'static str, v: Option<&str>, parse: fn(&str) -> Option<T>, all: &[&str]) -> Result<Option<T>> {
    match v {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| bad_choice(field, s, all)),
    }
}

pub fn run(ctx: &mut Ctx, command: MemberCommand) -> Result<()> {
    match command {
        MemberCommand::Add {
            name, gender, birth, lunar, id_card, phone, address, circumstances, volunteer, non_member, joined,
        } => {
            let input = PersonInput {
                name,
                gender: choice("gender", gender.as_deref(), Gender::parse, &["男", "女"])?,
                birth_date: birth.unwrap_or_default(),
                lunar_birthday: lunar.as_deref().map(calendar::parse_lunar_day).transpose()?,
                id_card: id_card.unwrap_or_default(),
                phones: phone,
                address: address.unwrap_or_default(),
                living: circumstances.living()?,
                care_level: circumstances.care_level()?,
                village_group: circumstances.group.unwrap_or_default(),
                volunteer,
                is_member: !non_member,
                join_date: joined.unwrap_or_default(),
                ..Default::default()
            };
            let p = ctx.write(|tx, actor, today| members::add(tx, actor, &input, today))?;
            say!("{}", p.member_no);
            Ok(())
        }
        MemberCommand::List { filter, json } => {
            let filter = filter.parse()?;
            let page = members::list(&ctx.conn, &filter, ctx.today)?;
            if json {
                return print_json(&page.rows);
            }
            for p in &page.rows {
                let label = |id: Option<&str>| id.map(|i| ctx.t(i)).unwrap_or_default();
                say!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    p.member_no,
                    p.name,
                    label(p.gender.map(Gender::label_id)),
                    p.age.map(|a| a.to_string()).unwrap_or_default(),
                    p.village_group,
                    label(p.living.map(Living::label_id)),
                    p.phone,
                    p.id_card_masked.clone().unwrap_or_default(),
                    ctx.t(p.status.label_id()),
                );
            }
            eprintln!("{}", ctx.tr("members-count", &[("total", page.total.to_string())]));
            Ok(())
        }
        MemberCommand::Show { no, json, full } => {
            let p = if full {
                ctx.write(|tx, actor, today| members::reveal(tx, actor, MemberNo(no), members::PrivateField::All, today))?
            } else {
                members::get_by_no(&ctx.conn, MemberNo(no), ctx.today)?.masked()
            };
            if json {
                return print_json(&p);
            }
            let none = ctx.t("field-not-set");
            let opt = |v: Option<String>| v.unwrap_or_else(|| none.clone());
            let label = |id: Option<&str>| id.map(|i| ctx.t(i)).unwrap_or_else(|| none.clone());
            let lines = [
                ("field-member-no", p.member_no.to_string()),
                ("field-name", format!("{} ({})", p.name, p.name_pinyin)),
                ("field-gender", label(p.gender.map(Gender::label_id))),
                ("field-birth-date", opt(p.birth_date.map(|d| d.to_string()))),
                (
                    "field-lunar-of-birth",
                    opt(p.lunar_birth_date.map(|l| {
                        calendar::format_lunar_day(calendar::LunarDay { month: l.month, day: l.day, leap: l.leap }, ctx.l10n.lang())
                    })),
                ),
                ("field-lunar-birthday", opt(p.lunar_birthday.map(|l| calendar::format_lunar_day(l, ctx.l10n.lang())))),
                (
                    "field-age",
                    match (p.age, p.nominal_age) {
                        (Some(a), Some(n)) => ctx.tr("field-age-value", &[("age", a.to_string()), ("nominal", n.to_string())]),
                        _ => none.clone(),
                    },
                ),
                ("field-id-card", opt(p.id_card.clone().or(p.id_card_masked.clone()))),
                ("field-phones", p.phones.join(", ")),
                ("field-village-group", p.village_group.clone()),
                ("field-living", label(p.living.map(Living::label_id))),
                ("field-care-level", label(p.care_level.map(CareLevel::label_id))),
                ("field-status", ctx.t(p.status.label_id())),
                ("field-death-date", opt(p.death_date.map(|d| d.to_string()))),
            ];
            for (id, v) in lines {
                say!("{}: {}", ctx.t(id), v);
            }
            for f in &p.family {
                say!("{}: {} {} {}", ctx.t("field-family"), f.relation, f.name, f.phone);
            }
            Ok(())
        }
        MemberCommand::Died { no, date, contact, yes, full } => super::welfare::died(ctx, no, date, contact, yes, full),
        MemberCommand::UndoDeath { no, reason } => super::welfare::undo_death(ctx, no, reason),
        MemberCommand::SetStatus { no, status, date, note } => {
            let status = Status::parse(&status).ok_or_else(|| bad_choice("status", &status, &["active", "suspended", "left", "deceased"]))?;
            let input = StatusInput { status, effective: date.unwrap_or_default(), note };
            ctx.write(|tx, actor, today| members::set_status(tx, actor, MemberNo(no), &input, today))?;
            say!("{}", ctx.tr("cli-status-done", &[("no", no.to_string())]));
            Ok(())
        }
    }
}
