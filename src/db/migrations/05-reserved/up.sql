-- 05 reserved: why it exists — issue 9's `05-safe-keeping` is being written at the same time as
-- 06-welfare, and migration numbers must follow each other without a gap. This placeholder changes
-- nothing; it is removed when 05-safe-keeping lands (merging s10-welfare: delete this folder).
SELECT 1;
