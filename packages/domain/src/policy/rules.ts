import { z } from "zod";
import { IsoDate } from "../common/schema.ts";
import { Source } from "../credit/shared/provenance.ts";
import { AdminCode } from "../jurisdiction/schema.ts";
import { formatParameterValue, parameterLabel } from "./describe.ts";
import {
  InstitutionLevel,
  type ParameterDimensions,
  ParameterKind,
  Population,
  Scheme,
  Service,
  StatisticName,
  type StatisticValue,
  statisticLabels,
  unitOfKind,
} from "./schema.ts";

/**
 * Rules that bound parameters, as versioned DATA with their source: national floors and caps,
 * each plan's parameter targets, and ratios of a parameter to a statistic (6 × 居民人均可支配收入).
 * Verdicts use the indicator vocabulary: 达标 / 未达标 / 数据不足 / 需人工研判.
 */

export const RuleVerdict = z.enum(["met", "notMet", "insufficient", "manual"]);
export type RuleVerdict = z.infer<typeof RuleVerdict>;
export const ruleVerdictLabels: Record<RuleVerdict, string> = {
  met: "达标",
  notMet: "未达标",
  insufficient: "数据不足",
  manual: "需人工研判",
};

/** Which parameters a rule reads; an omitted dimension matches every value. */
export const ParameterSelector = z.object({
  kind: ParameterKind,
  scheme: Scheme,
  service: Service.optional(),
  level: InstitutionLevel.optional(),
  population: Population.optional(),
});
export type ParameterSelector = z.infer<typeof ParameterSelector>;

export const RuleCheck = z.discriminatedUnion("type", [
  /** Every matching parameter ≥ value. */
  z.object({ type: z.literal("floor"), value: z.number() }),
  /** Every matching parameter ≤ value. */
  z.object({ type: z.literal("cap"), value: z.number() }),
  /** "80%左右": every matching parameter within value ± halfWidth (in the parameter's unit). */
  z.object({ type: z.literal("around"), value: z.number(), halfWidth: z.number().positive() }),
  /**
   * The sum of the subjects (one parameter each: "职工医保叠加大额补助的最高支付限额") compared with
   * factor × a statistic of year (date's year − lag). `around` allows ± tolerancePct of the target.
   */
  z.object({
    type: z.literal("relative"),
    statistic: StatisticName,
    lag: z.number().int().min(0).max(1),
    factor: z.number().positive(),
    comparison: z.enum(["gte", "lte", "around"]),
    tolerancePct: z.number().nonnegative().default(0),
  }),
  /** A rule no number decides (待遇清单 compliance): a person judges it. */
  z.object({ type: z.literal("manual"), question: z.string().min(1) }),
]);
export type RuleCheck = z.infer<typeof RuleCheck>;

export const PolicyRule = z.object({
  id: z.string().min(1),
  /** Version of the rule data; a changed figure is a new version, never an edit. */
  version: z.string().min(1),
  title: z.string().min(1),
  /** national, or a plan's own target (then it applies in that jurisdiction and below). */
  scope: z.union([
    z.object({ kind: z.literal("national") }),
    z.object({ kind: z.literal("plan"), planName: z.string().min(1), jurisdictionCode: AdminCode }),
  ]),
  subjects: z.array(ParameterSelector).min(1),
  check: RuleCheck,
  validFrom: IsoDate.nullable().default(null),
  source: Source,
});
export type PolicyRule = z.infer<typeof PolicyRule>;
export type PolicyRuleInput = z.input<typeof PolicyRule>;

/** What a rule reads: parameters in force (any resolved form) and statistics by year. */
export interface RuleInput {
  readonly parameters: readonly (ParameterDimensions & {
    readonly value: number;
    readonly approximate?: boolean;
  })[];
  readonly statistics: readonly StatisticValue[];
  readonly date: string;
}

export interface PolicyFinding {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly title: string;
  readonly verdict: RuleVerdict;
  readonly verdictLabel: string;
  /** One formal Chinese sentence saying what was compared. */
  readonly explanation: string;
  readonly source: Source;
}

export function selects(s: ParameterSelector, p: ParameterDimensions): boolean {
  return (
    s.kind === p.kind &&
    s.scheme === p.scheme &&
    (s.service === undefined || s.service === p.service) &&
    (s.level === undefined || s.level === p.level) &&
    (s.population === undefined || s.population === p.population)
  );
}

const selectorLabel = (s: ParameterSelector) =>
  parameterLabel({
    ...s,
    service: s.service ?? "any",
    level: s.level ?? "any",
    population: s.population ?? "all",
  });
const num = (n: number) => String(Number(n.toFixed(2)));
const limitText = (s: ParameterSelector, value: number) => formatParameterValue({ kind: s.kind, value });

/** Rules that apply in a jurisdiction: national ones and the targets of plans along its chain. */
export function rulesFor(rules: readonly PolicyRule[], chain: readonly string[], date: string): PolicyRule[] {
  return rules.filter(
    (r) =>
      (r.validFrom === null || r.validFrom <= date) &&
      (r.scope.kind === "national" || chain.includes(r.scope.jurisdictionCode)),
  );
}

/** Judges one rule. Pure and total: missing parameters or statistics give 数据不足. */
export function evaluatePolicyRule(rule: PolicyRule, input: RuleInput): PolicyFinding {
  const done = (verdict: RuleVerdict, explanation: string): PolicyFinding => ({
    ruleId: rule.id,
    ruleVersion: rule.version,
    title: rule.title,
    verdict,
    verdictLabel: ruleVerdictLabels[verdict],
    explanation,
    source: rule.source,
  });
  const check = rule.check;
  if (check.type === "manual") return done("manual", `${check.question}，需人工研判。`);

  if (check.type === "relative") {
    const parts: { label: string; value: number }[] = [];
    for (const s of rule.subjects) {
      const hits = input.parameters.filter((p) => selects(s, p));
      if (hits.length === 0) return done("insufficient", `未录入现行${selectorLabel(s)}，数据不足。`);
      if (hits.length > 1) {
        return done(
          "manual",
          `现行${selectorLabel(s)}有${hits.length}项（按人群或医疗机构级别区分），需人工研判。`,
        );
      }
      parts.push({ label: parameterLabel(hits[0]!), value: hits[0]!.value });
    }
    const year = Number(input.date.slice(0, 4)) - check.lag;
    const stat = input.statistics.find((s) => s.statistic === check.statistic && s.year === year);
    const statLabel = `${year}年${statisticLabels[check.statistic]}`;
    if (!stat) return done("insufficient", `未录入${statLabel}，数据不足。`);
    const sum = parts.reduce((a, p) => a + p.value, 0);
    const target = check.factor * stat.value;
    const ratio = sum / stat.value;
    const tol = (target * check.tolerancePct) / 100;
    const ok =
      check.comparison === "gte"
        ? sum >= target - tol
        : check.comparison === "lte"
          ? sum <= target + tol
          : Math.abs(sum - target) <= tol;
    const what = parts.length > 1 ? `${parts.map((p) => p.label).join("与")}合计` : parts[0]!.label;
    const want = check.comparison === "gte" ? "不低于" : check.comparison === "lte" ? "不高于" : "约为";
    return done(
      ok ? "met" : "notMet",
      `${what}${num(sum)}元，为${statLabel}（${num(stat.value)}元）的${num(ratio)}倍，要求${want}${num(check.factor)}倍${check.tolerancePct > 0 ? `（允许偏差${num(check.tolerancePct)}%）` : ""}，${ok ? "达标" : "未达标"}。`,
    );
  }

  const selector = rule.subjects[0]!;
  const hits = input.parameters.filter((p) => rule.subjects.some((s) => selects(s, p)));
  if (hits.length === 0) return done("insufficient", `未录入现行${selectorLabel(selector)}，数据不足。`);
  const fails = hits.filter((p) =>
    check.type === "floor"
      ? p.value < check.value
      : check.type === "cap"
        ? p.value > check.value
        : Math.abs(p.value - check.value) > check.halfWidth,
  );
  const rule_ =
    check.type === "floor"
      ? `不低于${limitText(selector, check.value)}`
      : check.type === "cap"
        ? `不高于${limitText(selector, check.value)}`
        : `${limitText(selector, check.value)}左右（±${num(check.halfWidth)}${unitOfKind[selector.kind] === "percent" ? "个百分点" : "元"}）`;
  const list = (ps: typeof hits) =>
    ps.map((p) => `${parameterLabel(p)}${formatParameterValue(p)}`).join("、");
  if (fails.length === 0) return done("met", `${list(hits)}，均符合${rule_}的要求，达标。`);
  return done("notMet", `${list(fails)}，不符合${rule_}的要求，未达标。`);
}

/** Judges every rule that applies, in the order given. */
export function evaluatePolicyRules(rules: readonly PolicyRule[], input: RuleInput): PolicyFinding[] {
  return rules.map((r) => evaluatePolicyRule(r, input));
}
