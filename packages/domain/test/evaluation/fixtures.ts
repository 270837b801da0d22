import {
  type Evaluation,
  type EvaluationSettingsInput,
  evaluateIndicator,
} from "../../src/evaluation/index.ts";
import { Indicator } from "../../src/indicator/schema.ts";
import type { Observation } from "../../src/observation/schema.ts";
import type { SimpleTarget, TargetExpression } from "../../src/target/expression.ts";

/** Target expressions built directly (the text parser is tested on its own). */
export const t = {
  gte: (value: number, unit: string | null = "%"): SimpleTarget => ({
    kind: "threshold",
    op: "gte",
    quantity: { value, unit },
    sustain: false,
  }),
  gt: (value: number, unit: string | null = "%"): SimpleTarget => ({
    kind: "threshold",
    op: "gt",
    quantity: { value, unit },
    sustain: false,
  }),
  lte: (value: number, unit: string | null = "%"): SimpleTarget => ({
    kind: "threshold",
    op: "lte",
    quantity: { value, unit },
    sustain: false,
  }),
  lt: (value: number, unit: string | null = "%"): SimpleTarget => ({
    kind: "threshold",
    op: "lt",
    quantity: { value, unit },
    sustain: false,
  }),
  level: (
    value: number,
    unit: string | null = null,
    directionHint: "higher" | "lower" | null = null,
  ): SimpleTarget => ({
    kind: "level",
    quantity: { value, unit },
    from: null,
    directionHint,
  }),
  band: (value: number, halfWidth: number | null = null, unit: string | null = "%"): SimpleTarget => ({
    kind: "band",
    quantity: { value, unit },
    halfWidth,
    sustain: true,
  }),
  maintain: (halfWidth: number | null = null): SimpleTarget => ({ kind: "maintain", halfWidth }),
  qualitative: (statement: string): SimpleTarget => ({ kind: "qualitative", statement }),
  milestone: (...steps: string[]): SimpleTarget => ({ kind: "milestone", steps }),
  none: (): SimpleTarget => ({ kind: "notApplicable" }),
};

let seq = 0;

export interface IndicatorSpec {
  target: TargetExpression;
  baseline?: TargetExpression;
  name?: string;
  unit?: string | null;
  attribute?: Indicator["attribute"];
  direction?: Indicator["direction"];
  assessment?: Indicator["assessment"];
}

/** A valid indicator row (checked against the schema) with the given target and baseline. */
export function indicator(spec: IndicatorSpec): Indicator {
  seq += 1;
  return Indicator.parse({
    id: `ind-${seq}`,
    planId: "plan-1",
    position: 1,
    category: "测试",
    name: spec.name ?? "基本医疗保险参保率",
    unit: spec.unit === undefined ? "%" : spec.unit,
    baseline: { text: "", expression: spec.baseline ?? t.none(), footnoteMarks: [] },
    target: { text: "", expression: spec.target, footnoteMarks: [] },
    attribute: spec.attribute ?? "binding",
    direction: spec.direction ?? "higher",
    definition: null,
    footnote: null,
    assessment: spec.assessment ?? "endOfPeriod",
    parentIndicatorId: null,
  });
}

export function num(ind: Pick<Indicator, "id">, year: number, value: number, subject?: string): Observation {
  return {
    indicatorId: ind.id,
    year,
    value: { kind: "number", value },
    ...(subject === undefined ? {} : { subject }),
    source: null,
    note: null,
    recordedBy: null,
    recordedAt: null,
  };
}

export function text(
  ind: Pick<Indicator, "id">,
  year: number,
  value: string,
  recordedBy: string | null = null,
): Observation {
  return {
    indicatorId: ind.id,
    year,
    value: { kind: "text", text: value },
    source: null,
    note: null,
    recordedBy,
    recordedAt: null,
  };
}

/** Observations from a year → value record. */
export function series(ind: Pick<Indicator, "id">, values: Record<number, number>): Observation[] {
  return Object.entries(values).map(([y, v]) => num(ind, Number(y), v));
}

export function evaluate(
  ind: Indicator,
  observations: Observation[],
  year: number,
  settings?: EvaluationSettingsInput,
): Evaluation {
  return evaluateIndicator({ indicator: ind, observations, year, settings });
}
