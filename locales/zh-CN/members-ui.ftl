# The register screens (ui/src/lib/Members, PersonDetail, PersonForm).

members-title = 会员花名册
members-search = 搜索姓名、拼音、首字母、编号或电话
members-search-hint = 例如：张秀英、zhangxiuying、zxy、12、138
members-add = 登记新人员
members-count-shown = 共 { $total } 人，显示前 { $shown } 人
members-none = 没有找到符合条件的人员。
members-filter-status = 状态
members-filter-group = 村民小组
members-filter-living = 居住状况
members-filter-care = 自理能力
members-filter-age = 年龄段
members-filter-volunteers = 只看志愿者
members-filter-any = 不限
members-clear-filters = 清除筛选

members-kind-member = 会员
members-kind-volunteer = 志愿者
members-kind-non-member-volunteer = 非会员志愿者
members-person-saved = 已保存。
members-person-added = 已登记，编号 { $no }。
members-person-back = 返回名单
members-person-status-history = 状态记录
members-person-change-status = 变更状态
members-person-status-effective = 生效日期
members-person-status-note = 说明
members-person-status-confirm = 确认变更
members-person-deceased-note = 已故人员不会被删除，资料和记录都会保留，只是不再出现在当前名单里。
members-person-status-recorded-by = 经办人
members-person-status-history-none = 还没有状态变更记录。
members-person-status-changed = 状态已变更。
members-lunar-day-value = 农历 { $month } 月 { $day } 日
members-lunar-day-value-leap = 农历闰 { $month } 月 { $day } 日
members-lunar-date-value = 农历 { $year } 年 { $month } 月 { $day } 日
members-lunar-date-value-leap = 农历 { $year } 年闰 { $month } 月 { $day } 日
members-kind-non-member-short = 非会员
