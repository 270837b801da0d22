import { describe, expect, it } from "vitest";
import { changedEntries, type EntryRow, initialDraft, validateDraft } from "../src/features/entry/entry-model.ts";

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

describe("entry grid model", () => {
  it("starts from the stored values and sends nothing when untouched", () => {
    const d = initialDraft(rows);
    expect(d.b).toEqual({ raw: "95", source: "统计年鉴", note: "" });
    expect(changedEntries(rows, d)).toEqual([]);
    expect(validateDraft(rows, d)).toEqual({});
  });

  it("sends only changed rows, each with the version it was based on", () => {
    const d = initialDraft(rows);
    d.a = { raw: "96.1%", source: "", note: "" };
    d.b = { raw: "95.0", source: "统计年鉴", note: "" }; // same number: not a change
    d["c|药品"] = { raw: "已实现省级统筹", source: "", note: "按省厅通知" };
    expect(changedEntries(rows, d)).toEqual([
      { indicatorId: "a", subject: null, value: { kind: "number", value: 96.1 }, source: null, note: null, version: null },
      { indicatorId: "c", subject: "药品", value: { kind: "text", text: "已实现省级统筹" }, source: null, note: "按省厅通知", version: null },
    ]);
    d.b = { raw: "96", source: "统计年鉴", note: "" };
    expect(changedEntries(rows, d).find((e) => e.indicatorId === "b")?.version).toBe(3);
    d.b = { raw: "", source: "统计年鉴", note: "" }; // emptied: clears the stored value
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
    d.a = { raw: "120", source: "", note: "" };
    d.b = { raw: "abc", source: "统计年鉴", note: "" };
    const errors = validateDraft(rows, d);
    expect(errors.a).toBe("百分比应在 0 到 100 之间");
    expect(errors.b).toBe("请输入数字（单位：%）");
    expect(errors["c|药品"]).toBeUndefined();
  });
});
