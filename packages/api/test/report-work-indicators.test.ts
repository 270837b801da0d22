import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmAllAsProposed,
  refusal,
  sampleDocument,
  type TestDatabase,
  testDatabase,
  userOf,
} from "./utils/index.ts";

/**
 * reports.workIndicators, the light read of the report's 工作指标完成情况 rows (the CLI's evaluate),
 * against the whole report model on the same database: 青阳 专栏2 (1)'s two staged indicators
 * confirmed by a planner through the router, a clerk's 2023 value for one of them.
 */

let t: TestDatabase;
let planId: string;
const admin = userOf("admin", null, "管理员");
const planner = userOf("planner", "341723", "青阳规划");
const viewer = userOf("viewer", "341723", "青阳查看");
const otherViewer = userOf("viewer", "420200", "黄石查看");

beforeAll(async () => {
  t = await testDatabase();
  const document = await sampleDocument("anhui-qingyang-county");
  planId = (await t.callerAs(admin).import.commit({ document })).planId;
}, 120_000);
afterAll(() => t?.close());

/** Both reads of one year, as the plan's viewer asks them. */
async function bothReads(year: number) {
  const api = t.callerAs(viewer);
  const [light, model] = await Promise.all([
    api.reports.workIndicators({ planId, year }),
    api.reports.model({ planId, year, kind: "annual" }),
  ]);
  return { light, report: model.workIndicators };
}

describe("reports.workIndicators", () => {
  it("has no rows before any work indicator is confirmed, as the report", async () => {
    const { light, report } = await bothReads(2023);
    expect(light).toEqual([]);
    expect(report).toEqual([]);
  });

  it("equals the report model's rows: 2023 with its stage and a value, 2025 without a stage or value", async () => {
    const { proposals, confirmed } = await confirmAllAsProposed(t.callerAs(planner), planId);
    expect(proposals.map((p) => p.owner.label)).toEqual([
      "专栏2（1）医保基金总额预算管理",
      "专栏2（1）医保基金总额预算管理",
    ]);
    const coverage = confirmed.find((c) => c.indicator.name === "DRG付费医疗机构病种覆盖率")!;
    await t.callerAs(admin).observations.upsertYear({
      planId,
      year: 2023,
      rows: [{ indicatorId: coverage.indicator.id, value: { kind: "number", value: 81 }, version: null }],
    });

    const y2023 = await bothReads(2023);
    expect(y2023.light).toEqual(y2023.report);
    expect(y2023.light.map((w) => [w.owner, w.name, w.target, w.staged, w.actual.text, w.verdict])).toEqual([
      [
        "专栏2（1）医保基金总额预算管理",
        "DRG付费医疗机构病种覆盖率",
        "≥80%（2023年分年度目标）",
        true,
        "81%",
        "onTrack",
      ],
      [
        "专栏2（1）医保基金总额预算管理",
        "DRG付费医保基金支出占统筹区内住院医保基金支出比例",
        "≥50%（2023年分年度目标）",
        true,
        "—",
        "insufficientData",
      ],
    ]);
    expect(y2023.light[0]!.reason).toContain("按规划确定的2023年分年度目标判断");

    // 2025 has no stage of its own (the plan's target) and no value yet.
    const y2025 = await bothReads(2025);
    expect(y2025.light).toEqual(y2025.report);
    expect(y2025.light.map((w) => [w.target, w.staged, w.actual.text, w.verdict])).toEqual([
      ["≥90%", false, "—", "insufficientData"],
      ["≥70%", false, "—", "insufficientData"],
    ]);
  });

  it("is refused as reports.model: another jurisdiction's viewer, a year outside the plan period", async () => {
    const forbidden = await refusal(t.callerAs(otherViewer).reports.workIndicators({ planId, year: 2023 }));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(
      (await refusal(t.callerAs(otherViewer).reports.model({ planId, year: 2023, kind: "annual" }))).code,
    ).toBe("FORBIDDEN");
    const late = await refusal(t.callerAs(viewer).reports.workIndicators({ planId, year: 2026 }));
    const lateModel = await refusal(t.callerAs(viewer).reports.model({ planId, year: 2026, kind: "annual" }));
    expect([late.code, late.data.fields]).toEqual([
      "BAD_REQUEST",
      [{ path: "year", message: "报告年份须在规划期 2021—2025 年内" }],
    ]);
    expect(lateModel.data.fields).toEqual(late.data.fields);
  });
});
