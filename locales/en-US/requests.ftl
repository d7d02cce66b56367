# Requests for help (求助), service standards, feedback and training (issue 13)

request-kind-escort = Hospital escort
request-kind-shopping = Shopping
request-kind-cleaning = Cleaning
request-kind-meals = Meals
request-kind-haircut = Haircut
request-kind-repair = Repairs
request-kind-company = Company
request-kind-other = Other

request-state-open = Open
request-state-assigned = Assigned
request-state-done = Done
request-state-cancelled = Cancelled

feedback-rating-good = Satisfied
feedback-rating-ok = Acceptable
feedback-rating-bad = Not satisfied

standard-scope-duty = Rota duty
standard-scope-request = Request

request-why-able = { $near ->
    [same] Same group ({ $group })
    [near] Nearby group ({ $group }, { $distance } away)
   *[other] Another group ({ $group })
}, { $load } services this month{ $trained ->
    [yes] , trained in “{ $topic }”
   *[no] {""}
}
request-asap = As soon as possible

error-request-cannot-self = { $name } is the person asking for help.
error-request-cannot-kind = { $name } does not offer “{ $kind }”.
error-request-cannot-training = { $name } has not had the training “{ $topic }”.
error-request-cannot-busy = { $name } has a shift or another request then, or too little rest after a shift (at least 8 hours).
error-request-not-found = There is no request number { $key }.
error-request-recipient-required = Choose who needs help.
error-request-recipient-inactive = { $name } has died or left the association; no request can be taken for them.
error-request-kind-required = Choose the kind of help.
error-request-kind-retired = The kind “{ $kind }” is no longer used.
error-request-hours-need-date = Hours were given: give the day too.
error-request-already-assigned = Request { $id } is already assigned to { $name }.
error-request-already-done = Request { $id } is done and can no longer change.
error-request-already-cancelled = Request { $id } is already cancelled.
error-request-not-assigned = Request { $id } has no volunteer yet, so it cannot be done.
error-request-cancel-reason = Say why the request is cancelled.
error-request-kind-name-required = Give the kind a name.
error-request-kind-exists = There is already a kind “{ $name }”.
error-request-kind-not-found = There is no kind “{ $key }”.
error-feedback-not-found = There is no feedback number { $key }.
error-feedback-already = This service already has feedback.
error-feedback-shift-not-done = Shift { $slot } is not recorded as done yet, so it cannot be rated.
error-feedback-say-whom = Several people served shift { $slot }: say whose service the feedback is about.
error-feedback-no-followup = Feedback { $id } has no open complaint.
error-feedback-action-required = Say what was done about the complaint.
error-feedback-rating-required = A note was given: choose the rating too.
error-training-topic-required = Give the training's topic.
error-training-not-found = There is no training number { $key }.
error-training-nobody = Choose at least one person who attended.

cli-request-added = Request { $id } recorded.
cli-request-assigned = Request { $id } assigned to { $name }.
cli-request-done = Request { $id } done; { $hours } hours credited to { $name }.
cli-request-cancelled = Request { $id } cancelled.
cli-request-none = No requests.
cli-request-overdue = overdue
cli-request-no-candidates = No volunteer has given their availability.
cli-feedback-added = Feedback { $id } recorded.
cli-feedback-followup = This is a complaint: a follow-up is open (close it with feedback close { $id } --action … once dealt with).
cli-feedback-closed = The complaint of feedback { $id } is closed.
cli-training-added = Training { $id } recorded.
cli-training-attended = Training { $id } now has { $count } attendees.
cli-training-required = “{ $kind }” now requires the training “{ $topic }”.
cli-training-not-required = “{ $kind }” no longer requires a training.
cli-standard-set = Saved the service standard of “{ $kind }”.
cli-request-offers-all = { $name } offers every kind of help.
cli-request-offers = { $name } offers: { $kinds }
cli-request-kind-added = Added the kind “{ $name }”.
cli-request-pays-on = A done request draws the same hours from the recipient's own time-bank account.
cli-request-pays-off = A done request does not draw on the recipient's time-bank account.

# The work report's lines (huzhu::reports)
report-requests = Help requests
report-requests-line = { $taken } taken, { $done } done ({ $hours } hours), { $cancelled } cancelled, { $pending } pending at the end
report-feedback = Feedback
report-feedback-line = { $good } satisfied, { $ok } acceptable, { $bad } not satisfied (complaints dealt with { $closed }, open { $open })
