import { describe, expect, it } from "vitest";
import {
  cleanupProgress,
  evaluatePolicyRule,
  type ParameterDimensions,
  type PolicyRule,
  policyRules,
  poolingAreaOf,
  poolingMatrix,
  type RuleInput,
  rulesFor,
} from "../../src/policy/index.ts";
import { doc, huangshi2020 } from "./fixtures.ts";

const rule = (id: string): PolicyRule => {
  const r = policyRules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const p = (
  d: Partial<ParameterDimensions> & Pick<ParameterDimensions, "kind" | "scheme">,
  value: number,
) => ({
  service: "any" as const,
  level: "any" as const,
  population: "all" as const,
  ...d,
  value,
});
const judge = (id: string, input: Partial<RuleInput>) =>
  evaluatePolicyRule(rule(id), { parameters: [], statistics: [], date: "2022-06-30", ...input });

describe("national rules, worked examples", () => {
  it("重点救助对象 住院 救助比例 ≥ 70 % (国办发〔2015〕30号)", () => {
    const at = (v: number) => [
      p({ kind: "assistanceRatio", scheme: "assistance", population: "assistanceTarget" }, v),
    ];
    expect(judge("national.assistance-floor-70", { parameters: at(70) }).verdictLabel).toBe("达标");
    const miss = judge("national.assistance-floor-70", { parameters: at(65) });
    expect([miss.verdictLabel, miss.explanation]).toEqual([
      "未达标",
      "医疗救助重点救助对象救助比例65%，不符合不低于70%的要求，未达标。",
    ]);
    expect(judge("national.assistance-floor-70", {}).verdictLabel).toBe("数据不足");
  });

  it("职工普通门诊 支付比例 from 50 % (国办发〔2021〕14号), only from its date", () => {
    const out = [p({ kind: "reimbursementRatio", scheme: "employee", service: "outpatient" }, 50)];
    expect(judge("national.employee-outpatient-floor-50", { parameters: out }).verdict).toBe("met");
    const low = [
      p({ kind: "reimbursementRatio", scheme: "employee", service: "outpatient", population: "active" }, 45),
    ];
    expect(judge("national.employee-outpatient-floor-50", { parameters: low }).verdict).toBe("notMet");
    expect(rulesFor(policyRules, ["420200"], "2020-12-31").map((r) => r.id)).not.toContain(
      "national.employee-outpatient-floor-50",
    );
    expect(rulesFor(policyRules, ["420200"], "2021-06-30").map((r) => r.id)).toContain(
      "national.employee-outpatient-floor-50",
    );
  });

  it("大病保险 比例 ≥ 60 %: 青阳's 65 % passes, 55 % fails", () => {
    const ci = (v: number) => [p({ kind: "reimbursementRatio", scheme: "criticalIllness" }, v)];
    expect(judge("national.critical-illness-ratio-60", { parameters: ci(65) }).verdict).toBe("met");
    expect(judge("national.critical-illness-ratio-60", { parameters: ci(55) }).verdict).toBe("notMet");
  });

  it("大病保险 起付线 ≤ 50 % of last year's 居民人均可支配收入, read from a statistic", () => {
    const ded = [p({ kind: "deductible", scheme: "criticalIllness" }, 12_000)];
    const income = (year: number, value: number) => [
      { statistic: "residentDisposableIncome" as const, year, value, source: null },
    ];
    // 青阳 2022: 1.2万元 against 2021 income 26,000 → limit 13,000.
    const ok = judge("national.critical-illness-deductible-half-income", {
      parameters: ded,
      statistics: income(2021, 26_000),
    });
    expect([ok.verdictLabel, ok.explanation]).toEqual([
      "达标",
      "大病保险起付线12000元，为2021年居民人均可支配收入（26000元）的0.46倍，要求不高于0.5倍，达标。",
    ]);
    expect(
      judge("national.critical-illness-deductible-half-income", {
        parameters: ded,
        statistics: income(2021, 20_000),
      }).verdict,
    ).toBe("notMet");
    // The statistic of the wrong year does not count.
    const none = judge("national.critical-illness-deductible-half-income", {
      parameters: ded,
      statistics: income(2022, 26_000),
    });
    expect([none.verdictLabel, none.explanation]).toEqual([
      "数据不足",
      "未录入2021年居民人均可支配收入，数据不足。",
    ]);
  });

  it("待遇清单 compliance is judged by a person", () => {
    expect(judge("national.benefit-list", {}).verdictLabel).toBe("需人工研判");
  });
});

describe("sample plans' parameter targets, worked examples", () => {
  it("黄石: 普通门诊 ≥ 50 %", () => {
    const out = (v: number) => [
      p({ kind: "reimbursementRatio", scheme: "employee", service: "outpatient" }, v),
    ];
    expect(judge("plan.huangshi.outpatient-floor-50", { parameters: out(55) }).verdict).toBe("met");
    expect(judge("plan.huangshi.outpatient-floor-50", { parameters: out(48) }).verdict).toBe("notMet");
    expect(rulesFor(policyRules, ["420200", "420000"], "2022-06-30").map((r) => r.id)).toContain(
      "plan.huangshi.outpatient-floor-50",
    );
    expect(rulesFor(policyRules, ["411300", "410000"], "2022-06-30").map((r) => r.id)).not.toContain(
      "plan.huangshi.outpatient-floor-50",
    );
  });

  it("南阳: 职工 cap + 大额补助 ≈ 6 × 职工年平均工资 (±10 %)", () => {
    const caps = (basic: number, extra: number) => [
      p({ kind: "annualCap", scheme: "employee" }, basic),
      p({ kind: "annualCap", scheme: "employeeSupplementary" }, extra),
    ];
    const wage = [{ statistic: "employeeAverageWage" as const, year: 2022, value: 70_000, source: null }];
    const ok = judge("plan.nanyang.employee-cap-6x-wage", {
      parameters: caps(100_000, 320_000),
      statistics: wage,
    });
    expect([ok.verdictLabel, ok.explanation]).toEqual([
      "达标",
      "职工医保年度最高支付限额与职工大额医疗费用补助年度最高支付限额合计420000元，为2022年职工年平均工资（70000元）的6倍，要求约为6倍（允许偏差10%），达标。",
    ]);
    expect(
      judge("plan.nanyang.employee-cap-6x-wage", { parameters: caps(100_000, 200_000), statistics: wage })
        .verdict,
    ).toBe("notMet");
    // Only the basic cap recorded: 数据不足, naming what is missing.
    expect(
      judge("plan.nanyang.employee-cap-6x-wage", { parameters: caps(1, 1).slice(0, 1), statistics: wage })
        .explanation,
    ).toBe("未录入现行职工大额医疗费用补助年度最高支付限额，数据不足。");
  });

  it("南阳: 居民 cap + 大病保险 ≈ 6 × 居民人均可支配收入; caps by level need a person", () => {
    const income = [
      { statistic: "residentDisposableIncome" as const, year: 2022, value: 27_000, source: null },
    ];
    const caps = [
      p({ kind: "annualCap", scheme: "resident" }, 150_000),
      p({ kind: "annualCap", scheme: "criticalIllness" }, 10_000),
    ];
    expect(
      judge("plan.nanyang.resident-cap-6x-income", { parameters: caps, statistics: income }).verdict,
    ).toBe("met");
    const byLevel = [...caps, p({ kind: "annualCap", scheme: "resident", level: "level3" }, 100_000)];
    expect(
      judge("plan.nanyang.resident-cap-6x-income", { parameters: byLevel, statistics: income }).verdict,
    ).toBe("manual");
  });

  it("青阳: 住院 ratios about 80 % and 70 %; 黄石's nominal 居民 ratios by level are not", () => {
    const inp = (scheme: "employee" | "resident", v: number, level: ParameterDimensions["level"] = "any") => [
      p({ kind: "reimbursementRatio", scheme, service: "inpatient", level }, v),
    ];
    expect(judge("plan.qingyang.employee-inpatient-80", { parameters: inp("employee", 80) }).verdict).toBe(
      "met",
    );
    expect(judge("plan.qingyang.resident-inpatient-70", { parameters: inp("resident", 72) }).verdict).toBe(
      "met",
    );
    const byLevel = [
      ...inp("resident", 90, "level1"),
      ...inp("resident", 75, "level2"),
      ...inp("resident", 60, "level3"),
    ];
    const f = judge("plan.qingyang.resident-inpatient-70", { parameters: byLevel });
    expect([f.verdictLabel, f.explanation]).toEqual([
      "未达标",
      "城乡居民医保一级医疗机构住院报销比例90%、城乡居民医保三级医疗机构住院报销比例60%，不符合70%左右（±5个百分点）的要求，未达标。",
    ]);
  });

  it("鹤山: 医疗救助 比例 ≥ 70 % for 低保、特困", () => {
    const a = [p({ kind: "assistanceRatio", scheme: "assistance", population: "assistanceTarget" }, 70)];
    expect(judge("plan.heshan.assistance-floor-70", { parameters: a }).verdict).toBe("met");
  });

  it("every shipped rule names a source and a version", () => {
    expect(policyRules.length).toBeGreaterThanOrEqual(11);
    for (const r of policyRules)
      expect([r.source.title.length > 0, r.version.length > 0]).toEqual([true, true]);
  });
});

describe("pooling areas", () => {
  const county = (id: string, code: string, value: number) =>
    doc({
      id,
      title: `${code}文件`,
      jurisdictionCode: code,
      effectiveFrom: "2021-01-01",
      parameters: [
        { kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value },
      ],
    });
  const members = [
    { code: "420222", name: "阳新县", chain: ["420222", "420200"] },
    { code: "420281", name: "大冶市", chain: ["420281", "420200"] },
  ];
  const area = {
    jurisdictionCode: "420200",
    scheme: "resident" as const,
    level: "city" as const,
    since: null,
  };

  it("a county that sets a different value is a finding; one that inherits is uniform", () => {
    const m = poolingMatrix(
      [huangshi2020(), county("yx", "420222", 65)],
      area,
      "黄石市",
      members,
      "2022-06-30",
    );
    expect(m.rows).toHaveLength(6); // 居民 deductibles and ratios × 3 levels; 职工 is another scheme
    expect(m.findings.map((f) => [f.jurisdictionCode, f.message])).toEqual([
      [
        "420222",
        "阳新县城乡居民医保三级医疗机构住院报销比例为65%（《420222文件》），与黄石市（市级统筹）的60%不一致。",
      ],
    ]);
    const row = m.rows.find(
      (r) => r.dimensions.level === "level3" && r.dimensions.kind === "reimbursementRatio",
    )!;
    expect(row.cells.map((c) => [c.jurisdictionCode, c.value, c.own, c.differs])).toEqual([
      ["420222", 65, true, true],
      ["420281", 60, false, false],
    ]);
  });

  it("a county restating the area's value is uniform; a parameter only the county sets is a finding", () => {
    const same = poolingMatrix(
      [huangshi2020(), county("dy", "420281", 60)],
      area,
      "黄石市",
      members,
      "2022-06-30",
    );
    expect(same.findings).toEqual([]);
    const extra = doc({
      id: "extra",
      title: "大冶补充",
      jurisdictionCode: "420281",
      effectiveFrom: "2021-01-01",
      parameters: [{ kind: "annualCap", scheme: "resident", value: 300_000 }],
    });
    const m = poolingMatrix([huangshi2020(), extra], area, "黄石市", members, "2022-06-30");
    expect(m.findings.map((f) => f.message)).toEqual([
      "大冶市自行设定城乡居民医保年度最高支付限额30万元（《大冶补充》），黄石市（市级统筹）未设定该参数。",
    ]);
  });

  it("the covering area is the nearest along the chain for the scheme", () => {
    const areas = [
      area,
      { jurisdictionCode: "420000", scheme: "employee" as const, level: "province" as const, since: null },
    ];
    expect(poolingAreaOf(areas, ["420222", "420200", "420000"], "resident")?.jurisdictionCode).toBe("420200");
    expect(poolingAreaOf(areas, ["420222", "420200", "420000"], "employee")?.level).toBe("province");
    expect(poolingAreaOf(areas, ["420222", "420200", "420000"], "assistance")).toBeNull();
  });
});

describe("待遇清单 clean-up share", () => {
  it("counts done and overdue flagged documents by date", () => {
    const flagged = (id: string, deadline: string, doneOn: string | null) =>
      doc({ id, effectiveFrom: "2019-01-01", cleanup: { disposition: "repeal", deadline, doneOn } });
    const docs = [
      flagged("a", "2022-06-30", "2022-05-01"),
      flagged("b", "2022-06-30", null),
      flagged("c", "2023-06-30", null),
      huangshi2020(),
    ];
    expect(cleanupProgress(docs, "2022-12-31")).toEqual({ flagged: 3, done: 1, overdue: 1, sharePct: 33.3 });
    expect(cleanupProgress([huangshi2020()], "2022-12-31").sharePct).toBeNull();
  });
});
