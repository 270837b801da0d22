import { z } from "zod";
import { Id, Year } from "../common/schema.ts";
import { AssessmentRule, IndicatorAttribute } from "../indicator/schema.ts";
import { ThresholdOp } from "../target/expression.ts";
import { EscapPresetName } from "./settings.ts";
import { EvaluationMethod, Verdict } from "./verdict.ts";

/** Which comparison decided the verdict. */
export const AppliedRule = z.enum([
  /** A threshold ("≥97%", ">95") or a level read as one by the indicator's direction. */
  "threshold",
  /** A band around a stated centre ("80%左右"). */
  "band",
  /** "保持稳定": a band around the baseline. */
  "maintain",
  /** Qualitative target: a person's judgement (or its absence). */
  "judgement",
  /** Institutional milestone ("省级统筹"). */
  "milestone",
  /** Nothing could be judged (no target, unreadable target, missing data). */
  "none",
]);
export type AppliedRule = z.infer<typeof AppliedRule>;

/** Where the baseline value came from. */
export const BaselineSource = z.enum([
  /** The baseline cell gives a plain number ("75.6"). */
  "cell",
  /** The observation recorded for the baseline year. */
  "observation",
  /** The cell gives a threshold ("95%以上"): its number is used, with a note. */
  "cellThreshold",
  /** The cell gives a band ("75%左右"): its centre is used, with a note. */
  "cellBand",
]);
export type BaselineSource = z.infer<typeof BaselineSource>;

/** ESCAP / Open SDG progress classes (labels depend on the preset, see `escapClassLabels`). */
export const EscapClass = z.enum(["substantial", "moderate", "limited", "deterioration", "notAvailable"]);
export type EscapClass = z.infer<typeof EscapClass>;

/** A reason the engine could not judge, as a value (never an exception). */
export const EvaluationProblem = z.object({
  code: z.enum([
    "duplicateYears",
    "invalidInput",
    "yearOutsidePeriod",
    "missingActual",
    "missingBaseline",
    "unreadableTarget",
    "noTarget",
    "growthNotAvailable",
    "internalError",
  ]),
  /** Chinese message (also what the explanation says). */
  message: z.string(),
  /** Years involved (the duplicated years, the missing years). */
  years: z.array(z.number().int()),
});
export type EvaluationProblem = z.infer<typeof EvaluationProblem>;

/** Every number the verdict rests on, so a report (or a person) can check it. */
export const EvaluationInputs = z.object({
  rule: AppliedRule,
  /** The indicator's footnote-driven rule (每年 / 期间年均 / 累计 / 期末). */
  assessment: AssessmentRule,
  /** Unit used for display ("%", "亿元"), from the target cell or the indicator. */
  unit: z.string().nullable(),
  baselineYear: Year,
  periodEnd: Year,
  /** Baseline value used, and where it came from; null without one. */
  baselineValue: z.number().nullable(),
  baselineSource: BaselineSource.nullable(),
  /** Threshold comparison (after reading a level by the direction); null for bands. */
  targetOp: ThresholdOp.nullable(),
  /** Threshold or level value, or the band's centre (the baseline for 保持稳定). */
  targetValue: z.number().nullable(),
  /** Band edges and the half-width used, with its source. */
  bandLow: z.number().nullable(),
  bandHigh: z.number().nullable(),
  bandHalfWidth: z.number().nullable(),
  bandWidthSource: z.enum(["stated", "setting"]).nullable(),
  /** Share of the period elapsed, (y − B)/(E − B). */
  elapsedShare: z.number().nullable(),
  /** Value the time-elapsed line expects in the year (cumulative: the pro-rata total). */
  expected: z.number().nullable(),
  /** The value judged: the year's actual, or the average / sum under those rules. */
  actual: z.number().nullable(),
  /** The year's text observation (a person's judgement) when one decided the verdict. */
  actualText: z.string().nullable(),
  /** Who recorded that judgement. */
  judgedBy: z.string().nullable(),
  /** Years whose observations were used. */
  yearsUsed: z.array(z.number().int()),
  /** ESCAP: base year actually used (moves forward when the base-year value is missing). */
  baseYearUsed: z.number().int().nullable(),
  /** ESCAP: actual and required compound yearly growth rates, and their ratio. */
  cra: z.number().nullable(),
  crr: z.number().nullable(),
  ratio: z.number().nullable(),
  escapClass: EscapClass.nullable(),
  /** Tolerance behind the line still counted as on track (基本符合预期). */
  tolerance: z.number(),
  /** Extra remarks (e.g. how a "95%以上" baseline was read). */
  notes: z.array(z.string()),
});
export type EvaluationInputs = z.infer<typeof EvaluationInputs>;

/** The judgement of one indicator (or one subject of a compound target) in one year. */
const EvaluationFields = z.object({
  indicatorId: Id,
  /** Subject of a compound target's part ("药品"); null for the indicator as a whole. */
  subject: z.string().nullable(),
  year: Year,
  attribute: IndicatorAttribute,
  method: EvaluationMethod,
  /** The ESCAP class preset, named in every ESCAP verdict; null for 时序进度. */
  preset: EscapPresetName.nullable(),
  verdict: Verdict,
  /** A 约束性 indicator that is behind or missed — reported first, distinct from 预期性 misses. */
  breach: z.boolean(),
  inputs: EvaluationInputs,
  /** One sentence of formal Chinese a report can print. */
  explanation: z.string().min(1),
  problem: EvaluationProblem.nullable(),
});

/**
 * An indicator's evaluation. A compound target carries one evaluation per subject in `parts`
 * (whose own `parts` are empty) and the worst of their verdicts; any other target has no parts.
 */
export interface Evaluation extends z.infer<typeof EvaluationFields> {
  parts: Evaluation[];
}
export const Evaluation: z.ZodType<Evaluation> = EvaluationFields.extend({
  parts: z.array(z.lazy(() => Evaluation)),
});

/** One subject's evaluation inside a compound target (an `Evaluation` with no parts). */
export type EvaluationPart = Evaluation;
