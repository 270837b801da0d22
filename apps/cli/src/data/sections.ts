import { procurementSectionForPlan, withProcurementValues } from "@ybplan/api";
import { type Db, loadCreditSection } from "@ybplan/db";
import type { PlanBundle } from "./bundle.ts";

/**
 * Indicators bound to procurement records are judged on the derived counts, as on the server,
 * so `ybplan evaluate` and the reports agree with the admin app.
 */
export async function withProcurementObservations(
  db: Db,
  bundle: PlanBundle,
  year: number,
): Promise<PlanBundle> {
  const years: number[] = [];
  for (let y = bundle.plan.baselineYear; y <= year; y++) years.push(y);
  return {
    ...bundle,
    observations: await withProcurementValues(db, bundle.plan.id, years, bundle.observations),
  };
}

/**
 * Completes loaded bundles the way the server's reports do: derived procurement values for every
 * plan, and for the plans whose reports are wanted (`only`, or all) the procurement and credit
 * sections when that data exists.
 */
export async function withReportSections(
  db: Db,
  bundles: readonly PlanBundle[],
  year: number,
  only?: ReadonlySet<string>,
): Promise<PlanBundle[]> {
  const out: PlanBundle[] = [];
  for (const loaded of bundles) {
    const b = await withProcurementObservations(db, loaded, year);
    if (only !== undefined && !only.has(b.plan.id)) {
      out.push(b);
      continue;
    }
    const [procurement, credit] = await Promise.all([
      procurementSectionForPlan(db, b.plan.id, year),
      loadCreditSection(db, {
        jurisdictionCode: b.jurisdiction.code,
        jurisdictionName: b.jurisdiction.name,
        year,
      }),
    ]);
    out.push({ ...b, procurement, credit });
  }
  return out;
}
