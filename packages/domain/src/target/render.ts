/**
 * Canonical simplified text of a target expression. `parseTargetText(renderTarget(e))` gives `e`
 * back for every expression the parser produces (except `unrecognised`, whose original text lives
 * in `ParsedCell.text`; it renders as "").
 */
import type { Quantity, SimpleTarget, TargetExpression, ThresholdOp } from "./expression.ts";

/** A number as plans write it: the shortest decimal that reads back as the same number, never exponent notation. */
export function formatNumber(value: number): string {
  const s = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  // Shift the decimal point of the shortest digits by hand (toFixed goes exponential from 1e21).
  const [, sign, lead, rest = "", exp] = m;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function renderQuantity(q: Quantity): string {
  return `${formatNumber(q.value)}${q.unit ?? ""}`;
}

const SIGNS: Record<ThresholdOp, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };
const SUSTAINED: Record<ThresholdOp, (q: string) => string> = {
  gte: (q) => `稳定在${q}以上`,
  lte: (q) => `稳定在${q}以下`,
  gt: (q) => `保持高于${q}`,
  lt: (q) => `保持低于${q}`,
};

function renderSimple(e: SimpleTarget, inCompound: boolean): string {
  switch (e.kind) {
    case "threshold": {
      const q = renderQuantity(e.quantity);
      return e.sustain ? SUSTAINED[e.op](q) : `${SIGNS[e.op]}${q}`;
    }
    case "level": {
      const q = renderQuantity(e.quantity);
      const verb = e.directionHint === "higher" ? "提高到" : e.directionHint === "lower" ? "降至" : "到";
      if (e.from) return `从${renderQuantity(e.from)}${verb}${q}`;
      if (e.directionHint) return `${verb}${q}`;
      // After a subject a bare number reads badly ("药品90%"); "达到" means the same level.
      return inCompound ? `达到${q}` : q;
    }
    case "band": {
      const q = renderQuantity(e.quantity);
      const body = e.halfWidth === null ? `${q}左右` : `${q}±${formatNumber(e.halfWidth)}`;
      return e.sustain ? `稳定在${body}` : body;
    }
    case "maintain":
      return e.halfWidth === null ? "保持稳定" : `保持稳定(±${formatNumber(e.halfWidth)})`;
    case "qualitative":
      return e.statement;
    case "milestone":
      return e.steps.join("，");
    case "notApplicable":
      return "—";
    case "unrecognised":
      return "";
  }
}

/** Canonical text: "≥97%", ">95%", "80%左右", "稳定在80%左右", "保持稳定", "省级统筹", "药品达到90%、高值医用耗材达到80%", "—". */
export function renderTarget(e: TargetExpression): string {
  if (e.kind === "compound") {
    return e.parts.map((p) => `${p.subject}${renderSimple(p.target, true)}`).join("、");
  }
  return renderSimple(e, false);
}
