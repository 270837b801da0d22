/**
 * Number formatting for verdict sentences: values keep the precision they were given with;
 * computed values (expected, gaps) are rounded to the finest precision among the inputs (1–2
 * decimals), so "73.44" prints as "73.4" beside "72.1".
 */

/** Decimal places a number is written with (0.1 → 1, 96 → 0), at most 4. */
const POW10 = [1, 10, 100, 1000, 10000];

export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  for (let d = 1; d <= 4; d++) {
    const scaled = n * POW10[d]!;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 4;
}

/**
 * Rounds to `d` (0–4) decimals and drops trailing zeros ("73.40" → "73.4", "-0" → "0"). Hot path
 * of every sentence, so it works on scaled integers (no regex, no shortest-double printing).
 */
export function formatNumber(n: number, d: number): string {
  const dd = d < 0 ? 0 : Math.min(d, 4);
  const p = POW10[dd]!;
  const k = Math.round(Math.abs(n) * p);
  if (k === 0) return "0";
  if (!Number.isSafeInteger(k)) return n.toFixed(0);
  const sign = n < 0 ? "-" : "";
  const whole = Math.floor(k / p);
  let frac = k - whole * p;
  if (frac === 0) return `${sign}${whole}`;
  let digits = dd;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const f = String(frac);
  return `${sign}${whole}.${f.length < digits ? "0".repeat(digits - f.length) + f : f}`;
}

/** Precision for computed values: the finest of the given inputs, between `min` and 2. */
export function precisionFor(values: readonly (number | null)[], min = 1): number {
  let d = min;
  for (const v of values) if (v !== null) d = Math.max(d, Math.min(decimalsOf(v), 2));
  return d;
}

/** A value with its unit: "96.3%", "33.6亿元", "500个", "76". */
export function withUnit(text: string, unit: string | null): string {
  return unit === null ? text : `${text}${unit}`;
}

/** A difference with its unit: "0.3个百分点" for %, "1.2亿元" otherwise. */
export function gapWithUnit(text: string, unit: string | null): string {
  if (unit === "%") return `${text}个百分点`;
  return unit === null ? text : `${text}${unit}`;
}

/** A rate as a percentage: 0.0123 → "1.23%". */
export function formatRate(r: number): string {
  return `${formatNumber(r * 100, 2)}%`;
}

/** "2021—2023年" or "2023年". */
export function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return "";
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? `${first}年` : `${first}—${last}年`;
}
