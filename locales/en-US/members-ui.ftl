# The register screens (ui/src/lib/Members, PersonDetail, PersonForm).

members-title = Member register
members-search = Search by name, pinyin, initials, number or phone
members-search-hint = e.g. 张秀英, zhangxiuying, zxy, 12, 138
members-add = Register someone
members-count-shown = { $total } people, showing the first { $shown }
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
