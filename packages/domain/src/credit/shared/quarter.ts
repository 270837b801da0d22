import { z } from "zod";

/**
 * A calendar quarter, the rating period of the company scheme (provinces update ratings every
 * quarter). Encoded as `year * 4 + (q - 1)` internally so quarters compare and add as integers.
 */
export const Quarter = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
});
export type Quarter = z.infer<typeof Quarter>;

/** `2025Q3` → { year: 2025, quarter: 3 }. */
export const QuarterLabel = z
  .string()
  .regex(/^\d{4}Q[1-4]$/, "季度格式应为 2025Q3")
  .transform((s) => ({ year: Number(s.slice(0, 4)), quarter: Number(s.slice(5)) }) as Quarter);

export function quarterIndex(q: Quarter): number {
  return q.year * 4 + (q.quarter - 1);
}

export function quarterFromIndex(i: number): Quarter {
  return { year: Math.floor(i / 4), quarter: (i % 4) + 1 };
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

/** Chinese label, e.g. 2025年第3季度. */
export function quarterLabelZh(q: Quarter): string {
  return `${q.year}年第${q.quarter}季度`;
}

/** Quarter containing an ISO date `YYYY-MM-DD`. */
export function quarterOfDate(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** Last day of the quarter (ISO date); ratings are evaluated "as of" this day. */
export function quarterEndDate(q: Quarter): string {
  const endMonth = q.quarter * 3;
  const day = endMonth === 3 || endMonth === 12 ? 31 : 30;
  return `${q.year}-${String(endMonth).padStart(2, "0")}-${day}`;
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

/** Adds whole years to an ISO date; 29 February becomes 28 February in a non-leap year. */
export function addYears(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) + years;
  const md = isoDate.slice(4);
  if (md === "-02-29" && !isLeapYear(y)) return `${y}-02-28`;
  return `${y}${md}`;
}

/** Adds whole months to an ISO date, clamping the day to the target month's length. */
export function addMonths(isoDate: string, months: number): string {
  const y0 = Number(isoDate.slice(0, 4));
  const m0 = Number(isoDate.slice(5, 7)) - 1 + months;
  const y = y0 + Math.floor(m0 / 12);
  const m = ((m0 % 12) + 12) % 12;
  const d = Math.min(Number(isoDate.slice(8, 10)), daysInMonth(y, m + 1));
  return `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}
