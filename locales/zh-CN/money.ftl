# 财务：流水账、会费、收据、捐款芳名榜、收支明细表。金额和日期由程序格式化后传入。

## 错误
error-amount-invalid = 金额“{ $value }”不对，请填写数字，例如 123.45。
error-amount-negative = 金额不能是负数（“{ $value }”）。要更正已记的账，请用冲销。
error-amount-decimals = 金额最多两位小数（到分），“{ $value }”多了。
error-amount-zero = 金额要大于零。
error-amount-too-large = 金额太大，单笔最多 { $max }。
error-month-invalid = 月份“{ $value }”不对，请按 年-月 填写，例如 2026-03。
error-year-invalid = 年份“{ $value }”不对。
error-year-required = 请填写年份。
error-age-invalid = 年龄“{ $value }”不对。
error-category-unknown = 没有“{ $value }”这个科目。可选：{ $choices }
error-category-name-required = 请填写科目名称。
error-category-exists = 已经有“{ $name }”这个科目了。
error-category-not-found = 找不到科目 { $key }。
error-category-in-use = 科目“{ $name }”已有 { $count } 笔账，不能删除，可以改名。
error-category-seeded = “{ $name }”是系统科目（会费、捐款等自动记账要用），不能删除，可以改名。
error-kind-required = 请选择收入还是支出。
error-voucher-not-found = 找不到凭证号 { $key }。
error-month-closed = { $month } 已经月结，不能再记 { $date } 的账。
error-month-not-over = { $month } 还没过完，不能月结。
error-month-already-closed = { $month } 已经月结过了。
error-reason-required = 请写明原因。
error-reverse-a-reversal = 凭证 { $voucher } 本身是对 { $of } 的冲销，不能再冲销。
error-already-reversed = 凭证 { $voucher } 已经被 { $by } 冲销过了。
error-reverse-before-original = 冲销日期不能早于原凭证日期（{ $date }）。
error-receipt-not-found = 找不到收据 { $key }。
error-receipt-not-income = 凭证 { $voucher } 不是收入，不能开收据。
error-receipt-exists = 凭证 { $voucher } 已经开过收据 { $receipt }；要重开，请先作废原收据。
error-receipt-already-void = 收据 { $receipt } 已经作废了。
error-receipt-none = 请指定要打印的收据。
error-payer-required = 请填写交款人。
error-donor-required = 请填写捐款人姓名或单位。
error-dues-no-policy = 还没有设置 { $key } 年的会费标准。
error-dues-exempt-ordinary = “一般”不是免缴的经济状况。
error-dues-already-waived = 编号 { $no } 的 { $year } 年会费已经减免过了。
error-dues-not-member = 编号 { $no } 在 { $year } 年不是在册会员，不用交会费。
error-dues-exempt = 编号 { $no } 的 { $year } 年会费是免缴的。
error-dues-nothing-owed = 编号 { $no } 这几年的会费已经交清了。
error-dues-overpaid = 交的钱（{ $amount }）比欠的会费（{ $owed }）多。多出的部分可以记为捐款。
error-out-format = 输出文件要以 .pdf 或 .xlsx 结尾。
error-period-required = 请用 --month 或 --year 指定期间（二选一）。
error-report-period-required = 请用 --month、--quarter 或 --year 指定期间（只选一个）。

## 科目（系统科目改名之前显示这些名字）
cash-category-grant = 村委会拨款
cash-category-dues = 会费
cash-category-donation = 社会捐助
cash-category-business = 经营收入
cash-category-other-income = 其他收入
cash-category-condolence = 慰问金
cash-category-birthday = 生日礼品
cash-category-events = 活动经费
cash-category-trips = 外出旅游
cash-category-facilities = 设施设备
cash-category-office = 办公用品
cash-category-other-expense = 其他支出
cash-kind-income = 收入
cash-kind-expense = 支出

## 通用
money-date = { $year }年{ $month }月{ $day }日
money-printed-on = 打印日期：{ $date }
money-col-date = 日期
money-col-voucher = 凭证号
money-col-summary = 摘要
money-col-income = 收入
money-col-expense = 支出
money-col-balance = 余额
money-col-handler = 经手人
money-col-member-no = 编号
money-col-name = 姓名
money-col-due = 应缴
money-col-paid = 已缴
money-col-owed = 欠缴
money-col-kind = 收支
money-col-category = 科目
money-col-amount = 金额
money-col-count = 笔数
money-col-party = 对方
money-col-receipt = 收据号
money-col-exempt = 免缴
money-statement-xlsx = 生成 Excel 表格
money-statement-pdf = 生成 PDF（打印用）
money-receipts-layout-a5 = A5 纸一张
money-receipts-layout-a4 = A4 纸一页三张

## 收据
receipt-title = 收　据
receipt-stub = 存　根
receipt-no-label = No.
receipt-date-label = 日期：
receipt-payer-label = 交款人：
receipt-purpose-label = 事由：
receipt-amount-label = 金额：
receipt-handler-label = 经手人：
receipt-voucher-label = 凭证号：
receipt-received-from = 今收到
receipt-for = 交　来
receipt-capital-label = 人民币（大写）
receipt-figures-label = ¥（小写）
receipt-payee-label = 收款单位（盖章）：
receipt-seal = 盖章处
receipt-void = 作废
receipt-reprint = 补打
receipt-purpose-dues = { $years } 年度会费
receipt-purpose-donation = 捐款
receipt-purpose-donation-for = 捐款（{ $purpose }）

## 会费
dues-exempt-age = { $age } 岁以上免缴
dues-exempt-waiver = 减免：{ $reason }
dues-arrears-title = { $year } 年度会费欠费名单
dues-arrears-none = 没有欠费的会员。
dues-arrears-total = 合计 { $count } 人
dues-no-group = （未填村民小组）

## 捐款芳名榜
honour-title = 捐款芳名榜
honour-for = 为“{ $purpose }”捐款
honour-period = { $from } 至 { $to }
honour-since = { $from } 以来
honour-until = 截至 { $to }
honour-thanks = 热心公益　敬老爱老　谨此致谢
honour-none = 这段时间还没有捐款。

## 收支明细表
statement-title = 收支明细表
statement-period-month = { $year }年{ $month }月
statement-period-quarter = { $year }年第{ $quarter }季度
statement-period-year = { $year }年度
statement-opening = 期初余额
statement-total = 本期合计
statement-closing = 期末余额
statement-income-total = 收入合计
statement-expense-total = 支出合计
statement-by-category = 分科目汇总
statement-entries = { $count } 笔
statement-reversal-of = 冲销 { $voucher }
statement-sheet-detail = 收支明细
statement-sheet-categories = 分科目汇总
statement-check-sum = 公式核对

## 命令行
cli-cash-count = 盘点 { $date }：实点 { $counted }，账面 { $book }，{ $result }
cli-cash-count-even = 账实相符。
cli-cash-count-over = 长款 { $diff }，请查明原因。
cli-cash-count-short = 短款 { $diff }，请查明原因。
cli-month-closed = 已月结 { $month }，月末余额 { $balance }。
cli-receipt-voided = 收据 { $receipt } 已作废。
cli-policy-saved = 已设置 { $year } 年会费：每人 { $amount }。
cli-waived = 已减免编号 { $no } 的 { $year } 年会费。
cli-file-written = 已生成 { $file }
cli-bill-total = 共 { $count } 人：应缴 { $due }，已缴 { $paid }，欠缴 { $owed }。
cli-category-added = 已添加科目：{ $name }
cli-category-renamed = 已改名为：{ $name }
cli-category-deleted = 已删除科目：{ $name }
cli-reversed = 已冲销 { $voucher }，冲销凭证号 { $reversal }。

file-name-arrears = 会费欠费名单-{ $year }.pdf
file-name-receipt = 收据-{ $no }.pdf
file-name-receipts = 收据-{ $no }等{ $count }张.pdf
file-name-honour = 捐款芳名榜-{ $date }.pdf
file-name-statement = 收支明细表-{ $period }.{ $ext }

# The kinds of period a report covers (PeriodKind).
period-kind-month = 月度
period-kind-quarter = 季度
period-kind-year = 年度
error-quarter-invalid = 季度“{ $value }”不对，请按 年-季度 填写，例如 2026-3 或 2026-Q3。

# Dues paid with saved hours (issue 13 ★).
receipt-purpose-dues-hours = { $year }年度会费（以时间储蓄 { $hours } 小时抵缴，未收现金）
dues-hours-entry = 时间储蓄 #{ $id }
dues-hours-rate-off = 未开启以时抵缴会费
dues-hours-rate = 以时抵缴会费：每小时 { $rate }
statement-dues-hours = 会费以时间储蓄抵缴（不经现金）：{ $count } 笔，{ $hours } 小时，折合 { $amount }
cli-dues-hours-paid = { $name } { $year }年度会费 { $amount } 已以时间储蓄 { $hours } 小时抵缴（收据 { $slip }），现金账未变
error-dues-hours-off = 本会未开启以时间储蓄抵缴会费（先设定每小时折合金额：huzhu dues hours-rate 金额）
error-dues-hours-short = { $name } 的时间储蓄只有 { $balance } 小时，抵缴 { $owed } 需要 { $hours } 小时
error-dues-hours-slip-not-found = 没有编号为 { $key } 的以时抵缴收据
cli-bill-paid-split = 其中现金缴纳 { $cash }，以时间储蓄抵缴 { $hours }
error-dues-hours-one-year = 以时抵缴一次只缴一个年度
