import { describe, expect, it } from "vitest";
import { plausibilityWarnings } from "../../src/cycle/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";

/**
 * A work indicator with staged yearly targets (青阳 专栏2 (1): fund share ≥30% / 50% / 70% in
 * 2022 / 2023 / 2024) grows 20 points a year by the plan itself: that step is expected, so the
 * year-on-year band (10 points for a percentage) is measured around it, not around no change.
 */

const stages = (values: readonly [number, number][]) =>
  values.map(([year, v]) => ({
    effectiveYear: year,
    target: parseTargetCell(`≥${v}%`),
    scope: "year" as const,
  }));
const share = {
  id: "share",
  name: "DRG付费医保基金支出占统筹区内住院医保基金支出比例",
  unit: "%",
  targetRevisions: stages([
    [2022, 30],
    [2023, 50],
    [2024, 70],
  ]),
};
const plain = { id: "plain", name: "基本医疗保险参保率", unit: "%" };

const warn = (current: number, previous: { year: number; value: number }, year = 2023) =>
  plausibilityWarnings([share, plain], {
    year,
    current: new Map([
      ["share", current],
      ["plain", current],
    ]),
    previous: new Map([
      ["share", previous],
      ["plain", previous],
    ]),
  }).map((w) => [w.indicatorId, w.message]);

describe("plausibility of a staged work indicator", () => {
  it("32 → 51 follows the plan's +20 step: no warning for it; the same jump warns on a plain rate", () => {
    expect(warn(51, { year: 2022, value: 32 })).toEqual([
      ["plain", "基本医疗保险参保率：由2022年的32%变为51%，变动19个百分点，超过10个百分点，请核实或说明"],
    ]);
  });

  it("a change far from the planned step warns and names the step", () => {
    expect(warn(95, { year: 2022, value: 32 }).find(([id]) => id === "share")).toEqual([
      "share",
      "DRG付费医保基金支出占统筹区内住院医保基金支出比例：由2022年的32%变为95%，变动63个百分点，与规划分年度目标的变动（20个百分点）相差超过10个百分点，请核实或说明",
    ]);
    // No growth at all is 20 points short of the plan's step.
    expect(warn(32, { year: 2022, value: 32 }).map(([id]) => id)).toEqual(["share"]);
  });

  it("without a stage in one of the two years the plain band applies", () => {
    // 2025 has no stage: 70 → 85 is 15 points, beyond 10.
    expect(warn(85, { year: 2024, value: 70 }, 2025).map(([id]) => id)).toEqual(["share", "plain"]);
  });
});
