import { readFileSync } from "node:fs";
import { samplePlans } from "@ybplan/samples";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/index.ts";
import { ADMIN_PASSWORD, backends } from "./utils/backends.ts";
import { type Client, cookieOf, failure, loggedIn, makeClient, setCookieOf } from "./utils/client.ts";
import { planDocument } from "./utils/fixtures.ts";

describe.each(backends)("server over HTTP on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
  });
  afterAll(() => server?.close());

  it("answers /healthz and serves a page at / when the admin app is not built", async () => {
    const h = await fetch(`${server.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toMatchObject({ status: "ok", db: backend.name });
    const page = await fetch(`${server.url}/plans/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("管理端尚未构建");
  });

  it("seeds the sample jurisdictions and the administrator", async () => {
    const tree = await admin.jurisdictions.tree.query();
    // The national list: 31 provinces with their prefecture-level units, plus the sample counties.
    expect(tree).toHaveLength(31);
    expect(tree.map((j) => j.name)).toEqual(
      expect.arrayContaining(["安徽省", "广东省", "河南省", "湖北省", "湖南省"]),
    );
    const gd = tree.find((j) => j.code === "440000")!;
    expect(gd.children).toHaveLength(21);
    expect(gd.children.find((c) => c.code === "440700")!.children[0]!.name).toBe("鹤山市");
    expect(server.seed.generatedAdminPassword).toBeNull();
    // The five sample plans, read through the importer.
    const plans = await admin.plans.list.query({ pageSize: 50 });
    expect(plans.items.map((p) => p.jurisdictionCode).sort()).toEqual([
      "341723",
      "411300",
      "420200",
      "430000",
      "440784",
    ]);
    expect(plans.items.every((p) => p.indicatorCount >= 10)).toBe(true);
    expect(server.seed.failures).toEqual([]);
  });

  it("refuses anonymous calls, wrong passwords, and throttles repeated failures", async () => {
    const anon = makeClient(server.url);
    expect((await failure(anon.plans.list.query({}))).code).toBe("UNAUTHORIZED");
    expect(await anon.auth.me.query()).toBeNull();
    const bad = await failure(anon.auth.login.mutate({ username: "admin", password: "wrong" }));
    expect(bad.code).toBe("UNAUTHORIZED");
    expect(bad.message).toBe("用户名或密码错误");
    // Five failures for one username from this address, then even the right password is refused.
    await admin.users.create.mutate({
      username: "throttled",
      displayName: "限流",
      role: "viewer",
      jurisdictionCode: null,
      password: "Right-pass-1",
    });
    for (let i = 0; i < 5; i++) {
      expect(
        (await failure(anon.auth.login.mutate({ username: "throttled", password: `nope${i}` }))).code,
      ).toBe("UNAUTHORIZED");
    }
    const locked = await failure(anon.auth.login.mutate({ username: "throttled", password: "Right-pass-1" }));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.data.retryAfterSeconds).toBeGreaterThan(0);
    // Other usernames are unaffected.
    await anon.auth.login.mutate({ username: "admin", password: ADMIN_PASSWORD });
  });

  it("sets an httpOnly SameSite cookie; logout ends the session", async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^ybplan_session=[\w-]{20,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const c = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    const saved = cookieOf(c);
    expect((await c.auth.me.query())?.username).toBe("admin");
    await c.auth.logout.mutate();
    expect(cookieOf(c)).toBeNull();
    setCookieOf(c, saved); // replaying the old cookie does not work either
    expect((await failure(c.plans.list.query({}))).code).toBe("UNAUTHORIZED");
  });

  it("changes passwords, with field errors in Chinese", async () => {
    const { initialPassword } = await admin.users.create.mutate({
      username: "zhang",
      displayName: "张三",
      role: "planner",
      jurisdictionCode: "420200",
    });
    expect(initialPassword).toMatch(/^\w{14}$/);
    const zhang = await loggedIn(server.url, "zhang", initialPassword!);
    expect((await zhang.auth.me.query())?.mustChangePassword).toBe(true);
    const wrong = await failure(
      zhang.auth.changePassword.mutate({ currentPassword: "x", newPassword: "New-pass-123" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.data.fields).toEqual([{ path: "currentPassword", message: "当前密码不正确" }]);
    const weak = await failure(
      zhang.auth.changePassword.mutate({ currentPassword: initialPassword!, newPassword: "short" }),
    );
    expect(weak.data.fields?.[0]?.path).toBe("newPassword");
    await zhang.auth.changePassword.mutate({
      currentPassword: initialPassword!,
      newPassword: "New-pass-123",
    });
    expect((await zhang.auth.me.query())?.mustChangePassword).toBe(false);
    expect((await failure(loggedIn(server.url, "zhang", initialPassword!))).code).toBe("UNAUTHORIZED");
    await loggedIn(server.url, "zhang", "New-pass-123");
  });

  it("validates input: BAD_REQUEST with field paths and Chinese messages, no stack traces", async () => {
    const res = await fetch(`${server.url}/trpc/plans.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookieOf(admin)! },
      body: JSON.stringify({ title: "", jurisdictionCode: "12", periodStart: 2021 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { fields: unknown } } };
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
    const fields = body.error.data.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(["title", "jurisdictionCode", "periodEnd"]),
    );
    expect(fields.find((f) => f.path === "jurisdictionCode")!.message).toBe("行政区划代码应为6位数字");
    expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
    expect(body.error.message).toMatch(/^输入有误/);
  });

  it("imports a plan document, re-imports in place, and keeps observations", async () => {
    const doc = planDocument("420200", "黄石市", "黄石市测试规划");
    const first = await admin.import.commit.mutate({ document: doc });
    expect(first.created).toBe(true);
    const inds = await admin.indicators.list.query({ planId: first.planId });
    expect(inds.map((i) => i.name)).toEqual(doc.indicators.map((i) => i.name));
    const rate = inds[0]!;
    await admin.observations.upsertYear.mutate({
      planId: first.planId,
      year: 2023,
      rows: [
        { indicatorId: rate.id, value: { kind: "number", value: 96.3 }, source: "统计公报", version: null },
      ],
    });
    const again = await admin.import.commit.mutate({
      document: { ...doc, indicators: doc.indicators.slice(0, 1) },
    });
    expect(again).toMatchObject({ planId: first.planId, created: false, revision: 2 });
    expect(again.indicators).toMatchObject({ unchanged: 1, deleted: 2 });
    const obs = await admin.observations.list.query({ planId: first.planId });
    expect(obs.map((o) => [o.indicatorId, o.year, o.value])).toEqual([
      [rate.id, 2023, { kind: "number", value: 96.3 }],
    ]);
  });

  describe("a plan's lifecycle", () => {
    let planId: string;
    let indicatorIds: string[];

    beforeAll(async () => {
      const res = await admin.import.commit.mutate({ document: planDocument("411300", "南阳市") });
      planId = res.planId;
      indicatorIds = (await admin.indicators.list.query({ planId })).map((i) => i.id);
    });

    it("refuses a stale update with CONFLICT naming who changed it and when", async () => {
      const plan = await admin.plans.get.query({ id: planId });
      const ok = await admin.plans.update.mutate({
        id: planId,
        version: plan.version,
        data: { documentNumber: "宛医保〔2022〕1号" },
      });
      expect(ok.version).toBe(plan.version + 1);
      const stale = await failure(
        admin.plans.update.mutate({ id: planId, version: plan.version, data: { issuer: "x" } }),
      );
      expect(stale.code).toBe("CONFLICT");
      expect(stale.data.conflict).toMatchObject({
        entity: "plan",
        entityId: planId,
        currentVersion: plan.version + 1,
        changedBy: "系统管理员",
      });
      expect(stale.message).toContain("系统管理员");
      expect((await admin.plans.get.query({ id: planId })).issuer).toBe("南阳市医疗保障局");
    });

    it("edits indicators with the target parsed on the server; previews targets", async () => {
      const preview = await admin.indicators.previewTarget.query({ text: "≥97%" });
      expect(preview.text).toBe("≥97%");
      const created = await admin.indicators.create.mutate({
        planId,
        category: "基金管理",
        name: "基金结余率",
        unit: "%",
        baselineText: "—",
        targetText: "≥97%",
        attribute: "expected",
        direction: "higher",
        definition: null,
        footnote: null,
        assessment: "endOfPeriod",
        parentIndicatorId: null,
      });
      expect(created.target).toEqual(preview);
      expect(created.position).toBe(4);
      const dup = await failure(
        admin.indicators.create.mutate({
          ...created,
          planId,
          baselineText: "",
          targetText: "",
          parentIndicatorId: null,
        }),
      );
      expect(dup.code).toBe("BAD_REQUEST");
      const updated = await admin.indicators.update.mutate({
        id: created.id,
        version: created.version,
        data: { targetText: "≥98%" },
      });
      expect(updated.target.text).toBe("≥98%");
      await admin.indicators.delete.mutate({ id: created.id, version: updated.version });
      expect((await failure(admin.indicators.get.query({ id: created.id }))).code).toBe("NOT_FOUND");
    });

    it("validates a year of observations: ranges by unit, plan period, indicator of the plan", async () => {
      const res = await failure(
        admin.observations.upsertYear.mutate({
          planId,
          year: 2023,
          rows: [
            { indicatorId: indicatorIds[0]!, value: { kind: "number", value: 103 }, version: null },
            { indicatorId: indicatorIds[2]!, value: { kind: "number", value: -5 }, version: null },
          ],
        }),
      );
      expect(res.code).toBe("BAD_REQUEST");
      expect(res.data.fields).toEqual([
        { path: "rows.0.value", message: "基本医疗保险参保率：百分比应在 0–100 之间" },
        { path: "rows.1.value", message: "药品集中带量采购品种：以“个”为单位的数值不能为负数" },
      ]);
      const outside = await failure(
        admin.observations.upsertYear.mutate({
          planId,
          year: 2027,
          rows: [{ indicatorId: indicatorIds[0]!, value: { kind: "number", value: 97 }, version: null }],
        }),
      );
      expect(outside.data.fields).toEqual([{ path: "year", message: "年份应在规划期 2020–2025 之内" }]);
      expect(await admin.observations.list.query({ planId })).toEqual([]);
    });

    it("saves a year all-or-nothing with per-row versions, and the verdicts follow", async () => {
      const before = await admin.evaluation.matrix.query({ planId, year: 2023 });
      expect(before.evaluations.find((e) => e.indicatorId === indicatorIds[0])!.verdict).toBe(
        "insufficientData",
      );
      const saved = await admin.observations.upsertYear.mutate({
        planId,
        year: 2023,
        rows: [
          { indicatorId: indicatorIds[0]!, value: { kind: "number", value: 97.2 }, version: null },
          { indicatorId: indicatorIds[1]!, value: { kind: "number", value: 80 }, version: null },
        ],
      });
      expect(saved).toMatchObject({ created: 2, updated: 0 });
      const after = await admin.evaluation.matrix.query({ planId, year: 2023 });
      const rate = after.evaluations.find((e) => e.indicatorId === indicatorIds[0])!;
      expect(rate.verdict).not.toBe("insufficientData");
      expect(rate.inputs.actual).toBe(97.2);
      expect(after.years).toEqual([2021, 2022, 2023]);
      expect(after.rows[0]!.cells[2]!.verdict).toBe(rate.verdict);

      // A second writer that read before the save gets CONFLICT for that row; nothing of its batch lands.
      const v = saved.observations.find((o) => o.indicatorId === indicatorIds[0])!.version;
      const stale = await failure(
        admin.observations.upsertYear.mutate({
          planId,
          year: 2023,
          rows: [
            { indicatorId: indicatorIds[0]!, value: { kind: "number", value: 90 }, version: null },
            { indicatorId: indicatorIds[2]!, value: { kind: "number", value: 300 }, version: null },
          ],
        }),
      );
      expect(stale.code).toBe("CONFLICT");
      const detail = stale.data.conflict!.detail as {
        conflicts: { indicatorId: string; currentVersion: number; changedBy: string }[];
      };
      expect(detail.conflicts).toEqual([
        expect.objectContaining({ indicatorId: indicatorIds[0], currentVersion: v, changedBy: "系统管理员" }),
      ]);
      const obs = await admin.observations.list.query({ planId });
      expect(obs.map((o) => o.value)).toEqual([
        { kind: "number", value: 97.2 },
        { kind: "number", value: 80 },
      ]);

      // Clearing a value needs its version too.
      const cleared = await admin.observations.upsertYear.mutate({
        planId,
        year: 2023,
        rows: [{ indicatorId: indicatorIds[1]!, value: null, version: 1 }],
      });
      expect(cleared.deleted).toBe(1);
    });

    it("keeps one value per subject of a compound target", async () => {
      const rows = (subject: string, value: number) => ({
        indicatorId: indicatorIds[1]!,
        subject,
        value: { kind: "number" as const, value },
        version: null,
      });
      const res = await admin.observations.upsertYear.mutate({
        planId,
        year: 2024,
        rows: [rows("药品", 90), rows("高值医用耗材", 80)],
      });
      expect(res.created).toBe(2);
      const dup = await failure(
        admin.observations.upsertYear.mutate({ planId, year: 2024, rows: [rows("药品", 91)] }),
      );
      expect(dup.code).toBe("CONFLICT");
      const obs = await admin.observations.list.query({ planId, fromYear: 2024, toYear: 2024 });
      expect(obs.map((o) => [o.subject, o.value])).toEqual([
        ["药品", { kind: "number", value: 90 }],
        ["高值医用耗材", { kind: "number", value: 80 }],
      ]);
      await admin.observations.upsertYear.mutate({
        planId,
        year: 2024,
        rows: obs.map((o) => ({
          indicatorId: o.indicatorId,
          subject: o.subject,
          value: null,
          version: o.version,
        })),
      });
    });

    it("evaluates a jurisdiction subtree", async () => {
      const sum = await admin.evaluation.subtree.query({ jurisdictionCode: "410000", year: 2023 });
      // The seeded sample plan and the test plan, both 南阳市.
      expect(sum.plans.map((p) => p.jurisdiction.name)).toEqual(["南阳市", "南阳市"]);
      const indicatorCount =
        sum.plans.length &&
        (await admin.plans.list.query({ jurisdictionCode: "411300" })).items.reduce(
          (a, p) => a + p.indicatorCount,
          0,
        );
      expect(sum.totals.indicators).toBe(indicatorCount);
      expect(Object.values(sum.totals.counts).reduce((a, b) => a + b, 0)).toBe(indicatorCount);
      const own = sum.plans.find((p) => p.planId === planId)!;
      expect(Object.values(own.counts).reduce((a, b) => a + b, 0)).toBe(3);
    });

    it("manages tasks, 专栏 items and yearly progress notes with versions", async () => {
      const list = await admin.tasks.list.query({ planId });
      const section = list.find((t) => t.key === "ch1/1")!;
      expect(section.parentId).toBe(list.find((t) => t.key === "ch1")!.id);
      const started = await admin.tasks.setStatus.mutate({
        id: section.id,
        version: section.version,
        status: "inProgress",
      });
      expect(started.status).toBe("inProgress");
      const note = await admin.tasks.saveProgress.mutate({
        taskId: section.id,
        year: 2023,
        text: "已完成市级统筹",
        version: null,
      });
      expect(note?.version).toBe(1);
      expect(
        (
          await failure(
            admin.tasks.saveProgress.mutate({ taskId: section.id, year: 2023, text: "重复", version: null }),
          )
        ).code,
      ).toBe("CONFLICT");
      await admin.tasks.saveProgress.mutate({
        taskId: section.id,
        year: 2023,
        text: "已完成市级统筹，推进省级统筹",
        version: 1,
      });
      const child = await admin.tasks.create.mutate({ planId, parentId: section.id, title: "新增任务" });
      expect(child.level).toBe(3);
      const projects = await admin.projects.list.query({ planId });
      const item = projects[0]!.items[0]!;
      const done = await admin.projects.setItemStatus.mutate({
        id: item.id,
        version: item.version,
        status: "completed",
      });
      await admin.projects.saveItemProgress.mutate({
        projectItemId: item.id,
        year: 2023,
        text: "平台上线",
        version: null,
      });
      const reloaded = await admin.projects.list.query({ planId });
      expect(reloaded[0]!.items[0]).toMatchObject({
        status: "completed",
        version: done.version,
        progress: [{ year: 2023, text: "平台上线" }],
      });
      const tasksAfter = await admin.tasks.list.query({ planId });
      expect(tasksAfter.find((t) => t.id === section.id)!.progress.map((n) => n.text)).toEqual([
        "已完成市级统筹，推进省级统筹",
      ]);
    });

    it("audits every mutation with before/after, filterable", async () => {
      const log = await admin.audit.list.query({ entity: "plan", entityId: planId, pageSize: 50 });
      expect(log.items.map((a) => a.action)).toEqual(["update", "import"]);
      const upd = log.items[0]!;
      expect((upd.before as { version: number }).version + 1).toBe(
        (upd.after as { version: number }).version,
      );
      expect(upd.actorName).toBe("系统管理员");
      const obs = await admin.audit.list.query({ entity: "observation", jurisdictionCode: "411300" });
      expect(obs.items.map((a) => a.action).sort()).toEqual([
        "create",
        "create",
        "create",
        "create",
        "delete",
        "delete",
        "delete",
      ]);
      const notes = await admin.audit.list.query({ entity: "progressNote", jurisdictionCode: "410000" });
      expect(notes.total).toBe(3);
    });

    it("paginates and filters plan lists", async () => {
      const all = await admin.plans.list.query({ pageSize: 1 });
      expect(all.items).toHaveLength(1);
      expect(all.total).toBeGreaterThanOrEqual(2);
      const henan = await admin.plans.list.query({
        jurisdictionCode: "410000",
        includeDescendants: true,
        q: "测试",
      });
      expect(henan.items.map((p) => [p.jurisdictionCode, p.indicatorCount])).toEqual([["411300", 3]]);
      const province = await admin.plans.list.query({ jurisdictionCode: "410000" });
      expect(province.total).toBe(0);
      const none = await admin.plans.list.query({ q: "不存在的规划" });
      expect(none.total).toBe(0);
    });
  });

  it("previews an uploaded document through the importer, then commits it in place", async () => {
    const file = samplePlans.find((p) => p.key === "anhui-qingyang-county")!;
    const preview = await admin.import.preview.mutate({
      fileName: "qingyang.txt",
      contentBase64: readFileSync(file.path).toString("base64"),
    });
    expect(preview.jurisdiction?.name).toBe("青阳县");
    expect(preview.document.indicators.length).toBeGreaterThan(10);
    expect(preview.existingPlan).not.toBeNull(); // seeded from the same file
    const saved = await admin.import.commit.mutate({ document: preview.document });
    expect(saved).toMatchObject({ planId: preview.existingPlan!.id, created: false });
    expect(saved.indicators.created).toBe(0);
    const bad = await failure(
      admin.import.preview.mutate({
        fileName: "a.txt",
        contentBase64: Buffer.from([0, 1, 2, 0, 255]).toString("base64"),
      }),
    );
    expect(bad.code).toBe("UNPROCESSABLE_CONTENT");
    expect(bad.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
