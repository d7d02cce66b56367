# Printed on every kind of PDF (src/pdf.rs): page numbers and the signature and seal lines.
pdf-page-n-of = Page { $n } of { $of }
pdf-sign-prepared-by = Prepared by:
pdf-sign-reviewed-by = Reviewed by:
pdf-sign-seal = (Seal)
