import {
  type Db,
  jurisdictions,
  namedCache,
  procurementBatches,
  procurementImplementations,
  procurementVarieties,
  trackerOfRoot,
} from "@ybplan/db";
import {
  type Batch,
  type Implementation,
  indexProcurementData,
  type ProcurementData,
  type ProcurementIndex,
  type Variety,
} from "@ybplan/domain/procurement";
import { asc } from "drizzle-orm";
import { Result } from "effect";

/**
 * Procurement rows ↔ the domain's records (`ProcurementData`, `ProcurementIndex`): everything that
 * counts loads them here and lets `@ybplan/domain/procurement` do the de-duplication, so the API,
 * the admin chart and the report can never disagree.
 */
export type BatchRow = typeof procurementBatches.$inferSelect;
export type VarietyRow = typeof procurementVarieties.$inferSelect;
export type ImplementationRow = typeof procurementImplementations.$inferSelect;

export function varietyOf(r: VarietyRow): Variety {
  return r.kind === "drug"
    ? {
        kind: "drug",
        genericName: r.genericName ?? "",
        dosageForm: r.dosageForm ?? "",
        dosageFormGroup: r.dosageFormGroup ?? "other",
        priceCutPct: r.priceCutPct,
        note: r.note,
      }
    : { kind: "consumable", productClass: r.productClass ?? "", priceCutPct: r.priceCutPct, note: r.note };
}

export function batchOf(r: BatchRow, varieties: readonly VarietyRow[]): Batch {
  return {
    id: r.id,
    level: r.level,
    name: r.name,
    announced: r.announced,
    category: r.category,
    averagePriceCutPct: r.averagePriceCutPct,
    sourceUrl: r.sourceUrl,
    regionCodes: r.regionCodes,
    varieties:
      r.publishedCount !== null
        ? { kind: "countOnly", count: r.publishedCount }
        : { kind: "listed", items: varieties.map(varietyOf) },
    retenderOf: r.retenderOf,
    note: r.note,
  };
}

export function implementationOf(r: ImplementationRow): Implementation {
  return {
    batchId: r.batchId,
    jurisdictionCode: r.jurisdictionCode,
    startDate: r.startDate,
    agreedVolume: r.agreedVolume,
    completionRatePct: r.completionRatePct,
    savingsWanYuan: r.savingsWanYuan,
    note: r.note,
  };
}

export async function loadBatches(db: Db): Promise<{ rows: BatchRow[]; batches: Batch[] }> {
  const rows = await db
    .select()
    .from(procurementBatches)
    .orderBy(asc(procurementBatches.announced), asc(procurementBatches.name));
  const vs = await db
    .select()
    .from(procurementVarieties)
    .orderBy(asc(procurementVarieties.batchId), asc(procurementVarieties.position));
  const byBatch = new Map<string, VarietyRow[]>();
  for (const v of vs) {
    const list = byBatch.get(v.batchId);
    if (list) list.push(v);
    else byBatch.set(v.batchId, [v]);
  }
  return { rows, batches: rows.map((r) => batchOf(r, byBatch.get(r.id) ?? [])) };
}

/** All records, as the domain counts them. */
async function loadProcurementData(db: Db): Promise<ProcurementData> {
  const { batches } = await loadBatches(db);
  const impls = await db.select().from(procurementImplementations);
  const js = await db
    .select({ code: jurisdictions.code, parentCode: jurisdictions.parentCode })
    .from(jurisdictions);
  return { batches, implementations: impls.map(implementationOf), jurisdictions: js };
}

/**
 * Indexed records; inconsistent stored data (impossible through this API) is an internal error.
 * Every bound plan's evaluation counts on them, so they are kept per database until a procurement
 * or jurisdiction write (a change of everything, `*`) — a save in a plan no longer reads every
 * batch, variety and jurisdiction again. Inside a transaction they are read afresh.
 */
export async function loadProcurementIndex(db: Db): Promise<ProcurementIndex> {
  const compute = async () => Result.getOrThrow(indexProcurementData(await loadProcurementData(db)));
  const tracker = trackerOfRoot(db);
  if (!tracker) return compute();
  return namedCache<ProcurementIndex>(tracker, "procurement.index", 1).get("index", async () => ({
    value: await compute(),
    scopes: [],
  }));
}
