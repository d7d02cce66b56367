-- 09 activities: why it exists — what an association does besides care (issue 13, part B).
-- Activities (活动: festival gatherings, 重阳, outings, talks) with who came and what they cost,
-- each cost tied to the cash-book expense it posted (活动经费 / 外出旅游, seeded in 02); the
-- mediation case book (调解) with its parties and meetings; dues settled from a member's
-- time-bank account (会费以时抵缴), each tied to the time-bank donation to the common pool that
-- paid it, with its own gapless numbers (no cash moves, so no cash receipt). Nothing here depends
-- on this file's number.

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('festival', 'chongyang', 'recreation', 'trip', 'lecture', 'other')),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    place       TEXT NOT NULL DEFAULT '',
    budget_fen  INTEGER CHECK (budget_fen > 0),
    -- How many came, when only counted (not ticked from the register); NULL: count the ticks.
    head_count  INTEGER CHECK (head_count >= 0),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

CREATE INDEX activity_date ON activity (date, id);

-- Who came, ticked from the register. Untick is allowed (a mistake in ticking is not money).
CREATE TABLE activity_attendance (
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE RESTRICT,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (activity_id, person_id)
) STRICT;

-- A cost of an activity is a cash-book expense; the link is append-only like the cash book, and
-- a mistaken cost is reversed through the cash book (the activity reads the reversal from there).
CREATE TABLE activity_cost (
    id            INTEGER PRIMARY KEY,
    activity_id   INTEGER NOT NULL REFERENCES activity (id) ON DELETE RESTRICT,
    cash_entry_id INTEGER NOT NULL UNIQUE REFERENCES cash_entry (id) ON DELETE RESTRICT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) STRICT;

CREATE INDEX activity_cost_activity ON activity_cost (activity_id);

CREATE TRIGGER activity_cost_no_update BEFORE UPDATE ON activity_cost
BEGIN
    SELECT RAISE(ABORT, 'activity costs are never changed: reverse the cash entry');
END;
CREATE TRIGGER activity_cost_no_delete BEFORE DELETE ON activity_cost
BEGIN
    SELECT RAISE(ABORT, 'activity costs are never deleted: reverse the cash entry');
END;

-- The mediation case book. The outcome and the closing date come together, once.
CREATE TABLE mediation_case (
    id          INTEGER PRIMARY KEY,
    about       TEXT NOT NULL CHECK (about IN ('family_support', 'property', 'neighbours', 'rights', 'other')),
    -- A line saying what the dispute is, as the secretary wrote it (shown only on the case).
    summary     TEXT NOT NULL DEFAULT '',
    opened      TEXT NOT NULL CHECK (opened GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    mediator    TEXT NOT NULL DEFAULT '',
    outcome     TEXT CHECK (outcome IN ('agreed', 'referred', 'withdrawn')),
    closed      TEXT CHECK (closed GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    CHECK ((outcome IS NULL) = (closed IS NULL)),
    CHECK (closed IS NULL OR closed >= opened)
) STRICT;

-- The parties: a person on the register, or anyone else by name.
CREATE TABLE mediation_party (
    case_id     INTEGER NOT NULL REFERENCES mediation_case (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    person_id   INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    PRIMARY KEY (case_id, position)
) STRICT;

-- Meetings and what was said: a record, append-only.
CREATE TABLE mediation_note (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES mediation_case (id) ON DELETE RESTRICT,
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

CREATE TRIGGER mediation_note_no_update BEFORE UPDATE ON mediation_note
BEGIN
    SELECT RAISE(ABORT, 'mediation notes are a record: add another note');
END;
CREATE TRIGGER mediation_note_no_delete BEFORE DELETE ON mediation_note
BEGIN
    SELECT RAISE(ABORT, 'mediation notes are a record: add another note');
END;

-- Dues settled with saved hours: the year, the amount settled, the hours and the rate used, the
-- time-bank entry (the person's donation to the pool) that paid it, and a gapless number per
-- year (S2026-0001) for the member's slip, since no cash receipt is issued.
CREATE TABLE dues_hours_payment (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    year          INTEGER NOT NULL REFERENCES dues_policy (year) ON DELETE RESTRICT,
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    half_hours    INTEGER NOT NULL CHECK (half_hours > 0),
    rate_fen      INTEGER NOT NULL CHECK (rate_fen > 0),
    date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    time_entry_id INTEGER NOT NULL UNIQUE REFERENCES time_entry (id) ON DELETE RESTRICT,
    slip_year     INTEGER NOT NULL,
    slip_seq      INTEGER NOT NULL CHECK (slip_seq > 0),
    slip_no       TEXT NOT NULL UNIQUE CHECK (slip_no = printf('S%04d-%04d', slip_year, slip_seq)),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    UNIQUE (slip_year, slip_seq)
) STRICT;

CREATE INDEX dues_hours_payment_person ON dues_hours_payment (person_id, year);

CREATE TRIGGER dues_hours_payment_gapless BEFORE INSERT ON dues_hours_payment
WHEN NEW.slip_seq <> (SELECT coalesce(max(slip_seq), 0) + 1 FROM dues_hours_payment WHERE slip_year = NEW.slip_year)
BEGIN
    SELECT RAISE(ABORT, 'slip numbers must follow each other without gaps');
END;
CREATE TRIGGER dues_hours_payment_no_update BEFORE UPDATE ON dues_hours_payment
BEGIN
    SELECT RAISE(ABORT, 'dues paid with hours are never changed');
END;
CREATE TRIGGER dues_hours_payment_no_delete BEFORE DELETE ON dues_hours_payment
BEGIN
    SELECT RAISE(ABORT, 'dues paid with hours are never deleted');
END;
