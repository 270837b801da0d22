/**
 * Short formal-Chinese phrases for reports: "不低于97%", "稳定在80%左右（±1个百分点）",
 * "由63%提高到70%". `unit` is the indicator's unit, used when the cell gives none.
 */
import type { Quantity, SimpleTarget, TargetExpression, ThresholdOp } from "./expression.ts";
import { formatNumber } from "./render.ts";

function quantityText(q: Quantity, unit: string | null): string {
  return `${formatNumber(q.value)}${q.unit ?? unit ?? ""}`;
}

function widthText(halfWidth: number, unit: string | null): string {
  return `±${formatNumber(halfWidth)}${unit === "%" ? "个百分点" : (unit ?? "")}`;
}

const OP_WORDS: Record<ThresholdOp, string> = { gte: "不低于", gt: "高于", lte: "不高于", lt: "低于" };

/** A target ("达到90%") or a baseline value ("90%"). */
export type DescribeRole = "target" | "baseline";

function describeSimple(e: SimpleTarget, unit: string | null, role: DescribeRole): string {
  switch (e.kind) {
    case "threshold": {
      const q = quantityText(e.quantity, unit);
      return e.sustain ? `持续保持${OP_WORDS[e.op]}${q}` : `${OP_WORDS[e.op]}${q}`;
    }
    case "level": {
      const q = quantityText(e.quantity, unit);
      const verb = e.directionHint === "higher" ? "提高到" : e.directionHint === "lower" ? "降至" : "达到";
      if (e.from) {
        const via = e.directionHint === null ? "变化到" : verb;
        return `由${quantityText(e.from, unit)}${via}${q}`;
      }
      return role === "baseline" && e.directionHint === null ? q : `${verb}${q}`;
    }
    case "band": {
      const u = e.quantity.unit ?? unit;
      const centre = `${e.sustain ? "稳定在" : ""}${quantityText(e.quantity, unit)}左右`;
      return e.halfWidth === null ? centre : `${centre}（${widthText(e.halfWidth, u)}）`;
    }
    case "maintain":
      return e.halfWidth === null
        ? "保持基期水平稳定"
        : `保持基期水平稳定（${widthText(e.halfWidth, unit)}）`;
    case "qualitative":
      return e.statement;
    case "milestone":
      return e.steps.join("，");
    case "notApplicable":
      return "无";
    case "unrecognised":
      return `无法识别（${e.reason}）`;
  }
}

/**
 * A short phrase for reports, e.g. "不低于97%", "药品达到90%；高值医用耗材达到80%". With role
 * "baseline" a plain value reads as the value ("82.27%") rather than as a level to reach.
 */
export function describeTarget(
  e: TargetExpression,
  unit: string | null = null,
  role: DescribeRole = "target",
): string {
  if (e.kind === "compound") {
    return e.parts.map((p) => `${p.subject}${describeSimple(p.target, unit, role)}`).join("；");
  }
  return describeSimple(e, unit, role);
}
