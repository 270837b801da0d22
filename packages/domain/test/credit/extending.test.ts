/**
 * The two worked examples of docs/credit.md, run as written: a new company-standard version and a
 * new jurisdiction's institution rule set, added as data with no engine change.
 */
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  buildRegistry,
  type CompanyStandardInput,
  DishonestEvent,
  flagsCatalogue,
  gradeDistribution,
  gradeInstitutions,
  illustrativeItems,
  supervisionMeasures as m,
  parseRuleSet,
  type RuleSetInput,
  rateCompanies,
  ruleSetFor,
  shippedRuleSets,
  standard2020,
  standard2025,
} from "../../src/credit/index.ts";

const notice2027 = {
  title: "医药价格和招采信用评价的裁量基准(2027版)",
  url: "https://www.nhsa.gov.cn/",
  tag: "S" as const,
};

const standard2027: CompanyStandardInput = {
  ...standard2025,
  id: "2027",
  shortLabel: "2027版",
  name: "医药价格和招采信用评价的裁量基准(2027版)",
  effectiveFrom: { year: 2027, quarter: 1 },
  transition: undefined,
  criteria: standard2025.criteria.map((c) =>
    c.kind === "amount" && c.category === "bribery"
      ? {
          ...c,
          thresholds: c.thresholds.map((t) =>
            t.level === "serious" ? { ...t, minYuan: 300_000, source: notice2027 } : t,
          ),
        }
      : c,
  ),
  sources: [notice2027],
};

describe("worked example 1: a 2027 company standard as data", () => {
  const registry = Result.getOrThrow(buildRegistry([standard2020, standard2025, standard2027]));
  const ev = (date: string) =>
    DishonestEvent.parse({
      id: date,
      companyId: "c",
      companyName: "某药业",
      province: "430000",
      category: "bribery",
      caseRef: date,
      amountYuan: 350_000,
      dateConfirmed: date,
      source: "court-judgment",
    });

  it("rates from 2027Q1 with the new band and reason", () => {
    const r = rateCompanies([ev("2027-02-01")], [], { year: 2027, quarter: 1 }, { registry }).ratings[0]!;
    expect(r.level).toEqual({ standard: "2027", code: "serious", label: "严重失信", severity: 3 });
    expect(r.reason).toBe("严重失信：累计行贿35万元，达到2027版裁量基准30万元档");
  });

  it("leaves a case rated in 2026 at its 2020 (transition) level", () => {
    const r = rateCompanies([ev("2026-06-01")], [], { year: 2027, quarter: 1 }, { registry }).ratings[0]!;
    expect(r.level?.standard).toBe("2020");
    expect(r.level?.label).toBe("中等");
  });

  it("rejects a version whose data is inconsistent", () => {
    const broken = {
      ...standard2027,
      criteria: [
        { kind: "circumstance" as const, circumstance: "x", label: "x", level: "nope", source: notice2027 },
      ],
    };
    const r = buildRegistry([standard2020, broken]);
    expect(Result.isFailure(r) && r.failure.message).toContain("未知等级 nope");
  });
});

const source = {
  title: "重庆市医疗保障基金监管信用管理办法（渝医保发〔2025〕32号）",
  url: "https://ylbzj.cq.gov.cn/zwgk_535/zfxxgkml/zcwj_291934/gfxwj/202508/t20250818_14909969.html",
  tag: "S" as const,
};
const provisional = { ...source, tag: "U" as const, note: "C/D/E 分数线未检索到" };

const chongqing2025: RuleSetInput = {
  id: "chongqing",
  version: "2025",
  name: "重庆市医疗保障信用评价",
  jurisdiction: "500000",
  jurisdictionName: "重庆市",
  appliesTo: ["medical", "pharmacy"],
  status: "in-force",
  effectiveFrom: "2025-09-01",
  effectiveTo: null,
  scale: { min: 0, max: 100 },
  base: 100,
  cycle: "calendar-year",
  items: illustrativeItems(1),
  bands: [
    { grade: "A", conditions: [{ metric: "score", op: "gte", value: 90 }], measures: ["praise"], source },
    { grade: "B", conditions: [{ metric: "score", op: "gte", value: 80 }], measures: ["routine"], source },
    {
      grade: "C",
      conditions: [{ metric: "score", op: "gte", value: 70 }],
      measures: ["early-warning", "interview"],
      source: provisional,
    },
    {
      grade: "D",
      conditions: [{ metric: "score", op: "gte", value: 60 }],
      measures: ["focused-monitoring"],
      source: provisional,
    },
    {
      grade: "E",
      conditions: [],
      measures: ["restrict-settlement", "onsite-inspection"],
      source: provisional,
    },
  ],
  overrides: [
    { flag: "seriousDishonestyList", label: "列入严重失信主体名单", grade: "lowest", source: provisional },
  ],
  measures: [
    m.praise,
    m.routine,
    m.earlyWarning,
    m.interview,
    m.focusedMonitoring,
    m.restrictSettlement,
    m.onsiteInspection,
  ],
  flags: [flagsCatalogue.seriousDishonestyList],
  sources: [source],
};

describe("worked example 2: Chongqing's rule set as data", () => {
  const cq = Result.getOrThrow(parseRuleSet(chongqing2025));
  const all = [...shippedRuleSets, cq];

  it("is found for a district and grades with its bands", () => {
    expect(Result.getOrThrow(ruleSetFor(all, ["500101", "500000"], "2026-03-01")).id).toBe("chongqing");
    const insts = ["a", "b", "c"].map((id) => ({
      id,
      name: id,
      kind: "medical" as const,
      jurisdiction: "500101",
      designatedSince: "2020-01-01",
    }));
    const deds = [
      { id: "1", institutionId: "b", itemCode: "fraud", points: 35, date: "2026-05-01" },
      { id: "2", institutionId: "c", itemCode: "swap-items", points: null, date: "2026-05-01" },
    ];
    const run = gradeInstitutions(cq, insts, deds, 2026, [
      { institutionId: "a", year: 2026, flags: ["seriousDishonestyList"] },
    ]);
    expect(run.results.map((r) => r.grade)).toEqual(["E", "D", "A"]);
    const dist = gradeDistribution(run.results, ["A", "B", "C", "D", "E"]);
    expect(dist[0]!.counts).toEqual({ A: 1, B: 0, C: 0, D: 1, E: 1 });
  });
});
