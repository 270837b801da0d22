import type { PlanImporter } from "@ybplan/api";

/**
 * The plan importer (@ybplan/importer) adapted to the API's `PlanImporter`. Until that package
 * exposes its entry point, the server starts without one: uploads answer with a clear error and
 * the seed skips the sample plans (both logged).
 */
export async function loadImporter(): Promise<PlanImporter | null> {
  return null;
}
