import { createHash } from "node:crypto";
import { auditLog, type Database } from "@ybplan/db";
import { PlanDocumentFormat } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";
import { attachmentMaxBytes } from "@ybplan/domain/workitem";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContextInner } from "../src/index.ts";
import { callerFor, freshDatabase, user } from "./helpers-work.ts";

/**
 * A county's plan kept by hand: the county, its plan, departments, tasks with lead units and
 * deadlines, overdue work in the planner's view, and evidence attachments — all through createCaller.
 */
let database: Database;
const admin = user("admin", null, "管理员");
const planner = user("planner", "341722", "石台规划");
const reporter = user("reporter", "341722", "石台填报");
const qingyangReporter = user("reporter", "341723", "青阳填报");
const as = (u = admin) => callerFor(database, u);

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error("expected a refusal");
}

const planFields = {
  title: "石台县“十四五”医疗保障事业发展规划",
  issuer: "石台县医疗保障局",
  documentNumber: null,
  issueDate: "2022-03-01",
  periodStart: 2021,
  periodEnd: 2025,
  baselineYear: 2020,
  status: "published" as const,
  parentPlanId: null,
};

let planId: string;
const dept: Record<string, string> = {};

beforeAll(async () => {
  database = await freshDatabase();
  await as().jurisdictions.create({ code: "341722", name: "石台县", level: "county", parentCode: "341700" });
});
afterAll(() => database.close());

describe("plans created by hand", () => {
  it("creates a county plan under its city's plan; refuses a bad period, a duplicate title and another county's planner", async () => {
    const parent = await as().plans.create({
      ...planFields,
      jurisdictionCode: "341700",
      title: "池州市医疗保障“十四五”规划",
      issuer: null,
    });
    const plan = await as(planner).plans.create({
      ...planFields,
      jurisdictionCode: "341722",
      parentPlanId: parent.id,
    });
    planId = plan.id;
    expect(plan).toMatchObject({
      jurisdictionCode: "341722",
      periodStart: 2021,
      periodEnd: 2025,
      parentPlanId: parent.id,
      revision: 1,
    });
    expect(await as().plans.get({ id: planId })).toMatchObject({
      counts: { indicators: 0, tasks: 0, projects: 0 },
    });
    expect(
      await refusal(
        as(planner).plans.create({
          ...planFields,
          title: "另一个",
          jurisdictionCode: "341722",
          periodEnd: 2020,
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "periodEnd: 规划期末年份不能早于起始年份",
    });
    expect(
      (await refusal(as(planner).plans.create({ ...planFields, jurisdictionCode: "341722" }))).message,
    ).toBe("title: 该行政区划已有同名规划");
    expect(
      (await refusal(as(planner).plans.create({ ...planFields, title: "越权", jurisdictionCode: "341723" })))
        .code,
    ).toBe("FORBIDDEN");
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "plan"), eq(auditLog.entityId, planId)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([["create", "石台规划"]]);
  });

  it("takes indicators through the existing editor procedures", async () => {
    const base = {
      category: "参保",
      unit: "%",
      definition: null,
      footnote: null,
      assessment: "endOfPeriod" as const,
      parentIndicatorId: null,
    };
    await as(planner).indicators.create({
      planId,
      ...base,
      name: "基本医疗保险参保率",
      baselineText: "96.5",
      targetText: "≥96%",
      attribute: "binding",
      direction: "higher",
    });
    await as(planner).indicators.create({
      planId,
      ...base,
      name: "住院费用报销比例",
      baselineText: "65",
      targetText: "70%左右",
      attribute: "expected",
      direction: "band",
    });
    const list = await as().indicators.list({ planId });
    expect(list.map((i) => [i.name, i.target.text, i.target.expression.kind])).toEqual([
      ["基本医疗保险参保率", "≥96%", "threshold"],
      ["住院费用报销比例", "70%左右", "band"],
    ]);
  });
});

describe("departments", () => {
  it("keeps a per-jurisdiction list; refuses duplicates and other counties' planners", async () => {
    for (const name of ["县医疗保障局", "县卫生健康委员会", "县财政局"]) {
      dept[name] = (await as(planner).departments.create({ jurisdictionCode: "341722", name })).id;
    }
    dept.青阳 = (await as().departments.create({ jurisdictionCode: "341723", name: "青阳县医疗保障局" })).id;
    expect((await as(reporter).departments.list({ jurisdictionCode: "341722" })).map((d) => d.name)).toEqual([
      "县医疗保障局",
      "县卫生健康委员会",
      "县财政局",
    ]);
    expect(
      await refusal(as(planner).departments.create({ jurisdictionCode: "341722", name: "县财政局" })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "name: 部门名称：本地区已有“县财政局”",
    });
    expect(
      (await refusal(as(planner).departments.create({ jurisdictionCode: "341723", name: "某局" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await refusal(as(reporter).departments.create({ jurisdictionCode: "341722", name: "某局" }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("tasks with lead units and deadlines", () => {
  let chapter: { id: string };
  let taskA: Awaited<ReturnType<ReturnType<typeof as>["tasks"]["create"]>>;
  let taskB: typeof taskA;

  it("creates tasks with a lead unit and co-units from the list and a deadline in the plan period", async () => {
    chapter = await as(planner).tasks.create({ planId, parentId: null, number: "第三章", title: "主要任务" });
    taskA = await as(planner).tasks.create({
      planId,
      parentId: chapter.id,
      number: "（一）",
      title: "全面推进DRG/DIP支付方式改革",
      leadDepartmentId: dept.县医疗保障局!,
      coDepartmentIds: [dept.县卫生健康委员会!],
      deadline: "2024-06-30",
    });
    taskB = await as(planner).tasks.create({
      planId,
      parentId: chapter.id,
      number: "（二）",
      title: "健全医疗救助制度",
      leadDepartmentId: dept.县财政局!,
      deadline: "2025-12-31",
    });
    expect(taskA).toMatchObject({
      level: 2,
      leadDepartmentId: dept.县医疗保障局,
      coDepartmentIds: [dept.县卫生健康委员会],
      deadline: "2024-06-30",
    });
  });

  it("refuses a lead unit not in the list, a deadline outside the period, a co-unit equal to the lead", async () => {
    expect(
      await refusal(
        as(planner).tasks.create({ planId, parentId: chapter.id, title: "X", leadDepartmentId: dept.青阳! }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "leadDepartmentId: 牵头单位：不在本地区的部门名单中，请先在部门名单中添加",
    });
    expect(
      await refusal(
        as(planner).tasks.update({ id: taskA.id, version: taskA.version, data: { deadline: "2026-03-31" } }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "deadline: 截止日期须在规划期内（2021年1月1日至2025年12月31日）",
    });
    expect(
      (
        await refusal(
          as(planner).tasks.update({
            id: taskA.id,
            version: taskA.version,
            data: { coDepartmentIds: [dept.县医疗保障局!] },
          }),
        )
      ).message,
    ).toBe("coDepartmentIds: 配合单位：不能与牵头单位相同");
    // A reporter may set status and notes, not assignments.
    expect(
      (
        await refusal(
          as(reporter).tasks.update({
            id: taskA.id,
            version: taskA.version,
            data: { deadline: "2025-01-01" },
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("an edit of one field keeps the others", async () => {
    const updated = await as(planner).tasks.update({
      id: taskA.id,
      version: taskA.version,
      data: { title: "全面推进DRG/DIP支付方式改革（修订）" },
    });
    expect(updated).toMatchObject({
      leadDepartmentId: dept.县医疗保障局,
      coDepartmentIds: [dept.县卫生健康委员会],
      deadline: "2024-06-30",
      version: taskA.version + 1,
    });
    taskA = updated;
  });

  it("reorders siblings, audited", async () => {
    const moved = await as(planner).tasks.move({ id: taskB.id, version: taskB.version, direction: "up" });
    expect(moved.moved).toBe(true);
    const order = (await as().tasks.list({ planId }))
      .filter((t) => t.parentId === chapter.id)
      .sort((a, b) => a.position - b.position);
    expect(order.map((t) => t.number)).toEqual(["（二）", "（一）"]);
    const again = order[0]!;
    expect(
      (await as(planner).tasks.move({ id: again.id, version: again.version, direction: "up" })).moved,
    ).toBe(false);
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "reorder"))
      .orderBy(asc(auditLog.id));
    expect(rows).toHaveLength(2);
    taskA = order.find((t) => t.id === taskA.id)!;
    taskB = order.find((t) => t.id === taskB.id)!;
  });

  it("the planner's view groups by lead unit, overdue first, with the clock fixed by `today`", async () => {
    const before = await as(reporter).tasks.byLeadUnit({ jurisdictionCode: "341722", today: "2024-06-30" });
    expect(
      before.groups.map((g) => [g.department?.name ?? "未指定", g.items.map((i) => [i.title, i.overdue])]),
    ).toEqual([
      ["县医疗保障局", [["全面推进DRG/DIP支付方式改革（修订）", false]]],
      ["县卫生健康委员会", []],
      ["县财政局", [["健全医疗救助制度", false]]],
    ]);
    const after = await as(reporter).tasks.byLeadUnit({ jurisdictionCode: "341722", today: "2024-07-01" });
    expect(after.groups[0]).toMatchObject({
      overdue: 1,
      items: [{ title: "全面推进DRG/DIP支付方式改革（修订）", overdue: true }],
    });
    // Completed work is not overdue.
    const done = await as(reporter).tasks.setStatus({
      id: taskA.id,
      version: taskA.version,
      status: "completed",
    });
    const later = await as(reporter).tasks.byLeadUnit({ jurisdictionCode: "341722", today: "2025-01-01" });
    expect(later.groups[0]!.items[0]).toMatchObject({ overdue: false, status: "completed" });
    await as(reporter).tasks.setStatus({ id: done.id, version: done.version, status: "inProgress" });
    // Unassigned leaf work shows in its own group, overdue first.
    await as(planner).tasks.create({
      planId,
      parentId: chapter.id,
      title: "未分配的任务",
      deadline: "2023-12-31",
    });
    await as(planner).tasks.create({
      planId,
      parentId: chapter.id,
      title: "另一未分配任务",
      deadline: "2025-06-30",
    });
    const view = await as(reporter).tasks.byLeadUnit({ jurisdictionCode: "341722", today: "2024-07-01" });
    expect(view.groups.at(-1)).toMatchObject({
      department: null,
      overdue: 1,
      items: [
        { title: "未分配的任务", overdue: true },
        { title: "另一未分配任务", overdue: false },
      ],
    });
    // A lead unit's own list.
    const own = await as(reporter).tasks.byLeadUnit({
      jurisdictionCode: "341722",
      departmentId: dept.县财政局,
      today: "2024-07-01",
    });
    expect(own.groups.map((g) => g.department?.name)).toEqual(["县财政局"]);
    expect((await refusal(as(qingyangReporter).tasks.byLeadUnit({ jurisdictionCode: "341722" }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("deleting a department that leads or co-operates on work is refused, naming the work", async () => {
    const list = await as().departments.list({ jurisdictionCode: "341722" });
    const weijian = list.find((d) => d.name === "县卫生健康委员会")!;
    expect(
      await refusal(as(planner).departments.delete({ id: weijian.id, version: weijian.version })),
    ).toEqual({
      code: "BAD_REQUEST",
      message:
        "id: 县卫生健康委员会仍是以下任务的牵头或配合单位，不能删除：（一）全面推进DRG/DIP支付方式改革（修订）",
    });
    const spare = await as(planner).departments.create({ jurisdictionCode: "341722", name: "县民政局" });
    expect(await as(planner).departments.delete({ id: spare.id, version: spare.version })).toEqual({
      id: spare.id,
    });
  });

  it("专栏 items take the same rules", async () => {
    const box = await as(planner).projects.create({ planId, number: "专栏1", title: "医保信息化建设工程" });
    const item = await as(planner).projects.createItem({
      projectId: box.id,
      title: "医保电子凭证推广",
      leadDepartmentId: dept.县医疗保障局!,
      deadline: "2023-12-31",
    });
    expect(
      (
        await refusal(
          as(planner).projects.updateItem({
            id: item.id,
            version: item.version,
            data: { leadDepartmentId: dept.青阳! },
          }),
        )
      ).message,
    ).toContain("牵头单位：不在本地区的部门名单中");
    const view = await as().tasks.byLeadUnit({ jurisdictionCode: "341722", today: "2024-01-01" });
    expect(view.groups[0]!.items[0]).toMatchObject({
      kind: "projectItem",
      number: "专栏1",
      title: "医保电子凭证推广",
      overdue: true,
    });
  });
});

describe("evidence attachments", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  const exe = Buffer.from(
    "MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode.",
    "latin1",
  );
  let taskId: string;

  beforeAll(async () => {
    taskId = (await as().tasks.list({ planId })).find((t) => t.number === "（一）")!.id;
  });

  it("stores a PDF with its SHA-256, audited without its bytes, and gives the same bytes back", async () => {
    const saved = await as(reporter).attachments.upload({
      taskId,
      fileName: "DRG改革自查报告.pdf",
      contentBase64: pdf.toString("base64"),
    });
    expect(saved).toMatchObject({
      fileName: "DRG改革自查报告.pdf",
      kind: "pdf",
      mediaType: "application/pdf",
      sizeBytes: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
      uploadedBy: "石台填报",
    });
    expect(
      await as(qingyangReporter)
        .attachments.list({ taskId })
        .catch((e) => e.code),
    ).toBe("FORBIDDEN");
    expect((await as(planner).attachments.list({ taskId })).map((a) => a.fileName)).toEqual([
      "DRG改革自查报告.pdf",
    ]);
    const back = await as(planner).attachments.download({ id: saved.id });
    expect(Buffer.from(back.contentBase64, "base64").equals(pdf)).toBe(true);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "attachment"), eq(auditLog.entityId, saved.id)))
      .orderBy(asc(auditLog.id));
    expect(audit!.after).toMatchObject({ sha256: saved.sha256, fileName: "DRG改革自查报告.pdf" });
    expect(audit!.after).not.toHaveProperty("content");
  });

  it("refuses an executable renamed .pdf, a mismatched type and a file over the limit, with the reason", async () => {
    expect(
      await refusal(
        as(reporter).attachments.upload({
          taskId,
          fileName: "报告.pdf",
          contentBase64: exe.toString("base64"),
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "file: 附件：文件内容是可执行程序，不能作为佐证材料上传",
    });
    expect(
      (
        await refusal(
          as(reporter).attachments.upload({
            taskId,
            fileName: "报告.docx",
            contentBase64: pdf.toString("base64"),
          }),
        )
      ).message,
    ).toBe("file: 附件：文件扩展名为 .docx，但内容是PDF，与扩展名不符");
    const big = Buffer.alloc(attachmentMaxBytes + 1);
    pdf.copy(big);
    expect(
      (
        await refusal(
          as(reporter).attachments.upload({
            taskId,
            fileName: "大.pdf",
            contentBase64: big.toString("base64"),
          }),
        )
      ).message,
    ).toBe("file: 附件：文件大小 20 MB 超过上限 20 MB");
    expect((await as().attachments.list({ taskId })).length).toBe(1);
    expect(
      (
        await refusal(
          as(user("viewer", "341722", "只读")).attachments.upload({
            taskId,
            fileName: "a.pdf",
            contentBase64: pdf.toString("base64"),
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("deletes an attachment, audited", async () => {
    const [a] = await as().attachments.list({ taskId });
    expect(await as(reporter).attachments.delete({ id: a!.id })).toEqual({ id: a!.id });
    expect(await as().attachments.list({ taskId })).toEqual([]);
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "attachment"), eq(auditLog.entityId, a!.id)))
      .orderBy(asc(auditLog.id));
    expect(rows.map((r) => r.action)).toEqual(["create", "delete"]);
  });
});

describe("re-importing a plan keeps what was assigned in ybplan", () => {
  const doc = (tasks: { key: string; title: string }[]) => ({
    format: PlanDocumentFormat,
    plan: {
      title: "青阳县医疗保障“十四五”规划（测试）",
      issuer: "青阳县医疗保障局",
      documentNumber: null,
      issueDate: "2022-01-01",
      jurisdictionCode: "341723",
      jurisdictionName: "青阳县",
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    indicators: [],
    tasks: [
      {
        key: "ch3",
        number: "第三章",
        title: "主要任务",
        text: "",
        leadDepartment: null,
        deadline: null,
        line: 1,
        level: 1,
        parentKey: null,
      },
      ...tasks.map((t, i) => ({
        ...t,
        number: `（${i + 1}）`,
        text: "",
        leadDepartment: null,
        deadline: null,
        line: i + 2,
        level: 2,
        parentKey: "ch3",
      })),
    ],
    projects: [],
    footnotes: [],
    warnings: [],
  });

  it("a deadline, lead unit and evidence survive a revised text that drops or keeps the task", async () => {
    const first = await as().import.commit({
      document: doc([
        { key: "ch3/1", title: "推进支付方式改革" },
        { key: "ch3/2", title: "加强基金监管" },
      ]) as never,
    });
    const tasks = await as().tasks.list({ planId: first.planId });
    const [t1, t2] = [tasks.find((t) => t.key === "ch3/1")!, tasks.find((t) => t.key === "ch3/2")!];
    await as().tasks.update({
      id: t1.id,
      version: t1.version,
      data: { deadline: "2024-12-31", leadDepartmentId: dept.青阳! },
    });
    await as().attachments.upload({
      taskId: t2.id,
      fileName: "监管台账.pdf",
      contentBase64: Buffer.from("%PDF-1.7\n%%EOF").toString("base64"),
    });
    // The revised text keeps 推进支付方式改革 (no deadline in the document) and drops 加强基金监管.
    await as().import.commit({ document: doc([{ key: "ch3/1", title: "推进支付方式改革" }]) as never });
    const after = await as().tasks.list({ planId: first.planId });
    expect(after.find((t) => t.key === "ch3/1")).toMatchObject({
      deadline: "2024-12-31",
      leadDepartmentId: dept.青阳,
    });
    expect(after.find((t) => t.key === "ch3/2")).toBeDefined();
    expect(await as().attachments.list({ taskId: t2.id })).toHaveLength(1);
  });
});

describe("revisions of an imported plan", () => {
  const title = "池州市“十四五”医疗保障规划";
  const doc = (stage: string, target: string, issueDate: string | null) => ({
    format: PlanDocumentFormat,
    plan: {
      title: `${title}${stage}`,
      issuer: "池州市医疗保障局",
      documentNumber: null,
      issueDate,
      jurisdictionCode: "341700",
      jurisdictionName: "池州市",
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    indicators: [
      {
        key: "参保/参保率",
        position: 1,
        category: "参保",
        name: "基本医疗保险参保率",
        unit: "%",
        baseline: parseTargetCell("96"),
        target: parseTargetCell(target),
        attribute: "binding" as const,
        direction: "higher" as const,
        definition: null,
        footnote: null,
        assessment: "endOfPeriod" as const,
        confidence: "table" as const,
        line: 5,
      },
    ],
    tasks: [],
    projects: [],
    footnotes: [],
    warnings: [{ line: 12, message: "无法识别的指标行", text: "某行" }],
  });
  // A caller whose importer "reads" the given document (the real importer is tested in its package).
  const reading = (d: unknown) =>
    createCaller(createContextInner({ database, user: admin, importer: async () => d as never }));

  it("a 征求意见稿 imports as draft; its final text revises the same plan with a side-by-side diff", async () => {
    const draft = await as().import.commit({ document: doc("（征求意见稿）", "≥96%", null) as never });
    expect(await as().plans.get({ id: draft.planId })).toMatchObject({ status: "draft", revision: 1 });
    const final = doc("", "≥97%", "2022-04-01");
    const preview = await reading(final).import.preview({ fileName: "正式稿.docx", contentBase64: "AA==" });
    expect(preview.existingPlan).toMatchObject({ id: draft.planId, revision: 1, status: "draft" });
    expect(preview.unchanged).toBe(false);
    expect(preview.status).toBe("published");
    expect(preview.diff!.plan.map((f) => [f.label, f.before, f.after])).toEqual([
      ["规划名称", `${title}（征求意见稿）`, title],
      ["印发日期", "—", "2022-04-01"],
    ]);
    expect(preview.diff!.indicators).toEqual([
      {
        key: "参保/参保率",
        name: "基本医疗保险参保率",
        change: "changed",
        fields: [{ field: "targetText", label: "目标值", before: "≥96%", after: "≥97%" }],
      },
    ]);
    const saved = await as().import.commit({ document: final as never });
    expect(saved).toMatchObject({ planId: draft.planId, created: false, revision: 2, unchanged: false });
    expect(await as().plans.get({ id: draft.planId })).toMatchObject({
      status: "published",
      title,
      revision: 2,
    });
    const plans = await as().plans.list({ jurisdictionCode: "341700" });
    expect(plans.items.filter((p) => p.title.startsWith(title))).toHaveLength(1);
  });

  it("an unchanged text is 无变化: no new revision, nothing written; warnings stay on the plan", async () => {
    const final = doc("", "≥97%", "2022-04-01");
    const preview = await reading(final).import.preview({ fileName: "正式稿.docx", contentBase64: "AA==" });
    expect(preview.unchanged).toBe(true);
    const before = await database.db.select().from(auditLog).where(eq(auditLog.action, "import"));
    const again = await as().import.commit({ document: final as never });
    expect(again).toMatchObject({ created: false, revision: 2, unchanged: true });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "import"))).toHaveLength(
      before.length,
    );
    const plan = await as().plans.get({ id: again.planId });
    expect(plan.importWarnings).toEqual([{ line: 12, message: "无法识别的指标行", text: "某行" }]);
  });

  it("a warning stays listed until resolved; a resolution survives a re-import reporting it again", async () => {
    const [p] = (await as().plans.list({ jurisdictionCode: "341700", q: "池州市“十四五”" })).items;
    const w = { line: 12, message: "无法识别的指标行", text: "某行" };
    const planner = user("planner", "341700", "池州规划");
    const resolved = await as(planner).plans.resolveWarning({
      id: p!.id,
      version: p!.version,
      ...w,
      resolved: true,
    });
    expect(resolved.resolvedWarnings).toEqual([{ ...w, by: "池州规划", at: expect.any(String) }]);
    expect(
      (
        await refusal(
          as(planner).plans.resolveWarning({
            id: p!.id,
            version: resolved.version,
            ...w,
            line: 99,
            resolved: true,
          }),
        )
      ).message,
    ).toBe("line: 该规划没有这条导入提示");
    await as().import.commit({ document: doc("", "≥98%", "2022-04-01") as never });
    const after = await as().plans.get({ id: p!.id });
    expect(after.revision).toBe(3);
    expect(after.importWarnings).toEqual([w]);
    expect(after.resolvedWarnings).toHaveLength(1);
    const reopened = await as(planner).plans.resolveWarning({
      id: p!.id,
      version: after.version,
      ...w,
      resolved: false,
    });
    expect(reopened.resolvedWarnings).toEqual([]);
    expect(
      (
        await refusal(
          as(user("reporter", "341700", "池州填报")).plans.resolveWarning({
            id: p!.id,
            version: reopened.version,
            ...w,
            resolved: true,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
