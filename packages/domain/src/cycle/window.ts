/**
 * Reporting windows: an administrator opens year Y for a subtree with a deadline. A window is
 * open until it is closed; after its deadline an unsubmitted year is 逾期 (still writable: late
 * figures are better than none). Years no window was ever opened for keep the free entry of
 * before (imports, back-filling history).
 */
export interface WindowView {
  readonly year: number;
  /** "2025-02-28" */
  readonly deadline: string;
  readonly closed: boolean;
}

export type WindowStatus = "none" | "open" | "closed";

/** The status of a year for writes: the nearest window (the caller passes the most specific). */
export function windowStatus(window: WindowView | null): WindowStatus {
  if (window === null) return "none";
  return window.closed ? "closed" : "open";
}

/** Days from `today` to the deadline (negative when overdue); dates as "YYYY-MM-DD". */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type Reminder = "dueSoon" | "overdue" | null;

/** In-app reminder for an unsubmitted year: 7 days before the deadline, and once overdue. */
export function reminderFor(deadline: string, today: string, submitted: boolean): Reminder {
  if (submitted) return null;
  const d = daysUntil(deadline, today);
  if (d < 0) return "overdue";
  if (d <= 7) return "dueSoon";
  return null;
}
