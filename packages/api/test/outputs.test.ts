import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { importPlanDocument } from "@ybplan/importer";
import { samplePlans } from "@ybplan/samples";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDirectory } from "../src/auth/directory.ts";
import { listAssessments, listExplanations, listWindows } from "../src/services/cycle.ts";
import { listDepartments } from "../src/services/departments.ts";
import { jurisdictionTree, listChildren } from "../src/services/jurisdictions.ts";
import { listProjects, listTasks } from "../src/services/work-items.ts";
import { type TestDatabase, testDatabase, userOf } from "./utils/index.ts";

/**
 * A procedure's `.output()` schema checks what it answers: on real data — the five sample plans
 * as the importer reads them — every stored value passes (a refused one would be a 500), and the
 * answer is what the service returned, whole (a field the schema did not name would be dropped).
 */

let t: TestDatabase;
const planIds: string[] = [];
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
});
