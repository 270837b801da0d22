import type { RuleSetInput } from "../rule-set.ts";
import { flagsCatalogue, illustrativeItems } from "./common.ts";

const source = {
  title: "南通市医疗保险定点零售药店诚信服务信用等级评定办法：A（定点满3年且年扣分≤8）、B（满2年且≤15）、C",
  url: "http://aibaoyl.com/news/show-21425.html",
  tag: "S" as const,
};

/**
 * Nantong retail-pharmacy grades (2020): grades read the points deducted in the year and the years
 * designated, not a score. The text gives B as "≤15" and C as "≥15"; exactly 15 is read as B (first
 * band that matches wins) — [U].
 */
export const nantongPharmacy2020: RuleSetInput = {
  id: "nantong-pharmacy",
  version: "2020",
  name: "南通市医疗保险定点零售药店诚信服务信用等级评定",
  jurisdiction: "320600",
  jurisdictionName: "南通市",
  appliesTo: ["pharmacy"],
  status: "in-force",
  effectiveFrom: "2020-01-01",
  effectiveTo: null,
  // Grades use deducted points; the score (100 − deductions) is informational.
  scale: { min: 0, max: 100 },
  base: 100,
  cycle: "calendar-year",
  items: illustrativeItems(1),
  bands: [
    {
      grade: "A",
      conditions: [
        { metric: "yearsDesignated", op: "gte", value: 3 },
        { metric: "deducted", op: "lte", value: 8 },
        { flag: "failedAnnualReview", is: false },
      ],
      description: "定点满3年且年度扣分≤8分",
      measures: ["routine"],
      source,
    },
    {
      grade: "B",
      conditions: [
        { metric: "yearsDesignated", op: "gte", value: 2 },
        { metric: "deducted", op: "lte", value: 15 },
        { flag: "failedAnnualReview", is: false },
      ],
      description: "定点满2年且年度扣分≤15分",
      measures: ["routine"],
      source,
    },
    {
      grade: "C",
      conditions: [],
      description: "定点不满2年，或年度考核不合格，或年度扣分超过15分",
      measures: ["focused-monitoring"],
      source,
    },
  ],
  overrides: [],
  measures: [
    { code: "routine", label: "常规监管" },
    { code: "focused-monitoring", label: "重点监控；连续两年C级且考核不合格的解除服务协议" },
  ],
  flags: [flagsCatalogue.failedAnnualReview],
  sources: [source],
  notes: [
    "扣分项目为示例（暂定）",
    "连续两年优秀可申请升级、C级连续两年考核不合格解除协议，属协议管理，未在评级中计算",
  ],
};
