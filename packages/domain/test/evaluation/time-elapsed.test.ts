import { describe, expect, it } from "vitest";
import { Evaluation, evaluateIndicator } from "../../src/evaluation/index.ts";
import type { Indicator } from "../../src/indicator/schema.ts";
import { evaluate, indicator, num, series, t } from "./fixtures.ts";

describe("threshold targets (时序进度)", () => {
  it("prints the report sentence for a target exceeded", () => {
    const ind = indicator({ target: t.gte(96), baseline: t.level(95, "%") });
    const e = evaluate(ind, [num(ind, 2023, 96.3)], 2023);
    expect(e.verdict).toBe("achieved");
    expect(e.breach).toBe(false);
    expect(e.explanation).toBe("2023年实际值96.3%，高于约束性目标96%（0.3个百分点），已达成。");
    expect(Evaluation.parse(e)).toEqual(e);
  });

  it("meets ≥ exactly at the threshold but not > (gte vs gt)", () => {
    const gte = indicator({ target: t.gte(95), baseline: t.level(94, "%") });
    const gt = indicator({ target: t.gt(95), baseline: t.level(94, "%") });
    const a = evaluate(gte, [num(gte, 2025, 95)], 2025);
    const b = evaluate(gt, [num(gt, 2025, 95)], 2025);
    expect(a.verdict).toBe("achieved");
    expect(a.explanation).toBe("2025年实际值95%，达到约束性目标95%，已达成。");
    expect(b.verdict).toBe("missed");
    expect(b.explanation).toBe("2025年实际值95%，未超过约束性目标95%，未达成。");
    expect(evaluate(gt, [num(gt, 2025, 95.01)], 2025).verdict).toBe("achieved");
  });

  it("meets ≤ exactly at the threshold but not <", () => {
    const lte = indicator({ target: t.lte(27), baseline: t.level(29, "%"), direction: "lower" });
    const lt = indicator({ target: t.lt(27), baseline: t.level(29, "%"), direction: "lower" });
    expect(evaluate(lte, [num(lte, 2025, 27)], 2025).verdict).toBe("achieved");
    expect(evaluate(lt, [num(lt, 2025, 27)], 2025).verdict).toBe("missed");
    expect(evaluate(lt, [num(lt, 2025, 27)], 2025).explanation).toContain("未低于约束性目标27%");
  });

  it("computes expected(y) = baseline + (target − baseline) × (y − B)/(E − B)", () => {
    // 2023 is 60% of 2020 → 2025: 70 + (75.7 − 70) × 0.6 = 73.42.
    const ind = indicator({ target: t.level(75.7), baseline: t.level(70) });
    const behind = evaluate(ind, [num(ind, 2023, 72.1)], 2023);
    expect(behind.verdict).toBe("behind");
    expect(behind.breach).toBe(true);
    expect(behind.inputs.elapsedShare).toBeCloseTo(0.6, 12);
    expect(behind.inputs.expected).toBeCloseTo(73.42, 10);
    expect(behind.inputs.baselineValue).toBe(70);
    expect(behind.inputs.targetOp).toBe("gte");
    expect(behind.explanation).toBe("按时序进度2023年应达到73.4%，实际72.1%，落后1.3个百分点，进度滞后。");

    const ahead = evaluate(ind, [num(ind, 2023, 74)], 2023);
    expect(ahead.verdict).toBe("onTrack");
    expect(ahead.explanation).toBe("按时序进度2023年应达到73.4%，实际74%，快于预期0.6个百分点，进展顺利。");

    const onLine = evaluate(ind, [num(ind, 2023, 73.42)], 2023);
    expect(onLine.verdict).toBe("onTrack");
    expect(onLine.explanation).toContain("符合时序进度");
  });

  it("uses the plan period given (a plan with baseline 2015 → 2020)", () => {
    const ind = indicator({ target: t.level(80), baseline: t.level(70) });
    const e = evaluateWithPeriod(ind, 2018, 76);
    expect(e.inputs.elapsedShare).toBeCloseTo(0.6, 12);
    expect(e.inputs.expected).toBeCloseTo(76, 10);
    expect(e.verdict).toBe("onTrack");
  });

  it("counts a small lag as 基本符合预期 within the configured tolerance", () => {
    const ind = indicator({ target: t.level(75.7), baseline: t.level(70) });
    const obs = [num(ind, 2023, 73.2)];
    expect(evaluate(ind, obs, 2023).verdict).toBe("behind");
    const tolerant = evaluate(ind, obs, 2023, { nearLineTolerance: 0.3 });
    expect(tolerant.verdict).toBe("onTrack");
    expect(tolerant.explanation).toContain("基本符合预期");
    expect(tolerant.inputs.tolerance).toBe(0.3);
  });

  it("judges lower-is-better indicators toward a lower target (个人卫生支出 ≤ 27%)", () => {
    const ind = indicator({
      name: "个人卫生支出占卫生总费用的比例",
      target: t.level(27),
      baseline: t.level(29),
      direction: "lower",
    });
    // expected 2023 = 29 − 2 × 0.6 = 27.8
    const good = evaluate(ind, [num(ind, 2023, 27.5)], 2023);
    expect(good.verdict).toBe("onTrack");
    expect(good.inputs.targetOp).toBe("lte");
    expect(good.explanation).toBe("按时序进度2023年应达到27.8%，实际27.5%，快于预期0.3个百分点，进展顺利。");
    const bad = evaluate(ind, [num(ind, 2023, 28)], 2023);
    expect(bad.verdict).toBe("behind");
    expect(bad.explanation).toContain("落后0.2个百分点");
    const met = evaluate(ind, [num(ind, 2023, 26.9)], 2023);
    expect(met.verdict).toBe("achieved");
    expect(met.explanation).toBe("2023年实际值26.9%，低于约束性目标27%（0.1个百分点），已达成。");
  });

  it("lets a level's verb hint (降至) override a band direction", () => {
    const ind = indicator({ target: t.level(27, "%", "lower"), baseline: t.level(29), direction: "band" });
    expect(evaluate(ind, [num(ind, 2025, 26)], 2025).verdict).toBe("achieved");
    expect(evaluate(ind, [num(ind, 2025, 28)], 2025).verdict).toBe("missed");
  });

  it("ends in 已达成 / 未达成 in the end year, whatever the line", () => {
    const ind = indicator({ target: t.gte(96), baseline: t.level(90) });
    expect(evaluate(ind, [num(ind, 2025, 95.9)], 2025).verdict).toBe("missed");
    expect(evaluate(ind, [num(ind, 2025, 95.9)], 2025).breach).toBe(true);
    expect(evaluate(ind, [num(ind, 2025, 96)], 2025).verdict).toBe("achieved");
  });

  it("flags only 约束性 misses as breaches", () => {
    const binding = indicator({ target: t.gte(96), baseline: t.level(90), attribute: "binding" });
    const expected = indicator({ target: t.gte(96), baseline: t.level(90), attribute: "expected" });
    const b = evaluate(binding, [num(binding, 2025, 95)], 2025);
    const x = evaluate(expected, [num(expected, 2025, 95)], 2025);
    expect([b.verdict, b.breach, b.attribute]).toEqual(["missed", true, "binding"]);
    expect([x.verdict, x.breach, x.attribute]).toEqual(["missed", false, "expected"]);
    expect(x.explanation).toContain("预期性目标");
  });

  it("judges against the target only without a baseline (南阳), and says so", () => {
    const ind = indicator({ target: t.gte(97) });
    const e = evaluate(ind, [num(ind, 2023, 96.5)], 2023);
    expect(e.verdict).toBe("needsJudgement");
    expect(e.inputs.baselineValue).toBeNull();
    expect(e.inputs.expected).toBeNull();
    expect(e.explanation).toBe(
      "规划未设基期值，无法按时序进度测算，对照期末目标研判：2023年实际值96.5%，低于约束性目标97%（0.5个百分点），待研判。",
    );
    expect(evaluate(ind, [num(ind, 2025, 96.5)], 2025).verdict).toBe("missed");
    expect(evaluate(ind, [num(ind, 2023, 97.2)], 2023).verdict).toBe("achieved");
  });

  it("takes the baseline from the baseline-year observation when the cell is —", () => {
    const ind = indicator({ target: t.level(80) });
    const e = evaluate(ind, [num(ind, 2020, 70), num(ind, 2023, 76)], 2023);
    expect(e.inputs.baselineSource).toBe("observation");
    expect(e.inputs.expected).toBeCloseTo(76, 10);
    expect(e.verdict).toBe("onTrack");
  });

  it("reads a threshold baseline (95%以上) as 95 and notes it", () => {
    const ind = indicator({ target: t.gte(98), baseline: t.gte(95) });
    const e = evaluate(ind, [num(ind, 2023, 96)], 2023);
    expect(e.inputs.baselineValue).toBe(95);
    expect(e.inputs.baselineSource).toBe("cellThreshold");
    expect(e.inputs.notes).toContain("基期值为区间表述，按95%计");
    // 95 + 3 × 0.6 = 96.8
    expect(e.explanation).toBe(
      "按时序进度（基期值为区间表述，按95%计）2023年应达到96.8%，实际96%，落后0.8个百分点，进度滞后。",
    );
  });

  it("is behind when a baseline that met the target no longer holds", () => {
    const ind = indicator({ target: t.gte(70), baseline: t.level(72) });
    const e = evaluate(ind, [num(ind, 2022, 69)], 2022);
    expect(e.verdict).toBe("behind");
    expect(e.explanation).toContain("基期已达到目标但未能保持");
  });

  it("is behind on a flat line when a strict threshold equals the baseline (>95, baseline 95)", () => {
    const ind = indicator({ target: t.gt(95), baseline: t.gt(95) });
    expect(evaluate(ind, [num(ind, 2022, 95)], 2022).verdict).toBe("behind");
    expect(evaluate(ind, [num(ind, 2022, 95.4)], 2022).verdict).toBe("achieved");
  });

  it("gives 数据不足 for a missing actual, years outside the period, duplicate years", () => {
    const ind = indicator({ target: t.gte(96), baseline: t.level(95) });
    const missing = evaluate(ind, [num(ind, 2022, 96)], 2023);
    expect(missing.verdict).toBe("insufficientData");
    expect(missing.problem?.code).toBe("missingActual");
    expect(missing.explanation).toBe("缺少2023年实际值，数据不足。");
    expect(evaluate(ind, [num(ind, 2020, 96)], 2020).problem?.code).toBe("yearOutsidePeriod");
    expect(evaluate(ind, [num(ind, 2026, 96)], 2026).problem?.code).toBe("yearOutsidePeriod");
    const dup = evaluate(ind, [num(ind, 2022, 96), num(ind, 2022, 97), num(ind, 2023, 97)], 2023);
    expect(dup.verdict).toBe("insufficientData");
    expect(dup.problem).toEqual({
      code: "duplicateYears",
      message: "2022年存在多条实际值，无法确定采用哪一条，数据不足。",
      years: [2022],
    });
    expect(dup.breach).toBe(false);
  });

  it("ignores other indicators' observations", () => {
    const ind = indicator({ target: t.gte(96), baseline: t.level(95) });
    const other = indicator({ target: t.gte(96) });
    expect(evaluate(ind, [num(other, 2023, 99)], 2023).problem?.code).toBe("missingActual");
  });

  it("gives 数据不足 (never throws) for invalid settings", () => {
    const ind = indicator({ target: t.gte(96), baseline: t.level(95) });
    const e = evaluate(ind, series(ind, { 2023: 97 }), 2023, { bandHalfWidth: -1 });
    expect(e.verdict).toBe("insufficientData");
    expect(e.problem?.code).toBe("invalidInput");
  });
});

function evaluateWithPeriod(ind: Indicator, year: number, actual: number) {
  return evaluateIndicator({
    indicator: ind,
    observations: [num(ind, year, actual)],
    year,
    period: { baselineYear: 2015, periodEnd: 2020 },
  });
}
