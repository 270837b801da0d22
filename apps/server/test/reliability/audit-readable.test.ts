import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/index.ts";
import { ADMIN_PASSWORD, backends } from "../utils/backends.ts";
import { type Client, failure, loggedIn } from "../utils/client.ts";

/**
 * The audit log answers a person's question — "who changed 黄石's 2024 参保率?" — with names,
 * Chinese field labels and local times; a plan delete archives instead of cascading.
 */
describe.each(backends)("audit an administrator can read on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;
  let planId: string;
  let indicatorId: string;
  let indicatorName: string;

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    const plan = (await admin.plans.list.query({ jurisdictionCode: "420200", pageSize: 1 })).items[0]!;
    planId = plan.id;
    const ind = (await admin.indicators.list.query({ planId })).find((i) => i.name.includes("参保率"))!;
    indicatorId = ind.id;
    indicatorName = ind.name;
  });
  afterAll(() => server?.close());

  it("answers who changed 黄石's 2024 参保率, by name, field labels and local time", async () => {
    await admin.users.create.mutate({
      username: "clerk",
      displayName: "李填报",
      role: "reporter",
      jurisdictionCode: "420200",
      password: "Clerk-pass-1",
    });
    const clerk = await loggedIn(server.url, "clerk", "Clerk-pass-1");
    const first = await clerk.observations.upsertYear.mutate({
      planId,
      year: 2024,
      rows: [{ indicatorId, value: { kind: "number", value: 96.5 }, source: "统计年鉴", version: null }],
    });
    await admin.observations.upsertYear.mutate({
      planId,
      year: 2024,
      rows: [
        {
          indicatorId,
          value: { kind: "number", value: 97.2 },
          source: "统计年鉴",
          version: first.observations[0]!.version,
        },
      ],
    });
    // Noise: another year of the same indicator.
    await clerk.observations.upsertYear.mutate({
      planId,
      year: 2023,
      rows: [{ indicatorId, value: { kind: "number", value: 95 }, version: null }],
    });

    const before = Date.now();
    const page = await admin.audit.list.query({ indicatorId, year: 2024 });
    expect(page.items.map((i) => [i.actorName, i.actionLabel])).toEqual([
      ["系统管理员", "修改"],
      ["李填报", "新增"],
    ]);
    const [update, create] = page.items;
    expect(update!.objectLabel).toBe(`黄石市 · ${indicatorName} · 2024`);
    expect(update!.entityLabel).toBe("监测数据");
    expect(update!.changes).toEqual([{ field: "value", label: "数值", before: "96.5", after: "97.2" }]);
    expect(create!.changes).toEqual(
      expect.arrayContaining([
        { field: "value", label: "数值", before: "（空）", after: "96.5" },
        { field: "source", label: "数据来源", before: "（空）", after: "统计年鉴" },
      ]),
    );
    // References read as names, not UUIDs.
    expect(create!.changes).toContainEqual({
      field: "indicatorId",
      label: "指标",
      before: "（空）",
      after: indicatorName,
    });
    // Local time in Asia/Shanghai (UTC+8), not UTC ISO.
    const shanghai = new Date(new Date(update!.at).getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 19)
      .replace("T", " ");
    expect(update!.atLocal).toBe(shanghai);
    expect(Math.abs(new Date(update!.at).getTime() - before)).toBeLessThan(60_000);

    // By plan: the figures of both years appear; by person: only the clerk's.
    const byPlan = await admin.audit.list.query({ planId, entity: "observation" });
    expect(byPlan.total).toBe(3);
    const byClerk = await admin.audit.list.query({ planId, actor: "李填报", entity: "observation" });
    expect(byClerk.items.every((i) => i.actorName === "李填报")).toBe(true);
    expect(byClerk.total).toBe(2);
  });

  it("archives a plan on delete, keeping its figures; hard delete is for administrators, audited per row", async () => {
    const doc = await admin.plans.list.query({ jurisdictionCode: "411300", pageSize: 1 });
    const plan = await admin.plans.get.query({ id: doc.items[0]!.id });
    const ind = (await admin.indicators.list.query({ planId: plan.id }))[0]!;
    await admin.observations.upsertYear.mutate({
      planId: plan.id,
      year: 2022,
      rows: [{ indicatorId: ind.id, value: { kind: "number", value: 1 }, version: null }],
    });
    await admin.users.create.mutate({
      username: "planner",
      displayName: "王规划",
      role: "planner",
      jurisdictionCode: "411300",
      password: "Planner-pass-1",
    });
    const planner = await loggedIn(server.url, "planner", "Planner-pass-1");
    const archived = await planner.plans.delete.mutate({ id: plan.id, version: plan.version });
    expect(archived).toMatchObject({ archived: true, removed: null });
    const after = await admin.plans.get.query({ id: plan.id });
    expect(after.status).toBe("archived");
    expect((await admin.observations.list.query({ planId: plan.id })).length).toBeGreaterThan(0);
    const archiveRow = (await admin.audit.list.query({ planId: plan.id, action: "archive" })).items;
    expect(archiveRow).toHaveLength(1);
    expect(archiveRow[0]!.changes).toEqual([
      { field: "status", label: "状态", before: "已发布", after: "已归档" },
    ]);

    const refused = await failure(
      planner.plans.delete.mutate({ id: plan.id, version: after.version, hard: true }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    const impact = await admin.plans.removalImpact.query({ id: plan.id });
    expect(impact.observations).toBeGreaterThan(0);
    expect(impact.indicators).toBeGreaterThan(0);
    const removed = await admin.plans.delete.mutate({ id: plan.id, version: after.version, hard: true });
    expect(removed.removed).toEqual(impact);
    const rows = await server.database.rawTransaction((tx) =>
      tx.query<{ entity: string; n: number }>(
        `SELECT entity, count(*)::int AS n FROM audit_log WHERE action = 'delete' AND jurisdiction_code = '411300' GROUP BY entity`,
      ),
    );
    const byEntity = Object.fromEntries(rows.map((r) => [r.entity, r.n]));
    expect(byEntity).toMatchObject({
      plan: 1,
      indicator: impact.indicators,
      observation: impact.observations,
      task: impact.tasks,
    });
  });
});
