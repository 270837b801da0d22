import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabase, userOf } from "./utils/index.ts";

/**
 * A task or 专栏 item answered by a write carries its stored yearly notes, exactly as the lists
 * give them: the admin app replaces its row with the answer, so an answer without them would show
 * the notes as gone. A 专栏 box answered by its update carries its items the same way.
 */

let t: TestDatabase;
const planner = userOf("planner", "420200", "黄石规划");
const clerk = userOf("reporter", "420200", "黄石填报");
let planId: string;

beforeAll(async () => {
  t = await testDatabase();
  const plan = await t.callerAs(planner).plans.create({
    jurisdictionCode: "420200",
    title: "黄石市医疗保障“十四五”规划",
    issuer: "黄石市医疗保障局",
    documentNumber: null,
    issueDate: "2022-03-01",
    periodStart: 2021,
    periodEnd: 2025,
    baselineYear: 2020,
    status: "published",
    parentPlanId: null,
  });
  planId = plan.id;
});
afterAll(() => t?.close());

/** Notes for 2023 and 2022 (saved out of order: the answer lists them by year). */
async function twoYears(save: (year: number, text: string) => Promise<unknown>) {
  await save(2023, "2023年：DRG付费覆盖全部统筹区");
  await save(2022, "2022年：完成DRG模拟运行");
}

describe("single-row answers carry the stored progress notes", () => {
  it("tasks.setStatus and tasks.update keep both years' notes and equal what tasks.list gives", async () => {
    const task = await t.callerAs(planner).tasks.create({
      planId,
      parentId: null,
      number: "（一）",
      title: "推进支付方式改革",
    });
    expect(task.progress).toEqual([]);
    await twoYears((year, text) =>
      t.callerAs(clerk).tasks.saveProgress({ taskId: task.id, year, text, version: null }),
    );
    const listed = async () => (await t.callerAs(clerk).tasks.list({ planId })).find((x) => x.id === task.id);
    const notes = (await listed())!.progress;
    expect(notes.map((n) => [n.year, n.text])).toEqual([
      [2022, "2022年：完成DRG模拟运行"],
      [2023, "2023年：DRG付费覆盖全部统筹区"],
    ]);

    const started = await t.callerAs(clerk).tasks.setStatus({
      id: task.id,
      version: task.version,
      status: "inProgress",
    });
    expect(started.status).toBe("inProgress");
    expect(started.progress).toEqual(notes);
    expect(started).toEqual(await listed());

    const edited = await t.callerAs(planner).tasks.update({
      id: task.id,
      version: started.version,
      data: { title: "全面推进DRG/DIP支付方式改革" },
    });
    expect(edited.title).toBe("全面推进DRG/DIP支付方式改革");
    expect(edited.progress).toEqual(notes);
    expect(edited).toEqual(await listed());
  });

  it("projects.setItemStatus, updateItem and update keep the items' notes and equal what projects.list gives", async () => {
    const box = await t.callerAs(planner).projects.create({ planId, number: "专栏1", title: "医保信息化" });
    const item = await t.callerAs(planner).projects.createItem({ projectId: box.id, title: "医保信息平台" });
    const other = await t.callerAs(planner).projects.createItem({ projectId: box.id, title: "医保电子凭证" });
    await twoYears((year, text) =>
      t.callerAs(clerk).projects.saveItemProgress({ projectItemId: item.id, year, text, version: null }),
    );
    const listedBox = async () =>
      (await t.callerAs(clerk).projects.list({ planId })).find((b) => b.id === box.id)!;
    const listedItem = async () => (await listedBox()).items.find((i) => i.id === item.id);
    const notes = (await listedItem())!.progress;
    expect(notes.map((n) => n.year)).toEqual([2022, 2023]);

    const started = await t.callerAs(clerk).projects.setItemStatus({
      id: item.id,
      version: item.version,
      status: "inProgress",
    });
    expect(started.progress).toEqual(notes);
    expect(started).toEqual(await listedItem());

    const edited = await t.callerAs(planner).projects.updateItem({
      id: item.id,
      version: started.version,
      data: { title: "医保信息平台建设" },
    });
    expect(edited.progress).toEqual(notes);
    expect(edited).toEqual(await listedItem());

    // The box's own update answers its items (in order, each with its notes), not an empty box.
    const renamed = await t.callerAs(planner).projects.update({
      id: box.id,
      version: box.version,
      data: { title: "医保信息化建设" },
    });
    expect(renamed.items.map((i) => i.id)).toEqual([item.id, other.id]);
    expect(renamed.items[0]!.progress).toEqual(notes);
    expect(renamed).toEqual(await listedBox());
  });
});
