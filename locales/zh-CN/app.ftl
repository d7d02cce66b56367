app-name = 互助
app-title = 互助 · 老年协会管理
nav-members = 会员
nav-rota = 值班
nav-time-bank = 时间银行
nav-money = 财务
nav-welfare = 慰问
nav-reports = 报表
nav-settings = 设置
coming-later = 这一部分还在制作中，下一个版本提供。

setup-title = 欢迎使用互助
setup-intro = 先填写协会的基本信息。以后可以在“设置”里修改。
setup-name = 协会名称
setup-name-example = 例如：东风村老年协会
setup-village = 村
setup-township = 乡镇
setup-county = 县（市、区）
setup-secretary = 秘书（经办人）姓名
setup-start = 开始使用
setup-demo = 先看看示例村的数据
setup-demo-hint = 会自动建一个示例协会和 60 位村民，方便试用。

settings-title = 设置
settings-association = 协会信息
settings-language = 界面语言
settings-text-size = 字体大小
text-size-normal = 标准
text-size-large = 大
text-size-extra-large = 特大
settings-data-folder = 数据存放位置
settings-data-file = 数据文件
settings-save = 保存设置
settings-saved = 设置已保存。
lang-zh-CN = 中文
lang-en-US = English

cli-check-ok = 数据库检查通过（数据版本 { $version }）。
cli-check-failed = 数据库检查发现问题：{ $detail }
cli-demo-done = 已生成示例数据：{ $people } 人。
cli-init-done = 已设置协会：{ $name }
cli-status-done = 已变更编号 { $no } 的状态。

common-yes = 是
common-no = 否
