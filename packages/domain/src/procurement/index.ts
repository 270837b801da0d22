/**
 * Volume-based procurement (集中带量采购): batches, varieties, implementations, the de-duplicated
 * count per jurisdiction, indicators derived from it, shipped national reference data and the
 * table import (CSV here; XLSX rows are read by the API into the same `RawTable`).
 */

export * from "./count.ts";
export * from "./derive.ts";
export * from "./dosage-form.ts";
export * from "./errors.ts";
export * from "./import/batches.ts";
export * from "./import/implementations.ts";
export * from "./import/table.ts";
export * from "./import/varieties.ts";
export * from "./reference/index.ts";
export * from "./report-section.ts";
export * from "./schema.ts";
export * from "./series.ts";
export * from "./variety-key.ts";
