/**
 * The data-entry grid's state, kept pure. Every cell remembers the stored value its edit started
 * from (`base`). That one field is what keeps a colleague's work safe:
 * - a cell is *edited* when what is typed differs from its base, never merely because the server
 *   now holds something else — so a cell the person did not touch is never sent, and never cleared;
 * - when newer data arrives (`rebaseDraft`), untouched cells take it, and an edited cell whose base
 *   is older than the stored value becomes a *conflict*: both values are shown and the person picks
 *   (`keepMine` / `takeTheirs`), one cell at a time;
 * - a save sends only edited cells, each with its base's version, so the server refuses a stale one.
 */
import { type EntryParse, parseEntry } from "../../lib/parse-entry.ts";

export type EntryValue = { kind: "number"; value: number } | { kind: "text"; text: string };

/** A value as stored on the server for the year being entered. */
export interface StoredCell {
  value: EntryValue;
  source: string | null;
  note: string | null;
  version: number;
  recordedBy?: string | null;
  recordedAt?: string | null;
}

export interface EntryRow {
  /** Draft key: the indicator, plus the subject for a compound target's part. */
  key: string;
  indicatorId: string;
  /** Subject of a compound target's part ("药品"); null for the indicator as a whole. */
  subject: string | null;
  unit: string | null;
  /** Indicator name (range rules depend on it: a change in % may be negative). */
  name?: string;
  /** Qualitative and milestone targets take text. */
  textAllowed: boolean;
  /** The latest stored value for the year being entered (null when none). */
  stored: StoredCell | null;
}

export interface DraftCell {
  raw: string;
  source: string;
  note: string;
  /** The stored value this cell started from (null: the person saw no value). */
  base: StoredCell | null;
}

export type Draft = Record<string, DraftCell>;

export interface CellConflict {
  key: string;
  /** What this person typed. */
  mine: DraftCell;
  /** What is stored now (null: someone cleared it). */
  theirs: StoredCell | null;
}

export function entryKey(indicatorId: string, subject: string | null): string {
  return subject === null ? indicatorId : `${indicatorId}|${subject}`;
}

export function displayValue(v: EntryValue | null | undefined): string {
  if (!v) return "";
  return v.kind === "number" ? String(v.value) : v.text;
}

/** A cell showing exactly what is stored. */
function cellFromStored(stored: StoredCell | null): DraftCell {
  return {
    raw: displayValue(stored?.value),
    source: stored?.source ?? "",
    note: stored?.note ?? "",
    base: stored,
  };
}

export function initialDraft(rows: readonly EntryRow[]): Draft {
  const out: Draft = {};
  for (const r of rows) out[r.key] = cellFromStored(r.stored);
  return out;
}

function parseCell(row: EntryRow, raw: string): EntryParse {
  return parseEntry(raw, { unit: row.unit, name: row.name ?? "", textAllowed: row.textAllowed });
}

function sameValue(parsed: EntryParse, stored: StoredCell | null): boolean {
  if (parsed.kind === "empty") return stored === null;
  if (!stored) return false;
  if (parsed.kind === "number") return stored.value.kind === "number" && stored.value.value === parsed.value;
  if (parsed.kind === "text") return stored.value.kind === "text" && stored.value.text === parsed.text;
  return false;
}

/** Does the cell's content (value, source, note) say the same as `stored`? */
function sameContent(row: EntryRow, cell: DraftCell, stored: StoredCell | null): boolean {
  if (!sameValue(parseCell(row, cell.raw), stored)) return false;
  // Source and note travel with a value: with no value on either side there is nothing to compare.
  if (stored === null) return true;
  return cell.source.trim() === (stored.source ?? "") && cell.note.trim() === (stored.note ?? "");
}

const versionOf = (s: StoredCell | null) => s?.version ?? null;

/** Has the person changed this cell, relative to what it started from? */
export function isEdited(row: EntryRow, cell: DraftCell | undefined): boolean {
  return cell !== undefined && !sameContent(row, cell, cell.base);
}

/** An edited cell whose base is no longer what is stored: someone else saved it meanwhile. */
export function conflictOf(row: EntryRow, cell: DraftCell | undefined): CellConflict | null {
  if (!cell || !isEdited(row, cell) || versionOf(cell.base) === versionOf(row.stored)) return null;
  return { key: row.key, mine: cell, theirs: row.stored };
}

export function conflictsOf(rows: readonly EntryRow[], draft: Draft): CellConflict[] {
  return rows.flatMap((r) => conflictOf(r, draft[r.key]) ?? []);
}

/**
 * Follows newer stored data without losing an edit: untouched cells show the new value; an edit
 * that now equals what is stored (e.g. after one's own save) is settled; any other edit is kept,
 * still based on what the person saw — it shows as a conflict if the stored version moved on.
 */
export function rebaseDraft(rows: readonly EntryRow[], draft: Draft): Draft {
  const out: Draft = {};
  for (const r of rows) {
    const cell = draft[r.key];
    if (!cell || !isEdited(r, cell) || sameContent(r, cell, r.stored)) out[r.key] = cellFromStored(r.stored);
    else out[r.key] = cell;
  }
  return out;
}

/** Resolve a conflict for my value: it will overwrite the stored one (now acknowledged). */
export function keepMine(row: EntryRow, cell: DraftCell): DraftCell {
  return { ...cell, base: row.stored };
}

/** Resolve a conflict for the stored value: my edit of this cell is dropped. */
export function takeTheirs(row: EntryRow): DraftCell {
  return cellFromStored(row.stored);
}

/** Chinese message per invalid cell, keyed by row key. */
export function validateDraft(rows: readonly EntryRow[], draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const r of rows) {
    const cell = draft[r.key];
    if (!cell) continue;
    const parsed = parseCell(r, cell.raw);
    if (parsed.kind === "invalid") errors[r.key] = parsed.message;
  }
  return errors;
}

export interface ChangedEntry {
  indicatorId: string;
  subject: string | null;
  /** null clears the stored value — only ever sent for a cell the person emptied. */
  value: EntryValue | null;
  source: string | null;
  note: string | null;
  /** Version the edit is based on; null for a new value (the API's optimistic-concurrency field). */
  version: number | null;
}

/**
 * The entries to save: edited, valid cells, each with the version of its base. Call
 * `validateDraft` and `conflictsOf` first and refuse to save while either is non-empty.
 */
export function changedEntries(rows: readonly EntryRow[], draft: Draft): ChangedEntry[] {
  const out: ChangedEntry[] = [];
  for (const r of rows) {
    const cell = draft[r.key];
    if (!cell || !isEdited(r, cell)) continue;
    const parsed = parseCell(r, cell.raw);
    if (parsed.kind === "invalid") continue;
    out.push({
      indicatorId: r.indicatorId,
      subject: r.subject,
      value:
        parsed.kind === "empty"
          ? null
          : parsed.kind === "number"
            ? { kind: "number", value: parsed.value }
            : { kind: "text", text: parsed.text },
      source: cell.source.trim() || null,
      note: cell.note.trim() || null,
      version: versionOf(cell.base),
    });
  }
  return out;
}

/** The edited cells only: what a local draft must keep until it is saved. */
export function editedCells(rows: readonly EntryRow[], draft: Draft): Draft {
  const out: Draft = {};
  for (const r of rows) {
    const cell = draft[r.key];
    if (cell && isEdited(r, cell)) out[r.key] = cell;
  }
  return out;
}

/** A draft from stored values with previously edited cells laid over (then rebased). */
export function restoreDraft(rows: readonly EntryRow[], edited: Draft): Draft {
  const draft = initialDraft(rows);
  for (const r of rows) {
    const cell = edited[r.key];
    if (cell) draft[r.key] = cell;
  }
  return rebaseDraft(rows, draft);
}
