import { describe, expect, it } from "vitest";
import { evaluate, indicator, series, t } from "./fixtures.ts";

describe("青阳 ①: 95% must hold in every year (eachYear)", () => {
  // 基本医疗保险参保率(%)  >95  >95①  约束性; ①指"十四五"期间基本医疗保险参保率每年保持在95%以上。
  const ind = indicator({
    target: t.gt(95),
    baseline: t.gt(95),
    attribute: "binding",
    assessment: "eachYear",
  });

  it("is achieved while every year so far holds", () => {
    const e = evaluate(ind, series(ind, { 2021: 96, 2022: 95.5, 2023: 97 }), 2023);
    expect(e.verdict).toBe("achieved");
    expect(e.inputs.yearsUsed).toEqual([2021, 2022, 2023]);
    expect(e.explanation).toBe("2021—2023年各年实际值均高于95%，已达成。");
  });

  it("is missed — a breach — once any year falls below, even if later years recover", () => {
    const obs = series(ind, { 2021: 96, 2022: 94.8, 2023: 97 });
    expect(evaluate(ind, obs, 2021).verdict).toBe("achieved");
    const e = evaluate(ind, obs, 2023);
    expect(e.verdict).toBe("missed");
    expect(e.breach).toBe(true);
    expect(e.explanation).toBe(
      "按每年达到的要求，2022年实际值94.8%，低于约束性目标95%（0.2个百分点），未达成。",
    );
  });

  it("treats exactly 95 as failing the strict >95", () => {
    expect(evaluate(ind, series(ind, { 2021: 95 }), 2021).verdict).toBe("missed");
  });

  it("notes missing years and still needs the year judged", () => {
    const e = evaluate(ind, series(ind, { 2021: 96, 2023: 97 }), 2023);
    expect(e.verdict).toBe("achieved");
    expect(e.explanation).toBe("2021、2023年各年实际值均高于95%（缺少2022年数据），已达成。");
    expect(evaluate(ind, series(ind, { 2021: 96 }), 2022).problem?.code).toBe("missingActual");
  });
});

describe("黄石 ①: the yearly average must hold 96% (periodAverage)", () => {
  // 基本医疗保险参保率（%）  95%以上  96%以上^①  约束性; ①指"十四五"期间基本医疗保险年均参保率保持在96%以上。
  const ind = indicator({ target: t.gte(96), baseline: t.gte(95), assessment: "periodAverage" });

  it("judges the average of the years so far, not the year alone", () => {
    const obs = series(ind, { 2021: 95.5, 2022: 96.8, 2023: 96.0, 2024: 95.2, 2025: 96.1 });
    const y2021 = evaluate(ind, obs, 2021);
    expect(y2021.verdict).toBe("behind");
    expect(y2021.breach).toBe(true);
    expect(y2021.explanation).toBe("2021年实际值95.5%，低于约束性目标96%（0.5个百分点），进度滞后。");

    const y2023 = evaluate(ind, obs, 2023);
    expect(y2023.inputs.actual).toBeCloseTo(96.1, 10);
    expect(y2023.verdict).toBe("achieved");
    expect(y2023.explanation).toBe("2021—2023年年均值96.1%，高于约束性目标96%（0.1个百分点），已达成。");

    // 2024 alone (95.2) is below 96 but the average (95.875) is what counts: behind, not missed.
    const y2024 = evaluate(ind, obs, 2024);
    expect(y2024.inputs.actual).toBeCloseTo(95.875, 10);
    expect(y2024.verdict).toBe("behind");

    // 2025: average 95.92 < 96 → missed at the end of the period.
    const y2025 = evaluate(ind, obs, 2025);
    expect(y2025.inputs.actual).toBeCloseTo(95.92, 10);
    expect(y2025.verdict).toBe("missed");
  });

  it("achieves the period when the average holds although single years dip", () => {
    const obs = series(ind, { 2021: 95.8, 2022: 96.4, 2023: 96.2, 2024: 95.9, 2025: 96.0 });
    const e = evaluate(ind, obs, 2025);
    expect(e.inputs.actual).toBeCloseTo(96.06, 10);
    expect(e.verdict).toBe("achieved");
    expect(e.inputs.yearsUsed).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe("累计 (cumulative)", () => {
  it("compares the running total with the target pro rata", () => {
    const ind = indicator({
      target: t.gte(500, "个"),
      unit: "个",
      assessment: "cumulative",
      attribute: "expected",
    });
    const obs = series(ind, { 2021: 100, 2022: 50, 2023: 150, 2024: 100, 2025: 120 });
    // 2022: 150 vs 500 × 0.4 = 200 → behind; 2023: 300 vs 300 → on track; 2025: 520 ≥ 500.
    const y2022 = evaluate(ind, obs, 2022);
    expect(y2022.verdict).toBe("behind");
    expect(y2022.inputs).toMatchObject({ actual: 150, expected: 200 });
    expect(y2022.explanation).toBe("2021—2022年累计150个，按时序进度应累计达到200个，落后50个，进度滞后。");
    expect(evaluate(ind, obs, 2023).verdict).toBe("onTrack");
    expect(evaluate(ind, obs, 2025).verdict).toBe("achieved");
    expect(
      evaluate(ind, series(ind, { 2021: 100, 2022: 100, 2023: 100, 2024: 100, 2025: 99 }), 2025).verdict,
    ).toBe("missed");
  });

  it("treats a lower-is-better total as a cap that cannot be undone", () => {
    const ind = indicator({
      target: t.lte(100, "亿元"),
      unit: "亿元",
      direction: "lower",
      assessment: "cumulative",
    });
    expect(evaluate(ind, series(ind, { 2021: 15, 2022: 20 }), 2022).verdict).toBe("onTrack");
    expect(evaluate(ind, series(ind, { 2021: 30, 2022: 20 }), 2022).verdict).toBe("behind");
    expect(evaluate(ind, series(ind, { 2021: 60, 2022: 45 }), 2022).verdict).toBe("missed");
    expect(
      evaluate(ind, series(ind, { 2021: 20, 2022: 20, 2023: 20, 2024: 20, 2025: 20 }), 2025).verdict,
    ).toBe("achieved");
  });
});
