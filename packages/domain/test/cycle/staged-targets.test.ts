import { describe, expect, it } from "vitest";
import { describeRevisions, ownYearTarget, targetInForce } from "../../src/cycle/index.ts";
import { evaluateIndicator } from "../../src/evaluation/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import { indicator, series, t } from "../evaluation/fixtures.ts";

/**
 * 青阳 专栏2 item 1: DRG 付费医保基金支出占统筹区内住院医保基金支出 "达到70%，每年进度应分别不低于
 * 30%、50%、70%" for 2022 / 2023 / 2024 — staged yearly targets kept as target entries of scope
 * `year` beside the plan's own target.
 */
const stages = [
  { effectiveYear: 2022, target: parseTargetCell("≥30%"), scope: "year" as const },
  { effectiveYear: 2023, target: parseTargetCell("≥50%"), scope: "year" as const },
  { effectiveYear: 2024, target: parseTargetCell("≥70%"), scope: "year" as const },
];

function fundShare(baseline: number | null) {
  return {
    ...indicator({
      name: "DRG付费医保基金支出占统筹区内住院医保基金支出比例",
      target: t.gte(70),
      baseline: baseline === null ? t.none() : t.level(baseline, "%"),
      attribute: "expected",
    }),
    targetRevisions: stages,
  };
}

describe("staged yearly targets in force", () => {
  it("a year's own target is in force in that year only; other years keep the original or a revision", () => {
    const original = parseTargetCell("≥70%");
    const revision = { effectiveYear: 2023, target: parseTargetCell("≥75%") };
    const all = [...stages, revision];
    expect(targetInForce(original, all, 2021).text).toBe("≥70%");
    expect(targetInForce(original, all, 2022).text).toBe("≥30%");
    // the staged 2023 target wins over a revision effective the same year
    expect(targetInForce(original, all, 2023).text).toBe("≥50%");
    expect(targetInForce(original, all, 2024).text).toBe("≥70%");
    // 2025 has no stage: the 2023 revision is in force (a stage never applies after its year)
    expect(targetInForce(original, all, 2025).text).toBe("≥75%");
    expect(ownYearTarget(all, 2023)?.target.text).toBe("≥50%");
    expect(ownYearTarget(all, 2025)).toBeNull();
  });

  it("evaluation in 2023 uses the 2023 staged target, not the time line to 2025 nor 2022's stage", () => {
    // baseline 27.4 → on the time line 2023 should reach 27.4 + (70 − 27.4) × 3/5 = 52.96
    const plain = { ...fundShare(27.4), targetRevisions: undefined };
    const staged = fundShare(27.4);
    const obs = series(staged, { 2022: 32, 2023: 51, 2024: 69, 2025: 71 });
    const obsPlain = obs.map((o) => ({ ...o, indicatorId: plain.id }));

    const onLine = evaluateIndicator({ indicator: plain, observations: obsPlain, year: 2023 });
    expect(onLine.verdict).toBe("behind");
    expect(onLine.inputs.expected).toBeCloseTo(52.96, 6);

    const e2023 = evaluateIndicator({ indicator: staged, observations: obs, year: 2023 });
    expect(e2023.verdict).toBe("onTrack");
    expect(e2023.inputs.targetValue).toBe(50);
    expect(e2023.inputs.expected).toBeNull();
    expect(e2023.inputs.notes).toContain("按2023年分年度目标判断");
    expect(e2023.explanation).toBe(
      "2023年分年度目标为不低于50%，实际值51%，高于预期性目标50%（1个百分点），达到当年进度要求，进展顺利。",
    );

    // 69 is below 2024's own 70: behind that year, though above 2023's 50
    const e2024 = evaluateIndicator({ indicator: staged, observations: obs, year: 2024 });
    expect(e2024.verdict).toBe("behind");
    expect(e2024.inputs.targetValue).toBe(70);
    expect(e2024.explanation).toContain("未达到当年进度要求，进度滞后");

    // 2025 has no stage of its own: the plan's target at the end of the period
    const e2025 = evaluateIndicator({ indicator: staged, observations: obs, year: 2025 });
    expect(e2025.verdict).toBe("achieved");
    expect(e2025.inputs.notes).not.toContain("按2025年分年度目标判断");
  });

  it("without a baseline a stage still judges its year (no 待研判 for want of a time line)", () => {
    const staged = fundShare(null);
    const obs = series(staged, { 2023: 45 });
    const plain = { ...staged, targetRevisions: undefined };
    expect(evaluateIndicator({ indicator: plain, observations: obs, year: 2023 }).verdict).toBe(
      "needsJudgement",
    );
    const e = evaluateIndicator({ indicator: staged, observations: obs, year: 2023 });
    expect(e.verdict).toBe("behind");
    expect(e.explanation).toContain("低于预期性目标50%（5个百分点）");
  });

  it("a stage in the period's last year is the final word: 未达成 when missed", () => {
    const ind = {
      ...indicator({ name: "示范点", unit: "个", target: t.gte(101, "个"), attribute: "expected" }),
      targetRevisions: [{ effectiveYear: 2025, target: parseTargetCell("≥101个"), scope: "year" as const }],
    };
    const e = evaluateIndicator({ indicator: ind, observations: series(ind, { 2025: 90 }), year: 2025 });
    expect(e.verdict).toBe("missed");
  });

  it("reports phrase stages as the plan's own yearly targets, revisions as adjustments", () => {
    const withBasis = stages.map((s) => ({ ...s, basis: "规划原文" }));
    expect(describeRevisions("≥70%", withBasis)).toBe("分年度目标：2022年≥30%、2023年≥50%、2024年≥70%");
    expect(
      describeRevisions("≥70%", [
        ...withBasis,
        { effectiveYear: 2025, target: parseTargetCell("≥75%"), basis: "文件二" },
      ]),
    ).toBe("原目标≥70%，2025年起调整为≥75%（依据文件二）；分年度目标：2022年≥30%、2023年≥50%、2024年≥70%");
  });
});
