# Care rotas (值班): volunteers, care cases, pairings, the generator's reasons, rosters, slips.
rota-kind-care = 护理
rota-kind-visit = 探望
rota-kind-hall = 活动中心值班
rota-shift-day = 白班
rota-shift-night = 夜班
rota-shift-visit = 探望
rota-shift-hall = 值班
rota-pair-note = 老伙伴结对：{ $name }
rota-demo-hall = 村老年活动中心
rota-demo-hall-notes = 开门、烧水泡茶、登记来访
rota-weekday-short-mon = 一
rota-weekday-short-tue = 二
rota-weekday-short-wed = 三
rota-weekday-short-thu = 四
rota-weekday-short-fri = 五
rota-weekday-short-sat = 六
rota-weekday-short-sun = 日

## Why someone was chosen, and why a slot is empty
rota-why-paired = 老伙伴结对，固定由本人探望
rota-why-by-hand = 秘书手工安排
rota-why-least-loaded = 在 { $candidates } 位有空的人中，此前班次最少（{ $shifts } 班）
rota-why-least-loaded-group = 在 { $candidates } 位有空的人中，此前班次最少（{ $shifts } 班），且与对象同村民小组
rota-why-evened = 为平均分担，从班次多的人调给此人（此前 { $shifts } 班）
rota-unfilled-no-kind = 没有志愿者能做{ $kind ->
    [care] 护理
    [visit] 探望
   *[hall] 活动中心值班
}
rota-unfilled-no-weekday = 没有人能在{ $weekday ->
    [mon] 星期一
    [tue] 星期二
    [wed] 星期三
    [thu] 星期四
    [fri] 星期五
    [sat] 星期六
   *[sun] 星期日
}做{ $kind ->
    [care] 护理
    [visit] 探望
   *[hall] 值班
}
rota-unfilled-no-shift = 没有人能在{ $weekday ->
    [mon] 星期一
    [tue] 星期二
    [wed] 星期三
    [thu] 星期四
    [fri] 星期五
    [sat] 星期六
   *[sun] 星期日
}{ $shift ->
    [night] 值夜班
   *[day] 值白班
}
rota-unfilled-all-away = 能值这个班的人这天都不在家
rota-unfilled-all-full = 能值这个班的人本月班次都已满
rota-unfilled-all-busy = 能值这个班的人都已有相邻或重叠的班，需要休息
rota-unfilled-paired-away = 结对志愿者 { $name } 这天不在家
rota-unfilled-paired-busy = 结对志愿者 { $name } 这时已有别的班
rota-unfilled-paired-full = 结对志愿者 { $name } 本月班次已满
rota-unfilled-paired-unavailable = 结对志愿者 { $name } 这个时间没空
rota-unfilled-locked = 已锁定，请手工安排人
rota-unfilled-can-fill = 现在有人有空，按“排班（保留已定的）”即可补上

## Errors
error-rota-weekday-invalid = 星期“{ $value }”不对：请用 1 到 7（1 是星期一，7 是星期日），例如 1,2,3 或 1-5。
error-rota-time-invalid = 时间“{ $value }”不对，请按 时:分 填写，例如 08:00 或 20:30。
error-rota-range-invalid = 日期范围“{ $value }”不对，请写成 2026-12-01..2026-12-10。
error-rota-range-reversed = 开始日期 { $from } 晚于结束日期 { $until }，请检查是否写反了。
error-rota-shift-invalid = 班次“{ $value }”不对，请写成 名称@开始-结束，例如 白班@08:00-20:00 或 夜班@20:00-08:00x2。
error-rota-shift-name = 班次名称“{ $value }”不对（1 到 12 个字）。
error-rota-shift-people = 每班人数“{ $value }”不对（1 到 20 人）。
error-rota-shift-empty = 班次的开始和结束时间都是 { $value }，没有时长。
error-rota-every-days = “每隔几天”应在 1 到 366 之间，不能是 { $value }。
error-rota-max-shifts = 每月最多班次“{ $value }”太多了（最多 93）。
error-rota-person-inactive = 编号 { $no }（{ $name }）已不在册，不能安排。
error-rota-not-volunteer = 编号 { $no }（{ $name }）还没有登记为值班志愿者，请先用 volunteer set 填写能值班的时间。
error-rota-case-not-found = 找不到编号为 { $key } 的护理对象。
error-rota-slot-not-found = 找不到编号为 { $key } 的班次。
error-rota-pair-self = 志愿者和结对老人不能是同一个人。
error-rota-pair-exists = { $volunteer } 和 { $elder } 已经结对了。
error-rota-cannot-kind = { $name } 不做{ $kind ->
    [care] 护理
    [visit] 探望
   *[hall] 活动中心值班
}。
error-rota-cannot-weekday = { $name } { $weekday ->
    [mon] 星期一
    [tue] 星期二
    [wed] 星期三
    [thu] 星期四
    [fri] 星期五
    [sat] 星期六
   *[sun] 星期日
}没空。
error-rota-cannot-shift = { $name } 不值{ $shift ->
    [night] 夜班
   *[day] 白班
}。
error-rota-cannot-away = { $name } 在 { $date } 不在家（已登记外出）。
error-rota-cannot-full = { $name } 本月班次已达上限。
error-rota-cannot-busy = { $name } 这时已有别的班，或两班之间休息不够（至少 8 小时）。
error-rota-cannot-paired = 这是结对探望，只能由结对志愿者去，{ $name } 不能代替。
error-rota-already-on = { $name } 已经在班次 { $slot } 上了。
error-rota-slot-full = 班次 { $slot } 人已够了。
error-rota-not-on-slot = 编号 { $no } 不在班次 { $slot } 上。
error-rota-already-recorded = 班次 { $slot } 已经登记过完成情况了。
error-rota-slot-empty = 班次 { $slot } 没有安排人。
error-rota-say-whom = 班次 { $slot } 有好几个人，请用 --for 说明是谁的班。
error-rota-not-yet = 这个班在 { $date }，还没到，不能登记完成。
error-rota-hours-invalid = 时长“{ $value }”不对：应大于 0、不超过 24 小时，例如 3 或 2.5。
error-rota-volunteer-required = 请先选一位志愿者。
error-rota-cover-required = 请选择是谁替的班。
error-rota-recipient-required = 请先从登记册里选一位老人。

## Printing
rota-month = { $year }年{ $month }月
rota-day = { $month }月{ $day }日
rota-roster-title = { $month }值班表
rota-roster-case = { $kind }：{ $name }（{ $no }号）　地址：{ $address }
rota-roster-family = 家属：{ $family }
rota-roster-medicines = 用药及注意：{ $medicines }
rota-roster-notes = 备注：{ $notes }
rota-roster-shifts = 班次：
rota-roster-phones = 值班人员电话：
rota-next-day = （次日）
rota-people = ×{ $people }人
rota-vacant = （空缺）
rota-name-sep = 、
rota-more = 另有 { $n } 班…
rota-printed-on = 打印日期：{ $date }
rota-phone-title = { $month }值班人员通讯录
rota-shift-count = { $n } 班
rota-slips-title = { $month }个人值班单
rota-slips-none = 本月还没有排班。
rota-slips-cut = ✂ 沿虚线剪开
rota-slip-sub = 编号 { $no }　{ $month }值班
rota-slip-part = （第 { $n }/{ $of } 张）

rota-slip-weekday = 周{ $d }
rota-outcome-covered = 由人顶班
rota-outcome-missed = 缺勤
rota-outcome-done = 已完成

## Command line
cli-rota-volunteer-set = 已保存 { $name } 的值班时间。
cli-rota-case-added = { $id }
cli-rota-pair-added = 已结对：{ $volunteer } 每 { $days } 天探望 { $elder }（护理对象 { $case }）。
cli-rota-generated = { $month }：共 { $slots } 个班次，新排 { $assigned } 人次，保留 { $kept } 人次，空缺 { $unfilled } 个班次。
cli-rota-unfilled = 空缺：班次 { $slot } { $date } { $start }-{ $end } { $name } { $shift } 缺 { $missing } 人：{ $reason }
cli-rota-written = 已写入 { $file }（{ $pages } 页）。
cli-rota-outcome = 班次 { $slot }：{ $name } { $outcome ->
    [done] 已完成
    [covered] 由人顶班
   *[missed] 缺勤
} { $hours } 小时。
cli-rota-time-bank-pending = 时间银行尚未入账，记录已保存，可以之后补记。
cli-rota-assigned = 已把 { $name } 安排到班次 { $slot }。
cli-rota-unassigned = 已把 { $name } 从班次 { $slot } 撤下。
cli-rota-swapped = 已对调：班次 { $a } 与班次 { $b }。
cli-rota-locked = 班次 { $slot } 已锁定，重新排班时保持不变。
cli-rota-unlocked = 班次 { $slot } 已解锁。
cli-rota-overdue = { $no }　{ $name }　{ $days ->
    [never] 从未探望
   *[other] { $days } 天未探望
}　{ $phone }　{ $address }
cli-rota-overdue-none = 独居老人都在 { $days } 天内有人探望或问候过。
cli-rota-visit-logged = 已记录：{ $date } { $kind ->
    [call] 电话问候
   *[visit] 上门探望
} { $name }。

file-name-roster = 值班表
file-name-roster-large = -大字
file-name-slips = 个人值班单
file-name-roster-a3 = -A3

# Training a duty requires (issue 13)
rota-unfilled-no-training = 没有参加过“{ $topic }”培训的志愿者能做{ $kind ->
    [care] 护理
    [visit] 探望
   *[hall] 活动中心值班
}
error-rota-cannot-training = { $name } 未参加{ $kind ->
    [care] 护理
    [visit] 探望
   *[hall] 活动中心值班
}所要求的培训
