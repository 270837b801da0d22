import { type Context, insufficient, makePart } from "./context.ts";
import { judgeEscap } from "./escap.ts";
import { decimalsOf, precisionFor, yearSpan } from "./format.ts";
import { type Baseline, goodSign, meets, type NumericGoal, nearlyEqual } from "./goal.ts";
import { computed, gap, requirement, standing, value } from "./phrases.ts";
import type { EvaluationInputs, EvaluationPart } from "./schema.ts";
import { numericYearsBetween } from "./series.ts";

const EPS = 1e-9;

/**
 * Judges a numeric goal in `ctx.year`. Footnote rules (每年 / 年均 / 累计) apply whatever the
 * method, since they are the plan's own terms; otherwise 时序进度 or, for thresholds, ESCAP.
 */
export function judgeNumeric(
  ctx: Context,
  goal: NumericGoal,
  baseline: Baseline,
  inputs: EvaluationInputs,
): EvaluationPart {
  const actual = ctx.series.numbers.get(ctx.year);
  if (actual === undefined) {
    return insufficient(ctx, "missingActual", `缺少${ctx.year}年实际值，数据不足。`, inputs, [ctx.year]);
  }
  // The plan's own target for this year comes before the footnote rules and the method.
  if (ctx.ownYearTarget) return yearTarget(ctx, goal, actual, inputs);
  switch (ctx.indicator.assessment) {
    case "eachYear":
      return eachYear(ctx, goal, inputs);
    case "periodAverage":
      return periodAverage(ctx, goal, inputs);
    case "cumulative":
      return cumulative(ctx, goal, inputs);
    case "endOfPeriod":
      break;
  }
  if (ctx.settings.method === "escap") {
    if (goal.kind === "threshold") return judgeEscap(ctx, goal, baseline, actual, inputs);
    inputs.notes.push("增速比值法不适用于区间目标，按区间规则判断");
  }
  return timeElapsed(ctx, goal, baseline, actual, inputs);
}

function share(ctx: Context): number {
  const { baselineYear: b, periodEnd: e } = ctx.period;
  return (ctx.year - b) / (e - b);
}

/** Enough decimals that a non-zero gap never prints as "0". */
function gapDecimals(g: number, d: number): number {
  let dd = d;
  while (dd < 4 && Math.round(Math.abs(g) * 10 ** dd) === 0) dd++;
  return dd;
}

/** 时序进度: expected(y) = baseline + (target − baseline) × (y − B)/(E − B). */
function timeElapsed(
  ctx: Context,
  goal: NumericGoal,
  baseline: Baseline,
  a: number,
  inputs: EvaluationInputs,
): EvaluationPart {
  const y = ctx.year;
  const s = share(ctx);
  inputs.actual = a;
  inputs.yearsUsed = [y];
  inputs.elapsedShare = s;
  const onlyTarget = baseline.value === null ? "缺少基期值，仅对照目标判断：" : "";
  if (baseline.value === null) inputs.notes.push("缺少基期值，仅对照目标判断");
  // "2023年实际值96.3%，高于约束性目标96%（0.3个百分点）" — built only on the paths that print it.
  const head = (): string => `${onlyTarget}${y}年实际值${value(a, ctx)}，${standing(a, goal, ctx)}`;

  if (meets(goal, a)) return makePart(ctx, "achieved", inputs, `${head()}，已达成。`);
  if (y >= ctx.period.periodEnd) return makePart(ctx, "missed", inputs, `${head()}，未达成。`);
  if (baseline.value === null) {
    // No baseline, no time-elapsed line: not yet reaching the end-of-period target mid-period is
    // no evidence of lagging. A person judges it, with the distance to the target in view.
    return makePart(
      ctx,
      "needsJudgement",
      inputs,
      `规划未设基期值，无法按时序进度测算，对照期末目标研判：${y}年实际值${value(a, ctx)}，${standing(a, goal, ctx)}，待研判。`,
    );
  }
  if (goal.kind === "band" && goal.maintain) {
    return makePart(ctx, "behind", inputs, `${head()}，进度滞后。`);
  }
  const b = baseline.value;
  if (meets(goal, b)) {
    return makePart(ctx, "behind", inputs, `${head()}，基期已达到目标但未能保持，进度滞后。`);
  }

  const t = goal.kind === "threshold" ? goal.value : goal.centre;
  if (nearlyEqual(t, b)) {
    return makePart(ctx, "behind", inputs, `${head()}，目标与基期持平而当年未达到，进度滞后。`);
  }
  const expected = b + (t - b) * s;
  inputs.expected = expected;
  // How far the actual is ahead of the line in the good direction (negative: behind).
  const ahead =
    goal.kind === "threshold"
      ? goodSign(goal.op) * (a - expected)
      : Math.abs(expected - goal.centre) - Math.abs(a - goal.centre);
  const d = Math.max(1, Math.min(2, Math.max(decimalsOf(b), decimalsOf(t), decimalsOf(a))));
  const note = baseline.note === null ? "" : `（${baseline.note}）`;
  const aim = goal.kind === "band" ? `（目标${value(goal.centre, ctx)}左右）` : "";
  const line = `按时序进度${note}${y}年应达到${computed(expected, d, ctx)}${aim}，实际${value(a, ctx)}`;
  const tol = ctx.settings.nearLineTolerance;

  if (ahead > EPS) {
    return makePart(
      ctx,
      "onTrack",
      inputs,
      `${line}，快于预期${gap(ahead, gapDecimals(ahead, d), ctx)}，进展顺利。`,
    );
  }
  if (ahead >= -EPS) return makePart(ctx, "onTrack", inputs, `${line}，符合时序进度，进展顺利。`);
  const lag = gap(ahead, gapDecimals(ahead, d), ctx);
  if (-ahead <= tol + EPS) {
    const within = gap(tol, gapDecimals(tol, d), ctx);
    return makePart(
      ctx,
      "onTrack",
      inputs,
      `${line}，落后${lag}，在${within}容差内，基本符合预期，进展顺利。`,
    );
  }
  return makePart(ctx, "behind", inputs, `${line}，落后${lag}，进度滞后。`);
}

/**
 * A staged yearly target ("每年进度分别不低于70%、80%、90%"), due in its year: reached → 进展顺利
 * (已达成 in the end year; the period's own target is still ahead before then), missed → 进度滞后
 * (未达成 in the end year).
 */
function yearTarget(ctx: Context, goal: NumericGoal, a: number, inputs: EvaluationInputs): EvaluationPart {
  const y = ctx.year;
  const end = y >= ctx.period.periodEnd;
  inputs.actual = a;
  inputs.yearsUsed = [y];
  inputs.notes.push(`按${y}年分年度目标判断`);
  const head = `${y}年分年度目标为${requirement(goal, ctx)}，实际值${value(a, ctx)}，${standing(a, goal, ctx)}`;
  if (meets(goal, a)) {
    return end
      ? makePart(ctx, "achieved", inputs, `${head}，已达成。`)
      : makePart(ctx, "onTrack", inputs, `${head}，达到当年进度要求，进展顺利。`);
  }
  return end
    ? makePart(ctx, "missed", inputs, `${head}，未达成。`)
    : makePart(ctx, "behind", inputs, `${head}，未达到当年进度要求，进度滞后。`);
}

function yearsText(years: readonly number[]): string {
  const contiguous = years.length > 0 && years[years.length - 1]! - years[0]! === years.length - 1;
  return contiguous ? yearSpan(years) : `${years.join("、")}年`;
}

function missingYears(ctx: Context, used: readonly number[]): number[] {
  const out: number[] = [];
  for (let y = ctx.period.baselineYear + 1; y <= ctx.year; y++) if (!used.includes(y)) out.push(y);
  return out;
}

function missingNote(ctx: Context, used: readonly number[], inputs: EvaluationInputs): string {
  const missing = missingYears(ctx, used);
  if (missing.length === 0) return "";
  const text = `缺少${missing.join("、")}年数据`;
  inputs.notes.push(text);
  return `（${text}）`;
}

/** Qingyang ①: the target must hold in every year of the period so far; one failing year is a miss. */
function eachYear(ctx: Context, goal: NumericGoal, inputs: EvaluationInputs): EvaluationPart {
  const years = numericYearsBetween(ctx.series, ctx.period.baselineYear, ctx.year);
  inputs.yearsUsed = years;
  inputs.actual = ctx.series.numbers.get(ctx.year)!;
  const failing = years.find((y) => !meets(goal, ctx.series.numbers.get(y)!));
  if (failing !== undefined) {
    const v = ctx.series.numbers.get(failing)!;
    return makePart(
      ctx,
      "missed",
      inputs,
      `按每年达到的要求，${failing}年实际值${value(v, ctx)}，${standing(v, goal, ctx)}，未达成。`,
    );
  }
  const missing = missingNote(ctx, years, inputs);
  const all = years.length > 1 ? "各年实际值均" : "实际值";
  return makePart(
    ctx,
    "achieved",
    inputs,
    `${yearsText(years)}${all}${requirement(goal, ctx)}${missing}，已达成。`,
  );
}

/** Huangshi ①: the average of the years so far must hold the target. */
function periodAverage(ctx: Context, goal: NumericGoal, inputs: EvaluationInputs): EvaluationPart {
  const years = numericYearsBetween(ctx.series, ctx.period.baselineYear, ctx.year);
  let sum = 0;
  for (const y of years) sum += ctx.series.numbers.get(y)!;
  const avg = sum / years.length;
  inputs.yearsUsed = years;
  inputs.actual = avg;
  // An average earns one more decimal than its inputs (96.13 from 95.8, 96.5, 96.1).
  const d = Math.min(2, precisionFor(years.map((y) => ctx.series.numbers.get(y)!)) + 1);
  const label = years.length > 1 ? `${yearsText(years)}年均值` : `${yearsText(years)}实际值`;
  const missing = missingNote(ctx, years, inputs);
  const head = `${label}${computed(avg, d, ctx)}${missing}，${standing(avg, goal, ctx)}`;
  if (meets(goal, avg)) return makePart(ctx, "achieved", inputs, `${head}，已达成。`);
  if (ctx.year >= ctx.period.periodEnd) return makePart(ctx, "missed", inputs, `${head}，未达成。`);
  return makePart(ctx, "behind", inputs, `${head}，进度滞后。`);
}

/** 累计: the sum over the period so far, against the target pro rata (a cap for lower-is-better). */
function cumulative(ctx: Context, goal: NumericGoal, inputs: EvaluationInputs): EvaluationPart {
  const years = numericYearsBetween(ctx.series, ctx.period.baselineYear, ctx.year);
  let sum = 0;
  for (const y of years) sum += ctx.series.numbers.get(y)!;
  const s = share(ctx);
  inputs.yearsUsed = years;
  inputs.actual = sum;
  inputs.elapsedShare = s;
  const final = ctx.year >= ctx.period.periodEnd;
  const d = precisionFor(years.map((y) => ctx.series.numbers.get(y)!));
  const missing = missingNote(ctx, years, inputs);
  const head = `${yearsText(years)}累计${computed(sum, d, ctx)}${missing}`;
  const met = meets(goal, sum);
  if (goal.kind === "band") {
    const text = `${head}，${standing(sum, goal, ctx)}`;
    if (met) return makePart(ctx, "achieved", inputs, `${text}，已达成。`);
    return makePart(ctx, final ? "missed" : "behind", inputs, `${text}，${final ? "未达成" : "进度滞后"}。`);
  }
  const sign = goodSign(goal.op);
  const expected = goal.value * s;
  inputs.expected = expected;
  const tol = ctx.settings.nearLineTolerance;
  const line = `${head}，按时序进度应累计${sign > 0 ? "达到" : "不超过"}${computed(expected, d, ctx)}`;
  if (sign > 0) {
    if (met) return makePart(ctx, "achieved", inputs, `${head}，${standing(sum, goal, ctx)}，已达成。`);
    if (final) return makePart(ctx, "missed", inputs, `${head}，${standing(sum, goal, ctx)}，未达成。`);
    return sum >= expected - tol - EPS
      ? makePart(ctx, "onTrack", inputs, `${line}，进展顺利。`)
      : makePart(ctx, "behind", inputs, `${line}，落后${gap(expected - sum, d, ctx)}，进度滞后。`);
  }
  // A cap: once exceeded it cannot be undone.
  if (!met) return makePart(ctx, "missed", inputs, `${head}，${standing(sum, goal, ctx)}，未达成。`);
  if (final) return makePart(ctx, "achieved", inputs, `${head}，${standing(sum, goal, ctx)}，已达成。`);
  return sum <= expected + tol + EPS
    ? makePart(ctx, "onTrack", inputs, `${line}，进展顺利。`)
    : makePart(ctx, "behind", inputs, `${line}，超出${gap(sum - expected, d, ctx)}，进度滞后。`);
}
