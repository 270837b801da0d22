import {
  type Actor,
  type Database,
  type Db,
  indicatorExplanations,
  indicators,
  jurisdictionScope,
  NotFoundError,
  namedCache,
  observationAssessments,
  observations,
  plans,
  reportingCycles,
  reportingWindows,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { IsoDate, isoDateInChina, Year } from "@ybplan/domain/common";
import {
  AssessmentGrade,
  CompletenessBucket,
  type CycleAction,
  CycleState,
  type CycleTransitionError,
  completeness,
  completenessBucket,
  FilledCount,
  IndicatorExplanation,
  isEditable,
  PlausibilityWarning,
  plausibilityWarnings,
  previousValue,
  Reminder,
  reminderFor,
  SubmitProblem,
  submitProblems,
  transition,
  unexplained,
} from "@ybplan/domain/cycle";
import { evaluatePlan, Verdict } from "@ybplan/domain/evaluation";
import { isWorkIndicator } from "@ybplan/domain/indicator";
import { JurisdictionLevel } from "@ybplan/domain/jurisdiction";
import { PlanStatus } from "@ybplan/domain/plan";
import { and, asc, eq, gte, inArray, isNull, lte, ne } from "drizzle-orm";
import { Result } from "effect";
import { z } from "zod";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import type { SessionUser } from "../auth/session.ts";
import { ForbiddenError } from "../errors.ts";
import { iso } from "./common.ts";
import {
  assertOwnLevel,
  assertYearWritable,
  type CycleRow,
  lockCycle,
  lockedReason,
  pickWindow,
  readCycle,
  type WindowRow,
  windowFor,
  YearLockedError,
} from "./cycle-guard.ts";
import { loadPlanBundles } from "./read-model.ts";

/**
 * The yearly reporting cycle of a plan: status with the submit checks, the transitions (submit,
 * return, approve, unlock — each audited in its own transaction), the reviewer's queue, a clerk's
 * to-do, the completeness of a subtree, reporting windows, causes and measures, assessments.
 * The rules themselves live in @ybplan/domain/cycle.
 */

type User = Pick<SessionUser, "id" | "role" | "jurisdictionCode" | "displayName">;

/** Today in China: deadlines and 逾期 turn at Beijing midnight, not at UTC midnight. */
export const today = () => isoDateInChina(new Date());

// ---------------------------------------------------------------- figures of a year

/** A year's figures and what a submit would say about them. */
async function yearChecks(db: Db, planId: string, year: number) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new NotFoundError({ entity: "plan", entityId: planId });
  const bundle = (await loadPlanBundles(db, { planIds: [planId], upToYear: year })).get(planId)!;
  const inds = bundle.indicators;
  const ids = inds.map((i) => i.id);
  const expl = ids.length
    ? await db
        .select()
        .from(indicatorExplanations)
        .where(and(inArray(indicatorExplanations.indicatorId, ids), eq(indicatorExplanations.year, year)))
    : [];
  const explById = new Map(expl.map((e) => [e.indicatorId, e]));
  // Judged with procurement-derived values and the targets in force; filled as entered.
  const evaluation = evaluatePlan(inds, bundle.observations, year, undefined, {
    baselineYear: plan.baselineYear,
    periodEnd: plan.periodEnd,
  });
  const breachById = new Map(evaluation.evaluations.map((e) => [e.indicatorId, e]));

  const entered = bundle.entered;
  const thisYear = entered.filter((o) => o.year === year);
  const filled = new Set(thisYear.map((o) => o.indicatorId));
  const noteById = new Map<string, string>();
  for (const o of thisYear) if (o.note?.trim()) noteById.set(o.indicatorId, o.note);
  const current = new Map<string, number>();
  for (const o of thisYear)
    if (o.subject === null && o.value.kind === "number") current.set(o.indicatorId, o.value.value);
  const previous = new Map<string, { year: number; value: number }>();
  for (const i of inds) {
    const earlier = entered.flatMap((o) =>
      o.indicatorId === i.id && o.subject === null && o.year < year && o.value.kind === "number"
        ? [{ year: o.year, value: o.value.value }]
        : [],
    );
    const b = i.baseline.expression;
    const baseline = b.kind === "level" ? { year: plan.baselineYear, value: b.quantity.value } : null;
    const p = previousValue(earlier, baseline, year);
    if (p) previous.set(i.id, p);
  }
  const warnings = plausibilityWarnings(inds, { year, current, previous });
  const submitInds = inds.map((i) => {
    const e = explById.get(i.id);
    return {
      id: i.id,
      name: i.name,
      attribute: i.attribute,
      filled: filled.has(i.id),
      breach: breachById.get(i.id)?.breach ?? false,
      explanation: e ? { cause: e.cause, measure: e.measure } : null,
    };
  });
  const problems = submitProblems(
    submitInds,
    unexplained(warnings, (id) => noteById.get(id)),
  );
  return {
    plan,
    // 已填 n/m counts the 主要指标; work indicators of tasks and 专栏 items are entered when known.
    completeness: completeness(submitInds.filter((_, k) => !isWorkIndicator(inds[k]!))),
    warnings,
    problems,
    /** Indicators behind or missed this year (where 原因 / 整改措施 belong), breaches flagged. */
    lagging: evaluation.evaluations
      .filter((e) => e.verdict === "behind" || e.verdict === "missed")
      .map((e) => ({ indicatorId: e.indicatorId, verdict: e.verdict, breach: e.breach })),
  };
}

// ---------------------------------------------------------------- status

/** May `user` review plans of `planCode` (规划编辑 of an ancestor jurisdiction, or an admin)? */
function reviewRefusal(user: User, planCode: string, dir: JurisdictionDirectory): string | null {
  if (user.role === "admin") return null;
  if (user.role !== "planner") return "当前角色无权审核（须由上级单位的规划编辑或系统管理员审核）";
  if (user.jurisdictionCode === null) return null;
  if (dir.relation(user.jurisdictionCode, planCode) === "descendant") return null;
  return "须由上级单位审核，本级不能审核本级数据";
}

const IsoDateTime = z.iso.datetime({ offset: true });

/** A reporting window as answered (`.output()` of openWindow / closeWindow). */
export const WindowDto = z.object({
  id: z.uuid(),
  year: Year,
  /** null: every jurisdiction. */
  rootCode: z.string().nullable(),
  deadline: IsoDate,
  closed: z.boolean(),
});
export type WindowDto = z.infer<typeof WindowDto>;

/** A window in the administrators' list: who opened and closed it. */
export const WindowListDto = WindowDto.extend({
  version: z.number().int().positive(),
  createdBy: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: IsoDateTime.nullable(),
});

/** A plan's year in the cycle; a year never saved is 未填报 with version 0. */
export const CycleDto = z.object({
  planId: z.uuid(),
  year: Year,
  state: CycleState,
  version: z.number().int().nonnegative(),
  submittedBy: z.string().nullable(),
  submittedById: z.uuid().nullable(),
  submittedAt: IsoDateTime.nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: IsoDateTime.nullable(),
  returnReason: z.string().nullable(),
  unlockedBy: z.string().nullable(),
  unlockedAt: IsoDateTime.nullable(),
  unlockReason: z.string().nullable(),
});
export type CycleDto = z.infer<typeof CycleDto>;

/** 原因 / 整改措施 / 责任单位 of an indicator's year, as stored. */
export const ExplanationDto = IndicatorExplanation.extend({
  indicatorId: z.uuid(),
  year: Year,
  version: z.number().int().positive(),
  updatedBy: z.string().nullable(),
  updatedAt: IsoDateTime.nullable(),
});

/** A person's judgement beside a figure, as stored. */
export const AssessmentDto = z.object({
  indicatorId: z.uuid(),
  year: Year,
  subject: z.string().nullable(),
  grade: AssessmentGrade,
  reason: z.string().nullable(),
  version: z.number().int().positive(),
  updatedBy: z.string().nullable(),
});

/** What the caller may do with the year (the admin shows exactly these buttons). */
const Permissions = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  canUnlock: z.boolean(),
});

/**
 * `cycle.status`: the year's state, its plan, window and reminder, why it is read-only, 已填 n/m,
 * the plausibility warnings, what a submit still needs, the lagging indicators (where 原因 /
 * 整改措施 belong) and the caller's permissions.
 */
export const CycleStatusDto = CycleDto.extend({
  plan: z.object({ id: z.uuid(), title: z.string(), jurisdictionCode: z.string(), status: PlanStatus }),
  window: WindowDto.nullable(),
  reminder: Reminder,
  lockedReason: z.string().nullable(),
  completeness: FilledCount,
  warnings: z.array(PlausibilityWarning),
  problems: z.array(SubmitProblem),
  lagging: z.array(z.object({ indicatorId: z.uuid(), verdict: Verdict, breach: z.boolean() })),
  permissions: Permissions,
});
export type CycleStatusDto = z.infer<typeof CycleStatusDto>;

/** A submitted year in the reviewer's 待审核 list. */
export const QueueItemDto = CycleDto.extend({
  title: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  /** The caller submitted it (they may not review it). */
  ownSubmission: z.boolean(),
});
export type QueueItemDto = z.infer<typeof QueueItemDto>;

/** A year due in a clerk's to-do (a returned year outside any window has no deadline). */
export const TodoItemDto = CycleDto.extend({
  title: z.string(),
  deadline: IsoDate.nullable(),
  reminder: Reminder,
  completeness: FilledCount,
});
export type TodoItemDto = z.infer<typeof TodoItemDto>;

/**
 * Completeness of a subtree for a year: every plan in force, its state and how much is filled,
 * bucketed 已通过 / 已提交 / 未提交 / 退回 / 逾期, with totals and reminders.
 */
export const CompletenessViewDto = z.object({
  root: z.string(),
  year: Year,
  totals: z.record(CompletenessBucket, z.number().int().nonnegative()),
  rows: z.array(
    z.object({
      planId: z.uuid(),
      title: z.string(),
      jurisdictionCode: z.string(),
      jurisdictionName: z.string(),
      level: JurisdictionLevel.nullable(),
      state: CycleState,
      bucket: CompletenessBucket,
      deadline: IsoDate.nullable(),
      reminder: Reminder,
      returnReason: z.string().nullable(),
      submittedAt: IsoDateTime.nullable(),
      completeness: FilledCount,
    }),
  ),
});
export type CompletenessView = z.infer<typeof CompletenessViewDto>;

function windowDto(w: WindowRow | null): WindowDto | null {
  return w
    ? { id: w.id, year: w.year, rootCode: w.rootCode, deadline: w.deadline, closed: w.closedAt !== null }
    : null;
}

function cycleDto(planId: string, year: number, row: CycleRow | null): CycleDto {
  return {
    planId,
    year,
    state: (row?.state ?? "notStarted") as CycleState,
    version: row?.version ?? 0,
    submittedBy: row?.submittedBy ?? null,
    submittedById: row?.submittedById ?? null,
    submittedAt: iso(row?.submittedAt),
    reviewedBy: row?.reviewedBy ?? null,
    reviewedAt: iso(row?.reviewedAt),
    returnReason: row?.returnReason ?? null,
    unlockedBy: row?.unlockedBy ?? null,
    unlockedAt: iso(row?.unlockedAt),
    unlockReason: row?.unlockReason ?? null,
  };
}

export async function cycleStatus(
  db: Db,
  dir: JurisdictionDirectory,
  user: User,
  planId: string,
  year: number,
): Promise<CycleStatusDto> {
  const checks = await yearChecks(db, planId, year);
  const row = await readCycle(db, planId, year);
  const window = await windowFor(db, dir, checks.plan.jurisdictionCode, year);
  const state = row?.state ?? "notStarted";
  const archived = checks.plan.status === "archived";
  const windowClosed = window?.closedAt != null;
  const ownLevel = user.role === "admin" || user.jurisdictionCode === checks.plan.jurisdictionCode;
  const writer = user.role !== "viewer" && ownLevel && !archived && (!windowClosed || user.role === "admin");
  const locked = archived ? "规划已归档，只读" : row ? lockedReason(row) : null;
  const permissions: CycleStatusDto["permissions"] = {
    canEdit: writer && isEditable(state),
    canSubmit: writer && state === "filling",
    canReview:
      state === "submitted" &&
      reviewRefusal(user, checks.plan.jurisdictionCode, dir) === null &&
      row?.submittedById !== user.id,
    canUnlock: state === "approved" && user.role === "admin",
  };
  return {
    ...cycleDto(planId, year, row),
    plan: {
      id: checks.plan.id,
      title: checks.plan.title,
      jurisdictionCode: checks.plan.jurisdictionCode,
      status: checks.plan.status,
    },
    window: windowDto(window),
    reminder: window
      ? reminderFor(window.deadline, today(), state === "submitted" || state === "approved")
      : null,
    lockedReason: locked ?? (windowClosed && user.role !== "admin" ? `${year}年填报窗口已关闭，只读` : null),
    completeness: checks.completeness,
    warnings: checks.warnings,
    problems: checks.problems,
    lagging: checks.lagging,
    permissions,
  };
}

// ---------------------------------------------------------------- transitions

/** One cycle move of a plan's year; the caller has checked scope for the action. */
export async function moveCycle(
  db: Db,
  dir: JurisdictionDirectory,
  actor: Actor,
  user: User,
  code: string,
  input: {
    planId: string;
    year: number;
    action: Exclude<CycleAction, "save">;
    reason?: string | null | undefined;
  },
) {
  const { planId, year, action } = input;
  const reason = input.reason?.trim() || null;
  if (action === "submit") assertOwnLevel({ user }, code, dir);
  if (action === "return" || action === "approve") {
    const refusal = reviewRefusal(user, code, dir);
    if (refusal) throw new ForbiddenError({ reason: refusal });
  }
  return db.transaction(async (tx) => {
    const [plan] = await tx.select({ status: plans.status }).from(plans).where(eq(plans.id, planId));
    if (!plan) throw new NotFoundError({ entity: "plan", entityId: planId });
    if (plan.status === "archived") throw new YearLockedError({ reason: "规划已归档，只读" });
    const before = await lockCycle(tx, planId, year);
    if (action === "submit" && user.role !== "admin") {
      // A closed window makes the year read-only for everyone but administrators, submit included.
      const w = await windowFor(tx, dir, code, year);
      if (w?.closedAt)
        throw new YearLockedError({ reason: `${year}年填报窗口已关闭，不能提交（请联系系统管理员）` });
    }
    const next = transition(
      { state: before.state, submittedById: before.submittedById },
      { action, by: { id: user.id, role: user.role }, reason },
    );
    if (Result.isFailure(next)) throw asApiError(next.failure);
    if (action === "submit") {
      const checks = await yearChecks(tx, planId, year);
      if (checks.problems.length) {
        throw new ValidationError({
          issues: checks.problems.map((p) => ({
            path: ["indicators", p.indicatorId, p.kind],
            message: p.message,
          })),
        });
      }
    }
    const now = new Date();
    const changes: Partial<CycleRow> =
      action === "submit"
        ? { submittedById: user.id, submittedBy: actor.name, submittedAt: now, returnReason: null }
        : action === "return"
          ? { reviewedById: user.id, reviewedBy: actor.name, reviewedAt: now, returnReason: reason }
          : action === "approve"
            ? { reviewedById: user.id, reviewedBy: actor.name, reviewedAt: now, returnReason: null }
            : { unlockedBy: actor.name, unlockedAt: now, unlockReason: reason };
    const [after] = await tx
      .update(reportingCycles)
      .set({
        ...changes,
        state: next.success,
        version: before.version + 1,
        updatedAt: now,
        updatedBy: actor.name,
      })
      .where(and(eq(reportingCycles.planId, planId), eq(reportingCycles.year, year)))
      .returning();
    await writeAudit(tx, actor, {
      action,
      entity: "reportingCycle",
      entityId: `${planId}/${year}`,
      jurisdictionCode: code,
      before,
      after,
    });
    return cycleDto(planId, year, after!);
  });
}

/** Role and self-review refusals are authorisation failures; a missing reason is bad input. */
function asApiError(e: CycleTransitionError): Error {
  const r = e.refusal;
  if (r.kind === "role" || r.kind === "ownSubmission") return new ForbiddenError({ reason: e.message });
  if (r.kind === "reasonRequired") return new ValidationError({ issues: [{ path: [], message: e.message }] });
  return e;
}

/** 未填报 / 已退回 → 填报中 after a save that changed something (same transaction, audited). */
export async function markFilling(tx: Db, actor: Actor, code: string, row: CycleRow): Promise<void> {
  if (row.state === "filling") return;
  const [after] = await tx
    .update(reportingCycles)
    .set({ state: "filling", version: row.version + 1, updatedAt: new Date(), updatedBy: actor.name })
    .where(and(eq(reportingCycles.planId, row.planId), eq(reportingCycles.year, row.year)))
    .returning();
  await writeAudit(tx, actor, {
    action: "save",
    entity: "reportingCycle",
    entityId: `${row.planId}/${row.year}`,
    jurisdictionCode: code,
    before: row,
    after,
  });
}

// ---------------------------------------------------------------- lists

interface PlanYear {
  planId: string;
  title: string;
  jurisdictionCode: string;
  jurisdictionName: string;
}

/** 待审核: submitted years of plans below the reviewer's jurisdiction. */
export async function reviewQueue(
  db: Db,
  dir: JurisdictionDirectory,
  user: User,
  input: { year?: number | undefined },
): Promise<QueueItemDto[]> {
  if (user.role !== "admin" && user.role !== "planner") return [];
  const scope =
    user.role === "admin" || user.jurisdictionCode === null
      ? null
      : dir.subtree(user.jurisdictionCode).filter((c) => c !== user.jurisdictionCode);
  if (scope && scope.length === 0) return [];
  const conds = [eq(reportingCycles.state, "submitted")];
  if (input.year) conds.push(eq(reportingCycles.year, input.year));
  if (scope) conds.push(inArray(plans.jurisdictionCode, scope));
  const rows = await db
    .select({ c: reportingCycles, title: plans.title, code: plans.jurisdictionCode })
    .from(reportingCycles)
    .innerJoin(plans, eq(plans.id, reportingCycles.planId))
    .where(and(...conds))
    .orderBy(asc(reportingCycles.submittedAt));
  return rows.map((r) => ({
    ...cycleDto(r.c.planId, r.c.year, r.c),
    title: r.title,
    jurisdictionCode: r.code,
    jurisdictionName: dir.byCode.get(r.code)?.name ?? r.code,
    ownSubmission: r.c.submittedById === user.id,
  }));
}

async function filledCounts(db: Db, planIds: readonly string[], years: readonly number[]) {
  const out = new Map<string, { filled: number; total: number }>();
  if (!planIds.length || !years.length) return out;
  const inds = await db
    .select({ id: indicators.id, planId: indicators.planId })
    .from(indicators)
    // 主要指标 only, as a plan's own 已填 n/m
    .where(
      and(
        inArray(indicators.planId, [...planIds]),
        isNull(indicators.taskId),
        isNull(indicators.projectItemId),
      ),
    );
  const totals = new Map<string, number>();
  const planOf = new Map<string, string>();
  for (const i of inds) {
    totals.set(i.planId, (totals.get(i.planId) ?? 0) + 1);
    planOf.set(i.id, i.planId);
  }
  const obs = inds.length
    ? await db
        .selectDistinct({ indicatorId: observations.indicatorId, year: observations.year })
        .from(observations)
        .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
        .where(and(inArray(indicators.planId, [...planIds]), inArray(observations.year, [...years])))
    : [];
  for (const p of planIds)
    for (const y of years) out.set(`${p}/${y}`, { filled: 0, total: totals.get(p) ?? 0 });
  for (const o of obs) {
    const key = `${planOf.get(o.indicatorId)}/${o.year}`;
    const c = out.get(key);
    if (c) c.filled++;
  }
  return out;
}

/** A clerk's to-do: their level's plans × years with an open window, plus returned years. */
export async function todo(db: Db, dir: JurisdictionDirectory, user: User): Promise<TodoItemDto[]> {
  if (user.jurisdictionCode === null || user.role === "viewer") return [];
  const code = user.jurisdictionCode;
  const myPlans = await db
    .select({ id: plans.id, title: plans.title, periodStart: plans.periodStart, periodEnd: plans.periodEnd })
    .from(plans)
    .where(and(eq(plans.jurisdictionCode, code), ne(plans.status, "archived")));
  if (!myPlans.length) return [];
  const windows = await db.select().from(reportingWindows).where(isNull(reportingWindows.closedAt));
  const years = [...new Set(windows.map((w) => w.year))].filter((y) =>
    pickWindow(
      windows.filter((w) => w.year === y),
      dir,
      code,
    ),
  );
  const cycles = await db
    .select()
    .from(reportingCycles)
    .where(
      inArray(
        reportingCycles.planId,
        myPlans.map((p) => p.id),
      ),
    );
  const cycleOf = new Map(cycles.map((c) => [`${c.planId}/${c.year}`, c]));
  const items: { planId: string; year: number; deadline: string | null }[] = [];
  for (const p of myPlans) {
    for (const y of years) {
      if (y < p.periodStart - 1 || y > p.periodEnd) continue;
      items.push({
        planId: p.id,
        year: y,
        deadline: pickWindow(
          windows.filter((w) => w.year === y),
          dir,
          code,
        )!.deadline,
      });
    }
  }
  for (const c of cycles) {
    if (c.state === "returned" && !items.some((i) => i.planId === c.planId && i.year === c.year)) {
      items.push({ planId: c.planId, year: c.year, deadline: null });
    }
  }
  const counts = await filledCounts(
    db,
    myPlans.map((p) => p.id),
    [...new Set(items.map((i) => i.year))],
  );
  const titles = new Map(myPlans.map((p) => [p.id, p.title]));
  const d = today();
  return items
    .map((i) => {
      const c = cycleOf.get(`${i.planId}/${i.year}`) ?? null;
      const state = c?.state ?? "notStarted";
      return {
        ...cycleDto(i.planId, i.year, c),
        title: titles.get(i.planId)!,
        deadline: i.deadline,
        reminder: i.deadline
          ? reminderFor(i.deadline, d, state === "submitted" || state === "approved")
          : null,
        completeness: counts.get(`${i.planId}/${i.year}`) ?? { filled: 0, total: 0 },
      };
    })
    .sort(
      (a, b) =>
        Number(b.state === "returned") - Number(a.state === "returned") ||
        (a.deadline ?? "").localeCompare(b.deadline ?? "") ||
        a.title.localeCompare(b.title),
    );
}

// The bucket rule is the domain's (one rule for the subtree and national views).
export { type CompletenessBucket, completenessBucket };

/**
 * Cached per data change like the verdict views: any audited write in the subtree (values, cycle
 * moves, plans) or at an ancestor (a window opened there) recomputes it; the day is part of the
 * key because 逾期 and the reminders depend on it.
 */
export function completenessView(
  database: Database,
  dir: JurisdictionDirectory,
  root: string,
  year: number,
): Promise<CompletenessView> {
  const scopes = [...dir.subtree(root), ...dir.ancestors(root)].map(jurisdictionScope);
  return namedCache<CompletenessView>(database.changes, "cycle.completeness").get(
    `${root}/${year}/${today()}/${dir.all.length}`,
    async () => ({ value: await computeCompleteness(database.db, dir, root, year), scopes }),
  );
}

async function computeCompleteness(
  db: Db,
  dir: JurisdictionDirectory,
  root: string,
  year: number,
): Promise<CompletenessView> {
  const codes = dir.subtree(root);
  const planRows: (PlanYear & { id: string })[] = (
    await db
      .select({ id: plans.id, title: plans.title, code: plans.jurisdictionCode })
      .from(plans)
      .where(
        and(
          inArray(plans.jurisdictionCode, codes),
          ne(plans.status, "archived"),
          lte(plans.periodStart, year),
          gte(plans.periodEnd, year),
        ),
      )
      .orderBy(asc(plans.jurisdictionCode), asc(plans.title))
  ).map((p) => ({
    id: p.id,
    planId: p.id,
    title: p.title,
    jurisdictionCode: p.code,
    jurisdictionName: dir.byCode.get(p.code)?.name ?? p.code,
  }));
  const ids = planRows.map((p) => p.id);
  const [cycles, windows, counts] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(reportingCycles)
          .where(and(inArray(reportingCycles.planId, ids), eq(reportingCycles.year, year)))
      : Promise.resolve([]),
    db.select().from(reportingWindows).where(eq(reportingWindows.year, year)),
    filledCounts(db, ids, [year]),
  ]);
  const cycleOf = new Map(cycles.map((c) => [c.planId, c]));
  const d = today();
  const totals: Record<CompletenessBucket, number> = {
    approved: 0,
    submitted: 0,
    notSubmitted: 0,
    returned: 0,
    overdue: 0,
  };
  const rows = planRows.map((p) => {
    const c = cycleOf.get(p.id) ?? null;
    const state = c?.state ?? "notStarted";
    const w = pickWindow(windows, dir, p.jurisdictionCode);
    const { bucket, reminder } = completenessBucket(state, w, d);
    totals[bucket]++;
    return {
      planId: p.id,
      title: p.title,
      jurisdictionCode: p.jurisdictionCode,
      jurisdictionName: p.jurisdictionName,
      level: dir.byCode.get(p.jurisdictionCode)?.level ?? null,
      state,
      bucket,
      deadline: w?.deadline ?? null,
      reminder,
      returnReason: c?.returnReason ?? null,
      submittedAt: iso(c?.submittedAt),
      completeness: counts.get(`${p.id}/${year}`) ?? { filled: 0, total: 0 },
    };
  });
  return { root, year, totals, rows };
}

// ---------------------------------------------------------------- windows

export async function listWindows(db: Db, input: { year?: number | undefined }) {
  const rows = await db
    .select()
    .from(reportingWindows)
    .where(input.year ? eq(reportingWindows.year, input.year) : undefined)
    .orderBy(asc(reportingWindows.year), asc(reportingWindows.rootCode));
  return rows.map((w) => ({
    ...windowDto(w)!,
    version: w.version,
    createdBy: w.createdBy,
    closedBy: w.closedBy,
    closedAt: iso(w.closedAt),
  }));
}

/** Opens (or re-opens with a new deadline) year Y for a subtree. */
export async function openWindow(
  db: Db,
  actor: Actor,
  input: { year: number; rootCode: string | null; deadline: string },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reportingWindows)
      .where(
        and(
          eq(reportingWindows.year, input.year),
          input.rootCode === null
            ? isNull(reportingWindows.rootCode)
            : eq(reportingWindows.rootCode, input.rootCode),
        ),
      )
      .for("update");
    const [after] = before
      ? await tx
          .update(reportingWindows)
          .set({
            deadline: input.deadline,
            closedAt: null,
            closedBy: null,
            version: before.version + 1,
            updatedAt: new Date(),
            updatedBy: actor.name,
          })
          .where(eq(reportingWindows.id, before.id))
          .returning()
      : await tx
          .insert(reportingWindows)
          .values({ ...input, createdBy: actor.name, updatedBy: actor.name })
          .returning();
    await writeAudit(tx, actor, {
      action: before ? "reopenWindow" : "openWindow",
      entity: "reportingWindow",
      entityId: after!.id,
      jurisdictionCode: input.rootCode,
      before: before ?? null,
      after,
    });
    return windowDto(after!)!;
  });
}

export async function closeWindow(db: Db, actor: Actor, input: { id: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reportingWindows)
      .where(eq(reportingWindows.id, input.id))
      .for("update");
    if (!before) throw new NotFoundError({ entity: "reportingWindow", entityId: input.id });
    const [after] = await tx
      .update(reportingWindows)
      .set({
        closedAt: new Date(),
        closedBy: actor.name,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: actor.name,
      })
      .where(eq(reportingWindows.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "closeWindow",
      entity: "reportingWindow",
      entityId: before.id,
      jurisdictionCode: before.rootCode,
      before,
      after,
    });
    return windowDto(after!)!;
  });
}

// ---------------------------------------------------------------- causes and measures, assessments

export async function listExplanations(db: Db, input: { planId: string; year: number }) {
  const rows = await db
    .select({ e: indicatorExplanations })
    .from(indicatorExplanations)
    .innerJoin(indicators, eq(indicators.id, indicatorExplanations.indicatorId))
    .where(and(eq(indicators.planId, input.planId), eq(indicatorExplanations.year, input.year)))
    .orderBy(asc(indicators.position));
  return rows.map(({ e }) => ({
    indicatorId: e.indicatorId,
    year: e.year,
    cause: e.cause,
    measure: e.measure,
    responsibleUnit: e.responsibleUnit,
    version: e.version,
    updatedBy: e.updatedBy,
    updatedAt: iso(e.updatedAt),
  }));
}

/**
 * Saves 原因 / 整改措施 / 责任单位 rows (version-checked; an empty cause and measure deletes the row).
 * Only the rows sent are touched.
 */
export async function saveExplanations(
  db: Db,
  dir: JurisdictionDirectory,
  actor: Actor,
  user: User,
  code: string,
  input: {
    planId: string;
    year: number;
    rows: {
      indicatorId: string;
      cause: string;
      measure: string | null;
      responsibleUnit: string | null;
      version: number | null;
    }[];
  },
) {
  return db.transaction(async (tx) => {
    const cycle = await assertYearWritable(tx, dir, { user }, input.planId, input.year);
    const ids = input.rows.map((r) => r.indicatorId);
    const own = ids.length
      ? await tx
          .select({ id: indicators.id })
          .from(indicators)
          .where(and(eq(indicators.planId, input.planId), inArray(indicators.id, ids)))
      : [];
    const ownIds = new Set(own.map((o) => o.id));
    const bad = input.rows.findIndex((r) => !ownIds.has(r.indicatorId));
    if (bad >= 0)
      throw new ValidationError({
        issues: [{ path: ["rows", bad, "indicatorId"], message: "指标不属于该规划" }],
      });
    const current = ids.length
      ? await tx
          .select()
          .from(indicatorExplanations)
          .where(
            and(inArray(indicatorExplanations.indicatorId, ids), eq(indicatorExplanations.year, input.year)),
          )
          .for("update")
      : [];
    const byId = new Map(current.map((c) => [c.indicatorId, c]));
    const audit = [];
    for (const r of input.rows) {
      const cur = byId.get(r.indicatorId);
      if ((cur?.version ?? null) !== r.version) {
        throw new ValidationError({
          issues: [
            {
              path: ["rows", r.indicatorId, "version"],
              message: `原因说明已被${cur?.updatedBy ?? "他人"}修改，请刷新后重试`,
            },
          ],
        });
      }
      const empty = !r.cause.trim() && !r.measure?.trim() && !r.responsibleUnit?.trim();
      if (empty) {
        if (cur) {
          await tx
            .delete(indicatorExplanations)
            .where(
              and(
                eq(indicatorExplanations.indicatorId, r.indicatorId),
                eq(indicatorExplanations.year, input.year),
              ),
            );
          audit.push({
            action: "delete",
            entity: "indicatorExplanation",
            entityId: `${r.indicatorId}/${input.year}`,
            jurisdictionCode: code,
            before: cur,
          });
        }
        continue;
      }
      const values = {
        cause: r.cause.trim(),
        measure: r.measure?.trim() || null,
        responsibleUnit: r.responsibleUnit?.trim() || null,
      };
      const [after] = cur
        ? await tx
            .update(indicatorExplanations)
            .set({ ...values, version: cur.version + 1, updatedAt: new Date(), updatedBy: actor.name })
            .where(
              and(
                eq(indicatorExplanations.indicatorId, r.indicatorId),
                eq(indicatorExplanations.year, input.year),
              ),
            )
            .returning()
        : await tx
            .insert(indicatorExplanations)
            .values({ indicatorId: r.indicatorId, year: input.year, ...values, updatedBy: actor.name })
            .returning();
      audit.push({
        action: cur ? "update" : "create",
        entity: "indicatorExplanation",
        entityId: `${r.indicatorId}/${input.year}`,
        jurisdictionCode: code,
        before: cur ?? null,
        after,
      });
    }
    if (audit.length) {
      await writeAudit(tx, actor, audit);
      await markFilling(tx, actor, code, cycle);
    }
    return listExplanations(tx, input);
  });
}

export async function listAssessments(db: Db, input: { planId: string; year: number }) {
  const rows = await db
    .select({ a: observationAssessments })
    .from(observationAssessments)
    .innerJoin(indicators, eq(indicators.id, observationAssessments.indicatorId))
    .where(and(eq(indicators.planId, input.planId), eq(observationAssessments.year, input.year)))
    .orderBy(asc(indicators.position));
  return rows.map(({ a }) => ({
    indicatorId: a.indicatorId,
    year: a.year,
    subject: a.subject,
    grade: a.grade,
    reason: a.reason,
    version: a.version,
    updatedBy: a.updatedBy,
  }));
}

/** A person's judgement beside a figure; grade null removes it. Version-checked like a value. */
export async function saveAssessment(
  db: Db,
  dir: JurisdictionDirectory,
  actor: Actor,
  user: User,
  code: string,
  input: {
    indicatorId: string;
    year: number;
    subject: string | null;
    grade: AssessmentGrade | null;
    reason: string | null;
    version: number | null;
  },
) {
  return db.transaction(async (tx) => {
    const [ind] = await tx
      .select({ planId: indicators.planId })
      .from(indicators)
      .where(eq(indicators.id, input.indicatorId));
    if (!ind) throw new NotFoundError({ entity: "indicator", entityId: input.indicatorId });
    const cycle = await assertYearWritable(tx, dir, { user }, ind.planId, input.year);
    const key = and(
      eq(observationAssessments.indicatorId, input.indicatorId),
      eq(observationAssessments.year, input.year),
      input.subject === null
        ? isNull(observationAssessments.subject)
        : eq(observationAssessments.subject, input.subject),
    );
    const [cur] = await tx.select().from(observationAssessments).where(key).for("update");
    if ((cur?.version ?? null) !== input.version) {
      throw new ValidationError({
        issues: [{ path: ["version"], message: `研判已被${cur?.updatedBy ?? "他人"}修改，请刷新后重试` }],
      });
    }
    let after: typeof observationAssessments.$inferSelect | null = null;
    if (input.grade === null) {
      if (!cur) return null;
      await tx.delete(observationAssessments).where(key);
    } else if (cur) {
      [after] = (await tx
        .update(observationAssessments)
        .set({
          grade: input.grade,
          reason: input.reason?.trim() || null,
          version: cur.version + 1,
          updatedAt: new Date(),
          updatedBy: actor.name,
        })
        .where(key)
        .returning()) as [typeof observationAssessments.$inferSelect];
    } else {
      [after] = (await tx
        .insert(observationAssessments)
        .values({
          indicatorId: input.indicatorId,
          year: input.year,
          subject: input.subject,
          grade: input.grade,
          reason: input.reason?.trim() || null,
          updatedBy: actor.name,
        })
        .returning()) as [typeof observationAssessments.$inferSelect];
    }
    await writeAudit(tx, actor, {
      action: input.grade === null ? "delete" : cur ? "update" : "create",
      entity: "observationAssessment",
      entityId: `${input.indicatorId}/${input.year}/${input.subject ?? ""}`,
      jurisdictionCode: code,
      before: cur ?? null,
      after,
    });
    await markFilling(tx, actor, code, cycle);
    return after
      ? {
          indicatorId: after.indicatorId,
          year: after.year,
          subject: after.subject,
          grade: after.grade,
          reason: after.reason,
          version: after.version,
          updatedBy: after.updatedBy,
        }
      : null;
  });
}
