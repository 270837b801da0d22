import {
  type CompanyRating,
  type CreditRepair,
  type DishonestEvent,
  type Quarter,
  quarterEndDate,
  type RateOptions,
  type RatingRun,
  rateCompanies,
} from "@ybplan/domain/credit";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { creditCompanyEvents, creditCompanyRatings, creditCompanyRepairs } from "../schema/credit.ts";

type EventRow = typeof creditCompanyEvents.$inferSelect;

export function eventFromRow(r: EventRow): DishonestEvent {
  return {
    id: r.id,
    companyId: r.companyId,
    companyName: r.companyName,
    companyRole: r.companyRole,
    province: r.provinceCode,
    category: r.category,
    caseRef: r.caseRef,
    amountYuan: r.amountYuan,
    largestSingleYuan: r.largestSingleYuan,
    circumstances: r.circumstances,
    assessedLevel: r.assessedLevel,
    dateConfirmed: r.dateConfirmed,
    source: r.source,
    revokedOn: r.revokedOn,
    ...(r.note ? { note: r.note } : {}),
  };
}

/** Events and repairs known by the end of `quarter`. */
export async function loadCompanyRecords(
  db: Db,
  quarter: Quarter,
): Promise<{ events: DishonestEvent[]; repairs: CreditRepair[] }> {
  const asOf = quarterEndDate(quarter);
  const eventRows = await db
    .select()
    .from(creditCompanyEvents)
    .where(lte(creditCompanyEvents.dateConfirmed, asOf));
  const repairRows = await db.select().from(creditCompanyRepairs).where(lte(creditCompanyRepairs.date, asOf));
  return {
    events: eventRows.map(eventFromRow),
    repairs: repairRows.map((r) => ({
      id: r.id,
      companyId: r.companyId,
      province: r.provinceCode,
      caseRef: r.caseRef,
      date: r.date,
      measuresCompleted: r.measuresCompleted,
    })),
  };
}

/**
 * Rates every company for `quarter` from the stored records and replaces that quarter's stored
 * ratings (earlier quarters stay as history). Returns the run, issues included.
 */
export async function recomputeCompanyRatings(
  db: Db,
  quarter: Quarter,
  options: RateOptions = {},
): Promise<RatingRun> {
  const { events, repairs } = await loadCompanyRecords(db, quarter);
  const run = rateCompanies(events, repairs, quarter, options);
  await db.transaction(async (tx) => {
    await tx
      .delete(creditCompanyRatings)
      .where(
        and(eq(creditCompanyRatings.year, quarter.year), eq(creditCompanyRatings.quarter, quarter.quarter)),
      );
    const rows = run.ratings.map((r) => ratingRow(r));
    for (let i = 0; i < rows.length; i += 1000)
      await tx.insert(creditCompanyRatings).values(rows.slice(i, i + 1000));
  });
  return run;
}

function ratingRow(r: CompanyRating): typeof creditCompanyRatings.$inferInsert {
  return {
    companyId: r.companyId,
    provinceCode: r.province,
    year: r.quarter.year,
    quarter: r.quarter.quarter,
    companyName: r.companyName,
    companyRole: r.companyRole,
    standard: r.level?.standard ?? null,
    levelCode: r.level?.code ?? null,
    levelLabel: r.level?.label ?? null,
    severity: r.level?.severity ?? null,
    reason: r.reason,
    measures: r.measures,
    expiresOn: r.expiresOn,
    cases: r.cases,
  };
}

/** A company's stored ratings, newest quarter first (its history with reasons). */
export async function companyRatingHistory(db: Db, companyId: string) {
  return db
    .select()
    .from(creditCompanyRatings)
    .where(eq(creditCompanyRatings.companyId, companyId))
    .orderBy(
      desc(creditCompanyRatings.year),
      desc(creditCompanyRatings.quarter),
      creditCompanyRatings.provinceCode,
    );
}

/** Stored ratings of a quarter with a level at or above `minSeverity` (roll-up input). */
export async function ratingsOfQuarter(db: Db, quarter: Quarter, minSeverity = 1) {
  return db
    .select()
    .from(creditCompanyRatings)
    .where(
      and(
        eq(creditCompanyRatings.year, quarter.year),
        eq(creditCompanyRatings.quarter, quarter.quarter),
        sql`coalesce(${creditCompanyRatings.severity}, 0) >= ${minSeverity}`,
      ),
    )
    .orderBy(desc(creditCompanyRatings.severity), creditCompanyRatings.companyName);
}
