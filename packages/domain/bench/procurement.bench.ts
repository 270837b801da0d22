/**
 * Procurement counting benchmark: about 10,000 distinct varieties across the synthetic country of
 * issue 2 (≈3,200 jurisdictions: 31 provinces, 330 cities, 2,850 counties). National batches are implemented by every
 * province, provincial and alliance batches by their provinces, city rounds by cities; every county
 * inherits. Measures indexing plus the de-duplicated count (with derivation) of every jurisdiction
 * at the end of 2025 — goal < 2 s — and, for information, the 2020–2025 series of all of them.
 *
 * Run alone: `tsx bench/procurement.bench.ts`; `bench/run.ts` calls `runProcurementBench`.
 */
import { Result } from "effect";
import {
  type Batch,
  countVarieties,
  type Implementation,
  indexProcurementData,
  newCountScratch,
  type Variety,
  yearEnd,
} from "../src/procurement/index.ts";
import { generateNationalDataset } from "../src/synthetic/index.ts";

export const procurementGoalMs = 2_000;

/** Deterministic PRNG (mulberry32) so every run counts the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const groups = ["oralImmediate", "injection", "oralModified"] as const;
const variety = (k: number): Variety => ({
  kind: "drug",
  genericName: `合成药品${Math.floor(k / 3)}`,
  dosageForm: "片",
  dosageFormGroup: groups[k % 3]!,
  priceCutPct: null,
  note: null,
});

export interface SyntheticProcurement {
  jurisdictions: { code: string; parentCode: string | null }[];
  batches: Batch[];
  implementations: Implementation[];
  distinctVarieties: number;
  varietyEntries: number;
}

export function syntheticProcurement(seed = 20210101): SyntheticProcurement {
  const rand = rng(seed);
  const jurisdictions: { code: string; parentCode: string | null }[] = [];
  const batches: Batch[] = [];
  const implementations: Implementation[] = [];
  const used = new Set<number>();
  let entries = 0;
  const batch = (
    id: string,
    level: Batch["level"],
    keys: number[],
    regionCodes: string[],
    announced: string,
  ): Batch => {
    for (const k of keys) used.add(k);
    entries += keys.length;
    const b: Batch = {
      id,
      level,
      name: id,
      announced,
      category: "drug",
      averagePriceCutPct: null,
      sourceUrl: null,
      regionCodes,
      varieties: { kind: "listed", items: keys.map(variety) },
      retenderOf: null,
      note: null,
    };
    batches.push(b);
    return b;
  };
  const implement = (batchId: string, code: string, year: number) =>
    implementations.push({
      batchId,
      jurisdictionCode: code,
      startDate: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15`,
      agreedVolume: null,
      completionRatePct: null,
      savingsWanYuan: null,
      note: null,
    });

  // National: 11 batches, 490 varieties.
  const national: Batch[] = [];
  for (let n = 0; n < 11; n++) {
    const keys = Array.from({ length: n === 10 ? 40 : 45 }, (_, i) => n * 45 + i);
    national.push(batch(`national-${n + 1}`, "national", keys, [], `${2018 + Math.floor(n * 0.7)}-06`));
  }
  // The shared synthetic country (issue 2's generator): 31 provinces, 330 cities, 2,850 counties.
  const tree = Result.getOrThrow(generateNationalDataset({ seed, indicatorsPerPlan: 1 })).jurisdictions;
  for (const j of tree) jurisdictions.push({ code: j.code, parentCode: j.parentCode });
  // Each province: 3 rounds of 85 own varieties plus up to 24 repeats of national ones.
  let next = 490;
  for (const province of tree.filter((j) => j.level === "province")) {
    for (const b of national) implement(b.id, province.code, Number(b.announced.slice(0, 4)) + 1);
    for (let round = 0; round < 3; round++) {
      const own = Array.from({ length: 85 }, () => next++);
      const repeats = Array.from({ length: 24 }, () => Math.floor(rand() * 490));
      const b = batch(
        `p${province.code}-${round}`,
        "provincial",
        [...own, ...new Set(repeats)],
        [province.code],
        `${2020 + round}-03`,
      );
      implement(b.id, province.code, 2020 + round);
    }
  }
  // Each city: a city round (市级联盟) with 5 own varieties and repeats of recent provincial ones.
  for (const city of tree.filter((j) => j.level === "city")) {
    const keys = [
      ...Array.from({ length: 5 }, () => next++),
      ...Array.from({ length: 10 }, () => 490 + Math.floor(rand() * (next - 490))),
    ];
    const b = batch(`c${city.code}`, "provincial", [...new Set(keys)], [city.parentCode!], "2022-09");
    implement(b.id, city.code, 2023);
  }
  return { jurisdictions, batches, implementations, distinctVarieties: used.size, varietyEntries: entries };
}

export interface BenchFigure {
  readonly name: string;
  readonly measuredMs: number;
  readonly goalMs: number | null;
  readonly detail: string;
}

/** Median wall-clock time of `runs` runs after one warm-up. */
function median<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

export function runProcurementBench(): BenchFigure[] {
  const data = syntheticProcurement();
  const n = data.jurisdictions.length;

  const oneYear = median(3, () => {
    const ix = Result.getOrThrow(indexProcurementData(data));
    const scratch = newCountScratch(ix);
    let total = 0;
    let contributions = 0;
    for (const j of data.jurisdictions) {
      const c = countVarieties(ix, j.code, "drug", yearEnd(2025), scratch);
      total += c.value;
      contributions += c.contributions.length;
    }
    return { ix, total, contributions };
  });

  const series = median(1, () => {
    const scratch = newCountScratch(oneYear.value.ix);
    for (let year = 2020; year <= 2025; year++) {
      for (const j of data.jurisdictions)
        countVarieties(oneYear.value.ix, j.code, "drug", yearEnd(year), scratch);
    }
  });

  return [
    {
      name: "procurement: count 2025, 3,200 jurisdictions",
      measuredMs: oneYear.ms,
      goalMs: procurementGoalMs,
      detail: `index + de-duplicated count with derivation; ${data.distinctVarieties} distinct varieties (${data.varietyEntries} batch entries, ${data.batches.length} batches), ${n} jurisdictions, mean ${Math.round(oneYear.value.total / n)} per jurisdiction, ${oneYear.value.contributions} batch contributions`,
    },
    {
      name: "procurement: series 2020–2025",
      measuredMs: series.ms,
      goalMs: null,
      detail: `${6 * n} counts on a built index`,
    },
  ];
}

/** Entry for bench/run.ts (the harness's `Benchmark` shape). */
export const procurementBenchmark = { name: "procurement", run: runProcurementBench };

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of runProcurementBench()) {
    const verdict = f.goalMs === null ? "" : f.measuredMs < f.goalMs ? "  ✔ within goal" : "  ✘ over goal";
    const goal = f.goalMs === null ? "no goal" : `goal < ${f.goalMs} ms`;
    console.log(`${f.name}: ${f.measuredMs.toFixed(0)} ms (${goal})${verdict}\n  ${f.detail}`);
  }
}
