# Requests for help (求助), service standards, feedback and training (issue 13)

request-kind-escort = 陪诊
request-kind-shopping = 代购
request-kind-cleaning = 助洁
request-kind-meals = 助餐
request-kind-haircut = 理发
request-kind-repair = 维修
request-kind-company = 聊天陪伴
request-kind-other = 其他

request-state-open = 待派
request-state-assigned = 已派
request-state-done = 已完成
request-state-cancelled = 已取消

feedback-rating-good = 满意
feedback-rating-ok = 基本满意
feedback-rating-bad = 不满意

standard-scope-duty = 值班
standard-scope-request = 求助

request-why-able = { $near ->
    [same] 同组（{ $group }）
    [near] 附近小组（{ $group }，相距 { $distance } 组）
   *[other] 其他小组（{ $group }）
}，本月已服务 { $load } 次{ $trained ->
    [yes] ，已参加“{ $topic }”培训
   *[no] {""}
}
request-asap = 尽快

error-request-cannot-self = { $name } 是求助人本人。
error-request-cannot-kind = { $name } 不提供“{ $kind }”服务。
error-request-cannot-training = { $name } 未参加“{ $topic }”培训。
error-request-cannot-busy = { $name } 这时已有值班或别的求助任务，或与值班之间休息不够（至少 8 小时）。
error-request-not-found = 找不到编号为 { $key } 的求助。
error-request-recipient-required = 请选择求助的人。
error-request-recipient-inactive = { $name } 已去世或已退会，不能登记求助。
error-request-kind-required = 请选择求助类别。
error-request-kind-retired = 求助类别“{ $kind }”已停用。
error-request-hours-need-date = 填写了时间段，请同时填写日期。
error-request-already-assigned = 求助 { $id } 已经派给 { $name } 了。
error-request-already-done = 求助 { $id } 已经完成，不能再更改。
error-request-already-cancelled = 求助 { $id } 已经取消了。
error-request-not-assigned = 求助 { $id } 还没有派人，不能登记完成。
error-request-cancel-reason = 取消求助请写明原因。
error-request-kind-name-required = 请填写类别名称。
error-request-kind-exists = 已经有“{ $name }”这个类别了。
error-request-kind-not-found = 找不到求助类别“{ $key }”。
error-feedback-not-found = 找不到编号为 { $key } 的评价。
error-feedback-already = 这次服务已经有评价了。
error-feedback-shift-not-done = 班次 { $slot } 还没有登记完成，不能评价。
error-feedback-say-whom = 班次 { $slot } 有好几个人服务，请说明评价的是谁。
error-feedback-no-followup = 评价 { $id } 没有待处理的投诉。
error-feedback-action-required = 请写明对投诉做了什么处理。
error-feedback-rating-required = 写了评价备注，请同时选择满意程度。
error-training-topic-required = 请填写培训主题。
error-training-not-found = 找不到编号为 { $key } 的培训。
error-training-nobody = 请至少选一位参加培训的人。

cli-request-added = 已登记求助 { $id }。
cli-request-assigned = 求助 { $id } 已派给 { $name }。
cli-request-done = 求助 { $id } 已完成，{ $name } 记入 { $hours } 小时。
cli-request-cancelled = 求助 { $id } 已取消。
cli-request-none = 没有求助。
cli-request-overdue = 逾期
cli-request-no-candidates = 没有登记值班时间的志愿者。
cli-feedback-added = 已登记评价 { $id }。
cli-feedback-followup = 这是投诉，已开启跟进（处理后用 feedback close { $id } --action … 结案）。
cli-feedback-closed = 评价 { $id } 的投诉已结案。
cli-training-added = 已登记培训 { $id }。
cli-training-attended = 培训 { $id } 现有 { $count } 人参加。
cli-training-required = “{ $kind }”现在要求“{ $topic }”培训。
cli-training-not-required = “{ $kind }”不再要求培训。
cli-standard-set = 已保存“{ $kind }”的服务标准。
cli-request-offers-all = { $name } 提供所有类别的求助服务。
cli-request-offers = { $name } 提供：{ $kinds }
cli-request-kind-added = 已添加求助类别“{ $name }”。
cli-request-pays-on = 完成的求助从求助人自己的时间储蓄中扣除相同时数。
cli-request-pays-off = 完成的求助不从求助人的时间储蓄中扣除。

# The work report's lines (huzhu::reports)
report-requests = 求助服务
report-requests-line = 受理 { $taken } 件，完成 { $done } 件（{ $hours } 小时），取消 { $cancelled } 件，期末待办 { $pending } 件
report-feedback = 服务评价
report-feedback-line = 满意 { $good }，基本满意 { $ok }，不满意 { $bad }（投诉已处理 { $closed }，待处理 { $open }）
