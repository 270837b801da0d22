import type { PolicyDocument } from "./schema.ts";

/**
 * 待遇清单 clean-up as work (杜绝增量、规范存量): of the documents flagged 需清理, how many are
 * done by a date — the share is a work indicator in the plan's monitoring.
 */
export interface CleanupProgress {
  readonly flagged: number;
  readonly done: number;
  /** Flagged, not done, deadline passed. */
  readonly overdue: number;
  /** done / flagged in %, null when nothing is flagged. */
  readonly sharePct: number | null;
}

export function cleanupProgress(docs: readonly PolicyDocument[], date: string): CleanupProgress {
  const flagged = docs.filter((d) => d.cleanup !== null);
  const done = flagged.filter((d) => d.cleanup!.doneOn !== null && d.cleanup!.doneOn <= date).length;
  const overdue = flagged.filter(
    (d) => (d.cleanup!.doneOn === null || d.cleanup!.doneOn > date) && d.cleanup!.deadline < date,
  ).length;
  return {
    flagged: flagged.length,
    done,
    overdue,
    sharePct: flagged.length === 0 ? null : Math.round((done / flagged.length) * 1000) / 10,
  };
}
