/** Years of the 十四五 period the selectors offer, and a sensible default (last complete year). */
export function periodYears(start = 2021, end = 2025): number[] {
  const out: number[] = [];
  for (let y = start; y <= end; y++) out.push(y);
  return out;
}

export function defaultYear(start = 2021, end = 2025, now = new Date()): number {
  return Math.min(end, Math.max(start, now.getFullYear() - 1));
}
