import {
  type Actor,
  type AuditEntry,
  assertVersion,
  bump,
  type Db,
  indicators,
  NotFoundError,
  observations,
  plans,
  progressNotes,
  projectItems,
  projects,
  tasks,
  writeAudit,
} from "@ybplan/db";
import { count, eq, inArray, or } from "drizzle-orm";
import { ForbiddenError } from "../errors.ts";

/**
 * Removing a plan. By default a plan is archived (status "archived", versioned, one audit row):
 * its indicators, years of figures and progress notes stay where they are and the plan can be
 * published again. Only an administrator may delete a plan for good, and then every removed row
 * (indicators, observations, tasks, 专栏 and items, progress notes) gets its own audit row with
 * its last content, so nothing disappears without a trace.
 */

export interface PlanRemovalImpact {
  readonly indicators: number;
  readonly observations: number;
  readonly tasks: number;
  readonly projects: number;
  readonly projectItems: number;
  readonly progressNotes: number;
}

/** What a hard delete would remove (shown to the administrator before confirming). */
export async function planRemovalImpact(db: Db, planId: string): Promise<PlanRemovalImpact> {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const indicatorIds = db.select({ id: indicators.id }).from(indicators).where(eq(indicators.planId, planId));
  const taskIds = db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId));
  const projectIds = db.select({ id: projects.id }).from(projects).where(eq(projects.planId, planId));
  const itemIds = db
    .select({ id: projectItems.id })
    .from(projectItems)
    .where(inArray(projectItems.projectId, projectIds));
  const [i, o, t, p, pi, pn] = await Promise.all([
    n(db.select({ n: count() }).from(indicators).where(eq(indicators.planId, planId))),
    n(db.select({ n: count() }).from(observations).where(inArray(observations.indicatorId, indicatorIds))),
    n(db.select({ n: count() }).from(tasks).where(eq(tasks.planId, planId))),
    n(db.select({ n: count() }).from(projects).where(eq(projects.planId, planId))),
    n(db.select({ n: count() }).from(projectItems).where(inArray(projectItems.projectId, projectIds))),
    n(
      db
        .select({ n: count() })
        .from(progressNotes)
        .where(or(inArray(progressNotes.taskId, taskIds), inArray(progressNotes.projectItemId, itemIds))),
    ),
  ]);
  return { indicators: i, observations: o, tasks: t, projects: p, projectItems: pi, progressNotes: pn };
}

export async function removePlan(
  db: Db,
  actor: Actor,
  role: string,
  input: { id: string; version: number; hard: boolean },
): Promise<{ id: string; archived: boolean; removed: PlanRemovalImpact | null }> {
  if (input.hard && role !== "admin") {
    throw new ForbiddenError({ reason: "仅系统管理员可彻底删除规划；其他角色删除时规划将归档" });
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(plans).where(eq(plans.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "plan", entityId: input.id });
    assertVersion("plan", before.id, before, input.version);
    const code = before.jurisdictionCode;
    if (!input.hard) {
      const [after] = await tx
        .update(plans)
        .set({ status: "archived", ...bump(before, actor.name) })
        .where(eq(plans.id, before.id))
        .returning();
      await writeAudit(tx, actor, {
        action: "archive",
        entity: "plan",
        entityId: before.id,
        jurisdictionCode: code,
        before,
        after,
      });
      return { id: before.id, archived: true, removed: null };
    }
    // Hard delete: read every row the cascade will take, audit each, then delete the plan.
    const planIndicators = await tx.select().from(indicators).where(eq(indicators.planId, before.id));
    const indicatorIds = planIndicators.map((r) => r.id);
    const planObservations = indicatorIds.length
      ? await tx.select().from(observations).where(inArray(observations.indicatorId, indicatorIds))
      : [];
    const planTasks = await tx.select().from(tasks).where(eq(tasks.planId, before.id));
    const planProjects = await tx.select().from(projects).where(eq(projects.planId, before.id));
    const items = planProjects.length
      ? await tx
          .select()
          .from(projectItems)
          .where(
            inArray(
              projectItems.projectId,
              planProjects.map((p) => p.id),
            ),
          )
      : [];
    const taskIds = planTasks.map((t) => t.id);
    const itemIds = items.map((i) => i.id);
    const notes =
      taskIds.length || itemIds.length
        ? await tx
            .select()
            .from(progressNotes)
            .where(
              or(
                taskIds.length ? inArray(progressNotes.taskId, taskIds) : undefined,
                itemIds.length ? inArray(progressNotes.projectItemId, itemIds) : undefined,
              ),
            )
        : [];
    const removed = (entity: string, rows: readonly { id: string }[]): AuditEntry[] =>
      rows.map((row) => ({
        action: "delete",
        entity,
        entityId: row.id,
        jurisdictionCode: code,
        before: row,
      }));
    await tx.delete(plans).where(eq(plans.id, before.id));
    const entries = [
      ...removed("observation", planObservations),
      ...removed("progressNote", notes),
      ...removed("projectItem", items),
      ...removed("project", planProjects),
      ...removed("task", planTasks),
      ...removed("indicator", planIndicators),
      { action: "delete", entity: "plan", entityId: before.id, jurisdictionCode: code, before },
    ];
    // Chunks keep each INSERT under the driver's parameter limit on a plan with years of data.
    for (let i = 0; i < entries.length; i += 1000) await writeAudit(tx, actor, entries.slice(i, i + 1000));
    return {
      id: before.id,
      archived: false,
      removed: {
        indicators: planIndicators.length,
        observations: planObservations.length,
        tasks: planTasks.length,
        projects: planProjects.length,
        projectItems: items.length,
        progressNotes: notes.length,
      },
    };
  });
}
