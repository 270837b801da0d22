import {
  type Actor,
  companyRatingHistory,
  creditCompanyEvents,
  creditCompanyRepairs,
  type Db,
  eventFromRow,
  NotFoundError,
  ratingsOfQuarter,
  recomputeCompanyRatings,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import {
  type CompanyRating,
  DishonestEvent,
  type DishonestEventInput,
  defaultStandards,
  type ImportRowIssue,
  importCompanyEvents,
  nationalRollup,
  type Quarter,
  quarterOfDate,
  rateCase,
  riskWarningList,
  type TableInput,
} from "@ybplan/domain/credit";
import { and, desc, eq, inArray } from "drizzle-orm";
import { Result } from "effect";
import { InvalidRowsError } from "../../errors.ts";

/** Companies (医药企业信用评价): dishonest events, their import, repairs, quarterly ratings and roll-ups. */
export type CompanyEventFields = Omit<DishonestEventInput, "id">;

/** Rates the event alone as a dry run, so an event the engine cannot rate is refused at entry. */
function checkRatable(event: DishonestEvent): string | null {
  const verdict = rateCase(
    defaultStandards,
    {
      caseRef: event.caseRef,
      firstEventId: event.id,
      category: event.category,
      amountYuan: event.amountYuan,
      largestSingleYuan: event.largestSingleYuan,
      circumstances: event.circumstances,
      assessedLevel: event.assessedLevel,
    },
    quarterOfDate(event.dateConfirmed),
  );
  return Result.isFailure(verdict) ? verdict.failure.message : null;
}

function eventRow(e: DishonestEvent): typeof creditCompanyEvents.$inferInsert {
  return {
    companyId: e.companyId,
    companyName: e.companyName,
    companyRole: e.companyRole,
    provinceCode: e.province,
    category: e.category,
    caseRef: e.caseRef,
    amountYuan: e.amountYuan,
    largestSingleYuan: e.largestSingleYuan,
    circumstances: e.circumstances,
    assessedLevel: e.assessedLevel,
    dateConfirmed: e.dateConfirmed,
    source: e.source,
    revokedOn: e.revokedOn,
    note: e.note ?? null,
  };
}

export async function createCompanyEvent(db: Db, actor: Actor, fields: CompanyEventFields) {
  const parsed = DishonestEvent.safeParse({ ...fields, id: "new" });
  if (!parsed.success) {
    throw new ValidationError({
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const problem = checkRatable(parsed.data);
  if (problem) throw new ValidationError({ issues: [{ path: ["category"], message: problem }] });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditCompanyEvents)
      .values({ ...eventRow(parsed.data), updatedBy: actor.name })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "credit_company_event",
      entityId: row!.id,
      jurisdictionCode: row!.provinceCode,
      after: row,
    });
    return eventFromRow(row!);
  });
}

export async function deleteCompanyEvent(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(creditCompanyEvents).where(eq(creditCompanyEvents.id, id)).returning();
    if (!row) throw new NotFoundError({ entity: "credit_company_event", entityId: id });
    await writeAudit(tx, actor, {
      action: "delete",
      entity: "credit_company_event",
      entityId: id,
      jurisdictionCode: row.provinceCode,
      before: row,
    });
  });
}

export async function companyEventProvince(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ p: creditCompanyEvents.provinceCode })
    .from(creditCompanyEvents)
    .where(eq(creditCompanyEvents.id, id));
  if (!row) throw new NotFoundError({ entity: "credit_company_event", entityId: id });
  return row.p;
}

/** `provinces`: when set, only events rated in these provinces (the caller's readable scope). */
export async function listCompanyEvents(
  db: Db,
  filter: {
    companyId?: string | undefined;
    province?: string | undefined;
    provinces?: ReadonlySet<string> | null;
    limit: number;
  },
) {
  const where = and(
    filter.companyId ? eq(creditCompanyEvents.companyId, filter.companyId) : undefined,
    filter.province ? eq(creditCompanyEvents.provinceCode, filter.province) : undefined,
    filter.provinces ? inArray(creditCompanyEvents.provinceCode, [...filter.provinces]) : undefined,
  );
  const rows = await db
    .select()
    .from(creditCompanyEvents)
    .where(where)
    .orderBy(desc(creditCompanyEvents.dateConfirmed))
    .limit(filter.limit);
  return rows.map((r) => ({ ...eventFromRow(r), version: r.version }));
}

export interface CompanyImportOutcome {
  readonly created: number;
  readonly provinces: string[];
}

/**
 * Validates the whole table with the domain (and a rating dry run), then saves all or nothing:
 * invalid rows fail with `InvalidRowsError` listing every one.
 */
export async function importCompanyEventTable(
  db: Db,
  actor: Actor,
  table: TableInput,
  guard: (provinceCode: string) => Promise<void>,
): Promise<CompanyImportOutcome> {
  const { events, issues } = importCompanyEvents(table, { newId: () => crypto.randomUUID() });
  if (issues.length > 0) throw new InvalidRowsError({ issues });
  const rateIssues: ImportRowIssue[] = [];
  events.forEach((e, i) => {
    const problem = checkRatable(e);
    if (problem) rateIssues.push({ line: table.rows[i]!.line, field: "失信事项", message: problem });
  });
  if (rateIssues.length > 0) throw new InvalidRowsError({ issues: rateIssues });
  const provinces = [...new Set(events.map((e) => e.province))].sort();
  for (const p of provinces) await guard(p);
  await db.transaction(async (tx) => {
    for (let i = 0; i < events.length; i += 500) {
      await tx
        .insert(creditCompanyEvents)
        .values(events.slice(i, i + 500).map((e) => ({ ...eventRow(e), updatedBy: actor.name })));
    }
    await writeAudit(
      tx,
      actor,
      provinces.map((p) => ({
        action: "import",
        entity: "credit_company_event",
        entityId: p,
        jurisdictionCode: p,
        after: { count: events.filter((e) => e.province === p).length },
      })),
    );
  });
  return { created: events.length, provinces };
}

export async function createRepair(
  db: Db,
  actor: Actor,
  input: {
    companyId: string;
    province: string;
    caseRef: string | null;
    date: string;
    measuresCompleted: number[] | null;
    note: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditCompanyRepairs)
      .values({
        companyId: input.companyId,
        provinceCode: input.province,
        caseRef: input.caseRef,
        date: input.date,
        measuresCompleted: input.measuresCompleted,
        note: input.note,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "credit_company_repair",
      entityId: row!.id,
      jurisdictionCode: input.province,
      after: row,
    });
    return row!;
  });
}

/** Recomputes and stores one quarter's ratings; issues are the events the engine could not use. */
export async function recomputeQuarter(db: Db, actor: Actor, quarter: Quarter) {
  const run = await recomputeCompanyRatings(db, quarter);
  await writeAudit(db, actor, {
    action: "recompute",
    entity: "credit_company_ratings",
    entityId: `${quarter.year}Q${quarter.quarter}`,
    after: { ratings: run.ratings.length, issues: run.issues.length },
  });
  return {
    ratings: run.ratings.length,
    rated: run.ratings.filter((r) => r.level !== null).length,
    issues: run.issues.map((i) => ({ tag: i._tag, message: i.message })),
  };
}

export async function quarterRatings(
  db: Db,
  quarter: Quarter,
  filter: { province?: string | undefined; minSeverity: number },
) {
  const rows = await ratingsOfQuarter(db, quarter, filter.minSeverity);
  return filter.province ? rows.filter((r) => r.provinceCode === filter.province) : rows;
}

export const companyHistory = (db: Db, companyId: string) => companyRatingHistory(db, companyId);

/** National roll-up of 严重/特别严重 and the risk-warning list, from the stored quarter. */
export async function quarterRollup(db: Db, quarter: Quarter) {
  const rows = await ratingsOfQuarter(db, quarter, 3);
  const ratings: CompanyRating[] = rows.map((r) => ({
    companyId: r.companyId,
    companyName: r.companyName,
    companyRole: r.companyRole,
    province: r.provinceCode,
    quarter,
    level: { standard: r.standard!, code: r.levelCode!, label: r.levelLabel!, severity: r.severity! },
    reason: r.reason,
    measures: r.measures,
    expiresOn: r.expiresOn,
    cases: r.cases,
  }));
  return { rollup: nationalRollup(ratings, quarter), riskWarning: riskWarningList(ratings) };
}
