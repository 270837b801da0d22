import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertVersion,
  auditLog,
  ConflictError,
  type Database,
  indicators,
  migrate,
  migrationFiles,
  NotFoundError,
  observations,
  openDatabase,
  plans,
  savePlanDocument,
  tasks,
  ValidationError,
} from "../src/index.ts";
import { cell, huangshiDoc, insertSampleJurisdictions } from "./fixtures.ts";

const actor = { id: null, name: "测试" };
let database: Database;

beforeAll(async () => {
  database = await openDatabase();
  await migrate(database);
  await insertSampleJurisdictions(database);
});
afterAll(() => database.close());

describe("migrate", () => {
  it("records applied files and is idempotent", async () => {
    expect(await migrate(database)).toEqual([]);
    const ids = migrationFiles().map((f) => f.id);
    expect(ids[0]).toBe("0001_core");
  });
});

describe("savePlanDocument", () => {
  it("creates the plan, then re-imports in place keeping observations", async () => {
    const first = await savePlanDocument(database.db, huangshiDoc(), actor);
    expect(first.created).toBe(true);
    expect(first.indicators.created).toBe(2);
    expect(first.tasks.created).toBe(2);
    const [ind] = await database.db
      .select()
      .from(indicators)
      .where(and(eq(indicators.planId, first.planId), eq(indicators.key, "参保覆盖/基本医疗保险参保率")));
    await database.db
      .insert(observations)
      .values({ indicatorId: ind!.id, year: 2023, valueKind: "number", valueNumber: 96.8 });

    // Second import: target changed, second indicator dropped, a task renamed.
    const doc = huangshiDoc();
    doc.indicators[0]!.target = cell("≥98", 98);
    doc.indicators.pop();
    doc.tasks[1]!.title = "完善参保机制";
    const second = await savePlanDocument(database.db, doc, actor);
    expect(second.created).toBe(false);
    expect(second.planId).toBe(first.planId);
    expect(second.revision).toBe(2);
    expect(second.indicators).toMatchObject({ created: 0, updated: 1, deleted: 1 });
    expect(second.tasks).toMatchObject({ updated: 1, unchanged: 1 });

    const [after] = await database.db.select().from(indicators).where(eq(indicators.id, ind!.id));
    expect(after!.targetText).toBe("≥98");
    expect(after!.version).toBe(2);
    const obs = await database.db.select().from(observations).where(eq(observations.indicatorId, ind!.id));
    expect(obs.map((o) => o.valueNumber)).toEqual([96.8]);
    const t = await database.db.select().from(tasks).where(eq(tasks.planId, first.planId));
    expect(t.find((x) => x.key === "c1/t1")?.parentId).toBe(t.find((x) => x.key === "c1")?.id);

    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, ind!.id));
    expect(audits.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("keeps a vanished indicator that has observations", async () => {
    const doc = huangshiDoc();
    doc.indicators = [];
    const res = await savePlanDocument(database.db, doc, actor);
    expect(res.indicators.retained).toBe(1);
  });

  it("refuses an unknown jurisdiction and a missing one, writing nothing", async () => {
    const before = (await database.db.select().from(plans)).length;
    await expect(
      savePlanDocument(database.db, huangshiDoc({ jurisdictionCode: "999999" }), actor),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      savePlanDocument(database.db, huangshiDoc({ jurisdictionCode: null }), actor),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await database.db.select().from(plans)).length).toBe(before);
  });
});

describe("assertVersion", () => {
  it("names the newer change", () => {
    const at = new Date("2026-01-02T03:04:05Z");
    try {
      assertVersion("plan", "p1", { version: 3, updatedBy: "张三", updatedAt: at }, 2);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      const c = e as ConflictError;
      expect(c.changedBy).toBe("张三");
      expect(c.message).toContain("张三");
      expect(c.currentVersion).toBe(3);
    }
  });
});
