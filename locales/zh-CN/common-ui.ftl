# The UI kit shared by every screen (ui/src/lib/common/): form ends, person picker, saved files.

common-yes = 是
common-no = 否

common-edit = 修改资料
common-save = 保存
common-cancel = 取消
common-fix-errors = 有的地方没填对，请看红字提示。

common-pick-search = 输入姓名、拼音或编号查找
common-pick-change = 换一个人
common-pick-none = 没有找到这个人。

common-file-saved = 文件已保存在：
common-file-saved-opened = 已用系统程序打开，可以从那里打印。
common-file-saved-not-opened = 没能自动打开，请到这个位置双击打开。
common-working = 正在生成…
common-file-open-again = 再打开一次
common-pick-age = { $age } 岁

# 每个名单都能导出（ExportButtons）
common-export = 导出这份名单：
common-export-xlsx = Excel 表格
common-export-csv = CSV 文件
common-export-full = 显示完整身份证号和电话
common-export-busy = 正在导出…
