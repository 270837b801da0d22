/**
 * Series for an indicator's chart: actual values by year, the target as a flat line, and the
 * time-elapsed line (时序进度) running from the baseline in the base year to the target in the
 * plan's last year — where a value "on schedule" would be each year.
 */
export interface TrajectoryInput {
  baselineYear: number;
  periodEnd: number;
  baseline: number | null;
  target: number | null;
  actual: ReadonlyArray<{ year: number; value: number | null }>;
}

export interface TrajectorySeries {
  years: number[];
  actual: Array<number | null>;
  target: Array<number | null>;
  timeElapsed: Array<number | null>;
}

export function trajectorySeries(input: TrajectoryInput): TrajectorySeries {
  const years: number[] = [];
  for (let y = input.baselineYear; y <= input.periodEnd; y++) years.push(y);
  const byYear = new Map(input.actual.map((a) => [a.year, a.value]));
  const actual = years.map((y) => byYear.get(y) ?? (y === input.baselineYear ? input.baseline : null));
  const target = years.map(() => input.target);
  const span = input.periodEnd - input.baselineYear;
  const timeElapsed = years.map((y) => {
    if (input.baseline === null || input.target === null || span <= 0) return null;
    const share = (y - input.baselineYear) / span;
    return round(input.baseline + (input.target - input.baseline) * share);
  });
  return { years, actual, target, timeElapsed };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
