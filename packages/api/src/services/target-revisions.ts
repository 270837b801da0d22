import {
  type Actor,
  type Db,
  indicators,
  NotFoundError,
  plans,
  reportingCycles,
  targetRevisions,
  writeAudit,
} from "@ybplan/db";
import { checkRevision, type TargetInForceEntry } from "@ybplan/domain/cycle";
import { parseTargetCell } from "@ybplan/domain/target";
import { and, asc, eq, inArray } from "drizzle-orm";
import { Result } from "effect";
import { iso } from "./common.ts";

/**
 * 中期调整: a planner records a revised target from a year on, with the reason and the basis
 * document. The original target stays as it was (earlier years keep their verdicts); evaluation
 * reads the revisions and judges each year by the target in force then.
 */

export type RevisionDto = ReturnType<typeof revisionDto>;

function revisionDto(r: typeof targetRevisions.$inferSelect) {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    effectiveYear: r.effectiveYear,
    scope: r.scope,
    target: r.target,
    targetText: r.targetText,
    reason: r.reason,
    basis: r.basis,
    createdAt: iso(r.createdAt),
    createdBy: r.updatedBy,
    version: r.version,
  };
}

export async function listRevisions(db: Db, indicatorId: string): Promise<RevisionDto[]> {
  const rows = await db
    .select()
    .from(targetRevisions)
    .where(eq(targetRevisions.indicatorId, indicatorId))
    .orderBy(asc(targetRevisions.effectiveYear));
  return rows.map(revisionDto);
}

/** Revisions of every indicator of the given plans (one join; no per-indicator parameters). */
export async function revisionsByPlans(
  db: Db,
  planIds: readonly string[],
): Promise<Map<string, TargetInForceEntry[]>> {
  const out = new Map<string, TargetInForceEntry[]>();
  if (!planIds.length) return out;
  const rows = await db
    .select({
      indicatorId: targetRevisions.indicatorId,
      effectiveYear: targetRevisions.effectiveYear,
      target: targetRevisions.target,
      scope: targetRevisions.scope,
    })
    .from(targetRevisions)
    .innerJoin(indicators, eq(indicators.id, targetRevisions.indicatorId))
    .where(inArray(indicators.planId, [...planIds]));
  for (const r of rows) {
    const list = out.get(r.indicatorId) ?? [];
    list.push({ effectiveYear: r.effectiveYear, target: r.target, scope: r.scope });
    out.set(r.indicatorId, list);
  }
  return out;
}

/** Indicators for the engine with their revisions attached (unchanged objects when none). */
export function attachRevisions<I extends { readonly id: string }>(
  list: readonly I[],
  revisions: ReadonlyMap<string, TargetInForceEntry[]>,
): I[] {
  return list.map((i) => {
    const r = revisions.get(i.id);
    return r ? { ...i, targetRevisions: r } : i;
  });
}

export async function reviseTarget(
  db: Db,
  actor: Actor,
  code: string,
  input: { indicatorId: string; effectiveYear: number; targetText: string; reason: string; basis: string },
): Promise<RevisionDto> {
  return db.transaction(async (tx) => {
    const [ind] = await tx
      .select({ id: indicators.id, planId: indicators.planId, targetText: indicators.targetText })
      .from(indicators)
      .where(eq(indicators.id, input.indicatorId))
      .for("update");
    if (!ind) throw new NotFoundError({ entity: "indicator", entityId: input.indicatorId });
    const [plan] = await tx
      .select({ periodStart: plans.periodStart, periodEnd: plans.periodEnd })
      .from(plans)
      .where(eq(plans.id, ind.planId));
    const approved = await tx
      .select({ year: reportingCycles.year })
      .from(reportingCycles)
      .where(and(eq(reportingCycles.planId, ind.planId), eq(reportingCycles.state, "approved")));
    const existing = await tx
      .select({ year: targetRevisions.effectiveYear })
      .from(targetRevisions)
      .where(eq(targetRevisions.indicatorId, ind.id));
    const target = parseTargetCell(input.targetText);
    const check = checkRevision({
      effectiveYear: input.effectiveYear,
      target,
      period: plan!,
      approvedYears: approved.map((a) => a.year),
      existingYears: existing.map((e) => e.year),
    });
    if (Result.isFailure(check)) throw check.failure;
    const [row] = await tx
      .insert(targetRevisions)
      .values({
        indicatorId: ind.id,
        effectiveYear: input.effectiveYear,
        target,
        targetText: input.targetText,
        reason: input.reason,
        basis: input.basis,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "reviseTarget",
      entity: "indicator",
      entityId: ind.id,
      jurisdictionCode: code,
      before: { targetText: ind.targetText },
      after: row,
    });
    return revisionDto(row!);
  });
}
