-- 08-mutual-aid: a placeholder so that 09 (activities) can be applied on its own branch (the
-- migration loader wants consecutive numbers). The branch that owns 08-mutual-aid brings the real file;
-- when both are merged, take that branch's file and drop this one.
SELECT 1;
