-- 0901: import warnings a planner has dealt with. The warnings themselves stay as imported; this
-- lists which ones (by line, message and text) are resolved, by whom and when, so a re-import
-- that reports the same warning does not bring it back.
ALTER TABLE plans ADD COLUMN resolved_warnings jsonb NOT NULL DEFAULT '[]'::jsonb;
