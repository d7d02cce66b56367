# 设置 / 备份与恢复 and the first screen's backup line (ui/src/lib/backup/).

backup-page-title = 备份与恢复
backup-page-intro = 每天第一次打开软件时会自动备份一次。U盘备份请至少每月做一次，U盘放在别处保管。
backup-page-now = 立即备份
backup-page-usb = 备份到U盘
backup-page-busy = 正在备份，请稍候……
backup-page-done = 备份已写好，并且检查无误：
backup-page-usb-cancelled = 没有选择文件夹，没有备份。
backup-page-list = 电脑里的备份
backup-page-list-none = 还没有备份。
backup-page-col-made = 备份时间
backup-page-col-reason = 原因
backup-page-col-size = 大小
backup-page-col-people = 人数
backup-page-col-state = 检查
backup-page-ok = 完好
backup-page-restore = 恢复…
backup-page-restore-file = 从文件恢复…
backup-page-size = { $mb } MB

backup-restore-title = 恢复前请核对：这个备份里有什么
backup-restore-file = 文件
backup-restore-made = 备份时间
backup-restore-association = 协会
backup-restore-association-none = （还没有填写协会信息）
backup-restore-people = 人数
backup-restore-cash = 收支笔数
backup-restore-voucher = 最后的凭证号
backup-restore-receipt = 最后的收据号
backup-restore-hours = 时间银行合计
backup-restore-hours-value = { $hours } 小时
backup-restore-none = 无
backup-restore-explain = 恢复后，现在的数据会被这个备份代替。现在的数据会先另存一份备份，需要时还能找回。
backup-restore-confirm = 确认恢复
backup-restore-done = 已经恢复：现在的数据来自 { $made } 的备份。
backup-restore-kept = 恢复前的数据另存在：{ $path }

backup-line-last = 上次备份：{ $when }
backup-line-usb = 上次U盘备份：{ $when }
backup-line-never = 从未
backup-line-usb-never = 还从来没有备份到U盘。电脑坏了或丢了，数据就找不回来了。请现在备份到U盘。
backup-line-usb-old = U盘备份已经超过30天了，请尽快再备份一次。
backup-line-open = 去备份
backup-notice-close = 知道了
