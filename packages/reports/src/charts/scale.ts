import type { TrajectorySeries } from "@ybplan/domain/report";

/**
 * What every chart of a trajectory shares, whatever draws it (ECharts SVG in html, a native
 * DrawingML chart in docx): its title and a value range with round steps that holds every point.
 */

/** "基本医疗保险参保率（%）": the indicator's full name with its unit. */
export function chartTitle(s: TrajectorySeries): string {
  return s.unit ? `${s.name}（${s.unit}）` : s.name;
}

/** Value-axis range: the actuals, the time-elapsed line and the target, padded to round steps. */
export function yBounds(s: TrajectorySeries): { min: number; max: number; step: number } {
  const values = [...s.actual, ...s.expected, s.target].filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.01, 0.5);
  const step = niceStep((hi - lo + 2 * pad) / 4);
  return { min: Math.floor((lo - pad) / step) * step, max: Math.ceil((hi + pad) / step) * step, step };
}

function niceStep(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}
