/**
 * The local draft: edited cells kept in the browser's localStorage until they are saved, so a
 * reload, a crash or a dropped connection loses nothing. Keyed by user, plan and year; only edited
 * cells (with the base each edit started from) are kept, so a restored draft still detects a
 * colleague's later save as a conflict. What comes back from storage is parsed, never trusted.
 */
import { z } from "zod";
import type { Draft } from "./entry-model.ts";

const EntryValue = z.union([
  z.object({ kind: z.literal("number"), value: z.number() }),
  z.object({ kind: z.literal("text"), text: z.string() }),
]);

const StoredCell = z.object({
  value: EntryValue,
  source: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  recordedBy: z.string().nullable().optional(),
  recordedAt: z.string().nullable().optional(),
});

const DraftCell = z.object({
  raw: z.string(),
  source: z.string(),
  note: z.string(),
  base: StoredCell.nullable(),
});

const SavedDraft = z.object({ v: z.literal(1), savedAt: z.string(), cells: z.record(z.string(), DraftCell) });

export interface SavedDraftInfo {
  cells: Draft;
  savedAt: string;
}

/** Where the draft lives; a Storage-like object so tests can pass their own. */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function draftKey(userId: string, planId: string, year: number): string {
  return `ybplan.entry-draft.v1.${userId}.${planId}.${year}`;
}

export function loadDraft(store: DraftStore, key: string): SavedDraftInfo | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = SavedDraft.safeParse(json);
  if (!parsed.success) return null;
  const cells: Draft = {};
  for (const [k, c] of Object.entries(parsed.data.cells)) {
    cells[k] = {
      raw: c.raw,
      source: c.source,
      note: c.note,
      base: c.base
        ? {
            value: c.base.value,
            source: c.base.source,
            note: c.base.note,
            version: c.base.version,
            recordedBy: c.base.recordedBy ?? null,
            recordedAt: c.base.recordedAt ?? null,
          }
        : null,
    };
  }
  return { cells, savedAt: parsed.data.savedAt };
}

/** Keeps the edited cells; removes the draft when there are none. Storage errors are not fatal. */
export function saveDraft(store: DraftStore, key: string, edited: Draft, now: Date = new Date()): void {
  try {
    if (Object.keys(edited).length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ v: 1, savedAt: now.toISOString(), cells: edited }));
  } catch {
    // Storage full or disabled: the grid still holds the edits; nothing else to do.
  }
}
