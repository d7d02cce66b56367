## 备份与恢复：核心和命令行的文字（界面自己的文字在 backup-ui.ftl）

backup-reason-copy = 手动备份
backup-reason-daily = 每日自动
backup-reason-before-restore = 恢复前
backup-reason-before-import = 导入前
backup-reason-before-migration = 升级前
backup-reason-damaged = 恢复前保留的损坏文件

backup-problem-missing = 文件不存在
backup-problem-not-a-file = 不是文件
backup-problem-not-huzhu = 不是互助数据文件
backup-problem-damaged = 已损坏
backup-problem-newer = 来自更新版本
backup-problem-in-use = 正在使用或未正常关闭
backup-problem-unreadable = 无法读取

backup-usb-never = 还没有备份到U盘。
backup-usb-old = 上次备份到U盘已超过 30 天。
backup-usb-fine = U盘备份是最近的。

backup-ok = 正常
backup-people = { $count } 人

restore-preview-file = 文件：{ $file }
restore-preview-made = 备份时间：{ $made }
restore-preview-association = 协会：{ $name }
restore-preview-association-none = 协会：（尚未设置）
restore-preview-people = 人员：{ $count } 人
restore-preview-cash = 收支记录：{ $count } 笔，最后凭证号 { $voucher }
restore-preview-receipt = 最后收据号：{ $receipt }
restore-preview-hours = 时间储蓄：各账户合计 { $hours } 小时
restore-preview-last-change = 最后一次改动：{ $at }
restore-preview-version = 数据版本：{ $version }
restore-preview-none = 无

cli-backups-none = { $folder } 里没有备份。
cli-restore-dry-run = 没有做任何改动。要用这个备份替换数据文件，请加上 --yes 再运行同一命令。
cli-restore-done = 已从 { $file } 恢复。
cli-restore-kept = 恢复前的数据保存在 { $path }。
cli-restore-kept-damaged = 恢复前的数据文件已损坏，原样保存在 { $path }。

error-backup-no-database = { $file } 没有数据文件，无法备份。
error-backup-folder-missing = 文件夹 { $folder } 不存在。U盘插好了吗？
error-backup-copy-failed = 备份副本没有通过检查（{ $detail }），没有写入备份。数据文件本身可能已损坏，请人检查。
error-backup-busy = 数据文件一直被占用，没有做成备份。请稍后再试。
error-backup-file-missing = 文件 { $file } 不存在。没有做任何改动。
error-backup-not-a-file = { $file } 不是文件。没有做任何改动。
error-backup-not-huzhu = { $file } 不是互助软件的数据文件。没有做任何改动。
error-backup-damaged = { $file } 已损坏，不能用来恢复（{ $detail }）。没有做任何改动。
error-backup-newer = { $file } 是由更新版本的互助软件做的（数据版本 { $found }，本软件只认识到 { $known }）。请安装新版本后再恢复。没有做任何改动。
error-backup-in-use = { $file } 正被某个程序打开，或者没有正常关闭（旁边有 { $detail }）。请关闭那个程序后再试。没有做任何改动。
error-backup-unreadable = { $file } 无法读取（{ $detail }）。没有做任何改动。
error-backup-path-unusable = 路径 { $file } 含有无法使用的字符。没有做任何改动。
error-restore-same-file = { $file } 就是数据文件本身。请选择一个备份来恢复。
error-restore-in-use = 数据文件 { $file } 正被另一个程序打开（另一个互助窗口，或还在运行的命令）。请关闭后再试。没有做任何改动。
