import { ownYearTarget, withTargetInForce } from "../cycle/targets.ts";
import type { Observation } from "../observation/schema.ts";
import type { SimpleTarget, TargetExpression } from "../target/expression.ts";
import { baseInputs, type Context, type IndicatorForEvaluation, insufficient, isBreach } from "./context.ts";
import { numericGoal, resolveBaseline } from "./goal.ts";
import { judgeMilestone, judgeQualitative } from "./judged.ts";
import { judgeNumeric } from "./numeric.ts";
import type { Evaluation, EvaluationInputs, EvaluationPart } from "./schema.ts";
import { EMPTY_INDEX, indexObservations, type SeriesIndex, seriesFor } from "./series.ts";
import {
  defaultEvaluationSettings,
  defaultPlanPeriod,
  EvaluationSettings,
  type EvaluationSettingsInput,
  PlanPeriod,
} from "./settings.ts";
import { verdictLabels, worstVerdict } from "./verdict.ts";

export interface EvaluateIndicatorInput {
  readonly indicator: IndicatorForEvaluation;
  /** The indicator's observations (others are ignored). */
  readonly observations: readonly Observation[];
  readonly year: number;
  readonly settings?: EvaluationSettingsInput | undefined;
  /** Base and end year of the plan (a `Plan` fits); 2020 → 2025 when omitted. */
  readonly period?: PlanPeriod;
}

/**
 * How `indicator` stands in `year`: verdict, breach flag, the inputs, and one Chinese sentence.
 * Pure and total: bad input gives a 数据不足 verdict with a `problem`, never an exception.
 */
export function evaluateIndicator(input: EvaluateIndicatorInput): Evaluation {
  const settings = parseSettings(input.settings);
  const period = parsePeriod(input.period);
  if (settings === null || period === null) {
    return invalid(
      input.indicator,
      input.year,
      settings ?? defaultEvaluationSettings,
      period ?? defaultPlanPeriod,
    );
  }
  return evaluateIndexed(
    input.indicator,
    indexObservations(input.indicator.id, input.observations),
    input.year,
    settings,
    period,
  );
}

/** Parsed settings, or null when they do not validate. */
export function parseSettings(input: EvaluationSettingsInput | undefined): EvaluationSettings | null {
  if (input === undefined) return defaultEvaluationSettings;
  const r = EvaluationSettings.safeParse(input);
  return r.success ? r.data : null;
}

export function parsePeriod(input: PlanPeriod | undefined): PlanPeriod | null {
  if (input === undefined) return defaultPlanPeriod;
  const r = PlanPeriod.safeParse({ baselineYear: input.baselineYear, periodEnd: input.periodEnd });
  return r.success ? r.data : null;
}

/** A 数据不足 evaluation for settings or a period that do not validate. */
export function invalid(
  indicator: IndicatorForEvaluation,
  year: number,
  settings: EvaluationSettings,
  period: PlanPeriod,
): Evaluation {
  const ctx = context(indicator, null, year, period, settings, EMPTY_INDEX, indicator.unit);
  return insufficient(ctx, "invalidInput", "评估参数或规划期设置无效，数据不足。");
}

/** The engine with settings already parsed and observations indexed (used by plan-wide runs). */
export function evaluateIndexed(
  asPlanned: IndicatorForEvaluation,
  index: SeriesIndex,
  year: number,
  settings: EvaluationSettings,
  period: PlanPeriod,
): Evaluation {
  const indicator = withTargetInForce(asPlanned, asPlanned.targetRevisions, year);
  // A staged target set for this very year is due now: judged against it, not on the time line.
  const own = ownYearTarget(asPlanned.targetRevisions, year) !== null;
  try {
    const target = indicator.target.expression;
    if (target.kind !== "compound") {
      const part = evaluateSimple(
        indicator,
        null,
        target,
        indicator.baseline.expression,
        index,
        year,
        settings,
        period,
        own,
      );
      return part;
    }
    const parts = target.parts.map((p) =>
      evaluateSimple(
        indicator,
        p.subject,
        p.target,
        baselineFor(indicator.baseline.expression, p.subject),
        index,
        year,
        settings,
        period,
        own,
      ),
    );
    return combine(indicator, year, settings, period, parts);
  } catch (e) {
    // Defensive: malformed data from outside the type system must still give a value.
    const ctx = context(indicator, null, year, period, settings, index, indicator.unit ?? null);
    const message = `评估过程出错（${e instanceof Error ? e.message : String(e)}），数据不足。`;
    return insufficient(ctx, "internalError", message);
  }
}

/** A compound baseline is matched to the target's part by subject; anything else has no part value. */
function baselineFor(baseline: TargetExpression, subject: string): TargetExpression {
  if (baseline.kind !== "compound") return { kind: "notApplicable" };
  return baseline.parts.find((p) => p.subject === subject)?.target ?? { kind: "notApplicable" };
}

function context(
  indicator: IndicatorForEvaluation,
  subject: string | null,
  year: number,
  period: PlanPeriod,
  settings: EvaluationSettings,
  index: SeriesIndex,
  unit: string | null,
  ownYearTarget = false,
): Context {
  return {
    indicator,
    subject,
    year,
    period,
    settings,
    series: seriesFor(index, subject),
    unit,
    ownYearTarget,
  };
}

function unitOf(target: SimpleTarget, indicatorUnit: string | null): string | null {
  switch (target.kind) {
    case "threshold":
    case "level":
    case "band":
      return target.quantity.unit ?? indicatorUnit;
    default:
      return indicatorUnit;
  }
}

function evaluateSimple(
  indicator: IndicatorForEvaluation,
  subject: string | null,
  target: SimpleTarget,
  baselineCell: TargetExpression,
  index: SeriesIndex,
  year: number,
  settings: EvaluationSettings,
  period: PlanPeriod,
  ownYear = false,
): EvaluationPart {
  const ctx = context(
    indicator,
    subject,
    year,
    period,
    settings,
    index,
    unitOf(target, indicator.unit),
    ownYear,
  );
  const who = subject === null ? "" : `${subject}：`;
  if (year <= period.baselineYear || year > period.periodEnd) {
    const msg =
      year === period.baselineYear
        ? `${who}${year}年为基期年份，不作进度评价，数据不足。`
        : `${who}${year}年不在规划期（${period.baselineYear + 1}—${period.periodEnd}年）内，数据不足。`;
    return insufficient(ctx, "yearOutsidePeriod", msg, baseInputs(ctx), [year]);
  }
  if (ctx.series.duplicateYears.length > 0) {
    const years = [...ctx.series.duplicateYears].sort((a, b) => a - b);
    const msg = `${who}${years.join("、")}年存在多条实际值，无法确定采用哪一条，数据不足。`;
    return insufficient(ctx, "duplicateYears", msg, baseInputs(ctx), years);
  }
  switch (target.kind) {
    case "notApplicable":
      return insufficient(ctx, "noTarget", `${who}未设定目标值，无法评估，数据不足。`);
    case "unrecognised":
      return insufficient(ctx, "unreadableTarget", `${who}目标表述无法识别（${target.reason}），数据不足。`);
    case "qualitative":
      return prefixed(
        judgeQualitative(
          ctx,
          target.statement,
          resolveBaseline(baselineCell, ctx.series, period.baselineYear, ctx.unit),
        ),
        who,
      );
    case "milestone":
      return prefixed(judgeMilestone(ctx, target.steps), who);
    default:
      break;
  }
  const baseline = resolveBaseline(baselineCell, ctx.series, period.baselineYear, ctx.unit);
  const g = numericGoal(target, indicator.direction, baseline, ctx.unit, settings);
  if (!g.ok) {
    return insufficient(ctx, "missingBaseline", `${who}目标为保持稳定，但缺少基期值，无法判断，数据不足。`);
  }
  const goal = g.goal;
  const inputs: EvaluationInputs = baseInputs(ctx);
  inputs.baselineValue = baseline.value;
  inputs.baselineSource = baseline.source;
  if (baseline.note !== null) inputs.notes.push(baseline.note);
  if (goal.kind === "threshold") {
    inputs.rule = "threshold";
    inputs.targetOp = goal.op;
    inputs.targetValue = goal.value;
  } else {
    inputs.rule = goal.maintain ? "maintain" : "band";
    inputs.targetValue = goal.centre;
    inputs.bandLow = goal.centre - goal.halfWidth;
    inputs.bandHigh = goal.centre + goal.halfWidth;
    inputs.bandHalfWidth = goal.halfWidth;
    inputs.bandWidthSource = goal.widthSource;
  }
  return prefixed(judgeNumeric(ctx, goal, baseline, inputs), who);
}

/** Compound parts name their subject at the start of the sentence. */
function prefixed(part: EvaluationPart, who: string): EvaluationPart {
  if (who === "" || part.explanation.startsWith(who)) return part;
  return { ...part, explanation: `${who}${part.explanation}` };
}

function combine(
  indicator: IndicatorForEvaluation,
  year: number,
  settings: EvaluationSettings,
  period: PlanPeriod,
  parts: EvaluationPart[],
): Evaluation {
  const verdict = worstVerdict(parts.map((p) => p.verdict));
  const ctx = context(indicator, null, year, period, settings, EMPTY_INDEX, indicator.unit);
  const inputs = baseInputs(ctx);
  const years = new Set<number>();
  for (const p of parts) for (const y of p.inputs.yearsUsed) years.add(y);
  inputs.yearsUsed = [...years].sort((a, b) => a - b);
  const each = parts.map((p) => `${p.subject}${verdictLabels[p.verdict]}`).join("、");
  return {
    indicatorId: indicator.id,
    subject: null,
    year,
    attribute: indicator.attribute,
    method: settings.method,
    preset: parts[0]!.preset,
    verdict,
    breach: isBreach(indicator.attribute, verdict),
    inputs,
    explanation: `分项评估：${each}，按最差分项计为${verdictLabels[verdict]}。`,
    problem: null,
    parts,
  };
}
