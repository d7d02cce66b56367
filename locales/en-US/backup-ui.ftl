# Settings / Backup and restore, and the first screen's backup line (ui/src/lib/backup/).

backup-page-title = Backup and restore
backup-page-intro = A backup is made automatically the first time the app is opened each day. Back up to a USB stick at least once a month, and keep the stick somewhere else.
backup-page-now = Back up now
backup-page-usb = Back up to a USB stick
backup-page-busy = Backing up, please wait…
backup-page-done = The backup was written and checked:
backup-page-usb-cancelled = No folder was chosen; nothing was backed up.
backup-page-list = Backups on this computer
backup-page-list-none = There are no backups yet.
backup-page-col-made = Made
backup-page-col-reason = Why
backup-page-col-size = Size
backup-page-col-people = People
backup-page-col-state = Check
backup-page-ok = Good
backup-page-restore = Restore…
backup-page-restore-file = Restore from a file…
backup-page-size = { $mb } MB

backup-restore-title = Before restoring, check what this backup holds
backup-restore-file = File
backup-restore-made = Made
backup-restore-association = Association
backup-restore-association-none = (not set up)
backup-restore-people = People
backup-restore-cash = Cash entries
backup-restore-voucher = Last voucher
backup-restore-receipt = Last receipt
backup-restore-hours = Time bank in all
backup-restore-hours-value = { $hours } hours
backup-restore-none = none
backup-restore-explain = Restoring replaces the data now in the app with this backup. The data as it is now is kept as a backup first, so it can still be found.
backup-restore-confirm = Restore
backup-restore-done = Restored: the data now comes from the backup made { $made }.
backup-restore-kept = The data as it was before is kept in: { $path }

backup-line-last = Last backup: { $when }
backup-line-usb = Last USB backup: { $when }
backup-line-never = never
backup-line-usb-never = Nothing has ever been backed up to a USB stick. If this computer breaks or is lost, the records are gone. Back up to a USB stick now.
backup-line-usb-old = The USB backup is more than 30 days old. Please back up to the stick again soon.
backup-line-open = Back up
backup-notice-close = OK
