import { describe, expect, it } from "vitest";
import {
  bindingWithoutData,
  Evaluation,
  evaluatePlan,
  sortForReport,
  verdictMatrix,
  worstVerdict,
} from "../../src/evaluation/index.ts";
import type { TargetExpression } from "../../src/target/expression.ts";
import { evaluate, indicator, num, series, t, text } from "./fixtures.ts";

// 藥品達到90%、高值醫用耗材達到80%
const compound: TargetExpression = {
  kind: "compound",
  parts: [
    { subject: "药品", target: t.level(90, "%", "higher") },
    { subject: "高值医用耗材", target: t.level(80, "%", "higher") },
  ],
};

describe("compound targets", () => {
  const ind = indicator({ name: "集中带量采购金额占比", target: compound, attribute: "binding" });

  it("judges each subject by its own observations and takes the worst part", () => {
    const obs = [num(ind, 2025, 92, "药品"), num(ind, 2025, 70, "高值医用耗材")];
    const e = evaluate(ind, obs, 2025);
    expect(e.parts.map((p) => [p.subject, p.verdict])).toEqual([
      ["药品", "achieved"],
      ["高值医用耗材", "missed"],
    ]);
    expect(e.verdict).toBe("missed");
    expect(e.breach).toBe(true);
    expect(e.parts[1]!.breach).toBe(true);
    expect(e.parts[0]!.explanation).toBe(
      "药品：缺少基期值，仅对照目标判断：2025年实际值92%，高于约束性目标90%（2个百分点），已达成。",
    );
    expect(e.explanation).toBe("分项评估：药品已达成、高值医用耗材未达成，按最差分项计为未达成。");
    expect(Evaluation.parse(e)).toEqual(e);
  });

  it("mid-period, a part without a baseline that has not reached its target awaits judgement", () => {
    const obs = [num(ind, 2023, 92, "药品"), num(ind, 2023, 70, "高值医用耗材")];
    const e = evaluate(ind, obs, 2023);
    expect(e.parts.map((p) => [p.subject, p.verdict])).toEqual([
      ["药品", "achieved"],
      ["高值医用耗材", "needsJudgement"],
    ]);
    expect(e.breach).toBe(false);
    expect(e.parts[1]!.explanation).toContain("规划未设基期值，无法按时序进度测算");
  });

  it("matches a compound baseline to the parts by subject", () => {
    const baseline: TargetExpression = {
      kind: "compound",
      parts: [
        { subject: "药品", target: t.level(80, "%") },
        { subject: "高值医用耗材", target: t.level(60, "%") },
      ],
    };
    const withBase = indicator({ target: compound, baseline });
    const e = evaluate(
      withBase,
      [num(withBase, 2023, 87, "药品"), num(withBase, 2023, 73, "高值医用耗材")],
      2023,
    );
    // 药品: 80 + 10 × 0.6 = 86 → on track; 耗材: 60 + 20 × 0.6 = 72 → on track.
    expect(e.parts[0]!.inputs.expected).toBeCloseTo(86, 10);
    expect(e.parts[1]!.inputs.expected).toBeCloseTo(72, 10);
    expect(e.verdict).toBe("onTrack");
  });

  it("is 数据不足 when a subject has no value and nothing is worse", () => {
    const e = evaluate(ind, [num(ind, 2023, 95, "药品")], 2023);
    expect(e.verdict).toBe("insufficientData");
    expect(e.parts[1]!.explanation).toBe("高值医用耗材：缺少2023年实际值，数据不足。");
  });

  it("orders the worst verdict: missed < behind < 数据不足 < 需人工研判 < on track < achieved", () => {
    expect(worstVerdict(["achieved", "needsJudgement", "insufficientData"])).toBe("insufficientData");
    expect(worstVerdict(["onTrack", "needsJudgement"])).toBe("needsJudgement");
    expect(worstVerdict(["behind", "missed", "achieved"])).toBe("missed");
  });
});

describe("plan-wide evaluation", () => {
  const a = indicator({ target: t.gte(96), baseline: t.level(95), attribute: "expected" });
  const b = indicator({ target: t.gte(96), baseline: t.level(95), attribute: "binding" });
  const c = indicator({ target: t.qualitative("保持合理水平"), attribute: "expected" });
  const d = indicator({ target: t.gte(90), baseline: t.level(80), attribute: "expected" });
  const e = indicator({ target: t.gte(97), baseline: t.level(90), attribute: "binding" });
  const obs = [
    ...series(a, { 2022: 94, 2023: 94 }),
    ...series(b, { 2022: 95.5, 2023: 94 }),
    text(c, 2023, "进展顺利"),
    ...series(d, { 2023: 91 }),
    ...series(e, { 2023: 95 }),
  ];

  it("evaluates every indicator, counts verdicts and breaches", () => {
    const r = evaluatePlan([a, b, c, d, e], obs, 2023);
    expect(r.evaluations.map((x) => x.verdict)).toEqual([
      "behind",
      "behind",
      "onTrack",
      "achieved",
      "onTrack",
    ]);
    expect(r.counts).toEqual({
      achieved: 1,
      onTrack: 2,
      behind: 2,
      missed: 0,
      needsJudgement: 0,
      insufficientData: 0,
    });
    expect(r.breaches).toBe(1);
    expect(r.bindingWithoutData).toBe(0);
  });

  it("counts binding indicators without data apart: no breach, but not met either", () => {
    const r = evaluatePlan([a, b, e], obs, 2021);
    expect(r.breaches).toBe(0);
    expect(r.bindingWithoutData).toBe(2);
    expect(bindingWithoutData(r.evaluations).map((x) => x.indicatorId)).toEqual([b.id, e.id]);
  });

  it("sorts breaches first, then worst verdicts, keeping table order on ties", () => {
    const r = evaluatePlan([a, b, c, d, e], obs, 2023);
    expect(sortForReport(r.evaluations).map((x) => x.indicatorId)).toEqual([b.id, a.id, c.id, e.id, d.id]);
  });

  it("builds the indicator × year matrix", () => {
    const m = verdictMatrix([a, b], obs, [2021, 2022, 2023]);
    expect(m.years).toEqual([2021, 2022, 2023]);
    expect(m.rows.map((r) => r.evaluations.map((x) => x.verdict))).toEqual([
      ["insufficientData", "behind", "behind"],
      ["insufficientData", "onTrack", "behind"],
    ]);
    expect(m.rows[1]!.evaluations.map((x) => x.year)).toEqual([2021, 2022, 2023]);
  });

  it("turns invalid settings into 数据不足 verdicts rather than an exception", () => {
    const r = evaluatePlan([a], obs, 2023, { method: "nope" as "escap" });
    expect(r.evaluations[0]!.problem?.code).toBe("invalidInput");
  });
});
