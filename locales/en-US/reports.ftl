# Reports to the village committee and the wall (src/reports): the work report, the finance
# notice (收支公示) and the list of the very old (高龄名单).

## The work report (工作报告)
report-title = Work report, { $period }
report-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
report-cover-span = Period: { $from } to { $to }
report-span = { $from } to { $to }
report-cover-to = To: the { $village } village committee
report-contents = Contents
report-cover-date = Date of report: { $date }
report-cover-association = Association
report-cover-period = Period
report-cover-made = Made on
report-section-members = 1. Members
report-section-services = 2. Services
report-section-welfare = 3. Welfare paid
report-section-money = 4. Money
report-section-time = 5. Time bank
report-section-notes = 6. Notes
report-members-at-start = Members at start
report-members-joined = Joined
report-members-left = Left
report-members-died = Died
report-members-at-end = Members at end
report-members-as-of = The breakdowns below are of the members registered on { $date }, ages in full years.
report-by-age = By age
report-by-gender = By gender
report-by-care = By care level
report-by-living = By living situation
report-by-group = By village group
report-age-under-60 = Under 60
report-age-60-69 = 60–69
report-age-70-79 = 70–79
report-age-80-89 = 80–89
report-age-90-99 = 90–99
report-age-100 = 100 and over
report-age-unknown = Birth date unknown
report-unknown = Not recorded
report-group-none = No group
report-col-duty = Kind
report-col-planned = Shifts
report-col-done = Done
report-col-covered = Covered
report-col-missed = Missed
report-col-hours = Hours
report-col-count = People
report-col-kind = Kind
report-col-amount = Amount (yuan)
report-col-item = Item
report-col-exact = Exact amount
report-col-entries = Entries
report-total = Total
report-visits = Visits to elders
report-calls = Phone calls
report-pairings = Pairings (active at the end)
report-times = { $count } times
report-pairs = { $count } pairs
report-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
report-overdue = Elders living alone without contact for { $days } days on { $date }
report-list-separator = { ", " }
report-welfare-none = No welfare payments were recorded in this period.
report-money-check = These figures are those of the statement for the same period ({ $entries } entries).
report-hours = { $hours } h
report-time-deposited = Deposited (services given)
report-time-withdrawn = Withdrawn (services received)
report-time-transferred = Transferred
report-time-inherited = Inherited
report-time-donated = Donated to the common pool
report-time-granted = Granted from the common pool
report-time-exchanged-in = Received from other associations
report-time-exchanged-out = Sent to other associations
report-time-pool = Common pool at the end
report-time-held = Held in personal accounts at the end
report-time-accounts = Personal accounts
report-time-accounts-with-hours = Personal accounts with hours
report-accounts = { $count } ({ $with } with hours)
report-notes-none = (none)
report-sheet-cover = Cover
report-sheet-members = Members
report-sheet-services = Services
report-sheet-welfare = Welfare
report-sheet-money = Money
report-sheet-time = Time bank
report-sheet-notes = Notes

## The finance notice for the wall (收支公示)
notice-title = Public notice of income and expenses
notice-heading = { $association }: Public notice of income and expenses
notice-period = { $period } ({ $from } to { $to })
notice-col-item = Item
notice-col-amount = Amount (yuan)
notice-opening = Balance brought forward
notice-income = Income this period
notice-expense = Expenses this period
notice-closing = Balance carried forward
notice-income-words = Income in words: { $amount }
notice-expense-words = Expenses in words: { $amount }
notice-closing-words = Balance in words: { $amount }
notice-negative = minus { $amount }
notice-invite = Every member and villager is welcome to check these accounts; please bring any question to the chair or the supervisors.
notice-sign-head = Chair:
notice-sign-accountant = Accountant:
notice-sign-cashier = Cashier:
notice-sign-supervisor = Supervisor:
notice-date = Posted on { $day }/{ $month }/{ $year }
notice-seal = { $association } (seal)

## The list of the very old (高龄名单)
elders-title = Elders aged { $age } and over
elders-heading = { $association }: { $title }
elders-summary = As of { $date }: { $count } people
elders-none = No one in the register is of this age.
elders-col-no = No.
elders-col-name = Name
elders-col-gender = Gender
elders-col-id-card = ID number
elders-col-birth = Born
elders-col-age = Age
elders-col-group = Group
elders-col-address = Address
elders-col-phone = Phone
elders-col-remark = Remarks
elders-col-change = Change
elders-col-date = Date
elders-changes = Changes from { $since } to { $date }
elders-change-came-of-age = Turned { $age }
elders-change-registered = Newly registered
elders-change-died = Died
elders-change-left = Moved away or left
elders-change-nobody = none
elders-change-line = { $kind }: { $count } — { $names }
elders-sheet-list = Elders
elders-sheet-changes = Changes
elders-no-since = No earlier date (--since) was given, so no changes are listed.
error-elders-age-invalid = The age “{ $value }” is not valid; give a whole number from 1 to 150.
error-elders-since-after = The earlier date must come before the date of the list.

error-out-pdf = The output file must end in .pdf.

## Names of the files the reports are written to
file-name-work-report = Work report {$period}.{ $ext }
file-name-notice = Finance notice {$period}.pdf
file-name-elders = Elders {$age}+ {$date}.{ $ext }

# Issue 13: the activities of the period, after the welfare.
report-activities = Activities held: { $count }
report-col-date = Date
