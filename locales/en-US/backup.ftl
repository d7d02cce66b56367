## Backups and restore: what the core and the command line say (the screens' own text is in backup-ui.ftl)

backup-reason-copy = copy
backup-reason-daily = daily
backup-reason-before-restore = before a restore
backup-reason-before-import = before an import
backup-reason-before-migration = before an upgrade
backup-reason-damaged = damaged file kept before a restore

backup-problem-missing = missing
backup-problem-not-a-file = not a file
backup-problem-not-huzhu = not a Huzhu data file
backup-problem-damaged = damaged
backup-problem-newer = from a newer version
backup-problem-in-use = in use or not closed properly
backup-problem-unreadable = cannot be read

backup-usb-never = No USB backup has been made yet.
backup-usb-old = The last USB backup is more than 30 days old.
backup-usb-fine = The USB backup is up to date.

backup-ok = ok
backup-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}

restore-preview-file = File: { $file }
restore-preview-made = Made: { $made }
restore-preview-association = Association: { $name }
restore-preview-association-none = Association: (not set up)
restore-preview-people = People: { $count }
restore-preview-cash = Cash entries: { $count }, last voucher { $voucher }
restore-preview-receipt = Last receipt: { $receipt }
restore-preview-hours = Time bank: { $hours } hours in all accounts
restore-preview-last-change = Last change recorded: { $at }
restore-preview-version = Data version: { $version }
restore-preview-none = none

cli-backups-none = There are no backups in { $folder }.
cli-restore-dry-run = Nothing has been changed. To put this backup in place of the data file, run the same command with --yes.
cli-restore-done = Restored from { $file }.
cli-restore-kept = The data as it was before is kept in { $path }.
cli-restore-kept-damaged = The data file before was damaged; its bytes are kept in { $path }.

error-backup-no-database = There is no data file at { $file }, so there is nothing to back up.
error-backup-folder-missing = The folder { $folder } does not exist. Is the USB stick plugged in?
error-backup-copy-failed = The copy did not pass its check ({ $detail }). No backup was written. The data file itself may be damaged: have it checked.
error-backup-busy = The data file stayed busy, so no backup was made. Try again in a moment.
error-backup-file-missing = The file { $file } does not exist. Nothing has been changed.
error-backup-not-a-file = { $file } is not a file. Nothing has been changed.
error-backup-not-huzhu = { $file } is not a Huzhu data file. Nothing has been changed.
error-backup-damaged = { $file } is damaged and cannot be restored ({ $detail }). Nothing has been changed.
error-backup-newer = { $file } was made by a newer version of Huzhu (data version { $found }; this program knows up to { $known }). Install the newer version to restore it. Nothing has been changed.
error-backup-in-use = { $file } is open in a program or was not closed properly ({ $detail } lies beside it). Close that program and try again. Nothing has been changed.
error-backup-unreadable = { $file } cannot be read ({ $detail }). Nothing has been changed.
error-backup-path-unusable = The path { $file } contains characters that cannot be used. Nothing has been changed.
error-restore-same-file = { $file } is the data file itself. Choose a backup to restore.
error-restore-in-use = The data file { $file } is open in another program (another Huzhu window, or a command still running). Close it and try again. Nothing has been changed.
