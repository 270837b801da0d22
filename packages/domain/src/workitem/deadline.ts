import type { WorkStatus } from "../task/schema.ts";

/**
 * Deadlines of tasks and 专栏 items. "Today" is always passed in (an ISO date), so the server,
 * the browser and tests decide the clock; nothing here reads the system time.
 */

/** Overdue = a deadline before today, and the work neither completed nor cancelled. */
export function isOverdue(item: { deadline: string | null; status: WorkStatus }, today: string): boolean {
  if (!item.deadline) return false;
  if (item.status === "completed" || item.status === "cancelled") return false;
  return item.deadline < today;
}

/** A deadline must fall within the plan period (1 January of the first year to 31 December of the last). */
export function deadlineProblem(
  deadline: string | null,
  period: { periodStart: number; periodEnd: number },
): string | null {
  if (!deadline) return null;
  const year = Number(deadline.slice(0, 4));
  if (year < period.periodStart || year > period.periodEnd)
    return `截止日期须在规划期内（${period.periodStart}年1月1日至${period.periodEnd}年12月31日）`;
  return null;
}
