import type { Indicator, Jurisdiction, Observation, Plan, SimpleTarget } from "../../src/index.ts";

export const huangshi: Jurisdiction = { code: "420200", name: "黄石市", level: "city", parentCode: "420000" };

export const plan: Plan = {
  id: "p1",
  jurisdictionCode: "420200",
  title: "黄石市医疗保障事业发展“十四五”规划",
  issuer: "黄石市医疗保障局",
  documentNumber: "黄医保发〔2022〕15号",
  issueDate: "2022-06-01",
  periodStart: 2021,
  periodEnd: 2025,
  baselineYear: 2020,
  status: "published",
  parentPlanId: null,
  revision: 1,
};

const pct = (value: number) => ({ value, unit: "%" });

export function cell(text: string, expression: SimpleTarget) {
  return { text, expression, footnoteMarks: [] };
}

export function indicator(over: Partial<Indicator> & Pick<Indicator, "id" | "position" | "name">): Indicator {
  return {
    planId: "p1",
    category: "参保覆盖",
    unit: "%",
    baseline: cell("95", { kind: "level", quantity: pct(95), from: null, directionHint: null }),
    target: cell("≥96%", { kind: "threshold", op: "gte", quantity: pct(96), sustain: false }),
    attribute: "binding",
    direction: "higher",
    definition: null,
    footnote: null,
    assessment: "endOfPeriod",
    parentIndicatorId: null,
    ...over,
  };
}

export function obs(indicatorId: string, year: number, value: number | string): Observation {
  return {
    indicatorId,
    year,
    value: typeof value === "number" ? { kind: "number", value } : { kind: "text", text: value },
    source: null,
    note: null,
    recordedBy: null,
    recordedAt: null,
  };
}
