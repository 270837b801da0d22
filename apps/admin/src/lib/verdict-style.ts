import { type Verdict, verdictLabels } from "@ybplan/domain/evaluation";

/** Colours of the six verdicts (colour matrix, tags, chart markers). Text stays readable on each. */
export const verdictColors: Record<Verdict, { bg: string; fg: string; tag: string }> = {
  achieved: { bg: "#d9f7be", fg: "#135200", tag: "success" },
  onTrack: { bg: "#bae0ff", fg: "#003eb3", tag: "processing" },
  behind: { bg: "#fff1b8", fg: "#874d00", tag: "warning" },
  missed: { bg: "#ffccc7", fg: "#a8071a", tag: "error" },
  needsJudgement: { bg: "#efdbff", fg: "#391085", tag: "purple" },
  insufficientData: { bg: "#f0f0f0", fg: "#595959", tag: "default" },
};

/** Display order of verdict counts: the worst first, then the ones that need a person. */
export const verdictDisplayOrder: readonly Verdict[] = [
  "missed",
  "behind",
  "needsJudgement",
  "insufficientData",
  "onTrack",
  "achieved",
];

export function verdictLabel(v: Verdict): string {
  return verdictLabels[v];
}
