import { createHash, randomBytes } from "node:crypto";
import { type Db, sessions, users } from "@ybplan/db";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Role } from "./roles.ts";

/**
 * Database-backed sessions: the cookie holds a random token; the table holds its SHA-256, so
 * several server processes share sessions and a leaked table yields no usable token.
 */
export const SESSION_COOKIE = "ybplan_session";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Scope root; null = whole country. */
  readonly jurisdictionCode: string | null;
  readonly mustChangePassword: boolean;
}

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insert(sessions)
    .values({ id: digest(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent });
  // Opportunistic clean-up keeps the table small without a scheduler.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return { token, expiresAt };
}

/**
 * Resolved sessions are remembered for `ttlMs` so a busy overview does not query the session
 * table on every request. This process forgets an entry at once on logout, password change,
 * reset, deactivation or any user edit; another process sharing a PostgreSQL database sees such a
 * change within its (short) TTL.
 */
interface CachedSession {
  readonly user: SessionUser;
  readonly sessionExpires: number;
  readonly cachedUntil: number;
}
const cache = new WeakMap<Db, Map<string, CachedSession>>();
const cacheOf = (db: Db) => {
  const hit = cache.get(db);
  if (hit) return hit;
  const fresh = new Map<string, CachedSession>();
  cache.set(db, fresh);
  return fresh;
};

/** Forgets cached sessions of a user (after any change to the user or their sessions). */
export function forgetUserSessions(db: Db, userId: string): void {
  const entries = cacheOf(db);
  for (const [k, v] of entries) if (v.user.id === userId) entries.delete(k);
}

export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
  ttlMs = 0,
): Promise<SessionUser | null> {
  const key = digest(token);
  const entries = cacheOf(db);
  const hit = entries.get(key);
  const t = now.getTime();
  if (hit && hit.cachedUntil > t && hit.sessionExpires > t) return hit.user;
  entries.delete(key);
  const user = await lookupSession(db, key, now);
  if (user && ttlMs > 0) {
    if (entries.size > 10_000) entries.clear();
    entries.set(key, { user: user.user, sessionExpires: user.expiresAt.getTime(), cachedUntil: t + ttlMs });
  }
  return user?.user ?? null;
}

async function lookupSession(
  db: Db,
  key: string,
  now: Date,
): Promise<{ user: SessionUser; expiresAt: Date } | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      jurisdictionCode: users.jurisdictionCode,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, key), gt(sessions.expiresAt, now)));
  if (!row?.active) return null;
  const { active: _active, expiresAt, ...user } = row;
  return { user, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  cacheOf(db).delete(digest(token));
  await db.delete(sessions).where(eq(sessions.id, digest(token)));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  forgetUserSessions(db, userId);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** `Set-Cookie` value: httpOnly, SameSite=Lax, Path=/; Secure when served over https. */
export function sessionCookie(token: string | null, expiresAt: Date | null, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${token ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    token && expiresAt ? `Expires=${expiresAt.toUTCString()}` : "Max-Age=0",
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === SESSION_COOKIE) return v.join("=") || null;
  }
  return null;
}

/** The nil UUID stands for the system (CLI, scripts) in `audit_log.actor_id`. */
export const SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000";

/**
 * An administrator identity for trusted local tools (the CLI) that call the router through
 * `createCaller(createContextInner({ database, user: systemUser("命令行") }))`. Audit rows name
 * `displayName` as the actor.
 */
export function systemUser(displayName = "命令行"): SessionUser {
  return {
    id: SYSTEM_USER_ID,
    username: "system",
    displayName,
    role: "admin",
    jurisdictionCode: null,
    mustChangePassword: false,
  };
}
