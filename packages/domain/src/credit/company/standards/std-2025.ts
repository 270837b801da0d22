import type { CompanyStandardInput } from "../standard.ts";
import { src } from "./sources.ts";

const validity = { validityYears: 3, validitySource: src.validityUnknown };
const disclose = {
  code: "national-disclosure",
  label: "全国公开披露失信信息（国家医保局汇总公布）",
  source: src.announcement15,
};
const distributorSuspension = (years: number) => ({
  code: `suspend-distribution-${years}y`,
  label: `中止本省配送资格${years}年`,
  appliesTo: "distributor" as const,
  durationYears: years,
  source: { ...src.distributor2025, tag: "U" as const, note: "等级与1/3/5年的对应关系为推定" },
});

/**
 * 2025 standard: three levels 失信/严重失信/特别严重失信, cumulative bribery bands 1万/50万/100万,
 * tax bands 5万/50万/250万, 顶格评定 for bribing medical-security staff or bid-rigging in national VBP.
 * Applies from the Q3 2025 rating with the 注1 transition (serious levels by 2025, lower by 2020).
 */
export const standard2025: CompanyStandardInput = {
  id: "2025",
  shortLabel: "2025版",
  name: "医药价格和招采信用评价的裁量基准(2025版)",
  effectiveFrom: { year: 2025, quarter: 3 },
  levels: [
    {
      // Merges 2020's 一般 and 中等; ranked with the higher of the two so highest-wins never understates.
      code: "dishonest",
      label: "失信",
      severity: 2,
      ...validity,
      measures: [
        { code: "written-warning", label: "书面提醒告诫", source: src.orderReading },
        { code: "risk-notice", label: "依托集中采购平台向采购方提示风险信息", source: src.orderReading },
        distributorSuspension(1),
      ],
    },
    {
      code: "serious",
      label: "严重失信",
      severity: 3,
      ...validity,
      measures: [
        { code: "cancel-case-products", label: "取消涉案产品挂网和配送资格", source: src.announcement15 },
        disclose,
        distributorSuspension(3),
      ],
    },
    {
      code: "most-serious",
      label: "特别严重失信",
      severity: 4,
      ...validity,
      measures: [
        {
          code: "suspend-all-products-province",
          label: "中止本省所有产品挂网和投标（涉案产品全国范围内中止）",
          appliesTo: "manufacturer",
          source: src.notice2025,
        },
        disclose,
        distributorSuspension(5),
      ],
    },
  ],
  categories: [
    { code: "bribery", label: "商业贿赂", amountNoun: "行贿", source: src.discretion2025 },
    { code: "tax", label: "涉税违法", amountNoun: "涉税违法金额", source: src.discretion2025 },
    { code: "price-monopoly", label: "价格垄断", aliases: ["monopoly"], source: src.discretion2025 },
    { code: "price-violation", label: "价格违法", aliases: ["improper-pricing"], source: src.discretion2025 },
    {
      code: "resist-supervision",
      label: "抗拒监管",
      aliases: ["other-bad-faith"],
      source: src.discretion2025,
    },
    {
      code: "bid-violation",
      label: "违规竞标",
      aliases: ["disrupt-procurement"],
      source: src.discretion2025,
    },
    {
      code: "breach-of-commitment",
      label: "违反承诺",
      aliases: ["breach-of-contract"],
      source: src.discretion2025,
    },
  ],
  criteria: [
    {
      kind: "amount",
      category: "bribery",
      basis: "cumulative",
      thresholds: [
        { level: "dishonest", minYuan: 10_000, source: src.announcement15 },
        { level: "serious", minYuan: 500_000, source: src.announcement15 },
        { level: "most-serious", minYuan: 1_000_000, source: src.announcement15 },
      ],
    },
    {
      kind: "amount",
      category: "tax",
      basis: "cumulative",
      thresholds: [
        { level: "dishonest", minYuan: 50_000, source: src.notice2025 },
        { level: "serious", minYuan: 500_000, source: src.notice2025 },
        { level: "most-serious", minYuan: 2_500_000, source: src.notice2025 },
      ],
    },
    {
      kind: "circumstance",
      circumstance: "bribed-medical-security-staff",
      label: "向医保部门（含集采机构）工作人员行贿",
      categories: ["bribery"],
      level: "most-serious",
      source: src.notice2025,
    },
    {
      kind: "circumstance",
      circumstance: "national-vbp-bid-rigging",
      label: "在国家组织集中带量采购中围标串标",
      level: "most-serious",
      source: src.notice2025,
    },
  ],
  corrections: {
    measures: [
      { no: 1, label: "停止失信行为（终止行贿、放弃不当中标挂网、恢复合同价格或配送等）" },
      { no: 2, label: "处理涉事人员和代理人员，直至解除劳动或代理关系" },
      { no: 3, label: "在省级医保部门网站或集采平台公开致歉" },
      { no: 4, label: "提交合规整改报告并接受合规检查" },
      { no: 5, label: "剔除虚高价格部分" },
      { no: 6, label: "退回不当得利" },
    ],
    required: [
      {
        category: "bribery",
        level: "most-serious",
        measures: [1, 2, 3, 4, 5, 6],
        source: src.discretion2025,
      },
      { category: "tax", level: "dishonest", measures: [1, 5, 6], source: src.discretion2025 },
    ],
  },
  transition: {
    predecessor: "2020",
    fromQuarter: { year: 2025, quarter: 3 },
    until: null,
    ownFromSeverity: 3,
    source: src.announcement15,
  },
  sources: [src.notice2025, src.announcement15, src.discretion2025, src.distributor2025],
};
