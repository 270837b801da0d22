import type { CompanyStandardInput } from "../standard.ts";
import { src } from "./sources.ts";

const validity = { validityYears: 3, validitySource: src.validityUnknown };

const warn = { code: "written-warning", label: "书面提醒告诫", source: src.orderReading };
const riskNotice = {
  code: "risk-notice",
  label: "依托集中采购平台向采购方提示风险信息",
  source: src.orderReading,
};
const disclose = {
  code: "national-disclosure",
  label: "全国公开披露失信信息（国家医保局汇总公布）",
  source: src.nhsaBands2024,
};

/**
 * 2020 standard: four levels 一般/中等/严重/特别严重. Bribery bands: single payment 1万/10万/30万/200万
 * (NHSA wording), and a cumulative band of 50万 for 严重 and 200万 for 特别严重 (as the 2025 notice
 * describes the old bands). Cumulative 1万/10万 for the two lower levels are [U].
 */
export const standard2020: CompanyStandardInput = {
  id: "2020",
  shortLabel: "2020版",
  name: "医药价格和招采信用评级的裁量基准(2020版)",
  effectiveFrom: { year: 2020, quarter: 4 },
  levels: [
    { code: "general", label: "一般", severity: 1, ...validity, measures: [warn] },
    { code: "moderate", label: "中等", severity: 2, ...validity, measures: [warn, riskNotice] },
    {
      code: "serious",
      label: "严重",
      severity: 3,
      ...validity,
      measures: [
        riskNotice,
        { code: "cancel-case-products", label: "取消涉案产品挂网和配送资格", source: src.nhsaBands2024 },
        disclose,
      ],
    },
    {
      code: "most-serious",
      label: "特别严重",
      severity: 4,
      ...validity,
      measures: [
        riskNotice,
        { code: "cancel-all-products", label: "取消企业全部产品挂网和配送资格", source: src.nhsaBands2024 },
        disclose,
      ],
    },
  ],
  categories: [
    { code: "bribery", label: "医药商业贿赂", amountNoun: "行贿", source: src.opinion34 },
    { code: "tax", label: "涉税违法", amountNoun: "涉税违法金额", source: src.opinion34 },
    { code: "monopoly", label: "实施垄断行为", aliases: ["price-monopoly"], source: src.opinion34 },
    {
      code: "improper-pricing",
      label: "不正当价格行为",
      aliases: ["price-violation"],
      source: src.opinion34,
    },
    {
      code: "disrupt-procurement",
      label: "扰乱集中采购秩序",
      aliases: ["bid-violation"],
      source: src.opinion34,
    },
    {
      code: "breach-of-contract",
      label: "恶意违反合同约定",
      aliases: ["breach-of-commitment"],
      source: src.opinion34,
    },
    {
      code: "other-bad-faith",
      label: "其他有悖诚实信用的行为",
      aliases: ["resist-supervision"],
      source: src.opinion34,
    },
  ],
  criteria: [
    {
      kind: "amount",
      category: "bribery",
      basis: "single",
      thresholds: [
        { level: "general", minYuan: 10_000, source: src.nhsaBands2024 },
        { level: "moderate", minYuan: 100_000, source: src.nhsaBands2024 },
        { level: "serious", minYuan: 300_000, source: src.nhsaBands2024 },
        { level: "most-serious", minYuan: 2_000_000, source: src.nhsaBands2024 },
      ],
    },
    {
      kind: "amount",
      category: "bribery",
      basis: "cumulative",
      thresholds: [
        { level: "general", minYuan: 10_000, source: { ...src.spec2020, tag: "U" } },
        { level: "moderate", minYuan: 100_000, source: { ...src.spec2020, tag: "U" } },
        { level: "serious", minYuan: 500_000, source: src.notice2025 },
        { level: "most-serious", minYuan: 2_000_000, source: src.notice2025 },
      ],
    },
    {
      kind: "amount",
      category: "tax",
      basis: "cumulative",
      thresholds: [
        // 10万–100万 became 失信 in 2025; whether it was 一般 or 中等 in 2020 is [U]: 一般 chosen.
        { level: "general", minYuan: 100_000, source: { ...src.notice2025, tag: "U" } },
        { level: "serious", minYuan: 1_000_000, source: src.notice2025 },
        { level: "most-serious", minYuan: 10_000_000, source: src.notice2025 },
      ],
    },
  ],
  sources: [src.opinion34, src.spec2020, src.nhsaBands2024, src.notice2025],
};
