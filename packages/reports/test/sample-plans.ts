import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Observation } from "@ybplan/domain";
import { evaluateIndicator } from "@ybplan/domain/evaluation";
import { type Jurisdiction, sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import {
  buildPlanReport,
  inMemoryPlan,
  type PlanReport,
  sampleObservations,
  sampleProjectProgress,
  sampleWorkProgress,
} from "@ybplan/domain/report";
import { importPlanDocument } from "@ybplan/importer";
import { type SamplePlan, samplePlans } from "@ybplan/samples";
import { Effect } from "effect";

/**
 * A sample plan as the product would hold it: imported through the importer, given ids, with
 * deterministic seeded observations (baseline … 2023) and task progress, evaluated by the engine.
 */
export interface SampleReport {
  readonly sample: SamplePlan;
  readonly report: PlanReport;
  readonly observations: readonly Observation[];
  readonly evaluate: (indicatorId: string) => ReturnType<typeof evaluateIndicator>;
}

export async function sampleReport(
  sample: SamplePlan,
  year = 2023,
  kind: "annual" | "midTerm" = "annual",
  /** More of the report's input (a policy window, procurement…), as the API would pass it. */
  extra: Partial<Parameters<typeof buildPlanReport>[0]> = {},
): Promise<SampleReport> {
  const doc = await Effect.runPromise(
    importPlanDocument({ bytes: new Uint8Array(readFileSync(sample.path)), fileName: basename(sample.path) }),
  );
  const m = inMemoryPlan(doc, { planId: sample.key, jurisdictionCode: sample.jurisdictionCode });
  const jurisdiction = sampleJurisdictions.find((j) => j.code === sample.jurisdictionCode) as Jurisdiction;
  const observations = sampleObservations(m.plan, m.indicators, { seed: 20231231, lastYear: year });
  const period = { baselineYear: m.plan.baselineYear, periodEnd: m.plan.periodEnd };
  const evaluate = (indicatorId: string) =>
    evaluateIndicator({
      indicator: m.indicators.find((i) => i.id === indicatorId)!,
      observations: observations.filter((o) => o.indicatorId === indicatorId),
      year,
      period,
    });
  const report = buildPlanReport({
    plan: m.plan,
    jurisdiction,
    indicators: m.indicators,
    observations,
    tasks: sampleWorkProgress(m.tasks, 7, year),
    projects: sampleProjectProgress(m.projects, 7, year),
    year,
    kind,
    evaluate: (indicator, obs, y) => evaluateIndicator({ indicator, observations: obs, year: y, period }),
    ...extra,
  });
  return { sample, report, observations, evaluate };
}

export { samplePlans };
