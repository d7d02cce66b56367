# The money screens (cash book, dues, receipts, donations, statements).

money-title = Money
money-tab-cash = Cash book
money-tab-dues = Dues
money-tab-receipts = Receipts
money-tab-donations = Donations
money-tab-statements = Statements

money-balance-now = Cash on hand
money-balance-month-end = Balance at month end
money-month = Month
money-month-prev = Previous month
money-month-next = Next month
money-month-income = Income this month
money-month-expense = Expenses this month
money-yuan = { $amount }

money-add-title = Record an entry
money-kind = Income or expense
money-category = Category
money-amount = Amount (yuan)
money-amount-hint = e.g. 100 or 123.45
money-date-field = Date
money-date-hint = year-month-day, e.g. 2026-03-01; empty means today
money-party-income = Paid by
money-party-expense = Paid to
money-handler = Handled by
money-approver = Approved by
money-memo = Memo
money-with-receipt = Issue a receipt too
money-save-entry = Record
money-saved-entry = Recorded as voucher { $voucher }.
money-saved-entry-receipt = Recorded as voucher { $voucher }, receipt { $receipt }.
money-print-receipt = Print receipt

money-cash-col-voucher = Voucher
money-cash-col-date = Date
money-cash-col-category = Category
money-cash-col-summary = Details
money-cash-col-income = Income
money-cash-col-expense = Expense
money-cash-col-balance = Balance
money-cash-col-receipt = Receipt
money-cash-col-actions = Actions
money-none-month = Nothing recorded this month yet.
money-reversal-of = Reverses { $voucher }: { $reason }
money-reversed-by = Reversed by { $voucher }
money-reverse = Reverse
money-reverse-title = Reverse voucher { $voucher }
money-reverse-explain = A reversal deletes nothing: it records the opposite entry with your reason. A receipt issued for it is voided too.
money-reverse-reason = Reason
money-reverse-confirm = Reverse it
money-reversed = Reversed by voucher { $voucher }.

money-dues-year = Year
money-dues-policy = Dues policy
money-dues-amount = Per member per year (yuan)
money-dues-exempt-age = Exempt from age
money-dues-exempt-age-hint = Leave empty for no age exemption
money-dues-exempt-status = Exempt economic statuses
money-dues-save-policy = Save policy
money-dues-policy-saved = Dues for { $year } saved: { $amount } each.
money-dues-no-policy = No dues policy for { $year } yet: fill in the policy above first.
money-dues-pay-title = Collect dues
money-dues-member = Member
money-dues-years = For which years
money-dues-years-hint = Several years with commas, e.g. 2025,2026
money-dues-pay = Collect and issue receipt
money-dues-paid = Received { $amount } dues from { $name }, receipt { $receipt }.
money-dues-bill = Dues list
money-dues-owing-only = Only those who owe
money-dues-summary = Due { $due }, paid { $paid }, owed { $owed } ({ $count } members owe)
money-dues-col-no = No.
money-dues-col-name = Name
money-dues-col-group = Group
money-dues-col-due = Due
money-dues-col-paid = Paid
money-dues-col-owed = Owed
money-dues-col-note = Note
money-dues-collect = Collect
money-dues-print-arrears = Print arrears list
money-dues-settled = Paid up

money-receipts-year = Year
money-receipts-layout = Paper
money-receipts-none = No receipts issued this year yet.
money-receipts-col-no = Receipt
money-receipts-col-payer = Paid by
money-receipts-col-purpose = For
money-receipts-col-amount = Amount
money-receipts-col-status = Status
money-receipts-print = Print
money-receipts-reprint = Reprint
money-receipts-void = Void
money-receipts-voided = Void: { $reason }
money-receipts-printed = Printed { $count } times
money-receipts-not-printed = Not printed
money-receipts-void-title = Void receipt { $no }
money-receipts-void-explain = A void receipt keeps its number and prints as VOID. The money is not touched; if the entry itself was wrong, reverse it in the cash book.
money-receipts-void-reason = Reason
money-receipts-void-confirm = Void it
money-receipts-void-done = Receipt { $no } is void.

money-donation-title = Record a donation
money-donation-donor = Donor (person or organisation)
money-donation-purpose = Purpose
money-donation-purpose-hint = Empty for a general gift; e.g. Double Ninth festival
money-donation-save = Record donation
money-donation-saved = Recorded { $amount } from { $donor }, voucher { $voucher }.
money-donation-saved-receipt = Recorded { $amount } from { $donor }, voucher { $voucher }, receipt { $receipt }.
money-donation-list = Donations
money-donation-none = No donations recorded yet.
money-honour-title = Honour list
money-honour-from = From
money-honour-to = To
money-honour-period-hint = Leave the dates empty for all
money-honour-purpose-all = All purposes
money-honour-print = Print honour list
money-honour-gifts = { $count ->
    [one] 1 gift
   *[other] { $count } gifts
}
money-honour-none = No donations in this period.

money-statement-title = Income and expense statement
money-statement-kind = Period
money-statement-by-month = A month
money-statement-by-year = A year
money-statement-month = Month (year-month)
money-statement-year = Year
money-statement-explain = The statement lists every entry, the opening and closing balance and the totals per category, with lines for the preparer's and reviewer's signatures and the seal.

# Dues paid with saved hours (issue 13 ★).
money-dues-col-paid-hours = of which in hours
money-dues-hours-title = Dues paid with saved hours
money-dues-hours-rate = Yuan per hour
money-dues-hours-rate-hint = Empty: off
money-dues-hours-rate-save = Save the rate
money-dues-hours-off = Paying dues with saved hours is off. Set a rate per hour to use it.
money-dues-hours-quote = { $name } owes { $owed } for { $year }: { $hours } hours ({ $balance } saved)
money-dues-hours-short = { $name } has { $balance } hours; paying { $owed } takes { $hours }: not enough
money-dues-hours-pay = Pay { $year } dues with hours
money-dues-hours-paid = { $name }'s dues of { $amount } paid with { $hours } hours, receipt { $slip }; no cash moved
