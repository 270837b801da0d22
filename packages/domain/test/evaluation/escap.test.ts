import { describe, expect, it } from "vitest";
import { Evaluation, escapPresets, growthRate } from "../../src/evaluation/index.ts";
import { evaluate, indicator, num, series, t, text } from "./fixtures.ts";

const ESCAP = { method: "escap" } as const;
const OPEN_SDG = { method: "escap", escapPreset: "Open SDG" } as const;

describe("ESCAP growth-rate ratio", () => {
  // Baseline 70 (2020), target 80 (2025).
  const ind = indicator({ target: t.level(80), baseline: t.level(70), attribute: "expected" });

  it("computes CRa, CRr and their ratio (worked numbers)", () => {
    // CRa = (75/70)^(1/3) − 1 = 0.0232641…, CRr = (80/70)^(1/5) − 1 = 0.0270661…, ratio 0.85953.
    const e = evaluate(ind, [num(ind, 2023, 75)], 2023, ESCAP);
    expect(e.method).toBe("escap");
    expect(e.preset).toBe("ESCAP");
    expect(e.inputs.cra).toBeCloseTo(0.0232641081, 9);
    expect(e.inputs.crr).toBeCloseTo(0.0270660871, 9);
    expect(e.inputs.ratio).toBeCloseTo(0.8595297878, 9);
    expect(e.inputs.baseYearUsed).toBe(2020);
    expect(e.inputs.escapClass).toBe("moderate");
    expect(e.verdict).toBe("behind");
    expect(e.explanation).toBe(
      "按增速比值法（ESCAP）测算，2020—2023年实际年均增速2.33%，所需年均增速2.71%，比值0.86，进展尚可但需加快，进度滞后。",
    );
  });

  it("classes by preset: ratio 0.555 is moderate under ESCAP (≥0.5) but limited under Open SDG (<0.6)", () => {
    const obs = [num(ind, 2023, 73.2)];
    const escap = evaluate(ind, obs, 2023, ESCAP);
    const sdg = evaluate(ind, obs, 2023, OPEN_SDG);
    expect(escap.inputs.ratio).toBeCloseTo(0.5546283388, 9);
    expect(escap.inputs.escapClass).toBe("moderate");
    expect(sdg.inputs.escapClass).toBe("limited");
    expect(sdg.preset).toBe("Open SDG");
    expect(sdg.explanation).toContain("增速比值法（Open SDG）");
    expect(sdg.explanation).toContain("有限进展");
  });

  it("is on track at ratio ≥ 0.95 and deteriorating below 0", () => {
    // CRa needed for ratio 0.95: 70 × (1 + 0.95 × CRr)^3.
    const crr = growthRate(80, 70, 2025, 2020);
    const onLine = 70 * (1 + 0.95 * crr) ** 3;
    expect(evaluate(ind, [num(ind, 2023, onLine + 1e-6)], 2023, ESCAP).verdict).toBe("onTrack");
    expect(evaluate(ind, [num(ind, 2023, onLine - 1e-3)], 2023, ESCAP).verdict).toBe("behind");
    const worse = evaluate(ind, [num(ind, 2023, 69)], 2023, ESCAP);
    expect(worse.inputs.escapClass).toBe("deterioration");
    expect(worse.explanation).toContain("出现倒退");
  });

  it("honours overridden thresholds while naming the preset", () => {
    const e = evaluate(ind, [num(ind, 2023, 75)], 2023, {
      ...ESCAP,
      escapThresholds: { high: 0.8, medium: 0.5, low: 0 },
    });
    expect(e.inputs.escapClass).toBe("substantial");
    expect(e.verdict).toBe("onTrack");
    expect(e.preset).toBe("ESCAP");
  });

  it("is achieved when the target is met, whatever the ratio", () => {
    const e = evaluate(ind, [num(ind, 2022, 80)], 2022, ESCAP);
    expect(e.verdict).toBe("achieved");
  });

  it("keeps the ratio positive for lower-is-better indicators moving the right way", () => {
    const lower = indicator({ target: t.level(27), baseline: t.level(29), direction: "lower" });
    const e = evaluate(lower, [num(lower, 2023, 28)], 2023, ESCAP);
    expect(e.inputs.cra).toBeLessThan(0);
    expect(e.inputs.crr).toBeLessThan(0);
    expect(e.inputs.ratio).toBeCloseTo(0.8195094115, 9);
    expect(e.verdict).toBe("behind");
    expect(e.breach).toBe(true);
    expect(evaluate(lower, [num(lower, 2023, 30)], 2023, ESCAP).inputs.escapClass).toBe("deterioration");
  });

  it("moves the base to the next year with a value when the base-year value is missing", () => {
    const noBase = indicator({ target: t.level(80) });
    const e = evaluate(noBase, series(noBase, { 2021: 60, 2023: 66 }), 2023, ESCAP);
    expect(e.inputs.baseYearUsed).toBe(2021);
    expect(e.inputs.cra).toBeCloseTo((66 / 60) ** (1 / 2) - 1, 12);
    expect(e.inputs.crr).toBeCloseTo((80 / 60) ** (1 / 4) - 1, 12);
    expect(e.explanation).toContain("2021—2023年");
  });

  it("is not available with fewer than two years of data", () => {
    const noBase = indicator({ target: t.level(80) });
    const e = evaluate(noBase, [num(noBase, 2023, 66)], 2023, ESCAP);
    expect(e.verdict).toBe("insufficientData");
    expect(e.problem?.code).toBe("growthNotAvailable");
    expect(e.inputs.escapClass).toBe("notAvailable");
  });

  it("takes a 0 base or target as 0.001", () => {
    const zero = indicator({ target: t.level(50), baseline: t.level(0) });
    const e = evaluate(zero, [num(zero, 2023, 10)], 2023, ESCAP);
    expect(e.inputs.cra).toBeCloseTo((10 / 0.001) ** (1 / 3) - 1, 6);
    const toZero = indicator({ target: t.level(0), baseline: t.level(10), direction: "lower" });
    expect(evaluate(toZero, [num(toZero, 2023, 5)], 2023, ESCAP).inputs.crr).toBeCloseTo(
      (0.001 / 10) ** (1 / 5) - 1,
      9,
    );
  });

  it("is not available when base and current values have opposite signs", () => {
    const ind2 = indicator({ target: t.level(5, null), baseline: t.level(2, null), unit: null });
    const e = evaluate(ind2, [num(ind2, 2023, -1)], 2023, ESCAP);
    expect(e.verdict).toBe("insufficientData");
    expect(e.explanation).toContain("基期值与当年值符号相反");
  });

  it("never reports an infinite growth rate (extreme magnitudes are not measurable)", () => {
    const tiny = indicator({ target: t.level(10), baseline: t.level(1e-310) });
    const e = evaluate(tiny, [num(tiny, 2021, 5)], 2021, ESCAP);
    expect(e.verdict).toBe("insufficientData");
    expect(e.explanation).toContain("增速超出可计算范围");
    expect(Evaluation.safeParse(e).success).toBe(true);
  });

  it("reports duplicate years as an error value", () => {
    const e = evaluate(ind, [num(ind, 2022, 74), num(ind, 2022, 75), num(ind, 2023, 75)], 2023, ESCAP);
    expect(e.problem?.code).toBe("duplicateYears");
    expect(e.problem?.years).toEqual([2022]);
  });

  it("decides the end year by the target, not the ratio", () => {
    expect(evaluate(ind, [num(ind, 2025, 79.9)], 2025, ESCAP).verdict).toBe("missed");
  });

  it("falls back to the band rule for bands (ESCAP has no meaning for 左右 / 保持稳定)", () => {
    const band = indicator({ target: t.band(80), baseline: t.level(75), direction: "band" });
    const e = evaluate(band, [num(band, 2023, 79.5)], 2023, ESCAP);
    expect(e.verdict).toBe("achieved");
    expect(e.inputs.notes).toContain("增速比值法不适用于区间目标，按区间规则判断");
    expect(e.preset).toBe("ESCAP");
  });

  it("Open SDG grades the growth rate itself when there is no numeric target (informing 需人工研判)", () => {
    const income = indicator({
      name: "基本医疗保险基金收入",
      unit: "亿元",
      target: t.qualitative("收入规模与经济规模更加适应"),
      baseline: t.level(2.72, "亿元"),
      attribute: "expected",
    });
    // (3.2/2.72)^(1/3) − 1 = 5.57% a year ≥ 1.5% → substantial.
    const e = evaluate(income, [num(income, 2023, 3.2)], 2023, OPEN_SDG);
    expect(e.verdict).toBe("needsJudgement");
    expect(e.inputs.cra).toBeCloseTo(0.055667192, 8);
    expect(e.inputs.escapClass).toBe("substantial");
    expect(e.explanation).toBe(
      "目标为定性表述（收入规模与经济规模更加适应），需人工研判（按Open SDG无目标增速分级，2020—2023年年均增速5.57%，属显著进展）。",
    );
    // 0.3% a year: ≥ 0 but < 0.5% → limited.
    const slow = evaluate(income, [num(income, 2023, 2.72 * 1.003 ** 3)], 2023, OPEN_SDG);
    expect(slow.inputs.escapClass).toBe("limited");
    // ESCAP has no such grading.
    expect(evaluate(income, [num(income, 2023, 3.2)], 2023, ESCAP).inputs.escapClass).toBeNull();
    expect(escapPresets.ESCAP.growth).toBeNull();
    // A person's judgement still decides.
    const judged = evaluate(
      income,
      [num(income, 2023, 3.2), text(income, 2023, "进展顺利：与GDP增速相当")],
      2023,
      OPEN_SDG,
    );
    expect(judged.verdict).toBe("onTrack");
  });
});
