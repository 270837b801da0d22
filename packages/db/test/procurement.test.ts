import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Database,
  migrate,
  migrationFiles,
  openDatabase,
  procurementBatches,
  procurementImplementations,
  procurementVarieties,
} from "../src/index.ts";
import { insertSampleJurisdictions } from "./fixtures.ts";

/** The SQLSTATE of a failed statement (drizzle wraps the driver error in `cause`). */
async function sqlState(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    return err.cause?.code ?? err.code;
  }
}

interface Backend {
  database: Database;
  done: () => Promise<void>;
}

/** The same checks on embedded PGlite and, when configured, on a fresh real PostgreSQL database. */
function suite(name: string, open: () => Promise<Backend>) {
  describe(`procurement tables (0100) on ${name}`, () => {
    let database: Database;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ database, done } = await open());
      await migrate(database);
      await insertSampleJurisdictions(database);
    });
    afterAll(() => done());

    it("are created by the 0100 migration", () => {
      expect(migrationFiles().map((f) => f.id)).toContain("0100_procurement");
    });

    it("store a count-only batch, a listed batch with varieties, and implementations", async () => {
      const [national] = await database.db
        .insert(procurementBatches)
        .values({
          ref: "national-drug-03",
          level: "national",
          name: "第三批",
          announced: "2020-08-20",
          category: "drug",
          publishedCount: 55,
        })
        .returning();
      const [hubei] = await database.db
        .insert(procurementBatches)
        .values({
          level: "provincial",
          name: "湖北省第一批",
          announced: "2021-03",
          category: "drug",
          regionCodes: ["420000"],
        })
        .returning();
      await database.db.insert(procurementVarieties).values([
        {
          batchId: hubei!.id,
          position: 1,
          kind: "drug",
          genericName: "恩替卡韦",
          dosageForm: "分散片",
          dosageFormGroup: "oralImmediate",
          varietyKey: "drug:恩替卡韦:oralImmediate",
        },
        {
          batchId: hubei!.id,
          position: 2,
          kind: "drug",
          genericName: "奥美拉唑",
          dosageForm: "注射用",
          dosageFormGroup: "injection",
          varietyKey: "drug:奥美拉唑:injection",
        },
      ]);
      await database.db.insert(procurementImplementations).values([
        {
          batchId: national!.id,
          jurisdictionCode: "420000",
          startDate: "2020-11-01",
          completionRatePct: 120.5,
        },
        { batchId: hubei!.id, jurisdictionCode: "420200", startDate: "2021-06-01" },
      ]);
      const rows = await database.db
        .select()
        .from(procurementBatches)
        .where(eq(procurementBatches.id, hubei!.id));
      expect(rows[0]!.regionCodes).toEqual(["420000"]);
      expect(rows[0]!.publishedCount).toBeNull();
      const impl = await database.db
        .select()
        .from(procurementImplementations)
        .where(eq(procurementImplementations.batchId, national!.id));
      expect(impl[0]).toMatchObject({ startDate: "2020-11-01", completionRatePct: 120.5 });
    });

    it("refuses a repeated variety in one batch, a second record of a batch in a jurisdiction and a bad date", async () => {
      const [b] = await database.db
        .select()
        .from(procurementBatches)
        .where(eq(procurementBatches.name, "湖北省第一批"));
      expect(
        await sqlState(
          database.db.insert(procurementVarieties).values({
            batchId: b!.id,
            position: 3,
            kind: "drug",
            genericName: "恩替卡韦",
            dosageForm: "片",
            dosageFormGroup: "oralImmediate",
            varietyKey: "drug:恩替卡韦:oralImmediate",
          }),
        ),
      ).toBe("23505");
      expect(
        await sqlState(
          database.db
            .insert(procurementImplementations)
            .values({ batchId: b!.id, jurisdictionCode: "420200", startDate: "2021-07-01" }),
        ),
      ).toBe("23505");
      expect(
        await sqlState(
          database.db
            .insert(procurementBatches)
            .values({ level: "national", name: "坏日期", announced: "2021/03", category: "drug" }),
        ),
      ).toBe("23514");
      expect(
        await sqlState(
          database.db
            .insert(procurementVarieties)
            .values({ batchId: b!.id, position: 4, kind: "drug", varietyKey: "drug:x:injection" }),
        ),
      ).toBe("23514");
    });

    it("will not delete a batch that a jurisdiction implemented", async () => {
      const [b] = await database.db
        .select()
        .from(procurementBatches)
        .where(eq(procurementBatches.name, "第三批"));
      // PostgreSQL 17 (PGlite) reports restrict_violation, 15 foreign_key_violation.
      expect(["23001", "23503"]).toContain(
        await sqlState(database.db.delete(procurementBatches).where(eq(procurementBatches.id, b!.id))),
      );
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
    const name = `ybplan_procurement_${randomBytes(6).toString("hex")}`;
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
