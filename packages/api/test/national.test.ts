import { type Database, savePlanDocument } from "@ybplan/db";
import { type IndicatorDraft, type PlanDocument, PlanDocumentFormat } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, freshDatabase, user } from "./helpers-work.ts";

/**
 * evaluation.national through createCaller on a real database with the shipped jurisdiction list:
 * two plans in 湖北省 (the province's and 黄石市's), one in 湖南省, none elsewhere. Each province's
 * line must agree with evaluation.subtree and cycle.completeness of that province; provinces
 * without plans count 0 plans and nothing else; a save re-computes the cached summary.
 */
let database: Database;
const admin = user("admin", null, "管理员");
const nationalViewer = user("viewer", null, "国家局只读");
const huangshiPlanner = user("planner", "420200", "黄石规划");
const huangshiClerk = user("reporter", "420200", "黄石填报员");
const as = (u: Parameters<typeof callerFor>[1]) => callerFor(database, u);
const YEAR = 2024;

const ind = (
  position: number,
  name: string,
  unit: string,
  baseline: string,
  target: string,
): IndicatorDraft =>
  ({
    key: `测试/${name}`,
    position,
    category: "测试",
    name,
    unit,
    baseline: parseTargetCell(baseline),
    target: parseTargetCell(target),
    attribute: position === 1 ? "binding" : "expected",
    direction: "higher",
    definition: null,
    footnote: null,
    assessment: "endOfPeriod",
    confidence: "table",
    line: position,
  }) as IndicatorDraft;

const doc = (code: string, name: string): PlanDocument =>
  ({
    format: PlanDocumentFormat,
    plan: {
      title: `${name}医疗保障“十四五”规划`,
      issuer: `${name}医疗保障局`,
      documentNumber: null,
      issueDate: null,
      jurisdictionCode: code,
      jurisdictionName: name,
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    indicators: [
      ind(1, "基本医疗保险参保率", "%", "96", "≥97%"),
      ind(2, "住院费用实际报销比例", "%", "70", "≥72%"),
    ],
    tasks: [],
    projects: [],
    footnotes: [],
    warnings: [],
  }) as unknown as PlanDocument;

const plans: Record<string, string> = {};

async function fill(planId: string, who: typeof admin, values: number[]) {
  const inds = await as(admin).indicators.list({ planId });
  const stored = await as(admin).observations.list({ planId, fromYear: YEAR, toYear: YEAR });
  await as(who).observations.upsertYear({
    planId,
    year: YEAR,
    rows: inds.map((i, k) => ({
      indicatorId: i.id,
      value: { kind: "number" as const, value: values[k]! },
      note: null,
      version: stored.find((o) => o.indicatorId === i.id)?.version ?? null,
    })),
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  for (const [code, name] of [
    ["420000", "湖北省"],
    ["420200", "黄石市"],
    ["430000", "湖南省"],
  ] as const) {
    plans[code] = (await savePlanDocument(database.db, doc(code, name), { id: null, name: "测试" })).planId;
  }
  // 黄石 fills and submits 2024 within 湖北省's window, whose deadline has passed: 湖北省's own
  // plan is then 逾期. 湖南省 has no window and no data.
  await as(admin).cycle.openWindow({ year: YEAR, rootCode: "420000", deadline: "2025-02-28" });
  await fill(plans["420200"]!, huangshiClerk, [97.5, 71]);
  await as(huangshiClerk).cycle.submit({ planId: plans["420200"]!, year: YEAR });
}, 120_000);
afterAll(() => database?.close());

describe("evaluation.national", () => {
  it("answers 31 provinces by code, each agreeing with its subtree and completeness views", async () => {
    const n = await as(admin).evaluation.national({ year: YEAR });
    expect(n.provinces).toHaveLength(31);
    expect(n.provinces.map((p) => p.code)).toEqual([...n.provinces.map((p) => p.code)].sort());
    expect(n.provinces[0]).toMatchObject({ code: "110000", name: "北京市", plans: 0, indicators: 0 });

    const hubei = n.provinces.find((p) => p.code === "420000")!;
    expect(hubei).toMatchObject({ name: "湖北省", plans: 2, indicators: 4 });
    expect(hubei.cycle).toEqual({
      inWindow: 2,
      approved: 0,
      submitted: 1,
      notSubmitted: 0,
      returned: 0,
      overdue: 1,
      deadline: "2025-02-28",
    });
    const hunan = n.provinces.find((p) => p.code === "430000")!;
    expect(hunan).toMatchObject({ plans: 1, bindingWithoutData: 1, breaches: 0 });
    expect(hunan.counts.insufficientData).toBe(2);
    expect(hunan.cycle.inWindow).toBe(0);

    for (const p of n.provinces.filter((x) => x.plans > 0)) {
      const sub = await as(admin).evaluation.subtree({ jurisdictionCode: p.code, year: YEAR });
      expect({ plans: p.plans, indicators: p.indicators, counts: p.counts, breaches: p.breaches }).toEqual({
        plans: sub.totals.plans,
        indicators: sub.totals.indicators,
        counts: sub.totals.counts,
        breaches: sub.totals.breaches,
      });
      expect(p.bindingWithoutData).toBe(sub.totals.bindingWithoutData);
    }
    const done = await as(admin).cycle.completeness({ rootCode: "420000", year: YEAR });
    expect(hubei.cycle).toMatchObject(done.totals);

    // Provinces without plans add nothing; the total is the sum of the lines.
    const empty = n.provinces.filter((p) => p.plans === 0);
    expect(empty).toHaveLength(29);
    for (const p of empty) {
      expect(p.indicators + p.breaches + p.bindingWithoutData + p.cycle.inWindow).toBe(0);
      expect(Object.values(p.counts).every((c) => c === 0)).toBe(true);
    }
    expect(n.totals.plans).toBe(3);
    expect(n.totals.indicators).toBe(6);
    expect(n.totals.counts.insufficientData).toBe(hubei.counts.insufficientData + 2);
    expect(n.totals.cycle).toEqual(hubei.cycle);
  });

  it("is for national scope only: a national viewer reads it, a 黄石 user is refused", async () => {
    const n = await as(nationalViewer).evaluation.national({ year: YEAR });
    expect(n).toEqual(await as(admin).evaluation.national({ year: YEAR }));
    await expect(as(huangshiPlanner).evaluation.national({ year: YEAR })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "全国汇总仅限全国范围的用户查看",
    });
  });

  it("a save re-computes the cached summary: 湖南省's missing binding figure is filled", async () => {
    const before = (await as(admin).evaluation.national({ year: YEAR })).provinces.find(
      (p) => p.code === "430000",
    )!;
    expect(before.bindingWithoutData).toBe(1);
    await fill(plans["430000"]!, admin, [97.2, 71.5]);
    const after = (await as(admin).evaluation.national({ year: YEAR })).provinces.find(
      (p) => p.code === "430000",
    )!;
    expect(after.bindingWithoutData).toBe(0);
    expect(after.counts.insufficientData).toBe(0);
    const sub = await as(admin).evaluation.subtree({ jurisdictionCode: "430000", year: YEAR });
    expect(after.counts).toEqual(sub.totals.counts);
  });
});
