import { type Db, loginAttempts } from "@ybplan/db";
import { and, desc, eq, gt } from "drizzle-orm";
import { TooManyAttemptsError } from "../errors.ts";

/**
 * Login throttling per username + IP: after MAX_FAILURES consecutive failures within WINDOW_MS,
 * further attempts are refused until the window after the last failure passes. Kept in the
 * database so it holds across server processes.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export async function assertNotThrottled(
  db: Db,
  username: string,
  ip: string,
  now = new Date(),
): Promise<void> {
  const recent = await db
    .select({ success: loginAttempts.success, at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.at, new Date(now.getTime() - WINDOW_MS)),
      ),
    )
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(MAX_FAILURES);
  const failures = recent.length === MAX_FAILURES && recent.every((r) => !r.success);
  if (!failures) return;
  const lastFailure = recent[0]!.at.getTime();
  const retryAfterMs = lastFailure + WINDOW_MS - now.getTime();
  throw new TooManyAttemptsError({ retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

export async function recordAttempt(db: Db, username: string, ip: string, success: boolean, at = new Date()) {
  await db.insert(loginAttempts).values({ username, ip, success, at });
}
