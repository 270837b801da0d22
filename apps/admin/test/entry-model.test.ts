import { describe, expect, it } from "vitest";
import { draftKey, loadDraft, saveDraft } from "../src/features/entry/draft-storage.ts";
import {
  changedEntries,
  conflictsOf,
  type Draft,
  type EntryRow,
  editedCells,
  initialDraft,
  keepMine,
  rebaseDraft,
  restoreDraft,
  type StoredCell,
  takeTheirs,
  validateDraft,
} from "../src/features/entry/entry-model.ts";
import { nextCellIndex } from "../src/features/entry/grid-keys.ts";

const rows: EntryRow[] = [
  { key: "a", indicatorId: "a", subject: null, unit: "%", textAllowed: false, stored: null },
  {
    key: "b",
    indicatorId: "b",
    subject: null,
    unit: "%",
    textAllowed: false,
    stored: { value: { kind: "number", value: 95 }, source: "统计年鉴", note: null, version: 3 },
  },
  { key: "c|药品", indicatorId: "c", subject: "药品", unit: null, textAllowed: true, stored: null },
];

const num = (value: number, version: number, recordedBy = "甲"): StoredCell => ({
  value: { kind: "number", value },
  source: null,
  note: null,
  version,
  recordedBy,
  recordedAt: "2026-12-03T02:00:00.000Z",
});

/** Rows for `n` indicators in %, with the given stored cells. */
function grid(stored: Array<StoredCell | null>): EntryRow[] {
  return stored.map((s, i) => ({
    key: `i${i}`,
    indicatorId: `i${i}`,
    subject: null,
    unit: "%",
    textAllowed: false,
    stored: s,
  }));
}

describe("entry grid model", () => {
  it("starts from the stored values and sends nothing when untouched", () => {
    const d = initialDraft(rows);
    expect(d.b).toEqual({ raw: "95", source: "统计年鉴", note: "", base: rows[1]!.stored });
    expect(changedEntries(rows, d)).toEqual([]);
    expect(validateDraft(rows, d)).toEqual({});
  });

  it("sends only changed rows, each with the version it was based on", () => {
    const d = initialDraft(rows);
    d.a = { ...d.a!, raw: "96.1%" };
    d.b = { ...d.b!, raw: "95.0" }; // same number: not a change
    d["c|药品"] = { ...d["c|药品"]!, raw: "已实现省级统筹", note: "按省厅通知" };
    expect(changedEntries(rows, d)).toEqual([
      {
        indicatorId: "a",
        subject: null,
        value: { kind: "number", value: 96.1 },
        source: null,
        note: null,
        version: null,
      },
      {
        indicatorId: "c",
        subject: "药品",
        value: { kind: "text", text: "已实现省级统筹" },
        source: null,
        note: "按省厅通知",
        version: null,
      },
    ]);
    d.b = { ...d.b!, raw: "96" };
    expect(changedEntries(rows, d).find((e) => e.indicatorId === "b")?.version).toBe(3);
    d.b = { ...d.b!, raw: "" }; // emptied by the person: clears the stored value
    expect(changedEntries(rows, d).find((e) => e.indicatorId === "b")).toEqual({
      indicatorId: "b",
      subject: null,
      value: null,
      source: "统计年鉴",
      note: null,
      version: 3,
    });
  });

  it("gives a Chinese message per invalid cell", () => {
    const d = initialDraft(rows);
    d.a = { ...d.a!, raw: "120" };
    d.b = { ...d.b!, raw: "abc" };
    const errors = validateDraft(rows, d);
    expect(errors.a).toMatch(/^百分比应在 0.*100 之间$/);
    expect(errors.b).toBe("请输入数字（单位：%）");
    expect(errors["c|药品"]).toBeUndefined();
  });
});

describe("two people on one year: no value is lost", () => {
  // B opened the grid while it was empty; A then filled all 16 cells and saved (version 1 each).
  const before = grid(Array.from({ length: 16 }, () => null));
  const afterA = grid(Array.from({ length: 16 }, (_, i) => num(90 + i / 10, 1)));

  function bEditsTwo(): Draft {
    const d = initialDraft(before);
    d.i0 = { ...d.i0!, raw: "97.5" };
    d.i1 = { ...d.i1!, raw: "88" };
    return d;
  }

  it("after a conflict, cells B did not touch take A's values and are never sent", () => {
    const d = rebaseDraft(afterA, bEditsTwo());
    for (let i = 2; i < 16; i++) expect(d[`i${i}`]!.raw).toBe(String(90 + i / 10));
    const conflicts = conflictsOf(afterA, d);
    expect(conflicts.map((c) => c.key)).toEqual(["i0", "i1"]);
    expect(conflicts[0]!.theirs?.value).toEqual({ kind: "number", value: 90 });
    expect(conflicts[0]!.mine.raw).toBe("97.5");
  });

  it("keeping B's two values sends exactly those two, based on A's versions; nothing is cleared", () => {
    let d = rebaseDraft(afterA, bEditsTwo());
    for (const r of afterA) if (conflictsOf([r], d).length) d = { ...d, [r.key]: keepMine(r, d[r.key]!) };
    expect(conflictsOf(afterA, d)).toEqual([]);
    const sent = changedEntries(afterA, d);
    expect(sent).toEqual([
      {
        indicatorId: "i0",
        subject: null,
        value: { kind: "number", value: 97.5 },
        source: null,
        note: null,
        version: 1,
      },
      {
        indicatorId: "i1",
        subject: null,
        value: { kind: "number", value: 88 },
        source: null,
        note: null,
        version: 1,
      },
    ]);
    expect(sent.some((e) => e.value === null)).toBe(false);
  });

  it("a per-cell choice: B keeps one value and takes A's for the other", () => {
    let d = rebaseDraft(afterA, bEditsTwo());
    d = { ...d, i0: keepMine(afterA[0]!, d.i0!), i1: takeTheirs(afterA[1]!) };
    expect(changedEntries(afterA, d).map((e) => e.indicatorId)).toEqual(["i0"]);
    expect(d.i1!.raw).toBe("90.1");
  });

  it("an edit equal to what is now stored settles without a conflict", () => {
    const d = initialDraft(before);
    d.i3 = { ...d.i3!, raw: "90.3" };
    const rebased = rebaseDraft(afterA, d);
    expect(conflictsOf(afterA, rebased)).toEqual([]);
    expect(changedEntries(afterA, rebased)).toEqual([]);
  });

  it("a cell someone cleared meanwhile is a conflict too, never silently re-created", () => {
    const start = grid([num(95, 2)]);
    const cleared = grid([null]);
    const d = initialDraft(start);
    d.i0 = { ...d.i0!, raw: "96" };
    const conflicts = conflictsOf(cleared, rebaseDraft(cleared, d));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.theirs).toBeNull();
  });

  it("after one's own save, the refetched values settle every edit", () => {
    const d = initialDraft(before);
    d.i0 = { ...d.i0!, raw: "90" };
    const saved = rebaseDraft(afterA, d);
    expect(editedCells(afterA, saved)).toEqual({});
  });
});

describe("local draft", () => {
  class MemoryStore {
    data = new Map<string, string>();
    getItem(k: string) {
      return this.data.get(k) ?? null;
    }
    setItem(k: string, v: string) {
      this.data.set(k, v);
    }
    removeItem(k: string) {
      this.data.delete(k);
    }
  }

  it("keeps edited cells with their base across a reload, and detects a later save as a conflict", () => {
    const store = new MemoryStore();
    const key = draftKey("u1", "p1", 2024);
    const start = grid([null, num(95, 1)]);
    const d = initialDraft(start);
    d.i0 = { ...d.i0!, raw: "96.5", note: "快报数" };
    saveDraft(store, key, editedCells(start, d));
    const loaded = loadDraft(store, key);
    expect(Object.keys(loaded!.cells)).toEqual(["i0"]);
    // Reload: nobody else saved — the edit is back.
    const again = restoreDraft(start, loaded!.cells);
    expect(again.i0!.raw).toBe("96.5");
    expect(changedEntries(start, again)).toHaveLength(1);
    // Reload after a colleague saved i0: the restored edit is a conflict, not an overwrite.
    const later = grid([num(97, 1, "乙"), num(95, 1)]);
    expect(conflictsOf(later, restoreDraft(later, loaded!.cells)).map((c) => c.key)).toEqual(["i0"]);
  });

  it("removes the draft when nothing is edited and ignores a corrupted one", () => {
    const store = new MemoryStore();
    store.setItem("k", "{not json");
    expect(loadDraft(store, "k")).toBeNull();
    store.setItem("k", JSON.stringify({ v: 1, savedAt: "x", cells: { a: { raw: 5 } } }));
    expect(loadDraft(store, "k")).toBeNull();
    saveDraft(store, "k", {});
    expect(store.getItem("k")).toBeNull();
  });
});

describe("keyboard", () => {
  it("Enter and ↓ move down, Shift+Enter and ↑ move up, other keys stay", () => {
    expect(nextCellIndex("Enter", false, 0, 3)).toBe(1);
    expect(nextCellIndex("ArrowDown", false, 1, 3)).toBe(2);
    expect(nextCellIndex("Enter", false, 2, 3)).toBeNull();
    expect(nextCellIndex("Enter", true, 2, 3)).toBe(1);
    expect(nextCellIndex("ArrowUp", false, 0, 3)).toBeNull();
    expect(nextCellIndex("Tab", false, 0, 3)).toBeNull();
  });
});
