import type { TargetInForceEntry } from "../cycle/targets.ts";
import type { Indicator } from "../indicator/schema.ts";
import { indicatorAttributeLabels } from "../indicator/schema.ts";
import type { EvaluationInputs, EvaluationPart, EvaluationProblem } from "./schema.ts";
import type { Series } from "./series.ts";
import type { EvaluationSettings, PlanPeriod } from "./settings.ts";
import { escapPresets } from "./settings.ts";
import type { Verdict } from "./verdict.ts";

/**
 * The fields of an indicator the engine reads. `targetRevisions` (中期调整 and staged yearly
 * targets): each year is judged against the target in force that year (see cycle/targets.ts);
 * absent = the original target.
 */
export type IndicatorForEvaluation = Pick<
  Indicator,
  "id" | "name" | "unit" | "baseline" | "target" | "attribute" | "direction" | "assessment"
> & { readonly targetRevisions?: readonly TargetInForceEntry[] | undefined };

/** Everything one judgement (an indicator, or one subject of a compound target) needs. */
export interface Context {
  readonly indicator: IndicatorForEvaluation;
  readonly subject: string | null;
  readonly year: number;
  readonly period: PlanPeriod;
  readonly settings: EvaluationSettings;
  readonly series: Series;
  /** Display unit: the target cell's, else the indicator's. */
  readonly unit: string | null;
  /** The target is the year's own staged target (due this year), not the end-of-period one. */
  readonly ownYearTarget?: boolean;
}

/** 约束性 / 预期性 */
export function attributeLabel(ctx: Context): string {
  return indicatorAttributeLabels[ctx.indicator.attribute];
}

/** Inputs with nothing filled in but what every verdict carries. */
export function baseInputs(ctx: Context): EvaluationInputs {
  return {
    rule: "none",
    assessment: ctx.indicator.assessment,
    unit: ctx.unit,
    baselineYear: ctx.period.baselineYear,
    periodEnd: ctx.period.periodEnd,
    baselineValue: null,
    baselineSource: null,
    targetOp: null,
    targetValue: null,
    bandLow: null,
    bandHigh: null,
    bandHalfWidth: null,
    bandWidthSource: null,
    elapsedShare: null,
    expected: null,
    actual: null,
    actualText: null,
    judgedBy: null,
    yearsUsed: [],
    baseYearUsed: null,
    cra: null,
    crr: null,
    ratio: null,
    escapClass: null,
    tolerance: ctx.settings.nearLineTolerance,
    notes: [],
  };
}

/** 约束性 indicators behind or missed are breaches. */
export function isBreach(attribute: Indicator["attribute"], verdict: Verdict): boolean {
  return attribute === "binding" && (verdict === "behind" || verdict === "missed");
}

export function makePart(
  ctx: Context,
  verdict: Verdict,
  inputs: EvaluationInputs,
  explanation: string,
  problem: EvaluationProblem | null = null,
): EvaluationPart {
  const escap = ctx.settings.method === "escap";
  return {
    indicatorId: ctx.indicator.id,
    subject: ctx.subject,
    year: ctx.year,
    attribute: ctx.indicator.attribute,
    method: ctx.settings.method,
    preset: escap ? escapPresets[ctx.settings.escapPreset].name : null,
    verdict,
    breach: isBreach(ctx.indicator.attribute, verdict),
    inputs,
    explanation,
    problem,
    parts: [],
  };
}

/** A verdict of 数据不足 with its problem as a value; the message is the explanation. */
export function insufficient(
  ctx: Context,
  code: EvaluationProblem["code"],
  message: string,
  inputs: EvaluationInputs = baseInputs(ctx),
  years: number[] = [],
): EvaluationPart {
  return makePart(ctx, "insufficientData", inputs, message, { code, message, years });
}
