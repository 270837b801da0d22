import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { importPlanText, parseIndicatorProse } from "../src/index.ts";

const row = (i: {
  category: string;
  name: string;
  unit: string | null;
  baseline: { text: string };
  target: { text: string; expression: { kind: string } };
}) => [i.category, i.name, i.unit, i.baseline.text, i.target.text, i.target.expression.kind];

describe("indicators written as prose", () => {
  it("reads clauses separated by ；, with category headings on their own lines", () => {
    const { indicators, warnings } = parseIndicatorProse(
      [
        "参保覆盖",
        "基本医疗保险参保率稳定在95%以上；职工基本医疗保险参保人数稳定在86万人左右。",
        "",
        "（二）待遇保障",
        "个人卫生支出占卫生总费用的比例降至27%以下。",
      ].join("\n"),
      { firstLine: 10 },
    );
    expect(indicators.map(row)).toEqual([
      ["参保覆盖", "基本医疗保险参保率", "%", "", "稳定在95%以上", "threshold"],
      ["参保覆盖", "职工基本医疗保险参保人数", "万人", "", "稳定在86万人左右", "band"],
      ["待遇保障", "个人卫生支出占卫生总费用的比例", "%", "", "降至27%以下", "threshold"],
    ]);
    expect(indicators.map((i) => i.line)).toEqual([11, 11, 14]);
    expect(indicators.every((i) => i.confidence === "prose")).toBe(true);
    expect(indicators[2]?.direction).toBe("lower");
    expect(warnings).toEqual([]);
  });

  it('"从63%提高到70%": the start becomes the baseline', () => {
    const { indicators } = parseIndicatorProse(
      "到2025年，职工医保政策范围内住院费用基金支付比例从63%提高到70%。",
    );
    expect(indicators.map(row)).toEqual([
      ["", "职工医保政策范围内住院费用基金支付比例", "%", "63%", "从63%提高到70%", "level"],
    ]);
    expect(indicators[0]?.direction).toBe("higher");
    expect(indicators[0]?.baseline.expression).toMatchObject({
      kind: "level",
      quantity: { value: 63, unit: "%" },
    });
  });

  it('"A和B分别达到80%和100%": two indicators, the second sharing the first one\'s subject', () => {
    const { indicators } = parseIndicatorProse(
      "优质服务：医疗保障政务服务事项线上可办率和窗口可办率分别达到80%和100%。",
    );
    expect(indicators.map(row)).toEqual([
      ["优质服务", "医疗保障政务服务事项线上可办率", "%", "", "达到80%", "level"],
      ["优质服务", "医疗保障政务服务事项窗口可办率", "%", "", "达到100%", "level"],
    ]);
  });

  it("comparison signs, 保持稳定, full-width digits and traditional characters", () => {
    const { indicators } = parseIndicatorProse(
      "基本醫療保險參保率≥９７％；城乡居民医保政策范围内住院费用基金支付比例保持稳定。",
    );
    expect(indicators.map((i) => [i.name, i.target.expression.kind, i.unit])).toEqual([
      ["基本医疗保险参保率", "threshold", "%"],
      ["城乡居民医保政策范围内住院费用基金支付比例", "maintain", null],
    ]);
  });

  it("reports a clause that looks like an indicator but has no readable target; ignores plain narrative", () => {
    const { indicators, warnings } = parseIndicatorProse(
      "全市医保基金运行总体平稳。住院费用跨省直接结算率明显提高12个百分点左右还要更多。",
    );
    expect(indicators).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["unclearProse"]);
    expect(warnings[0]?.line).toBe(1);
  });

  it("a document without a table: prose from its goals section, flagged, with a warning", () => {
    const text = [
      "某市医疗保障“十四五”规划解读",
      "",
      "一、总体情况",
      "",
      "2020年全市基本医疗保险参保率达到96%。",
      "",
      "二、主要目标",
      "",
      "参保覆盖",
      "基本医疗保险参保率稳定在97%以上。",
      "待遇保障",
      "职工医保政策范围内住院费用基金支付比例从80%提高到82%。",
      "",
      "三、重点任务",
      "",
      "（一）完善制度。坚持覆盖全民。",
    ].join("\n");
    const r = importPlanText(text, { fileName: "解读.txt" });
    if (Result.isFailure(r)) throw new Error(r.failure.message);
    const doc = r.success;
    // the 2020 figure in the background section is not a target
    expect(doc.indicators.map((i) => [i.category, i.name, i.target.text, i.line, i.confidence])).toEqual([
      ["参保覆盖", "基本医疗保险参保率", "稳定在97%以上", 10, "prose"],
      ["待遇保障", "职工医保政策范围内住院费用基金支付比例", "从80%提高到82%", 12, "prose"],
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(["noIndicatorTable"]);
    expect(doc.tasks.map((t) => t.title)).toEqual(["总体情况", "主要目标", "重点任务", "完善制度"]);
  });
});
