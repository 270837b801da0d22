import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAllAsProposed,
  sampleDocument,
  type TestDatabase,
  testDatabase,
  userOf,
} from "./utils/index.ts";

/**
 * A work indicator is not one of the plan's 主要指标: confirming 黄石's four 专栏10 (3) 示范 counts
 * leaves every main-indicator figure at 16 — the plan's counts and list, the matrix and its counts,
 * the subtree's totals, the year's 已填 n/m and the report's "规划确定的16项主要指标" and 表1 — while
 * the matrix and the report list the four apart.
 */

let t: TestDatabase;
let planId: string;
const admin = userOf("admin", null, "管理员");
const planner = userOf("planner", "420200", "黄石规划");
const YEAR = 2023;

beforeAll(async () => {
  t = await testDatabase();
  const document = await sampleDocument("hubei-huangshi-city");
  planId = (await t.callerAs(admin).import.commit({ document })).planId;
}, 120_000);
afterAll(() => t?.close());

async function mainFigures() {
  const api = t.callerAs(admin);
  const plan = await api.plans.get({ id: planId });
  const listed = (await api.plans.list({ page: 1, pageSize: 50 })).items.find((p) => p.id === planId)!;
  const matrix = await api.evaluation.matrix({ planId, year: YEAR });
  const subtree = await api.evaluation.subtree({ jurisdictionCode: "420200", year: YEAR });
  const status = await api.cycle.status({ planId, year: YEAR });
  const report = await api.reports.model({ planId, year: YEAR, kind: "annual" });
  return {
    plan: plan.counts.indicators,
    listed: listed.indicatorCount,
    matrixRows: matrix.rows.length,
    matrixEvaluations: matrix.evaluations.length,
    matrixCounts: Object.values(matrix.counts).reduce((a, b) => a + b, 0),
    subtree: subtree.totals.indicators,
    completeness: status.completeness.total,
    reportTotal: report.counts.total,
    reportRows: report.indicators.length,
    overview: report.narrative.overview.join("").match(/规划确定的(\d+)项主要指标/)?.[1],
  };
}

describe("work indicators leave the 主要指标 counts alone", () => {
  it("黄石: 16 before and after confirming the 专栏10 (3) work indicators; they are listed apart", async () => {
    const before = await mainFigures();
    expect(before).toEqual({
      plan: 16,
      listed: 16,
      matrixRows: 16,
      matrixEvaluations: 16,
      matrixCounts: 16,
      subtree: 16,
      completeness: 16,
      reportTotal: 16,
      reportRows: 16,
      overview: "16",
    });

    const { proposals } = await confirmAllAsProposed(t.callerAs(planner), planId);
    expect(proposals.length).toBeGreaterThanOrEqual(1);

    expect(await mainFigures()).toEqual(before);
    const plan = await t.callerAs(admin).plans.get({ id: planId });
    expect(plan.counts.workIndicators).toBe(proposals.length);
    const matrix = await t.callerAs(admin).evaluation.matrix({ planId, year: YEAR });
    expect(matrix.work.map((w) => w.name)).toEqual(proposals.map((p) => p.name));
    expect(matrix.work.every((w) => w.verdict === "insufficientData")).toBe(true);
    const report = await t.callerAs(admin).reports.model({ planId, year: YEAR, kind: "annual" });
    expect(report.workIndicators.map((w) => [w.ownerKind, w.name])).toEqual(
      proposals.map((p) => ["projectItem", p.name]),
    );
    expect(report.workIndicators.every((w) => w.owner.startsWith("专栏10"))).toBe(true);
  });
});
