import type { RuleSetInput } from "../rule-set.ts";
import {
  flagsCatalogue,
  huangshiMeasuresSource,
  illustrativeItems,
  supervisionMeasures as m,
} from "./common.ts";

const bandsSource = {
  title: "内蒙古医保信用“1+3”模式：A≥90，80≤B<90，65≤C<80，D<65，一年一评",
  url: "https://reportify.ai/news/1212291051059023872",
  tag: "S" as const,
};

/** Inner Mongolia "1+3" credit model (news 2026-01-23): percentage scale, four grades, annual cycle. */
export const neiMongol2026: RuleSetInput = {
  id: "nei-mongol",
  version: "2026",
  name: "内蒙古自治区医疗保障信用评价（“1+3”模式）",
  jurisdiction: "150000",
  jurisdictionName: "内蒙古自治区",
  appliesTo: ["medical", "pharmacy"],
  status: "in-force",
  effectiveFrom: "2026-01-01",
  effectiveTo: null,
  scale: { min: 0, max: 100 },
  // Percentage scale; that a cycle starts at full marks and deducts is a reading, [D].
  base: 100,
  cycle: "calendar-year",
  items: illustrativeItems(1),
  bands: [
    {
      grade: "A",
      conditions: [{ metric: "score", op: "gte", value: 90 }],
      description: "得分≥90",
      measures: ["praise"],
      source: bandsSource,
    },
    {
      grade: "B",
      conditions: [{ metric: "score", op: "gte", value: 80 }],
      description: "80≤得分<90",
      measures: ["routine", "early-warning"],
      source: bandsSource,
    },
    {
      grade: "C",
      conditions: [{ metric: "score", op: "gte", value: 65 }],
      description: "65≤得分<80",
      measures: ["interview", "focused-monitoring"],
      source: bandsSource,
    },
    {
      grade: "D",
      conditions: [],
      description: "得分<65",
      measures: ["restrict-settlement", "focused-monitoring", "onsite-inspection"],
      source: bandsSource,
    },
  ],
  overrides: [
    {
      flag: "seriousDishonestyList",
      label: "列入严重失信主体名单",
      grade: "lowest",
      source: { title: "参照广东规则：列入严重失信主体名单直接评为最低等级", tag: "U" },
    },
  ],
  measures: [
    m.praise,
    m.routine,
    m.earlyWarning,
    m.interview,
    m.restrictSettlement,
    m.focusedMonitoring,
    m.onsiteInspection,
  ],
  flags: [flagsCatalogue.seriousDishonestyList],
  sources: [bandsSource, huangshiMeasuresSource],
  notes: ["扣分项目为示例（暂定）", "各等级监管措施按黄石规划所列措施推定"],
};
