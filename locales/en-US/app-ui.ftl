# The app around the areas (ui/src/App.svelte, lib/Shell.svelte, Setup, Settings): the rail, first start, settings.

app-name = Huzhu
app-nav-agenda = This month
app-nav-members = Members
app-nav-rota = Rotas
app-nav-time-bank = Time bank
app-nav-money = Money
app-nav-welfare = Welfare
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
app-settings-save = Save settings
app-settings-saved = Settings saved.
