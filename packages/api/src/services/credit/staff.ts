import {
  type Actor,
  codePrefix,
  creditInstitutions,
  creditStaffScorings,
  type Db,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { StaffScoring, type StaffScoringInput, staffStandings } from "@ybplan/domain/credit";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";

/** Staff (医保支付资格): the 12-point scoring and standings on a date. */
export async function createScoring(db: Db, actor: Actor, input: Omit<StaffScoringInput, "id">) {
  const parsed = StaffScoring.safeParse({ ...input, id: "new" });
  if (!parsed.success) {
    throw new ValidationError({
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
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
    await writeAudit(tx, actor, {
      action: "create",
      entity: "credit_staff_scoring",
      entityId: row!.id,
      after: row,
    });
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
    .where(
      and(
        lte(creditStaffScorings.date, asOf),
        personId ? eq(creditStaffScorings.personId, personId) : undefined,
        gte(creditStaffScorings.date, `${Number(asOf.slice(0, 4)) - 4}-01-01`),
      ),
    )
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
    standings: standings.sort(
      (a, b) => b.pointsThisYear - a.pointsThisYear || a.personId.localeCompare(b.personId),
    ),
    issues: run.issues.map((i) => ({ tag: i._tag, scoringId: i.scoringId, message: i.message })),
  };
}
