import { hostname } from "node:os";
import type { Logger } from "@ybplan/api";
import { type AdvisoryLock, claimJobRun, type Database, finishJobRun } from "@ybplan/db";
import { defaultPeriodKey, type ScheduledJob } from "./job.ts";

/** Arbitrary constant naming the jobs leader's advisory lock. */
const JOBS_LEADER_LOCK = 727_100_3;

export interface JobRunnerOptions {
  readonly log: Logger;
  /** How often to try for leadership and look for due jobs (default YBPLAN_JOBS_TICK_MS or 5 s). */
  readonly tickMs?: number | undefined;
}

export interface JobRunner {
  /** True while this process is the jobs leader. */
  readonly leader: boolean;
  /** Resolves after the tick in progress (if any); for tests. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every process runs this; the one holding the leader lock runs the due jobs. The lock lives on a
 * database connection, so a leader that dies frees it and another process takes over at its next
 * tick.
 */
export function startJobs(
  database: Database,
  jobs: readonly ScheduledJob[],
  options: JobRunnerOptions,
): JobRunner {
  const runner = `${hostname()}:${process.pid}`;
  const tickMs = options.tickMs ?? (Number(process.env.YBPLAN_JOBS_TICK_MS) || 5_000);
  let lock: AdvisoryLock | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const runDue = async () => {
    const now = new Date();
    for (const job of jobs) {
      if (stopped) return;
      const key = defaultPeriodKey(job, now);
      if (!(await claimJobRun(database.db, job.name, key, runner))) continue;
      options.log.info("job.started", { job: job.name, period: key, runner });
      let error: string | null = null;
      try {
        await job.run({ database, log: options.log, now, periodKey: key });
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        options.log.error("job.failed", { job: job.name, period: key, message: error });
      }
      await finishJobRun(database.db, job.name, key, error);
    }
  };

  const tick = async () => {
    if (stopped || jobs.length === 0) return;
    try {
      if (!lock) {
        lock = await database.tryAdvisoryLock(JOBS_LEADER_LOCK);
        if (lock) options.log.info("jobs.leader", { runner });
      }
      if (lock) await runDue();
    } catch (e) {
      // The database may be away; leadership is retried at the next tick.
      options.log.warn("jobs.tick.failed", { message: e instanceof Error ? e.message : String(e) });
      const held = lock;
      lock = null;
      await held?.release().catch(() => {});
    }
  };
  const schedule = () => {
    running = running.then(tick);
    return running;
  };
  void schedule();
  const timer = setInterval(() => void schedule(), tickMs);
  timer.unref();

  return {
    get leader() {
      return lock !== null;
    },
    tick: schedule,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      const held = lock;
      lock = null;
      await held?.release().catch(() => {});
    },
  };
}
