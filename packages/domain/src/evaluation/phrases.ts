import { attributeLabel, type Context } from "./context.ts";
import { decimalsOf, formatNumber, gapWithUnit, withUnit } from "./format.ts";
import { meets, type NumericGoal, nearlyEqual } from "./goal.ts";

/** A stated value in the display unit, with the precision it was given ("96.3%"). */
export function value(v: number, ctx: Context): string {
  // Integers (96, 100, 500) are the common case and need no rounding.
  const text = Number.isInteger(v) ? String(v) : formatNumber(v, decimalsOf(v));
  return ctx.unit === null ? text : text + ctx.unit;
}

/** A computed value rounded to `d` decimals ("73.4%"). */
export function computed(v: number, d: number, ctx: Context): string {
  return withUnit(formatNumber(v, d), ctx.unit);
}

/** A difference: "1.3个百分点" for %, "1.3亿元" otherwise. */
export function gap(g: number, d: number, ctx: Context): string {
  return gapWithUnit(formatNumber(Math.abs(g), d), ctx.unit);
}

/** Precision for a comparison's gap: the finer of the two numbers, 1–2 decimals. */
function gapDecimals(a: number, b: number): number {
  return Math.max(1, Math.min(2, Math.max(decimalsOf(a), decimalsOf(b))));
}

function bandText(goal: NumericGoal & { kind: "band" }, ctx: Context): string {
  const d = gapDecimals(goal.centre, goal.halfWidth);
  const lo = computed(goal.centre - goal.halfWidth, d, ctx);
  const hi = computed(goal.centre + goal.halfWidth, d, ctx);
  const hw = `±${gap(goal.halfWidth, d, ctx)}`;
  return goal.maintain
    ? `基期值${value(goal.centre, ctx)}${hw}的稳定区间（${lo}—${hi}）`
    : `${attributeLabel(ctx)}目标区间${lo}—${hi}（${value(goal.centre, ctx)}左右，${hw}）`;
}

/**
 * How a value stands against the goal, as a clause: "高于约束性目标96%（0.3个百分点）",
 * "达到约束性目标96%", "未超过预期性目标95%", "低于约束性目标区间79%—81%（80%左右，±1个百分点）下限2个百分点".
 */
export function standing(v: number, goal: NumericGoal, ctx: Context): string {
  if (goal.kind === "band") {
    const band = bandText(goal, ctx);
    const lo = goal.centre - goal.halfWidth;
    const hi = goal.centre + goal.halfWidth;
    if (v >= lo - 1e-9 && v <= hi + 1e-9) return `在${band}内`;
    const outside =
      v < goal.centre
        ? `低于${band}下限${gap(lo - v, gapDecimals(v, lo), ctx)}`
        : `高于${band}上限${gap(v - hi, gapDecimals(v, hi), ctx)}`;
    // A benefit ratio above "70%左右" is better than its target, not off it.
    return meets(goal, v) ? `${outside}，好于目标` : outside;
  }
  const t = `${attributeLabel(ctx)}目标${value(goal.value, ctx)}`;
  if (nearlyEqual(v, goal.value)) {
    if (meets(goal, v)) return `达到${t}`;
    return goal.op === "gt" ? `未超过${t}` : `未低于${t}`;
  }
  const d = gapDecimals(v, goal.value);
  return v > goal.value
    ? `高于${t}（${gap(v - goal.value, d, ctx)}）`
    : `低于${t}（${gap(goal.value - v, d, ctx)}）`;
}

/** What the goal requires, for "各年均…" sentences: "不低于95%", "在…区间内". */
export function requirement(goal: NumericGoal, ctx: Context): string {
  if (goal.kind === "band") return `在${bandText(goal, ctx)}内`;
  const t = value(goal.value, ctx);
  switch (goal.op) {
    case "gte":
      return `不低于${t}`;
    case "gt":
      return `高于${t}`;
    case "lte":
      return `不高于${t}`;
    case "lt":
      return `低于${t}`;
  }
}
