import type { Jurisdiction } from "../../jurisdiction/schema.ts";
import { ancestorCodes } from "../../jurisdiction/tree.ts";
import type { GradeResult } from "./schema.ts";

export interface GradeDistribution {
  readonly jurisdiction: string;
  readonly year: number;
  readonly total: number;
  /** Count per grade, in the order grades were first given by `gradeOrder`. */
  readonly counts: Record<string, number>;
  /** Share per grade (0–1), same keys. */
  readonly shares: Record<string, number>;
}

/**
 * Grade distribution per jurisdiction and year. With `jurisdictions` the counts also roll up to
 * every ancestor (a province's distribution includes its cities' institutions).
 */
export function gradeDistribution(
  results: readonly GradeResult[],
  gradeOrder: readonly string[],
  jurisdictions?: readonly Jurisdiction[],
): GradeDistribution[] {
  const buckets = new Map<string, { jurisdiction: string; year: number; counts: Map<string, number> }>();
  const ancestors = new Map<string, string[]>();
  const add = (code: string, year: number, grade: string) => {
    const key = `${code}|${year}`;
    let b = buckets.get(key);
    if (!b) {
      b = { jurisdiction: code, year, counts: new Map() };
      buckets.set(key, b);
    }
    b.counts.set(grade, (b.counts.get(grade) ?? 0) + 1);
  };
  for (const r of results) {
    add(r.jurisdiction, r.year, r.grade);
    if (!jurisdictions) continue;
    let chain = ancestors.get(r.jurisdiction);
    if (!chain) {
      chain = ancestorCodes(jurisdictions, r.jurisdiction);
      ancestors.set(r.jurisdiction, chain);
    }
    for (const a of chain) add(a, r.year, r.grade);
  }
  const out: GradeDistribution[] = [];
  for (const b of buckets.values()) {
    const grades = [...gradeOrder, ...[...b.counts.keys()].filter((g) => !gradeOrder.includes(g))];
    let total = 0;
    for (const v of b.counts.values()) total += v;
    const counts: Record<string, number> = {};
    const shares: Record<string, number> = {};
    for (const g of grades) {
      counts[g] = b.counts.get(g) ?? 0;
      shares[g] = total === 0 ? 0 : counts[g] / total;
    }
    out.push({ jurisdiction: b.jurisdiction, year: b.year, total, counts, shares });
  }
  return out.sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.year - b.year);
}

/** Column-wise counterpart for the bench and bulk jobs: counts per band index. */
export function bandCounts(band: Uint8Array, bandCount: number): Uint32Array {
  const out = new Uint32Array(bandCount);
  for (let i = 0; i < band.length; i++) out[band[i]!]!++;
  return out;
}

/**
 * Column-wise distribution: counts per (jurisdiction slot, band), laid out `slot * bandCount + band`.
 * `slotOf[i]` is the jurisdiction slot of institution i.
 */
export function bandCountsBySlot(
  band: Uint8Array,
  slotOf: Uint16Array | Uint32Array,
  slotCount: number,
  bandCount: number,
): Uint32Array {
  const out = new Uint32Array(slotCount * bandCount);
  for (let i = 0; i < band.length; i++) out[slotOf[i]! * bandCount + band[i]!]!++;
  return out;
}
