-- 0600: runs of scheduled jobs (apps/server/src/jobs). One row per job and period: the process
-- that inserts it runs the job for that period, so a period runs once even when the leader
-- changes mid-way.
CREATE TABLE job_runs (
  job text NOT NULL,
  run_key text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  runner text NOT NULL,
  error text,
  PRIMARY KEY (job, run_key)
);
