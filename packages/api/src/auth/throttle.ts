import { auditLog, type Db, loginAttempts, systemActor, writeAudit } from "@ybplan/db";
import { and, eq, sql } from "drizzle-orm";
import { TooManyAttemptsError } from "../errors.ts";

/**
 * Login throttling, kept in the database so every server process shares it.
 *
 * Each attempt is recorded *before* its password is checked (pending: `success` null), and the
 * limits are evaluated against that record. Three counters over the last WINDOW_MS:
 * - account + address: MAX_FAILURES failures since this pair's last success;
 * - account (any address): MAX_ACCOUNT_FAILURES since the account's last success;
 * - address (any account): MAX_ADDRESS_FAILURES, not reset by a success (an attacker's own
 *   account must not wash out guesses at others).
 * An attempt is refused when the failures alone reach a limit. When failures plus the attempts
 * still being checked ahead of it reach a limit, it waits for those to finish: so attempts
 * running side by side — parallel requests, the calls of one batch — are checked at most up to
 * the limit, and whatever comes after a limit's worth of failures is refused, while many
 * simultaneous *correct* logins (tabs, test clients) only queue for a moment. A pending attempt
 * older than PENDING_STALE_MS (its process died) counts as a failure. Refused attempts count
 * too: hammering a locked account keeps it locked. A failure is answered after a progressive
 * delay (`failureDelayMs`). The start of a lock is audited, and so is its lifting.
 */
export const MAX_FAILURES = 5;
export const MAX_ACCOUNT_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 30;
export const WINDOW_MS = 15 * 60 * 1000;
const PENDING_STALE_MS = 30_000;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 15_000;

type Counter = "pair" | "account" | "address";
const limits: Record<Counter, number> = {
  pair: MAX_FAILURES,
  account: MAX_ACCOUNT_FAILURES,
  address: MAX_ADDRESS_FAILURES,
};

interface Counts {
  /** Failures per counter (refused attempts and stale pending ones included). */
  readonly failed: Record<Counter, number>;
  /** Attempts of each counter still being checked that started before this one. */
  readonly ahead: Record<Counter, number>;
  readonly lastFailureAt: Date | null;
}

async function count(db: Db, username: string, ip: string, attemptId: number, now: Date): Promise<Counts> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const stale = new Date(now.getTime() - PENDING_STALE_MS).toISOString();
  const lastOk = (where: ReturnType<typeof sql>) =>
    sql`coalesce((SELECT max(s.at) FROM login_attempts s WHERE s.success AND ${where}), ${since}::timestamptz)`;
  const pairRow = sql`${loginAttempts.username} = ${username} AND ${loginAttempts.ip} = ${ip} AND ${loginAttempts.at} > ${lastOk(sql`s.username = ${username} AND s.ip = ${ip}`)}`;
  const accountRow = sql`${loginAttempts.username} = ${username} AND ${loginAttempts.at} > ${lastOk(sql`s.username = ${username}`)}`;
  const addressRow = sql`${loginAttempts.ip} = ${ip}`;
  const failed = sql`(${loginAttempts.success} = false OR (${loginAttempts.success} IS NULL AND ${loginAttempts.at} < ${stale}::timestamptz))`;
  const ahead = sql`(${loginAttempts.success} IS NULL AND ${loginAttempts.at} >= ${stale}::timestamptz AND ${loginAttempts.id} < ${attemptId})`;
  const n = (where: ReturnType<typeof sql>) => sql<number>`count(*) FILTER (WHERE ${where})`.mapWith(Number);
  const [row] = await db
    .select({
      pairFailed: n(sql`${pairRow} AND ${failed}`),
      accountFailed: n(sql`${accountRow} AND ${failed}`),
      addressFailed: n(sql`${addressRow} AND ${failed}`),
      pairAhead: n(sql`${pairRow} AND ${ahead}`),
      accountAhead: n(sql`${accountRow} AND ${ahead}`),
      addressAhead: n(sql`${addressRow} AND ${ahead}`),
      lastFailureAt: sql<string | null>`max(${loginAttempts.at}) FILTER (WHERE ${failed})`,
    })
    .from(loginAttempts)
    .where(
      and(
        sql`${loginAttempts.success} IS NOT TRUE`,
        sql`${loginAttempts.at} > ${since}::timestamptz`,
        sql`(${loginAttempts.username} = ${username} OR ${loginAttempts.ip} = ${ip})`,
      ),
    );
  return {
    failed: {
      pair: row?.pairFailed ?? 0,
      account: row?.accountFailed ?? 0,
      address: row?.addressFailed ?? 0,
    },
    ahead: { pair: row?.pairAhead ?? 0, account: row?.accountAhead ?? 0, address: row?.addressAhead ?? 0 },
    lastFailureAt: row?.lastFailureAt ? new Date(row.lastFailureAt) : null,
  };
}

const counters: readonly Counter[] = ["pair", "account", "address"];

export interface Attempt {
  readonly id: number;
  /** Failures of this account + address before this attempt (for the progressive delay). */
  readonly priorFailures: number;
}

/**
 * Records the attempt and refuses it (TooManyAttemptsError) when a limit is reached; waits while
 * attempts ahead of it are still being checked. The refusal that starts a lock writes an audit
 * row. Call `attemptSucceeded` or `attemptFailed` once the password is checked.
 */
export async function beginAttempt(db: Db, username: string, ip: string): Promise<Attempt> {
  const [inserted] = await db
    .insert(loginAttempts)
    .values({ username, ip, success: null, at: new Date() })
    .returning({ id: loginAttempts.id });
  const id = inserted!.id;
  const started = Date.now();
  for (;;) {
    const now = new Date();
    const c = await count(db, username, ip, id, now);
    const locked = counters.find((k) => c.failed[k] >= limits[k]);
    if (locked) {
      await db.update(loginAttempts).set({ success: false }).where(eq(loginAttempts.id, id));
      // The first refusal after the limit was reached records the lock.
      if (c.failed[locked] === limits[locked]) await auditLock(db, locked, username, ip, c.failed[locked]);
      const last = c.lastFailureAt?.getTime() ?? now.getTime();
      const retryAfterMs = last + WINDOW_MS - now.getTime();
      throw new TooManyAttemptsError({ retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
    }
    const busy = counters.some((k) => c.failed[k] + c.ahead[k] >= limits[k]);
    if (!busy) return { id, priorFailures: c.failed.pair };
    if (Date.now() - started > MAX_WAIT_MS) {
      await db.update(loginAttempts).set({ success: false }).where(eq(loginAttempts.id, id));
      throw new TooManyAttemptsError({ retryAfterSeconds: 5 });
    }
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
  }
}

async function auditLock(
  db: Db,
  which: Counter,
  username: string,
  ip: string,
  failures: number,
): Promise<void> {
  await db.transaction((tx) =>
    writeAudit(tx, systemActor, {
      action: "loginLocked",
      entity: which === "address" ? "loginAddress" : "loginAccount",
      entityId: which === "address" ? ip : username,
      after: { username, ip, failures, limit: limits[which], windowMinutes: WINDOW_MS / 60_000 },
    }),
  );
}

export async function attemptFailed(db: Db, attempt: Attempt): Promise<void> {
  await db.update(loginAttempts).set({ success: false }).where(eq(loginAttempts.id, attempt.id));
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
