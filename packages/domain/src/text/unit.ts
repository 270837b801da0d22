import { compactSpaces, normalizeText } from "./normalize.ts";
import { toSimplified } from "./simplify.ts";

/**
 * Units plans write after a number or in an indicator name's brackets, in canonical (simplified)
 * spelling. Longest first so "万人次" wins over "万人" and "个月" over "个".
 */
export const UNITS: readonly string[] = [
  "个工作日",
  "个百分点",
  "万人次",
  "工作日",
  "个月",
  "分钟",
  "小时",
  "亿元",
  "万元",
  "千元",
  "万人",
  "万家",
  "万个",
  "万张",
  "万件",
  "万次",
  "人次",
  "万户",
  "%",
  "‰",
  "元",
  "人",
  "户",
  "个",
  "类",
  "项",
  "家",
  "种",
  "批",
  "件",
  "条",
  "所",
  "名",
  "张",
  "床",
  "天",
  "日",
  "年",
  "岁",
  "次",
  "倍",
  "分",
];

/** Spellings that mean a canonical unit: "个品种" counts 个 (the 品种 is the thing counted). */
export const UNIT_ALIASES: Readonly<Record<string, string>> = {
  个品种: "个",
  品种: "个",
  个百分比: "%",
  百分比: "%",
};

const ALL_SPELLINGS: readonly string[] = [...UNITS, ...Object.keys(UNIT_ALIASES)].sort(
  (a, b) => b.length - a.length,
);

/** Canonical unit for a spelling, or null if it is not a unit. */
export function canonicalUnit(spelling: string): string | null {
  const s = toSimplified(compactSpaces(normalizeText(spelling)));
  if (UNITS.includes(s)) return s;
  return UNIT_ALIASES[s] ?? null;
}

/**
 * The unit spelling that starts `s` at `from` (longest match), with its canonical form.
 * Used by the target parser after a number.
 */
export function matchUnitAt(s: string, from: number): { spelling: string; unit: string } | null {
  for (const spelling of ALL_SPELLINGS) {
    if (s.startsWith(spelling, from)) return { spelling, unit: UNIT_ALIASES[spelling] ?? spelling };
  }
  return null;
}

function prepare(s: string): string {
  return toSimplified(compactSpaces(normalizeText(s)));
}

/** Last bracket group "(…)" at the end of a name whose content is a unit, e.g. "(%)", "(万人次)". */
const TRAILING_BRACKET = /\(([^()]*)\)$/;

/**
 * The unit a text gives: a unit in brackets at the end of a name ("参保率（%）" → "%"), else the
 * unit after the first number ("890億元" → "亿元", "33.6 亿元" → "亿元", "82.27%" → "%").
 * Null when the text names none. Canonical simplified spelling.
 */
export function unitFromText(s: string): string | null {
  const t = prepare(s);
  const bracket = TRAILING_BRACKET.exec(t);
  if (bracket) {
    const unit = canonicalUnit(bracket[1]!);
    if (unit !== null) return unit;
  }
  const numberRe = /\d+(?:\.\d+)?/g;
  for (let m = numberRe.exec(t); m !== null; m = numberRe.exec(t)) {
    const hit = matchUnitAt(t, m.index + m[0].length);
    if (hit) return hit.unit;
  }
  return null;
}

export interface NameAndUnit {
  /** The name without its unit bracket, half-width brackets, spaces between Chinese removed. */
  readonly name: string;
  /** Canonical unit from the trailing bracket, or null. */
  readonly unit: string | null;
}

/**
 * Splits an indicator name from its unit: "基本医疗保险参保率（%）" → {name: "基本医疗保险参保率",
 * unit: "%"}. Only a trailing bracket that holds a unit is taken ("(含生育保险)" stays in the
 * name). Characters are not simplified (call `toSimplified` for that); footnote markers are not
 * removed (call `extractFootnoteMarks` first).
 */
export function splitNameAndUnit(s: string): NameAndUnit {
  const t = compactSpaces(normalizeText(s));
  const bracket = TRAILING_BRACKET.exec(t);
  if (bracket) {
    const unit = canonicalUnit(bracket[1]!);
    if (unit !== null) return { name: t.slice(0, bracket.index), unit };
  }
  return { name: t, unit: null };
}
