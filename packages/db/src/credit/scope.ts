import type { RuleSet } from "@ybplan/domain/credit";

/**
 * GB/T 2260 prefix of a jurisdiction's subtree: 150000 → "15", 320600 → "3206", 320602 → "320602".
 * Institutions store their own code only, so subtree membership is a prefix match.
 */
export function codePrefix(code: string): string {
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** Whether a rule set is in force for any part of a natural year. */
export function inForceDuring(rs: RuleSet, year: number): boolean {
  return (
    rs.effectiveFrom <= `${year}-12-31` && (rs.effectiveTo === null || rs.effectiveTo >= `${year}-01-01`)
  );
}

export interface RuleSetScope {
  readonly ruleSet: RuleSet;
  readonly prefix: string;
  /** Prefixes of more specific jurisdictions that have their own rule set for the same kinds. */
  readonly excluded: string[];
}

/**
 * For each rule set in force in `year`, the institutions it grades: its jurisdiction's subtree,
 * minus sub-jurisdictions with their own set. Where a jurisdiction has several versions in force
 * in the year, the latest one grades the cycle.
 */
export function scopesFor(ruleSets: readonly RuleSet[], year: number): RuleSetScope[] {
  const latest = new Map<string, RuleSet>();
  for (const rs of ruleSets) {
    if (!inForceDuring(rs, year)) continue;
    const key = `${rs.jurisdiction}|${[...rs.appliesTo].sort().join(",")}`;
    const cur = latest.get(key);
    if (!cur || rs.effectiveFrom > cur.effectiveFrom) latest.set(key, rs);
  }
  const chosen = [...latest.values()];
  return chosen.map((rs) => {
    const prefix = codePrefix(rs.jurisdiction);
    const excluded = chosen
      .filter((o) => o !== rs && o.appliesTo.some((k) => rs.appliesTo.includes(k)))
      .map((o) => codePrefix(o.jurisdiction))
      .filter((p) => p.length > prefix.length && p.startsWith(prefix));
    return { ruleSet: rs, prefix, excluded };
  });
}
