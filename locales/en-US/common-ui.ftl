# The UI kit shared by every screen (ui/src/lib/common/): form ends, person picker, saved files.

common-yes = Yes
common-no = No

common-edit = Edit
common-save = Save
common-cancel = Cancel
common-fix-errors = Some fields need attention; see the messages in red.

common-pick-search = Type a name, pinyin or number
common-pick-change = Choose someone else
common-pick-none = Nobody found.

common-file-saved = The file is saved at:
common-file-saved-opened = It was opened in your system's viewer; print from there.
common-file-saved-not-opened = It could not be opened automatically; open it from this place.
common-working = Working…
common-file-open-again = Open it again
common-pick-age = age { $age }

# Every list exports (ExportButtons)
common-export = Export this list:
common-export-xlsx = Excel workbook
common-export-csv = CSV file
common-export-full = Show whole ID and phone numbers
common-export-busy = Exporting…
