-- 05 safe keeping: why it exists — the triggers keep posted rows of the cash book, the time bank
-- and the audit log from being changed by the app, but anyone with the sqlite3 tool can drop a
-- trigger and edit a posted amount, and nothing would show it. Each of these ledgers now carries
-- a SHA-256 hash chain: every row's `hash` seals its own columns and the previous row's hash
-- (the exact form is documented in src/chain.rs), so `huzhu check` and every start can name the
-- first row that was changed, and printed statements and passbooks carry the chain's short code.
--
-- The seal is computed in Rust (SQLite has no SHA-256), in the one insert path of each ledger.
-- Rows written before this migration are sealed by its Rust step (chain::seal_existing), in the
-- same transaction, right after this SQL.
--
-- The append-only UPDATE triggers are replaced by ones that refuse any change to a row that has
-- a seal; a row without one may only be given one (what the Rust step does). New rows must come
-- with a seal, so after this migration every row has one and no row can be changed at all.

ALTER TABLE cash_entry ADD COLUMN hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE time_entry ADD COLUMN hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE audit_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'));

DROP TRIGGER cash_entry_no_update;
CREATE TRIGGER cash_entry_no_update BEFORE UPDATE ON cash_entry
WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'posted cash entries are never changed: reverse them');
END;
CREATE TRIGGER cash_entry_sealed BEFORE INSERT ON cash_entry
WHEN NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a cash entry must carry its seal');
END;

DROP TRIGGER time_entry_no_update;
CREATE TRIGGER time_entry_no_update BEFORE UPDATE ON time_entry
WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'time entries are never changed: reverse them');
END;
CREATE TRIGGER time_entry_sealed BEFORE INSERT ON time_entry
WHEN NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a time bank entry must carry its seal');
END;

DROP TRIGGER audit_log_append_only_u;
CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log
WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_sealed BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'an audit row must carry its seal');
END;
