-- 08 mutual aid: why it exists — village mutual aid that does not repeat (issue 13): requests for
-- help (求助) of kinds the association keeps, who takes them and the hours they give, which a
-- done request credits to the time bank once (the `source` of the time entry is 'request:ID');
-- the written service standard (服务标准) of each kind of service and rota duty, and the training
-- (培训) a kind requires; training sessions and who attended; the recipient's feedback (评价)
-- after a done shift or request, with a follow-up for a complaint that must be closed saying
-- what was done.

-- The kinds of help an association keeps. The eight seeded ones have a code whose label comes
-- from the locales; kinds the association adds carry their own name (and use it as code).
CREATE TABLE request_kind (
    code        TEXT PRIMARY KEY CHECK (length(trim(code)) BETWEEN 1 AND 20),
    name        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;

INSERT INTO request_kind (code, position, created_at) VALUES
    ('escort', 1, '2026-01-01T00:00:00.000Z'),
    ('shopping', 2, '2026-01-01T00:00:00.000Z'),
    ('cleaning', 3, '2026-01-01T00:00:00.000Z'),
    ('meals', 4, '2026-01-01T00:00:00.000Z'),
    ('haircut', 5, '2026-01-01T00:00:00.000Z'),
    ('repair', 6, '2026-01-01T00:00:00.000Z'),
    ('company', 7, '2026-01-01T00:00:00.000Z'),
    ('other', 8, '2026-01-01T00:00:00.000Z');

-- The standard of a kind of service: what the volunteer does and checks, and the training it
-- requires (a topic; '' for none). scope 'duty' names a rota duty kind (care, visit, hall),
-- scope 'request' a request kind's code.
CREATE TABLE service_standard (
    scope       TEXT NOT NULL CHECK (scope IN ('duty', 'request')),
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    training    TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (scope, kind)
) STRICT;

-- The request kinds a volunteer offers; a volunteer with no row here offers every kind.
CREATE TABLE volunteer_request_kind (
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    kind        TEXT NOT NULL REFERENCES request_kind (code) ON DELETE RESTRICT,
    PRIMARY KEY (person_id, kind)
) STRICT;

CREATE TABLE help_request (
    id            INTEGER PRIMARY KEY,
    recipient_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    kind          TEXT NOT NULL REFERENCES request_kind (code) ON DELETE RESTRICT,
    -- NULL: as soon as possible.
    date          TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    from_time     TEXT CHECK (from_time IS NULL OR from_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    to_time       TEXT CHECK (to_time IS NULL OR to_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    place         TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL CHECK (state IN ('open', 'assigned', 'done', 'cancelled')),
    volunteer_id  INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    -- The time spent, once done.
    minutes       INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),
    done_on       TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    -- The time-bank entries of a done request: the volunteer's credit, and the recipient's
    -- payment when the association has recipients pay with their own hours.
    credit_entry_id INTEGER REFERENCES time_entry (id) ON DELETE RESTRICT,
    paid_entry_id   INTEGER REFERENCES time_entry (id) ON DELETE RESTRICT,
    taken_on      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK ((from_time IS NULL) = (to_time IS NULL)),
    CHECK (from_time IS NULL OR date IS NOT NULL),
    CHECK (state NOT IN ('assigned', 'done') OR volunteer_id IS NOT NULL),
    CHECK ((state = 'done') = (minutes IS NOT NULL AND done_on IS NOT NULL)),
    CHECK (state <> 'cancelled' OR length(trim(cancel_reason)) > 0),
    CHECK (volunteer_id IS NULL OR volunteer_id <> recipient_id)
) STRICT;

CREATE INDEX help_request_state ON help_request (state, date);
CREATE INDEX help_request_volunteer ON help_request (volunteer_id, date);

-- A done or cancelled request is final: its hours are in the time bank, or it never happened.
CREATE TRIGGER help_request_final BEFORE UPDATE ON help_request
WHEN OLD.state IN ('done', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'a done or cancelled request is never changed');
END;
CREATE TRIGGER help_request_no_delete BEFORE DELETE ON help_request
BEGIN
    SELECT RAISE(ABORT, 'requests are never deleted: cancel them');
END;

CREATE TABLE training_session (
    id          INTEGER PRIMARY KEY,
    topic       TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    trainer     TEXT NOT NULL DEFAULT '',
    -- Length of the session, in half hours (0: not given).
    half_hours  INTEGER NOT NULL DEFAULT 0 CHECK (half_hours BETWEEN 0 AND 48),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE training_attendance (
    session_id  INTEGER NOT NULL REFERENCES training_session (id) ON DELETE RESTRICT,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, person_id)
) STRICT;

-- The recipient's word after a done shift (slot and the person on the rota) or a done request.
CREATE TABLE feedback (
    id             INTEGER PRIMARY KEY,
    slot_id        INTEGER REFERENCES rota_slot (id) ON DELETE RESTRICT,
    request_id     INTEGER REFERENCES help_request (id) ON DELETE RESTRICT,
    -- The volunteer the feedback is about (who served).
    volunteer_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    rating         TEXT NOT NULL CHECK (rating IN ('good', 'ok', 'bad')),
    note           TEXT NOT NULL DEFAULT '',
    date           TEXT NOT NULL,
    -- A complaint's follow-up: what was done about it, and when; open until then.
    followup       TEXT NOT NULL DEFAULT '',
    followup_on    TEXT,
    created_at     TEXT NOT NULL,
    CHECK ((slot_id IS NULL) <> (request_id IS NULL)),
    CHECK (followup_on IS NULL OR (rating = 'bad' AND length(trim(followup)) > 0))
) STRICT;

CREATE UNIQUE INDEX feedback_request_once ON feedback (request_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_shift_once ON feedback (slot_id, volunteer_id) WHERE slot_id IS NOT NULL;
CREATE INDEX feedback_volunteer ON feedback (volunteer_id, date);

CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback
BEGIN
    SELECT RAISE(ABORT, 'feedback is never deleted');
END;
-- Only a complaint's follow-up may be written, once.
CREATE TRIGGER feedback_only_followup BEFORE UPDATE ON feedback
WHEN OLD.followup_on IS NOT NULL OR NEW.rating IS NOT OLD.rating OR NEW.note IS NOT OLD.note
     OR NEW.volunteer_id IS NOT OLD.volunteer_id OR NEW.date IS NOT OLD.date
     OR NEW.slot_id IS NOT OLD.slot_id OR NEW.request_id IS NOT OLD.request_id
BEGIN
    SELECT RAISE(ABORT, 'feedback is never changed; a complaint''s follow-up is closed once');
END;
