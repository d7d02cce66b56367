-- 04 time bank (时间储蓄): why it exists — hours of care given are banked and drawn later by the
-- giver or their family, transferred, donated to the common pool (公益时间池), inherited, and
-- carried to another association in a signed file (通存通兑). Hours are INTEGER half-hours, so
-- they are exact. The ledger is append-only and the triggers below enforce it, as for the cash
-- book: a correction is a reversal entry naming the original and a reason. Balances are derived
-- by summing entries; a trigger also refuses any entry that would leave an account below zero,
-- so not even a hand-run SQL shell can overdraw one.

-- An account per person, created on first use, and the common pool (id 1, no person).
CREATE TABLE time_account (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER UNIQUE REFERENCES person (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    CHECK ((id = 1) = (person_id IS NULL))
) STRICT;

INSERT INTO time_account (id, person_id, created_at) VALUES (1, NULL, '2026-01-01T00:00:00.000Z');

CREATE TRIGGER time_account_no_update BEFORE UPDATE ON time_account
BEGIN
    SELECT RAISE(ABORT, 'time accounts are never changed');
END;
CREATE TRIGGER time_account_no_delete BEFORE DELETE ON time_account
BEGIN
    SELECT RAISE(ABORT, 'time accounts are never deleted');
END;

CREATE TABLE time_entry (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES time_account (id) ON DELETE RESTRICT,
    kind             TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'transfer_out', 'transfer_in',
                         'donation', 'pool_grant', 'inheritance_out', 'inheritance_in',
                         'exchange_out', 'exchange_in', 'reversal')),
    -- +1 hours in, -1 hours out. Most kinds have one direction; a donation is out of the
    -- person's account and into the pool, a pool grant the other way round.
    direction        INTEGER NOT NULL CHECK (direction IN (1, -1)),
    half_hours       INTEGER NOT NULL CHECK (half_hours > 0),
    date             TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- The other account of a two-sided move (transfer, donation, grant, inheritance).
    counterparty_id  INTEGER REFERENCES time_account (id) ON DELETE RESTRICT,
    -- Who received the service (deposit) or the care (withdrawal).
    recipient_id     INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    service_kind     TEXT NOT NULL DEFAULT '',
    confirmed_by     TEXT NOT NULL DEFAULT '',
    reason           TEXT NOT NULL DEFAULT '',
    -- For a withdrawal paying for someone else's care: the holder's consent, as recorded.
    consent          TEXT NOT NULL DEFAULT '',
    -- What caused it ('shift:123', 'exchange:FILEID'…): credited once only.
    source           TEXT UNIQUE,
    reverses_entry_id INTEGER UNIQUE REFERENCES time_entry (id) ON DELETE RESTRICT,
    -- Entries written together (both sides of a transfer, all heirs of an inheritance) share
    -- the id of the first; a reversal reverses the whole batch so hours stay conserved.
    batch            INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    signed_half_hours INTEGER GENERATED ALWAYS AS (direction * half_hours) VIRTUAL,
    CHECK (kind NOT IN ('deposit', 'transfer_in', 'inheritance_in', 'exchange_in') OR direction = 1),
    CHECK (kind NOT IN ('withdrawal', 'transfer_out', 'inheritance_out', 'exchange_out') OR direction = -1),
    CHECK (kind NOT IN ('donation') OR (direction = 1) = (account_id = 1)),
    CHECK (kind NOT IN ('pool_grant') OR (direction = -1) = (account_id = 1)),
    CHECK ((kind = 'reversal') = (reverses_entry_id IS NOT NULL)),
    CHECK (reverses_entry_id IS NULL OR length(trim(reason)) > 0)
) STRICT;

CREATE INDEX time_entry_account ON time_entry (account_id, id);
CREATE INDEX time_entry_batch ON time_entry (batch);

CREATE TRIGGER time_entry_reversal_matches BEFORE INSERT ON time_entry
WHEN NEW.reverses_entry_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM time_entry o
    WHERE o.id = NEW.reverses_entry_id AND o.kind <> 'reversal' AND o.account_id = NEW.account_id
      AND o.half_hours = NEW.half_hours AND o.direction = -NEW.direction)
BEGIN
    SELECT RAISE(ABORT, 'a reversal must name an original entry of the same account and undo it exactly');
END;

CREATE TRIGGER time_entry_consent BEFORE INSERT ON time_entry
WHEN NEW.kind = 'withdrawal' AND NEW.recipient_id IS NOT NULL
     AND NEW.recipient_id IS NOT (SELECT person_id FROM time_account WHERE id = NEW.account_id)
     AND length(trim(NEW.consent)) = 0
BEGIN
    SELECT RAISE(ABORT, 'paying for another person''s care needs the holder''s consent');
END;

CREATE TRIGGER time_entry_not_below_zero AFTER INSERT ON time_entry
WHEN NEW.direction = -1
     AND (SELECT sum(signed_half_hours) FROM time_entry WHERE account_id = NEW.account_id) < 0
BEGIN
    SELECT RAISE(ABORT, 'no time account may go below zero');
END;

CREATE TRIGGER time_entry_no_update BEFORE UPDATE ON time_entry
BEGIN
    SELECT RAISE(ABORT, 'time entries are never changed: reverse them');
END;
CREATE TRIGGER time_entry_no_delete BEFORE DELETE ON time_entry
BEGIN
    SELECT RAISE(ABORT, 'time entries are never deleted: reverse them');
END;

-- Frozen accounts: on the holder's death, until the heirs are recorded. Only the inheritance
-- (and reversals of it) may then move hours.
CREATE TABLE time_freeze (
    account_id  INTEGER PRIMARY KEY REFERENCES time_account (id) ON DELETE RESTRICT,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    frozen_at   TEXT NOT NULL,
    frozen_by   TEXT NOT NULL
) STRICT;

CREATE TRIGGER time_freeze_no_update BEFORE UPDATE ON time_freeze
BEGIN
    SELECT RAISE(ABORT, 'a freeze is never changed');
END;
CREATE TRIGGER time_freeze_no_delete BEFORE DELETE ON time_freeze
BEGIN
    SELECT RAISE(ABORT, 'a freeze is never lifted');
END;

CREATE TRIGGER time_entry_frozen BEFORE INSERT ON time_entry
WHEN EXISTS (SELECT 1 FROM time_freeze WHERE account_id = NEW.account_id)
     AND NEW.kind NOT IN ('inheritance_out', 'reversal')
BEGIN
    SELECT RAISE(ABORT, 'the account is frozen');
END;

-- Inheritance (继承): who inherits what share, before which witness.
CREATE TABLE time_inheritance (
    id            INTEGER PRIMARY KEY,
    deceased_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    witness       TEXT NOT NULL CHECK (length(trim(witness)) > 0),
    date          TEXT NOT NULL,
    half_hours    INTEGER NOT NULL CHECK (half_hours > 0),
    batch         INTEGER NOT NULL,
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
) STRICT;

CREATE TABLE time_inheritance_share (
    inheritance_id INTEGER NOT NULL REFERENCES time_inheritance (id) ON DELETE RESTRICT,
    heir_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    -- The share as given (a fraction num/den), and the half-hours it came to.
    share_num      INTEGER NOT NULL CHECK (share_num > 0),
    share_den      INTEGER NOT NULL CHECK (share_den > 0 AND share_num <= share_den),
    half_hours     INTEGER NOT NULL CHECK (half_hours >= 0),
    entry_id       INTEGER REFERENCES time_entry (id) ON DELETE RESTRICT,
    PRIMARY KEY (inheritance_id, heir_id)
) STRICT;

CREATE TRIGGER time_inheritance_no_update BEFORE UPDATE ON time_inheritance
BEGIN
    SELECT RAISE(ABORT, 'inheritance records are append-only');
END;
CREATE TRIGGER time_inheritance_no_delete BEFORE DELETE ON time_inheritance
BEGIN
    SELECT RAISE(ABORT, 'inheritance records are append-only');
END;
CREATE TRIGGER time_inheritance_share_no_update BEFORE UPDATE ON time_inheritance_share
BEGIN
    SELECT RAISE(ABORT, 'inheritance records are append-only');
END;
CREATE TRIGGER time_inheritance_share_no_delete BEFORE DELETE ON time_inheritance_share
BEGIN
    SELECT RAISE(ABORT, 'inheritance records are append-only');
END;

-- The association's own signing key (ed25519), made on first need. The private key stays in
-- this file (readable by its owner only); losing it only means new files carry a new key that
-- others must accept again.
CREATE TABLE association_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    secret_key  BLOB NOT NULL CHECK (length(secret_key) = 32),
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER association_key_no_update BEFORE UPDATE ON association_key
BEGIN
    SELECT RAISE(ABORT, 'the association key is never changed');
END;
CREATE TRIGGER association_key_no_delete BEFORE DELETE ON association_key
BEGIN
    SELECT RAISE(ABORT, 'the association key is never deleted');
END;

-- Keys of other associations the secretary has accepted (after checking the fingerprint by
-- phone).
CREATE TABLE accepted_key (
    public_key        BLOB PRIMARY KEY CHECK (length(public_key) = 32),
    association_name  TEXT NOT NULL,
    accepted_at       TEXT NOT NULL,
    accepted_by       TEXT NOT NULL
) STRICT;

-- Exchange files written and read, by file id: a file is honoured once.
CREATE TABLE time_exchange (
    file_id      TEXT PRIMARY KEY CHECK (length(file_id) = 32),
    direction    TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    issuer_key   BLOB NOT NULL CHECK (length(issuer_key) = 32),
    issuer_name  TEXT NOT NULL,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    half_hours   INTEGER NOT NULL CHECK (half_hours > 0),
    entry_id     INTEGER NOT NULL UNIQUE REFERENCES time_entry (id) ON DELETE RESTRICT,
    hours_sha256 TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;

CREATE TRIGGER time_exchange_no_update BEFORE UPDATE ON time_exchange
BEGIN
    SELECT RAISE(ABORT, 'exchange records are append-only');
END;
CREATE TRIGGER time_exchange_no_delete BEFORE DELETE ON time_exchange
BEGIN
    SELECT RAISE(ABORT, 'exchange records are append-only');
END;
