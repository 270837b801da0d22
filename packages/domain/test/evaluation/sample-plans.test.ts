import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/evaluation/index.ts";
import {
  assessmentRuleFromFootnote,
  Indicator,
  type IndicatorAttribute,
  inferDirection,
} from "../../src/indicator/index.ts";
import type { Observation } from "../../src/observation/schema.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import { num, series, text } from "./fixtures.ts";

/**
 * Rows of the five sample plans (packages/samples/plans), cell texts exactly as printed, read the
 * way the importer reads them: parsed cells, direction and rule inferred, then judged.
 */
function row(opts: {
  name: string;
  unit: string | null;
  baseline: string;
  target: string;
  attribute: IndicatorAttribute;
  footnote?: string;
}): Indicator {
  const baseline = parseTargetCell(opts.baseline);
  const target = parseTargetCell(opts.target);
  return Indicator.parse({
    id: `${opts.name}-${opts.target}`,
    planId: "sample",
    position: 1,
    category: "",
    name: opts.name,
    unit: opts.unit,
    baseline,
    target,
    attribute: opts.attribute,
    direction: inferDirection(opts.name, target.expression),
    definition: null,
    footnote: opts.footnote ?? null,
    assessment: assessmentRuleFromFootnote(opts.footnote ?? null),
    parentIndicatorId: null,
  });
}

const judge = (ind: Indicator, observations: Observation[], year: number) =>
  evaluateIndicator({ indicator: ind, observations, year });

describe("the sample plans' indicators, judged", () => {
  it("黄石 基本医疗保险参保率 95%以上 → 96%以上^① (年均): the yearly average decides", () => {
    const ind = row({
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: "95%以上",
      target: "96%以上 ^①",
      attribute: "binding",
      footnote: "①指“十四五”期间基本医疗保险年均参保率保持在96%以上。",
    });
    expect(ind.assessment).toBe("periodAverage");
    const obs = series(ind, { 2021: 95.8, 2022: 96.5, 2023: 96.1 });
    expect(judge(ind, obs, 2021)).toMatchObject({ verdict: "behind", breach: true });
    const e = judge(ind, obs, 2023);
    expect(e.verdict).toBe("achieved");
    expect(e.explanation).toBe("2021—2023年年均值96.13%，高于约束性目标96%（0.13个百分点），已达成。");
  });

  it("青阳 基本医疗保险参保率 >95 → >95① (每年): one year below is a breach", () => {
    const ind = row({
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: ">95",
      target: ">95 <sup>①</sup>",
      attribute: "binding",
      footnote: "①指“十四五”期间基本医疗保险参保率每年保持在95%以上。",
    });
    expect(ind.assessment).toBe("eachYear");
    const obs = series(ind, { 2021: 99.9, 2022: 94.9, 2023: 99.2 });
    expect(judge(ind, obs, 2021).verdict).toBe("achieved");
    expect(judge(ind, obs, 2023)).toMatchObject({ verdict: "missed", breach: true });
  });

  it("青阳 个人卫生支出占卫生总费用的比例 - → 27 (约束性, lower is better, no baseline)", () => {
    const ind = row({
      name: "个人卫生支出占卫生总费用的比例",
      unit: "%",
      baseline: "-",
      target: "27",
      attribute: "binding",
    });
    expect(ind.direction).toBe("lower");
    const e = judge(ind, [num(ind, 2023, 27.5)], 2023);
    // No baseline, no time-elapsed line: mid-period it awaits judgement; in 2025 it is decided.
    expect(e).toMatchObject({ verdict: "needsJudgement", breach: false });
    expect(e.explanation).toBe(
      "规划未设基期值，无法按时序进度测算，对照期末目标研判：2023年实际值27.5%，高于约束性目标27%（0.5个百分点），待研判。",
    );
    expect(judge(ind, [num(ind, 2025, 27.5)], 2025)).toMatchObject({ verdict: "missed", breach: true });
    expect(judge(ind, [num(ind, 2025, 26.8)], 2025).verdict).toBe("achieved");
  });

  it("青阳 职工医保住院费用基金支付比例 83.43 → 保持稳定", () => {
    const ind = row({
      name: "职工基本医疗保险政策范围内住院费用基金支付比例",
      unit: "%",
      baseline: "83.43",
      target: "保持稳定",
      attribute: "expected",
    });
    expect(ind.direction).toBe("band");
    expect(judge(ind, [num(ind, 2023, 83)], 2023).verdict).toBe("achieved");
    expect(judge(ind, [num(ind, 2025, 81.9)], 2025).verdict).toBe("missed");
  });

  it("黄石 省级平台采购药品金额占比 75%左右 → 90: a band baseline read as its centre", () => {
    const ind = row({
      name: "公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品（不含中药饮片）金额的比例",
      unit: "%",
      baseline: "75%左右",
      target: "90",
      attribute: "expected",
    });
    const e = judge(ind, [num(ind, 2023, 85)], 2023);
    expect(e.verdict).toBe("onTrack");
    expect(e.explanation).toBe(
      "按时序进度（基期值为约数，按75%计）2023年应达到84%，实际85%，快于预期1个百分点，进展顺利。",
    );
  });

  it("湖南 藥品500個品種以上,高值醫用耗材5類以上 against 藥品112個品種、高值醫用耗材1類 (parts matched)", () => {
    const ind = row({
      name: "藥品、高值醫用耗材集中帶量采購種類",
      unit: null,
      baseline: "藥品112個品種、高值醫用耗材1類",
      target: "藥品500個品種以上,高值醫用耗材5類以上",
      attribute: "expected",
    });
    const e = judge(ind, [num(ind, 2023, 400, "药品"), num(ind, 2023, 3, "高值医用耗材")], 2023);
    // 药品: 112 + 388 × 0.6 = 344.8 → on track; 耗材: 1 + 4 × 0.6 = 3.4 → behind.
    expect(e.parts.map((p) => [p.subject, p.verdict, p.inputs.baselineValue])).toEqual([
      ["药品", "onTrack", 112],
      ["高值医用耗材", "behind", 1],
    ]);
    expect(e.parts[0]!.explanation).toBe(
      "药品：按时序进度2023年应达到344.8个，实际400个，快于预期55.2个，进展顺利。",
    );
    expect(e.verdict).toBe("behind");
    expect(e.breach).toBe(false);
  });

  it("南阳 ≥97% without a baseline column, and 保持在合理水平 awaiting a judgement", () => {
    const coverage = row({
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: "—",
      target: "≥97%",
      attribute: "binding",
    });
    expect(judge(coverage, [num(coverage, 2022, 97.3)], 2022).verdict).toBe("achieved");
    const balance = row({
      name: "基本医疗保险基金累计结余",
      unit: "亿元",
      baseline: "—",
      target: "保持在合理水平",
      attribute: "expected",
    });
    expect(judge(balance, [], 2023).explanation).toBe("目标为定性表述（保持在合理水平），需人工研判。");
    expect(judge(balance, [text(balance, 2023, "已达成：结余可支付7个月", "王五")], 2023).verdict).toBe(
      "achieved",
    );
  });
});
