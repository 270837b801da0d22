import { z } from "zod";
import { IsoDate } from "../../common/schema.ts";
import { AdminCode } from "../../jurisdiction/schema.ts";
import { Source } from "../shared/provenance.ts";

/**
 * A credit rule set for 定点医药机构 of one jurisdiction, as DATA. Scales (100 / 1000), bases (0, 850,
 * 100), number of grades and cut-offs all differ by jurisdiction and year, so nothing here is
 * hard-coded in the engine (`grade.ts`). Add a jurisdiction or a new version as a new object
 * registered in `rule-sets/index.ts` (docs/credit.md has a worked example).
 */

/** Numbers a band condition can read, per institution per cycle. */
export const Metric = z.enum(["score", "deducted", "bonus", "yearsDesignated"]);
export type Metric = z.infer<typeof Metric>;
export const metricLabels: Record<Metric, string> = {
  score: "得分",
  deducted: "扣分",
  bonus: "加分",
  yearsDesignated: "定点年限",
};

export const Comparison = z.enum(["gte", "gt", "lte", "lt"]);
export type Comparison = z.infer<typeof Comparison>;
export const comparisonSymbols: Record<Comparison, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

export const Condition = z.union([
  z.object({ metric: Metric, op: Comparison, value: z.number() }),
  /** A yes/no fact of the cycle, e.g. "failedAnnualReview". */
  z.object({ flag: z.string().min(1), is: z.boolean() }),
]);
export type Condition = z.infer<typeof Condition>;

export const GradeBand = z.object({
  grade: z.string().min(1),
  /** All conditions must hold; the first band (best → worst) whose conditions hold is the grade. */
  conditions: z.array(Condition),
  /** Human description of the band, e.g. "80≤得分<90"; rendered from conditions when omitted. */
  description: z.string().optional(),
  /** Codes of the supervision measures applied at this grade. */
  measures: z.array(z.string()),
  source: Source,
});
export type GradeBand = z.infer<typeof GradeBand>;

export const Override = z.object({
  /** The flag that triggers the override, e.g. "seriousDishonestyList". */
  flag: z.string().min(1),
  label: z.string().min(1),
  /** Grade forced by the override; "lowest" = the last band. */
  grade: z.string().min(1),
  /** Optional score forced as well (some schemes record e.g. 60 for a serious violation). */
  score: z.number().optional(),
  source: Source,
});
export type Override = z.infer<typeof Override>;

export const DeductionItem = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum(["deduction", "bonus"]).default("deduction"),
  /** Default points per occurrence. */
  points: z.number().positive(),
  /** Upper bound when the authority picks the points by severity; defaults to `points`. */
  maxPoints: z.number().positive().optional(),
  source: Source,
});
export type DeductionItem = z.infer<typeof DeductionItem>;

export const SupervisionMeasure = z.object({ code: z.string().min(1), label: z.string().min(1) });
export type SupervisionMeasure = z.infer<typeof SupervisionMeasure>;

export const InstitutionKind = z.enum(["medical", "pharmacy"]);
export type InstitutionKind = z.infer<typeof InstitutionKind>;
export const institutionKindLabels: Record<InstitutionKind, string> = {
  medical: "定点医疗机构",
  pharmacy: "定点零售药店",
};

export const RuleSet = z.object({
  /** Stable id, e.g. "nei-mongol-2026"; with `version` it names one version. */
  id: z.string().min(1),
  version: z.string().min(1),
  name: z.string().min(1),
  jurisdiction: AdminCode,
  jurisdictionName: z.string().min(1),
  appliesTo: z.array(InstitutionKind).min(1),
  /** "draft" for 征求意见稿 texts; the UI marks them. */
  status: z.enum(["in-force", "draft"]),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  scale: z.object({ min: z.number(), max: z.number() }),
  /** Score every institution starts the cycle with. */
  base: z.number(),
  /** Rating cycle; only natural years are known so far. */
  cycle: z.literal("calendar-year"),
  items: z.array(DeductionItem),
  /** Ordered best → worst; the last band must have no conditions (it catches the rest). */
  bands: z.array(GradeBand).min(1),
  overrides: z.array(Override),
  measures: z.array(SupervisionMeasure),
  /** Yes/no facts the bands and overrides read, with their Chinese labels. */
  flags: z.array(z.object({ code: z.string().min(1), label: z.string().min(1) })).default([]),
  sources: z.array(Source).min(1),
  notes: z.array(z.string()).default([]),
});
export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;

/** Cross-field checks; returns the problems (empty = valid). */
export function checkRuleSet(rs: RuleSet): string[] {
  const problems: string[] = [];
  if (rs.scale.min >= rs.scale.max) problems.push("分值范围下限须小于上限");
  if (rs.base < rs.scale.min || rs.base > rs.scale.max) problems.push("基础分须在分值范围内");
  const grades = new Set(rs.bands.map((b) => b.grade));
  if (grades.size !== rs.bands.length) problems.push("等级重复");
  if (rs.bands.at(-1)!.conditions.length > 0) problems.push("最后一个等级须无条件（兜底等级）");
  const measures = new Set(rs.measures.map((m) => m.code));
  for (const b of rs.bands) {
    for (const m of b.measures)
      if (!measures.has(m)) problems.push(`等级${b.grade}引用了未定义的监管措施 ${m}`);
  }
  const flags = new Set(rs.flags.map((f) => f.code));
  for (const b of rs.bands) {
    for (const c of b.conditions)
      if ("flag" in c && !flags.has(c.flag)) problems.push(`等级${b.grade}引用了未定义的情形 ${c.flag}`);
  }
  for (const o of rs.overrides) {
    if (!flags.has(o.flag)) problems.push(`直接定级规则引用了未定义的情形 ${o.flag}`);
    if (o.grade !== "lowest" && !grades.has(o.grade)) problems.push(`直接定级规则引用了未知等级 ${o.grade}`);
  }
  const items = new Set<string>();
  for (const i of rs.items) {
    if (items.has(i.code)) problems.push(`扣分项目代码重复 ${i.code}`);
    items.add(i.code);
    if (i.maxPoints !== undefined && i.maxPoints < i.points)
      problems.push(`扣分项目 ${i.code} 的上限小于默认分值`);
  }
  return problems;
}

export function describeCondition(c: Condition, flagLabel: (code: string) => string = (f) => f): string {
  if ("flag" in c) return c.is ? flagLabel(c.flag) : `未${flagLabel(c.flag)}`;
  return `${metricLabels[c.metric]}${comparisonSymbols[c.op]}${c.value}`;
}

export function describeBand(b: GradeBand, flagLabel?: (code: string) => string): string {
  if (b.description) return b.description;
  if (b.conditions.length === 0) return "未达到以上各级标准";
  return b.conditions.map((c) => describeCondition(c, flagLabel)).join("且");
}
