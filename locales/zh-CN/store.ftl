# The store (src/db, src/chain.rs, src/output.rs, src/input.rs): what the start-up checks and
# `huzhu check` find, the ledgers' check code, and the guards on the files the app writes and reads.
store-object-table = 表
store-object-index = 索引
store-object-trigger = 触发器
store-object-view = 视图
store-problem-page = 页面损坏：{ $detail }
store-problem-missing = { $object } { $name } 缺失
store-problem-altered = { $object } { $name } 与互助建立的不一致
store-problem-unexpected = { $object } { $name } 是在互助以外添加的
store-problem-foreign-keys = 有 { $count } 条记录指向不存在的记录
store-problem-chain-cash = 收支流水账：凭证 { $row } 与账簿校验不符（它或它之前的记录在互助以外被改动过）
store-problem-chain-time = 时间储蓄：第 { $row } 条记录与账簿校验不符（它或它之前的记录在互助以外被改动过）
store-problem-chain-audit = 操作日志：第 { $row } 条与日志校验不符（它或它之前的记录在互助以外被改动过）
store-problem-unreadable = 有一项检查无法完成：{ $detail }
store-chain-code = 账簿校验码 { $code }
error-output-protected = 不能写入“{ $path }”：它是数据库、数据库的工作文件或备份。请换一个文件名。
error-output-exists = “{ $path }”已存在。请换一个文件名，或加上 --force 覆盖它。
error-output-folder = “{ $path }”是文件夹，请给出文件名。
error-input-unreadable = 无法读取文件“{ $path }”，请检查位置。
error-input-not-a-file = “{ $path }”不是普通文件（是文件夹、设备或管道），请选择文件本身。
error-input-too-large = “{ $path }”太大，不可能是这种文件（超过 { $max } KB）。
