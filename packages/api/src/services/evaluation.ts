import {
  type Database,
  type Db,
  indicators,
  jurisdictionScope,
  NotFoundError,
  namedCache,
  observations,
  plans,
  procurementBindings,
} from "@ybplan/db";
import {
  bindingWithoutData,
  type Evaluation,
  evaluatePlan,
  type IndicatorForEvaluation,
  sortForReport,
  type Verdict,
  verdictMatrix,
} from "@ybplan/domain/evaluation";
import type { Observation } from "@ybplan/domain/observation";
import { and, asc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import { iso } from "./common.ts";
import { observationValue } from "./dto.ts";
import { withProcurementValues } from "./procurement.ts";
import { attachRevisions, revisionsByIndicator, revisionsByPlans } from "./target-revisions.ts";

/**
 * Verdicts through the domain engine (`@ybplan/domain/evaluation`), for one plan (indicators ×
 * years) and for a jurisdiction subtree (every plan's counts and breaches). Results are cached
 * per database and invalidated by scope (`database.changes`): a write in one jurisdiction
 * recomputes that jurisdiction's plans and the subtrees containing it, nothing else; other server
 * processes learn of it through LISTEN/NOTIFY, so a cache hit costs no query.
 */

/** Only the columns the engine and the views read (no document-level jsonb). */
const indicatorColumns = {
  id: indicators.id,
  planId: indicators.planId,
  name: indicators.name,
  unit: indicators.unit,
  baseline: indicators.baseline,
  target: indicators.target,
  attribute: indicators.attribute,
  direction: indicators.direction,
  assessment: indicators.assessment,
  category: indicators.category,
  targetText: indicators.targetText,
  baselineText: indicators.baselineText,
};
const observationColumns = {
  indicatorId: observations.indicatorId,
  year: observations.year,
  subject: observations.subject,
  valueKind: observations.valueKind,
  valueNumber: observations.valueNumber,
  valueText: observations.valueText,
  source: observations.source,
  note: observations.note,
  recordedBy: observations.recordedBy,
  recordedAt: observations.recordedAt,
};
const planColumns = {
  id: plans.id,
  title: plans.title,
  jurisdictionCode: plans.jurisdictionCode,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  baselineYear: plans.baselineYear,
};

type IndicatorRow = { [K in keyof typeof indicatorColumns]: (typeof indicators.$inferSelect)[K] };
type ObservationRow = { [K in keyof typeof observationColumns]: (typeof observations.$inferSelect)[K] };

const forEngine = (i: IndicatorRow): IndicatorForEvaluation => ({
  id: i.id,
  name: i.name,
  unit: i.unit,
  baseline: i.baseline,
  target: i.target,
  attribute: i.attribute,
  direction: i.direction,
  assessment: i.assessment,
});

function toObservation(o: ObservationRow): Observation {
  return {
    indicatorId: o.indicatorId,
    year: o.year,
    subject: o.subject,
    value: observationValue(o),
    source: o.source,
    note: o.note,
    recordedBy: o.recordedBy,
    recordedAt: iso(o.recordedAt),
  };
}

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
  const [plan] = await db.select(planColumns).from(plans).where(eq(plans.id, planId));
  if (!plan) throw new NotFoundError({ entity: "plan", entityId: planId });
  const inds = await db
    .select(indicatorColumns)
    .from(indicators)
    .where(eq(indicators.planId, planId))
    .orderBy(asc(indicators.position));
  const obs = inds.length
    ? await db
        .select(observationColumns)
        .from(observations)
        .where(
          and(
            inArray(
              observations.indicatorId,
              inds.map((i) => i.id),
            ),
            lte(observations.year, year),
          ),
        )
    : [];
  const period = { baselineYear: plan.baselineYear, periodEnd: plan.periodEnd };
  // 中期调整: each year is judged by the target in force then.
  const engineInds = attachRevisions(
    inds.map(forEngine),
    await revisionsByIndicator(
      db,
      inds.map((i) => i.id),
    ),
  );
  const years: number[] = [];
  for (let y = plan.periodStart; y <= Math.min(year, plan.periodEnd); y++) years.push(y);
  // Indicators bound to procurement records are judged on the derived count, not a typed value.
  const domainObs = await withProcurementValues(db, planId, years, obs.map(toObservation));
  const matrix = verdictMatrix(engineInds, domainObs, years, undefined, period);
  const current = evaluatePlan(engineInds, domainObs, year, undefined, period);
  const byIndicator = new Map(inds.map((i) => [i.id, i]));
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
  list: readonly IndicatorRow[],
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
  const planIds = planRows.map((p) => p.id);
  const inds = planIds.length
    ? await db
        .select(indicatorColumns)
        .from(indicators)
        .where(inArray(indicators.planId, planIds))
        .orderBy(asc(indicators.position))
    : [];
  const obs = planIds.length
    ? await db
        .select({ o: observationColumns })
        .from(observations)
        .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
        .where(and(inArray(indicators.planId, planIds), lte(observations.year, year)))
    : [];
  const indsByPlan = new Map<string, IndicatorRow[]>();
  const planOfIndicator = new Map<string, string>();
  for (const i of inds) {
    const list = indsByPlan.get(i.planId) ?? [];
    list.push(i);
    indsByPlan.set(i.planId, list);
    planOfIndicator.set(i.id, i.planId);
  }
  // Each plan is evaluated with its own observations only (the engine indexes what it is given).
  const obsByPlan = new Map<string, Observation[]>();
  for (const r of obs) {
    const planId = planOfIndicator.get(r.o.indicatorId)!;
    const list = obsByPlan.get(planId) ?? [];
    list.push(toObservation(r.o));
    obsByPlan.set(planId, list);
  }
  // Same substitution as the plan matrix, so a plan's verdicts agree in both views.
  const boundPlans = planIds.length
    ? await db
        .selectDistinct({ planId: indicators.planId })
        .from(procurementBindings)
        .innerJoin(indicators, eq(indicators.id, procurementBindings.indicatorId))
        .where(inArray(indicators.planId, planIds))
    : [];
  for (const { planId } of boundPlans) {
    obsByPlan.set(planId, await withProcurementValues(db, planId, [year], obsByPlan.get(planId) ?? []));
  }
  const revisions = await revisionsByPlans(db, planIds);
  const out = new Map<string, PlanEvaluation>();
  for (const p of planRows) {
    const list = indsByPlan.get(p.id) ?? [];
    const ev = evaluatePlan(
      attachRevisions(list.map(forEngine), revisions),
      obsByPlan.get(p.id) ?? [],
      year,
      undefined,
      {
        baselineYear: p.baselineYear,
        periodEnd: p.periodEnd,
      },
    );
    const summary = summaryLine(p, list, ev, dir);
    out.set(p.id, { summary, indicators: list.length, bindingWithoutData: ev.bindingWithoutData });
  }
  return out;
}

/**
 * A roll-up reuses each plan's cached line (scoped to the plan's jurisdiction) and evaluates only
 * the plans whose data changed, so a save in one county costs one plan's evaluation.
 */
async function computeSubtree(database: Database, dir: JurisdictionDirectory, code: string, year: number) {
  const db = database.db;
  const codes = dir.subtree(code);
  const planRows = await db
    .select(planColumns)
    .from(plans)
    .where(
      and(
        inArray(plans.jurisdictionCode, codes),
        ne(plans.status, "archived"),
        lte(plans.periodStart, year),
        gte(plans.periodEnd, year),
      ),
    )
    .orderBy(asc(plans.jurisdictionCode), asc(plans.title));
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
    for (const [planId, line] of await evaluatePlans(db, dir, missing, year)) {
      const p = missingById.get(planId)!;
      lines.put(`${planId}/${year}/${dir.all.length}`, line, [jurisdictionScope(p.jurisdictionCode)], stamp);
      byPlan.set(planId, line);
    }
  }
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
