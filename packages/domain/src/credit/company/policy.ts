import type { CaseRating } from "./schema.ts";

/**
 * How a company's cases in one province combine into its level, and what a repair does. The rules
 * behind both are not verified (domain-rules.md §4 items 2–3), so they are parameters.
 */
export interface CompanyRatingPolicy {
  /** Picks the case that decides the company's level from its active, rated cases. */
  readonly combine: (active: readonly CaseRating[]) => CaseRating | null;
  /** "clear": a repair clears the case (清零). "lower-one": it lowers the case by one level. */
  readonly repairEffect: "clear" | "lower-one";
}

/**
 * DEFAULT: the highest unexpired level among the company's cases; on a tie the one that lasts
 * longest (it will still be the rating after the other expires).
 */
export function highestUnexpired(active: readonly CaseRating[]): CaseRating | null {
  let best: CaseRating | null = null;
  for (const c of active) {
    if (c.level === null) continue;
    if (
      best === null ||
      c.level.severity > best.level!.severity ||
      (c.level.severity === best.level!.severity && (c.expiresOn ?? "") > (best.expiresOn ?? ""))
    ) {
      best = c;
    }
  }
  return best;
}

/** Alternative: the most recently confirmed rated case decides, whatever its level. */
export function latestConfirmed(active: readonly CaseRating[]): CaseRating | null {
  let best: CaseRating | null = null;
  for (const c of active)
    if (c.level !== null && (best === null || c.confirmedOn > best.confirmedOn)) best = c;
  return best;
}

export const defaultCompanyPolicy: CompanyRatingPolicy = { combine: highestUnexpired, repairEffect: "clear" };
