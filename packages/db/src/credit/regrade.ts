import type { RuleSet } from "@ybplan/domain/credit";
import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { regradeAllStatement } from "./regrade-all.ts";
import { scopesFor } from "./scope.ts";

/**
 * Re-grades every institution of a cycle INSIDE the database with one INSERT … SELECT generated
 * from the rule sets' data (items, bands, overrides; `regrade-all.ts`), so millions of deductions
 * are summed and graded where they are stored. The cycle's grades are replaced in one transaction.
 * Produces the same scores, grades, measures and reasons as the domain's `gradeInstitutions`
 * (tested against it).
 */
export async function regradeInDatabase(
  db: Db,
  ruleSets: readonly RuleSet[],
  year: number,
): Promise<{ ruleSetId: string; graded: number }[]> {
  return db.transaction(async (tx) => {
    // Sums over millions of deductions: hash aggregates in memory, no JIT compile for one run.
    await tx.execute(sql.raw("SET LOCAL work_mem = '256MB'"));
    await tx.execute(sql.raw("SET LOCAL jit = off"));
    // The cycle is rewritten whole: delete, then plain inserts (cheaper than 1M upserts, and
    // grades of institutions that vanished or left every scope go with the delete).
    await tx.execute(sql`DELETE FROM credit_institution_grades WHERE year = ${year}::int`);
    const scopes = scopesFor(ruleSets, year);
    if (scopes.length === 0) return [];
    const res = await tx.execute(regradeAllStatement(scopes, year));
    const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { rule_set_id: string; n: number }[];
    const counts = new Map(rows.map((r) => [r.rule_set_id, Number(r.n)]));
    return scopes.map((s) => ({ ruleSetId: s.ruleSet.id, graded: counts.get(s.ruleSet.id) ?? 0 }));
  });
}
