import type { Verdict } from "./verdict.ts";

/**
 * The convention for recording a person's judgement (qualitative and milestone targets): an
 * observation of kind `text` for the year whose text starts with the conclusion, then the
 * reason — "进展顺利：收入规模与经济发展水平相适应", "已达成：已实现省级统筹". `recordedBy` says
 * who judged. Accepted conclusions:
 *   已达成 / 已完成 / 已实现 / 提前实现 → achieved;  进展顺利 / 符合预期 / 基本符合预期 / 快于预期 → onTrack;
 *   进度滞后 / 滞后 → behind;  未达成 / 未完成 → missed.
 * A text without one of these openings is kept as a note and the verdict stays 需人工研判.
 */
const CONCLUSIONS: readonly (readonly [string, Verdict])[] = [
  ["基本符合预期", "onTrack"],
  ["进展顺利", "onTrack"],
  ["符合预期", "onTrack"],
  ["快于预期", "onTrack"],
  ["提前实现", "achieved"],
  ["已达成", "achieved"],
  ["已完成", "achieved"],
  ["已实现", "achieved"],
  ["进度滞后", "behind"],
  ["滞后", "behind"],
  ["未达成", "missed"],
  ["未完成", "missed"],
];

const SEPARATORS = new Set(["：", ":", "，", ",", "。", "；", ";", " ", "　", "—", "-"]);

export interface Judgement {
  /** The conclusion, or null when the text does not open with one. */
  readonly verdict: Verdict | null;
  /** The rest of the text (the reason), trimmed; may be empty. */
  readonly reason: string;
}

/** Reads a judgement text by the convention above. */
export function parseJudgement(text: string): Judgement {
  const t = text.trim();
  for (const [word, verdict] of CONCLUSIONS) {
    if (!t.startsWith(word)) continue;
    let rest = t.slice(word.length);
    while (rest.length > 0 && SEPARATORS.has(rest[0]!)) rest = rest.slice(1);
    return { verdict, reason: stripFinalStop(rest.trim()) };
  }
  return { verdict: null, reason: stripFinalStop(t) };
}

function stripFinalStop(s: string): string {
  return s.endsWith("。") || s.endsWith(".") ? s.slice(0, -1) : s;
}
