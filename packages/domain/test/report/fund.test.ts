import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/evaluation/index.ts";
import { buildPlanReport } from "../../src/report/index.ts";
import { cell, huangshi, indicator, obs, plan } from "./fixtures.ts";

const fund = (id: string, position: number, name: string, statement: string) =>
  indicator({
    id,
    position,
    category: "基金安全",
    name,
    unit: "亿元",
    attribute: "expected",
    baseline: cell("—", { kind: "notApplicable" }),
    target: cell(statement, { kind: "qualitative", statement }),
  });

describe("fund indicators with qualitative targets", () => {
  it("give the growth rate and the months of spending the balance covers, and leave the verdict to a person", () => {
    const indicators = [
      fund("in", 1, "基本医疗保险基金收入", "收入规模与经济发展水平相适应"),
      fund("out", 2, "基本医疗保险基金支出", "支出规模与群众医疗需求相适应"),
      fund("bal", 3, "基本医疗保险基金累计结余", "保持合理水平"),
    ];
    const observations = [
      obs("in", 2022, 38.2),
      obs("in", 2023, 40.3),
      obs("out", 2022, 37.6),
      obs("out", 2023, 40.5),
      obs("bal", 2022, 46.6),
      obs("bal", 2023, 48.8),
    ];
    const period = { baselineYear: 2020, periodEnd: 2025 };
    const report = buildPlanReport({
      plan,
      jurisdiction: huangshi,
      indicators,
      observations,
      tasks: [],
      projects: [],
      year: 2023,
      kind: "annual",
      evaluate: (indicator, obs, year) => evaluateIndicator({ indicator, observations: obs, year, period }),
    });
    const sentence = (id: string) => report.indicators.find((r) => r.id === id)!.sentence;
    // (40.3 − 38.2) / 38.2 = 5.5%; 48.8 / 40.5 × 12 = 14.5 months.
    expect(sentence("in")).toBe("基本医疗保险基金收入2023年为40.3亿元，较上年增长5.5%，待研判。");
    expect(sentence("out")).toBe("基本医疗保险基金支出2023年为40.5亿元，较上年增长7.7%，待研判。");
    expect(sentence("bal")).toBe(
      "基本医疗保险基金累计结余2023年为48.8亿元，较上年增长4.7%，可支付14.5个月，待研判。",
    );
    // No internal wording in an outgoing document.
    for (const r of report.indicators) expect(r.reason).not.toMatch(/需人工研判|缺少基期值|已有人工记录/);
  });
});
