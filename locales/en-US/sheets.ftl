# Exporting lists (XLSX / CSV) and importing the committee's roster: text the core formats
# (command line, exported sheets, errors).

sheets-format-xlsx = Excel workbook (.xlsx)
sheets-format-csv = CSV text (.csv)

export-title-line = { $association } { $title } (exported { $date })
export-title-members = Member register
export-title-arrears = Dues owed for { $year }
export-title-rota = Rota for { $year }-{ $month }
export-title-time = Time-bank balances
export-title-donations = Donations
file-name-export = { $list } { $date }.{ $ext }
export-title-welfare = Welfare payments
export-title-welfare-year = Welfare payments { $year }
export-col-reversed = Reversed
export-reversed-by = Reversed ({ $voucher }: { $reason })
export-col-kind = Kind
export-col-year = Year
export-col-donor = Donor
export-col-purpose = Purpose
export-col-hours = Balance (hours)
export-col-frozen = Frozen
export-col-time = Time
export-col-shift = Shift
export-col-duty = Duty
export-col-recipient = Cared for
export-col-on-duty = On duty
export-col-outcome = Outcome
export-kind-member = Member
export-kind-member-volunteer = Member, volunteer
export-kind-non-member = Non-member volunteer
export-total = Total
export-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
export-gifts = { $count } gifts
export-accounts = { $count } accounts
export-pool = Common pool
export-yes = Yes

roster-action-add = Add
roster-action-update = Update
roster-action-same = No change
roster-action-skip = Skip
roster-action-error = Error
roster-total-row = A total row
roster-header-again = The headings again
roster-name-missing = No name
roster-id-masked = The ID number is masked and cannot identify anyone; matched by name and birth date instead
roster-id-upgraded = The 15-digit ID number { $old } becomes the 18-digit { $new }
roster-birth-month-only = Only the year and month of birth are given; recorded as { $date }
roster-birth-ambiguous = Birth date "{ $value }" is read as { $date }; if October was meant, format the cell as text and write it as 1941.10
roster-deceased = The note says this person has died, on { $date }
roster-deceased-no-date = The note says this person has died but gives no date; recorded as died today ({ $date }), to be checked later
roster-economic = The note says { $status }
roster-repeats-row = The same person as row { $row }, with the same details
roster-conflicts-row = The same person as row { $row }, with different details; keep one row
roster-id-differs = The register has someone of this name and birth date (no. { $no }) with another ID number; please check
roster-ambiguous = The register has several people of this name and birth date (nos. { $nos }); cannot tell which
roster-name-only-exists = The register already has someone of this name (no. { $no }); this row has no ID number or birth date to tell them apart
roster-same-name-exists = The register has someone of the same name (no. { $no }); added as another person
roster-id-other-name = This ID number belongs to no. { $no }, { $name }, in the register: not the name on this row
roster-changes = No. { $no }: updates { $fields }

error-sheet-too-large = This file is too large to be a roster.
error-sheet-unreadable = This file cannot be read. Check that it is an Excel (.xls, .xlsx) or CSV file, not damaged or password-protected.
error-sheet-missing = The file has no sheet named "{ $sheet }".
error-roster-no-header = No heading row was found in the first 20 rows of sheet "{ $sheet }". It needs a "姓名" (name) column and at least one of ID number, gender, birth date and the like.
error-roster-date = "{ $value }" is not a date that can be read. Write it as 1941.3.5, 1941年3月5日, 1941-03-05 or 19410305.
error-roster-year-only = The birth date gives only the year "{ $value }"; at least the year and month are needed.
error-roster-gender = Gender "{ $value }" cannot be read; write 男 or 女.
error-roster-living = Living situation "{ $value }" cannot be read; write 独居, 空巢, 与子女同住 or 机构.
error-roster-id-as-number = Excel stored this ID number as a number (shown as { $value }) and its last digits are lost. In the sheet, format the column as Text and type the ID number again (or put an apostrophe ' before it).
error-roster-death-date = The date of death { $date } is wrong: not after today, not before the birth date.
error-roster-file-changed = The file has changed since its preview. Preview it again before importing.
error-out-sheet-format = The export's file name must end in .xlsx or .csv.

cli-export-done = Exported { $rows } rows to { $file }
cli-import-preview-only = This is a preview: nothing was written. Add --yes to import.
cli-import-summary = Add { $add }, update { $update }, no change { $same }, skipped { $skip }, errors { $error }.
cli-import-done = Imported: { $add } added, { $update } updated. Rows with errors were not imported.
cli-import-row = Row { $row }
