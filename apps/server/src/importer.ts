import type { PlanImporter } from "@ybplan/api";
import { importPlanBytes } from "@ybplan/importer";

/**
 * The plan importer (@ybplan/importer) as the API's `PlanImporter`: bytes + file name → the
 * PlanDocument, or a rejection with the importer's tagged `ImportError` (mapped to
 * UNPROCESSABLE_CONTENT with its Chinese message by the API's error table).
 */
export const planImporter: PlanImporter = (input) =>
  importPlanBytes({ bytes: input.bytes, fileName: input.fileName });
