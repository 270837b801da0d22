import type { Observation } from "../observation/schema.ts";

/** A person's text record for a year (a judgement, see `judgement.ts`). */
export interface TextEntry {
  readonly text: string;
  readonly recordedBy: string | null;
  readonly recordedAt: string | null;
}

/**
 * One indicator's (or one compound subject's) observations, by year. Built once per indicator so
 * judging several years does not re-scan the observations.
 */
export interface Series {
  readonly numbers: ReadonlyMap<number, number>;
  /** Latest text entry per year (by `recordedAt`, then input order). */
  readonly texts: ReadonlyMap<number, TextEntry>;
  /** Years with more than one numeric value: an error, as in sdg-build. */
  readonly duplicateYears: readonly number[];
}

/** Observations of one indicator, split by compound subject (`null` = the indicator itself). */
export type SeriesIndex = ReadonlyMap<string | null, Series>;

const EMPTY: Series = { numbers: new Map(), texts: new Map(), duplicateYears: [] };

interface MutableSeries {
  numbers: Map<number, number>;
  texts: Map<number, TextEntry>;
  duplicateYears: number[];
}

/** Indexes the observations of `indicatorId` (others are ignored). */
export function indexObservations(indicatorId: string, observations: readonly Observation[]): SeriesIndex {
  const out = new Map<string | null, MutableSeries>();
  for (const o of observations) {
    if (o.indicatorId !== indicatorId) continue;
    addObservation(out, o);
  }
  return out;
}

/** Groups observations by indicator and indexes each group (one pass). */
export function indexByIndicator(observations: readonly Observation[]): Map<string, SeriesIndex> {
  const out = new Map<string, Map<string | null, MutableSeries>>();
  for (const o of observations) {
    let index = out.get(o.indicatorId);
    if (index === undefined) {
      index = new Map();
      out.set(o.indicatorId, index);
    }
    addObservation(index, o);
  }
  return out;
}

function addObservation(index: Map<string | null, MutableSeries>, o: Observation): void {
  const subject = o.subject ?? null;
  let s = index.get(subject);
  if (s === undefined) {
    s = { numbers: new Map(), texts: new Map(), duplicateYears: [] };
    index.set(subject, s);
  }
  if (o.value.kind === "number") {
    if (s.numbers.has(o.year)) {
      if (!s.duplicateYears.includes(o.year)) s.duplicateYears.push(o.year);
    } else {
      s.numbers.set(o.year, o.value.value);
    }
    return;
  }
  const prev = s.texts.get(o.year);
  const entry: TextEntry = { text: o.value.text, recordedBy: o.recordedBy, recordedAt: o.recordedAt };
  // A later record revises an earlier one; without timestamps, input order decides.
  if (prev === undefined || (prev.recordedAt ?? "") <= (entry.recordedAt ?? "")) s.texts.set(o.year, entry);
}

export function seriesFor(index: SeriesIndex, subject: string | null): Series {
  return index.get(subject) ?? EMPTY;
}

/** Years in (from, to] that have a numeric value, ascending. */
export function numericYearsBetween(s: Series, from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from + 1; y <= to; y++) if (s.numbers.has(y)) years.push(y);
  return years;
}
