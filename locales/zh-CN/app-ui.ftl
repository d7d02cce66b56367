# The app around the areas (ui/src/App.svelte, lib/Shell.svelte, Setup, Settings): the rail, first start, settings.

app-name = 互助
app-nav-agenda = 本月要事
app-nav-members = 会员
app-nav-rota = 值班
app-nav-time-bank = 时间银行
app-nav-money = 财务
app-nav-welfare = 慰问
app-nav-activities = 活动
app-nav-mediation = 调解
app-nav-reports = 报表
app-nav-settings = 设置
app-coming-later = 这一部分还在制作中，下一个版本提供。

app-setup-title = 欢迎使用互助
app-setup-intro = 先填写协会的基本信息。以后可以在“设置”里修改。
app-setup-name = 协会名称
app-setup-name-example = 例如：东风村老年协会
app-setup-village = 村
app-setup-township = 乡镇
app-setup-county = 县（市、区）
app-setup-secretary = 秘书（经办人）姓名
app-setup-start = 开始使用
app-setup-demo = 先看看示例村的数据
app-setup-demo-hint = 会自动建一个示例协会和 60 位村民，方便试用。

app-settings-title = 设置
app-settings-association = 协会信息
app-settings-language = 界面语言
app-settings-text-size = 字体大小
app-settings-data-folder = 数据存放位置
app-settings-data-file = 数据文件
app-damaged-data-file = 数据文件：
app-settings-save = 保存设置
app-settings-saved = 设置已保存。
app-settings-key = 本协会密钥指纹
app-settings-key-hint = 别的协会要把会员的时间储蓄转到本协会时，请把这串指纹读给对方秘书听：对方导出文件时要填写它，文件只能在本协会导入。

app-start-title = 欢迎使用互助
app-start-intro = 这里还没有数据文件。如果以前用过互助，请从备份恢复；第一次用，就新建一个登记册。
app-start-new = 新建登记册
app-start-new-hint = 在上面这个位置新建一个空的数据文件，然后填写协会信息。
app-start-restore = 从备份恢复…
app-start-restore-hint = 选择一个备份文件（例如U盘上的），先看看里面有什么，确认后再恢复。
app-start-restore-explain = 确认后，这个备份会放到上面的位置，成为软件的数据。

app-damaged-title = 数据文件出了问题
app-damaged-intro = 打开时检查发现数据文件有问题。为了不让问题扩大，软件现在只能查看，不能保存任何修改。
app-damaged-restore-title = 用备份恢复
app-damaged-newest = 最近一个完好的备份：{ $made }，{ $people } 人。
app-damaged-restore-newest = 恢复这个备份…
app-damaged-no-backup = 电脑里没有找到完好的备份。如果有U盘备份，请从文件恢复。
app-damaged-restore-explain = 恢复后，软件使用这个备份里的数据。出问题的文件会原样另存一份，需要时可以请人查看。
app-damaged-look-hint = 也可以先查看现在的记录（只能看，不能改）。
app-damaged-look = 只查看记录
app-damaged-read-only = 数据文件出了问题，现在只能查看记录，任何修改都不会保存。
app-damaged-back = 回到恢复页面
