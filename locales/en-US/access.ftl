# People and access (src/access, src/audit): roles, areas, errors, CLI, the recovery sheet.
role-chair = Chair
role-secretary = Secretary
role-accountant = Accountant
role-cashier = Cashier
role-viewer = Viewer
area-register = Register
area-rota = Rota
area-welfare = Welfare
area-time-bank = Time bank
area-activities = Activities
area-mediation = Mediation
area-money = Money
area-settings = Settings
area-users = Users
area-reports = Reports
area-sensitive = Sensitive data
area-session = Sign-in
money-duty-post = Posts entries
money-duty-approve = Approves
money-duty-both = Posts and approves
error-access-refused = { $name } ({ $role ->
    [chair] chair
    [secretary] secretary
    [accountant] accountant
    [cashier] cashier
   *[viewer] viewer
}) may not do this ({ $area ->
    [register] register
    [rota] rota
    [welfare] welfare
    [time_bank] time bank
    [money] money
    [activities] activities
    [mediation] mediation
    [settings] settings
    [users] users
    [reports] reports
    [sensitive] sensitive data
    [session] sign-in
   *[other] other
}).
error-access-wait = Too many wrong PINs: wait { $seconds } seconds and try again.
error-access-wrong-pin = Wrong PIN for { $name }. Wait { $seconds } seconds before trying again.
error-access-user-not-found = There is no user called “{ $key }”.
error-access-user-disabled = User { $name } is disabled.
error-access-user-exists = There is already a user called “{ $name }”.
error-access-name-required = Enter the user's name.
error-access-role-required = Choose a role.
error-access-first-user-chair = The first user must be the chair, who then adds the others.
error-access-last-chair = { $name } is the last chair and cannot be disabled or given another role.
error-access-pin-required = Enter a PIN (at least 6 digits).
error-access-pin-short = A PIN has at least { $min } digits.
error-access-pin-simple = That PIN is too easy to guess (one digit repeated, or a straight run); choose another.
error-access-password-short = A password has at least { $min } characters.
error-access-pin-too-long = A PIN or password has at most { $max } characters.
error-access-pin-mismatch = The two PINs differ.
error-access-sign-in-needed = Sign-in is on: say who is acting with --as NAME (the PIN is read from the terminal or HUZHU_PIN).
error-access-approver-required = Enter the approver.
error-access-approver-same = The approver must be another user.
error-access-may-not-approve = { $name }'s role may not approve payments.
error-access-approval-needed = { $amount } is above the approval amount of { $limit }: another user (the chair, or whoever approves) must approve it with their PIN.
error-access-lock-minutes = The lock time is 1 to 240 minutes (you entered “{ $value }”).
error-access-code-wrong = That recovery code is wrong or already used. Wait { $seconds } seconds before trying again.
cli-pin-prompt = PIN for { $name }: 
cli-new-pin-prompt = New PIN for { $name } (at least 6 digits): 
cli-new-pin-again = Once more: 
cli-approver-pin-prompt = PIN of the approver { $name }: 
cli-user-added = Added user { $name } ({ $role }).
cli-user-role-set = { $name } is now { $role }.
cli-user-disabled = disabled
cli-user-disabled-done = Disabled user { $name }.
cli-user-recovered = Reset { $name }'s PIN with a recovery code.
access-sheet-title = Recovery codes (the chair keeps this sheet)
access-sheet-made = Made on { $date }
access-sheet-howto = If a PIN is forgotten, choose “Reset with a recovery code” on the sign-in screen and enter one code to give one user a new PIN. Each code works once; cross it out when used. Printing a new sheet makes every code on this one stop working.
file-name-recovery-sheet = recovery-codes-{ $date }.pdf
private-field-id-card = ID number
private-field-phones = Phones
private-field-health-notes = Health notes
private-field-all = Everything
audit-title = Audit trail
audit-col-at = Time
audit-col-user = User
audit-col-area = Area
audit-col-action = Action
audit-col-record = Record
audit-col-changes = Changes
file-name-audit = audit-trail-{ $date }.xlsx
error-access-signed-out = Please sign in first.
cli-user-pin-set = Set { $name }'s new PIN.
error-access-already-on = Sign-in is already on: the chair adds users one by one under Users.
cli-user-first-sheet = Sign-in is on. Print the recovery sheet now for the chair to keep: huzhu --as { $name } user recovery-sheet --out recovery.pdf
