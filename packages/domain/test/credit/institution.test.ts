import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CycleFlags,
  compileRuleSet,
  DeductionEvent,
  type DeductionEventInput,
  gradeColumns,
  gradeDistribution,
  gradeInstitutions,
  guangdong2023,
  type Institution,
  nantongPharmacy2020,
  neiMongol2026,
  parseRuleSet,
  type RuleSet,
  ruleSetFor,
  shippedRuleSets,
  yearsDesignatedAt,
} from "../../src/credit/index.ts";
import { sampleJurisdictions } from "../../src/jurisdiction/index.ts";

const nm = Result.getOrThrow(parseRuleSet(neiMongol2026));
const gd = Result.getOrThrow(parseRuleSet(guangdong2023));
const nt = Result.getOrThrow(parseRuleSet(nantongPharmacy2020));

const inst = (id: string, over: Partial<Institution> = {}): Institution => ({
  id,
  name: `机构${id}`,
  kind: "medical",
  jurisdiction: "150000",
  designatedSince: "2015-01-01",
  ...over,
});
let seq = 0;
const ded = (institutionId: string, itemCode: string, points: number | null, date = "2026-04-01") =>
  DeductionEvent.parse({
    id: `d${++seq}`,
    institutionId,
    itemCode,
    points,
    date,
  } satisfies DeductionEventInput);

/** Grades one institution whose deductions total `total` points (via the 欺诈 item, max 40 each). */
function gradeWithDeduction(
  rs: RuleSet,
  total: number,
  year = 2026,
  flags: string[] = [],
  since = "2015-01-01",
) {
  const events = [];
  let left = total;
  const item = rs.items.find((i) => i.code === "fraud")!;
  while (left > 0) {
    const p = Math.min(left, item.maxPoints ?? item.points);
    events.push(ded("i", "fraud", p, `${year}-06-01`));
    left -= p;
  }
  const cf: CycleFlags[] = flags.length ? [{ institutionId: "i", year, flags }] : [];
  const run = gradeInstitutions(rs, [inst("i", { designatedSince: since })], events, year, cf);
  expect(run.issues).toEqual([]);
  return run.results[0]!;
}

describe("shipped rule sets", () => {
  it("all parse and pass their cross-checks, each with a source", () => {
    expect(shippedRuleSets.map((r) => r.id)).toEqual(["nei-mongol", "guangdong", "nantong-pharmacy"]);
    for (const rs of shippedRuleSets) expect(rs.sources.length).toBeGreaterThan(0);
  });

  it("a rule set whose last band has conditions is rejected as typed data error", () => {
    const broken = { ...neiMongol2026, bands: neiMongol2026.bands.slice(0, 3) };
    const r = parseRuleSet(broken);
    expect(Result.isFailure(r) && r.failure._tag).toBe("InvalidRuleData");
    expect(Result.isFailure(r) && r.failure.message).toContain("兜底等级");
  });

  it("a jurisdiction without its own rules inherits its ancestor's", () => {
    const r = ruleSetFor(shippedRuleSets, ["150200", "150000"], "2026-05-01");
    expect(Result.getOrThrow(r).id).toBe("nei-mongol");
    expect(Result.isFailure(ruleSetFor(shippedRuleSets, ["150000"], "2025-05-01"))).toBe(true);
  });
});

describe("Inner Mongolia bands (A≥90, 80≤B<90, 65≤C<80, D<65)", () => {
  it.each([
    [0, "A", 100],
    [10, "A", 90],
    [10.5, "B", 89.5],
    [20, "B", 80],
    [20.5, "C", 79.5],
    [35, "C", 65],
    [35.5, "D", 64.5],
    [250, "D", 0],
  ])("deducting %d → %s (score %d)", (total, grade, score) => {
    const r = gradeWithDeduction(nm, total);
    expect(r.grade).toBe(grade);
    expect(r.score).toBe(score);
  });

  it("gives a reason and the grade's supervision measures", () => {
    const r = gradeWithDeduction(nm, 20);
    expect(r.reason).toBe("B级：得分80分（基础分100，扣20分），80≤得分<90");
    expect(r.measures.map((m) => m.label)).toEqual(["常规监管", "预警提醒"]);
  });

  it("an institution on the serious-dishonesty list is rated lowest whatever its score", () => {
    const r = gradeWithDeduction(nm, 0, 2026, ["seriousDishonestyList"]);
    expect(r.grade).toBe("D");
    expect(r.override).toBe("列入严重失信主体名单");
    expect(r.reason).toBe("D级：列入严重失信主体名单，直接评为D级");
  });
});

describe("Guangdong (1000-point scale, base 850)", () => {
  it("starts at 850 (B) and bonuses lift it; the score is clamped to the scale", () => {
    expect(gradeWithDeduction(gd, 0).score).toBe(850);
    expect(gradeWithDeduction(gd, 0).grade).toBe("B");
    const events = [ded("i", "credit-commitment", 50), ded("i", "self-correction", null)];
    const r = gradeInstitutions(gd, [inst("i", { jurisdiction: "440000" })], events, 2026).results[0]!;
    expect(r.score).toBe(930);
    expect(r.grade).toBe("A");
    expect(r.reason).toContain("加80分");
    expect(gradeWithDeduction(gd, 1200).score).toBe(0);
  });

  it.each([
    [0, "B"],
    [1, "C"],
    [100, "C"],
    [101, "D"],
    [250, "D"],
    [251, "E"],
  ])("deducting %d → %s", (total, grade) => {
    expect(gradeWithDeduction(gd, total).grade).toBe(grade);
  });

  it("the serious-dishonesty list forces E", () => {
    expect(gradeWithDeduction(gd, 0, 2026, ["seriousDishonestyList"]).grade).toBe("E");
  });
});

describe("Nantong pharmacies (years designated and points deducted)", () => {
  it.each([
    [8, "2015-01-01", "A"],
    [9, "2015-01-01", "B"],
    [15, "2015-01-01", "B"],
    [16, "2015-01-01", "C"],
    [0, "2024-01-01", "A"],
    [0, "2024-06-01", "B"],
    [0, "2025-06-01", "C"],
  ])("deducted %d, designated since %s → %s", (total, since, grade) => {
    expect(gradeWithDeduction(nt, total, 2026, [], since).grade).toBe(grade);
  });

  it("failing the annual review means C", () => {
    expect(gradeWithDeduction(nt, 0, 2026, ["failedAnnualReview"]).grade).toBe("C");
  });

  it("counts whole years designated at the end of the cycle", () => {
    expect(yearsDesignatedAt("2024-01-01", 2026)).toBe(3);
    expect(yearsDesignatedAt("2024-06-01", 2026)).toBe(2);
    expect(yearsDesignatedAt("2027-01-01", 2026)).toBe(0);
  });
});

describe("deduction validation and cycles", () => {
  it("reports unknown items, unknown institutions and points above the item's maximum", () => {
    const run = gradeInstitutions(
      nm,
      [inst("a")],
      [
        ded("a", "nonsense", null),
        ded("zz", "fraud", null),
        ded("a", "data-upload", 4),
        ded("a", "data-upload", 3),
      ],
      2026,
    );
    expect(run.issues.map((i) => i.message)).toEqual([
      "内蒙古自治区医疗保障信用评价（“1+3”模式）没有扣分项目“nonsense”",
      "未找到机构 zz",
      "“未按规定上传医保结算数据”每次最多3分，录入了4分",
    ]);
    expect(run.results[0]!.deducted).toBe(3);
  });

  it("only deductions dated in the cycle's year count", () => {
    const run = gradeInstitutions(
      nm,
      [inst("a")],
      [ded("a", "fraud", 30, "2025-12-31"), ded("a", "fraud", 5, "2026-01-01")],
      2026,
    );
    expect(run.results[0]!.deducted).toBe(5);
  });

  it("the column engine agrees with a direct reading of the rules (property)", () => {
    const c = compileRuleSet(nm);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 9 }),
            item: fc.integer({ min: 0, max: nm.items.length - 1 }),
          }),
          {
            maxLength: 60,
          },
        ),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        (events, listed) => {
          const g = gradeColumns(
            c,
            {
              count: 10,
              yearsDesignated: new Float64Array(10).fill(5),
              flags: Uint32Array.from(listed.map((l) => (l ? 1 : 0))),
            },
            {
              count: events.length,
              institution: Int32Array.from(events.map((e) => e.who)),
              item: Uint16Array.from(events.map((e) => e.item)),
            },
          );
          for (let i = 0; i < 10; i++) {
            const total = events.filter((e) => e.who === i).reduce((s, e) => s + nm.items[e.item]!.points, 0);
            const score = Math.max(0, 100 - total);
            const expected = listed[i]
              ? "D"
              : score >= 90
                ? "A"
                : score >= 80
                  ? "B"
                  : score >= 65
                    ? "C"
                    : "D";
            expect(nm.bands[g.band[i]!]!.grade).toBe(expected);
            expect(g.score[i]).toBe(score);
          }
        },
      ),
    );
  });
});

describe("grade distribution", () => {
  it("counts grades per jurisdiction and year, rolling up to ancestors", () => {
    const insts = [
      inst("a", { jurisdiction: "341723" }),
      inst("b", { jurisdiction: "341723" }),
      inst("c", { jurisdiction: "341700" }),
    ];
    const events = [ded("b", "fraud", 25), ded("c", "fraud", 40)];
    const results = gradeInstitutions(nm, insts, events, 2026).results;
    const dist = gradeDistribution(results, ["A", "B", "C", "D"], sampleJurisdictions);
    const byCode = Object.fromEntries(dist.map((d) => [d.jurisdiction, d]));
    expect(byCode["341723"]!.counts).toEqual({ A: 1, B: 0, C: 1, D: 0 });
    expect(byCode["341700"]!.counts).toEqual({ A: 1, B: 0, C: 1, D: 1 });
    expect(byCode["340000"]!.total).toBe(3);
    expect(byCode["340000"]!.shares.D).toBeCloseTo(1 / 3);
    expect(dist.every((d) => d.year === 2026)).toBe(true);
  });
});
