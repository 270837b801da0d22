import { describe, expect, it } from "vitest";
import { trajectorySeries } from "../src/features/overview/trajectory.ts";

describe("indicator chart series", () => {
  it("draws the time-elapsed line from baseline to target across the period", () => {
    const s = trajectorySeries({
      baselineYear: 2020,
      periodEnd: 2025,
      baseline: 95,
      target: 97,
      actual: [
        { year: 2021, value: 95.3 },
        { year: 2023, value: 96.4 },
      ],
    });
    expect(s.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(s.timeElapsed).toEqual([95, 95.4, 95.8, 96.2, 96.6, 97]);
    expect(s.actual).toEqual([95, 95.3, null, 96.4, null, null]);
    expect(s.target).toEqual([97, 97, 97, 97, 97, 97]);
  });

  it("has no time-elapsed line without a numeric baseline", () => {
    const s = trajectorySeries({
      baselineYear: 2020,
      periodEnd: 2025,
      baseline: null,
      target: 500,
      actual: [],
    });
    expect(s.timeElapsed.every((v) => v === null)).toBe(true);
  });
});
