-- 07 access: a placeholder so that 08 (mutual aid) can be applied on its own branch (the
-- migration loader wants consecutive numbers). Issue 12's branch brings the real 07-access;
-- when both are merged, take that branch's file and drop this one.
SELECT 1;
