import type { Batch } from "../schema.ts";
import { nationalConsumableBatches } from "./national-consumable-batches.ts";
import { nationalDrugBatches } from "./national-drug-batches.ts";

export { nationalConsumableBatches } from "./national-consumable-batches.ts";
export { nationalDrugBatches } from "./national-drug-batches.ts";

/** Every shipped national batch: drugs 1–11 (with the batch-1 extension) and consumables 1–6. */
export const nationalBatches: readonly Batch[] = [...nationalDrugBatches, ...nationalConsumableBatches];
