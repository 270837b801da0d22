/**
 * The calendar of the bureaus: deadlines, 逾期, the date a report is issued and the date a policy
 * is read "in force" are days in China (UTC+8, no daylight saving), whatever the server's clock
 * zone. Between 00:00 and 08:00 Beijing time the UTC date is still yesterday.
 */

/** Today's date as an ISO string ("YYYY-MM-DD") in China's time zone. */
export function isoDateInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A plan period's first and last year (十四五: 2021–2025). */
export interface PeriodYears {
  readonly periodStart: number;
  readonly periodEnd: number;
}

/** The 十四五 period, what the selectors offer before a plan is chosen. */
export const FOURTEENTH_FIVE_YEAR_PLAN: PeriodYears = { periodStart: 2021, periodEnd: 2025 };

/** The years of a period, first to last. */
export function periodYears(period: PeriodYears = FOURTEENTH_FIVE_YEAR_PLAN): number[] {
  const out: number[] = [];
  for (let y = period.periodStart; y <= period.periodEnd; y++) out.push(y);
  return out;
}

/**
 * The year monitoring looks at by default: the last year that has ended (a year is reported after
 * it ends), kept within the period. In 2026 that is 2025; in 2022, 2021.
 */
export function lastCompleteYear(period: PeriodYears = FOURTEENTH_FIVE_YEAR_PLAN, now = new Date()): number {
  const year = Number(isoDateInChina(now).slice(0, 4));
  return Math.max(period.periodStart, Math.min(period.periodEnd, year - 1));
}
