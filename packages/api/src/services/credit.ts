import {
  type Actor,
  type Db,
  NotFoundError,
  allRuleSets,
  saveRuleSet,
  ValidationError,
  codePrefix,
  companyRatingHistory,
  creditCompanyEvents,
  creditCompanyRepairs,
  creditInstitutionDeductions,
  creditInstitutionFlags,
  creditInstitutionGrades,
  creditInstitutions,
  creditStaffScorings,
  eventFromRow,
  ratingsOfQuarter,
  recomputeCompanyRatings,
  regradeInDatabase,
  storedGradeDistribution,
  writeAudit,
} from "@ybplan/db";
import {
  type CompanyRating,
  DishonestEvent,
  type DishonestEventInput,
  type ImportRowIssue,
  type Quarter,
  type RuleSet,
  type StaffScoringInput,
  StaffScoring,
  type TableInput,
  defaultStandards,
  describeBand,
  importCompanyEvents,
  nationalRollup,
  quarterOfDate,
  rateCase,
  riskWarningList,
  ruleSetFor,
  staffStandings,
} from "@ybplan/domain/credit";
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { Result } from "effect";

/**
 * Credit (信用评价) services: records in, computed ratings and grades out. Rules are the domain's
 * versioned data (`@ybplan/domain/credit`); this file only loads, validates with the domain,
 * stores with audit, and reads the stored results.
 */

// ---------- companies ----------

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
    throw new ValidationError({ issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
  }
  const problem = checkRatable(parsed.data);
  if (problem) throw new ValidationError({ issues: [{ path: ["category"], message: problem }] });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(creditCompanyEvents).values({ ...eventRow(parsed.data), updatedBy: actor.name }).returning();
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
  filter: { companyId?: string; province?: string; provinces?: ReadonlySet<string> | null; limit: number },
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

export type CompanyImportOutcome =
  | { ok: true; created: number; provinces: string[] }
  | { ok: false; issues: ImportRowIssue[] };

/** Validates the whole table with the domain (and a rating dry run), then saves all or nothing. */
export async function importCompanyEventTable(
  db: Db,
  actor: Actor,
  table: TableInput,
  guard: (provinceCode: string) => Promise<void>,
): Promise<CompanyImportOutcome> {
  const { events, issues } = importCompanyEvents(table, { newId: () => crypto.randomUUID() });
  if (issues.length > 0) return { ok: false, issues };
  const rateIssues: ImportRowIssue[] = [];
  events.forEach((e, i) => {
    const problem = checkRatable(e);
    if (problem) rateIssues.push({ line: table.rows[i]!.line, field: "失信事项", message: problem });
  });
  if (rateIssues.length > 0) return { ok: false, issues: rateIssues };
  const provinces = [...new Set(events.map((e) => e.province))].sort();
  for (const p of provinces) await guard(p);
  await db.transaction(async (tx) => {
    for (let i = 0; i < events.length; i += 500) {
      await tx.insert(creditCompanyEvents).values(events.slice(i, i + 500).map((e) => ({ ...eventRow(e), updatedBy: actor.name })));
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
  return { ok: true, created: events.length, provinces };
}

export async function createRepair(
  db: Db,
  actor: Actor,
  input: { companyId: string; province: string; caseRef: string | null; date: string; measuresCompleted: number[] | null; note: string | null },
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

export async function quarterRatings(db: Db, quarter: Quarter, filter: { province?: string; minSeverity: number }) {
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

// ---------- institutions ----------

export async function ruleSetSummaries(db: Db) {
  return (await allRuleSets(db)).map((rs) => ({
    id: rs.id,
    version: rs.version,
    name: rs.name,
    jurisdiction: rs.jurisdiction,
    jurisdictionName: rs.jurisdictionName,
    status: rs.status,
    appliesTo: rs.appliesTo,
    effectiveFrom: rs.effectiveFrom,
    scale: rs.scale,
    base: rs.base,
    grades: rs.bands.map((b) => b.grade),
    bands: rs.bands.map((b) => ({
      grade: b.grade,
      description: describeBand(b, (code) => rs.flags.find((f) => f.code === code)?.label ?? code),
      provisional: b.source.tag === "U",
    })),
    ruleSet: rs,
  }));
}

/** Rule set applying to an institution: its own jurisdiction's, else its city's, else its province's. */
export function ruleSetForInstitution(ruleSets: readonly RuleSet[], jurisdictionCode: string, date: string): RuleSet | null {
  const chain = [jurisdictionCode, `${codePrefix(jurisdictionCode).slice(0, 4).padEnd(4, "0")}00`, `${jurisdictionCode.slice(0, 2)}0000`];
  const r = ruleSetFor(ruleSets, [...new Set(chain)], date);
  return Result.isSuccess(r) ? r.success : null;
}

export async function upsertInstitution(
  db: Db,
  actor: Actor,
  input: { code: string; name: string; kind: "medical" | "pharmacy"; jurisdictionCode: string; designatedSince: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditInstitutions)
      .values({ ...input, updatedBy: actor.name })
      .onConflictDoUpdate({
        target: creditInstitutions.code,
        set: { name: input.name, kind: input.kind, jurisdictionCode: input.jurisdictionCode, designatedSince: input.designatedSince, version: sql`${creditInstitutions.version} + 1`, updatedBy: actor.name, updatedAt: new Date() },
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "upsert",
      entity: "credit_institution",
      entityId: input.code,
      jurisdictionCode: input.jurisdictionCode,
      after: row,
    });
    return row!;
  });
}

export async function institutionJurisdiction(db: Db, code: string): Promise<string> {
  const j = await findInstitutionJurisdiction(db, code);
  if (j === null) throw new NotFoundError({ entity: "credit_institution", entityId: code });
  return j;
}

/** The institution's jurisdiction, or null when no institution has this code yet. */
export async function findInstitutionJurisdiction(db: Db, code: string): Promise<string | null> {
  const [row] = await db
    .select({ j: creditInstitutions.jurisdictionCode })
    .from(creditInstitutions)
    .where(eq(creditInstitutions.code, code));
  return row?.j ?? null;
}

/** Records a deduction after checking the item and points against the applicable rule set. */
export async function createDeduction(
  db: Db,
  actor: Actor,
  input: { institutionCode: string; itemCode: string; points: number | null; date: string; note: string | null },
) {
  const jurisdiction = await institutionJurisdiction(db, input.institutionCode);
  const rs = ruleSetForInstitution(await allRuleSets(db), jurisdiction, input.date);
  if (!rs) throw new ValidationError({ issues: [{ path: ["institutionCode"], message: `${jurisdiction}在${input.date}无适用的信用评价规则` }] });
  const item = rs.items.find((i) => i.code === input.itemCode);
  if (!item) throw new ValidationError({ issues: [{ path: ["itemCode"], message: `${rs.name}没有扣分项目“${input.itemCode}”` }] });
  const max = item.maxPoints ?? item.points;
  if (input.points !== null && input.points > max) {
    throw new ValidationError({ issues: [{ path: ["points"], message: `“${item.label}”每次最多${max}分` }] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(creditInstitutionDeductions).values({ ...input, updatedBy: actor.name }).returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "credit_institution_deduction",
      entityId: row!.id,
      jurisdictionCode: jurisdiction,
      after: row,
    });
    return row!;
  });
}

export async function setInstitutionFlag(
  db: Db,
  actor: Actor,
  input: { institutionCode: string; year: number; flag: string; on: boolean },
) {
  const jurisdiction = await institutionJurisdiction(db, input.institutionCode);
  await db.transaction(async (tx) => {
    if (input.on) {
      await tx
        .insert(creditInstitutionFlags)
        .values({ institutionCode: input.institutionCode, year: input.year, flag: input.flag })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(creditInstitutionFlags)
        .where(
          and(
            eq(creditInstitutionFlags.institutionCode, input.institutionCode),
            eq(creditInstitutionFlags.year, input.year),
            eq(creditInstitutionFlags.flag, input.flag),
          ),
        );
    }
    await writeAudit(tx, actor, {
      action: input.on ? "flag" : "unflag",
      entity: "credit_institution",
      entityId: input.institutionCode,
      jurisdictionCode: jurisdiction,
      after: input,
    });
  });
}

export async function regradeYear(db: Db, actor: Actor, year: number) {
  const t0 = Date.now();
  const counts = await regradeInDatabase(db, await allRuleSets(db), year);
  await writeAudit(db, actor, { action: "regrade", entity: "credit_institution_grades", entityId: String(year), after: counts });
  return { counts, ms: Date.now() - t0 };
}

export async function institutionGrades(
  db: Db,
  filter: { year: number; jurisdictionCode: string; grade?: string; limit: number; offset: number },
) {
  const where = and(
    eq(creditInstitutionGrades.year, filter.year),
    sql`${creditInstitutionGrades.jurisdictionCode} LIKE ${`${codePrefix(filter.jurisdictionCode)}%`}`,
    filter.grade ? eq(creditInstitutionGrades.grade, filter.grade) : undefined,
  );
  const rows = await db
    .select({ grade: creditInstitutionGrades, name: creditInstitutions.name, kind: creditInstitutions.kind })
    .from(creditInstitutionGrades)
    .innerJoin(creditInstitutions, eq(creditInstitutions.code, creditInstitutionGrades.institutionCode))
    .where(where)
    .orderBy(asc(creditInstitutionGrades.score), asc(creditInstitutionGrades.institutionCode))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map((r) => ({ ...r.grade, name: r.name, kind: r.kind }));
}

export async function gradeDistributionOf(db: Db, year: number, jurisdictionCode: string) {
  const rs = ruleSetForInstitution(await allRuleSets(db), jurisdictionCode, `${year}-12-31`);
  const order = rs ? rs.bands.map((b) => b.grade) : ["A", "B", "C", "D", "E"];
  return storedGradeDistribution(db, year, jurisdictionCode, order);
}

export const storeRuleSet = (db: Db, actor: Actor, input: unknown) => saveRuleSet(db, actor, input);

// ---------- staff ----------

export async function createScoring(db: Db, actor: Actor, input: Omit<StaffScoringInput, "id">) {
  const parsed = StaffScoring.safeParse({ ...input, id: "new" });
  if (!parsed.success) {
    throw new ValidationError({ issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
  }
  const s = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditStaffScorings)
      .values({
        personId: s.personId,
        personName: s.personName,
        institutionCode: s.institutionId,
        points: s.points,
        date: s.date,
        act: s.act,
        responsibility: s.responsibility ?? null,
        suspensionMonths: s.suspensionMonths,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, { action: "create", entity: "credit_staff_scoring", entityId: row!.id, after: row });
    return row!;
  });
}

/**
 * Standings as of a date (all scorings up to it are read: points are per person per year). With
 * `scopeCode`, only people linked to an institution in that jurisdiction's subtree are returned
 * (their points still count from every institution, as the rules require).
 */
export async function staffStandingsAsOf(db: Db, asOf: string, personId?: string, scopeCode?: string) {
  const rows = await db
    .select()
    .from(creditStaffScorings)
    .where(and(lte(creditStaffScorings.date, asOf), personId ? eq(creditStaffScorings.personId, personId) : undefined, gte(creditStaffScorings.date, `${Number(asOf.slice(0, 4)) - 4}-01-01`)))
    .orderBy(asc(creditStaffScorings.date));
  const run = staffStandings(
    rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      personName: r.personName,
      institutionId: r.institutionCode,
      points: r.points,
      date: r.date,
      act: r.act,
      ...(r.responsibility ? { responsibility: r.responsibility } : {}),
      suspensionMonths: r.suspensionMonths,
    })),
    asOf,
  );
  let standings = run.standings;
  if (scopeCode !== undefined) {
    const local = await db
      .select({ code: creditInstitutions.code })
      .from(creditInstitutions)
      .where(sql`${creditInstitutions.jurisdictionCode} LIKE ${`${codePrefix(scopeCode)}%`}`);
    const codes = new Set(local.map((r) => r.code));
    standings = standings.filter((st) => st.institutions.some((i) => codes.has(i)));
  }
  return {
    standings: standings.sort((a, b) => b.pointsThisYear - a.pointsThisYear || a.personId.localeCompare(b.personId)),
    issues: run.issues.map((i) => ({ tag: i._tag, scoringId: i.scoringId, message: i.message })),
  };
}

