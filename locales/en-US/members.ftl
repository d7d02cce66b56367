# The register (会员花名册) and its choices. Choice labels are <prefix>-<code>.
gender-male = Male
gender-female = Female
living-alone = Lives alone
living-empty-nest = Empty-nest couple
living-with-children = With children
living-institution = In an institution
care-intact = Fully independent
care-mild = Mildly dependent
care-moderate = Moderately dependent
care-severe = Severely dependent
economic-wubao = Five guarantees (wubao)
economic-dibao = Minimum allowance (dibao)
economic-tekun = Extreme hardship (tekun)
economic-ordinary = Ordinary
marital-married = Married
marital-widowed = Widowed
marital-divorced = Divorced
marital-single = Single
status-active = Active
status-suspended = Suspended
status-left = Left
status-deceased = Deceased
status-filter-current = Current
status-filter-all = Everyone
age-band-under-60 = Under 60
age-band-from-60-to-69 = 60-69
age-band-from-70-to-79 = 70-79
age-band-from-80-to-89 = 80-89
age-band-from-90 = 90 and over

members-count = { $total ->
    [one] 1 person
   *[other] { $total } people
}

field-member-no = Number
field-name = Name
field-gender = Gender
field-birth-date = Birth date (solar)
field-lunar-birthday = Lunar birthday
field-lunar-month = Month
field-lunar-day = Day
field-lunar-leap = Leap month
field-age = Age
field-age-value = { $age } (nominal { $nominal })
field-id-card = ID number
field-id-card-hint = Birth date and gender are taken from it
field-phones = Phone
field-phone-add = Add another phone
field-address = Address
field-village-group = Village group
field-living = Living situation
field-care-level = Care level
field-economic-status = Economic status
field-marital-status = Marital status
field-health-notes = Health notes
field-hobbies = Hobbies
field-skills = Volunteering skills
field-volunteer = Willing to volunteer
field-is-member = Member
field-non-member = Non-member volunteer (students, younger villagers)
field-join-date = Joined on
field-status = Status
field-death-date = Date of death
field-family = Family contacts
field-family-name = Name
field-family-relation = Relation
field-family-phone = Phone
field-family-lives-away = Lives away
field-family-add = Add a family contact
field-family-remove = Remove
field-not-set = Not given
field-lunar-of-birth = Lunar date of birth

field-date-hint = Year-month-day, e.g. 1949-12-31
