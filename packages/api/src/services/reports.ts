import {
  type Actor,
  assertVersion,
  bump,
  type Db,
  indicatorExplanations,
  indicators as indicatorTable,
  loadCreditSection,
  NotFoundError,
  plans,
  projectItems,
  projects as projectTable,
  reportingCycles,
  tasks as taskTable,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { isoDateInChina } from "@ybplan/domain/common";
import { evaluateIndicator } from "@ybplan/domain/evaluation";
import { isWorkIndicator } from "@ybplan/domain/indicator";
import type { Jurisdiction } from "@ybplan/domain/jurisdiction";
import {
  buildPlanReport,
  type ChildSummary,
  type EvaluateFn,
  type PlanReport,
  type Remedy,
  type ReportKind,
  summariseReport,
  type WorkIndicatorOwners,
  type WorkIndicatorRow,
  workIndicatorRows,
} from "@ybplan/domain/report";
import type { OutlineKind } from "@ybplan/domain/task";
import type { ReportFormat } from "@ybplan/reports";
import { and, asc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import { policyChangesBetween } from "./policies.ts";
import { procurementSectionForPlan } from "./procurement.ts";
import { loadPlanBundles, type PlanBundle } from "./read-model.ts";
import { listProjects, listTasks } from "./work-items.ts";

/**
 * Monitoring reports (年度监测报告, 中期评估) for download: the report model is built from this
 * package's own services (indicators, observations with procurement-derived values in place, as the
 * overview judges them; tasks and 专栏 with progress notes), plus the procurement and credit
 * sections when there is data and a line per readable plan below the plan's jurisdiction; then
 * rendered by @ybplan/reports.
 */

export interface GenerateReportInput {
  readonly planId: string;
  readonly year: number;
  readonly kind: ReportKind;
  readonly format: ReportFormat;
  /** 成文日期 (ISO date); default today. */
  readonly issuedOn?: string | undefined;
}

export interface GeneratedReport {
  /** e.g. 黄石市医疗保障事业发展“十四五”规划_2023年度监测报告.docx */
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
}

function jurisdictionOf(dir: JurisdictionDirectory, code: string): Jurisdiction {
  const j = dir.byCode.get(code);
  if (!j) throw new NotFoundError({ entity: "jurisdiction", entityId: code });
  return j;
}

/** How a report judges the plan's indicators: the engine over the plan period. */
function evaluatorOf(plan: PlanBundle["plan"]): EvaluateFn {
  const period = { baselineYear: plan.baselineYear, periodEnd: plan.periodEnd };
  return (indicator, observations, year) => evaluateIndicator({ indicator, observations, year, period });
}

/** The report of a plan's bundle (indicators with revisions, observations as judged). */
function buildReport(
  { plan, indicators, observations }: PlanBundle,
  jurisdiction: Jurisdiction,
  year: number,
  kind: ReportKind,
  data: Omit<
    Parameters<typeof buildPlanReport>[0],
    "plan" | "indicators" | "observations" | "jurisdiction" | "year" | "kind" | "evaluate"
  >,
): PlanReport {
  return buildPlanReport({
    ...data,
    plan,
    indicators,
    observations,
    jurisdiction,
    year,
    kind,
    evaluate: evaluatorOf(plan),
  });
}

/**
 * Summaries of the plans below `code` in force in `year`, limited to jurisdictions the caller may
 * read (`readable` null = all), in jurisdiction order.
 */
async function childSummaries(
  db: Db,
  dir: JurisdictionDirectory,
  code: string,
  year: number,
  kind: ReportKind,
  readable: ReadonlySet<string> | null,
): Promise<ChildSummary[]> {
  const below = dir.subtree(code).filter((c) => c !== code && (readable === null || readable.has(c)));
  if (below.length === 0) return [];
  const rows = await db
    .select({ id: plans.id, jurisdictionCode: plans.jurisdictionCode })
    .from(plans)
    .where(
      and(
        inArray(plans.jurisdictionCode, below),
        ne(plans.status, "archived"),
        lte(plans.periodStart, year),
        gte(plans.periodEnd, year),
      ),
    )
    .orderBy(asc(plans.jurisdictionCode), asc(plans.title));
  const bundles = await loadPlanBundles(db, { planIds: rows.map((r) => r.id), upToYear: year });
  return rows.flatMap((row) => {
    const bundle = bundles.get(row.id);
    if (!bundle) return [];
    const report = buildReport(bundle, jurisdictionOf(dir, row.jurisdictionCode), year, kind, {
      tasks: [],
      projects: [],
    });
    return [summariseReport(report)];
  });
}

/**
 * 主送机关 of a report: the bureau of the level above and the jurisdiction's own government
 * ("湖北省医疗保障局，黄石市人民政府"); a province reports to the national bureau.
 */
function recipientOf(dir: JurisdictionDirectory, j: Jurisdiction): string {
  const parent = j.parentCode ? dir.byCode.get(j.parentCode) : undefined;
  const above = parent ? `${parent.name}医疗保障局` : "国家医疗保障局";
  return `${above}，${j.name}人民政府`;
}

/** The plan's bundle up to a report year, which must lie in the plan period (a report exists for it). */
async function reportBundle(
  db: Db,
  input: { readonly planId: string; readonly year: number },
): Promise<PlanBundle> {
  const bundle = (await loadPlanBundles(db, { planIds: [input.planId], upToYear: input.year })).get(
    input.planId,
  );
  if (!bundle) throw new NotFoundError({ entity: "plan", entityId: input.planId });
  const { plan } = bundle;
  if (input.year < plan.periodStart || input.year > plan.periodEnd) {
    throw new ValidationError({
      issues: [{ path: ["year"], message: `报告年份须在规划期 ${plan.periodStart}—${plan.periodEnd} 年内` }],
    });
  }
  return bundle;
}

/**
 * The report's 工作指标完成情况 rows without the rest of the report (`reports.workIndicators`, the
 * CLI's evaluate): the plan's bundle and its outline's names, through the report's own row
 * builder, so they equal `planReport(…).workIndicators`. No confirmed work indicator, no outline read.
 */
export async function planWorkIndicators(
  db: Db,
  input: { readonly planId: string; readonly year: number },
): Promise<WorkIndicatorRow[]> {
  const bundle = await reportBundle(db, input);
  const { plan, indicators, observations } = bundle;
  if (!indicators.some(isWorkIndicator)) return [];
  return workIndicatorRows({
    plan,
    indicators,
    observations,
    year: input.year,
    evaluate: evaluatorOf(plan),
    ...(await outlineOwners(db, plan.id)),
  });
}

/** The names and order of a plan's tasks and 专栏 items: all a work indicator's owner line needs. */
async function outlineOwners(db: Db, planId: string): Promise<WorkIndicatorOwners> {
  const [tasks, items] = await Promise.all([
    db
      .select({
        id: taskTable.id,
        number: taskTable.number,
        title: taskTable.title,
        position: taskTable.position,
      })
      .from(taskTable)
      .where(eq(taskTable.planId, planId)),
    db
      .select({
        id: projectItems.id,
        number: projectItems.number,
        title: projectItems.title,
        position: projectItems.position,
        project: { id: projectTable.id, number: projectTable.number, position: projectTable.position },
      })
      .from(projectItems)
      .innerJoin(projectTable, eq(projectTable.id, projectItems.projectId))
      .where(eq(projectTable.planId, planId)),
  ]);
  // A 专栏 box without items owns nothing: the boxes are those the items name.
  const boxes = new Map<string, { number: string; position: number; items: (typeof items)[number][] }>();
  for (const item of items) {
    const box = boxes.get(item.project.id) ?? { ...item.project, items: [] };
    box.items.push(item);
    boxes.set(item.project.id, box);
  }
  return { tasks, projects: [...boxes.values()] };
}

/** Builds the report model of a plan (exported for callers that render it themselves). */
export async function planReport(
  db: Db,
  dir: JurisdictionDirectory,
  input: Omit<GenerateReportInput, "format">,
  readable: ReadonlySet<string> | null,
): Promise<PlanReport> {
  const bundle = await reportBundle(db, input);
  const { plan } = bundle;
  const jurisdiction = jurisdictionOf(dir, plan.jurisdictionCode);
  // 待遇政策调整: the year for an annual report, the period so far for the mid-term review.
  const policyWindow = {
    from: `${input.kind === "midTerm" ? plan.baselineYear : input.year - 1}-12-31`,
    to: `${input.year}-12-31`,
  };
  const [tasks, projects, procurement, credit, children, remedies, cycle, policyChanges] = await Promise.all([
    tasksWithKinds(db, plan.id),
    listProjects(db, plan.id),
    procurementSectionForPlan(db, plan.id, input.year),
    loadCreditSection(db, {
      jurisdictionCode: jurisdiction.code,
      jurisdictionName: jurisdiction.name,
      year: input.year,
    }),
    childSummaries(db, dir, plan.jurisdictionCode, input.year, input.kind, readable),
    remediesOf(db, plan.id, input.year),
    db
      .select({
        state: reportingCycles.state,
        unlockedAt: reportingCycles.unlockedAt,
        unlockedBy: reportingCycles.unlockedBy,
        unlockReason: reportingCycles.unlockReason,
      })
      .from(reportingCycles)
      .where(and(eq(reportingCycles.planId, plan.id), eq(reportingCycles.year, input.year))),
    policyChangesBetween(db, dir, jurisdiction.code, policyWindow.from, policyWindow.to),
  ]);
  return buildReport(bundle, jurisdiction, input.year, input.kind, {
    recipient: recipientOf(dir, jurisdiction),
    remedies,
    // No row: the year was never opened in the cycle (未填报).
    dataState: cycle[0]?.state ?? "notStarted",
    unlock: cycle[0]?.unlockedAt
      ? { at: cycle[0].unlockedAt.toISOString(), by: cycle[0].unlockedBy, reason: cycle[0].unlockReason }
      : null,
    issuedOn: input.issuedOn ?? isoDateInChina(new Date()),
    tasks,
    // Items carry their plan (the DTO leaves it out: it hangs under the project).
    projects: projects.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, planId: p.planId })) })),
    procurement,
    credit,
    children,
    policyChanges: { changes: policyChanges, window: policyWindow },
  });
}

/** 原因 / 整改措施 / 责任单位 entered for the plan's indicators in the year (reporting cycle). */
async function remediesOf(db: Db, planId: string, year: number): Promise<Map<string, Remedy>> {
  const rows = await db
    .select({ e: indicatorExplanations })
    .from(indicatorExplanations)
    .innerJoin(indicatorTable, eq(indicatorTable.id, indicatorExplanations.indicatorId))
    .where(and(eq(indicatorTable.planId, planId), eq(indicatorExplanations.year, year)));
  return new Map(
    rows.map(({ e }) => [
      e.indicatorId,
      {
        cause: e.cause.trim() || null,
        measure: e.measure?.trim() || null,
        responsibleUnit: e.responsibleUnit?.trim() || null,
      },
    ]),
  );
}

/** The plan's outline with each node's kind (the DTO does not carry it). */
async function tasksWithKinds(db: Db, planId: string) {
  const [list, kinds] = await Promise.all([
    listTasks(db, planId),
    db.select({ id: taskTable.id, kind: taskTable.kind }).from(taskTable).where(eq(taskTable.planId, planId)),
  ]);
  const byId = new Map(kinds.map((k) => [k.id, k.kind]));
  return list.map((t) => ({ ...t, kind: byId.get(t.id) ?? null }));
}

/**
 * A planner's correction of an outline node's kind (a principle the importer took for a task, a
 * task it took for a safeguard). Versioned and audited; a re-import keeps it.
 */
export async function setOutlineKind(
  db: Db,
  actor: Actor,
  code: string,
  input: { readonly taskId: string; readonly kind: OutlineKind; readonly version: number },
): Promise<{ id: string; kind: OutlineKind; version: number }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(taskTable).where(eq(taskTable.id, input.taskId)).for("update");
    if (!before) throw new NotFoundError({ entity: "task", entityId: input.taskId });
    assertVersion("task", before.id, before, input.version);
    const [after] = await tx
      .update(taskTable)
      .set({ kind: input.kind, kindSource: "planner", ...bump(before, actor.name) })
      .where(eq(taskTable.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "task",
      entityId: before.id,
      jurisdictionCode: code,
      before,
      after,
    });
    return { id: after!.id, kind: input.kind, version: after!.version };
  });
}

/** Characters no file system accepts (controls too), and the title's book-title marks. */
const unsafeChar = (c: string) => '\\/:*?"<>|《》'.includes(c) || c.charCodeAt(0) < 0x20;

/** "黄石市医疗保障事业发展“十四五”规划_2023年度监测报告.docx" / "…_2021—2023年中期评估报告.docx". */
function downloadFileName(report: PlanReport, format: ReportFormat): string {
  const title = [...report.plan.title]
    .filter((c) => !unsafeChar(c))
    .join("")
    .trim();
  const what =
    report.kind === "midTerm"
      ? `${report.coveredYears[0] ?? report.plan.periodStart}—${report.year}年中期评估报告`
      : `${report.year}年度监测报告`;
  return `${title}_${what}.${format}`;
}

export async function generateReport(
  db: Db,
  dir: JurisdictionDirectory,
  input: GenerateReportInput,
  readable: ReadonlySet<string> | null,
): Promise<GeneratedReport> {
  const report = await planReport(db, dir, input, readable);
  // Loaded on use: the renderers (docx, echarts, exceljs) are the heaviest modules of the API.
  const { renderReport } = await import("@ybplan/reports");
  const file = await renderReport(report, input.format);
  return {
    fileName: downloadFileName(report, input.format),
    mimeType: file.mimeType,
    base64: Buffer.from(file.data).toString("base64"),
  };
}
