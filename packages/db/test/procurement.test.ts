import { eq } from "drizzle-orm";
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

let database: Database;

beforeAll(async () => {
  database = await openDatabase();
  await migrate(database);
  await insertSampleJurisdictions(database);
});
afterAll(() => database.close());

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

describe("procurement tables (0100)", () => {
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
    expect(
      await sqlState(database.db.delete(procurementBatches).where(eq(procurementBatches.id, b!.id))),
    ).toBe("23001"); // restrict_violation;
  });
});
