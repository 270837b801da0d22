import {
  buildCreditSection,
  type CompanyRating,
  type GradeDistribution,
  ruleSetFor,
  staffStandings,
} from "@ybplan/domain/credit";
import type { CreditSection } from "@ybplan/domain/report";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { Result } from "effect";
import type { Db } from "../client.ts";
import { creditCompanyRatings, creditInstitutions, creditStaffScorings } from "../schema/credit.ts";
import { storedGradeDistribution } from "./institution.ts";
import { allRuleSets } from "./rule-sets.ts";
import { codePrefix } from "./scope.ts";

/**
 * Gathers the stored credit results of a jurisdiction for the yearly report and builds the
 * `credit` section (null when there is nothing to report): grade distributions of the year and the
 * year before, the province's company ratings of the year's fourth quarter, and staff standings of
 * people linked to the jurisdiction's institutions.
 */
export async function loadCreditSection(
  db: Db,
  opts: { jurisdictionCode: string; jurisdictionName: string; year: number },
): Promise<CreditSection | null> {
  const { jurisdictionCode, year } = opts;
  const province = `${jurisdictionCode.slice(0, 2)}0000`;
  const chain = [...new Set([jurisdictionCode, `${jurisdictionCode.slice(0, 4)}00`, province])];
  const rs = ruleSetFor(await allRuleSets(db), chain, `${year}-12-31`);
  const order = Result.isSuccess(rs) ? rs.success.bands.map((b) => b.grade) : ["A", "B", "C", "D", "E"];

  const distributions: GradeDistribution[] = [];
  for (const y of [year - 1, year]) {
    const d = await storedGradeDistribution(db, y, jurisdictionCode, order);
    if (d.total > 0) distributions.push(d);
  }

  const ratingRows = await db
    .select()
    .from(creditCompanyRatings)
    .where(
      and(
        eq(creditCompanyRatings.provinceCode, province),
        eq(creditCompanyRatings.year, year),
        eq(creditCompanyRatings.quarter, 4),
      ),
    );
  const companyRatings: CompanyRating[] = ratingRows.map((r) => ({
    companyId: r.companyId,
    companyName: r.companyName,
    companyRole: r.companyRole,
    province: r.provinceCode,
    quarter: { year: r.year, quarter: r.quarter },
    level:
      r.levelCode === null
        ? null
        : { standard: r.standard!, code: r.levelCode, label: r.levelLabel!, severity: r.severity! },
    reason: r.reason,
    measures: r.measures,
    expiresOn: r.expiresOn,
    cases: r.cases,
  }));

  const local = await db
    .select({ code: creditInstitutions.code })
    .from(creditInstitutions)
    .where(sql`${creditInstitutions.jurisdictionCode} LIKE ${`${codePrefix(jurisdictionCode)}%`}`);
  const localCodes = new Set(local.map((r) => r.code));
  const scoringRows = await db
    .select()
    .from(creditStaffScorings)
    .where(
      and(gte(creditStaffScorings.date, `${year - 3}-01-01`), lte(creditStaffScorings.date, `${year}-12-31`)),
    );
  const people = new Set(scoringRows.filter((r) => localCodes.has(r.institutionCode)).map((r) => r.personId));
  const staff = staffStandings(
    scoringRows
      .filter((r) => people.has(r.personId))
      .map((r) => ({
        id: r.id,
        personId: r.personId,
        personName: r.personName,
        institutionId: r.institutionCode,
        points: r.points,
        date: r.date,
        act: r.act,
        suspensionMonths: r.suspensionMonths,
      })),
    `${year}-12-31`,
  ).standings;

  if (distributions.length === 0 && companyRatings.length === 0 && staff.length === 0) return null;
  return buildCreditSection({
    jurisdictionName: opts.jurisdictionName,
    year,
    ...(distributions.length > 0
      ? {
          institutions: {
            ruleSetName: Result.isSuccess(rs) ? rs.success.name : "信用评价规则",
            gradeOrder: order,
            distributions,
          },
        }
      : {}),
    ...(ratingRows.length > 0 ? { companyRatings } : {}),
    ...(staff.length > 0 ? { staff } : {}),
  });
}
