import type { Observation } from "../observation/schema.ts";

/** A person's text record for a year (a judgement, see `judgement.ts`). */
export interface TextEntry {
  readonly text: string;
  readonly recordedBy: string | null;
  readonly recordedAt: string | null;
}

/**
 * Values by year for one series. An indicator has a handful of years, so two parallel arrays with
 * a linear scan beat a hash map, and cost far less memory when a whole country is indexed at once.
 */
class YearTable<T> {
  readonly years: number[] = [];
  readonly values: T[] = [];

  get(year: number): T | undefined {
    const ys = this.years;
    for (let i = 0; i < ys.length; i++) if (ys[i] === year) return this.values[i];
    return undefined;
  }

  has(year: number): boolean {
    return this.years.includes(year);
  }

  set(year: number, value: T): void {
    const i = this.years.indexOf(year);
    if (i >= 0) {
      this.values[i] = value;
      return;
    }
    this.years.push(year);
    this.values.push(value);
  }
}

/** Read access to a year table. */
interface YearLookup<T> {
  get(year: number): T | undefined;
  has(year: number): boolean;
}

/**
 * One indicator's (or one compound subject's) observations, by year. Built once per indicator so
 * judging several years does not re-scan the observations.
 */
export interface Series {
  readonly numbers: YearLookup<number>;
  /** Latest text entry per year (by `recordedAt`, then input order). */
  readonly texts: YearLookup<TextEntry>;
  /** Years with more than one numeric value: an error, as in sdg-build. */
  readonly duplicateYears: readonly number[];
}

/** Observations of one indicator: the indicator's own series and, for compound targets, by subject. */
export interface SeriesIndex {
  readonly main: Series | undefined;
  readonly bySubject: ReadonlyMap<string, Series> | undefined;
}

const NO_YEARS: readonly number[] = [];
const EMPTY_TABLE = new YearTable<never>();
const EMPTY: Series = { numbers: EMPTY_TABLE, texts: EMPTY_TABLE, duplicateYears: NO_YEARS };
export const EMPTY_INDEX: SeriesIndex = { main: undefined, bySubject: undefined };

/** Texts and duplicates are rare: their containers are created on first use (fewer allocations). */
interface MutableSeries {
  numbers: YearTable<number>;
  texts: YearTable<TextEntry>;
  duplicateYears: number[] | readonly number[];
}

interface MutableIndex {
  main: MutableSeries | undefined;
  bySubject: Map<string, MutableSeries> | undefined;
}

/** Indexes the observations of `indicatorId` (others are ignored). */
export function indexObservations(indicatorId: string, observations: readonly Observation[]): SeriesIndex {
  const index: MutableIndex = { main: undefined, bySubject: undefined };
  for (const o of observations) {
    if (o.indicatorId === indicatorId) addObservation(index, o);
  }
  return index;
}

/** Groups observations by indicator and indexes each group (one pass). */
export function indexByIndicator(observations: readonly Observation[]): Map<string, SeriesIndex> {
  const out = new Map<string, MutableIndex>();
  for (const o of observations) {
    let index = out.get(o.indicatorId);
    if (index === undefined) {
      index = { main: undefined, bySubject: undefined };
      out.set(o.indicatorId, index);
    }
    addObservation(index, o);
  }
  return out;
}

function newSeries(): MutableSeries {
  return { numbers: new YearTable(), texts: EMPTY_TABLE as YearTable<TextEntry>, duplicateYears: NO_YEARS };
}

function seriesOf(index: MutableIndex, subject: string | null | undefined): MutableSeries {
  if (subject === null || subject === undefined) {
    if (index.main === undefined) index.main = newSeries();
    return index.main;
  }
  if (index.bySubject === undefined) index.bySubject = new Map();
  let s = index.bySubject.get(subject);
  if (s === undefined) {
    s = newSeries();
    index.bySubject.set(subject, s);
  }
  return s;
}

function addObservation(index: MutableIndex, o: Observation): void {
  const s = seriesOf(index, o.subject);
  if (o.value.kind === "number") {
    if (s.numbers.has(o.year)) {
      if (s.duplicateYears === NO_YEARS) s.duplicateYears = [];
      if (!s.duplicateYears.includes(o.year)) (s.duplicateYears as number[]).push(o.year);
    } else {
      s.numbers.set(o.year, o.value.value);
    }
    return;
  }
  if (s.texts === EMPTY_TABLE) s.texts = new YearTable();
  const prev = s.texts.get(o.year);
  const entry: TextEntry = { text: o.value.text, recordedBy: o.recordedBy, recordedAt: o.recordedAt };
  // A later record revises an earlier one; without timestamps, input order decides.
  if (prev === undefined || (prev.recordedAt ?? "") <= (entry.recordedAt ?? "")) s.texts.set(o.year, entry);
}

export function seriesFor(index: SeriesIndex, subject: string | null): Series {
  return (subject === null ? index.main : index.bySubject?.get(subject)) ?? EMPTY;
}

/** Years in (from, to] that have a numeric value, ascending. */
export function numericYearsBetween(s: Series, from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from + 1; y <= to; y++) if (s.numbers.has(y)) years.push(y);
  return years;
}
