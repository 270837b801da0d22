import type { IndicatorDirection } from "../indicator/schema.ts";
import type { SimpleTarget, TargetExpression, ThresholdOp } from "../target/expression.ts";
import { decimalsOf, formatNumber, withUnit } from "./format.ts";
import type { BaselineSource } from "./schema.ts";
import type { Series } from "./series.ts";
import type { EvaluationSettings } from "./settings.ts";

/**
 * A numeric target in the form the engine compares against: a threshold (levels read by the
 * indicator's direction) or a band (stated bands, and 保持稳定 around the baseline).
 */
export type NumericGoal =
  | { readonly kind: "threshold"; readonly op: ThresholdOp; readonly value: number }
  | {
      readonly kind: "band";
      readonly centre: number;
      readonly halfWidth: number;
      readonly widthSource: "stated" | "setting";
      /** `maintain`: the centre is the baseline (保持稳定). */
      readonly maintain: boolean;
      /**
       * Which side of the band is also good: a benefit ratio "稳定在70%左右" (direction higher) is
       * met above the band; a plain band (direction band) only inside it.
       */
      readonly side: BandSide;
    };

/** `both`: only inside the band meets; `above` / `below`: that side of the band meets too. */
type BandSide = "both" | "above" | "below";

/** The band side an indicator's direction gives (a 保持稳定 band is always two-sided). */
function bandSide(direction: IndicatorDirection): BandSide {
  return direction === "higher" ? "above" : direction === "lower" ? "below" : "both";
}

export interface Baseline {
  readonly value: number | null;
  readonly source: BaselineSource | null;
  readonly note: string | null;
}

const EPS = 1e-9;

/** a ≥ b with a relative tolerance for floating-point noise. */
function gte(a: number, b: number): boolean {
  return a - b >= -EPS * Math.max(1, Math.abs(a), Math.abs(b));
}
function gt(a: number, b: number): boolean {
  return a - b > EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** True when `v` meets the goal. Threshold edges follow the operator; band edges are inside. */
export function meets(goal: NumericGoal, v: number): boolean {
  if (goal.kind === "band") {
    if (goal.side === "above" && v > goal.centre) return true;
    if (goal.side === "below" && v < goal.centre) return true;
    return gte(goal.halfWidth, Math.abs(v - goal.centre));
  }
  switch (goal.op) {
    case "gte":
      return gte(v, goal.value);
    case "gt":
      return gt(v, goal.value);
    case "lte":
      return gte(goal.value, v);
    case "lt":
      return gt(goal.value, v);
  }
}

/** +1 when higher is better for the threshold, −1 when lower is. */
export function goodSign(op: ThresholdOp): 1 | -1 {
  return op === "gt" || op === "gte" ? 1 : -1;
}

/** True when two numbers are equal up to floating-point noise. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The band half-width from the settings: percentage points for %, a percentage of the centre
 * for other units (see `EvaluationSettings.bandHalfWidth`).
 */
function settingHalfWidth(centre: number, unit: string | null, settings: EvaluationSettings): number {
  return unit === "%" ? settings.bandHalfWidth : (Math.abs(centre) * settings.bandHalfWidth) / 100;
}

export type GoalResult =
  | { readonly ok: true; readonly goal: NumericGoal }
  | { readonly ok: false; readonly reason: "missingBaseline" };

/**
 * Turns a numeric simple target into a goal. Levels use the indicator's direction, or the verb's
 * hint ("降至") when the direction says band; `maintain` needs the baseline.
 */
export function numericGoal(
  target: SimpleTarget & { kind: "threshold" | "level" | "band" | "maintain" },
  direction: IndicatorDirection,
  baseline: Baseline,
  unit: string | null,
  settings: EvaluationSettings,
): GoalResult {
  switch (target.kind) {
    case "threshold":
      return { ok: true, goal: { kind: "threshold", op: target.op, value: target.quantity.value } };
    case "level": {
      const v = target.quantity.value;
      // The verb ("降至", "提高到") is explicit; otherwise the indicator's direction decides.
      const dir = target.directionHint ?? direction;
      if (dir === "higher") return { ok: true, goal: { kind: "threshold", op: "gte", value: v } };
      if (dir === "lower") return { ok: true, goal: { kind: "threshold", op: "lte", value: v } };
      // A band-direction indicator with a plain level: hold the level within the band width.
      return {
        ok: true,
        goal: {
          kind: "band",
          centre: v,
          halfWidth: settingHalfWidth(v, unit, settings),
          widthSource: "setting",
          maintain: false,
          side: "both",
        },
      };
    }
    case "band": {
      const c = target.quantity.value;
      const stated = target.halfWidth;
      return {
        ok: true,
        goal: {
          kind: "band",
          centre: c,
          halfWidth: stated ?? settingHalfWidth(c, unit, settings),
          widthSource: stated === null ? "setting" : "stated",
          maintain: false,
          side: bandSide(direction),
        },
      };
    }
    case "maintain": {
      if (baseline.value === null) return { ok: false, reason: "missingBaseline" };
      const c = baseline.value;
      const stated = target.halfWidth;
      return {
        ok: true,
        goal: {
          kind: "band",
          centre: c,
          halfWidth: stated ?? settingHalfWidth(c, unit, settings),
          widthSource: stated === null ? "setting" : "stated",
          maintain: true,
          side: "both",
        },
      };
    }
  }
}

/**
 * The baseline value: a plain number in the baseline cell first (what the plan states), then the
 * baseline year's observation, then the number of a threshold or band cell ("95%以上" → 95), noted.
 */
export function resolveBaseline(
  cell: TargetExpression,
  series: Series,
  baselineYear: number,
  unit: string | null,
): Baseline {
  if (cell.kind === "level") return { value: cell.quantity.value, source: "cell", note: null };
  const observed = series.numbers.get(baselineYear);
  if (observed !== undefined) return { value: observed, source: "observation", note: null };
  if (cell.kind === "threshold") {
    const v = cell.quantity.value;
    const shown = withUnit(formatNumber(v, decimalsOf(v)), cell.quantity.unit ?? unit);
    return {
      value: v,
      source: "cellThreshold",
      note: `基期值为区间表述，按${shown}计`,
    };
  }
  if (cell.kind === "band") {
    const v = cell.quantity.value;
    const shown = withUnit(formatNumber(v, decimalsOf(v)), cell.quantity.unit ?? unit);
    return { value: v, source: "cellBand", note: `基期值为约数，按${shown}计` };
  }
  return { value: null, source: null, note: null };
}
