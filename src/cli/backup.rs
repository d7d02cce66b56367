//! `huzhu backup | backups | restore`: copies of the data file, the list of them, and putting
//! one back. These run without opening the database the way other commands do (`db::open`
//! would migrate it, and a restore must work when it is missing or damaged); each opens what it
//! needs itself.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use clap::Args;
use huzhu::backup::{self, restore, BackupReason, RestorePreview};
use huzhu::i18n::Localizer;
use huzhu::Result;

use super::print_json;

#[derive(Args)]
pub struct BackupArgs {
    /// Write the copy into this folder (a USB stick) instead of backups/ beside the data file
    #[arg(long)]
    to: Option<PathBuf>,
}

#[derive(Args)]
pub struct BackupsArgs {
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup to put in place of the data file
    file: PathBuf,
    /// Do it (without --yes: show what the file holds and change nothing)
    #[arg(long)]
    yes: bool,
}

impl RestoreArgs {
    /// Whether this run would replace the data file (then, once users exist, the chair's).
    pub fn replaces(&self) -> bool {
        self.yes
    }
}

/// Prints the path of the copy written.
pub fn backup(db: &Path, now: NaiveDateTime, args: BackupArgs) -> Result<()> {
    let written = match args.to {
        Some(dir) => backup::to_folder(db, &dir, now)?,
        None => backup::before(db, BackupReason::Copy, now)?,
    };
    say!("{}", written.path);
    Ok(())
}

/// One line per copy in backups/, newest first: date, size, people, ok, why it was made, name.
pub fn backups(db: &Path, l10n: &Localizer, args: BackupsArgs) -> Result<()> {
    let dir = backup::folder(db);
    let list = backup::catalogue(&dir)?;
    if args.json {
        return print_json(&list);
    }
    if list.is_empty() {
        say!("{}", l10n.format("cli-backups-none", &[("folder", dir.display().to_string())]));
    }
    for e in list {
        let people = e.contents.as_ref().map(|c| l10n.format("backup-people", &[("count", c.people.to_string())])).unwrap_or_else(|| "-".into());
        let ok = match e.problem {
            None => l10n.t("backup-ok"),
            Some(p) => l10n.t(p.label_id()),
        };
        say!("{}\t{} KB\t{people}\t{ok}\t{}\t{}", e.made.format("%Y-%m-%d %H:%M:%S"), e.size.div_ceil(1024), l10n.t(e.reason.label_id()), e.file_name);
    }
    Ok(())
}

/// Prints what the file holds; with --yes puts it in place and says where the data as it was
/// before is kept.
pub fn restore(db: &Path, l10n: &Localizer, now: NaiveDateTime, args: RestoreArgs) -> Result<()> {
    let preview = restore::preview(&args.file)?;
    print_preview(&preview, l10n);
    if !args.yes {
        say!("{}", l10n.t("cli-restore-dry-run"));
        return Ok(());
    }
    let done = restore::apply(db, &args.file, now)?;
    say!("{}", l10n.format("cli-restore-done", &[("file", done.preview.file.clone())]));
    if let Some(kept) = done.kept {
        let id = if done.kept_damaged { "cli-restore-kept-damaged" } else { "cli-restore-kept" };
        say!("{}", l10n.format(id, &[("path", kept)]));
    }
    Ok(())
}

fn print_preview(p: &RestorePreview, l10n: &Localizer) {
    let c = &p.contents;
    let none = || l10n.t("restore-preview-none");
    let mut lines = vec![l10n.format("restore-preview-file", &[("file", p.file.clone())])];
    if let Some(made) = p.made {
        lines.push(l10n.format("restore-preview-made", &[("made", made.format("%Y-%m-%d %H:%M:%S").to_string())]));
    }
    lines.push(match &c.association {
        Some(name) => l10n.format("restore-preview-association", &[("name", name.clone())]),
        None => l10n.t("restore-preview-association-none"),
    });
    lines.push(l10n.format("restore-preview-people", &[("count", c.people.to_string())]));
    lines.push(l10n.format(
        "restore-preview-cash",
        &[("count", c.cash_entries.to_string()), ("voucher", c.last_voucher.clone().unwrap_or_else(none))],
    ));
    lines.push(l10n.format("restore-preview-receipt", &[("receipt", c.last_receipt.clone().unwrap_or_else(none))]));
    lines.push(l10n.format("restore-preview-hours", &[("hours", c.time_bank_hours.to_string())]));
    if let Some(at) = &c.last_change {
        // Stored in UTC; shown in this computer's time, as people read times.
        let local = chrono::DateTime::parse_from_rfc3339(at)
            .map(|t| t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_else(|_| at.clone());
        lines.push(l10n.format("restore-preview-last-change", &[("at", local)]));
    }
    lines.push(l10n.format("restore-preview-version", &[("version", c.schema_version.to_string())]));
    for line in lines {
        say!("{line}");
    }
}
