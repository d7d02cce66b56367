# Welfare and life events (src/welfare): the kinds of welfare, standards, payments, deaths,
# hospital stays, birthdays, festivals; the 领款单, the signing list and the birthday list; the
# command line's words; the errors.

## Choices
welfare-kind-condolence = 丧葬慰问
welfare-kind-hospital = 住院慰问
welfare-kind-sick = 探病
welfare-kind-birthday = 寿辰
welfare-kind-chongyang = 重阳
welfare-kind-chunjie = 春节
welfare-kind-other = 其他
age-count-full = 周岁
age-count-nominal = 虚岁
welfare-skip-already-paid = 已发过
welfare-skip-no-standard = 没有适用的标准

## Standards
welfare-band-any = 不限年龄
welfare-band-from = { $from }岁以上
welfare-band-to = { $to }岁以下
welfare-band = { $from }–{ $to }岁

## 领款单
welfare-slip-title = 领　款　单
welfare-slip-voucher = 凭证号：
welfare-slip-member = 会员：
welfare-slip-member-value = { $name }（编号 { $no }）
welfare-slip-member-value-group = { $name }（编号 { $no }，{ $group }）
welfare-slip-kind = 事由：
welfare-slip-goods = 物品：
welfare-slip-money-only = 无
welfare-slip-capital = 人民币（大写）
welfare-slip-figures = （小写）
welfare-slip-receiver-sign = 领款人签名：
welfare-slip-receiver-named = （领款人：{ $name }）
welfare-slip-handler = 经手人：
welfare-slip-approver = 审批人：
welfare-slip-reversed = 已冲销

## Lists
welfare-sign-list-title = 慰问签领表
welfare-sign-list-total = 共 { $count } 人，合计
welfare-col-seq = 序号
welfare-col-no = 编号
welfare-col-name = 姓名
welfare-col-group = 小组
welfare-col-age = 年龄
welfare-col-kind = 事由
welfare-col-amount = 金额
welfare-col-goods = 物品
welfare-col-sign = 领取人签名
welfare-col-date = 日期
welfare-col-lunar = 农历
welfare-col-decade = 整寿
welfare-col-gift = 礼金
welfare-col-paid = 已发凭证
welfare-birthdays-title = { $year }年{ $month }月生日名单
welfare-birthdays-count = 共 { $count } 人过生日，其中整寿 { $decades } 人
welfare-birthdays-none = 本月没有会员过生日。
welfare-day = { $month }月{ $day }日
welfare-decade-mark = ★整寿
welfare-decade-star = ★整寿

## Files
file-name-welfare-slips = 领款单-{ $voucher }{ $count ->
    [1] {""}
   *[other] 等{ $count }张
}.pdf
file-name-welfare-sign-list = { $title }-{ $date }.pdf

## Command line
cli-welfare-standard-set = 已设置{ $kind }标准（{ $band }）：{ $amount }，自 { $from } 起。
cli-welfare-no-standards = 还没有设置慰问标准。
cli-welfare-in-force = 现行
cli-welfare-replaced = 已替换
cli-welfare-pending = 未生效
cli-welfare-reversed = 已冲销（{ $voucher }）
cli-welfare-none = 没有慰问记录。
cli-welfare-total = 共 { $count } 笔，合计 { $total }（不含已冲销的）
cli-welfare-paid = 已发 { $count } 笔，合计 { $total }。
cli-welfare-skipped = 未发：{ $name }（{ $no }）— { $why }
cli-welfare-age-count = 年龄按{ $count }计算。
cli-death-preview = 将登记 { $name }（编号 { $no }）于 { $date } 去世。将会：
cli-death-status = · 状态改为“已故”（原为“{ $before }”）
cli-death-case-ended = · 结束护理对象 #{ $case }（{ $recipient }，{ $kind }），删除该日以后的 { $slots } 个班次
cli-death-pairing-ended = · 结束结对：{ $volunteer } → { $elder }
cli-death-shift-left = · 退出 { $date } { $start }-{ $end } { $shift }（{ $recipient }），该班次缺 { $short } 人
cli-death-hospital = · 结束住院记录 #{ $stay }
cli-death-time = · 冻结时间储蓄账户（余额 { $hours } 小时），待继承
cli-death-no-time = · 没有时间储蓄账户
cli-death-heir = · 可能的继承人：{ $relation } { $name } { $phone }
cli-death-heir-no = · 可能的继承人：{ $relation } { $name } { $phone }（编号 { $no }）
cli-death-dues = · { $year } 年会费尚欠 { $owed }；以后年度不再收取
cli-death-no-dues = · 以后年度不再收取会费
cli-death-condolence = · 拟发丧葬慰问：{ $amount } { $goods }，领款人 { $receiver }（请确认：huzhu welfare pay --member { $no } --kind condolence）
cli-death-no-standard = · 没有丧葬慰问标准，请手工确定金额
cli-death-confirm = 加 --yes 确认登记。
cli-death-done = 已登记 { $name } 去世。
cli-death-corrected = 已更正：{ $name } 的状态恢复为“{ $status }”。
cli-death-reversed = · 已冲销慰问金凭证：{ $vouchers }
cli-death-restore-shift = · 请重新安排：{ $date } { $start }-{ $end } { $shift }（{ $recipient }）
cli-hospital-admitted = 已登记 { $name } 于 { $date } 住院。
cli-hospital-discharged = 已登记 { $name } 于 { $date } 出院（住院 { $days } 天）。
cli-birthdays-none = { $month } 没有会员过生日。
cli-festival-date = { $festival }：{ $date }（农历{ $lunar }）
cli-festival-standard-none = 还没有设置{ $festival }的慰问标准。
cli-festival-total = 共 { $count } 人，合计 { $total }，已发 { $paid } 人。

## Errors
error-welfare-kind-required = 请选择慰问种类。
error-welfare-band-reversed = 年龄段不对：起始 { $from } 岁大于截止 { $to } 岁。
error-welfare-standard-not-found = 找不到慰问标准 { $key }。
error-welfare-member-required = 请选择会员。
error-welfare-not-deceased = { $name }（编号 { $no }）没有登记去世，不能发丧葬慰问。
error-welfare-deceased = { $name }（编号 { $no }）已故。
error-welfare-already-paid = { $name } 的这项慰问已经发过了（凭证 { $voucher }）；发错了请先冲销。
error-welfare-no-standard = 没有适用于 { $name } 的慰问标准，请填写金额。
error-welfare-reason-required = 金额 { $amount } 与标准 { $standard } 不同，请写明原因。
error-welfare-approval-required = { $amount } 超过 { $limit }，需要会长审批：请填写审批人。
error-welfare-receiver-required = 请填写领款人。
error-welfare-payment-not-found = 找不到慰问记录 { $key }。
error-welfare-voucher-not-found = 凭证 { $key } 不是慰问金。
error-welfare-vouchers-none = 请指定要打印的凭证号。
error-welfare-stay-not-found = 找不到住院记录 { $key }。
error-welfare-in-hospital = { $name } 自 { $date } 起在住院，尚未出院。
error-welfare-not-in-hospital = { $name } 现在没有住院。
error-welfare-discharge-before-admission = 出院日期不能早于入院日期 { $admitted }。
error-welfare-already-deceased = { $name } 已于 { $date } 登记去世。
error-welfare-no-death-record = { $name } 没有可以更正的去世登记。
error-welfare-death-inherited = { $name } 的时间储蓄已经继承；请先冲正继承，再更正去世登记。
error-welfare-not-living-member = 编号 { $no } 不是在册的会员。
