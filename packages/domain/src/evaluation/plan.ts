import type { Observation } from "../observation/schema.ts";
import type { IndicatorForEvaluation } from "./context.ts";
import { evaluateIndexed, invalid, parsePeriod, parseSettings } from "./evaluate.ts";
import type { Evaluation } from "./schema.ts";
import { EMPTY_INDEX, indexByIndicator } from "./series.ts";
import {
  defaultEvaluationSettings,
  defaultPlanPeriod,
  type EvaluationSettingsInput,
  type PlanPeriod,
} from "./settings.ts";
import { type Verdict, verdictSeverity } from "./verdict.ts";

export interface PlanEvaluation {
  readonly year: number;
  /** One per indicator, in the order given. */
  readonly evaluations: Evaluation[];
  /** How many indicators got each verdict. */
  readonly counts: Record<Verdict, number>;
  /** How many are breaches (约束性 behind or missed). */
  readonly breaches: number;
  /**
   * How many 约束性 indicators have no verdict for want of data. A plan with any is not "all
   * binding indicators met": summaries must name them instead of counting them as success.
   */
  readonly bindingWithoutData: number;
}

/** 约束性 indicators judged 数据不足: never counted as met. */
export function bindingWithoutData(evaluations: readonly Evaluation[]): Evaluation[] {
  return evaluations.filter((e) => e.attribute === "binding" && e.verdict === "insufficientData");
}

function emptyCounts(): Record<Verdict, number> {
  return { achieved: 0, onTrack: 0, behind: 0, missed: 0, needsJudgement: 0, insufficientData: 0 };
}

/** Counts evaluations by verdict. */
export function countVerdicts(evaluations: readonly Evaluation[]): Record<Verdict, number> {
  const counts = emptyCounts();
  for (const e of evaluations) counts[e.verdict]++;
  return counts;
}

/**
 * Evaluates every indicator of a plan in `year`. Observations may include other plans' (they are
 * grouped by indicator once). Settings are parsed once; invalid settings give 数据不足 verdicts.
 */
export function evaluatePlan(
  indicators: readonly IndicatorForEvaluation[],
  observations: readonly Observation[],
  year: number,
  settings?: EvaluationSettingsInput,
  period?: PlanPeriod,
): PlanEvaluation {
  const row = createEvaluator(observations, settings, period);
  const evaluations = indicators.map((i) => row(i, year));
  const counts = countVerdicts(evaluations);
  return {
    year,
    evaluations,
    counts,
    breaches: evaluations.filter((e) => e.breach).length,
    bindingWithoutData: bindingWithoutData(evaluations).length,
  };
}

export interface VerdictMatrix {
  readonly years: readonly number[];
  /** One row per indicator; `evaluations[k]` is for `years[k]`. */
  readonly rows: readonly { readonly indicatorId: string; readonly evaluations: Evaluation[] }[];
}

/** Every indicator × every year: the plan's progress at a glance (observations indexed once). */
export function verdictMatrix(
  indicators: readonly IndicatorForEvaluation[],
  observations: readonly Observation[],
  years: readonly number[],
  settings?: EvaluationSettingsInput,
  period?: PlanPeriod,
): VerdictMatrix {
  const row = createEvaluator(observations, settings, period);
  return {
    years,
    rows: indicators.map((i) => ({ indicatorId: i.id, evaluations: years.map((y) => row(i, y)) })),
  };
}

/**
 * Indexes the observations once and returns a judge for any (indicator, year): the building block
 * of `evaluatePlan` and `verdictMatrix`, and of callers that stream results (national counts).
 */
export function createEvaluator(
  observations: readonly Observation[],
  settingsInput?: EvaluationSettingsInput,
  periodInput?: PlanPeriod,
): (indicator: IndicatorForEvaluation, year: number) => Evaluation {
  const settings = parseSettings(settingsInput);
  const period = parsePeriod(periodInput);
  if (settings === null || period === null) {
    return (i, y) => invalid(i, y, settings ?? defaultEvaluationSettings, period ?? defaultPlanPeriod);
  }
  const index = indexByIndicator(observations);
  return (i, y) => evaluateIndexed(i, index.get(i.id) ?? EMPTY_INDEX, y, settings, period);
}

/**
 * Report order: breaches first (约束性 behind or missed), then by severity (未达成, 进度滞后,
 * 数据不足, 需人工研判, 进展顺利, 已达成); ties keep their given (table) order.
 */
export function sortForReport<E extends Pick<Evaluation, "breach" | "verdict">>(
  evaluations: readonly E[],
): E[] {
  return evaluations
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        Number(b.e.breach) - Number(a.e.breach) ||
        verdictSeverity(a.e.verdict) - verdictSeverity(b.e.verdict) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}
