-- 03 rota: why it exists — care rotas (值班表). Volunteers' availability and planned absences,
-- care cases (护理对象) with their shifts, long-term pairings (老伙伴结对), the dated slots of a
-- month and who is assigned to each (with why the generator chose them), what happened after
-- the day (done / missed / covered, with hours — the service the time bank credits), and the log
-- of visits and calls that flags elders living alone who nobody has seen for a while.
-- Times of day are 'HH:MM' text; a shift whose end is not after its start ends the next day and
-- belongs to the day it starts on.

CREATE TABLE volunteer_availability (
    person_id   INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE RESTRICT,
    -- Comma lists, kept sorted: duty kinds 'care,hall,visit', weekdays '1,2,…,7' (1 = Monday).
    kinds       TEXT NOT NULL,
    weekdays    TEXT NOT NULL,
    day_shifts  INTEGER NOT NULL CHECK (day_shifts IN (0, 1)),
    night_shifts INTEGER NOT NULL CHECK (night_shifts IN (0, 1)),
    -- NULL: no limit.
    max_shifts  INTEGER CHECK (max_shifts IS NULL OR max_shifts BETWEEN 0 AND 93),
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE volunteer_absence (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    from_date   TEXT NOT NULL,
    until_date  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (from_date <= until_date),
    UNIQUE (person_id, from_date, until_date)
) STRICT;

CREATE TABLE pairing (
    id            INTEGER PRIMARY KEY,
    volunteer_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    elder_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    every_days    INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 366),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    from_date     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK (volunteer_id <> elder_id)
) STRICT;

CREATE UNIQUE INDEX pairing_active_once ON pairing (volunteer_id, elder_id) WHERE active = 1;

CREATE TABLE care_case (
    id            INTEGER PRIMARY KEY,
    recipient_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    kind          TEXT NOT NULL CHECK (kind IN ('care', 'visit', 'hall')),
    from_date     TEXT NOT NULL,
    until_date    TEXT,
    weekdays      TEXT NOT NULL,
    every_days    INTEGER NOT NULL DEFAULT 1 CHECK (every_days BETWEEN 1 AND 366),
    -- The visits of a pairing are a case whose only volunteer is the paired one.
    pairing_id    INTEGER REFERENCES pairing (id) ON DELETE RESTRICT,
    address       TEXT NOT NULL DEFAULT '',
    medicines     TEXT NOT NULL DEFAULT '',
    family_to_call TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    CHECK (until_date IS NULL OR from_date <= until_date)
) STRICT;

CREATE TABLE case_shift (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES care_case (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    start     TEXT NOT NULL CHECK (start GLOB '[0-2][0-9]:[0-5][0-9]'),
    end       TEXT NOT NULL CHECK (end GLOB '[0-2][0-9]:[0-5][0-9]'),
    people    INTEGER NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 20),
    UNIQUE (case_id, position)
) STRICT;

CREATE TABLE rota_slot (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES care_case (id) ON DELETE RESTRICT,
    shift_id  INTEGER NOT NULL REFERENCES case_shift (id) ON DELETE RESTRICT,
    -- The day the shift starts on.
    date      TEXT NOT NULL,
    start     TEXT NOT NULL,
    end       TEXT NOT NULL,
    locked    INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    UNIQUE (case_id, shift_id, date)
) STRICT;

CREATE INDEX rota_slot_date ON rota_slot (date);

CREATE TABLE rota_assignment (
    id         INTEGER PRIMARY KEY,
    slot_id    INTEGER NOT NULL REFERENCES rota_slot (id) ON DELETE RESTRICT,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    -- 1 when the secretary put this person here; regeneration keeps these.
    by_hand    INTEGER NOT NULL CHECK (by_hand IN (0, 1)),
    -- Why this person: JSON of the generator's reason (see rota::Why).
    why        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (slot_id, person_id)
) STRICT;

CREATE INDEX rota_assignment_person ON rota_assignment (person_id);

CREATE TABLE shift_outcome (
    id          INTEGER PRIMARY KEY,
    slot_id     INTEGER NOT NULL REFERENCES rota_slot (id) ON DELETE RESTRICT,
    -- The person who was on the rota for this shift.
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    outcome     TEXT NOT NULL CHECK (outcome IN ('done', 'missed', 'covered')),
    -- Who actually served (the rota'd person, or whoever covered); NULL when missed.
    worker_id   INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    date        TEXT NOT NULL,
    -- The time-bank entry that credited these hours, once there is one.
    time_entry_id INTEGER,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (slot_id, person_id),
    CHECK ((outcome = 'missed') = (worker_id IS NULL))
) STRICT;

CREATE TABLE contact_log (
    id          INTEGER PRIMARY KEY,
    elder_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    by_id       INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('visit', 'call')),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX contact_log_elder ON contact_log (elder_id, date);
