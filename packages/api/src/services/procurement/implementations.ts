import {
  type Actor,
  ConflictError,
  type Db,
  jurisdictions,
  NotFoundError,
  procurementBatches,
  procurementImplementations,
  writeAudit,
} from "@ybplan/db";
import type { Batch, ProcurementCategory } from "@ybplan/domain/procurement";
import { and, asc, eq, inArray } from "drizzle-orm";
import { iso, type Patch } from "../common.ts";
import { deleteVersioned, updateVersioned } from "../versioned-write.ts";
import type { ImplementationRow } from "./records.ts";

/** Implementation records: batch × jurisdiction, with start date, volume, completion, savings. */
export interface ImplementationDto {
  id: string;
  batchId: string;
  batchName: string;
  batchLevel: Batch["level"];
  category: ProcurementCategory;
  jurisdictionCode: string;
  jurisdictionName: string;
  /** True when the record belongs to an ancestor (a provincial rollout covering this jurisdiction). */
  inherited: boolean;
  startDate: string;
  agreedVolume: number | null;
  completionRatePct: number | null;
  savingsWanYuan: number | null;
  note: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Records of the jurisdiction and of its ancestors (which apply to it), latest first. */
export async function listImplementations(
  db: Db,
  codes: { own: string; ancestors: readonly string[] },
): Promise<ImplementationDto[]> {
  const rows = await db
    .select({ i: procurementImplementations, b: procurementBatches, jurisdictionName: jurisdictions.name })
    .from(procurementImplementations)
    .innerJoin(procurementBatches, eq(procurementBatches.id, procurementImplementations.batchId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, procurementImplementations.jurisdictionCode))
    .where(inArray(procurementImplementations.jurisdictionCode, [codes.own, ...codes.ancestors]))
    .orderBy(asc(procurementImplementations.startDate));
  return rows.map(({ i, b, jurisdictionName }) => ({
    id: i.id,
    batchId: b.id,
    batchName: b.name,
    batchLevel: b.level,
    category: b.category,
    jurisdictionCode: i.jurisdictionCode,
    jurisdictionName,
    inherited: i.jurisdictionCode !== codes.own,
    startDate: i.startDate,
    agreedVolume: i.agreedVolume,
    completionRatePct: i.completionRatePct,
    savingsWanYuan: i.savingsWanYuan,
    note: i.note,
    version: i.version,
    updatedBy: i.updatedBy,
    updatedAt: iso(i.updatedAt),
  }));
}

export async function implementationJurisdiction(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ code: procurementImplementations.jurisdictionCode })
    .from(procurementImplementations)
    .where(eq(procurementImplementations.id, id));
  if (!row) throw new NotFoundError({ entity: "procurementImplementation", entityId: id });
  return row.code;
}

export interface ImplementationFields {
  startDate: string;
  agreedVolume: number | null;
  completionRatePct: number | null;
  savingsWanYuan: number | null;
  note: string | null;
}

export async function createImplementation(
  db: Db,
  actor: Actor,
  input: { batchId: string; jurisdictionCode: string } & ImplementationFields,
): Promise<ImplementationRow> {
  const [batch] = await db.select().from(procurementBatches).where(eq(procurementBatches.id, input.batchId));
  if (!batch) throw new NotFoundError({ entity: "procurementBatch", entityId: input.batchId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(procurementImplementations)
      .values({ ...input, updatedBy: actor.name })
      .onConflictDoNothing({
        target: [procurementImplementations.batchId, procurementImplementations.jurisdictionCode],
      })
      .returning();
    if (!row) {
      const [cur] = await tx
        .select()
        .from(procurementImplementations)
        .where(
          and(
            eq(procurementImplementations.batchId, input.batchId),
            eq(procurementImplementations.jurisdictionCode, input.jurisdictionCode),
          ),
        );
      throw new ConflictError({
        entity: "procurementImplementation",
        entityId: cur?.id ?? "",
        expectedVersion: null,
        currentVersion: cur?.version ?? null,
        changedBy: cur?.updatedBy ?? null,
        changedAt: iso(cur?.updatedAt),
      });
    }
    await writeAudit(tx, actor, {
      action: "create",
      entity: "procurementImplementation",
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      after: row,
    });
    return row;
  });
}

/** Versioned edit of an implementation record; `code` is its jurisdiction (checked by the caller). */
export function updateImplementation(
  db: Db,
  actor: Actor,
  code: string,
  input: { id: string; version: number; data: Patch<ImplementationFields> },
): Promise<ImplementationRow> {
  return updateVersioned(db, actor, procurementImplementations, "procurementImplementation", code, input);
}

export async function deleteImplementation(
  db: Db,
  actor: Actor,
  code: string,
  input: { id: string; version: number },
): Promise<void> {
  await deleteVersioned(db, actor, procurementImplementations, "procurementImplementation", code, input);
}
