import { z } from "zod";
import { Source } from "../shared/provenance.ts";
import { Quarter } from "../shared/quarter.ts";

/**
 * A version of the 医药价格和招采信用评价 standard (操作规范 + 裁量基准) as DATA. The engine in
 * `rate-case.ts` only interprets this shape; a new version is a new object of this type registered
 * in `standards/index.ts` (see docs/credit.md for a worked example).
 */

/** Who a disposal measure or correction applies to. 2025 treats distributors separately. */
export const CompanyRole = z.enum(["manufacturer", "distributor"]);
export type CompanyRole = z.infer<typeof CompanyRole>;
export const companyRoleLabels: Record<CompanyRole, string> = {
  manufacturer: "生产企业",
  distributor: "配送企业",
};

export const DisposalMeasure = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  appliesTo: z.enum(["any", "manufacturer", "distributor"]).default("any"),
  /** Fixed duration of the measure, e.g. a distributor's 1/3/5-year suspension (2025). */
  durationYears: z.number().positive().optional(),
  source: Source,
});
export type DisposalMeasure = z.infer<typeof DisposalMeasure>;

export const LevelDef = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /**
   * Position on a scale shared by all versions (1 lowest … 4 most serious) so ratings made under
   * different versions compare during a transition. 3 = "serious" (严重 / 严重失信), 4 = "most serious"
   * (特别严重 / 特别严重失信); the national roll-up lists severity ≥ 3.
   */
  severity: z.number().int().min(1).max(4),
  /** How long a rating at this level counts after the fact is confirmed (有效期). */
  validityYears: z.number().positive(),
  validitySource: Source,
  measures: z.array(DisposalMeasure),
});
export type LevelDef = z.infer<typeof LevelDef>;

export const CategoryDef = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /** Codes of other versions' categories this one continues (the 2025 list regroups 2020's). */
  aliases: z.array(z.string()).default([]),
  /** Words for the amount in a reason: 行贿 → "累计行贿60万元". */
  amountNoun: z.string().optional(),
  source: Source,
});
export type CategoryDef = z.infer<typeof CategoryDef>;

/** Which amount of a case a threshold reads: the case total, or its largest single payment. */
export const AmountBasis = z.enum(["cumulative", "single"]);
export type AmountBasis = z.infer<typeof AmountBasis>;
export const amountBasisWords: Record<AmountBasis, string> = { cumulative: "累计", single: "单笔" };

export const AmountCriterion = z.object({
  kind: z.literal("amount"),
  category: z.string(),
  basis: AmountBasis,
  /** Lower bounds (inclusive, yuan) per level; any order, the highest band reached wins. */
  thresholds: z.array(z.object({ level: z.string(), minYuan: z.number().positive(), source: Source })).min(1),
});
export type AmountCriterion = z.infer<typeof AmountCriterion>;

/** A circumstance that fixes the level whatever the amount, e.g. 2025 顶格评定. */
export const CircumstanceCriterion = z.object({
  kind: z.literal("circumstance"),
  circumstance: z.string().min(1),
  label: z.string().min(1),
  /** Restricts the rule to these categories; omitted = any category. */
  categories: z.array(z.string()).optional(),
  level: z.string(),
  source: Source,
});
export type CircumstanceCriterion = z.infer<typeof CircumstanceCriterion>;

export const Criterion = z.discriminatedUnion("kind", [AmountCriterion, CircumstanceCriterion]);
export type Criterion = z.infer<typeof Criterion>;

/** Correction measures (纠正措施 ①–⑥ in 2025) and which ones a (category × level) requires. */
export const CorrectionRules = z.object({
  measures: z.array(z.object({ no: z.number().int().positive(), label: z.string() })),
  required: z.array(
    z.object({
      category: z.string(),
      level: z.string(),
      measures: z.array(z.number().int()),
      source: Source,
    }),
  ),
});
export type CorrectionRules = z.infer<typeof CorrectionRules>;

/**
 * A transition into this version: from `fromQuarter` levels of severity ≥ `ownFromSeverity` are
 * rated by this version and lower levels by `predecessor` (2025 注1). `until` null = open-ended.
 */
export const Transition = z.object({
  predecessor: z.string(),
  fromQuarter: Quarter,
  until: Quarter.nullable(),
  ownFromSeverity: z.number().int().min(1).max(4),
  source: Source,
});
export type Transition = z.infer<typeof Transition>;

export const CompanyStandard = z.object({
  /** Version id, e.g. "2020", "2025". */
  id: z.string().min(1),
  /** Short label used in reasons: "2020版". */
  shortLabel: z.string().min(1),
  name: z.string().min(1),
  /** First rating quarter this version applies to. */
  effectiveFrom: Quarter,
  /** Ordered lowest → most serious. */
  levels: z.array(LevelDef).min(1),
  categories: z.array(CategoryDef).min(1),
  criteria: z.array(Criterion),
  corrections: CorrectionRules.optional(),
  transition: Transition.optional(),
  sources: z.array(Source),
});
export type CompanyStandard = z.infer<typeof CompanyStandard>;
export type CompanyStandardInput = z.input<typeof CompanyStandard>;

/** Cross-field checks zod's shape cannot express. Returns the problems (empty = valid). */
export function checkStandard(std: CompanyStandard): string[] {
  const problems: string[] = [];
  const levels = new Set(std.levels.map((l) => l.code));
  const cats = new Set(std.categories.map((c) => c.code));
  if (levels.size !== std.levels.length) problems.push("等级代码重复");
  if (cats.size !== std.categories.length) problems.push("失信事项代码重复");
  for (let i = 1; i < std.levels.length; i++) {
    if (std.levels[i]!.severity <= std.levels[i - 1]!.severity) problems.push("等级须按严重程度由低到高排列");
  }
  for (const c of std.criteria) {
    if (c.kind === "amount") {
      if (!cats.has(c.category)) problems.push(`裁量规则引用了未知失信事项 ${c.category}`);
      for (const t of c.thresholds)
        if (!levels.has(t.level)) problems.push(`裁量规则引用了未知等级 ${t.level}`);
    } else {
      if (!levels.has(c.level)) problems.push(`顶格规则引用了未知等级 ${c.level}`);
      for (const k of c.categories ?? []) if (!cats.has(k)) problems.push(`顶格规则引用了未知失信事项 ${k}`);
    }
  }
  for (const r of std.corrections?.required ?? []) {
    if (!cats.has(r.category) || !levels.has(r.level)) problems.push(`纠正措施要求引用了未知事项或等级`);
  }
  return problems;
}
