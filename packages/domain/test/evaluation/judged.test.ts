import { describe, expect, it } from "vitest";
import { parseJudgement } from "../../src/evaluation/index.ts";
import type { TargetExpression } from "../../src/target/expression.ts";
import { evaluate, indicator, num, t, text } from "./fixtures.ts";

describe("qualitative targets (需人工研判)", () => {
  const ind = indicator({
    name: "基本医疗保险基金累计结余",
    unit: "亿元",
    target: t.qualitative("保持合理水平"),
    baseline: t.level(41.6, "亿元"),
    attribute: "expected",
  });

  it("needs a person's judgement when none is recorded", () => {
    const e = evaluate(ind, [num(ind, 2023, 45)], 2023);
    expect(e.verdict).toBe("needsJudgement");
    expect(e.inputs.rule).toBe("judgement");
    expect(e.explanation).toBe("目标为定性表述（保持合理水平），需人工研判。");
  });

  it("takes the year's text observation as the judgement, with who and why", () => {
    const e = evaluate(ind, [text(ind, 2023, "进展顺利：累计结余可支付6个月", "张三")], 2023);
    expect(e.verdict).toBe("onTrack");
    expect(e.inputs).toMatchObject({ judgedBy: "张三", actualText: "进展顺利：累计结余可支付6个月" });
    expect(e.explanation).toBe("2023年经人工研判（张三）为进展顺利，理由：累计结余可支付6个月。");
    // Another year's judgement does not carry over.
    expect(evaluate(ind, [text(ind, 2022, "进展顺利")], 2023).verdict).toBe("needsJudgement");
  });

  it("keeps 需人工研判 for a text without a conclusion", () => {
    const e = evaluate(ind, [text(ind, 2023, "结余较上年增加")], 2023);
    expect(e.verdict).toBe("needsJudgement");
    expect(e.explanation).toBe("2023年已有人工记录但未写明结论（结余较上年增加），需人工研判。");
  });

  it("flags a binding qualitative indicator judged behind as a breach", () => {
    const binding = indicator({ target: t.qualitative("保持合理水平"), attribute: "binding" });
    const e = evaluate(binding, [text(binding, 2024, "进度滞后：结余不足3个月")], 2024);
    expect([e.verdict, e.breach]).toEqual(["behind", true]);
  });

  it("reads the conclusions of the convention", () => {
    expect(parseJudgement("已达成：已实现省级统筹")).toEqual({
      verdict: "achieved",
      reason: "已实现省级统筹",
    });
    expect(parseJudgement("基本符合预期，收支平衡。")).toEqual({ verdict: "onTrack", reason: "收支平衡" });
    expect(parseJudgement("未完成")).toEqual({ verdict: "missed", reason: "" });
    expect(parseJudgement("滞后: 原因待查")).toEqual({ verdict: "behind", reason: "原因待查" });
    expect(parseJudgement("情况良好").verdict).toBeNull();
  });
});

describe("milestones", () => {
  const ind = indicator({
    target: t.milestone("巩固市级统筹", "适时推进省级统筹"),
    attribute: "expected",
    unit: null,
  });

  it("needs judgement until a person records one", () => {
    expect(evaluate(ind, [], 2022).explanation).toBe(
      "目标为里程碑事项（巩固市级统筹→适时推进省级统筹），需人工研判。",
    );
  });

  it("stays achieved after the year it was reached", () => {
    const obs = [text(ind, 2022, "已达成：已实现省级统筹", "李四")];
    expect(evaluate(ind, obs, 2021).verdict).toBe("needsJudgement");
    expect(evaluate(ind, obs, 2022).verdict).toBe("achieved");
    const later = evaluate(ind, obs, 2024);
    expect(later.verdict).toBe("achieved");
    expect(later.explanation).toBe("2022年经人工研判（李四）已达成，里程碑实现后持续有效，已达成。");
  });

  it("uses the year's judgement when it says otherwise", () => {
    expect(evaluate(ind, [text(ind, 2023, "进展顺利：方案已报批")], 2023).verdict).toBe("onTrack");
  });
});

describe("targets that cannot be judged", () => {
  it("gives 数据不足 with the reason for — and unreadable targets", () => {
    const na = indicator({ target: t.none() });
    const e = evaluate(na, [num(na, 2023, 1)], 2023);
    expect(e.verdict).toBe("insufficientData");
    expect(e.problem?.code).toBe("noTarget");
    const bad: TargetExpression = { kind: "unrecognised", reason: "无法识别的比较词" };
    const u = evaluate(indicator({ target: bad }), [], 2023);
    expect(u.problem?.code).toBe("unreadableTarget");
    expect(u.explanation).toBe("目标表述无法识别（无法识别的比较词），数据不足。");
  });
});
