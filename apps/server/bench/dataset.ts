import { randomUUID } from "node:crypto";
import { type Db, indicators, jurisdictions, observations, plans } from "@ybplan/db";
import { generateNationalDataset } from "@ybplan/domain/synthetic";
import { Result } from "effect";

/**
 * The synthetic province of the bench (@ybplan/domain/synthetic): 1 province, 14 cities, 120
 * counties, 20 indicators each, values 2020–2025, bulk-loaded (a fixture, not a user's change:
 * no audit rows).
 */
export const dataset = Result.getOrThrow(
  generateNationalDataset({ provinces: 1, cities: 14, counties: 120 }),
);
export const province = dataset.jurisdictions.find((j) => j.level === "province")!;

export async function loadDataset(db: Db) {
  // Bulk load (a benchmark fixture, not a user's change: no audit rows).
  const planIds = new Map(dataset.plans.map((p) => [p.id, randomUUID()]));
  const indicatorIds = new Map(dataset.indicators.map((i) => [i.id, randomUUID()]));
  const chunks = <T>(rows: T[], n = 500) =>
    Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, i * n + n));
  const existing = new Set(
    (await db.select({ code: jurisdictions.code }).from(jurisdictions)).map((r) => r.code),
  );
  for (const c of chunks(dataset.jurisdictions.filter((j) => !existing.has(j.code))))
    await db.insert(jurisdictions).values(c);
  for (const c of chunks(dataset.plans)) {
    await db.insert(plans).values(
      c.map((p) => ({
        ...p,
        id: planIds.get(p.id)!,
        parentPlanId: p.parentPlanId ? planIds.get(p.parentPlanId)! : null,
      })),
    );
  }
  for (const c of chunks(dataset.indicators)) {
    await db.insert(indicators).values(
      c.map((i) => ({
        ...i,
        id: indicatorIds.get(i.id)!,
        planId: planIds.get(i.planId)!,
        parentIndicatorId: i.parentIndicatorId ? (indicatorIds.get(i.parentIndicatorId) ?? null) : null,
        key: `${i.category}/${i.name}`,
        baselineText: i.baseline.text,
        targetText: i.target.text,
        targetKind: i.target.expression.kind,
      })),
    );
  }
  // The store keeps one value per indicator, year and subject; the generator sometimes adds a text
  // judgement beside a number for the same year: the judgement (the later one) is kept.
  const oneValue = new Map<string, (typeof dataset.observations)[number]>();
  for (const o of dataset.observations) oneValue.set(`${o.indicatorId}|${o.year}|${o.subject ?? ""}`, o);
  const folded = dataset.observations.length - oneValue.size;
  for (const c of chunks([...oneValue.values()], 1000)) {
    await db.insert(observations).values(
      c.map((o) => ({
        indicatorId: indicatorIds.get(o.indicatorId)!,
        year: o.year,
        subject: o.subject ?? null,
        valueKind: o.value.kind,
        valueNumber: o.value.kind === "number" ? o.value.value : null,
        valueText: o.value.kind === "text" ? o.value.text : null,
        source: o.source,
        note: o.note,
        recordedBy: o.recordedBy,
      })),
    );
  }

  return { planIds, indicatorIds, observations: oneValue.size, folded };
}
