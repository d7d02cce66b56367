# Care rotas (值班): volunteers, care cases, pairings, the generator's reasons, rosters, slips.
rota-kind-care = Care
rota-kind-visit = Visit
rota-kind-hall = Hall duty
rota-shift-day = Day
rota-shift-night = Night
rota-shift-visit = Visit
rota-shift-hall = Hall
rota-pair-note = Paired with { $name }
rota-demo-hall = Village activity hall
rota-demo-hall-notes = Open up, boil water for tea, keep the visitors' book
rota-weekday-short-mon = Mon
rota-weekday-short-tue = Tue
rota-weekday-short-wed = Wed
rota-weekday-short-thu = Thu
rota-weekday-short-fri = Fri
rota-weekday-short-sat = Sat
rota-weekday-short-sun = Sun

## Why someone was chosen, and why a slot is empty
rota-why-paired = Paired volunteer: always visits this elder
rota-why-by-hand = Put here by the secretary
rota-why-least-loaded = Fewest shifts so far ({ $shifts }) of the { $candidates } people free
rota-why-least-loaded-group = Fewest shifts so far ({ $shifts }) of the { $candidates } people free, and from the recipient's village group
rota-why-evened = Moved here from someone with more shifts, to share the load ({ $shifts } before)
rota-unfilled-no-kind = No volunteer does { $kind ->
    [care] care
    [visit] visits
   *[hall] hall duty
}
rota-unfilled-no-weekday = No one available for { $kind ->
    [care] care
    [visit] visits
   *[hall] hall duty
} on { $weekday ->
    [mon] Mondays
    [tue] Tuesdays
    [wed] Wednesdays
    [thu] Thursdays
    [fri] Fridays
    [sat] Saturdays
   *[sun] Sundays
}
rota-unfilled-no-shift = No one available on { $weekday ->
    [mon] Mondays
    [tue] Tuesdays
    [wed] Wednesdays
    [thu] Thursdays
    [fri] Fridays
    [sat] Saturdays
   *[sun] Sundays
} { $shift ->
    [night] at night
   *[day] in the daytime
}
rota-unfilled-all-away = Everyone who could take it is away that day
rota-unfilled-all-full = Everyone who could take it has reached their monthly maximum
rota-unfilled-all-busy = Everyone who could take it is on a nearby or overlapping shift and needs rest
rota-unfilled-paired-away = The paired volunteer { $name } is away that day
rota-unfilled-paired-busy = The paired volunteer { $name } is on another shift then
rota-unfilled-paired-full = The paired volunteer { $name } has reached their monthly maximum
rota-unfilled-paired-unavailable = The paired volunteer { $name } is not available at that time
rota-unfilled-locked = Locked: put someone on it by hand
rota-unfilled-can-fill = Someone is free now: press “Generate the rest” to fill it

## Errors
error-rota-weekday-invalid = The weekday “{ $value }” is not valid: use 1 to 7 (1 is Monday, 7 is Sunday), e.g. 1,2,3 or 1-5.
error-rota-time-invalid = The time “{ $value }” is not valid; write hours:minutes, e.g. 08:00 or 20:30.
error-rota-range-invalid = The date range “{ $value }” is not valid; write it as 2026-12-01..2026-12-10.
error-rota-range-reversed = The start { $from } is after the end { $until }; are they the wrong way round?
error-rota-shift-invalid = The shift “{ $value }” is not valid; write NAME@START-END, e.g. Day@08:00-20:00 or Night@20:00-08:00x2.
error-rota-shift-name = The shift name “{ $value }” is not valid (1 to 12 characters).
error-rota-shift-people = “{ $value }” people per shift is not valid (1 to 20).
error-rota-shift-empty = The shift starts and ends at { $value }: it has no length.
error-rota-every-days = “Every N days” must be between 1 and 366, not { $value }.
error-rota-max-shifts = “{ $value }” shifts a month is too many (at most 93).
error-rota-person-inactive = Number { $no } ({ $name }) is no longer in the register and cannot be put on a rota.
error-rota-not-volunteer = Number { $no } ({ $name }) is not a rota volunteer yet; set when they can serve with `volunteer set` first.
error-rota-case-not-found = There is no care case number { $key }.
error-rota-slot-not-found = There is no shift number { $key }.
error-rota-pair-self = The volunteer and the elder cannot be the same person.
error-rota-pair-exists = { $volunteer } and { $elder } are already paired.
error-rota-cannot-kind = { $name } does not do { $kind ->
    [care] care
    [visit] visits
   *[hall] hall duty
}.
error-rota-cannot-weekday = { $name } is not available on { $weekday ->
    [mon] Mondays
    [tue] Tuesdays
    [wed] Wednesdays
    [thu] Thursdays
    [fri] Fridays
    [sat] Saturdays
   *[sun] Sundays
}.
error-rota-cannot-shift = { $name } does not do { $shift ->
    [night] night
   *[day] day
} shifts.
error-rota-cannot-away = { $name } is away on { $date }.
error-rota-cannot-full = { $name } has reached their monthly maximum of shifts.
error-rota-cannot-busy = { $name } is on another shift then, or would not have enough rest between shifts (at least 8 hours).
error-rota-cannot-paired = This is a pairing visit: only the paired volunteer goes, not { $name }.
error-rota-already-on = { $name } is already on shift { $slot }.
error-rota-slot-full = Shift { $slot } already has all the people it needs.
error-rota-not-on-slot = Number { $no } is not on shift { $slot }.
error-rota-already-recorded = What happened on shift { $slot } is already recorded.
error-rota-slot-empty = No one is on shift { $slot }.
error-rota-say-whom = Shift { $slot } has several people; say whose shift it was with --for.
error-rota-not-yet = This shift is on { $date }, which has not come yet.
error-rota-hours-invalid = The hours “{ $value }” are not valid: more than 0 and at most 24, e.g. 3 or 2.5.
error-rota-volunteer-required = Choose a volunteer first.
error-rota-cover-required = Choose who covered the shift.
error-rota-recipient-required = Choose an elder from the register first.

## Printing
rota-month = { $month }/{ $year }
rota-day = { $month }/{ $day }
rota-roster-title = Rota for { $month }
rota-roster-case = { $kind }: { $name } (no. { $no })   Address: { $address }
rota-roster-family = Family: { $family }
rota-roster-medicines = Medicines and care: { $medicines }
rota-roster-notes = Notes: { $notes }
rota-roster-shifts = Shifts:{" "}
rota-roster-phones = Volunteers' phones:{" "}
rota-next-day = {" "}(next day)
rota-people = {" "}×{ $people }
rota-vacant = (vacant)
rota-name-sep = ,{" "}
rota-more = +{ $n } more…
rota-printed-on = Printed { $date }
rota-phone-title = Volunteers on duty in { $month }
rota-shift-count = { $n } shifts
rota-slips-title = Personal rota slips, { $month }
rota-slips-none = No one is on the rota this month yet.
rota-slips-cut = ✂ cut along the dashed lines
rota-slip-sub = No. { $no }, rota for { $month }
rota-slip-part = {" "}(card { $n } of { $of })

rota-slip-weekday = { $d }
rota-outcome-covered = Covered
rota-outcome-missed = Missed
rota-outcome-done = Done

## Command line
cli-rota-volunteer-set = Saved when { $name } can serve.
cli-rota-case-added = { $id }
cli-rota-pair-added = Paired: { $volunteer } visits { $elder } every { $days } days (care case { $case }).
cli-rota-generated = { $month }: { $slots } shifts; { $assigned } placements made, { $kept } kept; { $unfilled } shifts short.
cli-rota-unfilled = Short: shift { $slot } { $date } { $start }-{ $end } { $name } { $shift }, { $missing } missing: { $reason }
cli-rota-written = Wrote { $file } ({ $pages } pages).
cli-rota-outcome = Shift { $slot }: { $name } { $outcome ->
    [done] done
    [covered] covered by someone else
   *[missed] missed
}, { $hours } hours.
cli-rota-time-bank-pending = Not yet credited to the time bank; the record is kept so it can be credited later.
cli-rota-assigned = Put { $name } on shift { $slot }.
cli-rota-unassigned = Took { $name } off shift { $slot }.
cli-rota-swapped = Swapped shifts { $a } and { $b }.
cli-rota-locked = Shift { $slot } is locked and stays as it is when the rota is made again.
cli-rota-unlocked = Shift { $slot } is unlocked.
cli-rota-overdue = { $no }  { $name }  { $days ->
    [never] never visited
   *[other] { $days } days without a visit
}  { $phone }  { $address }
cli-rota-overdue-none = Every elder living alone has had a visit or call in the last { $days } days.
cli-rota-visit-logged = Logged: { $kind ->
    [call] phone call to
   *[visit] visit to
} { $name } on { $date }.

file-name-roster = Rota
file-name-roster-large = -large
file-name-slips = Rota slips
file-name-roster-a3 = -A3

# Training a duty requires (issue 13)
rota-unfilled-no-training = No volunteer with the training “{ $topic }” does { $kind ->
    [care] care
    [visit] visits
   *[hall] hall duty
}
error-rota-cannot-training = { $name } has not had the training { $kind ->
    [care] care
    [visit] visits
   *[hall] hall duty
} requires
