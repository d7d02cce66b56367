-- 07 access: why it exists — the hall laptop is shared, so the people who use the app sign in
-- and their role decides what they may do (src/audit/permissions.rs). A user has a name, a role
-- and a PIN or password kept only as an Argon2id PHC string; wrong PINs make the next attempt
-- wait longer (failures, wait_until), never a lockout that strands the association. A user is
-- disabled, never deleted: the audit log names them. Recovery codes (printed once, kept by the
-- chair) are stored hashed; each resets one user's PIN and is used up. The access settings
-- (approval amount, idle minutes before the app locks, who of the accountant and the cashier
-- posts and who approves) are rows of `setting`.

CREATE TABLE app_user (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30),
    role        TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'accountant', 'cashier', 'viewer')),
    secret      TEXT NOT NULL CHECK (secret LIKE '$argon2id$%'),
    failures    INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    -- UTC RFC 3339; no attempt is accepted before it.
    wait_until  TEXT,
    disabled_at TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

CREATE TABLE recovery_code (
    id          INTEGER PRIMARY KEY,
    secret      TEXT NOT NULL CHECK (secret LIKE '$argon2id$%'),
    made_at     TEXT NOT NULL,
    used_at     TEXT,
    used_for    TEXT
) STRICT;
