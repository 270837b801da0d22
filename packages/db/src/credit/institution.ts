import type { GradeDistribution } from "@ybplan/domain/credit";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { creditInstitutionGrades } from "../schema/credit.ts";
import { codePrefix } from "./scope.ts";

/**
 * Grade distribution of a year for a jurisdiction's subtree (prefix match on codes), computed in
 * the database from stored grades.
 */
export async function storedGradeDistribution(
  db: Db,
  year: number,
  jurisdictionCode: string,
  gradeOrder: readonly string[],
): Promise<GradeDistribution> {
  const rows = await db
    .select({ grade: creditInstitutionGrades.grade, n: sql<number>`count(*)::int` })
    .from(creditInstitutionGrades)
    .where(
      and(
        eq(creditInstitutionGrades.year, year),
        sql`${creditInstitutionGrades.jurisdictionCode} LIKE ${`${codePrefix(jurisdictionCode)}%`}`,
      ),
    )
    .groupBy(creditInstitutionGrades.grade);
  const found = new Map(rows.map((r) => [r.grade, Number(r.n)]));
  const grades = [...gradeOrder, ...[...found.keys()].filter((g) => !gradeOrder.includes(g)).sort()];
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  const counts: Record<string, number> = {};
  const shares: Record<string, number> = {};
  for (const g of grades) {
    counts[g] = found.get(g) ?? 0;
    shares[g] = total === 0 ? 0 : counts[g] / total;
  }
  return { jurisdiction: jurisdictionCode, year, total, counts, shares };
}
