import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { importPlanDocument } from "@ybplan/importer";
import { samplePlans } from "@ybplan/samples";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../src/auth/directory.ts";
import { appRouter } from "../src/root.ts";
import {
  completenessView,
  cycleStatus,
  listAssessments,
  listExplanations,
  listWindows,
  reviewQueue,
  todo,
} from "../src/services/cycle.ts";
import { listDepartments } from "../src/services/departments.ts";
import type { IndicatorDto } from "../src/services/dto.ts";
import { jurisdictionTree, listChildren } from "../src/services/jurisdictions.ts";
import { listProjects, listTasks } from "../src/services/work-items.ts";
import { type TestDatabase, testDatabase, userOf } from "./utils/index.ts";

/**
 * A procedure's `.output()` schema checks what it answers: on real data — the five sample plans
 * as the importer reads them — every stored value passes (a refused one would be a 500), and the
 * answer is what the service returned, whole (a field the schema did not name would be dropped).
 */

/** The `.output()` parser a procedure declared (tRPC keeps it on the procedure's definition). */
const outputParser = (name: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>)[name]?._def.output;

let t: TestDatabase;
const planIds: string[] = [];
const codes: string[] = [];
const admin = userOf("admin", null, "管理员");

beforeAll(async () => {
  t = await testDatabase();
  for (const sample of samplePlans) {
    const document = await Effect.runPromise(
      importPlanDocument({
        bytes: new Uint8Array(readFileSync(sample.path)),
        fileName: basename(sample.path),
      }),
    );
    planIds.push((await t.callerAs(admin).import.commit({ document })).planId);
    codes.push(sample.jurisdictionCode);
  }
}, 180_000);
afterAll(() => t?.close());

describe("output schemas on the five sample plans", () => {
  it("tasks.list and projects.list answer every imported task, 专栏 and item unchanged", async () => {
    const api = t.callerAs(admin);
    let tasks = 0;
    let items = 0;
    for (const planId of planIds) {
      const answered = await api.tasks.list({ planId });
      expect(answered).toEqual(await listTasks(t.database.db, planId));
      const boxes = await api.projects.list({ planId });
      expect(boxes).toEqual(await listProjects(t.database.db, planId));
      tasks += answered.length;
      items += boxes.flatMap((b) => b.items).length;
    }
    expect(planIds).toHaveLength(5);
    expect(tasks).toBeGreaterThan(0);
    expect(items).toBeGreaterThan(0);
  });

  it("a task's progress note and status change are answered as stored", async () => {
    const api = t.callerAs(admin);
    const [noted, changed] = await api.tasks.list({ planId: planIds[0]! });
    const note = await api.tasks.saveProgress({
      taskId: noted!.id,
      year: 2023,
      text: "已完成年度任务",
      version: null,
    });
    expect(note).toMatchObject({ year: 2023, text: "已完成年度任务", recordedBy: "管理员", version: 1 });
    const stored = await listTasks(t.database.db, planIds[0]!);
    expect(stored.find((x) => x.id === noted!.id)?.progress).toEqual([note]);
    const done = await api.tasks.setStatus({
      id: changed!.id,
      version: changed!.version,
      status: "completed",
    });
    expect(done.status).toBe("completed");
    expect((await listTasks(t.database.db, planIds[0]!)).find((x) => x.id === changed!.id)).toEqual(done);
  });

  it("jurisdictions and departments answer what the directory and the list hold", async () => {
    const api = t.callerAs(admin);
    const dir = await loadDirectory(t.database);
    expect(await api.jurisdictions.tree()).toEqual(jurisdictionTree(dir, null, null));
    expect(await api.jurisdictions.children({ parentCode: "420000" })).toEqual(
      await listChildren(t.database.db, "420000"),
    );
    const huangshi = await api.jurisdictions.get({ code: "420200" });
    expect(huangshi.ancestors.map((j) => j.name)).toEqual(["湖北省"]);
    await api.departments.create({ jurisdictionCode: "420200", name: "市医保局" });
    expect(await api.departments.list({ jurisdictionCode: "420200" })).toEqual(
      await listDepartments(t.database.db, "420200"),
    );
  });

  it("the cycle's windows, explanations and assessments answer what is stored", async () => {
    const api = t.callerAs(admin);
    const opened = await api.cycle.openWindow({ year: 2023, rootCode: null, deadline: "2099-03-31" });
    expect(await api.cycle.windows({ year: 2023 })).toEqual(await listWindows(t.database.db, { year: 2023 }));
    const planId = planIds[0]!;
    const [first, second] = await api.indicators.list({ planId });
    const explained = await api.cycle.saveExplanations({
      planId,
      year: 2023,
      rows: [
        {
          indicatorId: first!.id,
          cause: "统计口径调整",
          measure: "按新口径补报",
          responsibleUnit: null,
          version: null,
        },
      ],
    });
    expect(explained).toEqual(await listExplanations(t.database.db, { planId, year: 2023 }));
    expect(explained).toMatchObject([{ cause: "统计口径调整", measure: "按新口径补报", version: 1 }]);
    const assessed = await api.cycle.assess({
      indicatorId: second!.id,
      year: 2023,
      subject: null,
      grade: "onPace",
      reason: "与经济增速相当",
      version: null,
    });
    expect(await api.cycle.assessments({ planId, year: 2023 })).toEqual([assessed]);
    expect([assessed]).toEqual(await listAssessments(t.database.db, { planId, year: 2023 }));
    expect(await api.cycle.closeWindow({ id: opened.id })).toEqual({ ...opened, closed: true });
  });

  it("the cycle's status, queue, to-do and completeness answer what the service computes, with windows open and years submitted", async () => {
    // Declared, so what follows checks the schemas (without one an answer is the service's by construction).
    for (const name of ["cycle.status", "cycle.queue", "cycle.todo", "cycle.completeness"]) {
      expect(outputParser(name), name).toBeDefined();
    }
    const year = 2024;
    const dir = await loadDirectory(t.database);
    const db = t.database.db;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    // Every jurisdiction far ahead; 湖南 past its deadline (逾期); 广东 due in 3 days (即将截止).
    await t.callerAs(admin).cycle.openWindow({ year, rootCode: null, deadline: "2099-03-31" });
    await t.callerAs(admin).cycle.openWindow({ year, rootCode: "430000", deadline: day(-30) });
    await t.callerAs(admin).cycle.openWindow({ year, rootCode: "440000", deadline: day(3) });

    const clerks = codes.map((code) => userOf("reporter", code, `${code}填报`));
    const [huangshi, nanyang, heshan, hunan, qingyang] = planIds.map((planId, k) => ({
      planId,
      code: codes[k]!,
      clerk: clerks[k]!,
    }));
    const statusOf = async (p: typeof huangshi) => {
      const answered = await t.callerAs(p!.clerk).cycle.status({ planId: p!.planId, year });
      expect(answered).toEqual(await cycleStatus(db, dir, p!.clerk, p!.planId, year));
      return answered;
    };

    // Each clerk enters the baselines (judged behind where the target is higher; the target's
    // figure where the plan states no baseline) and one percentage 25 points lower (a
    // plausibility warning against the baseline), each row with a note.
    const figureOf = (i: IndicatorDto) =>
      [i.baseline.expression, i.target.expression].flatMap((e) =>
        e.kind === "level" || e.kind === "threshold" || e.kind === "band" ? [e.quantity.value] : [],
      )[0];
    let warned = 0;
    for (const p of [huangshi!, nanyang!, heshan!, hunan!, qingyang!]) {
      const api = t.callerAs(p.clerk);
      const inds = await api.indicators.list({ planId: p.planId });
      let dropped = false;
      const rows = inds.flatMap((i) => {
        const figure = figureOf(i);
        if (figure === undefined) return [];
        const drop =
          !dropped &&
          i.unit === "%" &&
          i.baseline.expression.kind === "level" &&
          figure >= 30 &&
          figure <= 100;
        dropped ||= drop;
        const value = drop ? figure - 25 : figure;
        return [
          { indicatorId: i.id, value: { kind: "number" as const, value }, note: "已核实", version: null },
        ];
      });
      expect(rows.length).toBeGreaterThan(0);
      await api.observations.upsertYear({ planId: p.planId, year, rows });
      const filling = await statusOf(p);
      expect(filling.state).toBe("filling");
      expect(filling.completeness.filled).toBe(rows.length);
      if (filling.warnings.length > 0) warned++;
      // The binding indicators without a value or behind need 原因 / 整改措施 before a submit.
      const binding = inds.filter((i) => i.attribute === "binding");
      if (p !== hunan && p !== heshan && binding.length > 0) {
        await api.cycle.saveExplanations({
          planId: p.planId,
          year,
          rows: binding.map((i) => ({
            indicatorId: i.id,
            cause: "受统计口径调整影响",
            measure: "按新口径补报",
            responsibleUnit: null,
            version: null,
          })),
        });
      }
    }
    expect(warned).toBeGreaterThan(0);
    const lagging = await Promise.all([huangshi!, nanyang!, heshan!, hunan!, qingyang!].map(statusOf));
    expect(lagging.some((s) => s.lagging.length > 0)).toBe(true);
    expect(lagging.some((s) => s.problems.length > 0)).toBe(true);

    // 黄石, 南阳 and 青阳 submit; 湖北 returns 黄石 with a reason; 池州 approves 青阳.
    for (const p of [huangshi!, nanyang!, qingyang!]) {
      expect((await t.callerAs(p.clerk).cycle.submit({ planId: p.planId, year })).state).toBe("submitted");
    }
    const hubei = userOf("planner", "420000", "湖北审核");
    const chizhou = userOf("planner", "341700", "池州审核");
    const queued = await t.callerAs(admin).cycle.queue({ year });
    expect(queued).toEqual(await reviewQueue(db, dir, admin, { year }));
    expect(queued.map((q) => q.planId).sort()).toEqual(
      [huangshi!.planId, nanyang!.planId, qingyang!.planId].sort(),
    );
    const hubeiQueue = await t.callerAs(hubei).cycle.queue({});
    expect(hubeiQueue).toEqual(await reviewQueue(db, dir, hubei, {}));
    expect(hubeiQueue.map((q) => [q.jurisdictionName, q.ownSubmission])).toEqual([["黄石市", false]]);
    await t
      .callerAs(hubei)
      .cycle.return({ planId: huangshi!.planId, year, reason: "基金收入请按决算数填报" });
    await t.callerAs(chizhou).cycle.approve({ planId: qingyang!.planId, year });
    expect((await statusOf(huangshi)).returnReason).toBe("基金收入请按决算数填报");
    expect((await statusOf(qingyang)).state).toBe("approved");

    // A clerk's to-do: the returned year first, the overdue and due-soon years reminded.
    const expectations: [typeof huangshi, string, string | null][] = [
      [huangshi, "returned", null],
      [nanyang, "submitted", null],
      [heshan, "filling", "dueSoon"],
      [hunan, "filling", "overdue"],
      [qingyang, "approved", null],
    ];
    for (const [p, state, reminder] of expectations) {
      const items = await t.callerAs(p!.clerk).cycle.todo();
      expect(items).toEqual(await todo(db, dir, p!.clerk));
      expect(items.map((i) => [i.planId, i.year, i.state, i.reminder])).toContainEqual([
        p!.planId,
        year,
        state,
        reminder,
      ]);
      expect(items.find((i) => i.year === year)!.completeness.filled).toBeGreaterThan(0);
    }

    // Completeness of each province's subtree: one bucket of each kind across the five.
    const buckets: Record<string, string> = {};
    for (const root of ["420000", "410000", "440000", "430000", "340000"]) {
      const view = await t.callerAs(admin).cycle.completeness({ rootCode: root, year });
      expect(view).toEqual(await completenessView(t.database, dir, root, year));
      expect(view.rows.length).toBeGreaterThan(0);
      for (const r of view.rows) buckets[r.planId] = r.bucket;
    }
    expect(planIds.map((id) => buckets[id])).toEqual([
      "returned",
      "submitted",
      "notSubmitted",
      "overdue",
      "approved",
    ]);
  });
});
