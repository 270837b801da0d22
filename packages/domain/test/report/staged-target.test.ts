import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/evaluation/index.ts";
import { buildPlanReport } from "../../src/report/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import { cell, huangshi, indicator, obs, plan } from "./fixtures.ts";

/** 青阳 专栏2 (1)'s fund share, confirmed as a work indicator with its 2022–2024 stages. */
const share = {
  ...indicator({
    id: "drg",
    position: 1,
    category: "工作指标",
    name: "DRG付费医保基金支出占统筹区内住院医保基金支出比例",
    unit: "%",
    attribute: "expected",
    baseline: cell("27.4", {
      kind: "level",
      quantity: { value: 27.4, unit: "%" },
      from: null,
      directionHint: null,
    }),
    target: cell("≥70%", {
      kind: "threshold",
      op: "gte",
      quantity: { value: 70, unit: "%" },
      sustain: false,
    }),
  }),
  targetRevisions: [2022, 2023, 2024].map((y, i) => ({
    effectiveYear: y,
    target: parseTargetCell(`≥${[30, 50, 70][i]}%`),
    scope: "year" as const,
  })),
};

function report(year: number, value: number) {
  const period = { baselineYear: 2020, periodEnd: 2025 };
  return buildPlanReport({
    plan,
    jurisdiction: huangshi,
    indicators: [share],
    observations: [obs("drg", year, value)],
    tasks: [],
    projects: [],
    year,
    kind: "annual",
    evaluate: (indicator, o, y) => evaluateIndicator({ indicator, observations: o, year: y, period }),
  });
}

describe("a staged yearly target in the annual report", () => {
  it("2023 is printed against its own stage (≥50%) and says so; the verdict is the engine's", () => {
    const row = report(2023, 51).indicators[0]!;
    expect(row.verdict).toBe("onTrack");
    expect(row.sentence).toContain("按规划确定的2023年分年度目标判断");
    expect(row.sentence).toContain("50%");
    expect(row.sentence).not.toContain("70%");
  });

  it("2024 below its own ≥70% is behind", () => {
    const row = report(2024, 69).indicators[0]!;
    expect(row.verdict).toBe("behind");
    expect(row.sentence).toContain("按规划确定的2024年分年度目标判断");
  });
});
