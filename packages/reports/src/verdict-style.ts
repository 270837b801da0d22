import type { Verdict } from "@ybplan/domain/evaluation";

/** Fill colours of verdict cells (xlsx, docx, html), hex RGB without '#'. */
export const verdictFill: Record<Verdict, string> = {
  achieved: "C6EFCE",
  onTrack: "DDEBF7",
  behind: "FFEB9C",
  missed: "FFC7CE",
  needsJudgement: "E4DFEC",
  insufficientData: "EDEDED",
};

/** Text colours matching the fills. */
export const verdictInk: Record<Verdict, string> = {
  achieved: "006100",
  onTrack: "1F4E79",
  behind: "9C5700",
  missed: "9C0006",
  needsJudgement: "5B3F86",
  insufficientData: "595959",
};
