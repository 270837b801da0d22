import { type Context, insufficient, makePart } from "./context.ts";
import { formatNumber, formatRate } from "./format.ts";
import { type Baseline, goodSign, meets, type NumericGoal } from "./goal.ts";
import { standing, value } from "./phrases.ts";
import type { EscapClass, EvaluationInputs, EvaluationPart } from "./schema.ts";
import { type EscapPresetName, escapPresets, type RatioThresholds } from "./settings.ts";
import { verdictLabels } from "./verdict.ts";

/** Class labels as each preset names them. */
export const escapClassLabels: Record<EscapPresetName, Record<EscapClass, string>> = {
  ESCAP: {
    substantial: "按期推进",
    moderate: "进展尚可但需加快",
    limited: "进展有限",
    deterioration: "出现倒退",
    notAvailable: "无法测算",
  },
  "Open SDG": {
    substantial: "显著进展",
    moderate: "中等进展",
    limited: "有限进展",
    deterioration: "出现倒退",
    notAvailable: "无法测算",
  },
};

/** Classifies a ratio (or, without a numeric target, a signed growth rate) by thresholds. */
export function classify(x: number, t: RatioThresholds): Exclude<EscapClass, "notAvailable"> {
  if (x >= t.high) return "substantial";
  if (x >= t.medium) return "moderate";
  if (x >= t.low) return "limited";
  return "deterioration";
}

/** Compound yearly growth rate from (v0, t0) to (v1, t1). */
export function growthRate(v1: number, v0: number, t1: number, t0: number): number {
  return (v1 / v0) ** (1 / (t1 - t0)) - 1;
}

export type GrowthBase =
  | { readonly ok: true; readonly year: number; readonly value: number }
  | { readonly ok: false; readonly reason: string };

/**
 * The base of the growth rates: the baseline in the base year, or — when it is missing — the
 * next year that has a value (sdg-build's rule). At least two years are needed; a base of 0 is
 * taken as 0.001; a base and a current value of opposite signs cannot be compared.
 */
export function growthBase(ctx: Context, baseline: Baseline, current: number): GrowthBase {
  let year = ctx.period.baselineYear;
  let v = baseline.value;
  if (v === null) {
    for (let y = year + 1; y < ctx.year; y++) {
      const n = ctx.series.numbers.get(y);
      if (n !== undefined) {
        year = y;
        v = n;
        break;
      }
    }
  }
  if (v === null) return { ok: false, reason: "缺少基期值且当年之前无其他年份数据，不足两个年份" };
  if (ctx.year - year < 1) return { ok: false, reason: "不足两个年份的数据" };
  const base = v === 0 ? 0.001 : v;
  if ((base > 0 && current < 0) || (base < 0 && current > 0)) {
    return { ok: false, reason: "基期值与当年值符号相反" };
  }
  return { ok: true, year, value: base };
}

/**
 * ESCAP growth-rate ratio: CRa = (It/I0)^(1/(t−t0)) − 1, CRr = (I* ÷ I0)^(1/(T−t0)) − 1, and
 * ratio = CRa/CRr, written as sdg-build does — sign(I0) × direction × CRa / |CRr| — so a target
 * already behind the base cannot turn a move the wrong way into "on track". With CRr = 0 the
 * ratio is undefined: moving the wrong way is deterioration, otherwise limited progress.
 */
export function judgeEscap(
  ctx: Context,
  goal: NumericGoal & { kind: "threshold" },
  baseline: Baseline,
  a: number,
  inputs: EvaluationInputs,
): EvaluationPart {
  const y = ctx.year;
  const preset = escapPresets[ctx.settings.escapPreset];
  const thresholds = ctx.settings.escapThresholds ?? preset.ratio;
  const labels = escapClassLabels[preset.name];
  inputs.actual = a;
  inputs.yearsUsed = [y];
  const head = (): string => `${y}年实际值${value(a, ctx)}，${standing(a, goal, ctx)}`;
  const final = y >= ctx.period.periodEnd;
  const met = meets(goal, a);

  const base = growthBase(ctx, baseline, a);
  let cls: EscapClass = "notAvailable";
  let reason = base.ok ? "" : base.reason;
  if (base.ok) {
    inputs.baseYearUsed = base.year;
    inputs.yearsUsed = [base.year, y];
    const target = goal.value === 0 ? 0.001 : goal.value;
    const cra = growthRate(a, base.value, y, base.year);
    const crr = growthRate(target, base.value, ctx.period.periodEnd, base.year);
    if (Number.isNaN(crr)) {
      reason = "目标值与基期值符号相反";
    } else if (!Number.isFinite(crr) || !Number.isFinite(cra)) {
      reason = "增速超出可计算范围";
    } else {
      const dir = (base.value < 0 ? -1 : 1) * goodSign(goal.op);
      inputs.cra = cra;
      inputs.crr = crr;
      if (Math.abs(crr) < 1e-12) {
        cls = dir * cra < 0 ? "deterioration" : "limited";
      } else {
        inputs.ratio = (dir * cra) / Math.abs(crr);
        cls = classify(inputs.ratio, thresholds);
      }
    }
  }
  inputs.escapClass = cls;

  if (met) return makePart(ctx, "achieved", inputs, `${head()}，已达成。`);
  if (final) return makePart(ctx, "missed", inputs, `${head()}，未达成。`);
  const method = `增速比值法（${preset.name}）`;
  if (cls === "notAvailable") {
    return insufficient(ctx, "growthNotAvailable", `按${method}，${reason}，无法测算，数据不足。`, inputs, [
      y,
    ]);
  }
  const verdict = cls === "substantial" ? "onTrack" : "behind";
  const ratio = inputs.ratio === null ? "所需增速为零，比值无意义" : `比值${formatNumber(inputs.ratio, 2)}`;
  return makePart(
    ctx,
    verdict,
    inputs,
    `按${method}测算，${base.ok ? base.year : ""}—${y}年实际年均增速${formatRate(inputs.cra!)}，` +
      `所需年均增速${formatRate(inputs.crr!)}，${ratio}，${labels[cls]}，${verdictLabels[verdict]}。`,
  );
}
