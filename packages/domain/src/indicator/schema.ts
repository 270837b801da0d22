import { z } from "zod";
import { Id } from "../common/schema.ts";
import { ParsedCell } from "../target/expression.ts";

/** 约束性 (binding: a miss is a breach) or 预期性 (expected: guidance). */
export const IndicatorAttribute = z.enum(["binding", "expected"]);
export type IndicatorAttribute = z.infer<typeof IndicatorAttribute>;
export const indicatorAttributeLabels: Record<IndicatorAttribute, string> = {
  binding: "约束性",
  expected: "预期性",
};

/** Which way is good. `band`: staying inside a band is good (e.g. "稳定在80%左右"). */
export const IndicatorDirection = z.enum(["higher", "lower", "band"]);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;
export const indicatorDirectionLabels: Record<IndicatorDirection, string> = {
  higher: "越高越好",
  lower: "越低越好",
  band: "区间内为好",
};

/**
 * How the target is assessed across years.
 * `endOfPeriod` — reached by the end year (default); `eachYear` — must hold in every year
 * (Qingyang ①); `periodAverage` — the yearly average must hold (Huangshi ①); `cumulative` — the
 * sum over the period counts.
 */
export const AssessmentRule = z.enum(["endOfPeriod", "eachYear", "periodAverage", "cumulative"]);
export type AssessmentRule = z.infer<typeof AssessmentRule>;
export const assessmentRuleLabels: Record<AssessmentRule, string> = {
  endOfPeriod: "期末达到",
  eachYear: "每年达到",
  periodAverage: "期间年均达到",
  cumulative: "期间累计",
};

/** One row of a plan's main-indicator table. */
export const Indicator = z.object({
  id: Id,
  planId: Id,
  /** Position in the table (1-based), for stable ordering. */
  position: z.number().int().positive(),
  /** Category (维度/类别/项目), e.g. 参保覆盖. */
  category: z.string(),
  /** Indicator name without the unit, e.g. 基本医疗保险参保率. */
  name: z.string().min(1),
  /** Unit, from the name "(%)" or from the values ("890亿元" → 亿元); null if none. */
  unit: z.string().nullable(),
  /** Baseline cell (typed value + original text); notApplicable when the table has none. */
  baseline: ParsedCell,
  /** Target cell (typed target expression + original text). */
  target: ParsedCell,
  attribute: IndicatorAttribute,
  direction: IndicatorDirection,
  /** Definition (指标说明), e.g. 参保人数/常住人口数. */
  definition: z.string().nullable(),
  /** Footnote text attached to this row (e.g. "①指…年均参保率保持在96%以上"). */
  footnote: z.string().nullable(),
  assessment: AssessmentRule,
  /** The matching indicator of the parent plan (county repeats the province), if linked. */
  parentIndicatorId: Id.nullable(),
  /**
   * A work indicator (工作指标) belongs to a key task or a 专栏 item; the main-indicator table's rows
   * have neither (absent or null).
   */
  taskId: Id.nullable().optional(),
  projectItemId: Id.nullable().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/**
 * A work indicator (工作指标) belongs to a key task or 专栏 item: it is judged like any indicator
 * but is not one of the plan's 主要指标, so counts, the main table and its charts leave it out.
 */
export const isWorkIndicator = (i: Pick<Indicator, "taskId" | "projectItemId">): boolean =>
  (i.taskId ?? null) !== null || (i.projectItemId ?? null) !== null;

/** The plan's 主要指标: its indicators without the work indicators of tasks and 专栏 items. */
export const mainIndicators = <T extends Pick<Indicator, "taskId" | "projectItemId">>(
  list: readonly T[],
): T[] => list.filter((i) => !isWorkIndicator(i));
