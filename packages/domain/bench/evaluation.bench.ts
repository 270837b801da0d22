import { Result } from "effect";
import { createEvaluator, type EvaluationSettingsInput, type Verdict } from "../src/evaluation/index.ts";
import { generateNationalDataset, type NationalDataset } from "../src/synthetic/index.ts";
import { type Benchmark, type BenchResult, measure, time } from "./harness.ts";

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/**
 * Judges every indicator of every plan in every year (baseline year included: 6 years) and
 * tallies the verdicts — what a national overview computes. Observations are indexed inside the
 * timed run; results are counted, not kept.
 */
function evaluateAll(data: NationalDataset, settings: EvaluationSettingsInput): Record<Verdict, number> {
  const judge = createEvaluator(data.observations, settings);
  const counts: Record<Verdict, number> = {
    achieved: 0,
    onTrack: 0,
    behind: 0,
    missed: 0,
    needsJudgement: 0,
    insufficientData: 0,
  };
  for (const indicator of data.indicators) {
    for (const year of YEARS) counts[judge(indicator, year).verdict]++;
  }
  return counts;
}

function describeCounts(c: Record<Verdict, number>): string {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  return `${total} evaluations — 已达成 ${c.achieved}, 进展顺利 ${c.onTrack}, 进度滞后 ${c.behind}, 未达成 ${c.missed}, 需人工研判 ${c.needsJudgement}, 数据不足 ${c.insufficientData}`;
}

export const evaluationBenchmark: Benchmark = {
  name: "evaluation",
  run: (): BenchResult[] => {
    const gen = time(() => Result.getOrThrow(generateNationalDataset()));
    const data = gen.value;
    const generated: BenchResult = {
      name: "synthetic national dataset (generate)",
      measuredMs: gen.ms,
      goalMs: null,
      detail:
        `${data.jurisdictions.length} jurisdictions, ${data.plans.length} plans, ` +
        `${data.indicators.length} indicators, ${data.observations.length} observations`,
    };
    const elapsed = measure("evaluate national dataset (时序进度, ×6 years)", 1000, () =>
      evaluateAll(data, { method: "timeElapsed" }),
    );
    const escap = measure("evaluate national dataset (ESCAP, ×6 years)", 1000, () =>
      evaluateAll(data, { method: "escap" }),
    );
    return [
      generated,
      { ...elapsed, detail: describeCounts(elapsed.value) },
      { ...escap, detail: describeCounts(escap.value) },
    ];
  },
};
