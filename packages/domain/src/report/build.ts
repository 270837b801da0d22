import { type CycleState, cycleStateLabels } from "../cycle/state.ts";
import { ownYearTarget, type TargetInForceEntry, targetInForce } from "../cycle/targets.ts";
import type { Verdict } from "../evaluation/verdict.ts";
import { type Indicator, indicatorAttributeLabels, isWorkIndicator } from "../indicator/schema.ts";
import type { Jurisdiction } from "../jurisdiction/schema.ts";
import type { Observation } from "../observation/schema.ts";
import type { Plan } from "../plan/schema.ts";
import type { PolicyChange } from "../policy/in-force.ts";
import { keyTaskKeys } from "../task/outline-kind.ts";
import {
  type Project,
  type ProjectItem,
  type Task,
  type WorkStatus,
  workStatusLabels,
} from "../task/schema.ts";
import { toSimplified } from "../text/simplify.ts";
import { cellNumber, cellText, formatQuantity, formatSignedChange, scopeWordOf } from "./format.ts";
import { withFundFacts } from "./fund.ts";
import { midTermReview } from "./midterm.ts";
import type {
  ChildSummary,
  CreditSection,
  EvaluationLike,
  IndicatorRow,
  PlanReport,
  ProcurementSection,
  ProjectProgress,
  ReportKind,
  ReviewGrade,
  StatusCounts,
  TaskProgressSection,
  TrajectorySeries,
  VerdictCounts,
  WorkIndicatorRow,
  WorkRow,
  YearChange,
  YearValue,
} from "./model.ts";
import {
  breachParagraphs,
  categoryParagraphs,
  childParagraphs,
  overviewParagraphs,
  projectParagraphs,
  reviewParagraphs,
  taskParagraphs,
  verdictOrder,
} from "./narrative.ts";
import { type PolicyWindow, policySection } from "./policy.ts";
import { alignProcurementSection } from "./procurement.ts";
import { readEvaluation, reportVerdictLabels } from "./reading.ts";
import { reviewGrade, reviewGradeLabels, reviewGradeOrder, timeElapsedExpected } from "./review.ts";

/** Evaluates one indicator for the report year (the evaluation engine's `evaluateIndicator`). */
export type EvaluateFn = (
  indicator: Indicator,
  observations: readonly Observation[],
  year: number,
) => EvaluationLike;

export interface BuildPlanReportInput {
  readonly plan: Plan;
  readonly jurisdiction: Jurisdiction;
  /** With `targetRevisions` (中期调整) where a target was revised: the one in force is printed. */
  readonly indicators: readonly (Indicator & {
    readonly targetRevisions?: readonly TargetInForceEntry[] | undefined;
  })[];
  readonly observations: readonly Observation[];
  readonly tasks: readonly Task[];
  /** 专栏 boxes with their items. */
  readonly projects: readonly (Project & { readonly items?: readonly ProjectItem[] })[];
  readonly year: number;
  readonly kind: ReportKind;
  /** Precomputed evaluations by indicator id; missing ones are computed with `evaluate`. */
  readonly evaluations?: ReadonlyMap<string, EvaluationLike>;
  /** How to evaluate an indicator without a precomputed evaluation. */
  readonly evaluate?: EvaluateFn;
  /** Summaries of the plans of the jurisdictions below (a provincial report's city/county table). */
  readonly children?: readonly ChildSummary[];
  readonly procurement?: ProcurementSection | null;
  readonly credit?: CreditSection | null;
  /** Policy parameters changed in the report's window (待遇政策调整), from `compareInForce`. */
  readonly policyChanges?: { readonly changes: readonly PolicyChange[]; readonly window: PolicyWindow };
  /** Tolerance around the time-elapsed line for the review words (default 0.05). */
  readonly reviewTolerance?: number;
  /** Where the year's data stands in the reporting cycle; null when no cycle is kept. */
  readonly dataState?: CycleState | null;
  /** Set when an approved year was unlocked by an administrator. */
  readonly unlock?: YearUnlock | null;
  /** 主送机关 (default: the jurisdiction's people's government). */
  readonly recipient?: string;
  /** 成文日期, ISO date. */
  readonly issuedOn?: string | null;
  /** Causes and measures entered for lagging indicators, by indicator id. */
  readonly remedies?: ReadonlyMap<string, Remedy>;
}

/** What staff entered for a lagging indicator (reporting cycle). */
export interface Remedy {
  readonly cause: string | null;
  readonly measure: string | null;
  readonly responsibleUnit: string | null;
}

function remedyText(r: Remedy | undefined): string | null {
  if (!r || (!r.cause && !r.measure)) return null;
  const parts = [
    r.cause ? `原因：${r.cause}` : "原因：待填报",
    r.measure ? `整改措施：${r.measure}` : "整改措施：待填报",
    ...(r.responsibleUnit ? [`责任单位：${r.responsibleUnit}`] : []),
  ];
  return toSimplified(parts.join("；"));
}

const noEvaluation: EvaluateFn = () => ({
  verdict: "insufficientData",
  breach: false,
  explanation: "未提供评估结果。",
});

/** Builds the report model. Pure: the same input gives the same report. */
export function buildPlanReport(input: BuildPlanReportInput): PlanReport {
  const { plan, jurisdiction, year, kind } = input;
  const scopeWord = scopeWordOf(jurisdiction);
  const years = range(plan.baselineYear, Math.max(year, plan.baselineYear));
  const readRow = rowReader(input, {
    scopeWord,
    tolerance: input.reviewTolerance,
    remedy: (id) => remedyText(input.remedies?.get(id)),
  });

  const charts: TrajectorySeries[] = [];
  // Work indicators of tasks and 专栏 items are not 主要指标: not counted, tabled or charted with them.
  const rows: IndicatorRow[] = [...input.indicators]
    .sort((a, b) => a.position - b.position)
    .filter((i) => !isWorkIndicator(i))
    .map((indicator) => {
      const row = readRow(indicator);
      const chart = trajectory(row, plan);
      if (chart) charts.push(chart);
      return row;
    });
  const workIndicators = workIndicatorRows(input);
  // 约束性 breaches first (progress-assessment.md §1 and §3), then the table's order.
  const read = withFundFacts(rows);
  const ordered = [...read.filter((r) => r.breach), ...read.filter((r) => !r.breach)];
  const counts = countVerdicts(ordered);
  const reviewCounts = countReview(ordered);
  const tasks = taskSection(input.tasks, year);
  const projects = projectSection(input.projects, year);
  const children = [...(input.children ?? [])].sort((a, b) =>
    a.jurisdiction.code.localeCompare(b.jurisdiction.code),
  );
  const coveredYears = kind === "midTerm" ? range(plan.periodStart, year) : [year];

  return {
    kind,
    year,
    years,
    coveredYears,
    title: toSimplified(reportTitle(plan.title, year, kind)),
    plan: {
      id: plan.id,
      title: toSimplified(plan.title),
      issuer: plan.issuer,
      documentNumber: plan.documentNumber,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      baselineYear: plan.baselineYear,
    },
    jurisdiction,
    scopeWord,
    recipient: input.recipient ?? `${jurisdiction.name}人民政府`,
    issuingBureau: `${jurisdiction.name}医疗保障局`,
    issuedOn: input.issuedOn ?? null,
    dataNote: dataNote(year, input.dataState ?? null, input.unlock ?? null),
    indicators: ordered,
    counts,
    reviewCounts,
    tasks,
    projects,
    workIndicators,
    charts,
    children,
    procurement: input.procurement
      ? alignProcurementSection(input.procurement, ordered, scopeWord, year)
      : null,
    credit: input.credit ?? null,
    policy: input.policyChanges
      ? policySection(input.policyChanges.changes, input.policyChanges.window, scopeWord)
      : null,
    midTerm:
      kind === "midTerm"
        ? midTermReview({
            rows: ordered,
            tasks,
            projects,
            year,
            baselineYear: plan.baselineYear,
            periodEnd: plan.periodEnd,
          })
        : null,
    narrative: {
      overview: overviewParagraphs({
        kind,
        planTitle: toSimplified(plan.title),
        scopeWord,
        year,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        counts,
        reviewCounts,
      }),
      indicators: ordered.map((r) => r.sentence),
      categories: categoryParagraphs(ordered),
      breaches: breachParagraphs(ordered, counts),
      tasks: taskParagraphs(tasks.counts),
      projects: projectParagraphs(projects),
      review: kind === "midTerm" ? reviewParagraphs(ordered, reviewCounts, plan.periodStart, year) : [],
      children: childParagraphs(scopeWord, children),
    },
  };
}

/** A report on data not yet approved says so (the figures may still change). */
function dataNote(year: number, state: CycleState | null, unlock: YearUnlock | null): string | null {
  const notes: string[] = [];
  if (state !== null && state !== "approved")
    notes.push(
      `${year}年度监测数据尚未审核通过（当前状态：${cycleStateLabels[state]}），本报告数据以审核结果为准。`,
    );
  if (unlock) {
    const [y, m, d] = unlock.at.slice(0, 10).split("-").map(Number);
    notes.push(
      `${year}年度数据审核通过后曾于${y}年${m}月${d}日${unlock.by ? `由${unlock.by}` : ""}解锁修改${unlock.reason ? `（原因：${unlock.reason}）` : ""}。`,
    );
  }
  return notes.length ? notes.join("") : null;
}

/** An approved year reopened by an administrator (reporting cycle): the report says so. */
export interface YearUnlock {
  /** ISO timestamp. */
  readonly at: string;
  readonly by: string | null;
  readonly reason: string | null;
}

/** "…规划2023年度实施情况监测报告" / "…规划实施中期评估报告". */
export function reportTitle(planTitle: string, year: number, kind: ReportKind): string {
  const base = planTitle.replace(/[《》]/g, "");
  return kind === "midTerm" ? `${base}实施中期评估报告` : `${base}${year}年度实施情况监测报告`;
}

/** A child plan's report reduced to its line in the parent's table. */
export function summariseReport(report: PlanReport): ChildSummary {
  return {
    jurisdiction: report.jurisdiction,
    planTitle: report.plan.title,
    counts: report.counts,
    breaches: report.indicators.filter((r) => r.breach).map((r) => r.name),
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** What a plan's indicator rows are read from: the bundle and how the year is judged. */
interface RowSource {
  readonly plan: Plan;
  readonly indicators: BuildPlanReportInput["indicators"];
  readonly observations: readonly Observation[];
  readonly year: number;
  readonly evaluations?: ReadonlyMap<string, EvaluationLike> | undefined;
  readonly evaluate?: EvaluateFn | undefined;
}

/** Reads one indicator's row of the report year (its observations, evaluation, years shown). */
function rowReader(
  source: RowSource,
  options: {
    readonly scopeWord: string;
    readonly tolerance: number | undefined;
    readonly remedy: (indicatorId: string) => string | null;
  },
): (indicator: BuildPlanReportInput["indicators"][number]) => IndicatorRow {
  const { plan, year } = source;
  const years = range(plan.baselineYear, Math.max(year, plan.baselineYear));
  const evaluate = source.evaluate ?? noEvaluation;
  const byIndicator = new Map<string, Observation[]>();
  for (const o of source.observations) {
    const list = byIndicator.get(o.indicatorId) ?? [];
    list.push(o);
    byIndicator.set(o.indicatorId, list);
  }
  return (indicator) => {
    const observations = byIndicator.get(indicator.id) ?? [];
    const evaluation = source.evaluations?.get(indicator.id) ?? evaluate(indicator, observations, year);
    return indicatorRow({
      indicator,
      observations,
      evaluation,
      plan,
      year,
      years,
      scopeWord: options.scopeWord,
      tolerance: options.tolerance,
      remedy: options.remedy(indicator.id),
      revisions: indicator.targetRevisions,
    });
  };
}

interface RowInput {
  readonly indicator: Indicator;
  readonly observations: readonly Observation[];
  readonly evaluation: EvaluationLike;
  readonly plan: Plan;
  readonly year: number;
  readonly years: readonly number[];
  readonly scopeWord: string;
  readonly tolerance: number | undefined;
  readonly remedy: string | null;
  readonly revisions: readonly TargetInForceEntry[] | undefined;
}

function yearValue(indicator: Indicator, observations: readonly Observation[], year: number): YearValue {
  // The latest recorded observation of a year wins (re-entries correct earlier ones).
  const o = observations.filter((x) => x.year === year).at(-1);
  if (!o) return { year, value: null, text: "—" };
  if (o.value.kind === "number") {
    return { year, value: o.value.value, text: formatQuantity(o.value.value, indicator.unit) };
  }
  return { year, value: null, text: o.value.text };
}

/** The report year's observation (latest recorded wins), for its source and note. */
function yearObservation(observations: readonly Observation[], year: number): Observation | undefined {
  return observations.filter((x) => x.year === year && (x.subject ?? null) === null).at(-1);
}

function indicatorRow(r: RowInput): IndicatorRow {
  const { indicator, evaluation, plan, year } = r;
  const actuals = r.years.map((y) => yearValue(indicator, r.observations, y));
  const actual = actuals.at(-1) ?? { year, value: null, text: "—" };
  const previous = actuals.at(-2);
  const change: YearChange | null =
    previous && previous.value !== null && actual.value !== null
      ? {
          from: previous.value,
          to: actual.value,
          delta: actual.value - previous.value,
          text: formatSignedChange(actual.value - previous.value, indicator.unit),
        }
      : null;
  // The engine's numbers when it gives them, so the report and the verdict use the same line.
  const baselineValue =
    evaluation.inputs?.baselineValue ?? cellNumber(indicator.baseline) ?? actuals[0]?.value ?? null;
  // The target in force in the report year (中期调整), as the engine judges it.
  const target = targetInForce(indicator.target, r.revisions ?? [], year);
  // A year's own staged target is the plan's, not an adjustment (its method clause says so).
  const revised = target !== indicator.target && ownYearTarget(r.revisions, year) === null;
  const targetValue = cellNumber(target);
  const targetKind = target.expression.kind;
  const numericTarget = targetKind === "threshold" || targetKind === "level";
  const expected = numericTarget
    ? (evaluation.inputs?.expected ??
      timeElapsedExpected(baselineValue, targetValue, plan.baselineYear, plan.periodEnd, year))
    : null;
  const attributeLabel = indicatorAttributeLabels[indicator.attribute];
  const name = toSimplified(indicator.name);
  const targetText = toSimplified(cellText(target)) + (revised ? "（调整后）" : "");
  // A plan without a numeric baseline judged on the baseline year's recorded value says so in the
  // baseline cell, so the row's 时序进度 line has the figure it came from beside it.
  const fromData = cellNumber(indicator.baseline) === null && baselineValue !== null;
  const baselineYearValue = fromData ? actuals.find((a) => a.value === baselineValue) : undefined;
  const baselineText =
    baselineYearValue && baselineValue !== null
      ? `${formatQuantity(baselineValue, indicator.unit)}（${baselineYearValue.year}年实际值）`
      : toSimplified(cellText(indicator.baseline));
  const reading = readEvaluation({
    year,
    name,
    unit: indicator.unit,
    attributeLabel,
    binding: indicator.attribute === "binding",
    direction: indicator.direction,
    assessment: indicator.assessment,
    targetKind,
    targetText,
    baselineText,
    targetValue,
    baselineValue,
    expected,
    evaluation,
    actuals,
  });
  const grade = reviewGrade({
    verdict: reading.verdict,
    holdTarget: targetKind === "band" || targetKind === "maintain",
    baseline: baselineValue,
    expected,
    actual: reading.assessed.value,
    tolerance: r.tolerance,
  });
  const observation = yearObservation(r.observations, year);
  return {
    id: indicator.id,
    position: indicator.position,
    category: toSimplified(indicator.category),
    name,
    unit: indicator.unit,
    attribute: indicator.attribute,
    attributeLabel,
    direction: indicator.direction,
    baseline: {
      text: baselineText,
      value: baselineValue,
      ...(baselineYearValue ? { observedYear: baselineYearValue.year } : {}),
    },
    target: { text: targetText, value: targetValue },
    actuals: actuals.map((a) => ({ ...a, text: toSimplified(a.text) })),
    actual: { ...actual, text: toSimplified(actual.text) },
    assessed: reading.assessed,
    gap: reading.gap,
    method: reading.method,
    trend: reading.trend,
    source: observation?.source ? toSimplified(observation.source) : null,
    // Derived notes say 本地区; the report names the jurisdiction's own word (全市/全省/全县).
    note: observation?.note ? toSimplified(observation.note).replaceAll("本地区", r.scopeWord) : null,
    remedy: reading.breach ? (r.remedy ?? REMEDY_PENDING) : null,
    change,
    expected,
    verdict: reading.verdict,
    verdictLabel: reportVerdictLabels[reading.verdict],
    breach: reading.breach,
    reason: toSimplified(`${reading.clause}。`),
    sentence: toSimplified(`${name}${reading.clause}。`),
    reviewGrade: grade,
    reviewGradeLabel: reviewGradeLabels[grade],
    footnote: indicator.footnote ? toSimplified(indicator.footnote) : null,
  };
}

/** Printed for a breach whose causes and measures nobody has entered yet. */
export const REMEDY_PENDING = "原因及整改措施待填报";

function trajectory(row: IndicatorRow, plan: Plan): TrajectorySeries | null {
  if (!row.actuals.some((a) => a.value !== null)) return null;
  const years: number[] = range(plan.baselineYear, plan.periodEnd);
  const byYear = new Map(row.actuals.map((a) => [a.year, a.value]));
  const numericTarget = row.target.value !== null && row.expected !== null;
  return {
    indicatorId: row.id,
    name: row.name,
    unit: row.unit,
    years,
    actual: years.map((y) => byYear.get(y) ?? null),
    expected: years.map((y) =>
      numericTarget
        ? timeElapsedExpected(row.baseline.value, row.target.value, plan.baselineYear, plan.periodEnd, y)
        : null,
    ),
    target: row.target.value,
    breach: row.breach,
  };
}

function countVerdicts(rows: readonly IndicatorRow[]): VerdictCounts {
  const byVerdict = Object.fromEntries(verdictOrder.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rows) byVerdict[r.verdict]++;
  const binding = rows.filter((r) => r.attribute === "binding");
  const expected = rows.filter((r) => r.attribute === "expected");
  return {
    total: rows.length,
    byVerdict,
    binding: {
      total: binding.length,
      breaches: binding.filter((r) => r.breach).length,
      noData: binding.filter((r) => r.verdict === "insufficientData").map((r) => r.name),
    },
    expected: { total: expected.length, missed: expected.filter((r) => r.verdict === "missed").length },
  };
}

function countReview(rows: readonly IndicatorRow[]): Record<ReviewGrade, number> {
  const out = Object.fromEntries(reviewGradeOrder.map((g) => [g, 0])) as Record<ReviewGrade, number>;
  for (const r of rows) out[r.reviewGrade]++;
  return out;
}

const statuses: readonly WorkStatus[] = ["notStarted", "inProgress", "completed", "delayed", "cancelled"];

function countStatus(rows: readonly WorkRow[]): StatusCounts {
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<WorkStatus, number>;
  let unreported = 0;
  for (const r of rows) {
    if (r.statusLabel === UNREPORTED) unreported++;
    else byStatus[r.status]++;
  }
  return { total: rows.length, byStatus, unreported };
}

function progressFor(notes: readonly { year: number; text: string }[], year: number): string | null {
  const upTo = notes.filter((n) => n.year <= year).sort((a, b) => a.year - b.year);
  return upTo.at(-1)?.text ?? null;
}

function workRow(item: Task | ProjectItem, level: number, year: number): WorkRow {
  const progress = progressFor(item.progress, year);
  // Nobody reported on it: not "未启动", which would be a claim.
  const unreported = item.status === "notStarted" && progress === null;
  return {
    number: item.number,
    title: toSimplified(item.title),
    level,
    status: item.status,
    statusLabel: unreported ? UNREPORTED : workStatusLabels[item.status],
    leadDepartment: item.leadDepartment ? toSimplified(item.leadDepartment) : null,
    progress: progress ? toSimplified(progress) : null,
  };
}

/** The outline a work indicator hangs on: key tasks and 专栏 items by id, for its owner's name and order. */
export interface WorkIndicatorOwners {
  readonly tasks: readonly Pick<Task, "id" | "number" | "title" | "position">[];
  readonly projects: readonly (Pick<Project, "number" | "position"> & {
    readonly items?: readonly Pick<ProjectItem, "id" | "number" | "title" | "position">[];
  })[];
}

/** What the work indicators' lines need: the plan's bundle, how the year is judged, the outline. */
export interface WorkIndicatorRowsInput extends RowSource, WorkIndicatorOwners {}

/**
 * The work indicators' lines (工作指标完成情况), in the outline's order of their owners: the
 * year's target as the engine judged it (its own stage where the plan sets one) and the verdict.
 * The report model's `workIndicators` and `reports.workIndicators` (the CLI's light read) both
 * are this. Pure; a line takes none of the row's jurisdiction word, remedy or review grade, so it
 * needs no more than the bundle and the outline's names.
 */
export function workIndicatorRows(input: WorkIndicatorRowsInput): WorkIndicatorRow[] {
  const { year } = input;
  const list = [...input.indicators].sort((a, b) => a.position - b.position).filter(isWorkIndicator);
  if (list.length === 0) return [];
  const read = rowReader(input, { scopeWord: "本地区", tolerance: undefined, remedy: () => null });
  const owners = new Map<string, { kind: "task" | "projectItem"; label: string; order: number }>();
  for (const t of input.tasks)
    owners.set(t.id, { kind: "task", label: `${t.number}${t.title}`, order: t.position });
  for (const p of input.projects)
    for (const i of p.items ?? [])
      owners.set(i.id, {
        kind: "projectItem",
        label: `${p.number}（${i.number}）${i.title}`,
        order: 1e6 + p.position * 1e3 + i.position,
      });
  const rows = list.map((indicator) => {
    const row = read(indicator);
    const owner = owners.get(indicator.projectItemId ?? indicator.taskId ?? "");
    const staged = ownYearTarget(indicator.targetRevisions, year) !== null;
    const out: WorkIndicatorRow = {
      id: row.id,
      ownerKind: indicator.projectItemId ? "projectItem" : "task",
      owner: toSimplified(owner?.label ?? "—"),
      name: row.name,
      unit: row.unit,
      target: staged ? `${row.target.text}（${year}年分年度目标）` : row.target.text,
      staged,
      actual: row.actual,
      verdict: row.verdict,
      verdictLabel: row.verdictLabel,
      breach: row.breach,
      reason: row.reason,
    };
    return { out, order: owner?.order ?? 2e9, position: indicator.position };
  });
  return rows.sort((a, b) => a.order - b.order || a.position - b.position).map((r) => r.out);
}

/** A task or 专栏 item without any status or progress entered. */
export const UNREPORTED = "未填报";

function taskSection(tasks: readonly Task[], year: number): TaskProgressSection {
  // Key tasks only: not the background, principles, goals or safeguards of the outline.
  const keys = keyTaskKeys(
    tasks.map((t) => ({ key: t.id, parentKey: t.parentId, title: t.title, kind: t.kind })),
  );
  const leaves = [...tasks].filter((t) => keys.has(t.id)).sort((a, b) => a.position - b.position);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  // Numbering restarts in every chapter (一、二、… under each), so a row names the part it sits in.
  const rows = leaves.map((t) => {
    const parent = t.parentId === null ? undefined : byId.get(t.parentId);
    const part = parent ? toSimplified(`${parent.number}${parent.title}`) : null;
    return { ...workRow(t, t.level, year), part };
  });
  return { counts: countStatus(rows), rows };
}

function projectSection(
  projects: readonly (Project & { readonly items?: readonly ProjectItem[] })[],
  year: number,
): ProjectProgress[] {
  return [...projects]
    .sort((a, b) => a.position - b.position)
    .map((p) => {
      const items = [...(p.items ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((i) => workRow(i, 0, year));
      return { number: p.number, title: toSimplified(p.title), counts: countStatus(items), items };
    });
}
