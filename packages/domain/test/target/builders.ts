/** Terse constructors for expected expressions in the target tests. */
import type { Quantity, SimpleTarget, TargetExpression, ThresholdOp } from "../../src/target/expression.ts";

export const q = (value: number, unit: string | null = null): Quantity => ({ value, unit });

const threshold =
  (op: ThresholdOp) =>
  (value: number, unit: string | null = null, sustain = false): SimpleTarget => ({
    kind: "threshold",
    op,
    quantity: q(value, unit),
    sustain,
  });
export const gte = threshold("gte");
export const gt = threshold("gt");
export const lte = threshold("lte");
export const lt = threshold("lt");

export const level = (
  value: number,
  unit: string | null = null,
  from: Quantity | null = null,
  directionHint: "higher" | "lower" | null = null,
): SimpleTarget => ({ kind: "level", quantity: q(value, unit), from, directionHint });

export const band = (
  value: number,
  unit: string | null = null,
  sustain = false,
  halfWidth: number | null = null,
): SimpleTarget => ({ kind: "band", quantity: q(value, unit), halfWidth, sustain });

export const maintain = (halfWidth: number | null = null): SimpleTarget => ({ kind: "maintain", halfWidth });
export const qualitative = (statement: string): SimpleTarget => ({ kind: "qualitative", statement });
export const milestone = (...steps: [string, ...string[]]): SimpleTarget => ({ kind: "milestone", steps });
export const na: SimpleTarget = { kind: "notApplicable" };

export const compound = (...parts: Array<[string, SimpleTarget]>): TargetExpression => ({
  kind: "compound",
  parts: parts.map(([subject, target]) => ({ subject, target })),
});
