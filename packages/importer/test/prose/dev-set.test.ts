import { describe, expect, it } from "vitest";
import { parseIndicatorProse } from "../../src/index.ts";
import { devIndicatorCases, devNonIndicatorTexts } from "./dev-set.ts";
import { score } from "./score.ts";

describe("prose indicator statements: development set", () => {
  it("reads every row of the development set fully right (name, comparator, value, unit, baseline, category)", () => {
    const s = score(devIndicatorCases);
    expect(s.expected).toBeGreaterThanOrEqual(40);
    expect(s.misses).toEqual([]);
    expect(s.right).toBe(s.expected);
    expect(s.extra).toBe(0);
  });

  it.each(devNonIndicatorTexts)("states no indicator: $text", ({ text, baselineYear }) => {
    const { indicators } = parseIndicatorProse(text, baselineYear === undefined ? {} : { baselineYear });
    expect(indicators.map((i) => i.name)).toEqual([]);
  });
});
