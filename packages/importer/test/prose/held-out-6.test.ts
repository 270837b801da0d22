import { describe, expect, it } from "vitest";
import { parseIndicatorProse } from "../../src/index.ts";
import { heldOut6IndicatorCases, heldOut6NonIndicatorTexts } from "./held-out-set-6.ts";
import { score } from "./score.ts";

/**
 * Held-out set 6 (`held-out-set-6.ts`), written after the reader's last change and not tuned on:
 * the measure of the final reader on phrasing no development test has seen. Measured once at
 * commit bcb6419: 43 of 47 rows fully right (91.5 %), no extra indicator, no false positive among
 * its 20 non-indicator texts. Misses, left as written: "…率实现100%" (实现 is no target verb), two
 * later names whose subject the sentence leaves unsaid ("…，累计结余可支付月数…", "…，村级覆盖率…"),
 * and a name line followed by a line "稳定在70%左右" (only a bare figure continues a name line).
 */
describe("prose indicator statements: held-out set 6 (not tuned on)", () => {
  const s = score(heldOut6IndicatorCases);

  it("reads at least 9 in 10 held-out rows fully right (name, comparator, value, unit, baseline, category)", () => {
    expect(s.expected).toBeGreaterThanOrEqual(45);
    expect(s.right / s.expected).toBeGreaterThanOrEqual(0.9);
    expect(s.extra).toBe(0);
  });

  it("turns none of its policy sentences, tasks or statements of the past into an indicator", () => {
    const found = heldOut6NonIndicatorTexts.flatMap(({ text, baselineYear }) =>
      parseIndicatorProse(text, baselineYear === undefined ? {} : { baselineYear }).indicators.map(
        (i) => `${text} → ${i.name}`,
      ),
    );
    expect(heldOut6NonIndicatorTexts).toHaveLength(20);
    expect(found).toEqual([]);
  });
});
