# Printed on every kind of PDF (src/pdf.rs): page numbers and the signature and seal lines.
pdf-page-n-of = 第 { $n } 页　共 { $of } 页
pdf-sign-prepared-by = 制表人：
pdf-sign-reviewed-by = 审核人：
pdf-sign-seal = （盖章）
