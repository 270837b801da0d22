/**
 * Targets in words: keep-the-baseline ("保持稳定"), milestones ("省级统筹",
 * "巩固市级统筹适时推进省级统筹") and qualitative statements ("保持合理水平"). Prepared text in.
 */
import type { SimpleTarget } from "./expression.ts";
import { MAINTAIN_PHRASES, MILESTONE_STEP_VERBS, PART_SEPARATORS, QUALITATIVE_CUES } from "./lexicon.ts";
import { readNumber } from "./parse-quantity.ts";

type Maintain = Extract<SimpleTarget, { kind: "maintain" }>;
type Milestone = Extract<SimpleTarget, { kind: "milestone" }>;
type Qualitative = Extract<SimpleTarget, { kind: "qualitative" }>;

/** "保持稳定", "保持稳定(±1)", "保持稳定±1个百分点". */
export function parseMaintain(s: string): Maintain | null {
  for (const phrase of MAINTAIN_PHRASES) {
    if (!s.startsWith(phrase)) continue;
    let rest = s.slice(phrase.length);
    if (rest === "") return { kind: "maintain", halfWidth: null };
    if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.slice(1, -1);
    if (!rest.startsWith("±")) continue;
    const h = readNumber(rest, 1);
    if (!h || h.value <= 0) continue;
    if (/^(?:个百分点|%)?$/.test(rest.slice(h.end))) return { kind: "maintain", halfWidth: h.value };
  }
  return null;
}

const HAS_DIGIT = /\d/;
const HAS_HAN = /\p{Script=Han}/u;
/** Stages of pooling and roll-out; "统筹" alone is too common ("统筹基金") to count. */
const MILESTONE_MARK = /(?:省|市|县|州|地|区)级统筹|统筹层次|试点|全覆盖|全面推开|全面实施|建成/;

const SEPARATORS = new RegExp(PART_SEPARATORS, "g");

/** Splits one run of text before each step verb that is not at its start. */
function splitAtVerbs(piece: string): string[] {
  const cuts: number[] = [];
  let i = 0;
  while (i < piece.length) {
    const verb = MILESTONE_STEP_VERBS.find((v) => piece.startsWith(v, i));
    if (verb) {
      if (i > 0) cuts.push(i);
      i += verb.length;
    } else i++;
  }
  const steps: string[] = [];
  let start = 0;
  for (const cut of [...cuts, piece.length]) {
    steps.push(piece.slice(start, cut));
    start = cut;
  }
  return steps.filter((step) => step !== "");
}

/** "省级统筹" → ["省级统筹"]; "巩固市级统筹适时推进省级统筹" → ["巩固市级统筹", "适时推进省级统筹"]. */
export function parseMilestone(s: string): Milestone | null {
  if (HAS_DIGIT.test(s) || !MILESTONE_MARK.test(s)) return null;
  const steps = s
    .split(SEPARATORS)
    .flatMap(splitAtVerbs)
    .filter((step) => HAS_HAN.test(step));
  const [first, ...rest] = steps;
  return first === undefined ? null : { kind: "milestone", steps: [first, ...rest] };
}

/** A statement in words with a cue of judgement ("合理", "相适应", "更加"…), no numbers. */
export function parseQualitative(s: string): Qualitative | null {
  if (HAS_DIGIT.test(s) || !HAS_HAN.test(s)) return null;
  return QUALITATIVE_CUES.some((cue) => s.includes(cue)) ? { kind: "qualitative", statement: s } : null;
}
