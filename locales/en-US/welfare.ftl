# Welfare and life events (src/welfare): the kinds of welfare, standards, payments, deaths,
# hospital stays, birthdays, festivals; the 领款单, the signing list and the birthday list; the
# command line's words; the errors.

## Choices
welfare-kind-condolence = Condolence
welfare-kind-hospital = Hospital
welfare-kind-sick = Sick visit
welfare-kind-birthday = Decade birthday
welfare-kind-chongyang = Double Ninth
welfare-kind-chunjie = Spring Festival
welfare-kind-other = Other
age-count-full = full years (周岁)
age-count-nominal = nominal age (虚岁)
welfare-skip-already-paid = already paid
welfare-skip-no-standard = no standard fits

## Standards
welfare-band-any = any age
welfare-band-from = { $from } and over
welfare-band-to = { $to } and under
welfare-band = ages { $from }–{ $to }

## 领款单
welfare-slip-title = Payment slip
welfare-slip-voucher = Voucher:
welfare-slip-member = Member:
welfare-slip-member-value = { $name } (no. { $no })
welfare-slip-member-value-group = { $name } (no. { $no }, { $group })
welfare-slip-kind = For:
welfare-slip-goods = Goods:
welfare-slip-money-only = none
welfare-slip-capital = Amount in words (RMB):
welfare-slip-figures = Amount in figures:
welfare-slip-receiver-sign = Received by (signature):
welfare-slip-receiver-named = (receiver: { $name })
welfare-slip-handler = Handled by:
welfare-slip-approver = Approved by:
welfare-slip-reversed = REVERSED

## Lists
welfare-sign-list-title = Welfare signing list
welfare-sign-list-total = { $count } people, total
welfare-col-seq = #
welfare-col-no = No.
welfare-col-name = Name
welfare-col-group = Group
welfare-col-age = Age
welfare-col-kind = For
welfare-col-amount = Amount
welfare-col-goods = Goods
welfare-col-sign = Signature
welfare-col-date = Date
welfare-col-lunar = Lunar
welfare-col-decade = Decade
welfare-col-gift = Gift
welfare-col-paid = Voucher
welfare-birthdays-title = Birthdays, { $month }/{ $year }
welfare-birthdays-count = { $count } birthdays, { $decades } of them decade birthdays
welfare-birthdays-none = No member has a birthday this month.
welfare-day = { $month }/{ $day }
welfare-decade-mark = ★ decade
welfare-decade-star = ★

## Files
file-name-welfare-slips = payment-slips-{ $voucher }{ $count ->
    [1] {""}
   *[other] -and-more-{ $count }
}.pdf
file-name-welfare-sign-list = { $title }-{ $date }.pdf

## Command line
cli-welfare-standard-set = { $kind } standard set ({ $band }): { $amount }, from { $from }.
cli-welfare-no-standards = No welfare standards set yet.
cli-welfare-in-force = in force
cli-welfare-replaced = replaced
cli-welfare-pending = not yet in force
cli-welfare-reversed = reversed ({ $voucher })
cli-welfare-none = No welfare payments.
cli-welfare-total = { $count } payments, { $total } (reversed ones left out)
cli-welfare-paid = Paid { $count }, { $total } in all.
cli-welfare-skipped = Not paid: { $name } ({ $no }) — { $why }
cli-welfare-age-count = Ages are counted in { $count }.
cli-death-preview = This records the death of { $name } (no. { $no }) on { $date }. It will:
cli-death-status = · set the status to deceased (was { $before })
cli-death-case-ended = · end care case #{ $case } ({ $recipient }, { $kind }) and remove its { $slots } shifts after the date
cli-death-pairing-ended = · end the pairing { $volunteer } → { $elder }
cli-death-shift-left = · take them off { $date } { $start }-{ $end } { $shift } ({ $recipient }), leaving it { $short } short
cli-death-hospital = · end hospital stay #{ $stay }
cli-death-time = · freeze the time-bank account ({ $hours } hours) until it is inherited
cli-death-no-time = · no time-bank account
cli-death-heir = · possible heir: { $relation } { $name } { $phone }
cli-death-heir-no = · possible heir: { $relation } { $name } { $phone } (no. { $no })
cli-death-dues = · { $owed } of { $year } dues still owed; later years are not billed
cli-death-no-dues = · later years' dues are not billed
cli-death-condolence = · propose a condolence of { $amount } { $goods } to { $receiver } (confirm with: huzhu welfare pay --member { $no } --kind condolence)
cli-death-no-standard = · no condolence standard: decide the amount by hand
cli-death-confirm = Add --yes to record it.
cli-death-done = The death of { $name } is recorded.
cli-death-corrected = Corrected: { $name } is { $status } again.
cli-death-reversed = · condolence vouchers reversed: { $vouchers }
cli-death-restore-shift = · to fill again: { $date } { $start }-{ $end } { $shift } ({ $recipient })
cli-hospital-admitted = { $name } admitted to hospital on { $date }.
cli-hospital-discharged = { $name } discharged on { $date } ({ $days } days in hospital).
cli-birthdays-none = No member has a birthday in { $month }.
cli-festival-date = { $festival }: { $date } (lunar { $lunar })
cli-festival-standard-none = No { $festival } standard set yet.
cli-festival-total = { $count } people, { $total } in all, { $paid } paid.

## Errors
error-welfare-kind-required = Choose the kind of welfare.
error-welfare-band-reversed = The age band is back to front: { $from } is more than { $to }.
error-welfare-standard-not-found = No welfare standard { $key }.
error-welfare-member-required = Choose the member.
error-welfare-not-deceased = { $name } (no. { $no }) is not recorded as deceased: no condolence can be paid.
error-welfare-deceased = { $name } (no. { $no }) has died.
error-welfare-already-paid = This was already paid to { $name } (voucher { $voucher }); reverse it first if it was wrong.
error-welfare-no-standard = No welfare standard fits { $name }: enter the amount.
error-welfare-reason-required = { $amount } differs from the standard { $standard }: give the reason.
error-welfare-approval-required = { $amount } is over { $limit } and needs the chair's approval: name the approver.
error-welfare-receiver-required = Name who receives it.
error-welfare-payment-not-found = No welfare payment { $key }.
error-welfare-voucher-not-found = Voucher { $key } is not a welfare payment.
error-welfare-vouchers-none = Name the vouchers to print.
error-welfare-stay-not-found = No hospital stay { $key }.
error-welfare-in-hospital = { $name } has been in hospital since { $date } and is not discharged yet.
error-welfare-not-in-hospital = { $name } is not in hospital.
error-welfare-discharge-before-admission = The discharge cannot be before the admission on { $admitted }.
error-welfare-already-deceased = { $name } is already recorded as deceased on { $date }.
error-welfare-no-death-record = { $name } has no recorded death to correct.
error-welfare-death-inherited = { $name }'s time-bank hours have been inherited: reverse the inheritance first, then correct the death.
error-welfare-not-living-member = No. { $no } is not a current member.
