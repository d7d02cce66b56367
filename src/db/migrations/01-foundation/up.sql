-- 01 foundation: why it exists — the association, its settings, the register of people
-- (members and non-member volunteers), their family contacts and status history, and the audit
-- log that every write appends to. Later areas (money, rotas, time bank) add their own
-- migrations.

CREATE TABLE association (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    village     TEXT NOT NULL DEFAULT '',
    township    TEXT NOT NULL DEFAULT '',
    county      TEXT NOT NULL DEFAULT '',
    secretary   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id                 INTEGER PRIMARY KEY,
    -- The register number (编号), assigned in sequence to everyone in the register; is_member
    -- tells members from non-member volunteers, who are numbered in the same sequence so every
    -- rota, time-bank and CLI command can name any person by one number.
    member_no          INTEGER NOT NULL UNIQUE,
    is_member          INTEGER NOT NULL CHECK (is_member IN (0, 1)),
    name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Search and sort keys derived from the name: 'zhangxiuying', 'zxy', 'zhang xiu ying'.
    name_pinyin        TEXT NOT NULL,
    name_initials      TEXT NOT NULL,
    name_sort          TEXT NOT NULL,
    gender             TEXT CHECK (gender IN ('male', 'female')),
    birth_date         TEXT,
    lunar_birth_month  INTEGER CHECK (lunar_birth_month BETWEEN 1 AND 12),
    lunar_birth_day    INTEGER CHECK (lunar_birth_day BETWEEN 1 AND 30),
    lunar_birth_leap   INTEGER NOT NULL DEFAULT 0 CHECK (lunar_birth_leap IN (0, 1)),
    id_card            TEXT UNIQUE,
    phones             TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL DEFAULT '',
    village_group      TEXT NOT NULL DEFAULT '',
    living             TEXT CHECK (living IN ('alone', 'empty_nest', 'with_children', 'institution')),
    care_level         TEXT CHECK (care_level IN ('intact', 'mild', 'moderate', 'severe')),
    economic_status    TEXT CHECK (economic_status IN ('wubao', 'dibao', 'tekun', 'ordinary')),
    marital_status     TEXT CHECK (marital_status IN ('married', 'widowed', 'divorced', 'single')),
    health_notes       TEXT NOT NULL DEFAULT '',
    hobbies            TEXT NOT NULL DEFAULT '',
    skills             TEXT NOT NULL DEFAULT '',
    volunteer          INTEGER NOT NULL DEFAULT 0 CHECK (volunteer IN (0, 1)),
    join_date          TEXT,
    status             TEXT NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'suspended', 'left', 'deceased')),
    death_date         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (status <> 'deceased' OR death_date IS NOT NULL)
) STRICT;

CREATE INDEX person_sort ON person (name_sort, name);
CREATE INDEX person_group ON person (village_group);

CREATE TABLE family_contact (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    relation    TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    lives_away  INTEGER NOT NULL DEFAULT 0 CHECK (lives_away IN (0, 1))
) STRICT;

CREATE INDEX family_contact_person ON family_contact (person_id, position);

-- Status history: every change of status is a new row; the person row holds the current one.
CREATE TABLE person_status (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    status       TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'left', 'deceased')),
    effective    TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

CREATE INDEX person_status_person ON person_status (person_id, id);

-- A person is never deleted: the deceased keep their history (and later their ledgers).
CREATE TRIGGER person_no_delete BEFORE DELETE ON person
BEGIN
    SELECT RAISE(ABORT, 'people are never deleted');
END;

CREATE TRIGGER person_status_append_only_u BEFORE UPDATE ON person_status
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only');
END;
CREATE TRIGGER person_status_append_only_d BEFORE DELETE ON person_status
BEGIN
    SELECT RAISE(ABORT, 'status history is append-only');
END;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before     TEXT,
    after      TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
