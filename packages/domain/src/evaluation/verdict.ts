import { z } from "zod";

/** The six verdicts. Ordered best → worst for comparisons (see `verdictRank`). */
export const Verdict = z.enum([
  "achieved",
  "onTrack",
  "behind",
  "missed",
  "needsJudgement",
  "insufficientData",
]);
export type Verdict = z.infer<typeof Verdict>;

export const verdictLabels: Record<Verdict, string> = {
  achieved: "已达成",
  onTrack: "进展顺利",
  behind: "进度滞后",
  missed: "未达成",
  needsJudgement: "需人工研判",
  insufficientData: "数据不足",
};

/**
 * Rank of the judged verdicts, higher is better. `needsJudgement` and `insufficientData` are not
 * judgements of progress and have no rank (null).
 */
export function verdictRank(v: Verdict): number | null {
  switch (v) {
    case "achieved":
      return 3;
    case "onTrack":
      return 2;
    case "behind":
      return 1;
    case "missed":
      return 0;
    default:
      return null;
  }
}

/** Method used: 时序进度 (time-elapsed) or the ESCAP growth-rate ratio. */
export const EvaluationMethod = z.enum(["timeElapsed", "escap"]);
export type EvaluationMethod = z.infer<typeof EvaluationMethod>;
export const evaluationMethodLabels: Record<EvaluationMethod, string> = {
  timeElapsed: "时序进度法",
  escap: "增速比值法（ESCAP）",
};

/**
 * Severity for combining and ordering verdicts, worst first: a miss, then behind, then what cannot
 * be judged (no data is worse than awaiting a person), then on track and achieved.
 */
const SEVERITY: Record<Verdict, number> = {
  missed: 0,
  behind: 1,
  insufficientData: 2,
  needsJudgement: 3,
  onTrack: 4,
  achieved: 5,
};

/** Lower is worse (see `SEVERITY`); total over all six verdicts, unlike `verdictRank`. */
export function verdictSeverity(v: Verdict): number {
  return SEVERITY[v];
}

/** The worst of several verdicts (a compound target is as good as its worst part). */
export function worstVerdict(vs: readonly Verdict[]): Verdict {
  let worst: Verdict = "achieved";
  for (const v of vs) if (SEVERITY[v] < SEVERITY[worst]) worst = v;
  return worst;
}
