import { auditLog, type Db, loginAttempts, systemActor, writeAudit } from "@ybplan/db";
import { and, eq, gt, sql } from "drizzle-orm";
import { TooManyAttemptsError } from "../errors.ts";

/**
 * Login throttling, kept in the database so every server process shares it.
 *
 * Each attempt is recorded *before* its password is checked (as a failure, turned into a success
 * afterwards), and the limits are evaluated after that insert. So attempts running side by side —
 * parallel requests or the calls of one batch — each see the others and cannot slip through
 * together. Three counters over the last WINDOW_MS:
 * - account + address: MAX_FAILURES failures since this pair's last success;
 * - account (any address): MAX_ACCOUNT_FAILURES since the account's last success;
 * - address (any account): MAX_ADDRESS_FAILURES, not reset by a success (an attacker's own
 *   account must not wash out guesses at others).
 * Refused attempts count too: hammering a locked account keeps it locked. A failure is answered
 * after a progressive delay (`failureDelayMs`). The moment a lock begins is audited, and so is
 * its lifting by the next successful login.
 */
export const MAX_FAILURES = 5;
export const MAX_ACCOUNT_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 30;
export const WINDOW_MS = 15 * 60 * 1000;

interface Counts {
  readonly pair: number;
  readonly account: number;
  readonly address: number;
  readonly lastFailureAt: Date | null;
}

/** Failures (including attempts still being checked) of each counter in the window. */
async function countFailures(db: Db, username: string, ip: string, now: Date): Promise<Counts> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const lastOk = (where: ReturnType<typeof sql>) =>
    sql`coalesce((SELECT max(s.at) FROM login_attempts s WHERE s.success AND ${where}), ${since.toISOString()}::timestamptz)`;
  const [row] = await db
    .select({
      pair: sql<number>`count(*) FILTER (WHERE ${loginAttempts.username} = ${username} AND ${loginAttempts.ip} = ${ip} AND ${loginAttempts.at} > ${lastOk(sql`s.username = ${username} AND s.ip = ${ip}`)})`.mapWith(
        Number,
      ),
      account:
        sql<number>`count(*) FILTER (WHERE ${loginAttempts.username} = ${username} AND ${loginAttempts.at} > ${lastOk(sql`s.username = ${username}`)})`.mapWith(
          Number,
        ),
      address: sql<number>`count(*) FILTER (WHERE ${loginAttempts.ip} = ${ip})`.mapWith(Number),
      lastFailureAt: sql<string | null>`max(${loginAttempts.at})`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
        sql`(${loginAttempts.username} = ${username} OR ${loginAttempts.ip} = ${ip})`,
      ),
    );
  return {
    pair: row?.pair ?? 0,
    account: row?.account ?? 0,
    address: row?.address ?? 0,
    lastFailureAt: row?.lastFailureAt ? new Date(row.lastFailureAt) : null,
  };
}

/** Which limit the counts exceed (the current attempt is one of them), or null. */
function exceeded(c: Counts): "pair" | "account" | "address" | null {
  if (c.pair > MAX_FAILURES) return "pair";
  if (c.account > MAX_ACCOUNT_FAILURES) return "account";
  if (c.address > MAX_ADDRESS_FAILURES) return "address";
  return null;
}

export interface Attempt {
  readonly id: number;
  /** Failures of this account + address before this attempt (for the progressive delay). */
  readonly priorFailures: number;
}

/**
 * Records the attempt and refuses it (TooManyAttemptsError) when a limit is exceeded. The first
 * refusal of a lock writes an audit row. Call `attemptSucceeded` once the password checks out.
 */
export async function beginAttempt(db: Db, username: string, ip: string, now = new Date()): Promise<Attempt> {
  const [inserted] = await db
    .insert(loginAttempts)
    .values({ username, ip, success: false, at: now })
    .returning({ id: loginAttempts.id });
  const counts = await countFailures(db, username, ip, now);
  const which = exceeded(counts);
  if (which) {
    const limit = { pair: MAX_FAILURES, account: MAX_ACCOUNT_FAILURES, address: MAX_ADDRESS_FAILURES }[which];
    const count = counts[which];
    // The attempt that crosses the limit records the lock (concurrent ones may both see it).
    if (count === limit + 1) {
      await db.transaction((tx) =>
        writeAudit(tx, systemActor, {
          action: "loginLocked",
          entity: which === "address" ? "loginAddress" : "loginAccount",
          entityId: which === "address" ? ip : username,
          after: { username, ip, failures: count - 1, limit, windowMinutes: WINDOW_MS / 60_000 },
        }),
      );
    }
    const last = counts.lastFailureAt?.getTime() ?? now.getTime();
    const retryAfterMs = last + WINDOW_MS - now.getTime();
    throw new TooManyAttemptsError({ retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
  }
  return { id: inserted!.id, priorFailures: counts.pair - 1 };
}

/**
 * Marks the attempt successful. When a lock on this account was recorded since its previous
 * success, the lock has now been lifted (it expired): that is audited too.
 */
export async function attemptSucceeded(
  db: Db,
  attempt: Attempt,
  username: string,
  ip: string,
): Promise<void> {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attempt.id));
  const [locked] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "loginLocked"),
        eq(auditLog.entity, "loginAccount"),
        eq(auditLog.entityId, username),
        sql`${auditLog.at} > coalesce((SELECT max(s.at) FROM login_attempts s WHERE s.success AND s.username = ${username} AND s.id <> ${attempt.id}), '-infinity'::timestamptz)`,
      ),
    )
    .limit(1);
  if (!locked) return;
  await db.transaction((tx) =>
    writeAudit(tx, systemActor, {
      action: "loginUnlocked",
      entity: "loginAccount",
      entityId: username,
      after: { username, ip },
    }),
  );
}

/** Delay before answering a failed attempt: none for the first two, then 0.25 s doubling to 2 s. */
export function failureDelayMs(failuresIncludingThis: number): number {
  if (failuresIncludingThis <= 2) return 0;
  return Math.min(2000, 250 * 2 ** (failuresIncludingThis - 3));
}
