# 本月要事（首页）的界面文字；页面上和打印稿共用的文字在 agenda.ftl。
agenda-ui-title = 本月要事
agenda-ui-prev = 上月
agenda-ui-next = 下月
agenda-ui-print = 打印（A4 一页）
agenda-ui-open = 去处理
agenda-ui-paid = 已发 { $voucher }
