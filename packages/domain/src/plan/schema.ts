import { z } from "zod";
import { Id, IsoDate, Year } from "../common/schema.ts";
import { AdminCode } from "../jurisdiction/schema.ts";

export const PlanStatus = z.enum(["draft", "published", "archived"]);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const planStatusLabels: Record<PlanStatus, string> = {
  draft: "草稿",
  published: "已发布",
  archived: "已归档",
};

/** Metadata of a five-year plan (the indicator table, tasks and 专栏 are separate entities). */
export const Plan = z.object({
  id: Id,
  /** Jurisdiction the plan belongs to (GB/T 2260 code). */
  jurisdictionCode: AdminCode,
  /** Full title, e.g. 黄石市医疗保障事业发展"十四五"规划. */
  title: z.string().min(1),
  /** Issuing body, e.g. 黄石市医疗保障局. */
  issuer: z.string().nullable(),
  /** Document number, e.g. 黄医保发〔2022〕15号. */
  documentNumber: z.string().nullable(),
  /** Date the plan was issued (or published), when known. */
  issueDate: IsoDate.nullable(),
  /** First year of the plan period (2021 for 十四五). */
  periodStart: Year,
  /** Last year of the plan period (2025 for 十四五). */
  periodEnd: Year,
  /** Year of the baseline column (2020 for 十四五). */
  baselineYear: Year,
  status: PlanStatus,
  /** The plan of the jurisdiction above that this plan implements, if known. */
  parentPlanId: Id.nullable(),
  /** Revision counter: 1 for the first version, +1 for each re-import or published revision. */
  revision: z.number().int().positive(),
});
export type Plan = z.infer<typeof Plan>;

/** Baseline year, period start and end must be ordered. */
export const PlanPeriodCheck = Plan.refine(
  (p) => p.baselineYear < p.periodStart + 1 && p.periodStart <= p.periodEnd,
  { message: "规划期起止年份或基期年份不合理", path: ["periodEnd"] },
);
