import {
  type Actor,
  type Db,
  NotFoundError,
  procurementBatches,
  procurementImplementations,
  procurementVarieties,
  writeAudit,
} from "@ybplan/db";
import {
  type Batch,
  batchLevelLabels,
  dosageFormGroupLabels,
  nationalBatches,
  type ProcurementCategory,
  procurementCategoryLabels,
  procurementCategoryUnits,
  type Variety,
  varietyKey,
  varietyLabel,
} from "@ybplan/domain/procurement";
import { asc, count, eq } from "drizzle-orm";
import { iso } from "../common.ts";
import { type BatchRow, batchOf, loadBatches, varietyOf } from "./records.ts";

/** Batches and their varieties: the list, one batch, the shipped national batches. */
export interface BatchSummary {
  id: string;
  ref: string | null;
  level: Batch["level"];
  levelLabel: string;
  name: string;
  announced: string;
  category: ProcurementCategory;
  categoryLabel: string;
  averagePriceCutPct: number | null;
  sourceUrl: string | null;
  regionCodes: string[];
  /** True when only the published count is held (counts using it are estimates). */
  countOnly: boolean;
  /** Listed varieties, or the published count. */
  varietyCount: number;
  unit: string;
  retenderOf: { id: string; name: string } | null;
  implementationCount: number;
  note: string | null;
  version: number;
  updatedAt: string | null;
}

function summaryOf(r: BatchRow, b: Batch, names: Map<string, string>, implCount: number): BatchSummary {
  return {
    id: r.id,
    ref: r.ref,
    level: r.level,
    levelLabel: batchLevelLabels[r.level],
    name: r.name,
    announced: r.announced,
    category: r.category,
    categoryLabel: procurementCategoryLabels[r.category],
    averagePriceCutPct: r.averagePriceCutPct,
    sourceUrl: r.sourceUrl,
    regionCodes: r.regionCodes,
    countOnly: b.varieties.kind === "countOnly",
    varietyCount: b.varieties.kind === "countOnly" ? b.varieties.count : b.varieties.items.length,
    unit: procurementCategoryUnits[r.category],
    retenderOf: r.retenderOf ? { id: r.retenderOf, name: names.get(r.retenderOf) ?? "" } : null,
    implementationCount: implCount,
    note: r.note,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

export async function listBatches(
  db: Db,
  filter: { category?: ProcurementCategory | undefined; level?: Batch["level"] | undefined },
): Promise<BatchSummary[]> {
  const { rows, batches } = await loadBatches(db);
  const counts = await db
    .select({ batchId: procurementImplementations.batchId, n: count() })
    .from(procurementImplementations)
    .groupBy(procurementImplementations.batchId);
  const implCount = new Map(counts.map((c) => [c.batchId, Number(c.n)]));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return rows
    .map((r, i) => summaryOf(r, batches[i]!, names, implCount.get(r.id) ?? 0))
    .filter(
      (s) =>
        (!filter.category || s.category === filter.category) && (!filter.level || s.level === filter.level),
    );
}

export interface VarietyDto {
  id: string;
  position: number;
  label: string;
  key: string;
  kind: "drug" | "consumable";
  genericName: string | null;
  dosageForm: string | null;
  dosageFormGroup: string | null;
  dosageFormGroupLabel: string | null;
  productClass: string | null;
  priceCutPct: number | null;
  note: string | null;
}

export async function getBatch(db: Db, id: string): Promise<BatchSummary & { varieties: VarietyDto[] }> {
  const [row] = await db.select().from(procurementBatches).where(eq(procurementBatches.id, id));
  if (!row) throw new NotFoundError({ entity: "procurementBatch", entityId: id });
  const vs = await db
    .select()
    .from(procurementVarieties)
    .where(eq(procurementVarieties.batchId, id))
    .orderBy(asc(procurementVarieties.position));
  const origin = row.retenderOf
    ? (
        await db
          .select({ id: procurementBatches.id, name: procurementBatches.name })
          .from(procurementBatches)
          .where(eq(procurementBatches.id, row.retenderOf))
      )[0]
    : undefined;
  const [n] = await db
    .select({ n: count() })
    .from(procurementImplementations)
    .where(eq(procurementImplementations.batchId, id));
  const names = new Map(origin ? [[origin.id, origin.name]] : []);
  return {
    ...summaryOf(row, batchOf(row, vs), names, Number(n?.n ?? 0)),
    varieties: vs.map((v) => {
      const d = varietyOf(v);
      return {
        id: v.id,
        position: v.position,
        label: varietyLabel(d),
        key: v.varietyKey,
        kind: v.kind,
        genericName: v.genericName,
        dosageForm: v.dosageForm,
        dosageFormGroup: v.dosageFormGroup,
        dosageFormGroupLabel: v.dosageFormGroup ? dosageFormGroupLabels[v.dosageFormGroup] : null,
        productClass: v.productClass,
        priceCutPct: v.priceCutPct,
        note: v.note,
      };
    }),
  };
}

/** Inserts the shipped national batches that are missing (matched by `ref`); returns how many. */
export async function seedReferenceBatches(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: procurementBatches.id, ref: procurementBatches.ref, name: procurementBatches.name })
      .from(procurementBatches);
    const idByRef = new Map(existing.filter((e) => e.ref).map((e) => [e.ref!, e.id]));
    const names = new Set(existing.map((e) => e.name));
    let inserted = 0;
    const audit = [];
    // Reference order puts every origin before its retenders.
    for (const b of nationalBatches) {
      if (idByRef.has(b.id) || names.has(b.name)) continue;
      const [row] = await tx
        .insert(procurementBatches)
        .values({
          ref: b.id,
          level: b.level,
          name: b.name,
          announced: b.announced,
          category: b.category,
          averagePriceCutPct: b.averagePriceCutPct,
          sourceUrl: b.sourceUrl,
          regionCodes: b.regionCodes,
          publishedCount: b.varieties.kind === "countOnly" ? b.varieties.count : null,
          retenderOf: b.retenderOf ? (idByRef.get(b.retenderOf) ?? null) : null,
          note: b.note,
          updatedBy: actor.name,
        })
        .returning();
      idByRef.set(b.id, row!.id);
      if (b.varieties.kind === "listed") await insertVarieties(tx, row!.id, 0, b.varieties.items);
      inserted++;
      audit.push({
        action: "create",
        entity: "procurementBatch",
        entityId: row!.id,
        jurisdictionCode: null,
        after: row,
      });
    }
    await writeAudit(tx, actor, audit);
    return inserted;
  });
}

export async function insertVarieties(
  tx: Db,
  batchId: string,
  after: number,
  items: readonly Variety[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(procurementVarieties).values(
    items.map((v, i) => ({
      batchId,
      position: after + i + 1,
      kind: v.kind,
      genericName: v.kind === "drug" ? v.genericName : null,
      dosageForm: v.kind === "drug" ? v.dosageForm : null,
      dosageFormGroup: v.kind === "drug" ? v.dosageFormGroup : null,
      productClass: v.kind === "consumable" ? v.productClass : null,
      varietyKey: varietyKey(v),
      priceCutPct: v.priceCutPct,
      note: v.note,
    })),
  );
}
