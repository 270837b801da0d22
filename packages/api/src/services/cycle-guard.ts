import { type Db, plans, reportingCycles, reportingWindows } from "@ybplan/db";
import { cycleStateLabels, isEditable, windowStatus } from "@ybplan/domain/cycle";
import { and, eq } from "drizzle-orm";
import { Data } from "effect";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import type { SessionUser } from "../auth/session.ts";
import { ForbiddenError } from "../errors.ts";

/**
 * The checks every write to a plan's yearly figures passes (values, explanations, assessments):
 * the plan is not archived; the year is not submitted or approved; its reporting window (if one
 * was ever opened) is not closed, except for administrators; and the writer is the plan's own
 * level — an upper level returns figures instead of overwriting them.
 */

/** A year (or plan) that cannot be written now; the message names why and who locked it. */
export class YearLockedError extends Data.TaggedError("YearLockedError")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason;
  }
}

export type CycleRow = typeof reportingCycles.$inferSelect;
export type WindowRow = typeof reportingWindows.$inferSelect;

/** Who writes: the role and scope decide the upper-level and window rules. */
export interface Writer {
  readonly user: Pick<SessionUser, "id" | "role" | "jurisdictionCode">;
}

const dateText = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "");

/** The cycle row of a plan's year, created as 未填报 when missing, locked FOR UPDATE. */
export async function lockCycle(tx: Db, planId: string, year: number): Promise<CycleRow> {
  await tx.insert(reportingCycles).values({ planId, year }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(reportingCycles)
    .where(and(eq(reportingCycles.planId, planId), eq(reportingCycles.year, year)))
    .for("update");
  return row!;
}

/** The cycle row without creating or locking it (null = 未填报). */
export async function readCycle(db: Db, planId: string, year: number): Promise<CycleRow | null> {
  const [row] = await db
    .select()
    .from(reportingCycles)
    .where(and(eq(reportingCycles.planId, planId), eq(reportingCycles.year, year)));
  return row ?? null;
}

/** The most specific window of `year` covering `code` (its own, then its ancestors', then the country's). */
export async function windowFor(
  db: Db,
  dir: JurisdictionDirectory,
  code: string,
  year: number,
): Promise<WindowRow | null> {
  const rows = await db.select().from(reportingWindows).where(eq(reportingWindows.year, year));
  return pickWindow(rows, dir, code);
}

export function pickWindow(
  rows: readonly WindowRow[],
  dir: JurisdictionDirectory,
  code: string,
): WindowRow | null {
  const chain = [code, ...dir.ancestors(code)];
  let best: WindowRow | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const w of rows) {
    const rank = w.rootCode === null ? chain.length : chain.indexOf(w.rootCode);
    if (rank >= 0 && rank < bestRank) {
      best = w;
      bestRank = rank;
    }
  }
  return best;
}

/** Why a cycle state refuses writes, naming who and when. */
export function lockedReason(row: CycleRow): string | null {
  if (isEditable(row.state)) return null;
  if (row.state === "approved") {
    return `${row.year}年数据已由${row.reviewedBy ?? "上级"}于${dateText(row.reviewedAt)}审核通过，已锁定；如需修改请联系系统管理员解锁`;
  }
  return `${row.year}年数据已由${row.submittedBy ?? "填报人"}于${dateText(row.submittedAt)}提交，等待上级审核（${cycleStateLabels[row.state]}），不能修改`;
}

/** The upper-level rule: only administrators write another level's figures. */
export function assertOwnLevel(writer: Writer, planCode: string, dir: JurisdictionDirectory): void {
  const u = writer.user;
  if (u.role === "admin") return;
  if (u.jurisdictionCode !== planCode) {
    const name = dir.byCode.get(planCode)?.name ?? planCode;
    throw new ForbiddenError({ reason: `上级单位不能直接修改${name}填报的数据，请退回由其修改` });
  }
}

/**
 * Locks the year's cycle row and refuses the write when the plan or year is read-only.
 * Call inside the write's transaction; returns the locked row (for the 填报中 transition).
 */
export async function assertYearWritable(
  tx: Db,
  dir: JurisdictionDirectory,
  writer: Writer | null,
  planId: string,
  year: number,
): Promise<CycleRow> {
  const [plan] = await tx
    .select({ status: plans.status, code: plans.jurisdictionCode, title: plans.title })
    .from(plans)
    .where(eq(plans.id, planId));
  if (plan?.status === "archived") throw new YearLockedError({ reason: `规划“${plan.title}”已归档，只读` });
  if (writer && plan) assertOwnLevel(writer, plan.code, dir);
  const row = await lockCycle(tx, planId, year);
  const locked = lockedReason(row);
  if (locked) throw new YearLockedError({ reason: locked });
  if (plan && writer?.user.role !== "admin") {
    const w = await windowFor(tx, dir, plan.code, year);
    if (w && windowStatus({ year, deadline: w.deadline, closed: w.closedAt !== null }) === "closed") {
      throw new YearLockedError({ reason: `${year}年填报窗口已关闭，只读（如需修改请联系系统管理员）` });
    }
  }
  return row;
}
