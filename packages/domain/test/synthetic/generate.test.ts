import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { Evaluation, verdictMatrix } from "../../src/evaluation/index.ts";
import { Indicator } from "../../src/indicator/schema.ts";
import { Jurisdiction } from "../../src/jurisdiction/schema.ts";
import { Observation } from "../../src/observation/schema.ts";
import { Plan } from "../../src/plan/schema.ts";
import {
  generateNationalDataset,
  InvalidSyntheticOptions,
  mulberry32,
  type NationalDataset,
  type SyntheticOptionsInput,
} from "../../src/synthetic/index.ts";

const SMALL = { provinces: 1, cities: 14, counties: 120 } as const;

function generate(opts: SyntheticOptionsInput): NationalDataset {
  return Result.getOrThrow(generateNationalDataset(opts));
}

describe("mulberry32", () => {
  it("repeats for a seed and stays in range", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
    const r = mulberry32(7);
    const ints = Array.from({ length: 500 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });
});

describe("generateNationalDataset", () => {
  it("is deterministic: same seed and options → identical data; another seed → other values", () => {
    const a = generate({ ...SMALL, seed: 7 });
    const b = generate({ ...SMALL, seed: 7 });
    expect(b).toEqual(a);
    const c = generate({ ...SMALL, seed: 8 });
    expect(c.observations.map((o) => o.value)).not.toEqual(a.observations.map((o) => o.value));
  });

  it("builds the national tree by default: 31 provinces, 330 cities, 2,850 counties, 20 indicators each", () => {
    const d = generate({});
    const byLevel = { province: 0, city: 0, county: 0 };
    for (const j of d.jurisdictions) byLevel[j.level]++;
    expect(byLevel).toEqual({ province: 31, city: 330, county: 2850 });
    expect(d.plans).toHaveLength(3211);
    expect(d.indicators).toHaveLength(3211 * 20);
    // Baseline 2020 and 2021–2025 for every indicator (compound rows twice; ~2% numbers left out).
    expect(d.observations.length).toBeGreaterThan(3211 * 20 * 6 * 0.9);
    expect(new Set(d.observations.map((o) => o.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024, 2025]));

    const codes = new Set<string>();
    for (const j of d.jurisdictions) {
      expect(j.code).toMatch(/^\d{6}$/);
      expect(codes.has(j.code)).toBe(false);
      if (j.parentCode !== null) {
        expect(codes.has(j.parentCode)).toBe(true); // parents first
        expect(j.code.slice(0, j.level === "city" ? 2 : 4)).toBe(
          j.parentCode.slice(0, j.level === "city" ? 2 : 4),
        );
      }
      codes.add(j.code);
    }
  });

  it("produces valid domain values linked across the tree", () => {
    const d = generate(SMALL);
    expect(d.jurisdictions).toHaveLength(1 + 14 + 120);
    for (const j of d.jurisdictions) Jurisdiction.parse(j);
    for (const p of d.plans) Plan.parse(p);
    for (const i of d.indicators) Indicator.parse(i);
    for (const o of d.observations) Observation.parse(o);

    const plans = new Map(d.plans.map((p) => [p.id, p]));
    const indicators = new Map(d.indicators.map((i) => [i.id, i]));
    const jurisdictions = new Map(d.jurisdictions.map((j) => [j.code, j]));
    for (const p of d.plans) {
      const j = jurisdictions.get(p.jurisdictionCode)!;
      expect(p.parentPlanId === null).toBe(j.parentCode === null);
      if (p.parentPlanId !== null) expect(plans.get(p.parentPlanId)!.jurisdictionCode).toBe(j.parentCode);
    }
    for (const i of d.indicators) {
      if (i.parentIndicatorId === null) continue;
      const parent = indicators.get(i.parentIndicatorId)!;
      expect([parent.name, parent.position]).toEqual([i.name, i.position]);
    }
    for (const o of d.observations) expect(indicators.has(o.indicatorId)).toBe(true);
  });

  it("mixes target kinds, attributes, directions and footnote rules", () => {
    const d = generate(SMALL);
    const kinds = new Set(d.indicators.map((i) => i.target.expression.kind));
    expect(kinds).toEqual(
      new Set(["threshold", "level", "band", "maintain", "qualitative", "compound", "milestone"]),
    );
    expect(new Set(d.indicators.map((i) => i.attribute))).toEqual(new Set(["binding", "expected"]));
    expect(new Set(d.indicators.map((i) => i.direction))).toEqual(new Set(["higher", "lower", "band"]));
    const rules = new Set(d.indicators.map((i) => i.assessment));
    expect(rules.has("eachYear") && rules.has("periodAverage") && rules.has("endOfPeriod")).toBe(true);
    expect(d.indicators.some((i) => i.baseline.expression.kind === "notApplicable")).toBe(true);
    expect(d.observations.some((o) => o.value.kind === "text")).toBe(true);
    expect(d.observations.some((o) => o.subject === "高值医用耗材")).toBe(true);
  });

  it("sizes plans by indicatorsPerPlan", () => {
    const d = generate({ ...SMALL, indicatorsPerPlan: 3 });
    expect(d.indicators).toHaveLength(135 * 3);
    expect(d.indicators.slice(0, 3).map((i) => i.position)).toEqual([1, 2, 3]);
  });

  it("rejects impossible sizes as a typed error value", () => {
    const r = generateNationalDataset({ provinces: 2, cities: 1 });
    expect(Result.isFailure(r)).toBe(true);
    if (Result.isFailure(r)) {
      expect(r.failure).toBeInstanceOf(InvalidSyntheticOptions);
      expect(r.failure._tag).toBe("InvalidSyntheticOptions");
      expect(r.failure.issues.join()).toContain("cities");
    }
    expect(Result.isFailure(generateNationalDataset({ provinces: 32 }))).toBe(true);
    expect(Result.isFailure(generateNationalDataset({ provinces: 1, cities: 1, counties: 98 }))).toBe(true);
  });

  it("is judged by the engine without errors (every verdict schema-valid)", () => {
    const d = generate(SMALL);
    const m = verdictMatrix(d.indicators, d.observations, [2021, 2022, 2023, 2024, 2025]);
    const verdicts = new Set<string>();
    for (const row of m.rows) {
      for (const e of row.evaluations) {
        expect(Evaluation.safeParse(e).success).toBe(true);
        expect(e.problem?.code).not.toBe("internalError");
        verdicts.add(e.verdict);
      }
    }
    expect(verdicts).toEqual(
      new Set(["achieved", "onTrack", "behind", "missed", "needsJudgement", "insufficientData"]),
    );
  });
});
