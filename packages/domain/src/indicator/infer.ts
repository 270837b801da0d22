import type { SimpleTarget, TargetExpression } from "../target/expression.ts";
import type { AssessmentRule, IndicatorDirection } from "./schema.ts";

/**
 * Inferring an indicator's direction and assessment rule from what the plan says, for the importer
 * (a person can still correct both). Names may be in traditional characters (Hunan's plan).
 */

/**
 * Name fragments of lower-is-better indicators: out-of-pocket shares, burdens, cost growth, fraud.
 * Plain "费用" is not enough — "住院费用报销比例" is higher-is-better.
 */
const LOWER_IS_BETTER = [
  "个人卫生支出",
  "個人衛生支出",
  "个人负担",
  "個人負擔",
  "自付",
  "自费",
  "自費",
  "负担",
  "負擔",
  "费用增长",
  "費用增長",
  "费用增幅",
  "費用增幅",
  "次均费用",
  "次均費用",
  "平均住院日",
  "药占比",
  "藥佔比",
  "耗占比",
  "违规",
  "違規",
  "欺诈",
  "欺詐",
  "拒付",
];

/** Ratios paid to insured people (报销, 救助, 支付, 补偿): more is better even under a 左右 target. */
const BENEFIT_RATIO = /(报销|報銷|救助|支付|补偿|補償)比例/;

function directionOfSimple(target: SimpleTarget): IndicatorDirection | null {
  switch (target.kind) {
    case "threshold":
      return target.op === "gt" || target.op === "gte" ? "higher" : "lower";
    case "band":
    case "maintain":
      return "band";
    case "level":
      if (target.directionHint !== null) return target.directionHint;
      if (target.from !== null && target.from.value !== target.quantity.value) {
        return target.quantity.value < target.from.value ? "lower" : "higher";
      }
      return null;
    default:
      return null;
  }
}

/**
 * Which way is good. The target's own words decide first (≤ / 以下 / 降至 → lower, ≥ / 以上 →
 * higher, 左右 / 保持稳定 → band, "从63%提高到70%" by its numbers); then lower-is-better names
 * (个人卫生支出占卫生总费用的比例, 负担, 自付…); otherwise higher.
 */
export function inferDirection(name: string, target: TargetExpression): IndicatorDirection {
  const simple = target.kind === "compound" ? target.parts.map((p) => p.target) : [target];
  for (const t of simple) {
    const d = directionOfSimple(t);
    // A benefit ratio "稳定在70%左右" is a floor in spirit: above the band is better, not off target.
    if (d === "band" && t.kind === "band" && BENEFIT_RATIO.test(name)) return "higher";
    if (d !== null) return d;
  }
  return LOWER_IS_BETTER.some((w) => name.includes(w)) ? "lower" : "higher";
}

/**
 * The assessment rule a footnote sets: "年均…保持在96%以上" → periodAverage (Huangshi ①);
 * "每年保持在95%以上" / "各年" / "历年" → eachYear (Qingyang ①); "累计" → cumulative; otherwise
 * (also "到2025年…达500个以上") endOfPeriod.
 */
export function assessmentRuleFromFootnote(text: string | null): AssessmentRule {
  if (text === null) return "endOfPeriod";
  if (text.includes("年均") || text.includes("平均")) return "periodAverage";
  if (["每年", "每一年", "各年", "历年", "歷年"].some((w) => text.includes(w))) return "eachYear";
  if (text.includes("累计") || text.includes("累計")) return "cumulative";
  return "endOfPeriod";
}
