import { type Db, indicators, observations, plans, procurementBindings } from "@ybplan/db";
import type { TargetInForceEntry } from "@ybplan/domain/cycle";
import type { Indicator } from "@ybplan/domain/indicator";
import type { Observation, ObservationValue } from "@ybplan/domain/observation";
import type { Plan } from "@ybplan/domain/plan";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { iso } from "./common.ts";
import { withProcurementValues } from "./procurement.ts";
import { attachRevisions, revisionsByPlans } from "./target-revisions.ts";

/**
 * The read model: rows → domain objects, and the one loader of what evaluation, reports and the
 * reporting cycle judge (`loadPlanBundles`). It lives in the API, not in @ybplan/db, because a
 * bundle is more than rows: bound indicators carry values derived from procurement records and
 * every indicator its 中期调整 revisions, both API services. The DTOs (`dto.ts`) extend these
 * mappers with version columns, so a response and the engine read a row the same way.
 */

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];

type PlanFields = Pick<Row<typeof plans>, keyof Plan>;
type IndicatorFields = Pick<Row<typeof indicators>, keyof Indicator | "targetText" | "baselineText">;
type ObservationFields = Pick<
  Row<typeof observations>,
  | "indicatorId"
  | "year"
  | "subject"
  | "valueKind"
  | "valueNumber"
  | "valueText"
  | "source"
  | "note"
  | "recordedBy"
  | "recordedAt"
>;

export const planOf = (p: PlanFields): Plan => ({
  id: p.id,
  jurisdictionCode: p.jurisdictionCode,
  title: p.title,
  issuer: p.issuer,
  documentNumber: p.documentNumber,
  issueDate: p.issueDate,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  baselineYear: p.baselineYear,
  status: p.status,
  parentPlanId: p.parentPlanId,
  revision: p.revision,
});

/** An indicator as the domain has it, with its cell texts as stored (what tables print). */
export type IndicatorRead = Indicator & { readonly targetText: string; readonly baselineText: string };

export const indicatorOf = (i: IndicatorFields): IndicatorRead => ({
  id: i.id,
  planId: i.planId,
  position: i.position,
  category: i.category,
  name: i.name,
  unit: i.unit,
  baseline: i.baseline,
  target: i.target,
  attribute: i.attribute,
  direction: i.direction,
  definition: i.definition,
  footnote: i.footnote,
  assessment: i.assessment,
  parentIndicatorId: i.parentIndicatorId,
  // A work indicator's owner (工作指标): main-indicator views leave these out (`mainIndicators`).
  taskId: i.taskId,
  projectItemId: i.projectItemId,
  targetText: i.targetText,
  baselineText: i.baselineText,
});

function observationValue(
  o: Pick<ObservationFields, "valueKind" | "valueNumber" | "valueText">,
): ObservationValue {
  return o.valueKind === "number"
    ? { kind: "number", value: o.valueNumber! }
    : { kind: "text", text: o.valueText ?? "" };
}

export const observationOf = (o: ObservationFields): Observation => ({
  indicatorId: o.indicatorId,
  year: o.year,
  subject: o.subject,
  value: observationValue(o),
  source: o.source,
  note: o.note,
  recordedBy: o.recordedBy,
  recordedAt: iso(o.recordedAt),
});

/** Only the columns the domain objects need (no document-level jsonb such as import warnings). */
const planColumns = {
  id: plans.id,
  jurisdictionCode: plans.jurisdictionCode,
  title: plans.title,
  issuer: plans.issuer,
  documentNumber: plans.documentNumber,
  issueDate: plans.issueDate,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  baselineYear: plans.baselineYear,
  status: plans.status,
  parentPlanId: plans.parentPlanId,
  revision: plans.revision,
};
const indicatorColumns = {
  id: indicators.id,
  planId: indicators.planId,
  position: indicators.position,
  category: indicators.category,
  name: indicators.name,
  unit: indicators.unit,
  baseline: indicators.baseline,
  target: indicators.target,
  attribute: indicators.attribute,
  direction: indicators.direction,
  definition: indicators.definition,
  footnote: indicators.footnote,
  assessment: indicators.assessment,
  parentIndicatorId: indicators.parentIndicatorId,
  taskId: indicators.taskId,
  projectItemId: indicators.projectItemId,
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

/** An indicator with the 中期调整 revisions the engine judges each year by. */
type IndicatorInForce = IndicatorRead & {
  readonly targetRevisions?: readonly TargetInForceEntry[] | undefined;
};

/** What a plan is judged on up to a year. */
export interface PlanBundle {
  readonly plan: Plan;
  /** In table order, with their revisions. */
  readonly indicators: readonly IndicatorInForce[];
  /** As entered, up to the year. */
  readonly entered: readonly Observation[];
  /** As judged: bound indicators' values derived from procurement records (baseline year on). */
  readonly observations: readonly Observation[];
}

/**
 * The plans' bundles up to `upToYear` in a few queries for all of them (plans not found are
 * absent from the map; the caller decides whether that is NOT_FOUND).
 */
export async function loadPlanBundles(
  db: Db,
  input: { readonly planIds: readonly string[]; readonly upToYear: number },
): Promise<Map<string, PlanBundle>> {
  const out = new Map<string, PlanBundle>();
  const planIds = [...new Set(input.planIds)];
  if (planIds.length === 0) return out;
  // One query after the other: the loader also runs inside transactions (the cycle's submit).
  const planRows = await db.select(planColumns).from(plans).where(inArray(plans.id, planIds));
  const indicatorRows = await db
    .select(indicatorColumns)
    .from(indicators)
    .where(inArray(indicators.planId, planIds))
    .orderBy(asc(indicators.position));
  const observationRows = await db
    .select({ planId: indicators.planId, o: observationColumns })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(and(inArray(indicators.planId, planIds), lte(observations.year, input.upToYear)))
    .orderBy(asc(indicators.position), asc(observations.year), asc(observations.subject));
  const revisions = await revisionsByPlans(db, planIds);
  const bound = await db
    .selectDistinct({ planId: indicators.planId })
    .from(procurementBindings)
    .innerJoin(indicators, eq(indicators.id, procurementBindings.indicatorId))
    .where(inArray(indicators.planId, planIds));
  const indicatorsByPlan = groupBy(indicatorRows, (i) => i.planId, indicatorOf);
  const enteredByPlan = groupBy(
    observationRows,
    (r) => r.planId,
    (r) => observationOf(r.o),
  );
  const boundPlans = new Set(bound.map((b) => b.planId));
  for (const row of planRows) {
    const plan = planOf(row);
    const entered = enteredByPlan.get(plan.id) ?? [];
    const years: number[] = [];
    for (let y = plan.baselineYear; y <= input.upToYear; y++) years.push(y);
    // Indicators bound to procurement records are judged on the derived count, not a typed value.
    const judged = boundPlans.has(plan.id)
      ? await withProcurementValues(db, plan.id, years, entered)
      : entered;
    out.set(plan.id, {
      plan,
      indicators: attachRevisions(indicatorsByPlan.get(plan.id) ?? [], revisions),
      entered,
      observations: judged,
    });
  }
  return out;
}

function groupBy<R, T>(rows: readonly R[], key: (r: R) => string, map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(map(r));
    else out.set(k, [map(r)]);
  }
  return out;
}
