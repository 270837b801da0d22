import type { InstitutionLevel, ParameterKind, Population, Scheme, Service } from "@ybplan/domain/policy";

/**
 * Words that name a parameter's kind, scheme, service, level and population in plan prose. Order
 * matters: the first pattern that matches wins (大病保险 before 城乡居民, 救助限额 before 限额).
 */
export const kindWords: readonly (readonly [RegExp, ParameterKind])[] = [
  [/救助比例/, "assistanceRatio"],
  [/(?:起付线|起付标准|起赔标准|起赔线)/, "deductible"],
  [/(?:最高支付限额|最高赔付限额|救助限额|封顶线)/, "annualCap"],
  [/(?:报销比例|支付比例|赔付比例)/, "reimbursementRatio"],
  [/个人缴费标准/, "personalContribution"],
  [/财政补助标准/, "fiscalSubsidy"],
  [/个人账户划入比例/, "personalAccountRatio"],
];

export const schemeWords: readonly (readonly [RegExp, Scheme])[] = [
  [/大病保险/, "criticalIllness"],
  [/大额(?:医疗费用)?补助/, "employeeSupplementary"],
  [/医疗救助|救助比例|救助限额/, "assistance"],
  [/长期护理/, "longTermCare"],
  [/生育保险/, "maternity"],
  [/城乡居民|居民医保|居民参保/, "resident"],
  [/职工/, "employee"],
];

export const serviceWords: readonly (readonly [RegExp, Service])[] = [
  [/门诊慢特病|慢特病|门诊特定病种|门诊大病/, "chronicOutpatient"],
  [/普通门诊/, "outpatient"],
  [/“?两病”?/, "twoDiseases"],
  [/住院/, "inpatient"],
];

export const populationWords: readonly (readonly [RegExp, Population])[] = [
  [/低保|最低生活保障|特困|重点救助/, "assistanceTarget"],
  [/贫困|脱贫|建档立卡/, "exPoor"],
  [/退休/, "retired"],
  [/在职/, "active"],
];

export const placeWords: readonly (readonly [RegExp, InstitutionLevel])[] = [
  [/县域内/, "inCounty"],
  [/县域外/, "outCounty"],
  [/异地/, "offsite"],
];

const levelByNumeral: Record<string, InstitutionLevel> = { 一: "level1", 二: "level2", 三: "level3" };

/** "一、二、三级医疗机构" / "三级医院" → the levels in the order written; [] when none. */
export function levelsIn(text: string): InstitutionLevel[] {
  const m = /([一二三](?:[、和及与][一二三])*)级(?:医疗机构|医院|定点)/.exec(text);
  if (!m) return [];
  return m[1]!.split(/[、和及与]/).map((n) => levelByNumeral[n]!);
}

export const firstMatch = <T>(table: readonly (readonly [RegExp, T])[], text: string): T | null =>
  table.find(([re]) => re.test(text))?.[1] ?? null;

export const allMatches = <T>(table: readonly (readonly [RegExp, T])[], text: string): T[] => [
  ...new Set(table.filter(([re]) => re.test(text)).map(([, v]) => v)),
];
