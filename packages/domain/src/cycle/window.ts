import { z } from "zod";
import type { CycleState } from "./state.ts";

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

/** 即将截止 / 已逾期, or nothing to remind of. */
export const Reminder = z.enum(["dueSoon", "overdue"]).nullable();
export type Reminder = z.infer<typeof Reminder>;

/** In-app reminder for an unsubmitted year: 7 days before the deadline, and once overdue. */
export function reminderFor(deadline: string, today: string, submitted: boolean): Reminder {
  if (submitted) return null;
  const d = daysUntil(deadline, today);
  if (d < 0) return "overdue";
  if (d <= 7) return "dueSoon";
  return null;
}

/**
 * Where a plan's year stands in a completeness view: 已通过 / 已提交 / 退回 by its state; a year
 * not yet submitted is 逾期 once its window's deadline has passed, 未提交 before.
 */
export const CompletenessBucket = z.enum(["approved", "submitted", "notSubmitted", "returned", "overdue"]);
export type CompletenessBucket = z.infer<typeof CompletenessBucket>;

/** A plan's year in the completeness views: its bucket and reminder under `window` on `today`. */
export function completenessBucket(
  state: CycleState,
  window: { readonly deadline: string } | null,
  today: string,
): { bucket: CompletenessBucket; reminder: Reminder } {
  const done = state === "submitted" || state === "approved";
  const reminder = window ? reminderFor(window.deadline, today, done) : null;
  const bucket: CompletenessBucket =
    state === "approved" || state === "submitted" || state === "returned"
      ? state
      : reminder === "overdue"
        ? "overdue"
        : "notSubmitted";
  return { bucket, reminder };
}
