import { deleteExpiredSessions } from "@ybplan/db";
import type { ScheduledJob } from "./job.ts";

/** Deletes expired sessions (they are refused anyway; this keeps the table small). */
export function sessionCleanupJob(everyMs = 15 * 60_000): ScheduledJob {
  return {
    name: "sessions.cleanup",
    everyMs,
    run: async ({ database, log, now }) => {
      const deleted = await deleteExpiredSessions(database.db, now);
      log.info("job.sessions.cleanup", { deleted });
    },
  };
}
