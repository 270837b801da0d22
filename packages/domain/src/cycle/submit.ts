import { z } from "zod";
import type { PlausibilityWarning } from "./plausibility.ts";

/**
 * What a submit checks: every 约束性 indicator has a value or an explanation; every 约束性 breach
 * (behind or missed) has 原因 and 整改措施; every plausibility warning is explained by the row's
 * note. Each problem names its row so the grid can point at it.
 */

/** 原因 / 整改措施 / 责任单位 of an indicator in a year (lagging, breached, or without a value). */
export const IndicatorExplanation = z.object({
  cause: z.string().trim().max(2000),
  measure: z.string().trim().max(2000).nullable(),
  responsibleUnit: z.string().trim().max(200).nullable(),
});
export type IndicatorExplanation = z.infer<typeof IndicatorExplanation>;

/** A person's judgement beside a figure (42.7 亿元 and "基本符合预期", with a reason). */
export const AssessmentGrade = z.enum(["aheadMet", "faster", "onPace", "lagging"]);
export type AssessmentGrade = z.infer<typeof AssessmentGrade>;
export const assessmentGradeLabels: Record<AssessmentGrade, string> = {
  aheadMet: "提前实现",
  faster: "快于预期",
  onPace: "基本符合预期",
  lagging: "滞后",
};

export interface SubmitIndicator {
  readonly id: string;
  readonly name: string;
  readonly attribute: "binding" | "expected";
  /** Has a value this year (any subject). */
  readonly filled: boolean;
  /** Its verdict this year is a breach (约束性 behind or missed). */
  readonly breach: boolean;
  readonly explanation: Pick<IndicatorExplanation, "cause" | "measure"> | null;
}

/** What still stops a submit, on the row it names. */
export const SubmitProblem = z.object({
  indicatorId: z.string(),
  kind: z.enum(["missing", "causeRequired", "unexplainedWarning"]),
  message: z.string(),
});
export type SubmitProblem = z.infer<typeof SubmitProblem>;

/** "已填 12/16": indicators with a value this year, of all. */
export const FilledCount = z.object({
  filled: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type FilledCount = z.infer<typeof FilledCount>;

const has = (s: string | null | undefined) => Boolean(s?.trim());

export function submitProblems(
  indicators: readonly SubmitIndicator[],
  unexplainedWarnings: readonly PlausibilityWarning[],
): SubmitProblem[] {
  const out: SubmitProblem[] = [];
  for (const i of indicators) {
    if (i.attribute !== "binding") continue;
    if (!i.filled && !has(i.explanation?.cause)) {
      out.push({
        indicatorId: i.id,
        kind: "missing",
        message: `${i.name}：约束性指标未填报，须填写数值或说明原因`,
      });
    } else if (i.filled && i.breach && !(has(i.explanation?.cause) && has(i.explanation?.measure))) {
      out.push({
        indicatorId: i.id,
        kind: "causeRequired",
        message: `${i.name}：约束性指标未达进度，须填写原因和整改措施`,
      });
    }
  }
  for (const w of unexplainedWarnings) {
    out.push({
      indicatorId: w.indicatorId,
      kind: "unexplainedWarning",
      message: `${w.message}（须在备注中说明）`,
    });
  }
  return out;
}

/** "已填 12/16": filled indicators of all. */
export function completeness(indicators: readonly Pick<SubmitIndicator, "filled">[]): FilledCount {
  return { filled: indicators.filter((i) => i.filled).length, total: indicators.length };
}
