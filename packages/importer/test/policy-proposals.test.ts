import { PolicyParameter } from "@ybplan/domain/policy";
import { readSamplePlan } from "@ybplan/samples";
import { describe, expect, it } from "vitest";
import { type ProposedParameter, proposePolicyParameters } from "../src/index.ts";

const row = (p: ProposedParameter) => [
  p.line,
  p.kind,
  p.scheme,
  p.service,
  p.level,
  p.population,
  p.value,
  p.approximate,
  p.qualifier,
  p.asOfYear,
];

describe("parameter proposals from the sample plans", () => {
  it("黄石: the three deductibles and the 2 × 3 table of ratios of the 2020 snapshot; the 2020 effective ratios are not parameters", () => {
    const { proposals, warnings } = proposePolicyParameters(readSamplePlan("hubei-huangshi-city"), {
      defaultYear: 2020,
    });
    const line93 = proposals.filter((p) => p.line === 93).map(row);
    expect(line93).toEqual([
      [93, "deductible", null, "inpatient", "level1", "all", 200, false, null, 2020],
      [93, "deductible", null, "inpatient", "level2", "all", 500, false, null, 2020],
      [93, "deductible", null, "inpatient", "level3", "all", 800, false, null, 2020],
      [93, "reimbursementRatio", "employee", "inpatient", "level1", "all", 90, false, null, 2020],
      [93, "reimbursementRatio", "employee", "inpatient", "level2", "all", 88, false, null, 2020],
      [93, "reimbursementRatio", "employee", "inpatient", "level3", "all", 86, false, null, 2020],
      [93, "reimbursementRatio", "resident", "inpatient", "level1", "all", 90, false, null, 2020],
      [93, "reimbursementRatio", "resident", "inpatient", "level2", "all", 75, false, null, 2020],
      [93, "reimbursementRatio", "resident", "inpatient", "level3", "all", 60, false, null, 2020],
    ]);
    // The deductible sentence names no scheme: proposed with scheme null and a warning to choose.
    expect(warnings.filter((w) => w.line === 93).map((w) => [w.code, w.text])).toEqual([
      ["schemeNotStated", "全市一、二、三级医疗机构住院起付线稳定在200元、500元、800元"],
      ["effectiveRatio", "职工医保为75.62%"],
      ["effectiveRatio", "城乡居民医保为68.65%"],
    ]);
    // 居民个人缴费 320 元; the 985 policy's bounds for 脱贫人口 (县域内); achieved ratios (达 91.59%) skipped.
    expect(proposals.filter((p) => p.line !== 93).map(row)).toEqual([
      [97, "reimbursementRatio", null, "inpatient", "inCounty", "exPoor", 90, false, "atLeast", 2020],
      [97, "reimbursementRatio", null, "chronicOutpatient", "inCounty", "exPoor", 80, false, "atLeast", 2020],
      [125, "personalContribution", "resident", "any", "any", "all", 320, false, null, 2020],
    ]);
    // The plan's target "普通门诊…不低于50%" is a target, not a parameter in force.
    expect(warnings.filter((w) => w.line === 185).map((w) => w.code)).toEqual(["effectiveRatio"]);
  });

  it("青阳: 大病保险 起付线 1.2 万元 and 65 % 左右; the 80 % / 70 % pair is not split by guess", () => {
    const { proposals, warnings } = proposePolicyParameters(readSamplePlan("anhui-qingyang-county"), {
      defaultYear: 2020,
    });
    expect(proposals.map(row)).toEqual([
      [33, "deductible", "criticalIllness", "any", "any", "all", 12_000, false, null, 2021],
      [33, "reimbursementRatio", "criticalIllness", "any", "any", "all", 65, true, null, 2021],
    ]);
    expect(warnings.filter((w) => w.line === 33).map((w) => w.code)).toEqual(["ambiguous"]);
  });

  it("鹤山: caps 54 / 80 万元, the 580 元 subsidy of 2021, 大病 起赔 1 万元, 救助 ≥ 70 %; increases are not values", () => {
    const { proposals, warnings } = proposePolicyParameters(readSamplePlan("guangdong-heshan-city"), {
      defaultYear: 2020,
    });
    expect(proposals.map(row)).toEqual([
      [47, "fiscalSubsidy", "resident", "any", "any", "all", 580, false, null, 2021],
      [47, "annualCap", "resident", "inpatient", "any", "all", 540_000, false, null, 2021],
      [47, "annualCap", "employee", "inpatient", "any", "all", 800_000, false, null, 2021],
      [47, "annualCap", "resident", "outpatient", "any", "all", 240, false, null, 2021],
      [47, "deductible", "criticalIllness", "any", "any", "all", 10_000, false, null, 2021],
      [48, "assistanceRatio", "assistance", "any", "any", "assistanceTarget", 70, false, "atLeast", 2020],
      [48, "annualCap", "assistance", "any", "any", "assistanceTarget", 80_000, false, "atLeast", 2020],
    ]);
    expect(warnings.filter((w) => w.code === "relativeChange").map((w) => w.text)).toEqual([
      "比2016年提高160元",
      "比2016年提高24万元",
      "比2016年提高20万元",
      "比2016年提高90元",
      "建档立卡的贫困人员、最低生活保障对象大病保险起赔标准下降70%",
      "赔付比例提高10%",
      "特困供养人员大病保险起赔标准下降80%",
      "赔付比例提高20%",
    ]);
  });

  it("南阳 and 湖南 state no parameter values (ratios are effective, caps are relative to a statistic)", () => {
    expect(proposePolicyParameters(readSamplePlan("henan-nanyang-city")).proposals).toEqual([]);
    expect(proposePolicyParameters(readSamplePlan("hunan-province")).proposals).toEqual([]);
  });

  it("every proposal with a scheme is a valid parameter once confirmed", () => {
    for (const key of ["hubei-huangshi-city", "anhui-qingyang-county", "guangdong-heshan-city"] as const) {
      for (const p of proposePolicyParameters(readSamplePlan(key)).proposals) {
        const parsed = PolicyParameter.safeParse({ ...p, scheme: p.scheme ?? "resident" });
        expect(parsed.success).toBe(true);
      }
    }
  });
});

describe("parameter sentences, one rule each", () => {
  const propose = (text: string) => proposePolicyParameters(text);
  it("a count of values that does not match the levels is reported, not guessed", () => {
    const r = propose("一、二、三级医疗机构住院起付线为200元、500元。");
    expect([r.proposals, r.warnings.map((w) => w.code)]).toEqual([[], ["ambiguous"]]);
  });
  it("a single level, a scheme after the kind, and 万元 amounts", () => {
    const r = propose("城乡居民医保三级医院住院报销比例调整为65%；职工大额医疗费用补助最高支付限额30万元。");
    expect(r.proposals.map((p) => [p.kind, p.scheme, p.level, p.value])).toEqual([
      ["reimbursementRatio", "resident", "level3", 65],
      ["annualCap", "employeeSupplementary", "any", 300_000],
    ]);
  });
  it("a unit that does not fit the kind is not read as its value", () => {
    expect(propose("大病保险起付线为上年居民人均可支配收入的50%。").proposals).toEqual([]);
  });
});
