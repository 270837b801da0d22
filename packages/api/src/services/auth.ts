import { type Db, users, ValidationError, writeAudit } from "@ybplan/db";
import { eq } from "drizzle-orm";
import { hashPassword, passwordProblem, verifyPassword } from "../auth/password.ts";
import { createSession, deleteSession, deleteUserSessions, type SessionUser } from "../auth/session.ts";
import { attemptFailed, attemptSucceeded, beginAttempt, failureDelayMs } from "../auth/throttle.ts";
import { UnauthenticatedError } from "../errors.ts";

/** Sign-in, sign-out and password change. */

// Hash of a random password: failed lookups still spend the time of a hash (no user enumeration).
const dummyHash = hashPassword("ybplan-dummy-password-1");

export async function login(
  db: Db,
  input: { username: string; password: string },
  meta: { ip: string; userAgent: string | null },
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const username = input.username.trim();
  const attempt = await beginAttempt(db, username, meta.ip);
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(input.password, row?.passwordHash ?? (await dummyHash));
  if (!row || !ok || !row.active) {
    await attemptFailed(db, attempt);
    // Progressive delay: slows a guesser without holding a database connection.
    const delay = failureDelayMs(attempt.priorFailures + 1);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    throw new UnauthenticatedError({ reason: row && ok && !row.active ? "账号已停用" : "用户名或密码错误" });
  }
  await attemptSucceeded(db, attempt, username, meta.ip);
  const session = await createSession(db, row.id, meta);
  return {
    user: {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      jurisdictionCode: row.jurisdictionCode,
      mustChangePassword: row.mustChangePassword,
    },
    ...session,
  };
}

export async function logout(db: Db, token: string | null): Promise<void> {
  if (token) await deleteSession(db, token);
}

/** Changes the signed-in user's password; other sessions of the user end. */
export async function changePassword(
  db: Db,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new ValidationError({ issues: [{ path: ["newPassword"], message: problem }] });
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new ValidationError({ issues: [{ path: ["currentPassword"], message: "当前密码不正确" }] });
  }
  if (input.currentPassword === input.newPassword) {
    throw new ValidationError({ issues: [{ path: ["newPassword"], message: "新密码不能与当前密码相同" }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        version: row.version + 1,
        updatedAt: new Date(),
        updatedBy: user.displayName,
      })
      .where(eq(users.id, user.id));
    await writeAudit(
      tx,
      { id: user.id, name: user.displayName },
      {
        action: "changePassword",
        entity: "user",
        entityId: user.id,
        jurisdictionCode: row.jurisdictionCode,
      },
    );
  });
  // Every session of the user ends (a stolen cookie dies with the old password); the caller
  // gets a fresh session.
  await deleteUserSessions(db, user.id);
}
