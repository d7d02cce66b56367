app-title = 互助 · 老年协会管理

text-size-normal = 标准
text-size-large = 大
text-size-extra-large = 特大
lang-zh-CN = 中文
lang-en-US = English

cli-check-ok = 数据库检查通过（数据版本 { $version }）。
cli-check-failed = 数据库检查发现问题：{ $detail }
error-demo-register-not-empty = 示例村只能放进空的登记簿，这个登记簿里已经有 { $people } 人。（示例人员放进去后就无法再删除。）
error-demo-sign-in-on = 示例村只能放进还没有使用人的登记簿，这个登记簿已经开启登录。（示例里的大额付款没有真正的审批人。）
cli-demo-done = 已生成示例数据：{ $people } 人。
cli-init-done = 已设置协会：{ $name }
cli-status-done = 已变更编号 { $no } 的状态。

app-dialog-backup-folder = 选择U盘上的文件夹
app-dialog-restore-file = 选择要恢复的备份文件
app-dialog-roster-file = 选择花名册文件
app-dialog-roster-filter = 表格文件 (xlsx, xls, csv)
app-dialog-restore-filter = 互助数据文件
app-db-missing = 在“{ $path }”没有数据文件。
