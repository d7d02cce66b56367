app-title = Huzhu · Elder association

text-size-normal = Normal
text-size-large = Large
text-size-extra-large = Extra large
lang-zh-CN = 中文
lang-en-US = English

cli-check-ok = The database is sound (data version { $version }).
cli-check-failed = The database check found problems: { $detail }
error-demo-register-not-empty = The sample village only goes into an empty register, and this one already has { $people } people in it. (Sample people could never be removed again.)
error-demo-sign-in-on = The sample village only goes into a register with no users yet, and this one has sign-in on. (Its large payments have no real approver.)
cli-demo-done = Sample data created: { $people } people.
cli-init-done = Association set up: { $name }
cli-status-done = Status of number { $no } changed.

app-dialog-backup-folder = Choose a folder on the USB stick
app-dialog-restore-file = Choose the backup file to restore
app-dialog-roster-file = Choose the roster file
app-dialog-roster-filter = Spreadsheets (xlsx, xls, csv)
app-dialog-restore-filter = Huzhu data files
app-db-missing = There is no data file at "{ $path }".
