# Activities (活动): kinds, the sign-in sheet, the CLI, errors.
activity-kind-festival = Festival gathering
activity-kind-chongyang = Double Ninth (Chongyang)
activity-kind-recreation = Sport and culture
activity-kind-trip = Outing
activity-kind-lecture = Talk
activity-kind-other = Other

activity-sheet-title = { $name }: sign-in sheet
activity-sheet-when = { $kind }, { $date }
activity-sheet-when-where = { $kind }, { $date }, { $place }
activity-sheet-total = Expected: { $count }   Present: ______
activity-col-seq = No.
activity-col-no = Reg. no.
activity-col-name = Name
activity-col-group = Village group
activity-col-sign = Signature
file-name-activity-sheet = Sign-in sheet-{ $name }-{ $date }.pdf

cli-activity-added = Activity { $id } recorded: { $name } ({ $date })
cli-activity-attended = Activity { $id }: { $count } present
cli-activity-cost = Expense { $voucher } posted: { $amount } ({ $category }); activity { $id } has cost { $spent }
cli-activity-line = { $id }  { $date }  { $kind }  { $name }  { $count } present  spent { $spent }
cli-activity-none = No activities.

error-activity-name-required = Give the activity a name
error-activity-kind-required = Choose the kind of activity
error-activity-not-found = There is no activity { $key }
error-activity-count-invalid = “{ $value }” is not a head count: type a whole number
error-activity-attend-nobody = Tick who came, or type the head count
error-activity-not-ticked = No. { $no } is not ticked as present
