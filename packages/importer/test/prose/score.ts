import type { IndicatorDraft } from "@ybplan/domain/plan";
import type { TargetExpression } from "@ybplan/domain/target";
import { parseIndicatorProse } from "../../src/index.ts";

/**
 * Expected reading of one indicator stated in prose:
 * [name, comparator, value, unit, baseline value?, category?]. Comparators: ">=" ">" "<=" "<"
 * (threshold), "~" (band), "=" (level to reach), "keep" (保持稳定, value and unit null).
 */
export type Row = readonly [string, Comparator, number | null, string | null, (number | null)?, string?];
export type Comparator = ">=" | ">" | "<=" | "<" | "~" | "=" | "keep";

/** A text and the indicators it states, in order (none for a text that states none). */
export interface Case {
  readonly text: string;
  readonly rows: readonly Row[];
  /** The plan's baseline year, when the case needs it to tell the past from a target. */
  readonly baselineYear?: number;
}

const OPS = { gte: ">=", gt: ">", lte: "<=", lt: "<" } as const;

function comparatorOf(e: TargetExpression): [Comparator | string, number | null] {
  switch (e.kind) {
    case "threshold":
      return [OPS[e.op], e.quantity.value];
    case "band":
      return ["~", e.quantity.value];
    case "level":
      return ["=", e.quantity.value];
    case "maintain":
      return ["keep", null];
    default:
      return [e.kind, null];
  }
}

/** What was read, in the shape of a {@link Row} (category always given). */
export function readRow(i: IndicatorDraft): readonly unknown[] {
  const [cmp, value] = comparatorOf(i.target.expression);
  const base = i.baseline.expression;
  const baseline = base.kind === "level" || base.kind === "threshold" ? base.quantity.value : null;
  return [i.name, cmp, value, i.unit, baseline, i.category];
}

function matches(got: readonly unknown[], want: Row): boolean {
  const [name, cmp, value, unit, baseline = null, category] = want;
  return (
    got[0] === name &&
    got[1] === cmp &&
    got[2] === value &&
    got[3] === unit &&
    got[4] === baseline &&
    (category === undefined || got[5] === category)
  );
}

export interface Score {
  /** Expected rows read fully right (name, comparator, value, unit, baseline, category if given). */
  readonly right: number;
  readonly expected: number;
  /** Indicators read that no expected row accounts for (false positives). */
  readonly extra: number;
  /** Each case whose reading differs: the text, what was expected, what was read. */
  readonly misses: { text: string; want: readonly Row[]; got: readonly unknown[][] }[];
}

/** Scores the reader on cases: a row is right only when the indicator at its position matches it. */
export function score(cases: readonly Case[]): Score {
  let right = 0;
  let expected = 0;
  let extra = 0;
  const misses: Score["misses"] = [];
  for (const c of cases) {
    const { indicators } = parseIndicatorProse(
      c.text,
      c.baselineYear === undefined ? {} : { baselineYear: c.baselineYear },
    );
    const got = indicators.map((i) => [...readRow(i)]);
    let ok = 0;
    c.rows.forEach((want, k) => {
      const g = got[k];
      if (g && matches(g, want)) ok++;
    });
    right += ok;
    expected += c.rows.length;
    extra += Math.max(0, got.length - c.rows.length);
    if (ok !== c.rows.length || got.length !== c.rows.length)
      misses.push({ text: c.text, want: c.rows, got });
  }
  return { right, expected, extra, misses };
}
