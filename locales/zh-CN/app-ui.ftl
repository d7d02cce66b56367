# The app around the areas (ui/src/App.svelte, lib/Shell.svelte, Setup, Settings): the rail, first start, settings.

app-name = 互助
app-nav-agenda = 本月要事
app-nav-members = 会员
app-nav-rota = 值班
app-nav-time-bank = 时间银行
app-nav-money = 财务
app-nav-welfare = 慰问
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
app-settings-save = 保存设置
app-settings-saved = 设置已保存。
