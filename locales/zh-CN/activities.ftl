# Activities (活动): kinds, the sign-in sheet, the CLI, errors.
activity-kind-festival = 节日联欢
activity-kind-chongyang = 重阳活动
activity-kind-recreation = 文体
activity-kind-trip = 外出旅游
activity-kind-lecture = 讲座
activity-kind-other = 其他

activity-sheet-title = { $name } 签到表
activity-sheet-when = { $kind }　{ $date }
activity-sheet-when-where = { $kind }　{ $date }　{ $place }
activity-sheet-total = 应到 { $count } 人　实到＿＿＿人
activity-col-seq = 序号
activity-col-no = 编号
activity-col-name = 姓名
activity-col-group = 村民小组
activity-col-sign = 签名
file-name-activity-sheet = 签到表-{ $name }-{ $date }.pdf

cli-activity-added = 已登记活动 { $id }：{ $name }（{ $date }）
cli-activity-attended = 活动 { $id }：出席 { $count } 人
cli-activity-cost = 已记支出 { $voucher }：{ $amount }（{ $category }）；活动 { $id } 共支出 { $spent }
cli-activity-line = { $id }　{ $date }　{ $kind }　{ $name }　出席 { $count } 人　支出 { $spent }
cli-activity-none = 没有活动。

error-activity-name-required = 请填写活动名称
error-activity-kind-required = 请选择活动类型
error-activity-not-found = 没有编号为 { $key } 的活动
error-activity-count-invalid = 人数“{ $value }”不对，请填写整数
error-activity-attend-nobody = 请勾选出席的人，或填写人数
error-activity-not-ticked = 编号 { $no } 没有登记出席
