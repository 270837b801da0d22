import type { PlanDocument } from "@ybplan/domain/plan";
import { expect } from "vitest";
import type { GoldenPlan } from "../golden/index.ts";

/** Every cell of every row, compared as one table so a failure shows the whole difference. */
export function expectIndicatorTable(doc: PlanDocument, golden: GoldenPlan): void {
  const actual = doc.indicators.map((i) => ({
    category: i.category,
    name: i.name,
    unit: i.unit,
    baseline: i.baseline.text,
    target: i.target.text,
    attribute: i.attribute,
    definition: i.definition,
    footnote: i.footnote,
  }));
  const expected = golden.rows.map((r) => ({
    ...r,
    definition: r.definition ?? null,
    footnote: r.footnote ?? null,
  }));
  expect(actual).toEqual(expected);
}

export function outlineLevels(doc: PlanDocument): Record<number, number> {
  const out: Record<number, number> = {};
  for (const t of doc.tasks) out[t.level] = (out[t.level] ?? 0) + 1;
  return out;
}

export function projectItemCounts(doc: PlanDocument): Record<string, number> {
  return Object.fromEntries(doc.projects.map((p) => [p.number, p.items.length]));
}
