import { describe, expect, it } from "vitest";
import { evaluate, indicator, num, t } from "./fixtures.ts";

describe("band targets (80%左右)", () => {
  const ind = indicator({
    target: t.band(80),
    baseline: t.level(75),
    direction: "band",
    attribute: "expected",
  });

  it("includes both edges of the configured ±1 point band and shows the width", () => {
    for (const v of [79, 80, 81]) expect(evaluate(ind, [num(ind, 2025, v)], 2025).verdict).toBe("achieved");
    for (const v of [78.99, 81.01]) expect(evaluate(ind, [num(ind, 2025, v)], 2025).verdict).toBe("missed");
    const e = evaluate(ind, [num(ind, 2025, 79)], 2025);
    expect(e.inputs).toMatchObject({
      rule: "band",
      bandLow: 79,
      bandHigh: 81,
      bandHalfWidth: 1,
      bandWidthSource: "setting",
    });
    expect(e.explanation).toBe("2025年实际值79%，在预期性目标区间79%—81%（80%左右，±1个百分点）内，已达成。");
  });

  it("says which edge is missed and by how much", () => {
    expect(evaluate(ind, [num(ind, 2025, 82.5)], 2025).explanation).toBe(
      "2025年实际值82.5%，高于预期性目标区间79%—81%（80%左右，±1个百分点）上限1.5个百分点，未达成。",
    );
  });

  it("uses the configured width, and a stated width over the setting", () => {
    expect(evaluate(ind, [num(ind, 2025, 78)], 2025, { bandHalfWidth: 2 }).verdict).toBe("achieved");
    const stated = indicator({ target: t.band(80, 2), baseline: t.level(75), direction: "band" });
    const e = evaluate(stated, [num(stated, 2025, 78)], 2025, { bandHalfWidth: 0.5 });
    expect(e.verdict).toBe("achieved");
    expect(e.inputs.bandWidthSource).toBe("stated");
    expect(e.explanation).toContain("±2个百分点");
  });

  it("reads the width as a share of the centre for non-% units", () => {
    const money = indicator({ target: t.band(33.6, null, "亿元"), unit: "亿元", direction: "band" });
    const e = evaluate(money, [num(money, 2025, 33.9)], 2025);
    expect(e.inputs.bandHalfWidth).toBeCloseTo(0.336, 12);
    expect(e.verdict).toBe("achieved");
    expect(evaluate(money, [num(money, 2025, 34)], 2025).verdict).toBe("missed");
  });

  it("follows the time-elapsed line toward the band before the end year", () => {
    // expected 2023 = 75 + 5 × 0.6 = 78
    const ahead = evaluate(ind, [num(ind, 2023, 78.5)], 2023);
    expect(ahead.verdict).toBe("onTrack");
    expect(ahead.inputs.expected).toBeCloseTo(78, 12);
    expect(ahead.explanation).toBe(
      "按时序进度2023年应达到78%（目标80%左右），实际78.5%，快于预期0.5个百分点，进展顺利。",
    );
    expect(evaluate(ind, [num(ind, 2023, 77)], 2023).verdict).toBe("behind");
    expect(evaluate(ind, [num(ind, 2023, 79.2)], 2023).verdict).toBe("achieved");
  });

  it("a plain band is missed above it as well as below it", () => {
    expect(evaluate(ind, [num(ind, 2025, 83)], 2025).verdict).toBe("missed");
  });

  it("a benefit ratio (direction higher) above its 左右 band beats the target: 重点救助 75.3% vs 70%左右", () => {
    const ratio = indicator({
      name: "重点救助对象符合规定的医疗费用住院救助比例",
      target: t.band(70),
      baseline: t.level(65),
      direction: "higher",
      attribute: "expected",
    });
    const e = evaluate(ratio, [num(ratio, 2023, 75.3)], 2023);
    expect(e.verdict).toBe("achieved");
    expect(e.explanation).toContain(
      "高于预期性目标区间69%—71%（70%左右，±1个百分点）上限4.3个百分点，好于目标",
    );
    // Below the band it is still judged on the line toward the band.
    expect(evaluate(ratio, [num(ratio, 2023, 66)], 2023).verdict).toBe("behind");
    expect(evaluate(ratio, [num(ratio, 2025, 68)], 2025).verdict).toBe("missed");
  });

  it("reads a plain level on a band-direction indicator as a band", () => {
    const lvl = indicator({ target: t.level(70, "%"), direction: "band" });
    const e = evaluate(lvl, [num(lvl, 2025, 70.8)], 2025);
    expect(e.inputs.rule).toBe("band");
    expect(e.verdict).toBe("achieved");
  });
});

describe("保持稳定 (a band around the baseline)", () => {
  const ind = indicator({
    target: t.maintain(),
    baseline: t.level(83.43),
    direction: "band",
    attribute: "expected",
  });

  it("holds within the band around the baseline cell", () => {
    const e = evaluate(ind, [num(ind, 2023, 82.5)], 2023);
    expect(e.verdict).toBe("achieved");
    expect(e.inputs).toMatchObject({ rule: "maintain", targetValue: 83.43, bandHalfWidth: 1 });
    expect(e.explanation).toBe(
      "2023年实际值82.5%，在基期值83.43%±1个百分点的稳定区间（82.43%—84.43%）内，已达成。",
    );
  });

  it("must keep holding: outside the band is behind, and missed in the end year", () => {
    const e = evaluate(ind, [num(ind, 2023, 82.4)], 2023);
    expect(e.verdict).toBe("behind");
    expect(e.explanation).toContain("低于基期值83.43%±1个百分点的稳定区间（82.43%—84.43%）下限0.03个百分点");
    expect(evaluate(ind, [num(ind, 2022, 83), num(ind, 2025, 85)], 2025).verdict).toBe("missed");
  });

  it("takes the baseline from the baseline-year observation when the cell is empty", () => {
    const noCell = indicator({ target: t.maintain(), direction: "band" });
    const e = evaluate(noCell, [num(noCell, 2020, 70), num(noCell, 2024, 70.9)], 2024);
    expect(e.inputs.baselineSource).toBe("observation");
    expect(e.verdict).toBe("achieved");
  });

  it("cannot judge without any baseline", () => {
    const noBase = indicator({ target: t.maintain(), direction: "band" });
    const e = evaluate(noBase, [num(noBase, 2024, 70)], 2024);
    expect(e.verdict).toBe("insufficientData");
    expect(e.problem?.code).toBe("missingBaseline");
  });
});
