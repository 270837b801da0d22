import {
  type Actor,
  assertVersion,
  bump,
  type Db,
  indicators,
  jurisdictions,
  NotFoundError,
  observations,
  plans,
  projects,
  tasks,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { Plan, type PlanStatus } from "@ybplan/domain/plan";
import { and, asc, count, eq, gte, ilike, inArray, isNull, lte, not, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  changedFields,
  likePattern,
  offsetOf,
  type Page,
  type PageInput,
  type Patch,
  withLimits,
} from "./common.ts";
import { type PlanDto, planDto } from "./dto.ts";

/** Plans: list (scoped), detail, manual create, metadata edit, delete. */

/** A row of the main-indicator table: not a work indicator of a task or 专栏 item. */
const mainIndicatorRow = and(isNull(indicators.taskId), isNull(indicators.projectItemId))!;

export interface PlanFilter extends PageInput {
  /** Restrict to these jurisdictions (already intersected with what the user may read). */
  codes: string[] | null;
  status?: PlanStatus | undefined;
  q?: string | undefined;
  /** Plans whose period contains this year. */
  year?: number | undefined;
}

export async function listPlans(db: Db, f: PlanFilter): Promise<Page<PlanDto & { indicatorCount: number }>> {
  const where: SQL[] = [];
  if (f.codes) {
    if (f.codes.length === 0) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
    where.push(inArray(plans.jurisdictionCode, f.codes));
  }
  if (f.status) where.push(eq(plans.status, f.status));
  if (f.q) where.push(ilike(plans.title, likePattern(f.q)));
  if (f.year) where.push(lte(plans.periodStart, f.year), gte(plans.periodEnd, f.year));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(plans)
      .where(cond)
      .orderBy(asc(plans.jurisdictionCode), asc(plans.title))
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    db.select({ n: count() }).from(plans).where(cond),
  ]);
  const counts = rows.length
    ? await db
        .select({ planId: indicators.planId, n: count() })
        .from(indicators)
        .where(
          and(
            inArray(
              indicators.planId,
              rows.map((r) => r.id),
            ),
            mainIndicatorRow,
          ),
        )
        .groupBy(indicators.planId)
    : [];
  const byPlan = new Map(counts.map((c) => [c.planId, c.n]));
  return {
    items: rows.map((r) => ({ ...planDto(r), indicatorCount: byPlan.get(r.id) ?? 0 })),
    total: total?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function getPlan(db: Db, id: string) {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  if (!row) throw new NotFoundError({ entity: "plan", entityId: id });
  const [[ind], [work], [tsk], [prj], [obs]] = await Promise.all([
    db
      .select({ n: count() })
      .from(indicators)
      .where(and(eq(indicators.planId, id), mainIndicatorRow)),
    db
      .select({ n: count() })
      .from(indicators)
      .where(and(eq(indicators.planId, id), not(mainIndicatorRow))),
    db.select({ n: count() }).from(tasks).where(eq(tasks.planId, id)),
    db.select({ n: count() }).from(projects).where(eq(projects.planId, id)),
    db
      .select({ n: count() })
      .from(observations)
      .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
      .where(eq(indicators.planId, id)),
  ]);
  return {
    ...planDto(row),
    counts: {
      /** 主要指标 only; the work indicators of tasks and 专栏 items are `workIndicators`. */
      indicators: ind?.n ?? 0,
      workIndicators: work?.n ?? 0,
      tasks: tsk?.n ?? 0,
      projects: prj?.n ?? 0,
      observations: obs?.n ?? 0,
    },
  };
}

/** The domain's plan fields a person edits, with the boundary's sizes; ids are the database's uuids. */
export const PlanFields = withLimits(
  Plan.pick({
    title: true,
    issuer: true,
    documentNumber: true,
    issueDate: true,
    periodStart: true,
    periodEnd: true,
    baselineYear: true,
    status: true,
  }),
  { title: 200, issuer: 100, documentNumber: 100 },
  { title: "请输入规划名称" },
).extend({ parentPlanId: z.uuid().nullable() });

export type PlanFields = z.infer<typeof PlanFields>;

function checkPeriod(p: Pick<PlanFields, "periodStart" | "periodEnd" | "baselineYear">) {
  const issues = [];
  if (p.periodStart > p.periodEnd)
    issues.push({ path: ["periodEnd"], message: "规划期末年份不能早于起始年份" });
  if (p.baselineYear > p.periodStart)
    issues.push({ path: ["baselineYear"], message: "基期年份不能晚于规划期起始年份" });
  if (issues.length) throw new ValidationError({ issues });
}

async function checkTitleFree(db: Db, code: string, title: string, exceptId: string | null) {
  const [dup] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.jurisdictionCode, code), eq(plans.title, title)));
  if (dup && dup.id !== exceptId) {
    throw new ValidationError({ issues: [{ path: ["title"], message: "该行政区划已有同名规划" }] });
  }
}

export async function createPlan(
  db: Db,
  actor: Actor,
  input: PlanFields & { jurisdictionCode: string },
): Promise<PlanDto> {
  checkPeriod(input);
  return db.transaction(async (tx) => {
    const [place] = await tx
      .select()
      .from(jurisdictions)
      .where(eq(jurisdictions.code, input.jurisdictionCode));
    if (!place) throw new NotFoundError({ entity: "jurisdiction", entityId: input.jurisdictionCode });
    if (place.retiredAt)
      throw new ValidationError({
        issues: [{ path: ["jurisdictionCode"], message: `所属地区：${place.name}已撤销，不能新建规划` }],
      });
    await checkTitleFree(tx, input.jurisdictionCode, input.title, null);
    const [row] = await tx
      .insert(plans)
      .values({ ...input, updatedBy: actor.name })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "plan",
      entityId: row!.id,
      jurisdictionCode: row!.jurisdictionCode,
      after: row,
    });
    return planDto(row!);
  });
}

export async function updatePlan(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; data: Patch<PlanFields> },
): Promise<PlanDto> {
  const data = changedFields(input.data);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(plans).where(eq(plans.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "plan", entityId: input.id });
    assertVersion("plan", before.id, before, input.version);
    const next = { ...before, ...data };
    checkPeriod(next);
    if (data.title) await checkTitleFree(tx, before.jurisdictionCode, data.title, before.id);
    if (data.parentPlanId === before.id) {
      throw new ValidationError({
        issues: [{ path: ["data", "parentPlanId"], message: "上级规划不能是本规划" }],
      });
    }
    const [after] = await tx
      .update(plans)
      .set({ ...data, ...bump(before, actor.name) })
      .where(eq(plans.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "plan",
      entityId: before.id,
      jurisdictionCode: before.jurisdictionCode,
      before,
      after,
    });
    return planDto(after!);
  });
}

/**
 * Marks an import warning resolved (or open again). The warning stays in the plan's list; the
 * resolution names who and when, and survives a re-import reporting the same warning.
 */
export async function resolveWarning(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; line: number; message: string; text: string; resolved: boolean },
): Promise<PlanDto> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(plans).where(eq(plans.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "plan", entityId: input.id });
    assertVersion("plan", before.id, before, input.version);
    const same = (w: { line: number; message: string; text: string }) =>
      w.line === input.line && w.message === input.message && w.text === input.text;
    if (!before.importWarnings.some(same))
      throw new ValidationError({ issues: [{ path: ["line"], message: "该规划没有这条导入提示" }] });
    const rest = before.resolvedWarnings.filter((w) => !same(w));
    const resolvedWarnings = input.resolved
      ? [
          ...rest,
          {
            line: input.line,
            message: input.message,
            text: input.text,
            by: actor.name,
            at: new Date().toISOString(),
          },
        ]
      : rest;
    const [after] = await tx
      .update(plans)
      .set({ resolvedWarnings, ...bump(before, actor.name) })
      .where(eq(plans.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: input.resolved ? "resolveWarning" : "reopenWarning",
      entity: "plan",
      entityId: before.id,
      jurisdictionCode: before.jurisdictionCode,
      before,
      after,
    });
    return planDto(after!);
  });
}
