/**
 * Compound cells: one target per subject, "药品达到90%、高值医用耗材达到80%",
 * "药品500个品种以上,高值医用耗材5类以上", baseline "药品112个品种、高值医用耗材1类".
 * Every part must be "<subject><numeric target or 保持稳定>"; otherwise the cell is not compound.
 */
import type { SimpleTarget, TargetExpression } from "./expression.ts";
import {
  CAP_PREFIXES,
  CHANGE_VERBS,
  FROM_WORDS,
  MAINTAIN_PHRASES,
  PART_SEPARATORS,
  PREFIX_OPS,
  REACH_PREFIXES,
  SUSTAIN_PREFIXES,
} from "./lexicon.ts";
import { parseNumericTarget } from "./parse-quantity.ts";
import { parseMaintain } from "./parse-words.ts";

type Compound = Extract<TargetExpression, { kind: "compound" }>;
type Part = Compound["parts"][number];

/** Words that may start the target after a subject. */
const TARGET_STARTS: readonly string[] = [
  ...PREFIX_OPS.map(([word]) => word),
  ...SUSTAIN_PREFIXES,
  ...REACH_PREFIXES,
  ...CAP_PREFIXES,
  ...CHANGE_VERBS.map(([word]) => word),
  ...FROM_WORDS,
  ...MAINTAIN_PHRASES,
];

const SUBJECT = /^[^\d]*\p{Script=Han}[^\d]*$/u;

function isTargetStart(s: string, i: number): boolean {
  return /\d/.test(s[i]!) || TARGET_STARTS.some((w) => s.startsWith(w, i));
}

/** "高值医用耗材达到80%" → {subject: "高值医用耗材", target: level 80%}; the shortest subject wins. */
export function parseSubjectPart(s: string): Part | null {
  for (let k = 1; k < s.length; k++) {
    if (!isTargetStart(s, k)) continue;
    const subject = s.slice(0, k);
    if (!SUBJECT.test(subject)) continue;
    const rest = s.slice(k);
    const target: SimpleTarget | null = parseNumericTarget(rest) ?? parseMaintain(rest);
    if (target) return { subject, target };
  }
  return null;
}

const SEPARATORS = new RegExp(PART_SEPARATORS, "g");
/** Every part holds a number or "稳定"; without either the cell cannot be compound. */
const MAY_BE_COMPOUND = /\d|稳定/;

/** A compound cell, or null when the text is not one. */
export function parseCompound(s: string): Compound | null {
  if (!MAY_BE_COMPOUND.test(s)) return null;
  const pieces = s.split(SEPARATORS);
  if (pieces.length < 2) return null;
  const parts: Part[] = [];
  for (const piece of pieces) {
    const part = parseSubjectPart(piece);
    if (!part) return null;
    parts.push(part);
  }
  const [a, b, ...rest] = parts;
  return a && b ? { kind: "compound", parts: [a, b, ...rest] } : null;
}
