import {
  type Actor,
  type Db,
  jurisdictions,
  NotFoundError,
  procurementBatches,
  procurementImplementations,
  procurementVarieties,
  writeAudit,
} from "@ybplan/db";
import {
  type Batch,
  importBatchTable,
  importImplementationTable,
  importVarietyTable,
  type RawTable,
} from "@ybplan/domain/procurement";
import { count, eq } from "drizzle-orm";
import { Result } from "effect";
import { InvalidRowsError } from "../../errors.ts";
import { insertVarieties } from "./batches.ts";
import { implementationOf, loadBatches } from "./records.ts";

/** CSV/XLSX import of batches, varieties or implementation records (all rows or none). */
export type ImportKind = "batches" | "varieties" | "implementations";

/** Who may write what: the router passes a check that throws ForbiddenError. */
export type ImportGuard = (
  need:
    | { kind: "batch"; level: Batch["level"]; regionCodes: readonly string[] }
    | { kind: "implementation"; jurisdictionCode: string },
) => Promise<void>;

export interface ImportOutcome {
  readonly kind: ImportKind;
  readonly created: number;
  readonly warnings: string[];
}

/**
 * Validates the whole table in the domain, then saves all of it in one transaction, or nothing:
 * invalid rows fail with `InvalidRowsError` listing every one.
 */
export async function importProcurementTable(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  table: RawTable,
  guard: ImportGuard,
): Promise<ImportOutcome> {
  const { batches } = await loadBatches(db);
  if (kind === "batches") {
    const r = importBatchTable(table, { existing: batches, newId: () => crypto.randomUUID() });
    if (Result.isFailure(r)) throw new InvalidRowsError({ issues: r.failure.issues });
    for (const b of r.success) await guard({ kind: "batch", level: b.level, regionCodes: b.regionCodes });
    await db.transaction(async (tx) => {
      // Origins first, so a retender's foreign key always finds its row.
      const ordered = [...r.success].sort(
        (a, b) => Number(a.retenderOf !== null) - Number(b.retenderOf !== null),
      );
      const audit = [];
      for (const b of ordered) {
        const [row] = await tx
          .insert(procurementBatches)
          .values({
            id: b.id,
            level: b.level,
            name: b.name,
            announced: b.announced,
            category: b.category,
            averagePriceCutPct: b.averagePriceCutPct,
            sourceUrl: b.sourceUrl,
            regionCodes: b.regionCodes,
            publishedCount: b.varieties.kind === "countOnly" ? b.varieties.count : null,
            retenderOf: b.retenderOf,
            note: b.note,
            updatedBy: actor.name,
          })
          .returning();
        audit.push({
          action: "import",
          entity: "procurementBatch",
          entityId: b.id,
          jurisdictionCode: b.regionCodes[0] ?? null,
          after: row,
        });
      }
      await writeAudit(tx, actor, audit);
    });
    return { kind, created: r.success.length, warnings: [] };
  }

  if (kind === "varieties") {
    const r = importVarietyTable(table, batches);
    if (Result.isFailure(r)) throw new InvalidRowsError({ issues: r.failure.issues });
    const byId = new Map(batches.map((b) => [b.id, b]));
    for (const a of r.success) {
      const b = byId.get(a.batchId)!;
      await guard({ kind: "batch", level: b.level, regionCodes: b.regionCodes });
    }
    await db.transaction(async (tx) => {
      const audit = [];
      for (const a of r.success) {
        const [locked] = await tx
          .select()
          .from(procurementBatches)
          .where(eq(procurementBatches.id, a.batchId))
          .for("update");
        if (!locked) throw new NotFoundError({ entity: "procurementBatch", entityId: a.batchId });
        const [last] = await tx
          .select({ n: count() })
          .from(procurementVarieties)
          .where(eq(procurementVarieties.batchId, a.batchId));
        await insertVarieties(tx, a.batchId, Number(last?.n ?? 0), a.varieties);
        const [after] = await tx
          .update(procurementBatches)
          .set({
            publishedCount: null,
            version: locked.version + 1,
            updatedAt: new Date(),
            updatedBy: actor.name,
          })
          .where(eq(procurementBatches.id, a.batchId))
          .returning();
        audit.push({
          action: "importVarieties",
          entity: "procurementBatch",
          entityId: a.batchId,
          jurisdictionCode: locked.regionCodes[0] ?? null,
          before: locked,
          after: { ...after, addedVarieties: a.varieties.length },
        });
      }
      await writeAudit(tx, actor, audit);
    });
    const warnings = r.success
      .filter((a) => a.publishedCount !== null)
      .map((a) => {
        const b = byId.get(a.batchId)!;
        const listed = (b.varieties.kind === "listed" ? b.varieties.items.length : 0) + a.varieties.length;
        return `批次“${b.name}”公布数量为${a.publishedCount}，导入后列明${listed}个，请核对`;
      });
    return { kind, created: r.success.reduce((s, a) => s + a.varieties.length, 0), warnings };
  }

  const existing = (await db.select().from(procurementImplementations)).map(implementationOf);
  const known = new Set(
    (await db.select({ code: jurisdictions.code }).from(jurisdictions)).map((j) => j.code),
  );
  const r = importImplementationTable(table, { batches, existing });
  if (Result.isFailure(r)) throw new InvalidRowsError({ issues: r.failure.issues });
  // The domain checks the code's shape; only the database knows which jurisdictions exist.
  const unknown = table.rows.flatMap((row, i) => {
    const impl = r.success[i];
    return impl && !known.has(impl.jurisdictionCode)
      ? [{ line: row.line, field: null, message: `行政区划代码 ${impl.jurisdictionCode} 不存在` }]
      : [];
  });
  if (unknown.length > 0) throw new InvalidRowsError({ issues: unknown });
  for (const i of r.success) await guard({ kind: "implementation", jurisdictionCode: i.jurisdictionCode });
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(procurementImplementations)
      .values(r.success.map((i) => ({ ...i, updatedBy: actor.name })))
      .returning();
    await writeAudit(
      tx,
      actor,
      rows.map((row) => ({
        action: "import",
        entity: "procurementImplementation",
        entityId: row.id,
        jurisdictionCode: row.jurisdictionCode,
        after: row,
      })),
    );
  });
  return { kind, created: r.success.length, warnings: [] };
}
