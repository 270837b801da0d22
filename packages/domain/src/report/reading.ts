import type { Verdict } from "../evaluation/verdict.ts";
import type { AssessmentRule, IndicatorDirection } from "../indicator/schema.ts";
import { formatDifference, formatNumber, formatQuantity } from "./format.ts";
import type { EvaluationLike, GapCell, YearValue } from "./model.ts";

/**
 * How the report reads one evaluation: the value judged, the one gap that decides the verdict,
 * the verdict as printed and the sentence saying so. Every table cell and sentence about an
 * indicator is taken from this one reading, so they cannot disagree.
 */

/** Verdict words of an outgoing document (internal states worded formally). */
export const reportVerdictLabels: Record<Verdict, string> = {
  achieved: "已达成",
  onTrack: "进展顺利",
  behind: "进度滞后",
  missed: "未达成",
  needsJudgement: "待研判",
  insufficientData: "暂无数据",
};

export interface ReadingInput {
  readonly year: number;
  readonly name: string;
  readonly unit: string | null;
  readonly attributeLabel: string;
  readonly binding: boolean;
  readonly direction: IndicatorDirection;
  readonly assessment: AssessmentRule;
  readonly targetKind: string;
  readonly targetText: string;
  readonly baselineText: string;
  /** The row's numbers, used where the evaluation does not give its own. */
  readonly targetValue: number | null;
  readonly baselineValue: number | null;
  readonly expected: number | null;
  readonly evaluation: EvaluationLike;
  /** Actuals from the baseline year to the report year. */
  readonly actuals: readonly YearValue[];
}

export interface Reading {
  readonly verdict: Verdict;
  readonly breach: boolean;
  /** The value judged (the year's actual, or the period average / sum). */
  readonly assessed: { readonly value: number | null; readonly text: string; readonly label: string };
  readonly gap: GapCell | null;
  /** How the verdict was reached, when it is not the plain time-elapsed comparison. */
  readonly method: string | null;
  /** "较基期下降1.2个百分点，连续两年下降" for a binding indicator moving backwards. */
  readonly trend: string | null;
  /** The clause after the indicator's name: "2023年为97.3%，高于约束性目标0.3个百分点，已达成". */
  readonly clause: string;
}

const EPS = 1e-9;

function span(years: readonly number[]): string {
  if (years.length === 0) return "";
  const first = years[0]!;
  const last = years.at(-1)!;
  return first === last ? `${first}年` : `${first}—${last}年`;
}

/** Sign of "better" for the indicator: +1 higher is better, −1 lower is better. */
function better(direction: IndicatorDirection, op: string | null | undefined): 1 | -1 {
  if (op === "lte" || op === "lt") return -1;
  if (op === "gte" || op === "gt") return 1;
  return direction === "lower" ? -1 : 1;
}

export function readEvaluation(r: ReadingInput): Reading {
  const ev = r.evaluation;
  const inputs = ev.inputs;
  const actual = r.actuals.at(-1);
  const yearsUsed = inputs?.yearsUsed ?? [];
  const averaged = r.assessment === "periodAverage" && yearsUsed.length > 1;
  const summed = r.assessment === "cumulative" && yearsUsed.length > 1;
  const assessedValue = inputs?.actual ?? actual?.value ?? null;
  const label = averaged
    ? `${span(yearsUsed).replace(/年$/, "")}年均值`
    : summed
      ? `${span(yearsUsed)}累计`
      : `${r.year}年`;
  const assessedText =
    assessedValue !== null
      ? formatQuantity(assessedValue, r.unit)
      : actual && actual.text !== "—"
        ? `“${actual.text}”`
        : "—";
  const assessed = { value: assessedValue, text: assessedText, label };
  const sign = better(r.direction, inputs?.targetOp);
  // The engine's own numbers when it gives them (its expected is null where it draws no line).
  const targetValue = inputs?.targetValue !== undefined ? inputs.targetValue : r.targetValue;
  const baseline = inputs ? inputs.baselineValue : r.baselineValue;
  const expected = inputs ? inputs.expected : r.expected;
  const bandLow = inputs?.bandLow ?? null;
  const bandHigh = inputs?.bandHigh ?? null;
  const isBand = r.targetKind === "band";
  // A benefit ratio (报销比例, 救助比例) "稳定在70%左右" has direction higher: the engine meets it
  // above the band too, and the wording says so; the verdict is always the engine's.
  const direction: IndicatorDirection = r.direction;
  const isMaintain = r.targetKind === "maintain";

  let verdict = ev.verdict;
  let method: string | null = null;
  let gap: GapCell | null = null;
  const parts: string[] = [];

  if (assessedValue === null) {
    if (actual && actual.text !== "—") {
      parts.push(`${r.year}年填报情况为${assessedText}`);
    } else {
      verdict = verdict === "needsJudgement" ? "needsJudgement" : "insufficientData";
      parts.push(`${r.year}年尚未填报监测数据`);
      if (r.targetKind === "qualitative" || r.targetKind === "milestone")
        parts.push(`目标为“${r.targetText}”，须填报数据或研判结论`);
    }
  } else {
    parts.push(`${label}为${assessedText}`);
    if (isBand && bandLow !== null && bandHigh !== null) {
      const range = `${formatNumber(bandLow)}—${formatQuantity(bandHigh, r.unit)}`;
      const goodSide = direction === "lower" ? assessedValue < bandLow - EPS : assessedValue > bandHigh + EPS;
      if (assessedValue >= bandLow - EPS && assessedValue <= bandHigh + EPS) {
        parts.push(`处于${r.attributeLabel}目标区间（${range}）内`);
      } else if (goodSide && direction !== "band") {
        // A benefit ratio above "70%左右" beats the target; it is not lagging.
        const d = direction === "lower" ? bandLow - assessedValue : assessedValue - bandHigh;
        gap = { value: d, text: `+${formatDifference(d, r.unit)}`, against: "target" };
        parts.push(
          `${direction === "lower" ? "低于" : "高于"}目标区间（${range}）${formatDifference(d, r.unit)}，好于目标`,
        );
      } else {
        const below = assessedValue < bandLow;
        const d = below ? bandLow - assessedValue : assessedValue - bandHigh;
        // Outside a band the gap is to its edge: a distance to a line drawn towards the band's
        // centre says nothing once the value is past it.
        gap = { value: -d, text: `-${formatDifference(d, r.unit)}`, against: "target" };
        parts.push(
          `${below ? "低于" : "高于"}${r.attributeLabel}目标区间（${range}）${formatDifference(d, r.unit)}`,
        );
      }
    } else if (isMaintain && bandLow !== null && bandHigh !== null) {
      const range = `${formatNumber(bandLow)}—${formatQuantity(bandHigh, r.unit)}`;
      const inside = assessedValue >= bandLow - EPS && assessedValue <= bandHigh + EPS;
      parts.push(inside ? `保持在基期水平的稳定区间（${range}）内` : `超出基期水平的稳定区间（${range}）`);
    } else if (targetValue !== null && baseline === null && verdict === "needsJudgement") {
      // Without a baseline no time-elapsed line exists: not reaching the end target mid-period
      // is not evidence of lagging.
      const d = (targetValue - assessedValue) * sign;
      gap = { value: -d, text: `-${formatDifference(d, r.unit)}`, against: "target" };
      parts.push(
        `距${r.attributeLabel}目标（${formatQuantity(targetValue, r.unit)}）尚差${formatDifference(d, r.unit)}`,
      );
      method = "规划未设基期值，无法按时序进度测算，对照期末目标研判";
    }
    if (
      gap === null &&
      (verdict === "onTrack" || verdict === "behind") &&
      expected !== null &&
      !isMaintain &&
      !isBand
    ) {
      // The line's gap: actual minus the expected value, in the good direction.
      const d = (assessedValue - expected) * sign;
      gap = { value: d, text: signed(d, r.unit), against: "line" };
      const req = summed ? "按时序进度应累计达到" : "按时序进度应达到";
      parts.push(`${req}${formatQuantity(expected, r.unit)}`);
      if (Math.abs(d) < 0.005) parts.push("与时序进度持平");
      else
        parts.push(
          d > 0
            ? `快于时序进度${formatDifference(d, r.unit)}`
            : `落后时序进度${formatDifference(-d, r.unit)}`,
        );
    } else if (
      gap === null &&
      targetValue !== null &&
      !isBand &&
      !isMaintain &&
      r.targetKind !== "compound"
    ) {
      const d = (assessedValue - targetValue) * sign;
      gap = { value: d, text: signed(d, r.unit), against: "target" };
      const t = `${r.attributeLabel}目标（${formatQuantity(targetValue, r.unit)}）`;
      if (Math.abs(d) < 0.005) parts.push(verdict === "achieved" ? `达到${t}` : `与${t}持平，未超过目标`);
      else {
        const higher = assessedValue > targetValue;
        parts.push(
          `${higher ? "高于" : "低于"}${t}${formatDifference(Math.abs(assessedValue - targetValue), r.unit)}`,
        );
      }
    }
    // A staged yearly target (每年进度分别不低于…) decides the year: the report says so.
    if (inputs?.notes?.some((n) => n.endsWith("年分年度目标判断")))
      method = method ?? `按规划确定的${r.year}年分年度目标判断`;
    if (averaged) method = method ?? "按规划注释，以期间各年平均值判断";
    if (r.assessment === "eachYear") method = method ?? "按规划注释，须每年达到目标";
    if (summed) method = method ?? "按规划注释，以期间累计值判断";
  }

  const trend = bindingTrend(r, sign, baseline);
  const breach = r.evaluation.breach && (verdict === "behind" || verdict === "missed");
  const tail = reportVerdictLabels[verdict];
  const clause = [...parts, ...(method ? [method] : []), ...(trend ? [trend] : []), tail].join("，");
  return { verdict, breach, assessed, gap, method, trend, clause };
}

function signed(d: number, unit: string | null): string {
  if (Math.abs(d) < 0.005) return "0";
  return `${d > 0 ? "+" : "-"}${formatDifference(d, unit)}`;
}

/**
 * A binding indicator that fell two years running and is below its baseline is named for what it
 * is: 较基期下降…，连续两年下降.
 */
function bindingTrend(r: ReadingInput, sign: 1 | -1, baseline: number | null): string | null {
  if (!r.binding) return null;
  const nums = r.actuals.map((a) => a.value);
  const [a, b, c] = [nums.at(-3), nums.at(-2), nums.at(-1)];
  if (a == null || b == null || c == null || baseline === null) return null;
  const fellTwice = (b - a) * sign < -EPS && (c - b) * sign < -EPS;
  const belowBase = (c - baseline) * sign < -EPS;
  if (!fellTwice || !belowBase) return null;
  return `较基期${formatQuantity(baseline, r.unit)}下降${formatDifference(Math.abs(c - baseline), r.unit)}，连续两年下降，呈倒退趋势`;
}
