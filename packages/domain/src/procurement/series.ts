import { countVarieties, newCountScratch, type ProcurementIndex, yearEnd } from "./count.ts";
import type { ProcurementCategory } from "./schema.ts";

/** One point of the cumulative-count chart. */
export interface CountPoint {
  readonly year: number;
  readonly value: number;
  /** Varieties added during this year (value minus the previous year's value). */
  readonly addedInYear: number;
  readonly estimated: boolean;
}

/** Distinct varieties at the end of each year from `fromYear` to `toYear` (inclusive). */
export function cumulativeCountSeries(
  index: ProcurementIndex,
  jurisdictionCode: string,
  category: ProcurementCategory,
  fromYear: number,
  toYear: number,
): CountPoint[] {
  const scratch = newCountScratch(index);
  const out: CountPoint[] = [];
  let previous = countVarieties(index, jurisdictionCode, category, yearEnd(fromYear - 1), scratch).value;
  for (let year = fromYear; year <= toYear; year++) {
    const c = countVarieties(index, jurisdictionCode, category, yearEnd(year), scratch);
    out.push({ year, value: c.value, addedInYear: c.value - previous, estimated: c.estimated });
    previous = c.value;
  }
  return out;
}
