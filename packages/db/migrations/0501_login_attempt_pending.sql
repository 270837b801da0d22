-- A login attempt is recorded before its password is checked: success IS NULL while pending.
ALTER TABLE login_attempts ALTER COLUMN success DROP NOT NULL;
