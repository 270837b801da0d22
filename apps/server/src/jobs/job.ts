import type { Logger } from "@ybplan/api";
import type { Database } from "@ybplan/db";

/**
 * Work that is not a request — session clean-up, deadline reminders, backups. Each period of a job
 * runs once across all server processes: only the jobs leader (an advisory lock) runs jobs, and a
 * period is claimed in `job_runs` before it runs, so a leader that takes over mid-period does not
 * repeat it.
 */
export interface ScheduledJob {
  /** Unique, e.g. "sessions.cleanup", "cycle.reminders". */
  readonly name: string;
  /** How often the job is due (ms). */
  readonly everyMs: number;
  /**
   * The period a run belongs to; one run per key (default: the `everyMs` slot of `now`). A daily
   * reminder returns the date, e.g. `now.toISOString().slice(0, 10)`.
   */
  readonly periodKey?: (now: Date) => string;
  run(context: JobContext): Promise<void>;
}

interface JobContext {
  readonly database: Database;
  readonly log: Logger;
  readonly now: Date;
  /** The period being run. */
  readonly periodKey: string;
}

export const defaultPeriodKey = (job: ScheduledJob, now: Date) =>
  job.periodKey ? job.periodKey(now) : String(Math.floor(now.getTime() / job.everyMs));

const registered = new Map<string, ScheduledJob>();

/**
 * Adds a job every server process started afterwards runs (through the leader). Call it at module
 * load of the feature that owns the job, e.g. in `jobs/index.ts`.
 */
export function registerJob(job: ScheduledJob): void {
  if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
  registered.set(job.name, job);
}

export function registeredJobs(): ScheduledJob[] {
  return [...registered.values()];
}
