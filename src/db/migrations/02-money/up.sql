-- 02 money: why it exists — the association's money. The cash book (收支流水账) with its
-- categories, month closings (月结) and cash counts (盘点); yearly dues policies (会费) with
-- waivers and payments; numbered receipts (收据) with their void and print records; donations
-- (捐款) for the honour list. Money is INTEGER fen. Ledgers are append-only and the triggers
-- below enforce it, so no program (ours or a hand-run SQL shell) can edit a posted entry: a
-- correction is a reversal (红字冲销) that names the original and a reason. Balances are always
-- derived by summing entries.

CREATE TABLE cash_category (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('income', 'expense')),
    -- Stable code of a seeded category ('dues', 'donation'…) so the program finds it after a
    -- rename; NULL for categories the treasurer added.
    code        TEXT UNIQUE,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    -- 1 once renamed: a seeded category shows its localised label until the treasurer names it.
    renamed     INTEGER NOT NULL DEFAULT 0 CHECK (renamed IN (0, 1)),
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

INSERT INTO cash_category (kind, code, name, position, created_at) VALUES
    ('income',  'grant',      '村委会拨款', 1,  '2026-01-01T00:00:00.000Z'),
    ('income',  'dues',       '会费',       2,  '2026-01-01T00:00:00.000Z'),
    ('income',  'donation',   '社会捐助',   3,  '2026-01-01T00:00:00.000Z'),
    ('income',  'business',   '经营收入',   4,  '2026-01-01T00:00:00.000Z'),
    ('income',  'other_income', '其他收入', 5,  '2026-01-01T00:00:00.000Z'),
    ('expense', 'condolence', '慰问金',     11, '2026-01-01T00:00:00.000Z'),
    ('expense', 'birthday',   '生日礼品',   12, '2026-01-01T00:00:00.000Z'),
    ('expense', 'events',     '活动经费',   13, '2026-01-01T00:00:00.000Z'),
    ('expense', 'trips',      '外出旅游',   14, '2026-01-01T00:00:00.000Z'),
    ('expense', 'facilities', '设施设备',   15, '2026-01-01T00:00:00.000Z'),
    ('expense', 'office',     '办公用品',   16, '2026-01-01T00:00:00.000Z'),
    ('expense', 'other_expense', '其他支出', 17, '2026-01-01T00:00:00.000Z');

CREATE TABLE cash_entry (
    id           INTEGER PRIMARY KEY,
    -- Voucher number 'YYYY-NNNN': year of the entry's date and a gapless sequence in that year.
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    voucher_no   TEXT NOT NULL UNIQUE CHECK (voucher_no = printf('%04d-%04d', year, seq)),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                                      AND CAST(substr(date, 1, 4) AS INTEGER) = year),
    kind         TEXT NOT NULL CHECK (kind IN ('income', 'expense')),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
    category_id  INTEGER NOT NULL REFERENCES cash_category (id) ON DELETE RESTRICT,
    party        TEXT NOT NULL DEFAULT '',
    handler      TEXT NOT NULL DEFAULT '',
    approver     TEXT NOT NULL DEFAULT '',
    memo         TEXT NOT NULL DEFAULT '',
    -- What caused it: 'dues:ID', 'donation:ID', later 'welfare:ID'…; '' for a plain entry.
    source       TEXT NOT NULL DEFAULT '',
    -- A reversal keeps the original's kind, category and amount and counts negative (红字).
    reverses_id  INTEGER UNIQUE REFERENCES cash_entry (id) ON DELETE RESTRICT,
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    -- The entry's effect on the balance, in fen. Derived, so it can never disagree.
    signed_fen   INTEGER GENERATED ALWAYS AS (
                     (CASE kind WHEN 'income' THEN amount_fen ELSE -amount_fen END)
                     * (CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END)) VIRTUAL,
    UNIQUE (year, seq),
    CHECK (reverses_id IS NULL OR length(trim(reason)) > 0)
) STRICT;

CREATE INDEX cash_entry_date ON cash_entry (date, id);
CREATE INDEX cash_entry_category ON cash_entry (category_id);

CREATE TABLE month_closing (
    month       TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    -- A copy of the balance at the month's end when it was closed, for the record; the balance
    -- itself is always derived from the entries.
    balance_fen INTEGER NOT NULL,
    closed_at   TEXT NOT NULL,
    closed_by   TEXT NOT NULL
) STRICT;

CREATE TRIGGER cash_entry_gapless BEFORE INSERT ON cash_entry
WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM cash_entry WHERE year = NEW.year)
BEGIN
    SELECT RAISE(ABORT, 'voucher numbers must follow each other without gaps');
END;

CREATE TRIGGER cash_entry_closed_month BEFORE INSERT ON cash_entry
WHEN EXISTS (SELECT 1 FROM month_closing WHERE month = substr(NEW.date, 1, 7))
BEGIN
    SELECT RAISE(ABORT, 'the month is closed');
END;

CREATE TRIGGER cash_entry_reversal_matches BEFORE INSERT ON cash_entry
WHEN NEW.reverses_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM cash_entry o
    WHERE o.id = NEW.reverses_id AND o.reverses_id IS NULL AND o.kind = NEW.kind
      AND o.amount_fen = NEW.amount_fen AND o.category_id = NEW.category_id)
BEGIN
    SELECT RAISE(ABORT, 'a reversal must name an original entry and match it');
END;

CREATE TRIGGER cash_entry_category_kind BEFORE INSERT ON cash_entry
WHEN NOT EXISTS (SELECT 1 FROM cash_category c WHERE c.id = NEW.category_id AND c.kind = NEW.kind)
BEGIN
    SELECT RAISE(ABORT, 'the category belongs to the other kind');
END;

CREATE TRIGGER cash_entry_no_update BEFORE UPDATE ON cash_entry
BEGIN
    SELECT RAISE(ABORT, 'posted cash entries are never changed: reverse them');
END;
CREATE TRIGGER cash_entry_no_delete BEFORE DELETE ON cash_entry
BEGIN
    SELECT RAISE(ABORT, 'posted cash entries are never deleted: reverse them');
END;

CREATE TRIGGER month_closing_no_update BEFORE UPDATE ON month_closing
BEGIN
    SELECT RAISE(ABORT, 'month closings are append-only');
END;
CREATE TRIGGER month_closing_no_delete BEFORE DELETE ON month_closing
BEGIN
    SELECT RAISE(ABORT, 'month closings are append-only');
END;

-- A category in use keeps its kind and is never deleted; renaming is fine.
CREATE TRIGGER cash_category_no_delete_used BEFORE DELETE ON cash_category
WHEN EXISTS (SELECT 1 FROM cash_entry WHERE category_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a category in use is never deleted');
END;
CREATE TRIGGER cash_category_kind_fixed_used BEFORE UPDATE OF kind ON cash_category
WHEN NEW.kind <> OLD.kind AND EXISTS (SELECT 1 FROM cash_entry WHERE category_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a category in use keeps its kind');
END;

-- 盘点: the cash counted in the box on a day, beside the book balance of that day.
CREATE TABLE cash_count (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    counted_fen INTEGER NOT NULL CHECK (counted_fen >= 0),
    book_fen    INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;

CREATE TRIGGER cash_count_no_update BEFORE UPDATE ON cash_count
BEGIN
    SELECT RAISE(ABORT, 'cash counts are append-only');
END;
CREATE TRIGGER cash_count_no_delete BEFORE DELETE ON cash_count
BEGIN
    SELECT RAISE(ABORT, 'cash counts are append-only');
END;

CREATE TABLE receipt (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq > 0),
    receipt_no    TEXT NOT NULL UNIQUE CHECK (receipt_no = printf('R%04d-%04d', year, seq)),
    date          TEXT NOT NULL,
    payer         TEXT NOT NULL CHECK (length(trim(payer)) > 0),
    purpose       TEXT NOT NULL,
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    handler       TEXT NOT NULL DEFAULT '',
    -- A spoiled receipt is voided and a new one issued for the same entry, so not UNIQUE; the
    -- code allows one receipt that is not voided per entry.
    cash_entry_id INTEGER NOT NULL REFERENCES cash_entry (id) ON DELETE RESTRICT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    UNIQUE (year, seq)
) STRICT;

CREATE INDEX receipt_entry ON receipt (cash_entry_id);

CREATE TRIGGER receipt_gapless BEFORE INSERT ON receipt
WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM receipt WHERE year = NEW.year)
BEGIN
    SELECT RAISE(ABORT, 'receipt numbers must follow each other without gaps');
END;
CREATE TRIGGER receipt_no_update BEFORE UPDATE ON receipt
BEGIN
    SELECT RAISE(ABORT, 'receipts are never changed: void them');
END;
CREATE TRIGGER receipt_no_delete BEFORE DELETE ON receipt
BEGIN
    SELECT RAISE(ABORT, 'receipts are never deleted: a voided receipt keeps its number');
END;

-- Voiding is a record of its own, so the receipt row stays as it was printed.
CREATE TABLE receipt_void (
    receipt_id  INTEGER PRIMARY KEY REFERENCES receipt (id) ON DELETE RESTRICT,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    voided_at   TEXT NOT NULL,
    voided_by   TEXT NOT NULL
) STRICT;

CREATE TRIGGER receipt_void_no_update BEFORE UPDATE ON receipt_void
BEGIN
    SELECT RAISE(ABORT, 'voids are append-only');
END;
CREATE TRIGGER receipt_void_no_delete BEFORE DELETE ON receipt_void
BEGIN
    SELECT RAISE(ABORT, 'voids are append-only');
END;

-- Every print of a receipt; any print after the first is a reprint (补打).
CREATE TABLE receipt_print (
    id          INTEGER PRIMARY KEY,
    receipt_id  INTEGER NOT NULL REFERENCES receipt (id) ON DELETE RESTRICT,
    reprint     INTEGER NOT NULL CHECK (reprint IN (0, 1)),
    printed_at  TEXT NOT NULL,
    printed_by  TEXT NOT NULL
) STRICT;

CREATE INDEX receipt_print_receipt ON receipt_print (receipt_id);

CREATE TRIGGER receipt_print_no_update BEFORE UPDATE ON receipt_print
BEGIN
    SELECT RAISE(ABORT, 'the print log is append-only');
END;
CREATE TRIGGER receipt_print_no_delete BEFORE DELETE ON receipt_print
BEGIN
    SELECT RAISE(ABORT, 'the print log is append-only');
END;

-- The dues policy of a year. A policy is a setting, not a ledger: it may be changed (audited).
CREATE TABLE dues_policy (
    year          INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    -- Members at or above this age (周岁, on 31 December of the year) pay nothing.
    exempt_age    INTEGER CHECK (exempt_age BETWEEN 1 AND 150),
    exempt_wubao  INTEGER NOT NULL DEFAULT 0 CHECK (exempt_wubao IN (0, 1)),
    exempt_dibao  INTEGER NOT NULL DEFAULT 0 CHECK (exempt_dibao IN (0, 1)),
    exempt_tekun  INTEGER NOT NULL DEFAULT 0 CHECK (exempt_tekun IN (0, 1)),
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE dues_waiver (
    year        INTEGER NOT NULL REFERENCES dues_policy (year) ON DELETE RESTRICT,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (year, person_id)
) STRICT;

CREATE TABLE dues_payment (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    year          INTEGER NOT NULL REFERENCES dues_policy (year) ON DELETE RESTRICT,
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    date          TEXT NOT NULL,
    -- One cash entry (and one receipt) may pay several years at once.
    cash_entry_id INTEGER NOT NULL REFERENCES cash_entry (id) ON DELETE RESTRICT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) STRICT;

CREATE INDEX dues_payment_person ON dues_payment (person_id, year);
CREATE INDEX dues_payment_entry ON dues_payment (cash_entry_id);

CREATE TRIGGER dues_payment_no_update BEFORE UPDATE ON dues_payment
BEGIN
    SELECT RAISE(ABORT, 'dues payments are never changed: reverse the cash entry');
END;
CREATE TRIGGER dues_payment_no_delete BEFORE DELETE ON dues_payment
BEGIN
    SELECT RAISE(ABORT, 'dues payments are never deleted: reverse the cash entry');
END;

CREATE TABLE donation (
    id            INTEGER PRIMARY KEY,
    donor         TEXT NOT NULL CHECK (length(trim(donor)) > 0),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    date          TEXT NOT NULL,
    -- '' for a general gift, else what it was given for (an event, the hall…).
    purpose       TEXT NOT NULL DEFAULT '',
    cash_entry_id INTEGER NOT NULL UNIQUE REFERENCES cash_entry (id) ON DELETE RESTRICT,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) STRICT;

CREATE INDEX donation_date ON donation (date);

CREATE TRIGGER donation_no_update BEFORE UPDATE ON donation
BEGIN
    SELECT RAISE(ABORT, 'donations are never changed: reverse the cash entry');
END;
CREATE TRIGGER donation_no_delete BEFORE DELETE ON donation
BEGIN
    SELECT RAISE(ABORT, 'donations are never deleted: reverse the cash entry');
END;
