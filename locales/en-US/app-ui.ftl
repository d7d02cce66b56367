# The app around the areas (ui/src/App.svelte, lib/Shell.svelte, Setup, Settings): the rail, first start, settings.

app-name = Huzhu
app-nav-agenda = This month
app-nav-members = Members
app-nav-rota = Rotas
app-nav-time-bank = Time bank
app-nav-money = Money
app-nav-welfare = Welfare
app-nav-activities = Activities
app-nav-mediation = Mediation
app-nav-reports = Reports
app-nav-settings = Settings
app-coming-later = This part is still being built and comes in the next version.

app-setup-title = Welcome to Huzhu
app-setup-intro = First, the association's details. You can change them later under Settings.
app-setup-name = Association name
app-setup-name-example = e.g. 东风村老年协会 (Dongfeng Village Elder Association)
app-setup-village = Village
app-setup-township = Township
app-setup-county = County
app-setup-secretary = Secretary's name
app-setup-start = Start
app-setup-demo = Try it with a sample village
app-setup-demo-hint = Creates a sample association with 60 villagers to try things with.

app-settings-title = Settings
app-settings-association = Association
app-settings-language = Language
app-settings-text-size = Text size
app-settings-data-folder = Data folder
app-settings-data-file = Data file
app-damaged-data-file = Data file:
app-settings-save = Save settings
app-settings-saved = Settings saved.
app-settings-key = This association's key fingerprint
app-settings-key-hint = When another association wants to send a member's time-bank hours here, read this fingerprint out to their secretary: they type it in when they export the file, and only this association can import it.

app-start-title = Welcome to Huzhu
app-start-intro = There is no data file here yet. If you have used Huzhu before, restore a backup; if this is the first time, start a new register.
app-start-new = Start a new register
app-start-new-hint = Makes a new, empty data file at the place above; then fill in the association's details.
app-start-restore = Restore from a backup…
app-start-restore-hint = Choose a backup file (on a USB stick, for example), see what it holds, and confirm to restore it.
app-start-restore-explain = Once confirmed, this backup is put at the place above and becomes the app's data.

app-damaged-title = Something is wrong with the data file
app-damaged-intro = The check made at start found problems in the data file. So that nothing gets worse, the app can only show the records now; no change can be saved.
app-damaged-restore-title = Restore from a backup
app-damaged-newest = The newest good backup: { $made }, { $people } people.
app-damaged-restore-newest = Restore this backup…
app-damaged-no-backup = No good backup was found on this computer. If you have one on a USB stick, restore from a file.
app-damaged-restore-explain = Once restored, the app uses the data in this backup. The damaged file is kept as it is, so someone can look at it if needed.
app-damaged-look-hint = You can also look at the records as they are (read only).
app-damaged-look = Only look at the records
app-damaged-read-only = The data file has a problem: you can look at the records, but no change will be saved.
app-damaged-back = Back to restoring
