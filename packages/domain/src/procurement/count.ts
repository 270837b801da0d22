import { Result } from "effect";
import { ProcurementDataError, type ProcurementDataProblem } from "./errors.ts";
import type { Batch, BatchLevel, Implementation, ProcurementCategory, ProcurementData } from "./schema.ts";
import { varietyKey, varietyLabel } from "./variety-key.ts";

/**
 * Counting distinct procured varieties per jurisdiction (domain-rules.md §3.4):
 * - a variety counts once per jurisdiction, however many batches (national, provincial, alliance)
 *   contain it — a set union keyed by `varietyKey`;
 * - a jurisdiction inherits the batches its ancestors implemented (a provincial rollout covers its
 *   cities and counties);
 * - only implementations started on or before the cut-off (31 December of the year) count;
 * - an extension or renewal (`retenderOf`) contributes its origin's varieties, so it adds nothing
 *   where the origin is already counted;
 * - a count-only batch adds its published count, once per origin batch, and marks the result as an
 *   estimate: its overlap with listed varieties cannot be checked.
 */

/** How a batch's varieties resolve after following `retenderOf`. Keys are interned integers. */
type ResolvedVarieties =
  | { readonly kind: "listed"; readonly originId: string; readonly keys: Int32Array }
  | { readonly kind: "countOnly"; readonly originId: string; readonly count: number };

/** Validated, indexed procurement data. Build once with `indexProcurementData`, count many times. */
export interface ProcurementIndex {
  readonly batches: ReadonlyMap<string, Batch>;
  /** @internal resolved variety sets per batch id. */
  readonly resolved: ReadonlyMap<string, ResolvedVarieties>;
  /** @internal implementations per jurisdiction code. */
  readonly implementationsByJurisdiction: ReadonlyMap<string, readonly Implementation[]>;
  /** @internal parent of each known jurisdiction. */
  readonly parentOf: ReadonlyMap<string, string | null>;
  /** @internal label of each interned variety key. */
  readonly labels: readonly string[];
}

/** Validate references (implementations → batches, retender chains) and intern variety keys. */
export function indexProcurementData(
  data: ProcurementData,
): Result.Result<ProcurementIndex, ProcurementDataError> {
  const problems: ProcurementDataProblem[] = [];
  const batches = new Map<string, Batch>();
  for (const b of data.batches) {
    if (batches.has(b.id)) problems.push({ kind: "duplicateBatchId", batchId: b.id });
    else batches.set(b.id, b);
  }

  const keyIds = new Map<string, number>();
  const labels: string[] = [];
  const intern = (key: string, label: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = labels.length;
      keyIds.set(key, id);
      labels.push(label);
    }
    return id;
  };

  const resolved = new Map<string, ResolvedVarieties>();
  // Batches on a broken chain, so each problem is reported once.
  const broken = new Set<string>();
  const resolve = (batch: Batch): ResolvedVarieties | null => {
    const done = resolved.get(batch.id);
    if (done !== undefined) return done;
    const chain: Batch[] = [];
    let cur: Batch = batch;
    // Walk to the first batch that holds its own list, or the count-only origin.
    while (cur.varieties.kind === "countOnly" && cur.retenderOf !== null) {
      if (broken.has(cur.id)) return null;
      if (chain.includes(cur)) {
        problems.push({ kind: "retenderCycle", batchIds: [...chain.map((c) => c.id), cur.id] });
        for (const c of chain) broken.add(c.id);
        return null;
      }
      chain.push(cur);
      const origin = batches.get(cur.retenderOf);
      if (origin === undefined || origin.category !== cur.category) {
        problems.push(
          origin === undefined
            ? { kind: "unknownRetenderOrigin", batchId: cur.id, originId: cur.retenderOf }
            : { kind: "retenderCategoryMismatch", batchId: cur.id, originId: origin.id },
        );
        for (const c of chain) broken.add(c.id);
        return null;
      }
      cur = origin;
    }
    const r: ResolvedVarieties =
      cur.varieties.kind === "listed"
        ? {
            kind: "listed",
            originId: cur.id,
            keys: Int32Array.from(cur.varieties.items, (v) => intern(varietyKey(v), varietyLabel(v))),
          }
        : { kind: "countOnly", originId: cur.id, count: cur.varieties.count };
    for (const c of [batch, ...chain]) resolved.set(c.id, r);
    return r;
  };
  for (const b of batches.values()) resolve(b);

  const implementationsByJurisdiction = new Map<string, Implementation[]>();
  for (const impl of data.implementations) {
    if (!batches.has(impl.batchId)) {
      problems.push({ kind: "unknownBatch", batchId: impl.batchId, jurisdictionCode: impl.jurisdictionCode });
      continue;
    }
    const list = implementationsByJurisdiction.get(impl.jurisdictionCode);
    if (list === undefined) implementationsByJurisdiction.set(impl.jurisdictionCode, [impl]);
    else list.push(impl);
  }

  const parentOf = new Map<string, string | null>(data.jurisdictions.map((j) => [j.code, j.parentCode]));
  if (problems.length > 0) return Result.fail(new ProcurementDataError({ problems }));
  return Result.succeed({ batches, resolved, implementationsByJurisdiction, parentOf, labels });
}

/** What one batch added to a jurisdiction's count. */
export interface BatchContribution {
  readonly batchId: string;
  readonly batchName: string;
  readonly level: BatchLevel;
  /** Jurisdiction whose implementation record applies (the jurisdiction itself or an ancestor). */
  readonly implementedBy: string;
  readonly startDate: string;
  /** The implementation record that applies (volume, completion, savings). */
  readonly implementation: Implementation;
  /** Batch whose varieties this one re-tenders (扩围/接续), or null. */
  readonly retenderOf: string | null;
  /** Varieties this batch added that no earlier batch had. */
  readonly added: number;
  /** Labels of the added varieties; empty for a count-only batch. */
  readonly addedVarieties: readonly string[];
  /** Varieties already counted through an earlier batch. */
  readonly alreadyCounted: number;
  /** True when the batch holds only a count (its contribution is an estimate). */
  readonly countOnly: boolean;
}

export interface VarietyCount {
  readonly jurisdictionCode: string;
  readonly category: ProcurementCategory;
  /** Cut-off date (inclusive), e.g. 2025-12-31. */
  readonly asOf: string;
  /** Distinct varieties (drugs) or classes (consumables). */
  readonly value: number;
  /** Part of `value` from listed varieties (exact, de-duplicated). */
  readonly listedDistinct: number;
  /** Part of `value` from count-only batches (not de-duplicated against listed ones). */
  readonly countOnlyTotal: number;
  /** True when any count-only batch contributed. */
  readonly estimated: boolean;
  /** Contributing batches in the order they took effect. */
  readonly contributions: readonly BatchContribution[];
}

/** Reusable scratch space so counting many jurisdictions allocates little. */
export interface CountScratch {
  seen: Uint32Array;
  stamp: number;
}

export function newCountScratch(index: ProcurementIndex): CountScratch {
  return { seen: new Uint32Array(index.labels.length), stamp: 0 };
}

/**
 * Distinct varieties of `category` implemented in `jurisdictionCode` (or inherited from an ancestor)
 * on or before `asOf` (inclusive ISO date).
 */
export function countVarieties(
  index: ProcurementIndex,
  jurisdictionCode: string,
  category: ProcurementCategory,
  asOf: string,
  scratch: CountScratch = newCountScratch(index),
): VarietyCount {
  // Earliest applicable implementation of each batch along the chain jurisdiction → province.
  const applicable = new Map<string, Implementation>();
  const visited = new Set<string>();
  let code: string | null = jurisdictionCode;
  while (code !== null && !visited.has(code)) {
    visited.add(code);
    for (const impl of index.implementationsByJurisdiction.get(code) ?? []) {
      if (impl.startDate > asOf) continue;
      const batch = index.batches.get(impl.batchId)!;
      if (batch.category !== category) continue;
      const prev = applicable.get(impl.batchId);
      if (prev === undefined || impl.startDate < prev.startDate) applicable.set(impl.batchId, impl);
    }
    code = index.parentOf.get(code) ?? null;
  }

  const ordered = [...applicable.values()].sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      index.batches.get(a.batchId)!.announced.localeCompare(index.batches.get(b.batchId)!.announced) ||
      a.batchId.localeCompare(b.batchId),
  );

  if (scratch.seen.length < index.labels.length) scratch.seen = new Uint32Array(index.labels.length);
  scratch.stamp += 1;
  if (scratch.stamp === 0xffffffff) {
    scratch.seen.fill(0);
    scratch.stamp = 1;
  }
  const stamp = scratch.stamp;
  const seen = scratch.seen;
  const countedOrigins = new Set<string>();
  let listedDistinct = 0;
  let countOnlyTotal = 0;
  const contributions: BatchContribution[] = [];

  for (const impl of ordered) {
    const batch = index.batches.get(impl.batchId)!;
    const r = index.resolved.get(batch.id)!;
    let added = 0;
    let alreadyCounted = 0;
    const addedVarieties: string[] = [];
    if (r.kind === "listed") {
      for (const k of r.keys) {
        if (seen[k] === stamp) {
          alreadyCounted += 1;
        } else {
          seen[k] = stamp;
          added += 1;
          addedVarieties.push(index.labels[k]!);
        }
      }
      listedDistinct += added;
    } else if (countedOrigins.has(r.originId)) {
      alreadyCounted = r.count;
    } else {
      countedOrigins.add(r.originId);
      added = r.count;
      countOnlyTotal += added;
    }
    contributions.push({
      batchId: batch.id,
      batchName: batch.name,
      level: batch.level,
      implementedBy: impl.jurisdictionCode,
      startDate: impl.startDate,
      implementation: impl,
      retenderOf: batch.retenderOf,
      added,
      addedVarieties,
      alreadyCounted,
      countOnly: r.kind === "countOnly",
    });
  }

  return {
    jurisdictionCode,
    category,
    asOf,
    value: listedDistinct + countOnlyTotal,
    listedDistinct,
    countOnlyTotal,
    estimated: countOnlyTotal > 0,
    contributions,
  };
}

/** 31 December of `year`, the cut-off of a yearly value. */
export function yearEnd(year: number): string {
  return `${String(year).padStart(4, "0")}-12-31`;
}
