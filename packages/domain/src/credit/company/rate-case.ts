import { Result } from "effect";
import { MissingAssessment, type RuleNotFound, UnknownCategory, UnknownLevel } from "../shared/errors.ts";
import { formatYuanZh } from "../shared/money.ts";
import { compareQuarters, type Quarter } from "../shared/quarter.ts";
import type { RatedLevel } from "./schema.ts";
import {
  type AmountCriterion,
  amountBasisWords,
  type CategoryDef,
  type CompanyStandard,
  type LevelDef,
} from "./standard.ts";
import { type StandardRegistry, standardInForce } from "./standards/index.ts";

/** The facts of one case, aggregated from its events. */
export interface CaseFacts {
  readonly caseRef: string;
  /** An event id to name in errors. */
  readonly firstEventId: string;
  readonly category: string;
  readonly amountYuan: number | null;
  readonly largestSingleYuan: number | null;
  readonly circumstances: readonly string[];
  readonly assessedLevel: string | null;
}

export interface CaseVerdict {
  readonly standard: CompanyStandard;
  readonly level: LevelDef | null;
  readonly reason: string;
}

export type RateCaseError = UnknownCategory | MissingAssessment | UnknownLevel | RuleNotFound;

/** Per-standard lookups, built once per standard object. */
interface Compiled {
  readonly categoryByCode: Map<string, CategoryDef>;
  readonly levelByCode: Map<string, LevelDef>;
  readonly amountCriteria: Map<string, AmountCriterion[]>;
}
const compiledCache = new WeakMap<CompanyStandard, Compiled>();

function compile(std: CompanyStandard): Compiled {
  const hit = compiledCache.get(std);
  if (hit) return hit;
  const categoryByCode = new Map<string, CategoryDef>();
  // Own codes win over aliases, so set aliases first.
  for (const c of std.categories) for (const a of c.aliases) categoryByCode.set(a, c);
  for (const c of std.categories) categoryByCode.set(c.code, c);
  const amountCriteria = new Map<string, AmountCriterion[]>();
  for (const c of std.criteria) {
    if (c.kind !== "amount") continue;
    const list = amountCriteria.get(c.category) ?? [];
    list.push(c);
    amountCriteria.set(c.category, list);
  }
  const out = { categoryByCode, levelByCode: new Map(std.levels.map((l) => [l.code, l])), amountCriteria };
  compiledCache.set(std, out);
  return out;
}

export function toRatedLevel(std: CompanyStandard, level: LevelDef): RatedLevel {
  return { standard: std.id, code: level.code, label: level.label, severity: level.severity };
}

export function findLevel(std: CompanyStandard, code: string): LevelDef | undefined {
  return compile(std).levelByCode.get(code);
}

/** The category of `std` an event category code resolves to (own code or alias). */
export function resolveCategory(std: CompanyStandard, code: string): CategoryDef | undefined {
  return compile(std).categoryByCode.get(code);
}

/**
 * Rates one case under one version: every criterion that applies proposes a level, the most
 * serious proposal wins (amount bands, 顶格 circumstances, and the agency's assessment alike).
 */
export function rateUnder(std: CompanyStandard, facts: CaseFacts): Result.Result<CaseVerdict, RateCaseError> {
  const c = compile(std);
  const category = c.categoryByCode.get(facts.category);
  if (!category) {
    return Result.fail(
      new UnknownCategory({
        eventId: facts.firstEventId,
        category: facts.category,
        standard: std.id,
        message: `${std.shortLabel}失信事项目录清单中没有“${facts.category}”`,
      }),
    );
  }
  let best: { level: LevelDef; reason: string } | null = null;
  const propose = (level: LevelDef, reason: string) => {
    if (best === null || level.severity > best.level.severity) best = { level, reason };
  };

  const amountRules = c.amountCriteria.get(category.code) ?? [];
  let lowestMissed: { amount: number; basis: string } | null = null;
  for (const rule of amountRules) {
    const amount = rule.basis === "cumulative" ? facts.amountYuan : facts.largestSingleYuan;
    if (amount === null) continue;
    let hit: { level: LevelDef; minYuan: number } | null = null;
    for (const t of rule.thresholds) {
      const level = c.levelByCode.get(t.level)!;
      if (amount >= t.minYuan && (hit === null || level.severity > hit.level.severity))
        hit = { level, minYuan: t.minYuan };
    }
    const words = `${amountBasisWords[rule.basis]}${category.amountNoun ?? category.label}${formatYuanZh(amount)}`;
    if (hit) {
      propose(
        hit.level,
        `${hit.level.label}：${words}，达到${std.shortLabel}裁量基准${formatYuanZh(hit.minYuan)}档`,
      );
    } else lowestMissed ??= { amount, basis: words };
  }

  for (const rule of std.criteria) {
    if (rule.kind !== "circumstance" || !facts.circumstances.includes(rule.circumstance)) continue;
    if (rule.categories && !rule.categories.includes(category.code)) continue;
    const level = c.levelByCode.get(rule.level)!;
    propose(level, `${level.label}：${rule.label}，按${std.shortLabel}裁量基准顶格评定`);
  }

  if (facts.assessedLevel !== null) {
    const level = c.levelByCode.get(facts.assessedLevel);
    if (!level) {
      return Result.fail(
        new UnknownLevel({
          eventId: facts.firstEventId,
          level: facts.assessedLevel,
          standard: std.id,
          message: `${std.shortLabel}没有等级“${facts.assessedLevel}”`,
        }),
      );
    }
    propose(level, `${level.label}：省级集中采购机构按性质、情节认定（${category.label}）`);
  }

  const chosen = best as { level: LevelDef; reason: string } | null;
  if (chosen) return Result.succeed({ standard: std, level: chosen.level, reason: chosen.reason });
  if (lowestMissed) {
    return Result.succeed({
      standard: std,
      level: null,
      reason: `未达到${std.shortLabel}裁量基准最低档（${lowestMissed.basis}）`,
    });
  }
  if (amountRules.length > 0 && facts.amountYuan === null && facts.largestSingleYuan === null) {
    return Result.fail(
      new MissingAssessment({
        eventId: facts.firstEventId,
        message: `${category.label}须填写涉案金额或认定等级`,
      }),
    );
  }
  return Result.fail(
    new MissingAssessment({
      eventId: facts.firstEventId,
      message: `${category.label}按性质、情节评级，须由省级集中采购机构填写认定等级`,
    }),
  );
}

/**
 * Rates a case made in `quarter` under the version in force, applying a transition when one is
 * open: levels of severity ≥ `ownFromSeverity` by the new version, lower levels by the predecessor
 * (2025 注1). A predecessor level that is itself serious is capped below the new version's serious
 * levels, because those may only come from the new version during the transition.
 */
export function rateCase(
  registry: StandardRegistry,
  facts: CaseFacts,
  quarter: Quarter,
): Result.Result<CaseVerdict, RateCaseError> {
  const inForce = standardInForce(registry, quarter);
  if (Result.isFailure(inForce)) return Result.fail(inForce.failure);
  const std = inForce.success;
  const t = std.transition;
  const inTransition =
    t !== undefined &&
    compareQuarters(quarter, t.fromQuarter) >= 0 &&
    (t.until === null || compareQuarters(quarter, t.until) <= 0);
  if (!t || !inTransition) return rateUnder(std, facts);

  const own = rateUnder(std, facts);
  if (Result.isSuccess(own) && own.success.level && own.success.level.severity >= t.ownFromSeverity)
    return own;
  const pred = registry.byId.get(t.predecessor)!;
  const old = rateUnder(pred, facts);
  if (Result.isFailure(old)) return Result.isFailure(own) ? own : old;
  const note = `（过渡期：${levelNamesFrom(std, t.ownFromSeverity)}按${std.shortLabel}评定，较低等级按${pred.shortLabel}评定）`;
  const oldLevel = old.success.level;
  if (oldLevel === null) {
    const ownWords = Result.isSuccess(own) ? own.success.reason : "";
    return Result.succeed({
      standard: pred,
      level: null,
      reason: `${old.success.reason}${ownWords ? `；${ownWords}` : ""}${note}`,
    });
  }
  if (oldLevel.severity < t.ownFromSeverity) {
    return Result.succeed({ standard: pred, level: oldLevel, reason: `${old.success.reason}${note}` });
  }
  const capped = [...pred.levels].reverse().find((l) => l.severity < t.ownFromSeverity) ?? null;
  return Result.succeed({
    standard: pred,
    level: capped,
    reason: `${capped ? `${capped.label}：` : ""}${pred.shortLabel}将评为${oldLevel.label}，但未达到${std.shortLabel}${levelNamesFrom(std, t.ownFromSeverity)}标准${note}`,
  });
}

function levelNamesFrom(std: CompanyStandard, severity: number): string {
  return std.levels
    .filter((l) => l.severity >= severity)
    .map((l) => l.label)
    .join("、");
}
