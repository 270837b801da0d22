import { auditLog, type Database, savePlanDocument } from "@ybplan/db";
import { type IndicatorDraft, type PlanDocument, PlanDocumentFormat } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callerFor, freshDatabase, user } from "./helpers-work.ts";

/**
 * The reporting cycle through createCaller on PGlite: a 阳新县 clerk fills and submits 2024, a
 * 黄石市 reviewer returns it with a reason, the clerk fixes and resubmits, the reviewer approves,
 * writes are refused, an administrator unlocks. Plus the rules around it: upper levels do not
 * write, self-approval is refused, archived plans are read-only, windows, target revisions.
 */
let database: Database;
let planId: string;
let rateId: string;
let incomeId: string;

const clerk = user("reporter", "420222", "阳新填报员");
const countyPlanner = user("planner", "420222", "阳新规划");
const cityPlanner = user("planner", "420200", "黄石审核员");
const cityReporter = user("reporter", "420200", "黄石填报员");
const admin = user("admin", null, "管理员");
const as = (u: Parameters<typeof callerFor>[1]) => callerFor(database, u);

const ind = (
  position: number,
  name: string,
  unit: string,
  baseline: string,
  target: string,
  attribute: "binding" | "expected",
): IndicatorDraft => ({
  key: `测试/${name}`,
  position,
  category: "测试",
  name,
  unit,
  baseline: parseTargetCell(baseline),
  target: parseTargetCell(target),
  attribute,
  direction: "higher",
  definition: null,
  footnote: null,
  assessment: "endOfPeriod",
  confidence: "table",
  line: position,
});

const doc: PlanDocument = {
  format: PlanDocumentFormat,
  plan: {
    title: "阳新县医疗保障“十四五”规划",
    issuer: "阳新县医疗保障局",
    documentNumber: null,
    issueDate: null,
    jurisdictionCode: "420222",
    jurisdictionName: "阳新县",
    periodStart: 2021,
    periodEnd: 2025,
    baselineYear: 2020,
  },
  indicators: [
    ind(1, "基本医疗保险参保率", "%", "96", "≥97%", "binding"),
    ind(2, "基本医疗保险(含生育保险)基金收入", "亿元", "2.72", "收入规模与经济规模更加适应", "expected"),
  ],
  tasks: [],
  projects: [],
  footnotes: [],
  warnings: [],
} as unknown as PlanDocument;

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string; cause?: unknown };
    return {
      code: err.code,
      message: err.message,
      cause: err.cause as { issues?: { path: unknown[]; message: string }[] },
    };
  }
  throw new Error("expected a refusal");
}

async function versions(year: number) {
  const obs = await as(admin).observations.list({ planId, fromYear: year, toYear: year });
  return (id: string) => obs.find((o) => o.indicatorId === id)?.version ?? null;
}

async function save(
  u: Parameters<typeof callerFor>[1],
  year: number,
  values: Record<string, number>,
  notes: Record<string, string> = {},
) {
  const v = await versions(year);
  return as(u).observations.upsertYear({
    planId,
    year,
    rows: Object.entries(values).map(([indicatorId, value]) => ({
      indicatorId,
      value: { kind: "number" as const, value },
      note: notes[indicatorId] ?? null,
      version: v(indicatorId),
    })),
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  await as(admin).jurisdictions.create({
    code: "420222",
    name: "阳新县",
    level: "county",
    parentCode: "420200",
  });
  const saved = await savePlanDocument(database.db, doc, { id: null, name: "测试" });
  planId = saved.planId;
  const inds = await as(admin).indicators.list({ planId });
  rateId = inds.find((i) => i.name === "基本医疗保险参保率")!.id;
  incomeId = inds.find((i) => i.name.includes("基金收入"))!.id;
});
afterAll(() => database?.close());

describe("submit → return → resubmit → approve → write refused → unlock", () => {
  it("runs the whole cycle with every refusal on the way", async () => {
    expect((await as(clerk).cycle.status({ planId, year: 2024 })).state).toBe("notStarted");

    // The clerk fills 2024; 基金收入 80 亿元 against a baseline of 2.72 is implausible.
    await save(clerk, 2024, { [rateId]: 97.5, [incomeId]: 80 });
    const filled = await as(clerk).cycle.status({ planId, year: 2024 });
    expect(filled.state).toBe("filling");
    expect(filled.completeness).toEqual({ filled: 2, total: 2 });
    expect(filled.warnings.map((w) => w.indicatorId)).toEqual([incomeId]);
    expect(filled.permissions).toMatchObject({ canEdit: true, canSubmit: true, canReview: false });

    // Submit is refused until the warning is explained in the row's note.
    const unexplained = await failure(as(clerk).cycle.submit({ planId, year: 2024 }));
    expect(unexplained.code).toBe("BAD_REQUEST");
    expect(unexplained.cause?.issues?.[0]?.path).toEqual(["indicators", incomeId, "unexplainedWarning"]);
    await save(clerk, 2024, { [incomeId]: 80 }, { [incomeId]: "含上级补助资金" });
    expect((await as(clerk).cycle.submit({ planId, year: 2024 })).state).toBe("submitted");

    // Submitted: the clerk's own write is refused, naming who submitted.
    const locked = await failure(save(clerk, 2024, { [rateId]: 98 }));
    expect(locked.code).toBe("CONFLICT");
    expect(locked.message).toContain("阳新填报员");
    expect(locked.message).toContain("提交");

    // The reviewer's queue shows it; the county's own planner and a city reporter may not review.
    const queue = await as(cityPlanner).cycle.queue({ year: 2024 });
    expect(queue.map((q) => [q.planId, q.state, q.jurisdictionName])).toEqual([
      [planId, "submitted", "阳新县"],
    ]);
    expect(await as(countyPlanner).cycle.queue({ year: 2024 })).toEqual([]);
    expect((await failure(as(countyPlanner).cycle.approve({ planId, year: 2024 }))).code).toBe("FORBIDDEN");
    expect((await failure(as(cityReporter).cycle.approve({ planId, year: 2024 }))).code).toBe("FORBIDDEN");

    // 退回 needs a reason.
    const noReason = await failure(as(cityPlanner).cycle.return({ planId, year: 2024, reason: "  " }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect(noReason.message).toBe("退回须填写原因");
    const returned = await as(cityPlanner).cycle.return({
      planId,
      year: 2024,
      reason: "基金收入口径有误，请按决算数填报",
    });
    expect(returned.state).toBe("returned");

    // The county sees the reason; the city cannot overwrite the county's figure itself.
    const seen = await as(clerk).cycle.status({ planId, year: 2024 });
    expect(seen.returnReason).toBe("基金收入口径有误，请按决算数填报");
    expect(seen.reviewedBy).toBe("黄石审核员");
    const upper = await failure(save(cityPlanner, 2024, { [incomeId]: 3.1 }));
    expect(upper.code).toBe("FORBIDDEN");
    expect(upper.message).toContain("上级单位不能直接修改阳新县填报的数据");

    // Fix and resubmit: the save moves 已退回 → 填报中.
    await save(clerk, 2024, { [incomeId]: 3.1 });
    expect((await as(clerk).cycle.status({ planId, year: 2024 })).state).toBe("filling");
    expect((await as(clerk).cycle.submit({ planId, year: 2024 })).state).toBe("submitted");
    const approved = await as(cityPlanner).cycle.approve({ planId, year: 2024 });
    expect(approved.state).toBe("approved");

    // Approved: every write is refused naming the reviewer, also an administrator's.
    for (const who of [clerk, admin]) {
      const refused = await failure(save(who, 2024, { [rateId]: 98 }));
      expect(refused.code).toBe("CONFLICT");
      expect(refused.message).toContain("已由黄石审核员");
      expect(refused.message).toContain("审核通过");
    }
    const expl = await failure(
      as(clerk).cycle.saveExplanations({
        planId,
        year: 2024,
        rows: [{ indicatorId: rateId, cause: "x", measure: null, responsibleUnit: null, version: null }],
      }),
    );
    expect(expl.code).toBe("CONFLICT");
    expect(
      (await as(admin).observations.list({ planId, fromYear: 2024, toYear: 2024 })).map((o) => o.value),
    ).toEqual([
      { kind: "number", value: 97.5 },
      { kind: "number", value: 3.1 },
    ]);

    // Unlock: administrators only, with a reason.
    expect((await failure(as(cityPlanner).cycle.unlock({ planId, year: 2024, reason: "更正" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(as(admin).cycle.unlock({ planId, year: 2024, reason: "" }))).message).toBe(
      "解锁须填写原因",
    );
    const unlocked = await as(admin).cycle.unlock({ planId, year: 2024, reason: "统计局更正参保人数" });
    expect(unlocked).toMatchObject({
      state: "filling",
      unlockedBy: "管理员",
      unlockReason: "统计局更正参保人数",
    });
    await save(clerk, 2024, { [rateId]: 97.6 });

    // Every transition is audited, in order, with before and after states.
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "reportingCycle"), eq(auditLog.entityId, `${planId}/2024`)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, (a.after as { state: string }).state, a.actorName])).toEqual([
      ["save", "filling", "阳新填报员"],
      ["submit", "submitted", "阳新填报员"],
      ["return", "returned", "黄石审核员"],
      ["save", "filling", "阳新填报员"],
      ["submit", "submitted", "阳新填报员"],
      ["approve", "approved", "黄石审核员"],
      ["unlock", "filling", "管理员"],
    ]);
  });

  it("refuses approving one's own submission and illegal moves", async () => {
    await save(admin, 2022, { [rateId]: 96.5, [incomeId]: 2.9 });
    await as(admin).cycle.submit({ planId, year: 2022 });
    const self = await failure(as(admin).cycle.approve({ planId, year: 2022 }));
    expect(self.code).toBe("FORBIDDEN");
    expect(self.message).toContain("不能审核本人提交的数据");
    const twice = await failure(as(admin).cycle.submit({ planId, year: 2022 }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe("已提交状态下不能提交");
    expect((await failure(as(cityPlanner).cycle.unlock({ planId, year: 2021, reason: "x" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(as(admin).cycle.unlock({ planId, year: 2021, reason: "x" }))).message).toBe(
      "未填报状态下不能解锁",
    );
  });
});

describe("target revisions (中期调整)", () => {
  it("refuses in-place target edits once figures exist and revisions before an approved year", async () => {
    const rate = await as(countyPlanner).indicators.get({ id: rateId });
    const edit = await failure(
      as(countyPlanner).indicators.update({
        id: rateId,
        version: rate.version,
        data: { targetText: "≥99%" },
      }),
    );
    expect(edit.code).toBe("BAD_REQUEST");
    expect(edit.message).toContain("中期调整");

    // 2023 approved by the city; a revision effective 2023 would change a settled verdict.
    await save(clerk, 2023, { [rateId]: 97.2, [incomeId]: 3.0 });
    await as(clerk).cycle.submit({ planId, year: 2023 });
    await as(cityPlanner).cycle.approve({ planId, year: 2023 });
    const before = await as(admin).evaluation.matrix({ planId, year: 2024 });
    const revise = (effectiveYear: number) =>
      as(countyPlanner).indicators.reviseTarget({
        indicatorId: rateId,
        effectiveYear,
        targetText: "≥99%",
        reason: "省里提高参保目标",
        basis: "鄂医保发〔2024〕1号",
      });
    expect((await failure(revise(2023))).message).toContain("2023 年数据已审核通过");
    expect((await failure(revise(2026))).message).toContain("不在规划期");
    expect(
      (
        await failure(
          as(clerk).indicators.reviseTarget({
            indicatorId: rateId,
            effectiveYear: 2024,
            targetText: "≥99%",
            reason: "x",
            basis: "y",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const rev = await revise(2024);
    expect(rev).toMatchObject({ effectiveYear: 2024, targetText: "≥99%", createdBy: "阳新规划" });
    expect((await as(clerk).indicators.revisions({ indicatorId: rateId })).length).toBe(1);

    // Evaluation: 2024 judged against ≥99%, 2023 unchanged; the indicator's own target stays.
    const after = await as(admin).evaluation.matrix({ planId, year: 2024 });
    const row = (m: typeof after) => m.rows.find((r) => r.indicatorId === rateId)!;
    const col = (m: typeof after, y: number) => m.years.indexOf(y);
    expect(row(after).cells[col(after, 2023)]).toEqual(row(before).cells[col(before, 2023)]);
    expect(row(before).cells[col(before, 2024)]!.verdict).toBe("achieved");
    expect(row(after).cells[col(after, 2024)]!.verdict).toBe("behind");
    expect((await as(admin).indicators.get({ id: rateId })).target.text).toBe("≥97%");

    // A 约束性 breach now needs 原因 and 整改措施 before submit.
    const refused = await failure(as(clerk).cycle.submit({ planId, year: 2024 }));
    expect(refused.cause?.issues?.map((i) => i.path[2])).toEqual(["causeRequired"]);
    await as(clerk).cycle.saveExplanations({
      planId,
      year: 2024,
      rows: [
        {
          indicatorId: rateId,
          cause: "外出务工人员断缴",
          measure: "开展参保扩面专项行动",
          responsibleUnit: "县医保局",
          version: null,
        },
      ],
    });
    expect((await as(clerk).cycle.submit({ planId, year: 2024 })).state).toBe("submitted");
    expect((await as(admin).cycle.explanations({ planId, year: 2024 }))[0]).toMatchObject({
      measure: "开展参保扩面专项行动",
      responsibleUnit: "县医保局",
    });
  });
});

describe("windows, to-do, completeness, assessments, archived plans", () => {
  it("a closed window makes the year read-only except for administrators", async () => {
    const w = await as(admin).cycle.openWindow({ year: 2025, rootCode: "420200", deadline: "2099-02-28" });
    expect(
      (
        await failure(
          as(cityPlanner).cycle.openWindow({ year: 2025, rootCode: "420200", deadline: "2099-02-28" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const todo = await as(clerk).cycle.todo();
    expect(todo.find((t) => t.year === 2025)).toMatchObject({
      planId,
      state: "notStarted",
      deadline: "2099-02-28",
      completeness: { filled: 0, total: 2 },
    });
    await save(clerk, 2025, { [rateId]: 97.8 });
    await as(clerk).cycle.assess({
      indicatorId: incomeId,
      year: 2025,
      subject: null,
      grade: "onPace",
      reason: "与经济增速相当",
      version: null,
    });
    expect(await as(cityReporter).cycle.assessments({ planId, year: 2025 })).toMatchObject([
      { indicatorId: incomeId, grade: "onPace", reason: "与经济增速相当" },
    ]);

    const view = await as(cityPlanner).cycle.completeness({ rootCode: "420200", year: 2025 });
    expect(view.rows).toMatchObject([
      {
        planId,
        jurisdictionName: "阳新县",
        state: "filling",
        bucket: "notSubmitted",
        completeness: { filled: 1, total: 2 },
      },
    ]);
    expect((await failure(as(clerk).cycle.completeness({ rootCode: "420200", year: 2025 }))).code).toBe(
      "FORBIDDEN",
    );

    await as(admin).cycle.closeWindow({ id: w.id });
    const closed = await failure(save(clerk, 2025, { [rateId]: 97.9 }));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.message).toContain("填报窗口已关闭");
    const closedSubmit = await failure(as(clerk).cycle.submit({ planId, year: 2025 }));
    expect(closedSubmit.code).toBe("CONFLICT");
    expect(closedSubmit.message).toContain("填报窗口已关闭");
    await save(admin, 2025, { [rateId]: 97.9 });

    // An overdue window shows as 逾期 in the completeness view.
    await as(admin).cycle.openWindow({ year: 2025, rootCode: "420200", deadline: "2020-01-31" });
    const overdue = await as(admin).cycle.completeness({ rootCode: "420000", year: 2025 });
    expect(overdue.rows.find((r) => r.planId === planId)).toMatchObject({
      bucket: "overdue",
      reminder: "overdue",
    });
    expect(overdue.totals.overdue).toBe(1);
  });

  it("turns a year 逾期 at midnight in Beijing, not at midnight UTC", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await as(admin).cycle.openWindow({ year: 2025, rootCode: "420200", deadline: "2026-03-31" });
      const at = async (iso: string) => {
        vi.setSystemTime(new Date(iso));
        const view = await as(admin).cycle.completeness({ rootCode: "420000", year: 2025 });
        return view.rows.find((r) => r.planId === planId);
      };
      // 23:30 on 31 March in Beijing: the deadline day, due soon.
      expect(await at("2026-03-31T15:30:00Z")).toMatchObject({ bucket: "notSubmitted", reminder: "dueSoon" });
      // 01:30 on 1 April in Beijing, still 31 March in UTC: late.
      expect(await at("2026-03-31T17:30:00Z")).toMatchObject({ bucket: "overdue", reminder: "overdue" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("an archived plan accepts no values", async () => {
    const p = await as(admin).plans.get({ id: planId });
    await as(admin).plans.update({ id: planId, version: p.version, data: { status: "archived" } });
    const refused = await failure(save(admin, 2021, { [rateId]: 96.2 }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("已归档");
    expect((await as(clerk).cycle.status({ planId, year: 2021 })).permissions.canEdit).toBe(false);
  });
});
