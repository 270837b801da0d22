import {
  type Actor,
  bump,
  type Db,
  indicators,
  NotFoundError,
  observations,
  plans,
  procurementBindings,
  writeAudit,
} from "@ybplan/db";
import type { Observation } from "@ybplan/domain/observation";
import {
  type Batch,
  batchLevelLabels,
  buildProcurementSection,
  checkManualObservation,
  countVarieties,
  cumulativeCountSeries,
  type DerivedProcurementValue,
  deriveProcurementValue,
  type ManualValueCheck,
  type ProcurementCategory,
  procurementCategoryForIndicatorName,
  procurementCategoryLabels,
  procurementCategoryUnits,
  toObservation,
  withDerivedObservations,
  yearEnd,
} from "@ybplan/domain/procurement";
import type { ProcurementSection } from "@ybplan/domain/report";
import { prepareCellText, type TargetExpression } from "@ybplan/domain/target";
import { asc, eq, inArray } from "drizzle-orm";
import { Result } from "effect";
import { loadProcurementIndex } from "./records.ts";

/**
 * Counts, plan targets, indicator bindings and derived values: the de-duplicated variety counts
 * per jurisdiction and year, and the indicators whose values are derived from them.
 */
/** The plan target of a procurement count in a jurisdiction ("> 500"), from a bound or recognised indicator. */
interface CountTarget {
  indicatorId: string;
  indicatorName: string;
  planTitle: string;
  targetText: string;
  /** The threshold or level value; null when the target is not numeric. */
  value: number | null;
  op: "gt" | "gte" | "lt" | "lte" | null;
  periodEnd: number;
  baselineText: string;
}

function numericTarget(e: TargetExpression): { value: number; op: CountTarget["op"] } | null {
  if (e.kind === "threshold") return { value: e.quantity.value, op: e.op };
  if (e.kind === "level") return { value: e.quantity.value, op: "gte" };
  return null;
}

/** Indicators of the jurisdiction's plans that count `category`: bound ones first, then recognised by name. */
async function countTargets(
  db: Db,
  jurisdictionCode: string,
  category: ProcurementCategory,
): Promise<CountTarget[]> {
  const rows = await db
    .select({ i: indicators, p: plans, bound: procurementBindings.category })
    .from(indicators)
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .leftJoin(procurementBindings, eq(procurementBindings.indicatorId, indicators.id))
    .where(eq(plans.jurisdictionCode, jurisdictionCode));
  return rows
    .filter((r) => (r.bound ?? procurementCategoryForIndicatorName(r.i.name)) === category)
    .sort((a, b) => Number(b.bound !== null) - Number(a.bound !== null))
    .map((r) => {
      const t = numericTarget(r.i.target.expression);
      return {
        indicatorId: r.i.id,
        indicatorName: r.i.name,
        planTitle: r.p.title,
        // Without footnote markers (">500 ^②" → ">500"); the footnote is the indicator's.
        targetText: prepareCellText(r.i.target.text).text,
        value: t?.value ?? null,
        op: t?.op ?? null,
        periodEnd: r.p.periodEnd,
        baselineText: prepareCellText(r.i.baseline.text).text,
      };
    });
}

export interface CountSeriesResult {
  jurisdictionCode: string;
  category: ProcurementCategory;
  categoryLabel: string;
  unit: string;
  points: { year: number; value: number; addedInYear: number; estimated: boolean }[];
  /** How the last year's value was derived. */
  latest: {
    year: number;
    value: number;
    estimated: boolean;
    contributions: {
      batchId: string;
      batchName: string;
      level: Batch["level"];
      levelLabel: string;
      implementedBy: string;
      startDate: string;
      added: number;
      alreadyCounted: number;
      countOnly: boolean;
      addedVarieties: readonly string[];
    }[];
  };
  targets: CountTarget[];
}

export async function countSeries(
  db: Db,
  input: { jurisdictionCode: string; category: ProcurementCategory; fromYear: number; toYear: number },
): Promise<CountSeriesResult> {
  const index = await loadProcurementIndex(db);
  const points = cumulativeCountSeries(
    index,
    input.jurisdictionCode,
    input.category,
    input.fromYear,
    input.toYear,
  );
  const latest = countVarieties(index, input.jurisdictionCode, input.category, yearEnd(input.toYear));
  return {
    jurisdictionCode: input.jurisdictionCode,
    category: input.category,
    categoryLabel: procurementCategoryLabels[input.category],
    unit: procurementCategoryUnits[input.category],
    points,
    latest: {
      year: input.toYear,
      value: latest.value,
      estimated: latest.estimated,
      contributions: latest.contributions.map((c) => ({ ...c, levelLabel: batchLevelLabels[c.level] })),
    },
    targets: await countTargets(db, input.jurisdictionCode, input.category),
  };
}

export interface BindingRow {
  indicatorId: string;
  indicatorName: string;
  unit: string | null;
  /** Stored binding, or null. */
  category: ProcurementCategory | null;
  /** What the indicator's name suggests (for a one-click binding). */
  suggested: ProcurementCategory | null;
  version: number | null;
}

export async function listBindings(db: Db, planId: string): Promise<BindingRow[]> {
  const rows = await db
    .select({ i: indicators, b: procurementBindings })
    .from(indicators)
    .leftJoin(procurementBindings, eq(procurementBindings.indicatorId, indicators.id))
    .where(eq(indicators.planId, planId))
    .orderBy(asc(indicators.position));
  return rows.map(({ i, b }) => ({
    indicatorId: i.id,
    indicatorName: i.name,
    unit: i.unit,
    category: b?.category ?? null,
    suggested: procurementCategoryForIndicatorName(i.name),
    version: b?.version ?? null,
  }));
}

export async function setBinding(
  db: Db,
  actor: Actor,
  code: string,
  input: { indicatorId: string; category: ProcurementCategory | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(procurementBindings)
      .where(eq(procurementBindings.indicatorId, input.indicatorId))
      .for("update");
    if (input.category === null) {
      if (!cur) return;
      await tx.delete(procurementBindings).where(eq(procurementBindings.indicatorId, input.indicatorId));
      await writeAudit(tx, actor, {
        action: "delete",
        entity: "procurementBinding",
        entityId: input.indicatorId,
        jurisdictionCode: code,
        before: cur,
      });
      return;
    }
    const [row] = cur
      ? await tx
          .update(procurementBindings)
          .set({ category: input.category, ...bump(cur, actor.name) })
          .where(eq(procurementBindings.indicatorId, input.indicatorId))
          .returning()
      : await tx
          .insert(procurementBindings)
          .values({ indicatorId: input.indicatorId, category: input.category, updatedBy: actor.name })
          .returning();
    await writeAudit(tx, actor, {
      action: cur ? "update" : "create",
      entity: "procurementBinding",
      entityId: input.indicatorId,
      jurisdictionCode: code,
      before: cur ?? null,
      after: row,
    });
  });
}

export interface DerivedForIndicator {
  derived: DerivedProcurementValue;
  check: ManualValueCheck;
}

/**
 * Derived values of every bound indicator of a plan for `years`, with the checks against the
 * manual observations. `observations` is what the evaluation should judge: the manual values with
 * the derived ones in their place (the adapter from @ybplan/domain/procurement).
 */
export async function derivedForPlan(
  db: Db,
  planId: string,
  years: readonly number[],
): Promise<{ values: DerivedForIndicator[]; substitute: Observation[] }> {
  const bound = await db
    .select({
      indicatorId: procurementBindings.indicatorId,
      category: procurementBindings.category,
      code: plans.jurisdictionCode,
    })
    .from(procurementBindings)
    .innerJoin(indicators, eq(indicators.id, procurementBindings.indicatorId))
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .where(eq(plans.id, planId));
  if (bound.length === 0) return { values: [], substitute: [] };
  const index = await loadProcurementIndex(db);
  const manual = await db
    .select()
    .from(observations)
    .where(
      inArray(
        observations.indicatorId,
        bound.map((b) => b.indicatorId),
      ),
    );
  const values: DerivedForIndicator[] = [];
  for (const b of bound) {
    for (const year of years) {
      const derived = Result.getOrThrow(
        deriveProcurementValue({ indicatorId: b.indicatorId, category: b.category }, b.code, year, index),
      );
      const m = manual.find((o) => o.indicatorId === b.indicatorId && o.year === year);
      const check = checkManualObservation(
        derived,
        m
          ? {
              indicatorId: m.indicatorId,
              year: m.year,
              value:
                m.valueKind === "number"
                  ? { kind: "number", value: m.valueNumber ?? 0 }
                  : { kind: "text", text: m.valueText ?? "" },
            }
          : null,
      );
      values.push({ derived, check });
    }
  }
  return { values, substitute: values.map((v) => toObservation(v.derived)) };
}

/**
 * For the evaluation service: the plan's observations with the derived values of its bound
 * indicators in place of manual ones (one call before `evaluatePlan`/`verdictMatrix`).
 */
export async function withProcurementValues(
  db: Db,
  planId: string,
  years: readonly number[],
  planObservations: readonly Observation[],
): Promise<Observation[]> {
  const { values } = await derivedForPlan(db, planId, years);
  if (values.length === 0) return [...planObservations];
  return withDerivedObservations(
    planObservations,
    values.map((v) => v.derived),
  ).observations;
}

/**
 * The report's procurement section for a plan and year, or null when the plan has no
 * procurement indicator and its jurisdiction no procurement record.
 */
export async function procurementSectionForPlan(
  db: Db,
  planId: string,
  year: number,
): Promise<ProcurementSection | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new NotFoundError({ entity: "plan", entityId: planId });
  const inds = await db
    .select({ i: indicators, bound: procurementBindings.category })
    .from(indicators)
    .leftJoin(procurementBindings, eq(procurementBindings.indicatorId, indicators.id))
    .where(eq(indicators.planId, planId))
    .orderBy(asc(indicators.position));
  const targets = inds.flatMap(({ i, bound }) => {
    const category = bound ?? procurementCategoryForIndicatorName(i.name);
    return category ? [{ category, indicatorName: i.name, target: i.target }] : [];
  });
  const index = await loadProcurementIndex(db);
  const years: number[] = [];
  for (let y = plan.baselineYear; y <= year; y++) years.push(y);
  const { values } = await derivedForPlan(db, planId, years);
  const section = buildProcurementSection({
    index,
    jurisdictionCode: plan.jurisdictionCode,
    year,
    baselineYear: plan.baselineYear,
    targets,
    checks: values.filter((v) => v.derived.year === year),
  });
  const empty =
    targets.length === 0 && section.tables[0]!.rows.every((r) => r.slice(1).every((v) => v === 0));
  return empty ? null : section;
}
