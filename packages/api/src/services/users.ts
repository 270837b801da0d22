import {
  type Actor,
  assertVersion,
  bump,
  type Db,
  NotFoundError,
  users,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { and, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { generatePassword, hashPassword, passwordProblem } from "../auth/password.ts";
import type { Role } from "../auth/roles.ts";
import { deleteUserSessions, forgetUserSessions } from "../auth/session.ts";
import { likePattern, offsetOf, type Page, type PageInput, type Patch } from "./common.ts";
import { type UserDto, userDto } from "./dto.ts";

/** User management (administrators only; the router enforces it). */

const audited = (u: typeof users.$inferSelect) => {
  const { passwordHash: _hidden, ...rest } = u;
  return rest;
};

export async function listUsers(
  db: Db,
  input: PageInput & {
    q?: string | undefined;
    role?: Role | undefined;
    jurisdictionCode?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<Page<UserDto>> {
  const where: SQL[] = [];
  if (input.q)
    where.push(
      or(ilike(users.username, likePattern(input.q)), ilike(users.displayName, likePattern(input.q)))!,
    );
  if (input.role) where.push(eq(users.role, input.role));
  if (input.jurisdictionCode) where.push(eq(users.jurisdictionCode, input.jurisdictionCode));
  if (input.active !== undefined) where.push(eq(users.active, input.active));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(cond).orderBy(users.username).limit(input.pageSize).offset(offsetOf(input)),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  return { items: rows.map(userDto), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string | null;
  /** Omit to generate a one-time password (returned once; must be changed at first login). */
  password?: string | undefined;
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUser,
): Promise<{ user: UserDto; initialPassword: string | null }> {
  if (input.role !== "admin" && input.jurisdictionCode === null && input.role !== "viewer") {
    throw new ValidationError({
      issues: [{ path: ["jurisdictionCode"], message: "规划编辑和数据填报用户须指定所属行政区划" }],
    });
  }
  if (input.password) {
    const problem = passwordProblem(input.password);
    if (problem) throw new ValidationError({ issues: [{ path: ["password"], message: problem }] });
  }
  const oneTime = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? oneTime!);
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (dup) throw new ValidationError({ issues: [{ path: ["username"], message: "用户名已存在" }] });
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        jurisdictionCode: input.jurisdictionCode,
        passwordHash,
        mustChangePassword: oneTime !== null,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "user",
      entityId: row!.id,
      jurisdictionCode: row!.jurisdictionCode,
      after: audited(row!),
    });
    return { user: userDto(row!), initialPassword: oneTime };
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  input: {
    id: string;
    version: number;
    data: Patch<{ displayName: string; role: Role; jurisdictionCode: string | null; active: boolean }>;
  },
): Promise<UserDto> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, input.id)).for("update");
    if (!row) throw new NotFoundError({ entity: "user", entityId: input.id });
    assertVersion("user", row.id, row, input.version);
    if (
      actor.id === row.id &&
      (input.data.active === false || (input.data.role && input.data.role !== "admin"))
    ) {
      throw new ValidationError({
        issues: [{ path: ["data", "role"], message: "不能停用自己或取消自己的管理员角色" }],
      });
    }
    const [after] = await tx
      .update(users)
      .set({ ...input.data, ...bump(row, actor.name) })
      .where(eq(users.id, row.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "user",
      entityId: row.id,
      jurisdictionCode: after!.jurisdictionCode,
      before: audited(row),
      after: audited(after!),
    });
    return after!;
  });
  forgetUserSessions(db, result.id);
  // Role, scope or activity changes take effect at once: the user signs in again.
  if (input.data.active === false || input.data.role || input.data.jurisdictionCode !== undefined) {
    await deleteUserSessions(db, result.id);
  }
  return userDto(result);
}

/**
 * Sets a new password and ends the user's sessions: the given one (checked by the password rule),
 * else a generated one-time password (returned once, to be changed at first sign-in).
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  input: { id: string; password?: string | undefined },
): Promise<{ password: string }> {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new ValidationError({ issues: [{ path: ["password"], message: problem }] });
  }
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, input.id)).for("update");
    if (!row) throw new NotFoundError({ entity: "user", entityId: input.id });
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: input.password === undefined, ...bump(row, actor.name) })
      .where(eq(users.id, row.id));
    await writeAudit(tx, actor, {
      action: "resetPassword",
      entity: "user",
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
    });
  });
  await deleteUserSessions(db, input.id);
  return { password };
}
