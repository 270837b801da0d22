import { Result } from "effect";
import { type CreditError, RepairIncomplete } from "../shared/errors.ts";
import {
  addYears,
  type Quarter,
  quarterEndDate,
  quarterFromIndex,
  quarterIndex,
  quarterOfDate,
} from "../shared/quarter.ts";
import { type CompanyRatingPolicy, defaultCompanyPolicy } from "./policy.ts";
import { type CaseFacts, findLevel, rateCase, resolveCategory, toRatedLevel } from "./rate-case.ts";
import type { CaseRating, CaseStatus, CompanyRating, CreditRepair, DishonestEvent } from "./schema.ts";
import type { CompanyStandard, LevelDef } from "./standard.ts";
import { defaultStandards, type StandardRegistry, standardInForce } from "./standards/index.ts";

export interface RateOptions {
  readonly registry?: StandardRegistry;
  readonly policy?: CompanyRatingPolicy;
}

export interface RatingRun {
  /** One rating per company × province that has any event confirmed by the quarter's end. */
  readonly ratings: CompanyRating[];
  /** Events or repairs that could not be used, as typed values (row errors for the UI). */
  readonly issues: CreditError[];
}

/**
 * Rates every company in every province as of the end of `quarter`. Events confirmed later are
 * ignored, so calling this for past quarters reproduces the history.
 */
export function rateCompanies(
  events: readonly DishonestEvent[],
  repairs: readonly CreditRepair[],
  quarter: Quarter,
  options: RateOptions = {},
): RatingRun {
  const registry = options.registry ?? defaultStandards;
  const policy = options.policy ?? defaultCompanyPolicy;
  const asOf = quarterEndDate(quarter);
  const issues: CreditError[] = [];

  // company|province → caseRef|category → events
  const groups = new Map<string, Map<string, DishonestEvent[]>>();
  for (const e of events) {
    if (e.dateConfirmed > asOf) continue;
    const gk = `${e.companyId}|${e.province}`;
    let cases = groups.get(gk);
    if (!cases) {
      cases = new Map();
      groups.set(gk, cases);
    }
    const ck = `${e.caseRef}|${e.category}`;
    const list = cases.get(ck);
    if (list) list.push(e);
    else cases.set(ck, [e]);
  }
  const repairsByGroup = new Map<string, CreditRepair[]>();
  for (const r of repairs) {
    if (r.date > asOf) continue;
    const gk = `${r.companyId}|${r.province}`;
    const list = repairsByGroup.get(gk);
    if (list) list.push(r);
    else repairsByGroup.set(gk, [r]);
  }

  const ratings: CompanyRating[] = [];
  for (const [gk, cases] of groups) {
    const groupRepairs = repairsByGroup.get(gk) ?? [];
    const caseRatings: CaseRating[] = [];
    const caseStd = new Map<CaseRating, CompanyStandard>();
    for (const caseEvents of cases.values()) {
      const rated = rateOneCase(registry, policy, caseEvents, groupRepairs, asOf, issues);
      if (rated) {
        caseRatings.push(rated.rating);
        caseStd.set(rated.rating, rated.standard);
      }
    }
    const first = cases.values().next().value![0]!;
    const active = caseRatings.filter((c) => c.status === "active");
    const decisive = policy.combine(active);
    const others = active.filter((c) => c !== decisive && c.level !== null).length;
    let reason: string;
    if (decisive) reason = others > 0 ? `${decisive.reason}（另有${others}项有效失信记录）` : decisive.reason;
    else if (caseRatings.some((c) => c.status === "cleared")) reason = "失信等级已修复清零";
    else if (caseRatings.some((c) => c.status === "revoked"))
      reason = "失信认定依据已撤销或变更，不再计入评级";
    else if (caseRatings.some((c) => c.status === "expired")) reason = "失信记录已过有效期，不再计入评级";
    else if (caseRatings.length > 0) reason = caseRatings[0]!.reason;
    else reason = "无可评级的失信记录";
    const std = decisive ? caseStd.get(decisive)! : null;
    const levelDef = decisive?.level && std ? findLevel(std, decisive.level.code)! : null;
    ratings.push({
      companyId: first.companyId,
      companyName: first.companyName,
      companyRole: first.companyRole,
      province: first.province,
      quarter,
      level: decisive?.level ?? null,
      reason,
      measures: levelDef
        ? levelDef.measures.filter((m) => m.appliesTo === "any" || m.appliesTo === first.companyRole)
        : [],
      expiresOn: decisive?.expiresOn ?? null,
      cases: caseRatings,
    });
  }
  return { ratings, issues };
}

function rateOneCase(
  registry: StandardRegistry,
  policy: CompanyRatingPolicy,
  caseEvents: readonly DishonestEvent[],
  repairs: readonly CreditRepair[],
  asOf: string,
  issues: CreditError[],
): { rating: CaseRating; standard: CompanyStandard } | null {
  const counted = caseEvents.filter((e) => e.revokedOn === null || e.revokedOn > asOf);
  const head = caseEvents[0]!;
  const confirmedOn = maxDate(counted.length > 0 ? counted : caseEvents);
  const ratedQuarter = quarterOfDate(confirmedOn);
  const facts: CaseFacts = {
    caseRef: head.caseRef,
    firstEventId: head.id,
    category: head.category,
    amountYuan: sumNullable(counted.map((e) => e.amountYuan)),
    largestSingleYuan: maxNullable(counted.map((e) => e.largestSingleYuan)),
    circumstances: [...new Set(counted.flatMap((e) => e.circumstances))],
    assessedLevel: highestAssessed(registry, counted),
  };
  if (counted.length === 0) {
    // The judgment or penalty behind every event was revoked: keep the record, rate nothing.
    const std = Result.getOrUndefined(standardInForce(registry, ratedQuarter)) ?? registry.versions[0]!;
    return {
      standard: std,
      rating: {
        caseRef: head.caseRef,
        category: head.category,
        eventIds: caseEvents.map((e) => e.id),
        level: null,
        reason: "失信认定依据已撤销或变更，不再计入评级",
        ratedQuarter,
        confirmedOn,
        expiresOn: null,
        status: "revoked",
      },
    };
  }
  const verdict = rateCase(registry, facts, ratedQuarter);
  if (Result.isFailure(verdict)) {
    issues.push(verdict.failure);
    return null;
  }
  const { standard } = verdict.success;
  let level: LevelDef | null = verdict.success.level;
  let reason = verdict.success.reason;
  let status: CaseStatus = "active";
  const expiresOn = level ? addYears(confirmedOn, level.validityYears) : null;
  if (expiresOn !== null && asOf >= expiresOn) status = "expired";
  else if (level) {
    const repair = applicableRepair(standard, head, level, confirmedOn, repairs, issues);
    if (repair) {
      if (policy.repairEffect === "clear") status = "cleared";
      else {
        const idx = standard.levels.indexOf(level);
        level = idx > 0 ? standard.levels[idx - 1]! : null;
        reason = level ? `${level.label}：已修复，由原等级下调一级（${reason}）` : `已修复清零（${reason}）`;
      }
    }
  }
  return {
    standard,
    rating: {
      caseRef: head.caseRef,
      category: resolveCategory(standard, head.category)?.code ?? head.category,
      eventIds: caseEvents.map((e) => e.id),
      level: level ? toRatedLevel(standard, level) : null,
      reason,
      ratedQuarter,
      confirmedOn,
      expiresOn,
      status,
    },
  };
}

/** The first repair that covers the case and completes the required corrections, if any. */
function applicableRepair(
  std: CompanyStandard,
  head: DishonestEvent,
  level: LevelDef,
  confirmedOn: string,
  repairs: readonly CreditRepair[],
  issues: CreditError[],
): CreditRepair | null {
  const category = resolveCategory(std, head.category)?.code;
  const required = std.corrections?.required.find((r) => r.category === category && r.level === level.code);
  for (const r of repairs) {
    const covers = r.caseRef === null ? r.date >= confirmedOn : r.caseRef === head.caseRef;
    if (!covers) continue;
    // A repair without a list of measures is taken as the agency's decision (NHSA publishes 清零 lists).
    if (required && r.measuresCompleted !== null) {
      const missing = required.measures.filter((m) => !r.measuresCompleted!.includes(m));
      if (missing.length > 0) {
        issues.push(
          new RepairIncomplete({
            repairId: r.id,
            missing,
            message: `${level.label}（${category}）须完成纠正措施${missing.map((m) => circled(m)).join("")}后方可修复`,
          }),
        );
        continue;
      }
    }
    return r;
  }
  return null;
}

function highestAssessed(registry: StandardRegistry, events: readonly DishonestEvent[]): string | null {
  let best: string | null = null;
  let bestSeverity = -1;
  for (const e of events) {
    if (e.assessedLevel === null) continue;
    // Severity via any registered version that knows the code; unknown codes surface in rateCase.
    let sev = 0;
    for (const v of registry.versions) {
      const l = findLevel(v, e.assessedLevel);
      if (l) sev = Math.max(sev, l.severity);
    }
    if (sev > bestSeverity) {
      best = e.assessedLevel;
      bestSeverity = sev;
    }
  }
  return best;
}

function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`;
}

function maxDate(events: readonly DishonestEvent[]): string {
  let m = events[0]!.dateConfirmed;
  for (const e of events) if (e.dateConfirmed > m) m = e.dateConfirmed;
  return m;
}

function sumNullable(xs: readonly (number | null)[]): number | null {
  let s: number | null = null;
  for (const x of xs) if (x !== null) s = (s ?? 0) + x;
  return s;
}

function maxNullable(xs: readonly (number | null)[]): number | null {
  let s: number | null = null;
  for (const x of xs) if (x !== null && (s === null || x > s)) s = x;
  return s;
}

/** A company's rating in each quarter from `from` to `to` (inclusive): its history with reasons. */
export function ratingHistory(
  events: readonly DishonestEvent[],
  repairs: readonly CreditRepair[],
  from: Quarter,
  to: Quarter,
  options: RateOptions = {},
): { quarter: Quarter; run: RatingRun }[] {
  const out: { quarter: Quarter; run: RatingRun }[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) {
    const quarter = quarterFromIndex(i);
    out.push({ quarter, run: rateCompanies(events, repairs, quarter, options) });
  }
  return out;
}
