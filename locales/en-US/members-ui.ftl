# The register screens (ui/src/lib/Members, PersonDetail, PersonForm).

members-title = Member register
members-search = Search by name, pinyin, initials, number or phone
members-search-hint = e.g. 张秀英, zhangxiuying, zxy, 12, 138
members-add = Register someone
members-count-shown = { $total ->
    [one] 1 person
   *[other] { $total } people
}, showing the first { $shown }
members-none = No one matches.
members-filter-status = Status
members-filter-group = Village group
members-filter-living = Living situation
members-filter-care = Care level
members-filter-age = Age band
members-filter-volunteers = Volunteers only
members-filter-any = Any
members-clear-filters = Clear filters

members-kind-member = Member
members-kind-volunteer = Volunteer
members-kind-non-member-volunteer = Non-member volunteer
members-person-saved = Saved.
members-person-added = Registered as number { $no }.
members-person-back = Back to the list
members-person-status-history = Status history
members-person-change-status = Change status
members-person-status-effective = Effective from
members-person-status-note = Note
members-person-status-confirm = Confirm
members-person-deceased-note = The deceased are never deleted: their records stay, they just leave the current lists.
members-person-status-recorded-by = Recorded by
members-person-status-history-none = No status changes recorded yet.
members-person-status-changed = Status changed.
members-lunar-day-value = Lunar month { $month }, day { $day }
members-lunar-day-value-leap = Lunar leap month { $month }, day { $day }
members-lunar-date-value = Lunar year { $year }, month { $month }, day { $day }
members-lunar-date-value-leap = Lunar year { $year }, leap month { $month }, day { $day }
members-kind-non-member-short = Non-member

# Importing the committee's roster
members-import-open = Import a roster
members-import-title = Import a roster
members-import-back = Back to the register
members-import-explain = Read the roster the village committee or the association kept in Excel (.xls, .xlsx or .csv) into the register. First a preview lists what will happen to every row; nothing is written until you confirm. People already in the register are recognised by ID number (or by name and birth date when there is none) and only new details are added; importing the same file twice adds no one. A backup is made before the import.
members-import-path = File
members-import-path-hint = e.g. D:\roster.xlsx; you can paste it
members-import-preview = Preview
members-import-pick = Choose a file…
members-import-found = Spreadsheets in the Documents/Huzhu folder:
members-import-found-none = There are no spreadsheets in the Documents/Huzhu folder. Copy the roster there, or type where it is above.
members-import-busy = Reading the spreadsheet…
members-import-sheet = Sheet
members-import-counts = Headings on row { $header }. Add { $add }, update { $update }, no change { $same }, skipped { $skip }, errors { $error }.
members-import-confirm = Import ({ $add } added, { $update } updated)
members-import-errors-left-out = { $error ->
    [one] The row with an error is left out; correct the sheet and import it again.
   *[other] The { $error } rows with errors are left out; correct the sheet and import it again.
}
members-import-col-row = Row
members-import-col-name = Name
members-import-col-action = What happens
members-import-col-message = Details
members-import-done = Imported: { $add } added, { $update } updated.
members-import-see = See the register
