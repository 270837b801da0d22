import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { checkRevision, describeRevisions, targetInForce } from "../../src/cycle/index.ts";
import { evaluateIndicator } from "../../src/evaluation/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import { indicator, series, t } from "../evaluation/fixtures.ts";

const original = parseTargetCell("≥95%");
const r2024 = {
  effectiveYear: 2024,
  target: parseTargetCell("≥96%"),
  reason: "提高标准",
  basis: "鄂医保发〔2024〕3号",
};
const r2025 = { effectiveYear: 2025, target: parseTargetCell("≥97%"), reason: "再提高", basis: "文件二" };

describe("targets in force by year", () => {
  it("uses the original until the first revision's year, then the latest revision in force", () => {
    const revs = [r2025, r2024];
    expect(targetInForce(original, revs, 2021).text).toBe("≥95%");
    expect(targetInForce(original, revs, 2023).text).toBe("≥95%");
    expect(targetInForce(original, revs, 2024).text).toBe("≥96%");
    expect(targetInForce(original, revs, 2025).text).toBe("≥97%");
  });

  it("evaluation judges each year against the target in force; earlier verdicts do not change", () => {
    const base = indicator({ target: t.gte(95), baseline: t.level(90, "%"), assessment: "eachYear" });
    const obs = series(base, { 2023: 95.5, 2024: 95.5 });
    const before2023 = evaluateIndicator({ indicator: base, observations: obs, year: 2023 });
    const before2024 = evaluateIndicator({ indicator: base, observations: obs, year: 2024 });
    const revised = { ...base, targetRevisions: [{ effectiveYear: 2024, target: parseTargetCell("≥96%") }] };
    const after2023 = evaluateIndicator({ indicator: revised, observations: obs, year: 2023 });
    const after2024 = evaluateIndicator({ indicator: revised, observations: obs, year: 2024 });
    expect(after2023.verdict).toBe(before2023.verdict);
    expect(after2023.inputs.targetValue).toBe(95);
    expect(after2024.inputs.targetValue).toBe(96);
    expect(before2024.verdict).toBe("achieved");
    expect(after2024.verdict).not.toBe("achieved");
  });

  it("refuses a revision outside the period, in or before an approved year, twice a year, or unreadable", () => {
    const period = { periodStart: 2021, periodEnd: 2025 };
    const ok = checkRevision({
      effectiveYear: 2024,
      target: r2024.target,
      period,
      approvedYears: [2022, 2023],
      existingYears: [],
    });
    expect(Result.isSuccess(ok)).toBe(true);
    const kinds = [
      checkRevision({
        effectiveYear: 2026,
        target: r2024.target,
        period,
        approvedYears: [],
        existingYears: [],
      }),
      checkRevision({
        effectiveYear: 2020,
        target: r2024.target,
        period,
        approvedYears: [],
        existingYears: [],
      }),
      checkRevision({
        effectiveYear: 2023,
        target: r2024.target,
        period,
        approvedYears: [2023],
        existingYears: [],
      }),
      checkRevision({
        effectiveYear: 2024,
        target: r2024.target,
        period,
        approvedYears: [],
        existingYears: [2024],
      }),
      checkRevision({
        effectiveYear: 2024,
        target: parseTargetCell("？？"),
        period,
        approvedYears: [],
        existingYears: [],
      }),
    ].map((r) => (Result.isFailure(r) ? r.failure.refusal.kind : "ok"));
    expect(kinds).toEqual(["outsidePeriod", "outsidePeriod", "approvedYear", "duplicate", "unrecognised"]);
  });

  it("phrases revisions for reports", () => {
    expect(describeRevisions("≥95%", [r2025, r2024])).toBe(
      "原目标≥95%，2024年起调整为≥96%（依据鄂医保发〔2024〕3号），2025年起调整为≥97%（依据文件二）",
    );
    expect(describeRevisions("≥95%", [])).toBeNull();
  });
});
