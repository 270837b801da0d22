import {
  type Actor,
  allRuleSets,
  codePrefix,
  creditInstitutionDeductions,
  creditInstitutionFlags,
  creditInstitutionGrades,
  creditInstitutions,
  type Db,
  NotFoundError,
  regradeInDatabase,
  saveRuleSet,
  storedGradeDistribution,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { describeBand, type RuleSet, ruleSetFor } from "@ybplan/domain/credit";
import { and, asc, eq, sql } from "drizzle-orm";
import { Result } from "effect";

/** Designated institutions (定点医药机构): versioned rule sets, deductions, flags, yearly grades. */
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
function ruleSetForInstitution(
  ruleSets: readonly RuleSet[],
  jurisdictionCode: string,
  date: string,
): RuleSet | null {
  const chain = [
    jurisdictionCode,
    `${codePrefix(jurisdictionCode).slice(0, 4).padEnd(4, "0")}00`,
    `${jurisdictionCode.slice(0, 2)}0000`,
  ];
  const r = ruleSetFor(ruleSets, [...new Set(chain)], date);
  return Result.isSuccess(r) ? r.success : null;
}

export async function upsertInstitution(
  db: Db,
  actor: Actor,
  input: {
    code: string;
    name: string;
    kind: "medical" | "pharmacy";
    jurisdictionCode: string;
    designatedSince: string;
  },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditInstitutions)
      .values({ ...input, updatedBy: actor.name })
      .onConflictDoUpdate({
        target: creditInstitutions.code,
        set: {
          name: input.name,
          kind: input.kind,
          jurisdictionCode: input.jurisdictionCode,
          designatedSince: input.designatedSince,
          version: sql`${creditInstitutions.version} + 1`,
          updatedBy: actor.name,
          updatedAt: new Date(),
        },
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
  input: {
    institutionCode: string;
    itemCode: string;
    points: number | null;
    date: string;
    note: string | null;
  },
) {
  const jurisdiction = await institutionJurisdiction(db, input.institutionCode);
  const rs = ruleSetForInstitution(await allRuleSets(db), jurisdiction, input.date);
  if (!rs)
    throw new ValidationError({
      issues: [{ path: ["institutionCode"], message: `${jurisdiction}在${input.date}无适用的信用评价规则` }],
    });
  const item = rs.items.find((i) => i.code === input.itemCode);
  if (!item)
    throw new ValidationError({
      issues: [{ path: ["itemCode"], message: `${rs.name}没有扣分项目“${input.itemCode}”` }],
    });
  const max = item.maxPoints ?? item.points;
  if (input.points !== null && input.points > max) {
    throw new ValidationError({ issues: [{ path: ["points"], message: `“${item.label}”每次最多${max}分` }] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditInstitutionDeductions)
      .values({ ...input, updatedBy: actor.name })
      .returning();
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
  await writeAudit(db, actor, {
    action: "regrade",
    entity: "credit_institution_grades",
    entityId: String(year),
    after: counts,
  });
  return { counts, ms: Date.now() - t0 };
}

export async function institutionGrades(
  db: Db,
  filter: {
    year: number;
    jurisdictionCode: string;
    grade?: string | undefined;
    limit: number;
    offset: number;
  },
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
