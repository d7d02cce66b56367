# The first screen (this month at a glance); text the page and the printout share is in agenda.ftl.
agenda-ui-title = This month
agenda-ui-prev = Previous month
agenda-ui-next = Next month
agenda-ui-print = Print (one A4 page)
agenda-ui-open = Open
agenda-ui-paid = Paid { $voucher }
