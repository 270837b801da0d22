import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import {
  type DeductionEvent,
  gradeInstitutions,
  type Institution,
  type RuleSet,
  shippedRuleSets,
} from "@ybplan/domain/credit";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/client.ts";
import {
  companyRatingHistory,
  loadCreditSection,
  ratingsOfQuarter,
  recomputeCompanyRatings,
  regradeInDatabase,
  scopesFor,
  storedGradeDistribution,
} from "../src/credit/index.ts";
import { type MigrationFile, migrate, migrationsDir } from "../src/migrate.ts";
import {
  creditCompanyEvents,
  creditCompanyRepairs,
  creditInstitutionDeductions,
  creditInstitutionFlags,
  creditInstitutionGrades,
  creditInstitutions,
} from "../src/schema/credit.ts";

/** Every migration file in the directory, so this file does not depend on the migrator's selection. */
const allMigrations: MigrationFile[] = readdirSync(migrationsDir)
  .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
  .sort()
  .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${migrationsDir}${f}`, "utf8") }));

/** Deterministic PRNG so both engines see the same data every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const jurisdictionsPool = [
  "150000",
  "150200",
  "150203",
  "440000",
  "440700",
  "440784",
  "320600",
  "320602",
  "320000",
];

function synthetic(seed: number) {
  const rand = rng(seed);
  const institutions: Institution[] = [];
  for (let i = 0; i < 400; i++) {
    const y = 2012 + Math.floor(rand() * 14);
    institutions.push({
      id: `H${String(i).padStart(5, "0")}`,
      name: `机构${i}`,
      kind: rand() < 0.5 ? "medical" : "pharmacy",
      jurisdiction: jurisdictionsPool[Math.floor(rand() * jurisdictionsPool.length)]!,
      designatedSince: `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-01`,
    });
  }
  const items = shippedRuleSets.flatMap((r) => r.items);
  const deductions: DeductionEvent[] = [];
  for (let i = 0; i < 2500; i++) {
    const it = items[Math.floor(rand() * items.length)]!;
    const explicit = rand() < 0.4;
    deductions.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      institutionId: institutions[Math.floor(rand() * rand() * institutions.length)]!.id,
      itemCode: it.code,
      // Half-points keep float sums exact; some exceed the max and must be skipped by both engines.
      points: explicit ? Math.round(rand() * (it.maxPoints ?? it.points) * 2.4) / 2 || null : null,
      date: `${2025 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15`,
    });
  }
  const flags = institutions
    .filter(() => rand() < 0.05)
    .map((inst, k) => ({
      institutionId: inst.id,
      year: 2026,
      flags: [k % 2 ? "seriousDishonestyList" : "failedAnnualReview"],
    }));
  return { institutions, deductions, flags };
}

function suite(label: string, open: () => Promise<{ database: Database; done: () => Promise<void> }>) {
  describe(`credit tables and SQL re-grading (${label})`, () => {
    let database: Database;
    let done: () => Promise<void>;
    const data = synthetic(42);

    beforeAll(async () => {
      ({ database, done } = await open());
      await migrate(database, allMigrations);
      await database.db.insert(creditInstitutions).values(
        data.institutions.map((i) => ({
          code: i.id,
          name: i.name,
          kind: i.kind,
          jurisdictionCode: i.jurisdiction,
          designatedSince: i.designatedSince,
        })),
      );
      await database.db.insert(creditInstitutionDeductions).values(
        data.deductions.map((d) => ({
          id: d.id,
          institutionCode: d.institutionId,
          itemCode: d.itemCode,
          points: d.points,
          date: d.date,
        })),
      );
      await database.db
        .insert(creditInstitutionFlags)
        .values(
          data.flags.map((f) => ({ institutionCode: f.institutionId, year: f.year, flag: f.flags[0]! })),
        );
    }, 60_000);
    afterAll(() => done());

    it("the 0200 migration created the credit tables", async () => {
      expect(allMigrations.map((f) => f.id)).toContain("0200_credit");
      expect(await database.db.select().from(creditInstitutionGrades)).toEqual([]);
    });

    it("re-grades in SQL exactly as the domain engine grades in memory", async () => {
      const counts = await regradeInDatabase(database.db, shippedRuleSets, 2026);
      expect(counts.map((c) => c.ruleSetId).sort()).toEqual(["guangdong", "nantong-pharmacy", "nei-mongol"]);
      const stored = await database.db
        .select()
        .from(creditInstitutionGrades)
        .where(eq(creditInstitutionGrades.year, 2026));
      const byCode = new Map(stored.map((r) => [r.institutionCode, r]));

      let compared = 0;
      for (const scope of scopesFor(shippedRuleSets, 2026)) {
        const rs: RuleSet = scope.ruleSet;
        const inScope = data.institutions.filter(
          (i) =>
            i.jurisdiction.startsWith(scope.prefix) &&
            rs.appliesTo.includes(i.kind) &&
            !scope.excluded.some((p) => i.jurisdiction.startsWith(p)),
        );
        const ids = new Set(inScope.map((i) => i.id));
        const expected = gradeInstitutions(
          rs,
          inScope,
          data.deductions.filter(
            (d) => ids.has(d.institutionId) && rs.items.some((it) => it.code === d.itemCode),
          ),
          2026,
          data.flags,
        ).results;
        expect(counts.find((c) => c.ruleSetId === rs.id)!.graded).toBe(inScope.length);
        for (const e of expected) {
          const row = byCode.get(e.institutionId)!;
          expect({
            grade: row.grade,
            score: row.score,
            deducted: row.deducted,
            bonus: row.bonus,
            reason: row.reason,
          }).toEqual({
            grade: e.grade,
            score: e.score,
            deducted: e.deducted,
            bonus: e.bonus,
            reason: e.reason,
          });
          expect(row.measures).toEqual(e.measures.map((m) => m.code));
          expect(row.override).toBe(e.override);
          compared++;
        }
      }
      // Nantong medical institutions have no rule set: not graded.
      expect(stored.length).toBe(compared);
      expect(compared).toBeGreaterThan(200);
    });

    it("re-grading again replaces the cycle's grades and distributions come from the stored rows", async () => {
      await regradeInDatabase(database.db, shippedRuleSets, 2026);
      const dist = await storedGradeDistribution(database.db, 2026, "150000", ["A", "B", "C", "D"]);
      const stored = await database.db
        .select()
        .from(creditInstitutionGrades)
        .where(eq(creditInstitutionGrades.year, 2026));
      const nm = stored.filter((r) => r.jurisdictionCode.startsWith("15"));
      expect(dist.total).toBe(nm.length);
      expect(dist.counts.D).toBe(nm.filter((r) => r.grade === "D").length);
    });

    it("drops the grade of an institution that no longer exists on the next re-grade", async () => {
      const gone = data.institutions.find((i) => i.jurisdiction.startsWith("15"))!.id;
      await database.db.delete(creditInstitutions).where(eq(creditInstitutions.code, gone));
      await regradeInDatabase(database.db, shippedRuleSets, 2026);
      const rows = await database.db
        .select()
        .from(creditInstitutionGrades)
        .where(eq(creditInstitutionGrades.institutionCode, gone));
      expect(rows).toEqual([]);
    });

    it("stores company ratings per quarter with their reasons (云南同丰 60万 → 严重)", async () => {
      await database.db.insert(creditCompanyEvents).values([
        {
          companyId: "ytf",
          companyName: "云南同丰医药有限公司",
          provinceCode: "530000",
          category: "bribery",
          caseRef: "（2021）云01刑初1号",
          amountYuan: 600_000,
          dateConfirmed: "2022-05-10",
          source: "court-judgment",
        },
        {
          companyId: "x",
          companyName: "某医药",
          provinceCode: "530000",
          category: "monopoly",
          caseRef: "k",
          dateConfirmed: "2022-05-10",
          source: "penalty-decision",
        },
      ]);
      await database.db.insert(creditCompanyRepairs).values({
        companyId: "ytf",
        provinceCode: "530000",
        caseRef: "（2021）云01刑初1号",
        date: "2023-02-01",
      });
      const q2 = await recomputeCompanyRatings(database.db, { year: 2022, quarter: 2 });
      expect(q2.issues.map((i) => i._tag)).toEqual(["MissingAssessment"]);
      await recomputeCompanyRatings(database.db, { year: 2023, quarter: 1 });
      const history = await companyRatingHistory(database.db, "ytf");
      expect(history.map((h) => [h.year, h.quarter, h.levelLabel, h.reason])).toEqual([
        [2023, 1, null, "失信等级已修复清零"],
        [2022, 2, "严重", "严重：累计行贿60万元，达到2020版裁量基准50万元档"],
      ]);
      const serious = await ratingsOfQuarter(database.db, { year: 2022, quarter: 2 }, 3);
      expect(serious.map((r) => r.companyName)).toEqual(["云南同丰医药有限公司"]);
    });

    it("builds the report's credit section from the stored grades", async () => {
      const section = await loadCreditSection(database.db, {
        jurisdictionCode: "150000",
        jurisdictionName: "内蒙古自治区",
        year: 2026,
      });
      const stored = await database.db
        .select()
        .from(creditInstitutionGrades)
        .where(eq(creditInstitutionGrades.year, 2026));
      const n = stored.filter((r) => r.jurisdictionCode.startsWith("15")).length;
      expect(section?.key).toBe("credit");
      expect(section?.paragraphs[0]).toContain(`内蒙古自治区共${n}家定点医药机构参加信用评价`);
      expect(section!.tables[0]!.columns).toEqual(["年度", "机构数", "A级", "B级", "C级", "D级", "A级占比"]);
      expect(
        await loadCreditSection(database.db, {
          jurisdictionCode: "420000",
          jurisdictionName: "湖北省",
          year: 2026,
        }),
      ).toBeNull();
    });
  });
}

suite("PGlite", async () => {
  const database = await openDatabase();
  return { database, done: () => database.close() };
});

/** Real PostgreSQL when YBPLAN_TEST_DATABASE_URL is set; required when YBPLAN_REQUIRE_POSTGRES=1. */
const pgUrl = process.env.YBPLAN_TEST_DATABASE_URL || null;
if (!pgUrl && process.env.YBPLAN_REQUIRE_POSTGRES === "1") {
  throw new Error("YBPLAN_REQUIRE_POSTGRES=1 but YBPLAN_TEST_DATABASE_URL is not set");
}
if (pgUrl) {
  suite("PostgreSQL", async () => {
    const name = `ybplan_credit_${randomBytes(6).toString("hex")}`;
    const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
    return {
      database,
      done: async () => {
        await database.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  });
}
