import type { RuleSetInput } from "../rule-set.ts";
import {
  flagsCatalogue,
  huangshiMeasuresSource,
  illustrativeItems,
  supervisionMeasures as m,
} from "./common.ts";

const scaleSource = {
  title: "广东医疗保障信用管理办法（征求意见稿）：机构千分制，基础分850分，A–E五级",
  url: "http://www.haoji02.cn/jjqx/wh/20230630/1100497.html",
  tag: "S" as const,
};
const overrideSource = {
  title: "广东医疗保障信用管理办法第四章：列入严重失信主体名单的直接评为E级",
  url: "https://315jiage.cn/mn520409p3.aspx",
  tag: "S" as const,
};
const provisionalBands = {
  title: "A–E分数线未检索到；暂定A≥900、B≥850、C≥750、D≥600、E<600（基础分850即B级）",
  tag: "U" as const,
  note: "domain-rules.md §4 第7项",
};

/** Guangdong draft (2023-06): 1000-point scale, base 850, grades A–E, E for the serious-dishonesty list. */
export const guangdong2023: RuleSetInput = {
  id: "guangdong",
  version: "2023-draft",
  name: "广东省医疗保障信用评价（征求意见稿）",
  jurisdiction: "440000",
  jurisdictionName: "广东省",
  appliesTo: ["medical", "pharmacy"],
  status: "draft",
  effectiveFrom: "2024-01-01",
  effectiveTo: null,
  scale: { min: 0, max: 1000 },
  base: 850,
  cycle: "calendar-year",
  items: [
    ...illustrativeItems(10),
    {
      code: "credit-commitment",
      label: "主动签署并履行信用承诺",
      kind: "bonus",
      points: 20,
      maxPoints: 50,
      source: { title: "千分制、基础分850意味着可加分；加分项目为示例", tag: "U" },
    },
    {
      code: "self-correction",
      label: "主动自查自纠并退回违规资金",
      kind: "bonus",
      points: 30,
      maxPoints: 100,
      source: { title: "加分项目为示例", tag: "U" },
    },
  ],
  bands: [
    {
      grade: "A",
      conditions: [{ metric: "score", op: "gte", value: 900 }],
      measures: ["praise"],
      source: provisionalBands,
    },
    {
      grade: "B",
      conditions: [{ metric: "score", op: "gte", value: 850 }],
      measures: ["routine"],
      source: provisionalBands,
    },
    {
      grade: "C",
      conditions: [{ metric: "score", op: "gte", value: 750 }],
      measures: ["early-warning", "interview"],
      source: provisionalBands,
    },
    {
      grade: "D",
      conditions: [{ metric: "score", op: "gte", value: 600 }],
      measures: ["interview", "focused-monitoring", "onsite-inspection"],
      source: provisionalBands,
    },
    {
      grade: "E",
      conditions: [],
      measures: ["restrict-settlement", "focused-monitoring", "onsite-inspection"],
      source: provisionalBands,
    },
  ],
  overrides: [
    { flag: "seriousDishonestyList", label: "列入严重失信主体名单", grade: "E", source: overrideSource },
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
  sources: [scaleSource, overrideSource, huangshiMeasuresSource],
  notes: ["征求意见稿；分数线与扣分、加分项目为暂定"],
};
