-- Audit filters by plan, indicator and year read references inside the row's JSON; login
-- throttling counts failures per address. Expression indexes keep both off full scans.
CREATE INDEX audit_log_indicator_ref_idx ON audit_log ((coalesce(after->>'indicatorId', before->>'indicatorId')));
CREATE INDEX audit_log_plan_ref_idx ON audit_log ((coalesce(after->>'planId', before->>'planId')));
CREATE INDEX audit_log_actor_idx ON audit_log (actor_name);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);
CREATE INDEX login_attempts_username_idx ON login_attempts (username, at);
