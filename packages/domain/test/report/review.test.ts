import { describe, expect, it } from "vitest";
import { progressRatio, reviewGrade, timeElapsedExpected } from "../../src/report/index.ts";

const g = (
  verdict: Parameters<typeof reviewGrade>[0]["verdict"],
  actual: number | null,
  holdTarget = false,
) => reviewGrade({ verdict, holdTarget, baseline: 90, expected: 93, actual });

describe("review grades", () => {
  it("time-elapsed expected value", () => {
    expect(timeElapsedExpected(90, 95, 2020, 2025, 2023)).toBeCloseTo(93, 9);
    expect(timeElapsedExpected(90, 95, 2020, 2025, 2030)).toBe(95);
    expect(timeElapsedExpected(null, 95, 2020, 2025, 2023)).toBeNull();
    expect(progressRatio(90, 93, 94.5)).toBeCloseTo(1.5, 9);
    expect(progressRatio(90, 90, 94.5)).toBeNull();
  });

  it("met targets are 提前实现, held bands 基本符合预期", () => {
    expect(g("achieved", 96)).toBe("aheadMet");
    expect(g("achieved", 96, true)).toBe("onPace");
  });

  it("on-track progress is 快于预期 beyond the tolerance, else 基本符合预期", () => {
    expect(g("onTrack", 93.3)).toBe("faster"); // ratio 1.1
    expect(g("onTrack", 93.1)).toBe("onPace"); // ratio ≈ 1.03
    expect(g("onTrack", null)).toBe("onPace");
  });

  it("behind is 滞后 unless it is within the tolerance of the line, never faster", () => {
    expect(g("behind", 92.9)).toBe("onPace"); // ratio ≈ 0.967
    expect(g("behind", 92.5)).toBe("lagging"); // ratio ≈ 0.83
    expect(g("behind", 99)).toBe("onPace");
    expect(g("missed", 99)).toBe("lagging");
  });

  it("ungradable verdicts keep their own words", () => {
    expect(g("needsJudgement", 93)).toBe("needsJudgement");
    expect(g("insufficientData", null)).toBe("insufficientData");
  });

  it("tolerance is a setting", () => {
    expect(
      reviewGrade({
        verdict: "onTrack",
        holdTarget: false,
        baseline: 90,
        expected: 93,
        actual: 93.1,
        tolerance: 0.01,
      }),
    ).toBe("faster");
  });
});
