import { describe, expect, it } from "vitest";
import { decimalsOf, formatNumber, formatRate, gapWithUnit, yearSpan } from "../../src/evaluation/format.ts";

describe("number formatting for verdict sentences", () => {
  it("rounds half away from zero and drops trailing zeros", () => {
    const cases: [number, number, string][] = [
      [73.44, 1, "73.4"],
      [73.45, 1, "73.5"],
      [0.05, 1, "0.1"],
      [-0.04, 1, "0"],
      [-1.25, 2, "-1.25"],
      [100, 2, "100"],
      [0.001, 4, "0.001"],
      [0.0105, 2, "0.01"],
      [12.3456, 4, "12.3456"],
      [96.30000001, 2, "96.3"],
      [1.2, 0, "1"],
      [5.06, 2, "5.06"],
      [2.5, 9, "2.5"],
    ];
    for (const [n, d, text] of cases) expect(formatNumber(n, d), `${n} to ${d}`).toBe(text);
  });

  it("knows how many decimals a stated value has", () => {
    expect([96, 96.3, 83.43, 0.001, 1 / 3].map(decimalsOf)).toEqual([0, 1, 2, 3, 4]);
  });

  it("prints gaps, rates and year spans", () => {
    expect(gapWithUnit("1.3", "%")).toBe("1.3个百分点");
    expect(gapWithUnit("50", "个")).toBe("50个");
    expect(formatRate(0.0232641)).toBe("2.33%");
    expect(yearSpan([2021, 2022, 2023])).toBe("2021—2023年");
    expect(yearSpan([2023])).toBe("2023年");
  });
});
