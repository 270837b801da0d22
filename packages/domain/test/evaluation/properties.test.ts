import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluation, type EvaluationSettingsInput, verdictRank } from "../../src/evaluation/index.ts";
import type { Indicator } from "../../src/indicator/schema.ts";
import type { Observation } from "../../src/observation/schema.ts";
import type { SimpleTarget, TargetExpression } from "../../src/target/expression.ts";
import { evaluate, indicator, num, t } from "./fixtures.ts";

const YEARS = [2021, 2022, 2023, 2024, 2025];

const value = fc.double({ min: 0.5, max: 150, noNaN: true });

const settingsArb: fc.Arbitrary<EvaluationSettingsInput> = fc.record({
  method: fc.constantFrom("timeElapsed" as const, "escap" as const),
  escapPreset: fc.constantFrom("ESCAP" as const, "Open SDG" as const),
  nearLineTolerance: fc.constantFrom(0, 0.5),
  bandHalfWidth: fc.constantFrom(1, 2.5),
});

const assessmentArb = fc.constantFrom(
  "endOfPeriod",
  "eachYear",
  "periodAverage",
  "cumulative",
) as fc.Arbitrary<Indicator["assessment"]>;

/** The other years' values (some missing), the year judged, and two actuals for it. */
const scenario = fc.record({
  baseline: fc.option(value, { nil: null }),
  targetValue: value,
  year: fc.constantFrom(...YEARS),
  others: fc.dictionary(fc.constantFrom(...YEARS.map(String)), value),
  a: value,
  b: value,
  settings: settingsArb,
  assessment: assessmentArb,
  attribute: fc.constantFrom("binding" as const, "expected" as const),
});

function observationsFor(
  ind: Indicator,
  others: Record<string, number>,
  year: number,
  actual: number,
): Observation[] {
  const obs = Object.entries(others)
    .filter(([y]) => Number(y) !== year)
    .map(([y, v]) => num(ind, Number(y), v));
  obs.push(num(ind, year, actual));
  return obs;
}

function ranksOf(
  target: SimpleTarget,
  direction: Indicator["direction"],
  s: Scenario,
  lo: number,
  hi: number,
) {
  const ind = indicator({
    target,
    baseline: s.baseline === null ? t.none() : t.level(s.baseline, "%"),
    direction,
    attribute: s.attribute,
    assessment: s.assessment,
  });
  const eLo = evaluate(ind, observationsFor(ind, s.others, s.year, lo), s.year, s.settings);
  const eHi = evaluate(ind, observationsFor(ind, s.others, s.year, hi), s.year, s.settings);
  return { eLo, eHi, rLo: verdictRank(eLo.verdict), rHi: verdictRank(eHi.verdict) };
}

type Scenario = {
  baseline: number | null;
  targetValue: number;
  year: number;
  others: Record<string, number>;
  a: number;
  b: number;
  settings: EvaluationSettingsInput;
  assessment: Indicator["assessment"];
  attribute: "binding" | "expected";
};

/** Checks what every evaluation promises: schema-valid, one sentence, breach ⇔ binding and behind/missed. */
function wellFormed(e: Evaluation) {
  expect(Evaluation.safeParse(e).success).toBe(true);
  expect(e.explanation.endsWith("。")).toBe(true);
  expect(e.explanation.indexOf("。")).toBe(e.explanation.length - 1);
  expect(e.breach).toBe(e.attribute === "binding" && (e.verdict === "behind" || e.verdict === "missed"));
}

describe("a better actual value never yields a worse verdict", () => {
  it("higher-is-better: raising the actual never lowers the rank", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom<"gte" | "gt" | "level">("gte", "gt", "level"), (s, kind) => {
        const target = kind === "level" ? t.level(s.targetValue, "%") : t[kind](s.targetValue);
        const [lo, hi] = s.a <= s.b ? [s.a, s.b] : [s.b, s.a];
        const { eLo, eHi, rLo, rHi } = ranksOf(target, "higher", s, lo, hi);
        wellFormed(eLo);
        wellFormed(eHi);
        if (rLo !== null && rHi !== null) expect(rHi).toBeGreaterThanOrEqual(rLo);
      }),
      { numRuns: 1500 },
    );
  });

  it("lower-is-better: lowering the actual never lowers the rank", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom<"lte" | "lt" | "level">("lte", "lt", "level"), (s, kind) => {
        const target = kind === "level" ? t.level(s.targetValue, "%") : t[kind](s.targetValue);
        const [lo, hi] = s.a <= s.b ? [s.a, s.b] : [s.b, s.a];
        const { eLo, eHi, rLo, rHi } = ranksOf(target, "lower", s, lo, hi);
        wellFormed(eLo);
        wellFormed(eHi);
        if (rLo !== null && rHi !== null) expect(rLo).toBeGreaterThanOrEqual(rHi);
      }),
      { numRuns: 1500 },
    );
  });

  it("bands: an actual closer to the centre never yields a worse verdict", () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, maintain) => {
        const scenarioEnd = { ...s, assessment: "endOfPeriod" as const };
        const centre = maintain ? (s.baseline ?? s.targetValue) : s.targetValue;
        const target = maintain ? t.maintain() : t.band(s.targetValue);
        // Two actuals on either side of the centre; `near` is strictly closer.
        const d1 = Math.abs(s.a - centre);
        const d2 = Math.abs(s.b - centre);
        if (d1 === d2) return;
        const [nearD, farD] = d1 < d2 ? [d1, d2] : [d2, d1];
        const near = centre + (s.a > s.b ? nearD : -nearD);
        const far = centre + (s.a > s.b ? -farD : farD);
        const {
          eLo: eNear,
          eHi: eFar,
          rLo: rNear,
          rHi: rFar,
        } = ranksOf(target, "band", scenarioEnd, near, far);
        wellFormed(eNear);
        wellFormed(eFar);
        if (rNear !== null && rFar !== null) expect(rNear).toBeGreaterThanOrEqual(rFar);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("ESCAP classes are monotone in the actual", () => {
  it("a higher actual never gets a worse class or verdict (both presets, both directions)", () => {
    const classOrder = { deterioration: 0, limited: 1, moderate: 2, substantial: 3 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.constantFrom(2021, 2022, 2023, 2024),
        fc.double({ min: 0.7, max: 1.05, noNaN: true }),
        fc.double({ min: 0.7, max: 1.05, noNaN: true }),
        fc.constantFrom("ESCAP" as const, "Open SDG" as const),
        fc.boolean(),
        (base, g, year, f1, f2, preset, lower) => {
          const target = lower ? base * (1 - g) : base * (1 + g);
          const ind = indicator({
            target: t.level(target, "%"),
            baseline: t.level(base, "%"),
            direction: lower ? "lower" : "higher",
          });
          // Actuals between somewhat worse than the base and the target; `better` is better.
          const span = target - base;
          const [x, y] = f1 <= f2 ? [f1, f2] : [f2, f1];
          const worse = base + span * (x - 0.3) * 1.3;
          const better = base + span * (y - 0.3) * 1.3;
          const settings = { method: "escap", escapPreset: preset } as const;
          const eW = evaluate(ind, [num(ind, year, worse)], year, settings);
          const eB = evaluate(ind, [num(ind, year, better)], year, settings);
          expect(verdictRank(eB.verdict)!).toBeGreaterThanOrEqual(verdictRank(eW.verdict)!);
          const cW = eW.inputs.escapClass;
          const cB = eB.inputs.escapClass;
          if (cW !== null && cB !== null && cW !== "notAvailable" && cB !== "notAvailable") {
            expect(classOrder[cB]).toBeGreaterThanOrEqual(classOrder[cW]);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("the engine is total", () => {
  const quantity = fc.record({
    value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    unit: fc.constantFrom(null, "%", "亿元", "个"),
  });
  const simple: fc.Arbitrary<SimpleTarget> = fc.oneof(
    fc.record({
      kind: fc.constant("threshold" as const),
      op: fc.constantFrom("gt" as const, "gte" as const, "lt" as const, "lte" as const),
      quantity,
      sustain: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant("level" as const),
      quantity,
      from: fc.constant(null),
      directionHint: fc.constantFrom(null, "higher" as const, "lower" as const),
    }),
    fc.record({
      kind: fc.constant("band" as const),
      quantity,
      halfWidth: fc.option(fc.double({ min: 0.01, max: 10, noNaN: true }), { nil: null }),
      sustain: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("maintain" as const), halfWidth: fc.constant(null) }),
    fc.constant<SimpleTarget>({ kind: "qualitative", statement: "保持合理水平" }),
    fc.constant<SimpleTarget>({ kind: "milestone", steps: ["省级统筹"] }),
    fc.constant<SimpleTarget>({ kind: "notApplicable" }),
  );
  const target: fc.Arbitrary<TargetExpression> = fc.oneof(
    simple,
    fc.tuple(simple, simple).map(([x, y]) => ({
      kind: "compound" as const,
      parts: [
        { subject: "甲", target: x },
        { subject: "乙", target: y },
      ],
    })),
  );

  it("returns a schema-valid evaluation with one sentence for any target, baseline and data", () => {
    fc.assert(
      fc.property(
        target,
        simple,
        fc.array(
          fc.record({
            year: fc.integer({ min: 2018, max: 2027 }),
            v: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
            subject: fc.constantFrom(undefined, "甲", "乙"),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 2019, max: 2026 }),
        settingsArb,
        assessmentArb,
        fc.constantFrom("higher" as const, "lower" as const, "band" as const),
        (tgt, base, data, year, settings, assessment, direction) => {
          const ind = indicator({ target: tgt, baseline: base, assessment, direction });
          const obs = data.map((d) => num(ind, d.year, d.v, d.subject));
          const e = evaluate(ind, obs, year, settings);
          wellFormed(e);
          expect(e.problem?.code).not.toBe("internalError");
          for (const p of e.parts) wellFormed({ ...p, parts: [] });
        },
      ),
      { numRuns: 1500 },
    );
  });
});
