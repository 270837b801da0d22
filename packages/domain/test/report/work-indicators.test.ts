import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/evaluation/index.ts";
import { isWorkIndicator, mainIndicators } from "../../src/indicator/index.ts";
import { buildPlanReport } from "../../src/report/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import type { Project, ProjectItem } from "../../src/task/index.ts";
import { cell, huangshi, indicator, obs, plan } from "./fixtures.ts";

/**
 * Work indicators (工作指标) of 专栏 items are not among the plan's 主要指标: a plan with 16 main
 * indicators says 规划确定的16项主要指标 with or without them, its tables and charts list the 16,
 * and the work indicators get their own lines, judged by the engine against the year's own stage.
 */

const period = { baselineYear: 2020, periodEnd: 2025 };
const main = Array.from({ length: 16 }, (_, i) =>
  indicator({ id: `m${i + 1}`, position: i + 1, name: `主要指标${i + 1}` }),
);

const box: Project & { items: ProjectItem[] } = {
  id: "box2",
  planId: "p1",
  number: "专栏2",
  title: "医保支付方式改革",
  position: 2,
  items: [
    {
      id: "item1",
      planId: "p1",
      projectId: "box2",
      number: "1",
      title: "医保基金总额预算管理",
      text: "",
      position: 1,
      status: "inProgress",
      leadDepartment: null,
      deadline: null,
      progress: [],
    },
  ],
};

/** 青阳 专栏2 (1): DRG 付费病种覆盖率 ≥70 / 80 / 90 % in 2022 / 2023 / 2024, under item 1. */
const coverage = {
  ...indicator({
    id: "w1",
    position: 17,
    category: "工作指标",
    name: "DRG付费医疗机构病种覆盖率",
    attribute: "expected",
    baseline: { text: "", expression: { kind: "notApplicable" }, footnoteMarks: [] },
    target: cell("≥90%", {
      kind: "threshold",
      op: "gte",
      quantity: { value: 90, unit: "%" },
      sustain: false,
    }),
    projectItemId: "item1",
  }),
  targetRevisions: [2022, 2023, 2024].map((y, i) => ({
    effectiveYear: y,
    target: parseTargetCell(`≥${[70, 80, 90][i]}%`),
    scope: "year" as const,
  })),
};

function report(indicators: readonly (typeof coverage | (typeof main)[number])[], workValue: number | null) {
  const observations = [
    ...main.flatMap((m) => [obs(m.id, 2020, 95), obs(m.id, 2023, 96.5)]),
    ...(workValue === null ? [] : [obs("w1", 2023, workValue)]),
  ];
  return buildPlanReport({
    plan,
    jurisdiction: huangshi,
    indicators,
    observations,
    tasks: [],
    projects: [box],
    year: 2023,
    kind: "annual",
    evaluate: (indicator, o, y) => evaluateIndicator({ indicator, observations: o, year: y, period }),
  });
}

describe("work indicators are not 主要指标", () => {
  it("isWorkIndicator / mainIndicators read the owner columns", () => {
    expect(isWorkIndicator(coverage)).toBe(true);
    expect(isWorkIndicator(main[0]!)).toBe(false);
    expect(isWorkIndicator({ taskId: null, projectItemId: null })).toBe(false);
    expect(isWorkIndicator({ taskId: "t1" })).toBe(true);
    expect(mainIndicators([...main, coverage]).map((i) => i.id)).toEqual(main.map((m) => m.id));
  });

  it("a plan of 16 main indicators says 16 with a confirmed work indicator, in counts, 表1 and charts", () => {
    const without = report(main, null);
    const withWork = report([...main, coverage], 81);
    for (const r of [without, withWork]) {
      expect(r.counts.total).toBe(16);
      expect(r.indicators.map((i) => i.id).sort()).toEqual(main.map((m) => m.id).sort());
      expect(r.narrative.overview.join("")).toContain("规划确定的16项主要指标");
      expect(r.charts.every((c) => c.indicatorId.startsWith("m"))).toBe(true);
    }
    expect(withWork.counts).toEqual(without.counts);
    expect(withWork.reviewCounts).toEqual(without.reviewCounts);
    expect(without.workIndicators).toEqual([]);
  });

  it("the work indicator's line: owner, the year's stage as target, actual and the engine's verdict", () => {
    const r = report([...main, coverage], 81);
    const engine = evaluateIndicator({
      indicator: coverage,
      observations: [obs("w1", 2023, 81)],
      year: 2023,
      period,
    });
    expect(engine.verdict).toBe("onTrack");
    expect(r.workIndicators).toHaveLength(1);
    const w = r.workIndicators[0]!;
    expect([w.owner, w.name, w.target, w.staged, w.actual.text, w.verdict, w.verdictLabel]).toEqual([
      "专栏2（1）医保基金总额预算管理",
      "DRG付费医疗机构病种覆盖率",
      "≥80%（2023年分年度目标）",
      true,
      "81%",
      engine.verdict,
      "进展顺利",
    ]);
    expect(w.reason).toContain("按规划确定的2023年分年度目标判断");
  });

  it("below the year's stage (78 < 80) it is behind", () => {
    const w = report([...main, coverage], 78).workIndicators[0]!;
    expect(w.verdict).toBe("behind");
    expect(w.target).toBe("≥80%（2023年分年度目标）");
  });

  it("without a value it is 数据不足, and a year without a stage prints the plan's end target", () => {
    expect(report([...main, coverage], null).workIndicators[0]!.verdict).toBe("insufficientData");
    const late = buildPlanReport({
      plan,
      jurisdiction: huangshi,
      indicators: [...main, coverage],
      observations: [obs("w1", 2025, 91)],
      tasks: [],
      projects: [box],
      year: 2025,
      kind: "annual",
      evaluate: (indicator, o, y) => evaluateIndicator({ indicator, observations: o, year: y, period }),
    }).workIndicators[0]!;
    expect([late.target, late.staged, late.verdict]).toEqual(["≥90%", false, "achieved"]);
  });
});
