import { auditLog, type Database } from "@ybplan/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, freshDatabase, user } from "./helpers-work.ts";

let database: Database;
const admin = user("admin", null, "管理员");
const chizhouPlanner = user("planner", "341700", "池州规划");
const as = (u = admin) => callerFor(database, u);

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

/** The field paths and messages of a refused call. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error("expected a refusal");
}

describe("jurisdictions API", () => {
  it("ships the national list under a 全国 root", async () => {
    const provinces = await as().jurisdictions.children({ parentCode: "100000" });
    expect(provinces).toHaveLength(31);
    expect(await as().jurisdictions.children({ parentCode: null })).toEqual(provinces);
    const anhui = await as().jurisdictions.children({ parentCode: "340000" });
    expect(anhui.map((c) => c.name)).toContain("池州市");
    expect(anhui).toHaveLength(16);
    const all = await as().jurisdictions.list({ pageSize: 100, level: "city" });
    expect(all.total).toBe(333);
  });

  it("adds a county under its city, audited; refuses duplicates and misfits naming the field", async () => {
    const created = await as().jurisdictions.create({
      code: "341722",
      name: "石台县",
      level: "county",
      parentCode: "341700",
    });
    expect(created).toEqual({ code: "341722", name: "石台县", level: "county", parentCode: "341700" });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, "341722"))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([["create", "管理员"]]);

    expect(
      await refusal(
        as().jurisdictions.create({ code: "341722", name: "石台", level: "county", parentCode: "341700" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "code: 行政区划代码：“341722”已被石台县使用" });
    expect(
      await refusal(
        as().jurisdictions.create({ code: "340722", name: "某县", level: "county", parentCode: "341700" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "code: 行政区划代码：应以上级池州市的代码前4位“3417”开头" });
    expect(
      await refusal(
        as().jurisdictions.create({ code: "341900", name: "某市", level: "city", parentCode: "341700" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "parentCode: 上级行政区划：市级行政区划的上级须为省级" });
    // Not six digits: refused by the input schema, with the field.
    const bad = await refusal(
      as().jurisdictions.create({ code: "34172", name: "某县", level: "county", parentCode: "341700" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("行政区划代码应为6位数字");
    // Only administrators keep the tree.
    expect(
      (
        await refusal(
          callerFor(database, chizhouPlanner).jurisdictions.create({
            code: "341799",
            name: "某县",
            level: "county",
            parentCode: "341700",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("renames and moves a place keeping its code; refuses a move against the level rule", async () => {
    const j = await as().jurisdictions.get({ code: "341722" });
    const renamed = await as().jurisdictions.update({
      code: "341722",
      version: j.version,
      data: { name: "石台县（新）" },
    });
    expect(renamed).toMatchObject({ code: "341722", name: "石台县（新）", version: j.version + 1 });
    // A stale version is a conflict, not an overwrite.
    expect(
      (await refusal(as().jurisdictions.update({ code: "341722", version: j.version, data: { name: "X" } })))
        .code,
    ).toBe("CONFLICT");
    const moved = await as().jurisdictions.move({
      code: "341722",
      version: renamed.version,
      parentCode: "340800",
    });
    expect(moved).toMatchObject({ code: "341722", parentCode: "340800" });
    expect((await as().jurisdictions.get({ code: "340800" })).children.map((c) => c.code)).toContain(
      "341722",
    );
    expect(
      await refusal(
        as().jurisdictions.move({ code: "341722", version: moved.version, parentCode: "100000" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "parentCode: 上级行政区划：县级行政区划的上级须为市级或省级" });
    const back = await as().jurisdictions.move({
      code: "341722",
      version: moved.version,
      parentCode: "341700",
    });
    expect(back.parentCode).toBe("341700");
  });

  it("retires only a place with nothing active below; a retired place takes no new places and can be restored", async () => {
    const chizhou = await as().jurisdictions.get({ code: "341700" });
    expect(
      await refusal(as().jurisdictions.retire({ code: "341700", version: chizhou.version, retired: true })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "code: 行政区划代码：其下仍有未撤销的行政区划（石台县（新）、青阳县），请先迁移或撤销",
    });
    const shitai = await as().jurisdictions.get({ code: "341722" });
    const retired = await as().jurisdictions.retire({
      code: "341722",
      version: shitai.version,
      retired: true,
    });
    expect(retired.retiredAt).not.toBeNull();
    // Still there, with its name: nothing is lost.
    expect(
      (await as().jurisdictions.children({ parentCode: "341700" })).map((c) => [
        c.code,
        c.retiredAt !== null,
      ]),
    ).toEqual([
      ["341722", true],
      ["341723", false],
    ]);
    // A retired place takes no new plan.
    expect(
      await refusal(
        as().plans.create({
          jurisdictionCode: "341722",
          title: "撤销后的规划",
          issuer: null,
          documentNumber: null,
          issueDate: null,
          periodStart: 2021,
          periodEnd: 2025,
          baselineYear: 2020,
          status: "draft",
          parentPlanId: null,
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "jurisdictionCode: 所属地区：石台县（新）已撤销，不能新建规划",
    });
    const restored = await as().jurisdictions.retire({
      code: "341722",
      version: retired.version,
      retired: false,
    });
    expect(restored.retiredAt).toBeNull();
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, "341722"))
      .orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "move", "move", "retire", "restore"]);
  });
});
