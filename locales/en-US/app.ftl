app-name = Huzhu
app-title = Huzhu · Elder association
nav-members = Members
nav-rota = Rotas
nav-time-bank = Time bank
nav-money = Money
nav-welfare = Welfare
nav-reports = Reports
nav-settings = Settings
coming-later = This part is still being built and comes in the next version.

setup-title = Welcome to Huzhu
setup-intro = First, the association's details. You can change them later under Settings.
setup-name = Association name
setup-name-example = e.g. 东风村老年协会 (Dongfeng Village Elder Association)
setup-village = Village
setup-township = Township
setup-county = County
setup-secretary = Secretary's name
setup-start = Start
setup-demo = Try it with a sample village
setup-demo-hint = Creates a sample association with 60 villagers to try things with.

settings-title = Settings
settings-association = Association
settings-language = Language
settings-text-size = Text size
text-size-normal = Normal
text-size-large = Large
text-size-extra-large = Extra large
settings-data-folder = Data folder
settings-data-file = Data file
settings-save = Save settings
settings-saved = Settings saved.
lang-zh-CN = 中文
lang-en-US = English

cli-check-ok = The database is sound (data version { $version }).
cli-check-failed = The database check found problems: { $detail }
cli-demo-done = Sample data created: { $people } people.
cli-init-done = Association set up: { $name }
cli-status-done = Status of number { $no } changed.

common-yes = Yes
common-no = No
