import { Result } from "effect";
import { sampleJurisdictions } from "../../src/jurisdiction/index.ts";
import {
  type Batch,
  type DosageFormGroup,
  type Implementation,
  indexProcurementData,
  type ProcurementData,
  type ProcurementIndex,
  type Variety,
} from "../../src/procurement/index.ts";

export const drug = (genericName: string, dosageFormGroup: DosageFormGroup, dosageForm = "片"): Variety => ({
  kind: "drug",
  genericName,
  dosageForm,
  dosageFormGroup,
  priceCutPct: null,
  note: null,
});

export const listedDrugBatch = (
  id: string,
  level: Batch["level"],
  items: Variety[],
  regionCodes: string[] = [],
): Batch => ({
  id,
  level,
  name: id,
  announced: "2021-01",
  category: "drug",
  averagePriceCutPct: null,
  sourceUrl: null,
  regionCodes,
  varieties: { kind: "listed", items },
  retenderOf: null,
  note: null,
});

export const impl = (batchId: string, jurisdictionCode: string, startDate: string): Implementation => ({
  batchId,
  jurisdictionCode,
  startDate,
  agreedVolume: null,
  completionRatePct: null,
  savingsWanYuan: null,
  note: null,
});

export function data(batches: readonly Batch[], implementations: readonly Implementation[]): ProcurementData {
  return { batches, implementations, jurisdictions: sampleJurisdictions };
}

export function index(
  batches: readonly Batch[],
  implementations: readonly Implementation[],
): ProcurementIndex {
  const r = indexProcurementData(data(batches, implementations));
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}
