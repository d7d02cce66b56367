# Mediation (调解): choices, the agreement, the CLI, errors.
mediation-about-family-support = 家庭赡养
mediation-about-property = 财产纠纷
mediation-about-neighbours = 邻里纠纷
mediation-about-rights = 老人权益受侵害
mediation-about-other = 其他
mediation-outcome-agreed = 达成协议
mediation-outcome-referred = 移交村委会
mediation-outcome-withdrawn = 撤回

mediation-agreement-title = 调解协议书
mediation-agreement-no = 编号：调{ $id }
mediation-party-label = { $mark }方：
mediation-party-member = { $name }（会员编号 { $no }）
mediation-agreement-about = 纠纷事项：{ $about }
mediation-agreement-terms = 经调解，各方自愿达成如下协议：
mediation-agreement-copies = 本协议一式多份，当事各方及调解组织各执一份，自各方签字之日起生效。
mediation-sign-party = { $mark }方（签字）：
mediation-sign-mediator = 调解人（签字）：
mediation-agreement-mediator = 调解人：{ $name }
file-name-mediation-agreement = 调解协议书-{ $id }.pdf

cli-mediation-opened = 已立案 { $id }：{ $about }，当事人 { $parties }
cli-mediation-noted = 案件 { $id } 已记录第 { $count } 次调解
cli-mediation-closed = 案件 { $id } 已结案：{ $outcome }（{ $date }）
cli-mediation-line = { $id }　{ $opened }　{ $about }　{ $parties }　{ $state }
cli-mediation-open = 调解中
cli-mediation-none = 没有调解案件。

error-mediation-about-required = 请选择纠纷类型
error-mediation-parties = 请填写至少两方当事人
error-mediation-not-found = 没有编号为 { $key } 的调解案件
error-mediation-closed = 案件 { $id } 已结案，不能再改
error-mediation-note-required = 请填写调解记录
error-mediation-outcome-required = 请选择调解结果
error-mediation-terms-required = 请填写协议内容
