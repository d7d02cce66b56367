-- 07-access: a placeholder so that 09 (activities) can be applied on its own branch (the
-- migration loader wants consecutive numbers). The branch that owns 07-access brings the real file;
-- when both are merged, take that branch's file and drop this one.
SELECT 1;
