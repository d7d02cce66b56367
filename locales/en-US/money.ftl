# Money: cash book, dues, receipts, donor honour list, statements. Amounts and dates arrive
# formatted by the program.

## Errors
error-amount-invalid = The amount “{ $value }” is not a number such as 123.45.
error-amount-negative = An amount cannot be negative (“{ $value }”). To correct a posted entry, reverse it.
error-amount-decimals = Amounts have at most two decimals (fen); “{ $value }” has more.
error-amount-zero = The amount must be more than zero.
error-amount-too-large = The amount is too large; one entry can be at most { $max }.
error-month-invalid = The month “{ $value }” is not valid; write year-month, e.g. 2026-03.
error-year-invalid = The year “{ $value }” is not valid.
error-year-required = Please give the year.
error-age-invalid = The age “{ $value }” is not valid.
error-category-unknown = There is no category “{ $value }”. Choices: { $choices }
error-category-name-required = Please give the category a name.
error-category-exists = There is already a category “{ $name }”.
error-category-not-found = Category { $key } was not found.
error-category-in-use = The category “{ $name }” has { $count } entries and cannot be deleted; it can be renamed.
error-category-seeded = “{ $name }” is used by the program (dues, donations…) and cannot be deleted; it can be renamed.
error-kind-required = Please choose income or expense.
error-voucher-not-found = Voucher { $key } was not found.
error-month-closed = { $month } is closed; no entries dated { $date } can be added.
error-month-not-over = { $month } is not over yet and cannot be closed.
error-month-already-closed = { $month } is already closed.
error-reason-required = Please give the reason.
error-reverse-a-reversal = Voucher { $voucher } is itself the reversal of { $of } and cannot be reversed.
error-already-reversed = Voucher { $voucher } was already reversed by { $by }.
error-reverse-before-original = A reversal cannot be dated before the original ({ $date }).
error-receipt-not-found = Receipt { $key } was not found.
error-receipt-not-income = Voucher { $voucher } is not an income; it cannot have a receipt.
error-receipt-exists = Voucher { $voucher } already has receipt { $receipt }; void it before issuing another.
error-receipt-already-void = Receipt { $receipt } is already void.
error-receipt-none = Please name the receipts to print.
error-payer-required = Please give the payer.
error-donor-required = Please give the donor's name.
error-dues-no-policy = There is no dues policy for { $key } yet.
error-dues-exempt-ordinary = “Ordinary” is not an exempt economic status.
error-dues-already-waived = Member { $no }'s dues for { $year } are already waived.
error-dues-not-member = Number { $no } is not on the register as a member in { $year } and owes no dues.
error-dues-exempt = Member { $no } is exempt from dues for { $year }.
error-dues-nothing-owed = Member { $no } has paid all dues for these years.
error-dues-overpaid = The payment ({ $amount }) is more than the dues owed ({ $owed }). Record the rest as a donation.
error-out-format = The output file must end in .pdf or .xlsx.
error-period-required = Give the period with either --month or --year.
error-report-period-required = Give the period with one of --month, --quarter or --year.

## Categories (seeded ones show these names until renamed)
cash-category-grant = Village committee grant
cash-category-dues = Dues
cash-category-donation = Donations
cash-category-business = Business income
cash-category-other-income = Other income
cash-category-condolence = Condolences and visits
cash-category-birthday = Birthday gifts
cash-category-events = Events
cash-category-trips = Trips
cash-category-facilities = Facilities
cash-category-office = Office supplies
cash-category-other-expense = Other expenses
cash-kind-income = Income
cash-kind-expense = Expense

## Common
money-date = { $iso }
money-printed-on = Printed { $date }
money-col-date = Date
money-col-voucher = Voucher
money-col-summary = Description
money-col-income = Income
money-col-expense = Expense
money-col-balance = Balance
money-col-handler = Handler
money-col-member-no = No.
money-col-name = Name
money-col-due = Due
money-col-paid = Paid
money-col-owed = Owed
money-col-kind = Kind
money-col-category = Category
money-col-amount = Amount
money-col-count = Entries
money-col-party = Party
money-col-receipt = Receipt
money-col-exempt = Exempt
money-statement-xlsx = Make Excel workbook
money-statement-pdf = Make PDF (to print)
money-receipts-layout-a5 = A5, one per page
money-receipts-layout-a4 = A4, three per page

## Receipts
receipt-title = RECEIPT
receipt-stub = STUB
receipt-no-label = No.
receipt-date-label = Date:
receipt-payer-label = Payer:
receipt-purpose-label = For:
receipt-amount-label = Amount:
receipt-handler-label = Handler:
receipt-voucher-label = Voucher:
receipt-received-from = Received from
receipt-for = For
receipt-capital-label = RMB in words
receipt-figures-label = ¥ in figures
receipt-payee-label = Received by (seal):
receipt-seal = Seal
receipt-void = VOID
receipt-reprint = REPRINT
receipt-purpose-dues = Membership dues { $years }
receipt-purpose-donation = Donation
receipt-purpose-donation-for = Donation ({ $purpose })

## Dues
dues-exempt-age = exempt at { $age }+
dues-exempt-waiver = waived: { $reason }
dues-arrears-title = Dues arrears { $year }
dues-arrears-none = No member owes dues.
dues-arrears-total = Total: { $count } members
dues-no-group = (no village group)

## Honour list
honour-title = Roll of Honour
honour-for = Donations for “{ $purpose }”
honour-period = { $from } to { $to }
honour-since = Since { $from }
honour-until = Until { $to }
honour-thanks = With heartfelt thanks for caring for our elders
honour-none = No donations in this period yet.

## Statements
statement-title = Statement of income and expenses
statement-period-month = { $year }-{ $month }
statement-period-quarter = Q{ $quarter } { $year }
statement-period-year = Year { $year }
statement-opening = Opening balance
statement-total = Totals for the period
statement-closing = Closing balance
statement-income-total = Total income
statement-expense-total = Total expenses
statement-by-category = Totals by category
statement-entries = entries: { $count }
statement-reversal-of = Reversal of { $voucher }
statement-sheet-detail = Detail
statement-sheet-categories = By category
statement-check-sum = Formula check

## Command line
cli-cash-count = Cash count { $date }: counted { $counted }, book { $book }. { $result }
cli-cash-count-even = The cash agrees with the book.
cli-cash-count-over = Cash over by { $diff }; please find out why.
cli-cash-count-short = Cash short by { $diff }; please find out why.
cli-month-closed = Closed { $month }; balance at month end { $balance }.
cli-receipt-voided = Receipt { $receipt } is void.
cli-policy-saved = Dues for { $year } set: { $amount } each.
cli-waived = Waived member { $no }'s dues for { $year }.
cli-file-written = Wrote { $file }
cli-bill-total = { $count } members: due { $due }, paid { $paid }, owed { $owed }.
cli-category-added = Added category: { $name }
cli-category-renamed = Renamed to: { $name }
cli-category-deleted = Deleted category: { $name }
cli-reversed = Reversed { $voucher } with voucher { $reversal }.

file-name-arrears = dues-arrears-{ $year }.pdf
file-name-receipt = receipt-{ $no }.pdf
file-name-receipts = receipts-{ $no }-etc-{ $count }.pdf
file-name-honour = honour-list-{ $date }.pdf
file-name-statement = statement-{ $period }.{ $ext }

# The kinds of period a report covers (PeriodKind).
period-kind-month = Month
period-kind-quarter = Quarter
period-kind-year = Year
error-quarter-invalid = The quarter “{ $value }” is not valid; write year-quarter, e.g. 2026-3 or 2026-Q3.

# Dues paid with saved hours (issue 13 ★).
receipt-purpose-dues-hours = Dues { $year }, paid with { $hours } saved hours (no cash)
dues-hours-entry = time bank #{ $id }
dues-hours-rate-off = Paying dues with saved hours is off
dues-hours-rate = Dues paid with saved hours: { $rate } an hour
statement-dues-hours = Dues paid with saved hours (no cash): { $count }, { $hours } hours, worth { $amount }
cli-dues-hours-paid = { $name }'s dues for { $year } ({ $amount }) paid with { $hours } saved hours (receipt { $slip }); the cash book is unchanged
error-dues-hours-off = This association does not take saved hours for dues (set a rate first: huzhu dues hours-rate AMOUNT)
error-dues-hours-short = { $name } has { $balance } hours saved; paying { $owed } takes { $hours } hours
error-dues-hours-slip-not-found = There is no hours receipt { $key }
cli-bill-paid-split = Of which paid in cash { $cash }, with saved hours { $hours }
error-dues-hours-one-year = Pay one year at a time with hours
