import {
  type Actor,
  ConflictError,
  type Db,
  indicators,
  NotFoundError,
  observations,
  plans,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { numericRangeProblem, Observation } from "@ybplan/domain/observation";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import { iso, withLimits } from "./common.ts";
import { markFilling } from "./cycle.ts";
import { assertYearWritable, type Writer } from "./cycle-guard.ts";
import { type ObservationDto, observationDto } from "./dto.ts";

/**
 * Yearly observations. `upsertYear` saves a whole year of a plan at once: every row is checked
 * (indicator of this plan, year in the plan's period, value range for the unit) and carries the
 * version the client read (null = "I saw no value"). All rows land or none: stale rows are
 * reported together in one ConflictError naming, for each, who saved first and when.
 */

export async function listObservations(
  db: Db,
  input: { planId: string; fromYear?: number | undefined; toYear?: number | undefined },
): Promise<ObservationDto[]> {
  const conds = [eq(indicators.planId, input.planId)];
  if (input.fromYear) conds.push(gte(observations.year, input.fromYear));
  if (input.toYear) conds.push(lte(observations.year, input.toYear));
  const rows = await db
    .select({ o: observations })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(and(...conds))
    .orderBy(asc(indicators.position), asc(observations.year), asc(observations.subject));
  return rows.map((r) => observationDto(r.o));
}

/**
 * One row of a year's save: the domain's observation fields with the boundary's sizes. `subject`:
 * a compound target's part (null/absent for the indicator as a whole); `value` null clears the
 * year's value; `version`: what the client read, null when it saw no value.
 */
export const ObservationRowInput = withLimits(Observation.pick({ subject: true, source: true, note: true }), {
  subject: 50,
  source: 200,
  note: 1000,
})
  .partial()
  .extend({
    indicatorId: z.uuid(),
    value: Observation.shape.value.nullable(),
    version: z.number().int().positive().nullable(),
  });
export type ObservationRowInput = z.infer<typeof ObservationRowInput>;

export interface UpsertYearResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  observations: ObservationDto[];
}

export async function upsertYear(
  db: Db,
  actor: Actor,
  code: string,
  input: { planId: string; year: number; rows: ObservationRowInput[] },
  /**
   * The reporting cycle's write checks (archived plan, submitted/approved year, closed window,
   * upper level); null only for trusted callers without a user (none in the router).
   */
  cycle: { dir: JurisdictionDirectory; writer: Writer } | null = null,
): Promise<UpsertYearResult> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, input.planId));
  if (!plan) throw new NotFoundError({ entity: "plan", entityId: input.planId });
  const inds = await db
    .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
    .from(indicators)
    .where(eq(indicators.planId, input.planId));
  const byId = new Map(inds.map((i) => [i.id, i]));

  const issues: { path: (string | number)[]; message: string }[] = [];
  if (input.year < plan.baselineYear || input.year > plan.periodEnd) {
    issues.push({ path: ["year"], message: `年份应在规划期 ${plan.baselineYear}–${plan.periodEnd} 之内` });
  }
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    const ind = byId.get(r.indicatorId);
    if (!ind) issues.push({ path: ["rows", i, "indicatorId"], message: "指标不属于该规划" });
    if (seen.has(rowKey(r))) issues.push({ path: ["rows", i, "indicatorId"], message: "同一指标重复填报" });
    seen.add(rowKey(r));
    if (ind && r.value?.kind === "number") {
      const problem = numericRangeProblem(r.value.value, ind.unit, ind.name);
      if (problem) issues.push({ path: ["rows", i, "value"], message: `${ind.name}：${problem}` });
    }
  });
  if (issues.length) throw new ValidationError({ issues });

  // A fixed order of row locks and inserts keeps concurrent batches from deadlocking.
  const rows = [...input.rows].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
  return db.transaction(async (tx) => {
    // Locks the year's cycle row first: a concurrent submit and save serialise on it.
    const cycleRow = cycle
      ? await assertYearWritable(tx, cycle.dir, cycle.writer, input.planId, input.year)
      : null;
    const current = rows.length
      ? await tx
          .select()
          .from(observations)
          .where(
            and(
              inArray(
                observations.indicatorId,
                rows.map((r) => r.indicatorId),
              ),
              eq(observations.year, input.year),
            ),
          )
          .orderBy(asc(observations.indicatorId), asc(observations.subject))
          .for("update")
      : [];
    const byIndicator = new Map(current.map((o) => [rowKey(o), o]));
    const conflicts = rows.flatMap((r) => {
      const cur = byIndicator.get(rowKey(r));
      const curVersion = cur?.version ?? null;
      if (curVersion === r.version) return [];
      return [
        {
          indicatorId: r.indicatorId,
          subject: r.subject ?? null,
          indicatorName: byId.get(r.indicatorId)?.name ?? "",
          year: input.year,
          expectedVersion: r.version,
          currentVersion: curVersion,
          changedBy: cur?.recordedBy ?? null,
          changedAt: iso(cur?.recordedAt),
        },
      ];
    });
    if (conflicts.length) throw conflictOf(conflicts);

    const result: UpsertYearResult = { created: 0, updated: 0, deleted: 0, unchanged: 0, observations: [] };
    const audit = [];
    const now = new Date();
    for (const r of rows) {
      const cur = byIndicator.get(rowKey(r));
      if (r.value === null) {
        if (!cur) {
          result.unchanged++;
          continue;
        }
        await tx.delete(observations).where(eq(observations.id, cur.id));
        result.deleted++;
        audit.push({
          action: "delete",
          entity: "observation",
          entityId: cur.id,
          jurisdictionCode: code,
          before: cur,
        });
        continue;
      }
      const values = {
        valueKind: r.value.kind,
        valueNumber: r.value.kind === "number" ? r.value.value : null,
        valueText: r.value.kind === "text" ? r.value.text : null,
        source: r.source ?? null,
        note: r.note ?? null,
      };
      if (!cur) {
        // ON CONFLICT DO NOTHING: a concurrent first insert wins; this one reports a conflict.
        const [row] = await tx
          .insert(observations)
          .values({
            indicatorId: r.indicatorId,
            year: input.year,
            subject: r.subject ?? null,
            ...values,
            recordedBy: actor.name,
            recordedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) {
          const [winner] = await tx
            .select()
            .from(observations)
            .where(
              and(
                eq(observations.indicatorId, r.indicatorId),
                eq(observations.year, input.year),
                r.subject ? eq(observations.subject, r.subject) : isNull(observations.subject),
              ),
            );
          throw conflictOf([
            {
              indicatorId: r.indicatorId,
              subject: r.subject ?? null,
              indicatorName: byId.get(r.indicatorId)?.name ?? "",
              year: input.year,
              expectedVersion: null,
              currentVersion: winner?.version ?? null,
              changedBy: winner?.recordedBy ?? null,
              changedAt: iso(winner?.recordedAt),
            },
          ]);
        }
        result.created++;
        result.observations.push(observationDto(row));
        audit.push({
          action: "create",
          entity: "observation",
          entityId: row.id,
          jurisdictionCode: code,
          after: row,
        });
        continue;
      }
      const same =
        cur.valueKind === values.valueKind &&
        cur.valueNumber === values.valueNumber &&
        cur.valueText === values.valueText &&
        cur.source === values.source &&
        cur.note === values.note;
      if (same) {
        result.unchanged++;
        result.observations.push(observationDto(cur));
        continue;
      }
      const [row] = await tx
        .update(observations)
        .set({ ...values, recordedBy: actor.name, recordedAt: now, version: cur.version + 1 })
        .where(and(eq(observations.id, cur.id), eq(observations.version, cur.version)))
        .returning();
      result.updated++;
      result.observations.push(observationDto(row!));
      audit.push({
        action: "update",
        entity: "observation",
        entityId: cur.id,
        jurisdictionCode: code,
        before: cur,
        after: row,
      });
    }
    await writeAudit(tx, actor, audit);
    if (cycleRow && audit.length) await markFilling(tx, actor, code, cycleRow);
    return result;
  });
}

/** Identity of a row within a year: indicator + subject. */
function rowKey(r: { indicatorId: string; subject?: string | null | undefined }): string {
  return `${r.indicatorId}\u0000${r.subject ?? ""}`;
}

interface RowConflict {
  indicatorId: string;
  subject: string | null;
  indicatorName: string;
  year: number;
  expectedVersion: number | null;
  currentVersion: number | null;
  changedBy: string | null;
  changedAt: string | null;
}

function conflictOf(conflicts: RowConflict[]): ConflictError {
  const first = conflicts[0]!;
  return new ConflictError({
    entity: "observation",
    entityId: `${first.indicatorId}/${first.year}`,
    expectedVersion: first.expectedVersion,
    currentVersion: first.currentVersion,
    changedBy: first.changedBy,
    changedAt: first.changedAt,
    detail: { conflicts },
  });
}
