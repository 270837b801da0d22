/**
 * Explains in Chinese how a target or baseline cell was understood, for the live preview beside
 * the indicator editor ("≥97%" → "不低于 97%"). Pure; mirrors the TargetExpression union.
 */
import type { ParsedCell, Quantity, SimpleTarget, TargetExpression } from "@ybplan/domain/target";

const opWords = { gt: "高于", gte: "不低于", lt: "低于", lte: "不高于" } as const;

function formatQuantity(q: Quantity, fallbackUnit: string | null = null): string {
  const unit = q.unit ?? fallbackUnit ?? "";
  return `${q.value}${unit}`;
}

function describeSimple(t: SimpleTarget, unit: string | null): string {
  switch (t.kind) {
    case "threshold":
      return `${t.sustain ? "持续保持" : ""}${opWords[t.op]} ${formatQuantity(t.quantity, unit)}`;
    case "level": {
      const from = t.from ? `从 ${formatQuantity(t.from, unit)} ` : "";
      const verb = t.directionHint === "lower" ? "降至" : t.directionHint === "higher" ? "提高到" : "达到";
      return `${from}${verb} ${formatQuantity(t.quantity, unit)}`;
    }
    case "band": {
      const width = t.halfWidth === null ? "（区间宽度按评估设置）" : `±${t.halfWidth}`;
      return `${t.sustain ? "稳定在" : ""} ${formatQuantity(t.quantity, unit)} 左右${width}`.trim();
    }
    case "maintain":
      return `保持基期水平稳定${t.halfWidth === null ? "（区间宽度按评估设置）" : `（±${t.halfWidth}）`}`;
    case "qualitative":
      return `定性目标，需人工研判：${t.statement}`;
    case "milestone":
      return `里程碑：${t.steps.join(" → ")}`;
    case "notApplicable":
      return "无（不适用）";
    case "unrecognised":
      return `未能识别：${t.reason}`;
  }
}

export const targetKindLabels: Record<TargetExpression["kind"], string> = {
  threshold: "阈值",
  level: "目标值",
  band: "区间",
  maintain: "保持稳定",
  qualitative: "定性",
  milestone: "里程碑",
  notApplicable: "不适用",
  unrecognised: "无法识别",
  compound: "复合目标",
};

export function describeTarget(t: TargetExpression, unit: string | null = null): string {
  if (t.kind === "compound") {
    return t.parts.map((p) => `${p.subject}：${describeSimple(p.target, unit)}`).join("；");
  }
  return describeSimple(t, unit);
}

export function describeCell(cell: ParsedCell, unit: string | null = null): string {
  const base = describeTarget(cell.expression, unit);
  return cell.footnoteMarks.length > 0 ? `${base}（注 ${cell.footnoteMarks.join("")}）` : base;
}

export function isUnrecognised(t: TargetExpression): boolean {
  return (
    t.kind === "unrecognised" ||
    (t.kind === "compound" && t.parts.some((p) => p.target.kind === "unrecognised"))
  );
}
