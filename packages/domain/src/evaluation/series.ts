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

const NO_TEXTS: ReadonlyMap<number, TextEntry> = new Map();
const NO_YEARS: readonly number[] = [];
const EMPTY: Series = { numbers: new Map(), texts: NO_TEXTS, duplicateYears: NO_YEARS };

/** Texts and duplicates are rare: their containers are created on first use (fewer allocations). */
interface MutableSeries {
  numbers: Map<number, number>;
  texts: Map<number, TextEntry> | ReadonlyMap<number, TextEntry>;
  duplicateYears: number[] | readonly number[];
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
    s = { numbers: new Map(), texts: NO_TEXTS, duplicateYears: NO_YEARS };
    index.set(subject, s);
  }
  if (o.value.kind === "number") {
    if (s.numbers.has(o.year)) {
      if (s.duplicateYears === NO_YEARS) s.duplicateYears = [];
      if (!s.duplicateYears.includes(o.year)) (s.duplicateYears as number[]).push(o.year);
    } else {
      s.numbers.set(o.year, o.value.value);
    }
    return;
  }
  if (s.texts === NO_TEXTS) s.texts = new Map();
  const texts = s.texts as Map<number, TextEntry>;
  const prev = texts.get(o.year);
  const entry: TextEntry = { text: o.value.text, recordedBy: o.recordedBy, recordedAt: o.recordedAt };
  // A later record revises an earlier one; without timestamps, input order decides.
  if (prev === undefined || (prev.recordedAt ?? "") <= (entry.recordedAt ?? "")) texts.set(o.year, entry);
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
