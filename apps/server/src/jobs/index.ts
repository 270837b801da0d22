/**
 * Jobs that run once across all server processes. To add one, write a `ScheduledJob` and
 * `registerJob(...)` it here (or from the feature's own module imported here).
 */
import { registerJob } from "./job.ts";
import { sessionCleanupJob } from "./session-cleanup.ts";

export { registeredJobs, type ScheduledJob } from "./job.ts";
export { type JobRunner, startJobs } from "./runner.ts";

const cleanupMs = Number(process.env.YBPLAN_SESSION_CLEANUP_MS);
registerJob(sessionCleanupJob(Number.isFinite(cleanupMs) && cleanupMs > 0 ? cleanupMs : undefined));
