import { type Database, type Db, jurisdictionScope, NotFoundError, namedCache, plans } from "@ybplan/db";
import {
  bindingWithoutData,
  type Evaluation,
  evaluatePlan,
  sortForReport,
  type Verdict,
  verdictMatrix,
} from "@ybplan/domain/evaluation";
import { isWorkIndicator, mainIndicators } from "@ybplan/domain/indicator";
import { and, asc, gte, inArray, lte, ne } from "drizzle-orm";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import { loadPlanBundles } from "./read-model.ts";

/**
 * Verdicts through the domain engine (`@ybplan/domain/evaluation`), for one plan (indicators ×
 * years) and for a jurisdiction subtree (every plan's counts and breaches). Results are cached
 * per database and invalidated by scope (`database.changes`): a write in one jurisdiction
 * recomputes that jurisdiction's plans and the subtrees containing it, nothing else; other server
 * processes learn of it through LISTEN/NOTIFY, so a cache hit costs no query.
 */

/** The columns of a subtree's plan list (no document-level jsonb). */
const planColumns = {
  id: plans.id,
  title: plans.title,
  jurisdictionCode: plans.jurisdictionCode,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  baselineYear: plans.baselineYear,
};

/** A matrix cell: the verdict and the numbers a colour matrix needs. */
function cell(e: Evaluation) {
  return {
    verdict: e.verdict,
    breach: e.breach,
    actual: e.inputs.actual,
    expected: e.inputs.expected,
    explanation: e.explanation,
  };
}

export type PlanMatrix = Awaited<ReturnType<typeof computePlanMatrix>>;

async function computePlanMatrix(db: Db, planId: string, year: number) {
  const bundle = (await loadPlanBundles(db, { planIds: [planId], upToYear: year })).get(planId);
  if (!bundle) throw new NotFoundError({ entity: "plan", entityId: planId });
  const { plan, observations: obs } = bundle;
  // Counts, breaches and the matrix are the plan's 主要指标; work indicators of tasks and 专栏
  // items are judged by the same engine but listed apart (`work`).
  const inds = mainIndicators(bundle.indicators);
  const work = bundle.indicators.filter(isWorkIndicator);
  const period = { baselineYear: plan.baselineYear, periodEnd: plan.periodEnd };
  const years: number[] = [];
  for (let y = plan.periodStart; y <= Math.min(year, plan.periodEnd); y++) years.push(y);
  // 中期调整, staged yearly targets and procurement-derived values are in the bundle: each year is
  // judged by the target in force then, bound indicators on the derived count.
  const matrix = verdictMatrix(inds, obs, years, undefined, period);
  const current = evaluatePlan(inds, obs, year, undefined, period);
  const workCurrent = evaluatePlan(work, obs, year, undefined, period);
  const byIndicator = new Map(bundle.indicators.map((i) => [i.id, i]));
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      jurisdictionCode: plan.jurisdictionCode,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      baselineYear: plan.baselineYear,
    },
    year,
    years,
    counts: current.counts,
    breaches: current.breaches,
    /** 约束性 indicators without data in the selected year: never counted as met. */
    bindingWithoutData: current.bindingWithoutData,
    /** Selected year, breaches first then by severity (the report order). */
    evaluations: sortForReport(current.evaluations).map((e) => {
      const i = byIndicator.get(e.indicatorId)!;
      return {
        ...e,
        name: i.name,
        category: i.category,
        unit: i.unit,
        targetText: i.targetText,
        baselineText: i.baselineText,
      };
    }),
    /** Indicators in table order × `years`. */
    rows: matrix.rows.map((r) => {
      const i = byIndicator.get(r.indicatorId)!;
      return {
        indicatorId: r.indicatorId,
        name: i.name,
        category: i.category,
        unit: i.unit,
        attribute: i.attribute,
        targetText: i.targetText,
        cells: r.evaluations.map(cell),
      };
    }),
    /** Work indicators (工作指标) of tasks and 专栏 items in the selected year, in table order. */
    work: workCurrent.evaluations.map((e) => {
      const i = byIndicator.get(e.indicatorId)!;
      return {
        ...e,
        name: i.name,
        unit: i.unit,
        targetText: i.targetText,
        taskId: i.taskId ?? null,
        projectItemId: i.projectItemId ?? null,
      };
    }),
  };
}

export async function planMatrix(database: Database, planId: string, year: number): Promise<PlanMatrix> {
  return namedCache<PlanMatrix>(database.changes, "evaluation.plan").get(`${planId}/${year}`, async () => {
    const value = await computePlanMatrix(database.db, planId, year);
    return { value, scopes: [jurisdictionScope(value.plan.jurisdictionCode)] };
  });
}

const emptyCounts = (): Record<Verdict, number> => ({
  achieved: 0,
  onTrack: 0,
  behind: 0,
  missed: 0,
  needsJudgement: 0,
  insufficientData: 0,
});

export type SubtreeSummary = Awaited<ReturnType<typeof computeSubtree>>;

type PlanRow = { [K in keyof typeof planColumns]: (typeof plans.$inferSelect)[K] };

/** One plan's line of a subtree summary, and what the totals add up. */
interface PlanEvaluation {
  readonly summary: PlanSummaryLine;
  readonly indicators: number;
  readonly bindingWithoutData: number;
}
type PlanSummaryLine = ReturnType<typeof summaryLine>;

/** A plan's line in a subtree summary. */
function summaryLine(
  p: PlanRow,
  list: readonly { readonly id: string; readonly name: string }[],
  ev: ReturnType<typeof evaluatePlan>,
  dir: JurisdictionDirectory,
) {
  const names = new Map(list.map((i) => [i.id, i.name]));
  const j = dir.byCode.get(p.jurisdictionCode);
  return {
    planId: p.id,
    title: p.title,
    jurisdiction: {
      code: p.jurisdictionCode,
      name: j?.name ?? p.jurisdictionCode,
      level: j?.level ?? null,
    },
    counts: ev.counts,
    breaches: ev.breaches,
    /** 约束性 breaches of this plan, named. */
    breachList: ev.evaluations
      .filter((e) => e.breach)
      .map((e) => ({
        indicatorId: e.indicatorId,
        name: names.get(e.indicatorId) ?? "",
        verdict: e.verdict,
      })),
    /** 约束性 indicators without data this year, named: never counted as met. */
    bindingWithoutData: bindingWithoutData(ev.evaluations).map((e) => ({
      indicatorId: e.indicatorId,
      name: names.get(e.indicatorId) ?? "",
    })),
  };
}

/** Evaluates plans for one year in bulk (a few queries for all of them). */
async function evaluatePlans(
  db: Db,
  dir: JurisdictionDirectory,
  planRows: readonly PlanRow[],
  year: number,
): Promise<Map<string, PlanEvaluation>> {
  // Same bundles as the plan matrix, so a plan's verdicts agree in both views.
  const bundles = await loadPlanBundles(db, { planIds: planRows.map((p) => p.id), upToYear: year });
  const out = new Map<string, PlanEvaluation>();
  for (const p of planRows) {
    const bundle = bundles.get(p.id);
    // A subtree counts 主要指标 only (not the work indicators of tasks and 专栏 items).
    const list = mainIndicators(bundle?.indicators ?? []);
    const ev = evaluatePlan(list, bundle?.observations ?? [], year, undefined, {
      baselineYear: p.baselineYear,
      periodEnd: p.periodEnd,
    });
    const summary = summaryLine(p, list, ev, dir);
    out.set(p.id, { summary, indicators: list.length, bindingWithoutData: ev.bindingWithoutData });
  }
  return out;
}

/** Plans in force in `year` (not archived) in `codes`, or everywhere when `codes` is null. */
export async function plansInForce(
  db: Db,
  codes: readonly string[] | null,
  year: number,
): Promise<PlanRow[]> {
  return db
    .select(planColumns)
    .from(plans)
    .where(
      and(
        codes ? inArray(plans.jurisdictionCode, [...codes]) : undefined,
        ne(plans.status, "archived"),
        lte(plans.periodStart, year),
        gte(plans.periodEnd, year),
      ),
    )
    .orderBy(asc(plans.jurisdictionCode), asc(plans.title));
}

/**
 * Each plan's evaluation line for `year`, from the per-plan cache (scoped to the plan's
 * jurisdiction): only the plans whose data changed are evaluated (in bulk), so a save in one
 * county costs one plan's evaluation in every roll-up containing it.
 */
export async function planLines(
  database: Database,
  dir: JurisdictionDirectory,
  planRows: readonly PlanRow[],
  year: number,
): Promise<Map<string, PlanEvaluation>> {
  const lines = namedCache<PlanEvaluation>(database.changes, "evaluation.planLine", 50_000);
  const byPlan = new Map<string, PlanEvaluation>();
  const missing: PlanRow[] = [];
  for (const p of planRows) {
    const hit = lines.peek(`${p.id}/${year}/${dir.all.length}`);
    if (hit) byPlan.set(p.id, hit);
    else missing.push(p);
  }
  if (missing.length > 0) {
    const stamp = database.changes.stamp();
    const missingById = new Map(missing.map((m) => [m.id, m]));
    for (const [planId, line] of await evaluatePlans(database.db, dir, missing, year)) {
      const p = missingById.get(planId)!;
      lines.put(`${planId}/${year}/${dir.all.length}`, line, [jurisdictionScope(p.jurisdictionCode)], stamp);
      byPlan.set(planId, line);
    }
  }
  return byPlan;
}

async function computeSubtree(database: Database, dir: JurisdictionDirectory, code: string, year: number) {
  const codes = dir.subtree(code);
  const planRows = await plansInForce(database.db, codes, year);
  const byPlan = await planLines(database, dir, planRows, year);
  const totals = emptyCounts();
  let totalBreaches = 0;
  let totalBindingWithoutData = 0;
  let totalIndicators = 0;
  const planSummaries = planRows.map((p) => {
    const line = byPlan.get(p.id)!;
    for (const [k, v] of Object.entries(line.summary.counts)) totals[k as Verdict] += v;
    totalBreaches += line.summary.breaches;
    totalBindingWithoutData += line.bindingWithoutData;
    totalIndicators += line.indicators;
    return line.summary;
  });
  // Plans with breaches first, then by jurisdiction level (province → county) and code.
  const levelRank = { province: 0, city: 1, county: 2 } as const;
  planSummaries.sort(
    (a, b) =>
      b.breaches - a.breaches ||
      (a.jurisdiction.level ? levelRank[a.jurisdiction.level] : 3) -
        (b.jurisdiction.level ? levelRank[b.jurisdiction.level] : 3) ||
      a.jurisdiction.code.localeCompare(b.jurisdiction.code),
  );
  return {
    jurisdictionCode: code,
    year,
    jurisdictions: codes.length,
    totals: {
      counts: totals,
      breaches: totalBreaches,
      bindingWithoutData: totalBindingWithoutData,
      plans: planRows.length,
      indicators: totalIndicators,
    },
    plans: planSummaries,
  };
}

export async function subtreeSummary(
  database: Database,
  dir: JurisdictionDirectory,
  code: string,
  year: number,
): Promise<SubtreeSummary> {
  const scopes = dir.subtree(code).map(jurisdictionScope);
  return namedCache<SubtreeSummary>(database.changes, "evaluation.subtree").get(
    `${code}/${year}/${dir.all.length}`,
    async () => ({ value: await computeSubtree(database, dir, code, year), scopes }),
  );
}
