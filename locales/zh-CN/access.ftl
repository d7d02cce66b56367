# People and access (src/access, src/audit): roles, areas, errors, CLI, the recovery sheet.
role-chair = 会长
role-secretary = 秘书
role-accountant = 会计
role-cashier = 出纳
role-viewer = 查看
area-register = 名册
area-rota = 值班
area-welfare = 慰问
area-time-bank = 时间储蓄
area-activities = 活动
area-mediation = 调解
area-money = 财务
area-settings = 设置
area-users = 使用人
area-reports = 报表
area-sensitive = 敏感信息
area-session = 登录
money-duty-post = 记账
money-duty-approve = 审批
money-duty-both = 记账和审批
error-access-refused = { $name }（{ $role ->
    [chair] 会长
    [secretary] 秘书
    [accountant] 会计
    [cashier] 出纳
   *[viewer] 查看
}）无权进行此操作（{ $area ->
    [register] 名册
    [rota] 值班
    [welfare] 慰问
    [time_bank] 时间储蓄
    [money] 财务
    [activities] 活动
    [mediation] 调解
    [settings] 设置
    [users] 使用人
    [reports] 报表
    [sensitive] 敏感信息
    [session] 登录
   *[other] 其他
}）。
error-access-wait = 密码错误次数过多，请等 { $seconds } 秒再试。
error-access-wrong-pin = { $name } 的密码不对。请等 { $seconds } 秒再试。
error-access-user-not-found = 没有名为“{ $key }”的使用人。
error-access-user-disabled = 使用人 { $name } 已停用。
error-access-user-exists = 已有名为“{ $name }”的使用人。
error-access-name-required = 请填写使用人姓名。
error-access-role-required = 请选择角色。
error-access-first-user-chair = 第一位使用人必须是会长，由会长再添加其他人。
error-access-last-chair = { $name } 是最后一位会长，不能停用或改为其他角色。
error-access-pin-required = 请填写密码（至少 6 位数字）。
error-access-pin-short = 数字密码至少 { $min } 位。
error-access-pin-simple = 密码太简单（同一个数字或连号），请换一个。
error-access-password-short = 文字密码至少 { $min } 个字符。
error-access-pin-too-long = 密码最多 { $max } 个字符。
error-access-pin-mismatch = 两次输入的密码不一样。
error-access-sign-in-needed = 已启用登录：请用 --as 姓名 指明是谁在操作（密码从终端或 HUZHU_PIN 读取）。
error-access-approver-required = 请填写审批人。
error-access-approver-same = 审批人必须是另一位使用人。
error-access-may-not-approve = { $name } 的角色不能审批付款。
error-access-approval-needed = 金额 { $amount } 超过审批额 { $limit }：需要另一位使用人（会长或负责审批的人）输入密码审批。
error-access-lock-minutes = 锁屏时间请填 1 到 240 分钟（填了“{ $value }”）。
error-access-code-wrong = 恢复码不对或已用过。请等 { $seconds } 秒再试。
cli-pin-prompt = { $name } 的密码：
cli-new-pin-prompt = { $name } 的新密码（至少 6 位数字）：
cli-new-pin-again = 再输入一次：
cli-approver-pin-prompt = 审批人 { $name } 的密码：
cli-user-added = 已添加使用人 { $name }（{ $role }）。
cli-user-role-set = { $name } 现在是 { $role }。
cli-user-disabled = 已停用
cli-user-disabled-done = 已停用使用人 { $name }。
cli-user-recovered = 已用恢复码重设 { $name } 的密码。
access-sheet-title = 恢复码（请会长妥善保管）
access-sheet-made = 生成日期：{ $date }
access-sheet-howto = 忘记密码时，在登录页选“用恢复码重设”，输入一个恢复码即可为一位使用人设置新密码。每个码只能用一次，用过请划掉。重新打印恢复码后，这张纸上的码全部作废。
file-name-recovery-sheet = 恢复码-{ $date }.pdf
private-field-id-card = 身份证号
private-field-phones = 电话
private-field-health-notes = 健康状况
private-field-all = 全部
audit-title = 操作记录
audit-col-at = 时间
audit-col-user = 使用人
audit-col-area = 范围
audit-col-action = 操作
audit-col-record = 记录
audit-col-changes = 改动
file-name-audit = 操作记录-{ $date }.xlsx
error-access-signed-out = 请先登录。
cli-user-pin-set = 已设置 { $name } 的新密码。
error-access-already-on = 登录已经开启：请由会长在“使用人”里逐个添加。
cli-user-first-sheet = 登录已开启。请马上打印恢复码交会长保管：huzhu --as { $name } user recovery-sheet --out 恢复码.pdf
