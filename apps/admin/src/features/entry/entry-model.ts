/**
 * The data-entry grid's state, kept pure: what was loaded, what the person typed, which cells are
 * invalid, and which entries must be sent (an emptied cell clears the stored value). Saving sends only changed rows, each with the version
 * it was based on, so the server can refuse a stale save instead of overwriting someone else's.
 */
import { type EntryParse, parseEntry } from "../../lib/parse-entry.ts";

export type EntryValue = { kind: "number"; value: number } | { kind: "text"; text: string };

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
  /** The stored value for the year being entered (null when none yet). */
  stored: { value: EntryValue; source: string | null; note: string | null; version: number } | null;
}

export interface DraftCell {
  raw: string;
  source: string;
  note: string;
}

export type Draft = Record<string, DraftCell>;

export function entryKey(indicatorId: string, subject: string | null): string {
  return subject === null ? indicatorId : `${indicatorId}|${subject}`;
}

export function displayValue(v: EntryValue | null | undefined): string {
  if (!v) return "";
  return v.kind === "number" ? String(v.value) : v.text;
}

export function initialDraft(rows: readonly EntryRow[]): Draft {
  const out: Draft = {};
  for (const r of rows) {
    out[r.key] = {
      raw: displayValue(r.stored?.value),
      source: r.stored?.source ?? "",
      note: r.stored?.note ?? "",
    };
  }
  return out;
}

function sameValue(parsed: EntryParse, stored: EntryRow["stored"]): boolean {
  if (parsed.kind === "empty") return stored === null;
  if (!stored) return false;
  if (parsed.kind === "number") return stored.value.kind === "number" && stored.value.value === parsed.value;
  if (parsed.kind === "text") return stored.value.kind === "text" && stored.value.text === parsed.text;
  return false;
}

export function isRowChanged(row: EntryRow, cell: DraftCell | undefined): boolean {
  if (!cell) return false;
  const parsed = parseEntry(cell.raw, { unit: row.unit, name: row.name, textAllowed: row.textAllowed });
  if (!sameValue(parsed, row.stored)) return true;
  if (row.stored === null) return false;
  return cell.source.trim() !== (row.stored.source ?? "") || cell.note.trim() !== (row.stored.note ?? "");
}

/** Chinese message per invalid cell, keyed by row key. */
export function validateDraft(rows: readonly EntryRow[], draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const r of rows) {
    const cell = draft[r.key];
    if (!cell) continue;
    const parsed = parseEntry(cell.raw, { unit: r.unit, name: r.name, textAllowed: r.textAllowed });
    if (parsed.kind === "invalid") errors[r.key] = parsed.message;
  }
  return errors;
}

export interface ChangedEntry {
  indicatorId: string;
  subject: string | null;
  /** null clears the stored value. */
  value: EntryValue | null;
  source: string | null;
  note: string | null;
  /** Version the edit is based on; null for a new value (the API's optimistic-concurrency field). */
  version: number | null;
}

/** The entries to save (changed and valid); call `validateDraft` first and refuse on errors. */
export function changedEntries(rows: readonly EntryRow[], draft: Draft): ChangedEntry[] {
  const out: ChangedEntry[] = [];
  for (const r of rows) {
    const cell = draft[r.key];
    if (!cell || !isRowChanged(r, cell)) continue;
    const parsed = parseEntry(cell.raw, { unit: r.unit, name: r.name, textAllowed: r.textAllowed });
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
      version: r.stored?.version ?? null,
    });
  }
  return out;
}
