import { lt, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { sessions } from "./schema/accounts.ts";

/**
 * `job_runs` (migration 0600): one row per job and period. Claiming the row is what entitles a
 * process to run that period, so it runs once even if two processes both believe they lead.
 */
export async function claimJobRun(db: Db, job: string, periodKey: string, runner: string): Promise<boolean> {
  const rows = await db.execute(
    sql`INSERT INTO job_runs (job, run_key, runner) VALUES (${job}, ${periodKey}, ${runner})
        ON CONFLICT DO NOTHING RETURNING job`,
  );
  return rowCount(rows) > 0;
}

export async function finishJobRun(
  db: Db,
  job: string,
  periodKey: string,
  error: string | null,
): Promise<void> {
  await db.execute(
    sql`UPDATE job_runs SET finished_at = now(), error = ${error} WHERE job = ${job} AND run_key = ${periodKey}`,
  );
}

export interface JobRunRow {
  readonly job: string;
  readonly runKey: string;
  readonly runner: string;
  readonly finished: boolean;
  readonly error: string | null;
}

export async function jobRuns(db: Db, job: string): Promise<JobRunRow[]> {
  const result = await db.execute(
    sql`SELECT job, run_key, runner, finished_at IS NOT NULL AS finished, error FROM job_runs
        WHERE job = ${job} ORDER BY started_at`,
  );
  return rowsOf(result).map((r) => ({
    job: String(r.job),
    runKey: String(r.run_key),
    runner: String(r.runner),
    finished: r.finished === true,
    error: (r.error as string | null) ?? null,
  }));
}

/** Deletes sessions that expired before `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return gone.length;
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

function rowCount(result: unknown): number {
  return rowsOf(result).length;
}
