import type { Verdict } from "../evaluation/verdict.ts";
import type { ReviewGrade } from "./model.ts";

/** The national 十四五 mid-term review's four words (progress-assessment.md §3), plus two. */
export const reviewGradeLabels: Record<ReviewGrade, string> = {
  aheadMet: "提前实现",
  faster: "快于预期",
  onPace: "基本符合预期",
  lagging: "滞后",
  needsJudgement: "待研判",
  insufficientData: "暂无数据",
};

/** Order used for counts and tables. */
export const reviewGradeOrder: readonly ReviewGrade[] = [
  "aheadMet",
  "faster",
  "onPace",
  "lagging",
  "needsJudgement",
  "insufficientData",
];

/**
 * Share of the time-elapsed line within which progress counts as "on or near it" (基本符合预期):
 * progress ≥ (1 + tolerance) × expected is 快于预期, below (1 − tolerance) × expected is 滞后.
 */
export const DEFAULT_REVIEW_TOLERANCE = 0.05;

export interface ReviewInputs {
  readonly verdict: Verdict;
  /** Band and maintain targets are held, not reached early: meeting them is 基本符合预期. */
  readonly holdTarget: boolean;
  readonly baseline: number | null;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly tolerance?: number | undefined;
}

/**
 * Grades an indicator in the review vocabulary. The evaluation's verdict decides met / missed /
 * ungradable; the position against the time-elapsed line decides faster / on pace / lagging.
 */
export function reviewGrade(i: ReviewInputs): ReviewGrade {
  const tol = i.tolerance ?? DEFAULT_REVIEW_TOLERANCE;
  switch (i.verdict) {
    case "needsJudgement":
      return "needsJudgement";
    case "insufficientData":
      return "insufficientData";
    case "achieved":
      return i.holdTarget ? "onPace" : "aheadMet";
    case "missed":
      return "lagging";
    default:
      break;
  }
  const ratio = progressRatio(i.baseline, i.expected, i.actual);
  // The engine's verdict bounds the grade: on track is at least 基本符合预期, behind at most.
  if (i.verdict === "onTrack") return ratio !== null && ratio >= 1 + tol ? "faster" : "onPace";
  return ratio !== null && ratio >= 1 - tol ? "onPace" : "lagging";
}

/** Progress made divided by progress the time-elapsed line expects; null when undefined. */
export function progressRatio(baseline: number | null, expected: number | null, actual: number | null) {
  if (baseline === null || expected === null || actual === null) return null;
  const due = expected - baseline;
  if (Math.abs(due) < 1e-9) return null;
  return (actual - baseline) / due;
}

/** `expected(y) = baseline + (target − baseline) × (y − B)/(E − B)` (时序进度). */
export function timeElapsedExpected(
  baseline: number | null,
  target: number | null,
  baselineYear: number,
  endYear: number,
  year: number,
): number | null {
  if (baseline === null || target === null || endYear <= baselineYear) return null;
  const share = Math.min(1, Math.max(0, (year - baselineYear) / (endYear - baselineYear)));
  return baseline + (target - baseline) * share;
}
