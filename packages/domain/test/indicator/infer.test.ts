import { describe, expect, it } from "vitest";
import { assessmentRuleFromFootnote, inferDirection } from "../../src/indicator/index.ts";
import type { SimpleTarget, TargetExpression } from "../../src/target/expression.ts";

const level = (value: number, directionHint: "higher" | "lower" | null = null): SimpleTarget => ({
  kind: "level",
  quantity: { value, unit: "%" },
  from: null,
  directionHint,
});
const threshold = (op: "gt" | "gte" | "lt" | "lte", value: number): SimpleTarget => ({
  kind: "threshold",
  op,
  quantity: { value, unit: "%" },
  sustain: false,
});

describe("inferDirection", () => {
  it("knows lower-is-better names, simplified and traditional", () => {
    expect(inferDirection("个人卫生支出占卫生总费用的比例", level(27))).toBe("lower");
    expect(inferDirection("個人衛生支出占衛生總費用的比例", level(27))).toBe("lower");
    expect(inferDirection("参保人员个人负担比例", level(20))).toBe("lower");
    expect(inferDirection("住院患者自付比例", level(20))).toBe("lower");
  });

  it("does not read every 费用 as lower-is-better", () => {
    expect(inferDirection("职工医保政策范围内住院费用报销比例", level(76))).toBe("higher");
    expect(inferDirection("实行DIP付费的住院费用占全部住院费用的比例", level(75))).toBe("higher");
    expect(inferDirection("住院费用跨省直接结算率", level(80))).toBe("higher");
  });

  it("lets the target's words decide first", () => {
    expect(inferDirection("个人卫生支出占卫生总费用的比例", threshold("gte", 27))).toBe("higher");
    expect(inferDirection("基本医疗保险参保率", threshold("lte", 27))).toBe("lower");
    expect(inferDirection("基本医疗保险参保率", threshold("gt", 95))).toBe("higher");
    expect(inferDirection("某比例", level(27, "lower"))).toBe("lower");
    // A benefit ratio under a 左右 target: above the band is better (met), below it is not.
    expect(
      inferDirection("住院费用报销比例", {
        kind: "band",
        quantity: { value: 80, unit: "%" },
        halfWidth: null,
        sustain: true,
      }),
    ).toBe("higher");
    expect(
      inferDirection("DRG付费占住院费用的比例", {
        kind: "band",
        quantity: { value: 70, unit: "%" },
        halfWidth: null,
        sustain: false,
      }),
    ).toBe("band");
    expect(inferDirection("住院费用基金支付比例", { kind: "maintain", halfWidth: null })).toBe("band");
    expect(
      inferDirection("某比例", {
        kind: "level",
        quantity: { value: 27, unit: "%" },
        from: { value: 30, unit: "%" },
        directionHint: null,
      }),
    ).toBe("lower");
  });

  it("reads compound targets by their parts and defaults to higher", () => {
    const compound: TargetExpression = {
      kind: "compound",
      parts: [
        { subject: "药品", target: level(90, "higher") },
        { subject: "高值医用耗材", target: level(80, "higher") },
      ],
    };
    expect(inferDirection("集中采购金额占比", compound)).toBe("higher");
    expect(inferDirection("基金累计结余", { kind: "qualitative", statement: "保持合理水平" })).toBe("higher");
  });
});

describe("assessmentRuleFromFootnote", () => {
  it("reads the sample plans' footnotes", () => {
    expect(assessmentRuleFromFootnote("①指“十四五”期间基本医疗保险年均参保率保持在96%以上。")).toBe(
      "periodAverage",
    );
    expect(assessmentRuleFromFootnote("①指“十四五”期间基本医疗保险参保率每年保持在95%以上。")).toBe(
      "eachYear",
    );
    expect(assessmentRuleFromFootnote("②指到2025年落实国家和省药品集中带量采购品种达500个以上。")).toBe(
      "endOfPeriod",
    );
    expect(assessmentRuleFromFootnote("④指住院费用跨省直接结算人次占全部住院跨省异地就医人次的比例。")).toBe(
      "endOfPeriod",
    );
  });

  it("reads 累计 and defaults to endOfPeriod", () => {
    expect(assessmentRuleFromFootnote("指“十四五”期间累计完成500个品种")).toBe("cumulative");
    expect(assessmentRuleFromFootnote("指“十四五”期間累計完成")).toBe("cumulative");
    expect(assessmentRuleFromFootnote(null)).toBe("endOfPeriod");
    expect(assessmentRuleFromFootnote("")).toBe("endOfPeriod");
  });
});
