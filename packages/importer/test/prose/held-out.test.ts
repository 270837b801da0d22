import { describe, expect, it } from "vitest";
import { parseIndicatorProse } from "../../src/index.ts";
import { heldOutIndicatorCases, heldOutNonIndicatorTexts } from "./held-out-set.ts";
import { score } from "./score.ts";

/**
 * The held-out set (`held-out-set.ts`) was written after the reader was finished and is not tuned
 * on; these assertions measure the reader on phrasing no development test has seen.
 */
describe("prose indicator statements: held-out set (not tuned on)", () => {
  const s = score(heldOutIndicatorCases);

  it("reads at least 9 in 10 held-out rows fully right (name, comparator, value, unit, baseline, category)", () => {
    expect(s.expected).toBeGreaterThanOrEqual(50);
    expect(s.right / s.expected).toBeGreaterThanOrEqual(0.9);
  });

  it("turns no held-out policy sentence, task or statement of the past into an indicator", () => {
    const found = heldOutNonIndicatorTexts.flatMap(({ text, baselineYear }) =>
      parseIndicatorProse(text, baselineYear === undefined ? {} : { baselineYear }).indicators.map(
        (i) => `${text} → ${i.name}`,
      ),
    );
    expect(found).toEqual([]);
    expect(s.extra).toBe(0);
  });
});
