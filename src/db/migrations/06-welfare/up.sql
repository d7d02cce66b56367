-- 06 welfare: why it exists — the association's welfare work and a member's death as one action.
-- Welfare standards (慰问标准) the association sets itself, by kind and age band, each applying
-- from a date (a change is a new row; past payments keep the amount they were paid); welfare
-- payments (慰问), each tied to the cash-book expense it posted (a payment is reversed through the
-- cash book, and shows as reversed because its entry was — derived, never stored twice); the
-- record of a member's death with what it changed, so a death entered by mistake can be corrected
-- (with a reason) and what it ended listed; hospital stays. Nothing here depends on this file's
-- number.
--
-- The time bank's freeze (04) could never be lifted. A death recorded by mistake must thaw the
-- account of a person who is alive after all, and that person may really die years later and be
-- frozen again; so the freeze table is rebuilt with an id, a lift recorded once with its reason,
-- and at most one freeze in force per account. A freeze is still never deleted.

CREATE TABLE welfare_standard (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('condolence', 'hospital', 'sick', 'birthday', 'chongyang',
                                                  'chunjie', 'other')),
    -- The age band it applies to (inclusive); NULL at either end: no limit that side.
    age_from        INTEGER CHECK (age_from BETWEEN 0 AND 150),
    age_to          INTEGER CHECK (age_to BETWEEN 0 AND 150),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    -- Goods given with the money (花圈, 面线, 鸡蛋…), as the association writes them.
    goods           TEXT NOT NULL DEFAULT '',
    -- A payment above this needs the 会长's approval (an approver's name); NULL: never.
    approve_above_fen INTEGER CHECK (approve_above_fen >= 0),
    -- The first day it applies; the newest row of a kind and band whose date has come is in force.
    from_date       TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK (age_from IS NULL OR age_to IS NULL OR age_from <= age_to)
) STRICT;

CREATE INDEX welfare_standard_kind ON welfare_standard (kind, from_date, id);

CREATE TRIGGER welfare_standard_no_update BEFORE UPDATE ON welfare_standard
BEGIN
    SELECT RAISE(ABORT, 'a welfare standard is never changed: set a new one from a date');
END;
CREATE TRIGGER welfare_standard_no_delete BEFORE DELETE ON welfare_standard
BEGIN
    SELECT RAISE(ABORT, 'welfare standards are never deleted');
END;

CREATE TABLE welfare_payment (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    kind            TEXT NOT NULL CHECK (kind IN ('condolence', 'hospital', 'sick', 'birthday', 'chongyang',
                                                  'chunjie', 'other')),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    -- The standard it followed and what that standard said; an amount that differs carries a reason.
    standard_id     INTEGER REFERENCES welfare_standard (id) ON DELETE RESTRICT,
    standard_fen    INTEGER,
    reason          TEXT NOT NULL DEFAULT '',
    goods           TEXT NOT NULL DEFAULT '',
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- The person's age the standard was looked up by (周岁 or 虚岁, as the association counts).
    age             INTEGER,
    receiver        TEXT NOT NULL DEFAULT '',
    handler         TEXT NOT NULL DEFAULT '',
    approver        TEXT NOT NULL DEFAULT '',
    -- What it was for, so the same occasion is not paid twice: 'death', 'birthday:80',
    -- 'chongyang:2026', 'chunjie:2027', 'hospital:12'; '' for a sick visit or other.
    occasion        TEXT NOT NULL DEFAULT '',
    cash_entry_id   INTEGER NOT NULL UNIQUE REFERENCES cash_entry (id) ON DELETE RESTRICT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK (standard_fen IS NULL OR standard_fen = amount_fen OR length(trim(reason)) > 0)
) STRICT;

CREATE INDEX welfare_payment_person ON welfare_payment (person_id, kind, occasion);
CREATE INDEX welfare_payment_date ON welfare_payment (date, id);

CREATE TRIGGER welfare_payment_no_update BEFORE UPDATE ON welfare_payment
BEGIN
    SELECT RAISE(ABORT, 'welfare payments are never changed: reverse the cash entry');
END;
CREATE TRIGGER welfare_payment_no_delete BEFORE DELETE ON welfare_payment
BEGIN
    SELECT RAISE(ABORT, 'welfare payments are never deleted: reverse the cash entry');
END;

-- A member's death as recorded, with what the recording changed (JSON, see welfare::deaths), so
-- that a mistaken one can be corrected and its consequences listed.
CREATE TABLE death_record (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- Who in the family to contact (for the condolence, the funeral).
    contact         TEXT NOT NULL DEFAULT '',
    -- The status before, restored if the death was entered by mistake.
    status_before   TEXT NOT NULL CHECK (status_before IN ('active', 'suspended', 'left')),
    effects         TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
) STRICT;

CREATE INDEX death_record_person ON death_record (person_id, id);

CREATE TRIGGER death_record_no_update BEFORE UPDATE ON death_record
BEGIN
    SELECT RAISE(ABORT, 'death records are append-only');
END;
CREATE TRIGGER death_record_no_delete BEFORE DELETE ON death_record
BEGIN
    SELECT RAISE(ABORT, 'death records are append-only');
END;

CREATE TABLE death_correction (
    death_id        INTEGER PRIMARY KEY REFERENCES death_record (id) ON DELETE RESTRICT,
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    corrected_at    TEXT NOT NULL,
    corrected_by    TEXT NOT NULL
) STRICT;

CREATE TRIGGER death_correction_no_update BEFORE UPDATE ON death_correction
BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
CREATE TRIGGER death_correction_no_delete BEFORE DELETE ON death_correction
BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;

CREATE TABLE hospital_stay (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    admitted        TEXT NOT NULL CHECK (admitted GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    discharged      TEXT CHECK (discharged GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    hospital        TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK (discharged IS NULL OR admitted <= discharged)
) STRICT;

-- In hospital once at a time.
CREATE UNIQUE INDEX hospital_stay_open ON hospital_stay (person_id) WHERE discharged IS NULL;

-- The freeze, rebuilt (see the top of this file).
DROP TRIGGER time_entry_frozen;
CREATE TABLE time_freeze_new (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES time_account (id) ON DELETE RESTRICT,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    frozen_at   TEXT NOT NULL,
    frozen_by   TEXT NOT NULL,
    lifted_at   TEXT,
    lifted_by   TEXT,
    lift_reason TEXT,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL)),
    CHECK (lift_reason IS NULL OR length(trim(lift_reason)) > 0)
) STRICT;
INSERT INTO time_freeze_new (account_id, date, reason, frozen_at, frozen_by)
    SELECT account_id, date, reason, frozen_at, frozen_by FROM time_freeze ORDER BY frozen_at, account_id;
DROP TABLE time_freeze;
ALTER TABLE time_freeze_new RENAME TO time_freeze;

CREATE UNIQUE INDEX time_freeze_in_force ON time_freeze (account_id) WHERE lifted_at IS NULL;

-- The only change a freeze ever takes: lifted once, with its reason; nothing else of it changes.
CREATE TRIGGER time_freeze_lift_only BEFORE UPDATE ON time_freeze
WHEN OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL
     OR NEW.id IS NOT OLD.id OR NEW.account_id IS NOT OLD.account_id OR NEW.date IS NOT OLD.date
     OR NEW.reason IS NOT OLD.reason OR NEW.frozen_at IS NOT OLD.frozen_at OR NEW.frozen_by IS NOT OLD.frozen_by
BEGIN
    SELECT RAISE(ABORT, 'a freeze is only ever lifted, once, with a reason');
END;
CREATE TRIGGER time_freeze_no_delete BEFORE DELETE ON time_freeze
BEGIN
    SELECT RAISE(ABORT, 'a freeze is never deleted');
END;

CREATE TRIGGER time_entry_frozen BEFORE INSERT ON time_entry
WHEN EXISTS (SELECT 1 FROM time_freeze WHERE account_id = NEW.account_id AND lifted_at IS NULL)
     AND NEW.kind NOT IN ('inheritance_out', 'reversal')
BEGIN
    SELECT RAISE(ABORT, 'the account is frozen');
END;
