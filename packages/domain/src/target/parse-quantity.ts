/**
 * Numeric targets: thresholds ("≥97%", "95%以上", "不低于50%", "稳定在95%以上"), levels ("76.0",
 * "达到90%", "从63%提高到70%", "降至27%") and bands ("75%左右", "稳定在80%左右", "80%±1").
 * Works on prepared text (half-width, simplified, no spaces). Returns null when the text is not
 * one of these forms; the caller decides the reason.
 */
import { matchUnitAt } from "../text/unit.ts";
import type { Quantity, SimpleTarget, ThresholdOp } from "./expression.ts";
import {
  ABOUT_PREFIXES,
  AROUND,
  CAP_PREFIXES,
  CHANGE_VERBS,
  FROM_WORDS,
  PREFIX_OPS,
  REACH_PREFIXES,
  SUFFIX_OPS,
  SUSTAIN_PREFIXES,
  TO_WORDS,
} from "./lexicon.ts";

type NumericTarget = Extract<SimpleTarget, { kind: "threshold" | "level" | "band" }>;

interface Read<T> {
  readonly value: T;
  readonly end: number;
}

const NUMBER = /\d+(?:\.\d+)?/y;

/** A number at `from`, as a finite non-negative value. */
export function readNumber(s: string, from: number): Read<number> | null {
  NUMBER.lastIndex = from;
  const m = NUMBER.exec(s);
  if (!m) return null;
  const value = Number(m[0]);
  return Number.isFinite(value) ? { value, end: from + m[0].length } : null;
}

/** A number with an optional unit at `from`: "33.6亿元", "500个品种", "97%", "70". */
function readQuantity(s: string, from: number): Read<Quantity> | null {
  const n = readNumber(s, from);
  if (!n) return null;
  const unit = matchUnitAt(s, n.end);
  return unit
    ? { value: { value: n.value, unit: unit.unit }, end: n.end + unit.spelling.length }
    : { value: { value: n.value, unit: null }, end: n.end };
}

/** The whole of `s` is one quantity. */
function wholeQuantity(s: string): Quantity | null {
  const q = readQuantity(s, 0);
  return q && q.end === s.length ? q.value : null;
}

function startingWord<T extends string>(s: string, words: readonly T[], from = 0): T | null {
  for (const w of words) if (s.startsWith(w, from)) return w;
  return null;
}

/** "≥97%", ">500", "不低于50%", "95%以上", "12个月以上". */
function comparison(s: string): { op: ThresholdOp; quantity: Quantity } | null {
  for (const [word, op] of PREFIX_OPS) {
    if (!s.startsWith(word)) continue;
    const quantity = wholeQuantity(s.slice(word.length));
    if (quantity) return { op, quantity };
  }
  const q = readQuantity(s, 0);
  if (!q) return null;
  const rest = s.slice(q.end);
  for (const [word, op] of SUFFIX_OPS) if (rest === word) return { op, quantity: q.value };
  return null;
}

const HALF_WIDTH_UNIT = /^(?:个百分点|%)?$/;

/** "75%左右", "80%±1", "80±1%", "80%左右(±1个百分点)". */
function band(s: string, sustain: boolean): NumericTarget | null {
  const q = readQuantity(s, 0);
  if (!q) return null;
  let quantity = q.value;
  let rest = s.slice(q.end);
  let halfWidth: number | null = null;
  if (rest === AROUND) return { kind: "band", quantity, halfWidth: null, sustain };
  if (rest.startsWith(AROUND) && rest.endsWith(")") && rest.startsWith("(±", AROUND.length)) {
    rest = rest.slice(AROUND.length + 1, -1);
  }
  if (!rest.startsWith("±")) return null;
  const h = readNumber(rest, 1);
  if (!h || h.value <= 0) return null;
  const unitText = rest.slice(h.end);
  if (!HALF_WIDTH_UNIT.test(unitText)) return null;
  if (unitText === "%" && quantity.unit === null) quantity = { ...quantity, unit: "%" };
  halfWidth = h.value;
  return { kind: "band", quantity, halfWidth, sustain };
}

/** "2020年的", "2025年底": a year naming when a figure of a change holds (prose writes it). */
const CHANGE_YEAR = /(?:19|20)\d{2}年(?:底|末)?的?/y;

function skipYear(s: string, from: number): number {
  CHANGE_YEAR.lastIndex = from;
  return CHANGE_YEAR.exec(s) ? CHANGE_YEAR.lastIndex : from;
}

/** "提高到70%", "从63%提高到70%", "降至27%", "从63%到70%", "由2020年的30%提升至70%". */
function change(s: string): NumericTarget | null {
  let i = 0;
  let from: Quantity | null = null;
  const fromWord = startingWord(s, FROM_WORDS);
  if (fromWord) {
    const q = readQuantity(s, skipYear(s, fromWord.length));
    if (!q) return null;
    from = q.value;
    i = q.end;
  }
  let directionHint: "higher" | "lower" | null = null;
  for (const [verb, hint] of CHANGE_VERBS) {
    if (s.startsWith(verb, i)) {
      directionHint = hint;
      i += verb.length;
      break;
    }
  }
  if (from === null && directionHint === null) return null;
  const to = startingWord(s, TO_WORDS, i);
  if (!to) return null;
  const rest = s.slice(skipYear(s, i + to.length));
  const quantity = wholeQuantity(rest);
  if (quantity) return { kind: "level", quantity, from, directionHint };
  // "提高到95%以上": the comparison is what counts; "提高到65%左右": the band.
  const cmp = comparison(rest);
  if (cmp) return { kind: "threshold", op: cmp.op, quantity: cmp.quantity, sustain: false };
  return band(rest, false);
}

/** Parses a numeric target, or returns null. */
export function parseNumericTarget(s: string): NumericTarget | null {
  for (const prefix of SUSTAIN_PREFIXES) {
    if (!s.startsWith(prefix) || s.length === prefix.length) continue;
    const rest = s.slice(prefix.length);
    const b = band(rest, true);
    if (b) return b;
    const cmp = comparison(rest);
    if (cmp) return { kind: "threshold", op: cmp.op, quantity: cmp.quantity, sustain: true };
    // "稳定在80%": hold at a level, i.e. a band whose width is the evaluation setting.
    const q = wholeQuantity(rest);
    if (q) return { kind: "band", quantity: q, halfWidth: null, sustain: true };
  }
  for (const prefix of ABOUT_PREFIXES) {
    if (!s.startsWith(prefix)) continue;
    const q = wholeQuantity(s.slice(prefix.length));
    if (q) return { kind: "band", quantity: q, halfWidth: null, sustain: false };
  }
  for (const prefix of REACH_PREFIXES) {
    if (!s.startsWith(prefix)) continue;
    const rest = s.slice(prefix.length);
    const q = wholeQuantity(rest);
    if (q) return { kind: "level", quantity: q, from: null, directionHint: null };
    const cmp = comparison(rest);
    if (cmp) return { kind: "threshold", op: cmp.op, quantity: cmp.quantity, sustain: false };
    const b = band(rest, false);
    if (b) return b;
  }
  for (const prefix of CAP_PREFIXES) {
    if (!s.startsWith(prefix)) continue;
    const rest = s.slice(prefix.length);
    const q = wholeQuantity(rest);
    if (q) return { kind: "threshold", op: "lte", quantity: q, sustain: false };
    const cmp = comparison(rest);
    if (cmp && (cmp.op === "lte" || cmp.op === "lt")) {
      return { kind: "threshold", op: cmp.op, quantity: cmp.quantity, sustain: false };
    }
    const b = band(rest, false);
    if (b) return b;
  }
  const moved = change(s);
  if (moved) return moved;
  const b = band(s, false);
  if (b) return b;
  const cmp = comparison(s);
  if (cmp) return { kind: "threshold", op: cmp.op, quantity: cmp.quantity, sustain: false };
  const q = wholeQuantity(s);
  return q ? { kind: "level", quantity: q, from: null, directionHint: null } : null;
}
