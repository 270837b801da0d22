import { type Db, indicators, NotFoundError, plans, projectItems, projects, tasks } from "@ybplan/db";
import { eq } from "drizzle-orm";
import { ForbiddenError, UnauthenticatedError } from "../errors.ts";
import type { JurisdictionDirectory } from "./directory.ts";
import { type Permission, roleAllows } from "./roles.ts";
import type { SessionUser } from "./session.ts";

/**
 * Authorisation: every procedure names the entity it touches; the entity is resolved to its
 * jurisdiction, then the user's role and scope decide. Rules (why):
 * - administrators may do anything anywhere (they run the system);
 * - a user with no scope root (national staff) has their role's permissions everywhere;
 * - in their own jurisdiction and below (own / descendant) a user has their role's permissions;
 * - ancestors' plans are readable (a county plan implements the city's), never writable;
 * - anything else is unrelated: refused, even reading (a 黄石市 user does not see 南阳市's data).
 */
export type ScopeTarget =
  | { readonly jurisdictionCode: string }
  | { readonly planId: string }
  | { readonly indicatorId: string }
  | { readonly taskId: string }
  | { readonly projectId: string }
  | { readonly projectItemId: string };

export async function resolveJurisdiction(db: Db, target: ScopeTarget): Promise<string> {
  const one = async (q: Promise<{ code: string }[]>, entity: string, id: string) => {
    const [row] = await q;
    if (!row) throw new NotFoundError({ entity, entityId: id });
    return row.code;
  };
  if ("jurisdictionCode" in target) return target.jurisdictionCode;
  if ("planId" in target) {
    return one(
      db.select({ code: plans.jurisdictionCode }).from(plans).where(eq(plans.id, target.planId)),
      "plan",
      target.planId,
    );
  }
  if ("indicatorId" in target) {
    return one(
      db
        .select({ code: plans.jurisdictionCode })
        .from(indicators)
        .innerJoin(plans, eq(plans.id, indicators.planId))
        .where(eq(indicators.id, target.indicatorId)),
      "indicator",
      target.indicatorId,
    );
  }
  if ("taskId" in target) {
    return one(
      db
        .select({ code: plans.jurisdictionCode })
        .from(tasks)
        .innerJoin(plans, eq(plans.id, tasks.planId))
        .where(eq(tasks.id, target.taskId)),
      "task",
      target.taskId,
    );
  }
  if ("projectId" in target) {
    return one(
      db
        .select({ code: plans.jurisdictionCode })
        .from(projects)
        .innerJoin(plans, eq(plans.id, projects.planId))
        .where(eq(projects.id, target.projectId)),
      "project",
      target.projectId,
    );
  }
  return one(
    db
      .select({ code: plans.jurisdictionCode })
      .from(projectItems)
      .innerJoin(projects, eq(projects.id, projectItems.projectId))
      .innerJoin(plans, eq(plans.id, projects.planId))
      .where(eq(projectItems.id, target.projectItemId)),
    "projectItem",
    target.projectItemId,
  );
}

const permissionLabels: Record<Permission, string> = {
  read: "查看",
  editPlan: "编辑规划",
  enterData: "填报数据",
  admin: "系统管理",
};

/** Throws ForbiddenError unless `user` may exercise `permission` on jurisdiction `code`. */
export function checkAccess(
  user: SessionUser | null,
  dir: JurisdictionDirectory,
  code: string,
  permission: Permission,
): void {
  if (!user) throw new UnauthenticatedError({ reason: "请先登录" });
  if (!roleAllows(user.role, permission)) {
    throw new ForbiddenError({ reason: `当前角色无权${permissionLabels[permission]}` });
  }
  if (user.role === "admin" || user.jurisdictionCode === null) return;
  const relation = dir.relation(user.jurisdictionCode, code);
  if (relation === "own" || relation === "descendant") return;
  if (relation === "ancestor" && permission === "read") return;
  const name = dir.byCode.get(code)?.name ?? code;
  throw new ForbiddenError({ reason: `无权${permissionLabels[permission]}${name}的数据` });
}

/** Jurisdiction codes the user may read (null = all). */
export function readableCodes(user: SessionUser, dir: JurisdictionDirectory): Set<string> | null {
  if (user.role === "admin" || user.jurisdictionCode === null) return null;
  return new Set([...dir.subtree(user.jurisdictionCode), ...dir.ancestors(user.jurisdictionCode)]);
}
