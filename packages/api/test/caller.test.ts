import { TRPCError } from "@trpc/server";
import { readNumber } from "@ybplan/domain/observation";
import { entryValueCases } from "@ybplan/domain/observation/entry-value-cases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type TestDatabase, testDatabase, userOf } from "./utils/index.ts";

/**
 * Plans, observations and users through `createCaller`, as the CLI calls them (the server's
 * tests cover the same procedures over HTTP).
 */

let t: TestDatabase;
let admin: Caller;
let planner: Caller;

const planFields = (title: string) => ({
  title,
  issuer: "黄石市医疗保障局",
  documentNumber: null,
  issueDate: null,
  periodStart: 2021,
  periodEnd: 2025,
  baselineYear: 2020,
  status: "published" as const,
  parentPlanId: null,
});

/** The error a call fails with, or a failure of the test when it succeeds. */
async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused");
}

beforeAll(async () => {
  t = await testDatabase();
  admin = t.callerAs(userOf("admin", null));
  planner = t.callerAs(userOf("planner", "420200", "黄石规划"));
});
afterAll(async () => {
  await t?.close();
});

describe("plans through createCaller", () => {
  it("creates in the planner's own jurisdiction and lists only what a user may read", async () => {
    const plan = await planner.plans.create({ ...planFields("黄石市规划A"), jurisdictionCode: "420200" });
    expect(plan.version).toBe(1);
    const own = await planner.plans.list({ pageSize: 50 });
    expect(own.items.map((p) => p.id)).toContain(plan.id);
    const other = t.callerAs(userOf("viewer", "411300"));
    expect((await other.plans.list({ pageSize: 50 })).items.map((p) => p.id)).not.toContain(plan.id);
    const outside = await refusal(
      planner.plans.create({ ...planFields("南阳市规划"), jurisdictionCode: "411300" }),
    );
    expect(outside.code).toBe("FORBIDDEN");
  });

  it("refuses a stale version, naming who saved first", async () => {
    const plan = await planner.plans.create({ ...planFields("黄石市规划B"), jurisdictionCode: "420200" });
    // Someone else saves first: the version moves on from the one this client read (1).
    await admin.plans.update({ id: plan.id, version: 1, data: { issuer: "黄石市人民政府" } });
    const stale = await refusal(planner.plans.update({ id: plan.id, version: 1, data: { title: "改名" } }));
    expect(stale.code).toBe("CONFLICT");
    expect((stale.cause as { changedBy?: string | null }).changedBy).toBe("admin-all");
    expect((await planner.plans.get({ id: plan.id })).title).toBe("黄石市规划B");
  });
});

describe("observations through createCaller", () => {
  let planId: string;
  const indicatorIds = new Map<string, string>();

  beforeAll(async () => {
    planId = (await planner.plans.create({ ...planFields("黄石市规划C"), jurisdictionCode: "420200" })).id;
    for (const c of entryValueCases) {
      const key = `${c.rules.unit}|${c.rules.name}`;
      if (indicatorIds.has(key) || c.rules.textAllowed) continue;
      const ind = await planner.indicators.create({
        planId,
        category: "测试",
        name: c.rules.name ?? "指标",
        unit: c.rules.unit,
        baselineText: "—",
        targetText: "100",
        attribute: "expected",
        direction: "higher",
        definition: null,
        footnote: null,
        assessment: "endOfPeriod",
        parentIndicatorId: null,
      });
      indicatorIds.set(key, ind.id);
    }
  });

  // The shared table, at the server: a number the browser and the CLI refuse for its range is
  // refused by upsertYear too, with the same message; one they accept is saved.
  const numeric = entryValueCases.filter(
    (c) => !c.rules.textAllowed && readNumber(c.raw, c.rules.unit) !== null,
  );
  it.each(numeric.map((c) => [c.raw, c.rules.unit, c]))("%j in a %s field", async (_raw, _unit, c) => {
    const indicatorId = indicatorIds.get(`${c.rules.unit}|${c.rules.name}`)!;
    const value = readNumber(c.raw, c.rules.unit)!;
    const current = await planner.observations.list({ planId, fromYear: 2023, toYear: 2023 });
    const version = current.find((o) => o.indicatorId === indicatorId)?.version ?? null;
    const save = planner.observations.upsertYear({
      planId,
      year: 2023,
      rows: [{ indicatorId, value: { kind: "number", value }, version }],
    });
    if (c.expected.kind === "number") {
      await save;
      const stored = await planner.observations.list({ planId, fromYear: 2023, toYear: 2023 });
      expect(stored.find((o) => o.indicatorId === indicatorId)?.value).toEqual({ kind: "number", value });
    } else {
      const e = await refusal(save);
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.message).toContain(c.expected.kind === "invalid" ? c.expected.message : "");
    }
  });

  it("refuses a row based on a stale version and keeps the newer value", async () => {
    const indicatorId = [...indicatorIds.values()][0]!;
    const rows = (value: number, version: number | null) => [
      { indicatorId, value: { kind: "number" as const, value }, version },
    ];
    const first = await planner.observations.upsertYear({ planId, year: 2024, rows: rows(96, null) });
    expect(first).toBeDefined();
    // A second client that also saw no value is refused: the first one saved in between.
    const e = await refusal(planner.observations.upsertYear({ planId, year: 2024, rows: rows(97, null) }));
    expect(e.code).toBe("CONFLICT");
    const stored = await admin.observations.list({ planId, fromYear: 2024, toYear: 2024 });
    expect(stored.map((o) => o.value)).toEqual([{ kind: "number", value: 96 }]);
  });
});

describe("users through createCaller", () => {
  it("applies the domain's username and password rules and refuses duplicates", async () => {
    const base = { displayName: "张三", role: "reporter" as const, jurisdictionCode: "420200" };
    const short = await refusal(admin.users.create({ ...base, username: "ab" }));
    expect(short.code).toBe("BAD_REQUEST");
    const weak = await refusal(admin.users.create({ ...base, username: "zhangsan", password: "short" }));
    expect(weak.code).toBe("BAD_REQUEST");
    const created = await admin.users.create({ ...base, username: "zhangsan" });
    expect(created.initialPassword).toMatch(/^\S{14}$/);
    const dup = await refusal(admin.users.create({ ...base, username: "zhangsan" }));
    expect([dup.code, dup.message]).toEqual(["BAD_REQUEST", "username: 用户名已存在"]);
  });

  it("resets a password to a given one (checked) or a generated one; only for administrators", async () => {
    const { user } = await admin.users.create({
      username: "lisi",
      displayName: "李四",
      role: "viewer",
      jurisdictionCode: "420200",
    });
    expect((await refusal(admin.users.resetPassword({ id: user.id, password: "abc" }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await admin.users.resetPassword({ id: user.id, password: "Secret2024x" })).password).toBe(
      "Secret2024x",
    );
    expect((await admin.users.resetPassword({ id: user.id })).password).toMatch(/^\S{14}$/);
    expect((await refusal(planner.users.list({}))).code).toBe("FORBIDDEN");
  });
});
